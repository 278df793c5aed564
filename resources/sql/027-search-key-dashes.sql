-- Search keys ignore dashes as well as spaces, so "3 2 1201", "3-2 1201" and
-- "321201" all find unit 3-2-1201, and a landline typed with or without its
-- dash finds its tail.  Keys stored before kept their dashes (unit codes,
-- landlines, plates); drop the same dashes pd-search.c's is_dash() drops:
-- ASCII, full-width, en and em dash.  Spaces were never stored.
UPDATE search_key
   SET key = replace(replace(replace(replace(key, '-', ''), '－', ''), '–', ''), '—', '')
 WHERE instr(key, '-') > 0 OR instr(key, '－') > 0 OR instr(key, '–') > 0 OR instr(key, '—') > 0;
-- pd-search.c never stores an empty key.
DELETE FROM search_key WHERE key = '';
