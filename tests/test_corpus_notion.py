"""A report kept as a team wiki page and exported to Markdown is read by its numbered
headings, toggle blocks and numbered to-dos: the tags at an effort's end (inline code or
badges) are its bodies, what it holds (nested items, a pasted table) stays with it, and the
page's properties, callouts, contents and printed-page furniture are left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.notion import notion_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    '# 🛡️ FY2080 Efforts on the "Basic Plan"\n'
    "\n"
    "Owner: Policy Team\n"
    "Reporting period: April 1, 2080 → March 31, 2081\n"
    "\n"
    "<aside>\n"
    "📌 Tags (`NPA`, <kbd>NPA</kbd>) name the bodies responsible.\n"
    "</aside>\n"
    "\n"
    "- [🗂️ Workstream 1 · Enhancement of public\n"
    "  awareness](#b1118b)\n"
    "\n"
    "## 🗂️ Workstream 1 · Enhancement of public awareness\n"
    "\n"
    "<details>\n"
    "<summary><strong>Action 1.1</strong> — Promotion of public relations</summary>\n"
    "\n"
    "- [x] 1️⃣ Held the forum \"Safe Screens\" in Nara (@July 11, 2080); 640 people\n"
    "  attended. `CAO` `CFA`\n"
    "  - Posters went up at 1,240 stations.\n"
    "- [ ] 2️⃣ Ran the campaign \"Talk First\" (@June 1, 2080 → July 31, 2080) with\n"
    "  videos on the [Kodomo\n"
    "  portal](https://example.go.jp/quiz).\n"
    "  `Ministry of Justice`\n"
    "\n"
    "</details>\n"
    "\n"
    "## 🗂️ Workstream 2 · Support for children and families\n"
    "\n"
    "<details>\n"
    "<summary><strong>Action 2.1</strong> — Awareness-raising activities</summary>\n"
    "\n"
    "- [x] 1️⃣ Operated the consultation line. Consultations by channel:\n"
    "\n"
    "  <sub>CSE · sheet 2 of 3</sub>\n"
    "\n"
    '  <div style="page-break-after: always;"></div>\n'
    "\n"
    "  | Channel   | FY2079 | FY2080 |\n"
    "  | --------- | ------ | ------ |\n"
    "  | Telephone | 12,400 | 13,100 |\n"
    "\n"
    "  <kbd>CFA</kbd> <kbd>NPA</kbd>\n"
    "\n"
    "</details>\n"
    "\n"
    "## 🔤 Tags used on this page\n"
    "\n"
    "| Tag   | Ministry or agency           | 府省庁       |\n"
    "| ----- | ---------------------------- | ------------ |\n"
    "| `CAO` | Cabinet Office               | 内閣府       |\n"
    "| `CFA` | Children and Families Agency | こども家庭庁 |\n"
    "| `NPA` | National Police Agency       | 警察庁       |\n"
    "| `MOJ` | Ministry of Justice          | 法務省       |\n"
)


def test_numbered_headings_toggles_and_to_dos_give_sections_measures_and_efforts() -> None:
    plan = parse_plan(REPORT, source="fy2080_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children and families"),
    ]
    assert plan.sections[0].measures[0].title == "Promotion of public relations"
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("CAO", "CFA"), ("2080-07",)),
        ("fy2080-1.1.2", ("MOJ",), ("2080-06", "2080-07")),  # a body in full; a date range
        ("fy2080-2.1.1", ("CFA", "NPA"), ()),  # badges after a page break and a table
    ]
    first, second, third = (e.text for e in efforts)
    assert first == (
        'Held the forum "Safe Screens" in Nara (July 11, 2080); 640 people attended. '
        "Posters went up at 1,240 stations."
    )
    assert second == (
        'Ran the campaign "Talk First" (June 1, 2080 – July 31, 2080) with videos on the '
        "Kodomo portal."
    )
    assert "| Telephone | 12,400 | 13,100 |" in third and "sheet" not in third
    assert plan.glossary["CFA"] == "Children and Families Agency"


def test_the_page_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(notion_to_plain, REPORT)
