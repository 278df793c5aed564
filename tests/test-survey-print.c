/* The batch of paper questionnaires: one page per target unit, in unit
 * order, each with its unit code, the campaign and every item; by the
 * library and by `propdesk-cli print questionnaires`. */
#include "config.h"

#include "pd-form-survey.h"
#include "pd-pdf.h"
#include "pd-test-survey.h"

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { pdftotext, "-f", number, "-l", number, pdf, "-", NULL };
  int status;
  char *text;

  g_assert_nonnull (pdftotext);
  text = pd_test_run (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  return text;
}

static void
test_one_page_per_unit (void)
{
  static const char *const codes[] = { "1-1-101", "1-1-102", "1-2-101", "2-1-101", "2-1-102", "2-1-201", "3-1-101" };
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "questionnaires.pdf", NULL);
  g_autofree char *two = g_build_filename (pd_test_tmpdir (), "building2.pdf", NULL);
  g_autoptr (PdRenderer) renderer = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = NULL;
  gint64 campaign, building;
  guint pages = 0;

  pd_test_survey_units (ctx);
  campaign = pd_test_survey_campaign (ctx, "2026年3月满意度调查", "2026-03-01", "2026-03-31", "all", NULL, 0);
  building = pd_test_survey_campaign (ctx, "2栋回访", "2026-03-01", "2026-03-31", "buildings", "2", 0);
  tmpl = pd_survey_template_get_current (ctx, &error);

  renderer = pd_form_survey_questionnaires_renderer (pd_survey_questionnaires_new (ctx, campaign, &error));
  g_assert_no_error (error);
  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *text = page_text (path, i + 1);

      g_assert_nonnull (strstr (text, codes[i]));
      for (guint j = 0; j < G_N_ELEMENTS (codes); j++)
        if (j != i)
          g_assert_null (strstr (text, codes[j]));
      g_assert_nonnull (strstr (text, "2026年3月满意度调查"));
      g_assert_nonnull (strstr (text, "2026-03-01"));
      for (guint k = 0; k < pd_survey_template_n_items (tmpl); k++)
        g_assert_nonnull (strstr (text, pd_survey_template_item_title (tmpl, k)));
      g_assert_nonnull (strstr (text, "很不满意"));
      g_assert_nonnull (strstr (text, "意见和建议"));
    }
  g_clear_pointer (&renderer, pd_renderer_unref);

  renderer = pd_form_survey_questionnaires_renderer (pd_survey_questionnaires_new (ctx, building, &error));
  g_assert_true (pd_pdf_write (renderer, two, &pages, &error));
  g_assert_cmpuint (pages, ==, 3);
  {
    g_autofree char *text = page_text (two, 3);
    g_assert_nonnull (strstr (text, "2-1-201"));
  }

  g_assert_null (pd_survey_questionnaires_new (ctx, 99, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
}

static void
test_cli (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "print.db", NULL);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "cli.pdf", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-03-20 09:00:00");
  const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "print", "questionnaires", "三月抽样", path, NULL };
  const char *bad[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "print", "questionnaires", "7", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  pd_test_survey_units (ctx);
  pd_test_survey_campaign (ctx, "三月抽样", "2026-03-01", "2026-03-31", "sample", NULL, 2);
  g_clear_object (&ctx);
  out = pd_test_run (argv, &status, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "2 questionnaires"));
  {
    g_autofree char *first = page_text (path, 1);
    g_autofree char *second = page_text (path, 2);
    g_assert_nonnull (strstr (first, "1-1-101"));
    g_assert_nonnull (strstr (second, "2-1-101"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run (bad, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "#7"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/print/one-page-per-unit", test_one_page_per_unit);
  g_test_add_func ("/survey/print/cli", test_cli);
  return g_test_run ();
}
