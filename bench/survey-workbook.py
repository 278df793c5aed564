#!/usr/bin/python3
"""The monthly survey statistics workbook (客户意见征询调查统计表) written with
python3-xlsxwriter from the same SQLite data, as bench/pd-bench's side-by-side
comparison with `propdesk-cli export survey-stats`.

    survey-workbook.py DATABASE YYYY-MM OUT.xlsx

The same workbook, cell for cell (tests/test-survey-workbook.c's
/survey/workbook/python-mirror compares the two): the five sheets with the
same columns, number formats, header row, frozen panes, autofilters, totals,
notes, follow-up due dates and late stages, and the two charts.  The
figures come from the same queries as src/core/pd-survey-stats.c (forms
summed per day and campaign from survey_day_total, targets per campaign and
building from survey_building_target_total, forms per day, campaign and
building from survey_building_day_total, per-item answers from
survey_item_day_total), so the comparison is of the writers and the
languages, not of query designs.
PropDesk also logs the export in its database; this script only reads."""
import datetime
import sqlite3
import sys

import xlsxwriter
from xlsxwriter.utility import xl_range_abs

PERIOD_DAYS = "d.answered_on >= ?2 AND d.answered_on < ?3 AND (?1 = 0 OR d.campaign_id = ?1)"
CAMPAIGNS = ("WITH camp (id) AS (SELECT id FROM survey_campaign WHERE (?1 = 0 OR id = ?1) "
             "AND start_on < ?3 AND end_on >= ?2 UNION "
             "SELECT d.campaign_id FROM survey_day_total d WHERE " + PERIOD_DAYS + ") ")
STAGES = ["待送达责任部门", "待书面整改措施", "待整改", "待回访", "已关闭"]


def month_shift(month, delta):
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + delta
    return "%04d-%02d" % (index // 12, index % 12 + 1)


def month_period(month):
    return (0, month + "-01", month_shift(month, 1) + "-01")


def campaign_figures(db, month):
    """Targets and goals of the month's campaigns (the core's sql_targets and sql_goals)."""
    args = month_period(month)
    goals = db.execute(CAMPAIGNS + "SELECT max(c.coverage_goal_pct), max(c.satisfaction_goal_pct) "
                       "FROM camp JOIN survey_campaign c ON c.id = camp.id", args).fetchone()
    targets = db.execute(CAMPAIGNS + "SELECT coalesce (sum (n.targets), 0) FROM camp "
                         "JOIN survey_building_target_total n ON n.campaign_id = camp.id", args).fetchone()[0]
    return {"month": month, "first": args[1], "after": args[2], "targets": targets,
            "coverage_goal": goals[0] if goals[0] is not None else 95,
            "satisfaction_goal": goals[1] if goals[1] is not None else 95,
            "responses": 0, "opinions": 0, "valid": 0, "satisfied": 0, "points": 0}


def ratio(part, whole):
    """part ÷ whole, None where PropDesk writes "—" (pd_survey_rate: NAN)."""
    return part / whole if whole else None


def finish(stats):
    stats["rate"] = ratio(stats["satisfied"], stats["valid"])
    stats["average"] = ratio(stats["points"], stats["valid"])
    stats["coverage"] = ratio(stats["responses"], stats["targets"])
    return stats


def add_day_totals(db, months, first, after):
    """Forms, opinions and answers from survey_day_total grouped by day, summed into
    months: the same range of the same primary key as the core's trend."""
    by_month = {m["month"]: m for m in months}
    for day, forms, opinions, valid, satisfied, points in db.execute(
            "SELECT d.answered_on, sum(d.forms), sum(d.opinions), sum(d.valid), sum(d.satisfied), "
            "sum(d.score_sum) FROM survey_day_total d WHERE " + PERIOD_DAYS +
            " GROUP BY d.answered_on", (0, first, after)):
        m = by_month.get(day[:7])
        if m is None:
            continue
        m["responses"] += forms
        m["opinions"] += opinions
        m["valid"] += valid
        m["satisfied"] += satisfied
        m["points"] += points


def month_stats(db, month):
    """One month in full, as the core's pd_survey_stats_compute: per-item counts from
    survey_item_day_total, the forms per day and campaign from survey_day_total and per
    day, campaign and building from survey_building_day_total."""
    stats = campaign_figures(db, month)
    args = month_period(month)
    add_day_totals(db, [stats], args[1], args[2])
    titles = {row[0]: row[1] for row in db.execute(
        CAMPAIGNS + "SELECT i.id, i.title FROM camp JOIN survey_campaign c ON c.id = camp.id "
        "JOIN survey_item i ON i.template_id = c.template_id ORDER BY i.position", args)}
    items = {item: {"title": title, "counts": [0] * 6} for item, title in titles.items()}
    for item, score, n in db.execute(
            "SELECT d.item_id, d.score, sum(d.answers) FROM survey_item_day_total d WHERE "
            + PERIOD_DAYS + " GROUP BY d.item_id, d.score", args):
        items.setdefault(item, {"title": str(item), "counts": [0] * 6})["counts"][score] += n
    for item, asked in db.execute(
            "SELECT i.id, sum(n.forms) FROM (SELECT d.campaign_id, sum(d.forms) AS forms "
            "FROM survey_day_total d WHERE " + PERIOD_DAYS + " GROUP BY d.campaign_id) n "
            "JOIN survey_campaign c ON c.id = n.campaign_id "
            "JOIN survey_item i ON i.template_id = c.template_id GROUP BY i.id", args):
        if item in items:
            items[item]["counts"][0] = asked - sum(items[item]["counts"][1:])
    buildings = {}
    for code, n in db.execute(
            CAMPAIGNS + "SELECT b.code, sum(n.targets) FROM camp JOIN survey_building_target_total n "
            "ON n.campaign_id = camp.id JOIN building b ON b.id = n.building_id GROUP BY b.id", args):
        buildings[code] = {"targets": n, "responses": 0, "valid": 0, "satisfied": 0}
    for code, n, _, valid, satisfied in db.execute(
            "SELECT b.code, sum(d.forms), sum(d.opinions), sum(d.valid), sum(d.satisfied) "
            "FROM survey_building_day_total d JOIN building b ON b.id = d.building_id "
            "WHERE " + PERIOD_DAYS + " GROUP BY d.building_id", args):
        b = buildings.setdefault(code, {"targets": 0, "responses": 0, "valid": 0, "satisfied": 0})
        b["responses"], b["valid"], b["satisfied"] = n, valid, satisfied
    stats["items"], stats["buildings"] = items, buildings
    return finish(stats)


def trend_stats(db, month, n_months=12):
    """The 12-month trend as the core's pd_survey_stats_trend: targets per month, the
    year's forms in one pass over the totals by day."""
    months = [campaign_figures(db, month_shift(month, -i)) for i in range(n_months - 1, -1, -1)]
    add_day_totals(db, months, months[0]["first"], months[-1]["after"])
    return [finish(m) for m in months]


class Book:
    """The workbook as src/export/pd-xlsx.c sets it up: one format per kind of
    column (等线 11, centred vertically), a shaded header row 22 high, the
    panes frozen below it, an autofilter over each table, and the page set
    up for printing."""

    def __init__(self, out, title):
        self.book = xlsxwriter.Workbook(out)
        self.book.set_properties({"title": title, "author": "PropDesk", "comments": "PropDesk"})
        base = {"font_name": "等线", "font_size": 11, "valign": "vcenter"}
        kinds = {"text": {"num_format": "@"}, "integer": {"num_format": "0"},
                 "decimal": {"num_format": "0.00"}, "money": {"num_format": "#,##0.00"},
                 "date": {"num_format": "yyyy-mm-dd", "align": "left"}, "percent": {"num_format": "0.0%"},
                 "header": {"bold": True, "bg_color": "#D9E1F2", "pattern": 1, "border": 1,
                            "align": "center", "text_wrap": True}}
        self.formats = {kind: self.book.add_format(dict(base, **extra)) for kind, extra in kinds.items()}
        # pd-survey-workbook.c's own formats.
        self.rate = self.book.add_format({"num_format": "0.00%", "font_name": "等线"})
        self.average = self.book.add_format({"num_format": "0.00", "font_name": "等线"})
        self.note = self.book.add_format({"font_name": "等线", "font_color": "#595959"})

    def table_sheet(self, name, columns):
        sheet = self.book.add_worksheet(name)
        for col, (title, width, kind) in enumerate(columns):
            sheet.set_column(col, col, width, self.formats[kind])
            sheet.write_string(0, col, title, self.formats["header"])
        sheet.set_row(0, 22)
        sheet.freeze_panes(1, 0)
        # Printing as pd-xlsx.c sets it: A4, turned when wider than 90
        # characters, one page wide, header row on every page, page numbers.
        sheet.set_paper(9)
        if sum(width for _, width, _ in columns) > 90:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        sheet.set_footer("&C&P / &N")
        return sheet

    def text(self, sheet, row, col, value):
        if value:
            sheet.write_string(row, col, value, self.formats["text"])
        else:
            sheet.write_blank(row, col, None, self.formats["text"])

    def integer(self, sheet, row, col, value):
        sheet.write_number(row, col, value, self.formats["integer"])

    def date(self, sheet, row, col, iso):
        if iso:
            sheet.write_datetime(row, col, datetime.datetime.strptime(iso[:10], "%Y-%m-%d"), self.formats["date"])
        else:
            sheet.write_blank(row, col, None, self.formats["date"])


def rate_cell(book, sheet, row, col, value, fmt):
    if value is None:
        book.text(sheet, row, col, "—")
    else:
        sheet.write_number(row, col, value, fmt)


def ref(sheet, first_row, first_col, last_row, last_col):
    """A chart's data range quoted as libxlsxwriter quotes it ('分项统计'!$B$2:$B$4)."""
    return "='%s'!%s" % (sheet, xl_range_abs(first_row, first_col, last_row, last_col))


NOTES = ["口径说明：",
         "1. 按问卷的填写日期计入月份；未填日期的问卷按录入日计，超出调查期的计入调查期内最近一天。",
         "2. 分项满意率 =（很满意 + 满意）÷ 该项有效答案数；未作答（空白或 0）不计入有效答案。",
         "3. 总体满意率 = 各项“很满意 + 满意”答案合计 ÷ 各项有效答案合计；“总体满意度”作为单独一项统计。",
         "4. 调查面 = 本月回收问卷数 ÷ 本月所涉调查计划的调查户数（调查期与本月重叠或本月有回收问卷的计划）。",
         "5. “—”表示没有有效答案或没有调查户数，无法计算比率（不是 0%）。"]
STAGE_SHORT = ["送达", "书面措施", "整改", "回访"]


class Followup:
    """One opinion's follow-up as src/core/pd-survey-followup.c reads it: per
    stage its text, the day it was done, and a time limit in calendar days
    from the day the stage before it was done (rectification has none)."""

    def __init__(self, row, limits, today):
        (self.unit, self.campaign, self.received_on, self.opinion, self.text, self.done) = (
            row[0], row[1], row[2], row[3], [row[4], row[6], "", row[9]], [row[5], row[7], row[8], row[10]])
        self.due = []
        for stage, limit in enumerate(limits):
            start = self.received_on if stage == 0 else self.done[stage - 1]
            self.due.append(None if limit is None or not start else
                            (datetime.date.fromisoformat(start) + datetime.timedelta(days=limit)).isoformat())
        self.late = [due is not None and (self.done[s] or today) > due for s, due in enumerate(self.due)]
        self.stage = next((s for s, done in enumerate(self.done) if not done), 4)


def write_summary(book, estate, month, now, last, followups):
    columns = [("项目", 26, "text"), ("本月", 14, "integer"), ("去年同期", 14, "integer"), ("目标", 10, "integer"),
               ("达标情况", 10, "text")]
    sheet = book.table_sheet("汇总", columns)
    rate, average = book.rate, book.average
    book.text(sheet, 1, 0, "统计月份")
    book.text(sheet, 1, 1, month)
    book.text(sheet, 1, 2, last["month"])
    book.text(sheet, 2, 0, "小区")
    book.text(sheet, 2, 1, estate)
    row = 3
    for label, key, goal in [("调查户数", "targets", None), ("回收问卷（份）", "responses", None),
                             ("调查面", "coverage", "coverage_goal"), ("有效答案（个）", "valid", None),
                             ("满意答案（很满意＋满意）", "satisfied", None), ("总体满意率", "rate", "satisfaction_goal"),
                             ("平均分（5 分制）", "average", None), ("意见和建议（条）", "opinions", None)]:
        book.text(sheet, row, 0, label)
        for col, stats in ((1, now), (2, last)):
            if key in ("coverage", "rate", "average"):
                rate_cell(book, sheet, row, col, stats[key], average if key == "average" else rate)
            else:
                book.integer(sheet, row, col, stats[key])
        if goal:
            sheet.write_number(row, 3, now[goal] / 100.0, rate)
            met = "—" if now[key] is None else "达标" if now[key] * 100 >= now[goal] else "未达标"
            book.text(sheet, row, 4, met)
        row += 1
    for label, count in (("其中已回访关闭（条）", sum(f.stage == 4 for f in followups)),
                         ("其中有逾期环节（条）", sum(any(f.late) for f in followups))):
        book.text(sheet, row, 0, label)
        book.integer(sheet, row, 1, count)
        row += 1
    for i, line in enumerate(NOTES):
        sheet.write_string(row + 1 + i, 0, line, book.note)


def place_rate_chart(sheet, chart, title, row, col):
    chart.set_title({"name": title})
    chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
    sheet.insert_chart(row, col, chart, {"x_offset": 10, "y_offset": 10, "x_scale": 1.8, "y_scale": 1.2})


def write_items(book, now, last):
    columns = [("序号", 6, "integer"), ("调查项目", 20, "text"), ("很满意", 8, "integer"), ("满意", 8, "integer"),
               ("一般", 8, "integer"), ("不满意", 8, "integer"), ("很不满意", 9, "integer"), ("未作答", 8, "integer"),
               ("有效答案", 9, "integer"), ("满意答案", 9, "integer"), ("满意率", 10, "text"), ("平均分", 8, "text"),
               ("去年同期满意率", 14, "text")]
    sheet = book.table_sheet("分项统计", columns)
    items = list(now["items"].values())
    last_rates = {}
    for item in last["items"].values():
        counts = item["counts"]
        last_rates[item["title"]] = ratio(counts[5] + counts[4], sum(counts[1:]))
    totals = [0] * 6
    for row, item in enumerate(items, 1):
        counts = item["counts"]
        valid = sum(counts[1:])
        satisfied = counts[5] + counts[4]
        book.integer(sheet, row, 0, row)
        book.text(sheet, row, 1, item["title"])
        for score in range(5, 0, -1):
            book.integer(sheet, row, 2 + 5 - score, counts[score])
        book.integer(sheet, row, 7, counts[0])
        book.integer(sheet, row, 8, valid)
        book.integer(sheet, row, 9, satisfied)
        rate_cell(book, sheet, row, 10, ratio(satisfied, valid), book.rate)
        rate_cell(book, sheet, row, 11, ratio(sum(s * counts[s] for s in range(1, 6)), valid), book.average)
        rate_cell(book, sheet, row, 12, last_rates.get(item["title"]), book.rate)
        totals = [t + c for t, c in zip(totals, counts)]
    row = len(items) + 1
    sheet.autofilter(0, 0, row - 1, len(columns) - 1)
    book.text(sheet, row, 1, "合计（总体）")
    for score in range(5, 0, -1):
        book.integer(sheet, row, 2 + 5 - score, totals[score])
    book.integer(sheet, row, 7, totals[0])
    book.integer(sheet, row, 8, now["valid"])
    book.integer(sheet, row, 9, now["satisfied"])
    rate_cell(book, sheet, row, 10, now["rate"], book.rate)
    rate_cell(book, sheet, row, 11, now["average"], book.average)
    rate_cell(book, sheet, row, 12, last["rate"], book.rate)
    if items:
        chart = book.book.add_chart({"type": "column"})
        chart.add_series({"name": "满意率", "categories": ref("分项统计", 1, 1, len(items), 1),
                          "values": ref("分项统计", 1, 10, len(items), 10)})
        chart.set_legend({"none": True})
        place_rate_chart(sheet, chart, "各项满意率", len(items) + 3, 1)


def building_order(kv):
    code = kv[0]
    digits = len(code) - len(code.lstrip("0123456789"))
    return (int(code[:digits]) if digits else 0, code)


def write_buildings(book, now):
    columns = [("楼栋", 8, "text"), ("调查户数", 10, "integer"), ("回收问卷", 10, "integer"), ("调查面", 10, "text"),
               ("有效答案", 10, "integer"), ("满意答案", 10, "integer"), ("满意率", 10, "text")]
    sheet = book.table_sheet("分楼栋统计", columns)
    buildings = sorted(now["buildings"].items(), key=building_order)
    rows = [("%s栋" % code, b["targets"], b["responses"], b["valid"], b["satisfied"]) for code, b in buildings]
    rows.append(("合计", now["targets"], now["responses"], now["valid"], now["satisfied"]))
    for row, (name, targets, responses, valid, satisfied) in enumerate(rows, 1):
        if row == len(rows):
            sheet.autofilter(0, 0, row - 1, len(columns) - 1)
        book.text(sheet, row, 0, name)
        book.integer(sheet, row, 1, targets)
        book.integer(sheet, row, 2, responses)
        rate_cell(book, sheet, row, 3, ratio(responses, targets), book.rate)
        book.integer(sheet, row, 4, valid)
        book.integer(sheet, row, 5, satisfied)
        rate_cell(book, sheet, row, 6, ratio(satisfied, valid), book.rate)


def write_trend(book, trend):
    columns = [("月份", 10, "text"), ("调查户数", 10, "integer"), ("回收问卷", 10, "integer"), ("调查面", 10, "text"),
               ("有效答案", 10, "integer"), ("满意答案", 10, "integer"), ("满意率", 10, "text"), ("平均分", 10, "text")]
    sheet = book.table_sheet("月度趋势", columns)
    for row, m in enumerate(trend, 1):
        book.text(sheet, row, 0, m["month"])
        book.integer(sheet, row, 1, m["targets"])
        book.integer(sheet, row, 2, m["responses"])
        book.integer(sheet, row, 4, m["valid"])
        book.integer(sheet, row, 5, m["satisfied"])
        for col, key, fmt in ((3, "coverage", book.rate), (6, "rate", book.rate), (7, "average", book.average)):
            if m[key] is not None:
                sheet.write_number(row, col, m[key], fmt)
    sheet.autofilter(0, 0, len(trend), len(columns) - 1)
    chart = book.book.add_chart({"type": "line"})
    for name, col in (("满意率", 6), ("调查面", 3)):
        chart.add_series({"name": name, "categories": ref("月度趋势", 1, 0, len(trend), 0),
                          "values": ref("月度趋势", 1, col, len(trend), col), "marker": {"type": "circle"}})
    chart.show_blanks_as("gap")
    place_rate_chart(sheet, chart, "月度满意率与调查面趋势", len(trend) + 3, 0)


def write_opinions(book, followups):
    columns = [("序号", 6, "integer"), ("房号", 10, "text"), ("调查计划", 18, "text"), ("收到日期", 11, "date"),
               ("意见和建议", 36, "text"), ("责任部门", 10, "text"), ("送达日期", 11, "date"),
               ("送达时限", 11, "date"), ("整改措施", 28, "text"), ("措施日期", 11, "date"),
               ("措施时限", 11, "date"), ("整改完成日期", 12, "date"), ("回访结果", 20, "text"),
               ("回访日期", 11, "date"), ("回访时限", 11, "date"), ("当前环节", 14, "text"), ("逾期环节", 24, "text")]
    due_columns, done_columns, text_columns = (7, 10, 0, 14), (6, 9, 11, 13), (5, 8, 0, 12)
    sheet = book.table_sheet("意见跟进", columns)
    for row, f in enumerate(followups, 1):
        book.integer(sheet, row, 0, row)
        book.text(sheet, row, 1, f.unit)
        book.text(sheet, row, 2, f.campaign)
        book.date(sheet, row, 3, f.received_on)
        book.text(sheet, row, 4, f.opinion)
        for s in range(4):
            if text_columns[s]:
                book.text(sheet, row, text_columns[s], f.text[s])
            book.date(sheet, row, done_columns[s], f.done[s])
            if due_columns[s]:
                book.date(sheet, row, due_columns[s], f.due[s])
        book.text(sheet, row, 15, STAGES[f.stage])
        book.text(sheet, row, 16, "、".join(STAGE_SHORT[s] for s in range(4) if f.late[s]))
    sheet.autofilter(0, 0, len(followups), len(columns) - 1)


def main():
    path, month, out = sys.argv[1:4]
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    now = month_stats(db, month)
    last = month_stats(db, month_shift(month, -12))
    trend = trend_stats(db, month)
    days = dict(db.execute("SELECT key, value FROM setting WHERE key IN "
                           "('survey.route_days', 'survey.measures_days', 'survey.return_visit_days')"))
    limits = [int(days["survey.route_days"]), int(days["survey.measures_days"]), None,
              int(days["survey.return_visit_days"])]
    today = datetime.date.today().isoformat()
    followups = [Followup(row, limits, today) for row in db.execute(
        "SELECT u.code, c.name, f.received_on, r.opinion, f.department, f.routed_on, f.measures, "
        "f.measures_on, f.rectified_on, f.visit_result, f.visited_on FROM survey_followup f "
        "JOIN survey_response r ON r.id = f.response_id JOIN survey_campaign c ON c.id = r.campaign_id "
        "JOIN unit u ON u.id = r.unit_id WHERE f.received_on >= ? AND f.received_on < ? "
        "ORDER BY f.received_on, f.id", (now["first"], now["after"]))]
    estate = db.execute("SELECT name FROM estate ORDER BY id DESC LIMIT 1").fetchone()[0]

    book = Book(out, "客户意见征询调查统计表 %s" % month)
    write_summary(book, estate, month, now, last, followups)
    write_items(book, now, last)
    write_buildings(book, now)
    write_trend(book, trend)
    write_opinions(book, followups)
    book.book.close()


if __name__ == "__main__":
    main()
