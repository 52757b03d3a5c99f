"""A report's English edition copied out of a Japanese publisher's e-book is read by its
Japanese marks: 【Ⅰ】 chapters, ⑴ measures, ① efforts ending in the bodies in charge in
white lenticular brackets (abbreviated, in full, or in Japanese), full-width digits, dates
with the era year beside the Western one, and running heads and notes left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.ebook import ebook_to_plain
from tests.conftest import assert_reads_only_its_form

REPORT = (
    "FY2080 Efforts on the Basic Plan\n"
    "English Edition（Reiwa 62 Edition）\n"
    "\n"
    "【Notes on this edition】\n"
    "・The bodies in charge are shown in brackets, e.g. 〖NPA・MEXT〗.\n"
    "\n"
    "【Ⅰ】Enhancement of public awareness, development of social awareness,\n"
    "　　　and international collaboration\n"
    "\n"
    "⑴　Promotion of public relations and awareness-raising for the\n"
    "　　prevention of victimization\n"
    "①Held the forum \"Mamoru（まもる）\" at Nara Hall（奈良ホール／ならほーる）in Nara（July\n"
    "　１９, Reiwa 62（2080））; about 640 people attended.                〖CAO・CFA〗\n"
    "②Ran the campaign \"Talk First\"（June 1〜July 31, Reiwa 62（2080））at 1,200\n"
    "\n"
    "２　FY2080 Efforts on the Basic Plan\n"
    "\n"
    "　stations.\n"
    "                                〖Children and Families Agency・Ministry\n"
    "                                    of Justice〗\n"
    "\n"
    "【Ⅱ】Support for children and families\n"
    "\n"
    "⑴　Awareness-raising activities\n"
    "①Operated the consultation line（May of Reiwa 62（2080））.\n"
    "　〔Table 1〕Consultations received\n"
    "　　Channel                   FY2079（Reiwa 61）  FY2080（Reiwa 62）\n"
    "　　Telephone                             12,400              13,100\n"
    "                                                               〖法務省〗\n"
    "②Held seminars in 40 prefectures.                    〖こども家庭庁・警察庁〗\n"
    "\n"
    "※　Abbreviations used in this edition（略称一覧）\n"
    "　CAO＝Cabinet Office／内閣府（ないかくふ）\n"
    "　NPA＝National Police Agency／警察庁（けいさつちょう）\n"
    "　CFA＝Children and Families Agency／こども家庭庁（こどもかていちょう）\n"
    "　MOJ＝Ministry of Justice／法務省（ほうむしょう）\n"
    "\n"
    "【Colophon】\n"
    "Issued：July 10, Reiwa 63（2081）〖CAO〗\n"
)


def test_the_japanese_marks_give_chapters_measures_and_efforts_with_their_bodies() -> None:
    plan = parse_plan(REPORT, source="fy2080_efforts.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
        (2, "Support for children and families"),
    ]  # fmt: skip
    assert plan.sections[0].measures[0].title == (
        "Promotion of public relations and awareness-raising for the prevention of victimization"
    )
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2080-1.1.1", ("CAO", "CFA"), ("2080-07",)),  # a full-width day, split by a wrap
        # across a page break and its running head; a name in full, wrapped
        ("fy2080-1.1.2", ("CFA", "MOJ"), ("2080-06", "2080-07")),
        ("fy2080-2.1.1", ("MOJ",), ("2080-05",)),  # a body named in Japanese, by the legend
        ("fy2080-2.1.2", ("CFA", "NPA"), ()),
    ]
    first, second, table, _ = (e.text for e in efforts)
    # half-width, the Western year only, a space where a full-width bracket stood
    assert first == (
        'Held the forum "Mamoru (まもる)" at Nara Hall (奈良ホール/ならほーる) in Nara '
        "(July 19, 2080); about 640 people attended."
    )
    assert second == 'Ran the campaign "Talk First" (June 1–July 31, 2080) at 1,200 stations.'
    assert "| Channel | FY2079 | FY2080 |" in table and "| Telephone | 12,400 | 13,100 |" in table
    assert plan.glossary["MOJ"] == "Ministry of Justice"


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(ebook_to_plain, REPORT)
