/* test-pinyin.c — pinyin keys of names. */
#include <glib.h>

#include "pd-pinyin.h"

static void
check (const char *name,
       const char *want_full,
       const char *want_initials)
{
  g_autofree char *full = NULL;
  g_autofree char *initials = NULL;

  pd_pinyin_of_name (name, &full, &initials);
  g_assert_cmpstr (full, ==, want_full);
  g_assert_cmpstr (initials, ==, want_initials);
}

static void
test_common_names (void)
{
  check ("张三", "zhangsan", "zs");
  check ("王伟", "wangwei", "ww");
  check ("刘秀英", "liuxiuying", "lxy");
  check (" 张 三 ", "zhangsan", "zs");
  check ("欧阳娜娜", "ouyangnana", "oynn");
  check ("司马相如", "simaxiangru", "smxr");
}

static void
test_polyphonic_surnames (void)
{
  g_autofree char *full = NULL;
  g_autofree char *initials = NULL;

  pd_pinyin_of_name ("曾小明", &full, &initials);
  g_assert_true (g_str_has_prefix (full, "zeng"));
  g_assert_cmpstr (full, ==, "zengxiaoming");
  g_assert_cmpstr (initials, ==, "zxm");

  g_clear_pointer (&full, g_free);
  g_clear_pointer (&initials, g_free);
  pd_pinyin_of_name ("单田芳", &full, &initials);
  g_assert_true (g_str_has_prefix (full, "shan"));
  g_assert_cmpstr (full, ==, "shantianfang");
  g_assert_cmpstr (initials, ==, "stf");

  check ("尉迟恭", "yuchigong", "ycg");
  check ("区志明", "ouzhiming", "ozm");
  check ("万俟卨", "moqixie", "mqx");
  check ("长孙无忌", "zhangsunwuji", "zswj");
  check ("令狐冲", "linghuchong", "lhc");
  check ("澹台明", "tantaiming", "ttm");
  check ("解明", "xieming", "xm");
  check ("仇伟", "qiuwei", "qw");
  check ("朴智", "piaozhi", "pz");
  check ("查良", "zhaliang", "zl");
  check ("盖伟", "gewei", "gw");
  check ("乐伟", "yuewei", "yw");
  check ("覃伟", "qinwei", "qw");
  check ("缪伟", "miaowei", "mw");
  check ("召伟", "shaowei", "sw");
  check ("员伟", "yunwei", "yw");
  check ("翟伟", "zhaiwei", "zw");
  check ("秘伟", "biwei", "bw");
  check ("折伟", "shewei", "sw");
  check ("繁伟", "powei", "pw");
  check ("种伟", "chongwei", "cw");
  check ("阚伟", "kanwei", "kw");
  check ("都伟", "duwei", "dw");
  check ("重伟", "chongwei", "cw");
  check ("隗伟", "weiwei", "ww");
  check ("句伟", "gouwei", "gw");
  check ("卜伟", "buwei", "bw");
  check ("長孫明", "zhangsunming", "zsm");
  check ("單明", "shanming", "sm");
  check ("賁明", "benming", "bm");
  /* Forms of address still get the surname's reading. */
  check ("曾先生", "zengxiansheng", "zxs");
}

static void
test_surname_only_at_start (void)
{
  /* 曾 inside a given name keeps ICU's reading; only the surname is fixed. */
  check ("王曾", "wangceng", "wc");
  /* Company names start with a place, not a surname: 乐山 is leshan. */
  check ("乐山物业服务有限公司", "leshanwuyefuwuyouxiangongsi", "lswyfwyxgs");
  /* One of ICU's few word-level readings (重 alone is zhong). */
  check ("重庆市物业公司", "chongqingshiwuyegongsi", "cqswygs");
}

static void
test_latin_and_digits (void)
{
  check ("John Smith", "johnsmith", "js");
  check ("Müller", "muller", "m");
  check ("O'Brien", "obrien", "ob");
  check ("ＡＢＣ", "abc", "a");
  check ("王2号", "wang2hao", "w2h");
  check ("3号楼", "3haolou", "3hl");
  check ("北京市ABC科技有限公司", "beijingshiabckejiyouxiangongsi", "bjsakjyxgs");
  check ("李·娜", "lina", "ln");
}

static void
test_empty_and_odd (void)
{
  g_autofree char *full = NULL;
  g_autofree char *initials = NULL;

  check ("", "", "");
  check ("   ", "", "");
  check ("——", "", "");
  pd_pinyin_of_name (NULL, &full, &initials);
  g_assert_cmpstr (full, ==, "");
  g_assert_cmpstr (initials, ==, "");
  /* Out arguments are optional. */
  pd_pinyin_of_name ("张三", NULL, NULL);
  /* Invalid UTF-8 from an old file must not crash. */
  check ("\xff\xfe张三", "zhangsan", "zs");
  /* A rare character beyond ICU's table is dropped, not kept as garbage. */
  check ("张𠮷", "zhang", "z");
}

static gpointer
worker (gpointer data)
{
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *full = NULL;
      g_autofree char *initials = NULL;

      pd_pinyin_of_name (i % 2 ? "曾小明" : "John 张三", &full, &initials);
      if (g_strcmp0 (full, i % 2 ? "zengxiaoming" : "johnzhangsan") != 0)
        return GINT_TO_POINTER (1);
    }
  return data;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pinyin", worker, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/common-names", test_common_names);
  g_test_add_func ("/pinyin/polyphonic-surnames", test_polyphonic_surnames);
  g_test_add_func ("/pinyin/surname-only-at-start", test_surname_only_at_start);
  g_test_add_func ("/pinyin/latin-and-digits", test_latin_and_digits);
  g_test_add_func ("/pinyin/empty-and-odd", test_empty_and_odd);
  g_test_add_func ("/pinyin/threads", test_threads);

  return g_test_run ();
}
