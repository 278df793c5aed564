/* libFuzzer target: the CSV reader (encodings, quoting, line ends). */
#include "pd-ledger.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = pd_csv_parse ((const char *) data, size, &error);

  if (table != NULL)
    for (guint row = 0; row < pd_ledger_table_get_n_rows (table); row++)
      for (guint col = 0; col < pd_ledger_table_get_n_cells (table, row) + 1; col++)
        g_assert (g_utf8_validate (pd_ledger_table_get_cell (table, row, col), -1, NULL));
  else
    g_assert (error != NULL);
  return 0;
}
