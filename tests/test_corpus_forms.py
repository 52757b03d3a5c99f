"""A report printed from a survey tool's export, one form per effort, is read by its
fields: each record's section, measure title, bodies (codes, or a name as free text
mapped by the codebook) and narrative, wrapped and across a page break, in "Key = value"
records and in a legacy template's "Label: value" ones; a withdrawn response is no
effort, and the submission log and running heads are left out."""

from __future__ import annotations

from corpus import parse_plan
from corpus.forms import forms_to_plain
from tests.conftest import assert_reads_only_its_form

_FOOT = "Annex 2 - FY2083 input sheets                 Folio {:02d}/03\n\nEXP-2083 export\n\n"

REPORT = (
    "EXP-2083 export\n"
    "\n"
    'Form title: Efforts on the "Basic Plan", FY2083 - input sheet\n'
    "Notes: one response per effort.\n"
    "\n"
    "[GROUP] Section_No = 1\n"
    "Section_Title = Enhancement of public awareness\n"
    "\n"
    "----- record 1 of 4 -----\n"
    "Response_ID = R83-0101\n"
    "Section_No = 1\n"
    "Measure_No = 1\n"
    "Measure_Title = Promotion of public relations and awareness-raising for the\n"
    "    prevention of victimization\n"
    "Lead_Body = CAO\n"
    "\n" + _FOOT.format(1) + "Co_Bodies = CFA; Other: Consumer Affairs Agency\n"
    "Narrative = Held the symposium on 2083/07/09 with 640 people; figures\n"
    "    below.\n"
    "Figures_Grid =\n"
    "    Indicator        FY2082    FY2083\n"
    "    Participants        610       640\n"
    "Status = submitted\n"
    "\n"
    "----- record 2 of 4 -----\n"
    "Response_ID = R83-0102\n"
    "Section_No = 1\n"
    "Measure_Title = Promotion of public relations and awareness-raising for the\n"
    "    prevention of victimization\n"
    "Lead_Body = NPA\n"
    "Narrative = Withdrawn before the deadline.\n"
    "Status = withdrawn\n"
    "\n"
    "[GROUP] Section_No = 2\n"
    "Section_Title = Support for children and families\n"
    "\n"
    "----- record 3 of 4 -----\n"
    "Response_ID = R83-0103\n"
    "Section_No = 2\n"
    "Measure_Title = Support for parents and guardians\n"
    "Lead_Body = CFA\n"
    "Co_Bodies =\n"
    "Narrative = Ran the chat line for parents in September\n"
    "\n" + _FOOT.format(2) + "    2083.\n"
    "Status = submitted\n"
    "\n"
    "----- records 4 to 4 of 4: imported from a legacy template -----\n"
    "\n"
    "Response ID: R83-0104\n"
    "Section number: 2\n"
    "Measure title: Support for parents and guardians\n"
    "Lead body: MOJ\n"
    "Other bodies: MHLW\n"
    "Description: Invited psychiatrists to 12 prisons.\n"
    "Status: submitted\n"
    "\n"
    "CODEBOOK\n"
    '    code=CAO   label="Cabinet Office"\n'
    '    code=NPA   label="National Police Agency"\n'
    '    code=CFA   label="Children and Families Agency"\n'
    '    code=CAA   label="Consumer Affairs Agency"  (added in version 3)\n'
    '    code=MHLW  label="Ministry of Health, Labour and\n'
    '        Welfare"\n'
    '    code=MOJ   label="Ministry of Justice"\n'
    '    code=OTH   label="Other (please specify)"\n'
    "\n" + _FOOT.format(3)
)


def test_records_give_sections_measures_and_efforts_with_their_bodies() -> None:
    plan = parse_plan(REPORT, source="fy2083_efforts.txt")
    assert plan.title == 'Efforts on the "Basic Plan", FY2083 - input sheet'
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),
        (2, "Support for children and families"),
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        # the bodies after a page break; a name given as free text
        ("fy2083-1.1.1", ("CAO", "CFA", "CAA"), ("2083-07",)),
        ("fy2083-2.1.1", ("CFA",), ("2083-09",)),  # a date cut by a page break
        ("fy2083-2.1.2", ("MOJ", "MHLW"), ()),  # the legacy template's labels
    ]
    assert efforts[0].text == (
        "Held the symposium on 2083/07/09 with 640 people; figures below. "
        "| Indicator | FY2082 | FY2083 | |---|---|---| | Participants | 610 | 640 |"
    )
    assert plan.glossary["MHLW"] == "Ministry of Health, Labour and Welfare"
    assert "OTH" not in plan.glossary


def test_the_report_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    assert_reads_only_its_form(forms_to_plain, REPORT)
