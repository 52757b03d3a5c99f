"""A report kept as reStructuredText is read as the page it renders."""

from __future__ import annotations

from corpus import find_dates, parse_plan
from corpus.rst import is_rst, rst_to_plain

PAGE = """\
######################################
FY2070 Efforts on the Basic Plan
######################################

:Compiled by: Cabinet Office
:Revision: 3 (2071 May 2)

.. header::

   FY2070 Efforts — Basic Plan

.. |bp| replace:: Basic Plan

This page lists the efforts under the |bp|; see :ref:`legend`.

.. contents:: On this page
   :local:

.. _part-1:

=====================================
Goal 1 – Enhancement of public awareness
=====================================

Area 1 – Campaigns and events
-----------------------------

#. Held the *Safe Screens* forum in Nara (2070 July 3 – August 2) [#]_.

   :Handled by: NPA

#. Sent the booklet `Ask First <https://example.jp/ask>`_ to 900 schools,
   as shown below.

   .. csv-table:: Booklets sent
      :header: "Year", "Copies"

      "FY2069", "1,200"
      "FY2070", "1,450"

   .. raw:: pdf

      PageBreak

   :Handled by: CAO, National Police Agency

.. [#] The forum was streamed.

.. note::

   Figures are provisional.

Area 2 – Information abroad
---------------------------

.. a comment the page does not show

* Opened a desk in Osaka (2070 December 1 – 2071 January 9). [:abbr:`NPA (National
  Police Agency)`, :abbr:`CAO`]

* Counted the calls, as follows.

  ============  =====
  Channel       Calls
  ============  =====
  Phone         3,100
  ============  =====

  [:abbr:`CAO`]

.. rubric:: Abbreviations

.. list-table::
   :header-rows: 1

   * - Abbr.
     - Body
   * - NPA
     - National Police Agency
   * - CAO
     - Cabinet
       Office
"""


def test_a_sphinx_pages_source_reads_as_the_report_it_renders() -> None:
    plan = parse_plan(PAGE, source="fy2070.rst")
    assert plan.title == "FY2070 Efforts on the Basic Plan"
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness")
    ]
    assert [m.title for m in plan.sections[0].measures] == [
        "Campaigns and events",
        "Information abroad",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2070-1.1.1", ("NPA",), ("2070-07", "2070-08")),
        ("fy2070-1.1.2", ("CAO", "NPA"), ()),  # a field names its bodies, in full too
        ("fy2070-1.2.1", ("NPA", "CAO"), ("2070-12", "2071-01")),  # a role cut by the line
        ("fy2070-1.2.2", ("CAO",), ()),
    ]
    # inline markup is its text; a footnote, a note and a page break show nothing
    assert efforts[0].text == 'Held the "Safe Screens" forum in Nara (2070 July 3 – August 2).'
    assert efforts[1].text.startswith("Sent the booklet Ask First to 900 schools")
    assert "PageBreak" not in efforts[1].text and "provisional" not in efforts[1].text
    # tables, as directives or drawn with rules, are Markdown rows of their effort
    assert "| Year | Copies | | --- | --- | | FY2069 | 1,200 |" in efforts[1].text
    assert "| Channel | Calls | |---|---| | Phone | 3,100 |" in efforts[3].text
    assert plan.glossary == {"NPA": "National Police Agency", "CAO": "Cabinet Office"}


def test_a_plain_report_that_quotes_two_dots_is_no_restructured_text() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", "· Held a forum .. twice. [NPA]"]
    assert not is_rst(lines)
    assert rst_to_plain(lines) == lines


def test_a_date_written_year_first_is_read_with_its_range() -> None:
    assert find_dates("(2063 July 20 – August 31) and (2063 December 1 – 2064 January 15)") == (
        "2063-07",
        "2063-08",
        "2063-12",
        "2064-01",
    )
