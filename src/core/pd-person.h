/* pd-person.h — people: individuals and enterprises (DOMAIN §1). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *kind;             /* individual | enterprise */
  char   *name;
  char   *sex;              /* "" | M | F */
  char   *birthday;         /* YYYY-MM-DD or "" */
  char   *id_type;          /* resident_id | passport | hk_macao_taiwan | other */
  char   *id_number;
  char   *mobile;
  char   *phone2;
  char   *address;
  char   *form_of_address;
  char   *language;
  char   *emergency_name;
  char   *emergency_phone;
  char   *preferences;
  char   *consent_on;
  char   *consent_note;
  char   *uscc;
  char   *legal_rep;
  char   *contact_person;
  char   *signatories;
  char   *archive_location;
  char   *docs_checked;     /* comma list of document keys, see pd_person_documents */
  char   *notes;
} PdPerson;

PdPerson   *pd_person_new        (void);
void        pd_person_free       (PdPerson *person);
PdPerson   *pd_person_copy       (const PdPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPerson, pd_person_free)

/* Checks every field and normalises them in place (ID upper-case, phones to
 * digits, dates to ISO); derives birthday and sex from a resident ID when
 * they are empty and refuses a mismatch when they were typed. */
gboolean    pd_person_validate   (PdPerson  *person,
                                  GError   **error);
gint64      pd_person_create     (PdContext *ctx,
                                  PdPerson  *person,
                                  GError   **error);
/* pd_person_create() for a record pd_person_validate() accepted and that
 * was not changed since (an importer validates every row while reading the
 * file, to report it): validating again would give the same record, so it
 * is not repeated; the checks against the owner files (ID number and
 * credit code not someone else's) are made as by pd_person_create(). */
gint64      pd_person_create_validated (PdContext *ctx,
                                        PdPerson  *person,
                                        GError   **error);
gboolean    pd_person_update     (PdContext *ctx,
                                  PdPerson  *person,
                                  GError   **error);
PdPerson   *pd_person_get        (PdContext *ctx,
                                  gint64     person_id,
                                  GError   **error);
/* 0 when nobody has that ID number. */
gint64      pd_person_find_by_id_number (PdContext  *ctx,
                                         const char *id_type,
                                         const char *id_number);
/* 0 when nobody with that name has that mobile. */
gint64      pd_person_find_by_name_mobile (PdContext  *ctx,
                                           const char *name,
                                           const char *mobile);

/* The documents checked against originals (dual-track archive, 002). */
typedef struct
{
  const char *key;
  const char *label;
} PdDocumentKind;
const PdDocumentKind *pd_person_documents (guint *n);

/* Translated labels of the coded values; unknown codes come back as is. */
const char *pd_person_kind_label    (const char *kind);
const char *pd_person_sex_label     (const char *sex);
const char *pd_person_id_type_label (const char *id_type);
/* "身份证复印件、购房合同" for "id_copy,purchase_contract"; newly allocated. */
char       *pd_person_documents_label (const char *docs_checked);

G_END_DECLS
