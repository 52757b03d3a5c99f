"""A report kept as XML in a publishing schema (DocBook) is read as the text it renders."""

from __future__ import annotations

from corpus import parse_plan
from corpus.xmldoc import is_xml, xml_to_plain

PAGE = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article [
  <!ENTITY fy "FY2070">
  <!ENTITY npa "National Police Agency">
]>
<!-- exported from the editing system -->
<article xmlns="http://docbook.org/ns/docbook" xmlns:x="urn:x-house">
  <info>
    <title>&fy; Efforts on the <quote>Basic Plan</quote></title>
    <revhistory><revision><date>02-Jun-2071</date><revremark>Figures of
      FY2069 inserted.</revremark></revision></revhistory>
  </info>
  <section label="1">
    <title>Enhancement of public awareness</title>
    <section>
      <title>Campaigns and
        events</title>
      <orderedlist>
        <listitem x:resp="NPA CAO">
          <para>Held the <citetitle>Safe Screens</citetitle> forum in Nara
            (<date>03-Jul-2070</date> to <date>02-Aug-2070</date>)<footnote><para>Streamed
            too.</para></footnote>.</para>
        </listitem>
        <listitem>
          <para>Counted the calls to the new desk
            <?Pub _newpage?>
            in its first year.</para>
          <informaltable>
            <tgroup cols="2">
              <thead><row><entry>Channel</entry><entry>FY2070</entry></row></thead>
              <tbody><row><entry>Phone</entry><entry>3,100</entry></row></tbody>
            </tgroup>
          </informaltable>
          <x:resp><orgname>&npa;</orgname><orgname>CAO</orgname></x:resp>
        </listitem>
      </orderedlist>
      <note><para>Figures are provisional.</para></note>
    </section>
    <glossary>
      <glossentry><glossterm>NPA</glossterm><glossdef><para>National Police
        Agency</para></glossdef></glossentry>
      <glossentry><glossterm>CAO</glossterm><glossdef><para>Cabinet Office</para></glossdef>
      </glossentry>
    </glossary>
  </section>
</article>
"""


def test_a_docbook_source_reads_as_the_report_it_renders() -> None:
    plan = parse_plan(PAGE, source="fy2070.xml")
    assert plan.title == "FY2070 Efforts on the “Basic Plan”"  # the entity expanded
    assert [(s.number, s.title) for s in plan.sections] == [(1, "Enhancement of public awareness")]
    assert [m.title for m in plan.sections[0].measures] == ["Campaigns and events"]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2070-1.1.1", ("NPA", "CAO"), ("2070-07", "2070-08")),  # bodies in an attribute
        ("fy2070-1.1.2", ("NPA", "CAO"), ()),  # … or in an element, by name or in full
    ]
    # a title is a name in quotes; a footnote and a page break show nothing
    assert efforts[0].text == "Held the “Safe Screens” forum in Nara (03-Jul-2070 to 02-Aug-2070)."
    assert efforts[1].text.startswith("Counted the calls to the new desk in its first year.")
    assert "| Channel | FY2070 | |---|---| | Phone | 3,100 |" in efforts[1].text
    assert plan.glossary == {"NPA": "National Police Agency", "CAO": "Cabinet Office"}


def test_the_page_keeps_its_line_count_and_other_reports_are_unchanged() -> None:
    lines = PAGE.splitlines()
    assert len(xml_to_plain(lines)) == len(lines)
    plain = ["FY2019 Efforts", "1. Awareness", "· Held a <b>forum</b>. [NPA]"]
    assert not is_xml(plain)
    assert xml_to_plain(plain) == plain
    broken = [*lines[:-1], "</articl>"]  # not well-formed: left to the parser to refuse
    assert xml_to_plain(broken) == broken
