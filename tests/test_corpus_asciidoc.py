"""A report kept as AsciiDoc source is read as the page it renders."""

from __future__ import annotations

from corpus import find_dates, parse_plan
from corpus.asciidoc import asciidoc_to_plain, is_asciidoc

PAGE = """\
////
Source of the FY2070 page and its PDF.
////
= FY2070 Efforts on the Basic Plan
Cabinet Office
v1.0, 2071-05-02
:sectnums:
:resp-label: Responsible
:npa: National Police Agency

:sectnums!:
== About this page

* Efforts are listed by measure.

:sectnums:
[[p1]]
== Enhancement of public awareness

[[a1]]
=== Campaigns and events

. Held the "`Safe Screens`" forum in Nara
(2070-07-03/08-02), streamed to 4,100{nbsp}viewers. [.bodies]#NPA,
CAO#
. Sent the booklet _Ask First_ to 900 schools (Mon 1 September 2070):
* 120 of them asked for more
* a second edition followed

+
[.bodies]#CAO#

NOTE: Figures are provisional.

// --- page 1 ends ---
<<<
=== Information abroad

. Counted the calls to the new desk (see <<a1>>).
+
.Calls
[cols="2,1",options="header"]
|===
|Channel |FY2070
|Phone |3,100
|===
+
{resp-label}: {npa}

////
. A withdrawn effort.
////

.Abbreviations
****
NPA:: National Police
Agency
CAO:: Cabinet Office
****

[appendix]
== Revision history

. First release.
"""


def test_an_asciidoc_source_reads_as_the_report_it_renders() -> None:
    plan = parse_plan(PAGE, source="fy2070.adoc")
    assert plan.title == "FY2070 Efforts on the Basic Plan"
    # the unnumbered section and the appendix are no part of the plan
    assert [(s.number, s.title) for s in plan.sections] == [(1, "Enhancement of public awareness")]
    assert [m.title for m in plan.sections[0].measures] == [
        "Campaigns and events",
        "Information abroad",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2070-1.1.1", ("NPA", "CAO"), ("2070-07", "2070-08")),  # a role cut by the line
        ("fy2070-1.1.2", ("CAO",), ("2070-09",)),  # bodies joined with "+" after a list
        ("fy2070-1.2.1", ("NPA",), ()),  # a labelled line of bodies, named by attributes
    ]
    assert efforts[0].text == (
        'Held the "Safe Screens" forum in Nara (2070-07-03/08-02), streamed to 4,100 viewers.'
    )
    assert "(Mon 1 September 2070): 120 of them asked for more a second edition" in efforts[1].text
    assert "see Campaigns and events" in efforts[2].text  # a cross reference: its title
    assert "Calls | Channel | FY2070 | |---|---| | Phone | 3,100 |" in efforts[2].text
    assert plan.glossary == {"NPA": "National Police Agency", "CAO": "Cabinet Office"}


def test_the_page_keeps_its_line_count_and_reads_the_plain_report_unchanged() -> None:
    lines = PAGE.splitlines()
    assert len(asciidoc_to_plain(lines)) == len(lines)
    plain = ["FY2019 Efforts", "1. Awareness", "· Held a forum. [NPA]"]
    assert not is_asciidoc(plain)
    assert asciidoc_to_plain(plain) == plain


def test_an_iso_interval_is_read_as_the_months_it_spans() -> None:
    assert find_dates("(2070-09-10/10-09), (2070-06-13/15), (2070-12-01/2071-01-15)") == (
        "2070-06",
        "2070-09",
        "2070-10",
        "2070-12",
        "2071-01",
    )
