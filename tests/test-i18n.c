/* Under a Chinese locale the core speaks Chinese (the catalogue is found in
 * the build tree when running uninstalled). */
#include "config.h"

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-i18n.h"

static void
test_core_in_chinese (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (pd_unit_state_label ("vacant"), ==, "空置");
  g_assert_cmpstr (pd_unit_state_label ("handed_over"), ==, "已交房");
  g_assert_false (pd_unit_code_parse ("1201", NULL, NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==, "房号：“1201”不是“楼栋-单元-房号”格式，例如 3-2-1201。");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  pd_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/core-in-chinese", test_core_in_chinese);
  return g_test_run ();
}
