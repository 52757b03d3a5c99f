"""A report published as open data in JSON is read as the text it holds."""

from __future__ import annotations

import json

from corpus import parse_plan
from corpus.jsondoc import is_json, json_to_plain

DOCUMENT = {
    "title": "FY2070 Efforts on the \"Basic Plan\"",
    "publisher": {"name": "Children and Families Agency"},
    "sections": [
        {
            "section_no": 1,
            "title": "Enhancement of public awareness",
            "measures": [
                {
                    "measure_no": 1,
                    "heading": "Campaigns and events",
                    "efforts": [
                        {
                            "seq": 1,
                            "status": "published",
                            "text": ["Held the \"Safe Screens\" forum in Nara (03-JUL-2070", 
                                     {"layout": "page-break", "footer": "Pg. 1"},
                                     "to 02-AUG-2070)."],
                            "lead_bodies": ["MEXT, NPA"],
                        },
                        {"seq": 2, "status": "withdrawn", "text": ["A seminar."],
                         "lead_bodies": ["CAO"]},
                    ],
                },
                {"layout": "page-break", "footer": "Pg. 2"},
                {
                    "measure_no": 2,
                    "heading": "Calls",
                    "efforts": [
                        {
                            "item_no": 1,
                            "text": "Counted the calls to the new desk \u2013 in its first year.",
                            "responsible_bodies": [
                                {"code": "CAO", "name": None},
                                {"code": None, "name": "National Police Agency"},
                            ],
                            "table": {"caption": "Calls", "columns": ["Channel", "FY2070"],
                                      "rows": [["Phone", "3,100"], ["Chat", None]]},
                        }
                    ],
                },
            ],
        }
    ],
    "code_lists": {"bodies": [{"code": "NPA", "name_en": "National Police Agency"},
                              {"code": "CAO", "name_en": "Cabinet Office"},
                              {"code": "MEXT", "name_en": "Ministry of Education"}]},
}  # fmt: skip
TEXT = json.dumps(DOCUMENT, indent=2)


def test_an_open_data_edition_reads_as_the_report_it_holds() -> None:
    plan = parse_plan(TEXT, source="fy2070.json")
    assert plan.title == 'FY2070 Efforts on the "Basic Plan"'
    assert [(s.number, s.title) for s in plan.sections] == [(1, "Enhancement of public awareness")]
    assert [m.title for m in plan.sections[0].measures] == ["Campaigns and events", "Calls"]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        # bodies as one string of two codes; a withdrawn record is no effort
        ("fy2070-1.1.1", ("MEXT", "NPA"), ("2070-07", "2070-08")),
        # … or as objects with a code or a name
        ("fy2070-1.2.1", ("CAO", "NPA"), ()),
    ]
    # the text's strings are one text, page-break objects left out; escapes read
    assert efforts[0].text == 'Held the "Safe Screens" forum in Nara (03-JUL-2070 to 02-AUG-2070).'
    assert efforts[1].text.startswith("Counted the calls to the new desk – in its first year.")
    assert "Calls | Channel | FY2070 | |---|---| | Phone | 3,100 | | Chat | – |" in efforts[1].text
    assert plan.glossary["CAO"] == "Cabinet Office"


def test_the_document_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    lines = TEXT.splitlines()
    assert len(json_to_plain(lines)) == len(lines)
    plain = ["FY2019 Efforts", "1. Awareness", "· Held a forum {twice}. [NPA]"]
    assert not is_json(plain)
    assert json_to_plain(plain) == plain
    other = ['{"name": "not a report", "items": [1, 2]}']  # JSON, but no sections of efforts
    assert json_to_plain(other) == other
