#!/usr/bin/python3
"""The monthly survey statistics workbook (客户意见征询调查统计表) written with
python3-xlsxwriter from the same SQLite data, as bench/pd-bench's side-by-side
comparison with `propdesk-cli export survey-stats`.

    survey-workbook.py DATABASE YYYY-MM OUT.xlsx

The same five sheets, columns, formats and two charts, from the same queries
as src/core/pd-survey-stats.c (forms summed per day and campaign from
survey_day_total, targets per campaign and building from
survey_building_target_total, a building's forms from survey_response_total,
per-item answers from survey_item_day_total), so the comparison is of the
writers and the languages, not of query designs; follow-up due dates are counted in calendar
days here (PropDesk counts working days), which does not change the work
done."""
import sqlite3
import sys

import xlsxwriter

PERIOD_TOTALS = "t.answered_on >= ?2 AND t.answered_on < ?3 AND (?1 = 0 OR t.campaign_id = ?1)"
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


def finish(stats):
    valid, targets = stats["valid"], stats["targets"]
    stats["rate"] = stats["satisfied"] / valid if valid else None
    stats["average"] = stats["points"] / valid if valid else None
    stats["coverage"] = stats["responses"] / targets if targets else None
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
    survey_item_day_total, everything per form from survey_response_total."""
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
            "SELECT b.code, sum(x.forms), sum(x.opinions), sum(x.valid), sum(x.satisfied) FROM "
            "(SELECT u.entrance_id, count(*) AS forms, sum(t.opinion) AS opinions, sum(t.valid) AS valid, "
            "sum(t.satisfied) AS satisfied FROM survey_response_total t JOIN unit u ON u.id = t.unit_id "
            "WHERE " + PERIOD_TOTALS + " GROUP BY u.entrance_id) x "
            "JOIN entrance e ON e.id = x.entrance_id JOIN building b ON b.id = e.building_id GROUP BY b.id", args):
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


def rate_cell(sheet, row, col, value, fmt):
    if value is None:
        sheet.write_string(row, col, "—")
    else:
        sheet.write_number(row, col, value, fmt)


def table_sheet(book, name, columns, rows):
    sheet = book.add_worksheet(name)
    for col, (title, width) in enumerate(columns):
        sheet.set_column(col, col, width)
    sheet.add_table(0, 0, max(rows, 1), len(columns) - 1,
                    {"columns": [{"header": title} for title, _ in columns], "style": "Table Style Light 9"})
    return sheet


def main():
    path, month, out = sys.argv[1:4]
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    now = month_stats(db, month)
    last = month_stats(db, month_shift(month, -12))
    trend = trend_stats(db, month)
    followups = db.execute(
        "SELECT u.code, c.name, f.received_on, r.opinion, f.department, f.routed_on, f.measures, "
        "f.measures_on, f.rectified_on, f.visit_result, f.visited_on FROM survey_followup f "
        "JOIN survey_response r ON r.id = f.response_id JOIN survey_campaign c ON c.id = r.campaign_id "
        "JOIN unit u ON u.id = r.unit_id WHERE f.received_on >= ? AND f.received_on < ? "
        "ORDER BY f.received_on, f.id", (now["first"], now["after"])).fetchall()
    estate = db.execute("SELECT name FROM estate ORDER BY id DESC LIMIT 1").fetchone()[0]

    book = xlsxwriter.Workbook(out)
    book.set_properties({"title": "客户意见征询调查统计表 %s" % month})
    rate = book.add_format({"num_format": "0.00%", "font_name": "等线"})
    average = book.add_format({"num_format": "0.00", "font_name": "等线"})
    note = book.add_format({"font_name": "等线", "font_color": "#595959"})

    closed = sum(1 for f in followups if f[10])
    sheet = table_sheet(book, "汇总", [("项目", 26), ("本月", 14), ("去年同期", 14), ("目标", 10), ("达标情况", 10)], 14)
    rows = [("统计月份", month, last["month"]), ("小区", estate, None)]
    for row, (label, a, b) in enumerate(rows, 1):
        sheet.write_string(row, 0, label)
        sheet.write_string(row, 1, a)
        if b:
            sheet.write_string(row, 2, b)
    row = 3
    for label, key, goal in [("调查户数", "targets", None), ("回收问卷（份）", "responses", None),
                             ("调查面", "coverage", "coverage_goal"), ("有效答案（个）", "valid", None),
                             ("满意答案（很满意＋满意）", "satisfied", None), ("总体满意率", "rate", "satisfaction_goal"),
                             ("平均分（5 分制）", "average", None), ("意见和建议（条）", "opinions", None)]:
        sheet.write_string(row, 0, label)
        fmt = average if key == "average" else rate
        for col, stats in ((1, now), (2, last)):
            if key in ("coverage", "rate", "average"):
                rate_cell(sheet, row, col, stats[key], fmt)
            else:
                sheet.write_number(row, col, stats[key])
        if goal:
            sheet.write_number(row, 3, now[goal] / 100.0, rate)
            met = now[key] is not None and now[key] * 100 >= now[goal]
            sheet.write_string(row, 4, "达标" if met else "未达标")
        row += 1
    sheet.write_string(row, 0, "其中已回访关闭（条）")
    sheet.write_number(row, 1, closed)
    sheet.write_string(row + 2, 0, "口径说明：", note)

    items = list(now["items"].values())
    sheet = table_sheet(book, "分项统计", [("序号", 6), ("调查项目", 20), ("很满意", 8), ("满意", 8), ("一般", 8),
                                       ("不满意", 8), ("很不满意", 9), ("未作答", 8), ("有效答案", 9),
                                       ("满意答案", 9), ("满意率", 10), ("平均分", 8), ("去年同期满意率", 14)],
                        len(items))
    last_rates = {}
    for item in last["items"].values():
        valid = sum(item["counts"][1:])
        last_rates[item["title"]] = (item["counts"][5] + item["counts"][4]) / valid if valid else None
    for row, item in enumerate(items, 1):
        counts = item["counts"]
        valid = sum(counts[1:])
        satisfied = counts[5] + counts[4]
        sheet.write_number(row, 0, row)
        sheet.write_string(row, 1, item["title"])
        for score in range(5, 0, -1):
            sheet.write_number(row, 2 + 5 - score, counts[score])
        sheet.write_number(row, 7, counts[0])
        sheet.write_number(row, 8, valid)
        sheet.write_number(row, 9, satisfied)
        rate_cell(sheet, row, 10, satisfied / valid if valid else None, rate)
        rate_cell(sheet, row, 11, sum(s * counts[s] for s in range(1, 6)) / valid if valid else None, average)
        rate_cell(sheet, row, 12, last_rates.get(item["title"]), rate)
    chart = book.add_chart({"type": "column"})
    chart.add_series({"name": "满意率", "categories": ["分项统计", 1, 1, len(items), 1],
                      "values": ["分项统计", 1, 10, len(items), 10]})
    chart.set_title({"name": "各项满意率"})
    chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
    chart.set_legend({"none": True})
    sheet.insert_chart(len(items) + 3, 1, chart, {"x_offset": 10, "y_offset": 10, "x_scale": 1.8, "y_scale": 1.2})

    buildings = sorted(now["buildings"].items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0)
    sheet = table_sheet(book, "分楼栋统计", [("楼栋", 8), ("调查户数", 10), ("回收问卷", 10), ("调查面", 10),
                                        ("有效答案", 10), ("满意答案", 10), ("满意率", 10)], len(buildings))
    for row, (code, b) in enumerate(buildings, 1):
        sheet.write_string(row, 0, "%s栋" % code)
        sheet.write_number(row, 1, b["targets"])
        sheet.write_number(row, 2, b["responses"])
        rate_cell(sheet, row, 3, b["responses"] / b["targets"] if b["targets"] else None, rate)
        sheet.write_number(row, 4, b["valid"])
        sheet.write_number(row, 5, b["satisfied"])
        rate_cell(sheet, row, 6, b["satisfied"] / b["valid"] if b["valid"] else None, rate)

    sheet = table_sheet(book, "月度趋势", [("月份", 10), ("调查户数", 10), ("回收问卷", 10), ("调查面", 10),
                                      ("有效答案", 10), ("满意答案", 10), ("满意率", 10), ("平均分", 10)], len(trend))
    for row, m in enumerate(trend, 1):
        sheet.write_string(row, 0, m["month"])
        sheet.write_number(row, 1, m["targets"])
        sheet.write_number(row, 2, m["responses"])
        sheet.write_number(row, 4, m["valid"])
        sheet.write_number(row, 5, m["satisfied"])
        for col, key, fmt in ((3, "coverage", rate), (6, "rate", rate), (7, "average", average)):
            if m[key] is not None:
                sheet.write_number(row, col, m[key], fmt)
    chart = book.add_chart({"type": "line"})
    for name, col in (("满意率", 6), ("调查面", 3)):
        chart.add_series({"name": name, "categories": ["月度趋势", 1, 0, len(trend), 0],
                          "values": ["月度趋势", 1, col, len(trend), col], "marker": {"type": "circle"}})
    chart.set_title({"name": "月度满意率与调查面趋势"})
    chart.set_y_axis({"num_format": "0%", "min": 0, "max": 1})
    chart.show_blanks_as("gap")
    sheet.insert_chart(len(trend) + 3, 0, chart, {"x_offset": 10, "y_offset": 10, "x_scale": 1.8, "y_scale": 1.2})

    sheet = table_sheet(book, "意见跟进", [("序号", 6), ("房号", 10), ("调查计划", 18), ("收到日期", 11),
                                      ("意见和建议", 36), ("责任部门", 10), ("送达日期", 11), ("整改措施", 28),
                                      ("措施日期", 11), ("整改完成日期", 12), ("回访结果", 20), ("回访日期", 11),
                                      ("当前环节", 14)], len(followups))
    for row, f in enumerate(followups, 1):
        sheet.write_number(row, 0, row)
        for col, value in enumerate(f[:10], 1):
            sheet.write_string(row, col, value or "")
        sheet.write_string(row, 11, f[10] or "")
        stage = 4 if f[10] else 3 if f[8] else 2 if f[7] else 1 if f[5] else 0
        sheet.write_string(row, 12, STAGES[stage])
    book.close()


if __name__ == "__main__":
    main()
