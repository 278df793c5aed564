/* pd-database-values.c — values bound to statements and read from their
 * rows (see pd-database.h). */
#include "config.h"

#include "pd-database.h"

void
pd_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

void
pd_bind_text_uncopied (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_STATIC);
}

void
pd_bind_text_or_null (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
pd_column_text (sqlite3_stmt *stmt,
                int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);
  return text ? text : "";
}

char *
pd_column_dup (sqlite3_stmt *stmt,
               int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}
