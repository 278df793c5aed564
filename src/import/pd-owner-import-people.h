/* pd-owner-import-people.h — the people an owner import has written, held
 * in memory so that matching a row's person against them needs no query
 * (see pd-owner-import.c for when this stands in for the database). */
#pragma once

#include "pd-person.h"

G_BEGIN_DECLS

typedef struct _PdImportPeople PdImportPeople;

PdImportPeople *pd_import_people_new    (void);
void            pd_import_people_free   (PdImportPeople *people);
void            pd_import_people_clear  (PdImportPeople *people);
/* Notes what @person (written, with its id) can be found by: ID number
 * with its type, credit code, name and mobile.  Called again after a
 * person gained one of them. */
void            pd_import_people_add    (PdImportPeople *people,
                                         const PdPerson *person);
/* The person as the queries of pd-person.c would find them among the same
 * rows, 0 when nobody: the lowest id where several match. */
gint64          pd_import_people_find_by_id_number   (PdImportPeople *people,
                                                      const char     *id_type,
                                                      const char     *id_number);
gint64          pd_import_people_find_by_uscc        (PdImportPeople *people,
                                                      const char     *uscc);
gint64          pd_import_people_find_by_name_mobile (PdImportPeople *people,
                                                      const char     *name,
                                                      const char     *mobile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdImportPeople, pd_import_people_free)

G_END_DECLS
