"""A report kept as MediaWiki source is read as the page it renders."""

from __future__ import annotations

from corpus import find_dates, parse_plan
from corpus.wiki import is_wiki, wiki_to_plain

PAGE = """\
<!-- Exported from the intranet wiki; edit the page, not the PDF. -->
{{Infobox report
 | title = FY2070 Efforts on the Basic Plan
 | previous = [[FY2069 Efforts|FY2069]]
}}
The '''FY2070 Efforts''' list what was done.<ref>As compiled in May 2071.</ref>
__TOC__
== Pillar 1: Enhancement of public awareness ==
=== {{No|1|1}} Campaigns and events ===
# Held the ''Safe Screens'' forum in [[Nara]] ({{Date range|2070|7|3|2070|8|2}}).{{Resp|NPA}}
# Sent the booklet ''Ask First'' to 900 schools ({{Month|2070|9}}).{{Resp
 |CAO
<!-- page break -->
 |[[National Police Agency|NPA]]
}}
#* 120 of them asked for more;
#: a second edition followed from {{Date|2071|1|15}}.
=== {{No|1|2}} Information abroad ===
# Counted the calls to the new desk (Table 1).{{Resp|CAO}}
{| class="wikitable"
|+ Table 1 – Calls
! Channel !! FY2070
|-
| style="text-align:left" | Phone || 3,100
|}
<!-- # Held a withdrawn seminar. {{Resp|CAO}} -->
{{Abbreviations box
 | NPA = National Police
       Agency
 | CAO = Cabinet Office
}}
== See also ==
* [[FY2069 Efforts]]
[[Category:Reports]]
"""


def test_a_wiki_pages_source_reads_as_the_report_it_renders() -> None:
    plan = parse_plan(PAGE, source="fy2070.wiki")
    assert plan.title == "FY2070 Efforts on the Basic Plan"
    assert [(s.number, s.title) for s in plan.sections] == [(1, "Enhancement of public awareness")]
    assert [m.title for m in plan.sections[0].measures] == [
        "Campaigns and events",
        "Information abroad",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2070-1.1.1", ("NPA",), ("2070-07", "2070-08")),
        # bodies cut over lines and a page break; sub-items and continuations are the effort's
        ("fy2070-1.1.2", ("CAO", "NPA"), ("2070-09", "2071-01")),
        ("fy2070-1.2.1", ("CAO",), ()),  # a withdrawn item in a comment is none
    ]
    # templates show what they print, links their labels, italics a name in quotes
    assert efforts[0].text == 'Held the "Safe Screens" forum in Nara (3 July – 2 August 2070).'
    assert "120 of them asked for more; a second edition followed from 15 January 2071" in (
        efforts[1].text
    )
    # a table after an effort is its figures, as Markdown rows
    assert "Table 1 – Calls | Channel | FY2070 | |---|---| | Phone | 3,100 |" in efforts[2].text
    assert plan.glossary == {"NPA": "National Police Agency", "CAO": "Cabinet Office"}


def test_the_page_keeps_its_line_count_and_reads_the_plain_report_unchanged() -> None:
    lines = PAGE.splitlines()
    assert len(wiki_to_plain(lines)) == len(lines)
    plain = ["FY2019 Efforts", "1. Awareness", "· Held a forum == twice ==. [NPA]"]
    assert not is_wiki(plain)
    assert wiki_to_plain(plain) == plain


def test_a_date_range_template_is_read_as_the_months_it_shows() -> None:
    shown = wiki_to_plain(PAGE.splitlines())
    assert find_dates(" ".join(shown)) == ("2070-07", "2070-08", "2070-09", "2071-01")
