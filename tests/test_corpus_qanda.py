"""A report written as questions and answers is read as the report its answers make."""

from __future__ import annotations

from corpus import find_dates, parse_plan
from corpus.qanda import is_qanda, qanda_to_plain

QA = """\
Questions and Answers on the FY2071 Efforts

=== GENERAL (Q0-1 to Q0-2) ===

Q0-1  What is this?

  A.  It answers, measure by measure, what was done; "Answered by:" names the
      bodies.

Q0-2  Which abbreviations are used?

  A.  These:

       (1)  NPA    National Police Agency
       (2)  GEB    Gender Equality Bureau, Cabinet Office
      (10)  MEXT   Ministry of Education, Culture, Sports, Science
                   and Technology

=== CATEGORY 1 (Q1-1 to Q1-2) ===
Enhancement of public awareness, development of social awareness, and
international collaboration

Q1-1  What was done under "Promotion of public relations and awareness-raising
      for the prevention of victimization"?

  A1. Held a forum in Nara (2071.7.20~8.31); 900 people came.
      Answered by: NPA

  A2. Ran a helpline, used as follows.
      Channel                            FY2070      FY2071
      ---------------------------------  ----------  ----------
      Telephone                              41,300      43,100
      Answered by: GEB / Ministry of Education, Culture, Sports, Science and
                   Technology

                                     <2>
Q&A on FY2071 Efforts                                          Rev. 2072.6.30

Q1-2  How were schools supported?

  A1. Sent a guide to 1,200 schools (2071.12.1~2072.1.15).
      Answered by: MEXT
"""


def test_a_qandas_answers_read_as_the_efforts_of_its_measures() -> None:
    plan = parse_plan(QA, source="fy2071.txt")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness, development of social awareness, and "
            "international collaboration"),
    ]  # fmt: skip
    # a question quoting its measure's title is that measure; one that does not, itself
    assert [m.title for m in plan.sections[0].measures] == [
        "Promotion of public relations and awareness-raising for the prevention of "
        "victimization",
        "How were schools supported?",
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2071-1.1.1", ("NPA",), ("2071-07", "2071-08")),
        ("fy2071-1.1.2", ("GEB", "MEXT"), ()),  # a labelled list of bodies cut by a slash
        ("fy2071-1.2.1", ("MEXT",), ("2071-12", "2072-01")),
    ]
    # a table typed with spaces is read as Markdown rows; the page's number is no text
    assert efforts[1].text == (
        "Ran a helpline, used as follows. | Channel | FY2070 | FY2071 | |---|---|---| "
        "| Telephone | 41,300 | 43,100 |"
    )
    # the general part's questions are no measures; its legend's rows are numbered
    assert plan.glossary["GEB"] == "Gender Equality Bureau, Cabinet Office"
    assert plan.glossary["MEXT"].endswith("Science and Technology")


def test_a_report_that_asks_one_question_is_no_qanda() -> None:
    lines = ["FY2019 Efforts", "1. Awareness", "Q1-1  Why?", "· Held a forum. [NPA]"]
    assert not is_qanda(lines)
    assert qanda_to_plain(lines) == lines


def test_dotted_dates_without_zeros_and_their_ranges_are_read() -> None:
    assert find_dates("(2064.6.3), (2064.7.20~8.31) and (2064.12.1~2065.1.15)") == (
        "2064-06",
        "2064-07",
        "2064-08",
        "2064-12",
        "2065-01",
    )
