/* pd-pinyin.h — pinyin keys for finding people and companies by name.
 *
 * Clerks search owners by typing the pinyin or its initials ("zs" finds
 * 张三), so every name is stored with both keys next to it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Full pinyin (lower-case ASCII, no spaces, no tones) and initials (first
 * letter of each syllable or word; runs of digits are kept whole) of a
 * person's or company's name: "张三" → "zhangsan", "zs"; "John Smith" →
 * "johnsmith", "js".  Either out argument may be NULL; NULL or empty @name
 * gives empty strings.  Safe to call from any thread. */
void pd_pinyin_of_name (const char *name,
                        char      **full,
                        char      **initials);

/* Opens ICU's Han-Latin transliterator (about a quarter of a second, once
 * per process) in a thread of its own and returns at once, so a caller
 * that will soon need many names' pinyin (an import, while it reads its
 * ledger) does not wait for it then.  Returns the thread, to be joined with
 * g_thread_join() before the process ends, or NULL when the transliterator
 * is open already. */
GThread *pd_pinyin_open_in_thread (void);

/* Works out the pinyin of @name into the results pd_pinyin_of_name()
 * keeps, on a copy of the transliterator that is the calling thread's own:
 * a thread that reads names ahead of a writer (an import's reader) does
 * ICU's part there, and the writer finds it done. */
void     pd_pinyin_prepare (const char *name);

G_END_DECLS
