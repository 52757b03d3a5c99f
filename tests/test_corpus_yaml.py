"""A report kept as YAML, the source a publishing pipeline builds from, is read as the
text it holds."""

from __future__ import annotations

import re

import pytest

from corpus import find_dates, parse_plan
from corpus.dates import date_spans
from corpus.yamldoc import yaml_to_plain

TEXT = """\
%YAML 1.1
# efforts.yaml: source of the web and print editions
---
document:
  title: FY2071 Efforts on the Basic Plan
  period: {from: 2071-04-01, to: 2072-03-31}
--- # part 1
x-templates:
  npa-item: &npa_item
    in_charge: [NPA]
sections:
  - num: 1
    title: >-
      Enhancement of public
      awareness
    measures:
      - num: 1
        title: Campaigns
        efforts:
          - text: >
              Held the "Safe Screens" forum in Nara on
              12.07.2071.
            in_charge: &both [CFA, NPA]
          # - text: A withdrawn seminar.
          #   in_charge: [CAO]
          - <<: *npa_item
            text: 'Ran the ''Ask First'' campaign
              (08.2071).'
          - text:
              Counted the calls to the new desk
              in its first year.
            in_charge: [Cabinet Office,
#@pdf folio 1
              NPA]
            figures:
              - {indicator: Calls, FY2070: 3_100, FY2071: "4,200"}
legend:
  NPA: {ja: 警察庁, en: National Police Agency}
  CAO:
    ja: 内閣府
    en: >-
      Cabinet
      Office
--- # part 2
sections:
- num: 2
  title: Support for victims
  measures:
  - num: 1
    title: Consultation
    efforts:
    - text: |
        Opened a chat line (from 01.10.2071).
      in_charge: [CFA, NPA]
"""


def test_a_yaml_source_reads_as_the_report_it_holds() -> None:
    plan = parse_plan(TEXT, source="fy2071.yaml")
    assert [(s.number, s.title) for s in plan.sections] == [
        (1, "Enhancement of public awareness"),  # a folded title is one line
        (2, "Support for victims"),  # the next document's sections follow
    ]
    efforts = [e for *_, e in plan.efforts()]
    assert [(e.id, e.ministries, e.dates) for e in efforts] == [
        ("fy2071-1.1.1", ("CFA", "NPA"), ("2071-07",)),  # bodies from an anchor
        ("fy2071-1.1.2", ("NPA",), ("2071-08",)),  # … or a merge key; no commented-out effort
        ("fy2071-1.1.3", ("CAO", "NPA"), ()),  # a name in full; a flow list cut by a comment
        ("fy2071-2.1.1", ("CFA", "NPA"), ("2071-10",)),  # in the next document
    ]
    assert efforts[0].text == 'Held the "Safe Screens" forum in Nara on 12.07.2071.'
    assert efforts[1].text == "Ran the 'Ask First' campaign (08.2071)."  # quotes unescaped
    # figures as rows of keys, the keys their head; "3_100" as the report groups it
    assert "| indicator | FY2070 | FY2071 | |---|---|---| | Calls | 3,100 | 4,200 |" in (
        efforts[2].text
    )
    assert plan.glossary["CAO"] == "Cabinet Office"  # the English name of a code's entry


def test_each_part_is_written_on_the_line_where_the_file_writes_it() -> None:
    lines = TEXT.splitlines()
    plain = yaml_to_plain(lines)
    assert len(plain) == len(lines)
    text_line = next(n for n, line in enumerate(lines) if "Safe Screens" in line) - 1
    assert plain[text_line].startswith('· Held the "Safe Screens" forum')  # "- text: >"
    assert plain[lines.index("    title: >-")] == "1. Enhancement of public awareness"


def test_other_reports_and_yaml_without_efforts_are_unchanged() -> None:
    plain = ["FY2019 Efforts", "Legend: NPA = National Police Agency", "1. Awareness"]
    assert yaml_to_plain(plain) == plain
    config = ["name: not a report", "items: [1, 2]"]  # YAML, but no sections of efforts
    assert yaml_to_plain(config) == config
    broken = ["sections:", "  - title: [unclosed"]  # not well-formed: left for the parser
    assert yaml_to_plain(broken) == broken


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("held on 12.07.2071", ("2071-07",)),  # day first
        ("on 5.7.2071", ("2071-07",)),  # without zeros after a day
        ("(06.2071 and 11.2071)", ("2071-06", "2071-11")),  # a month alone
        ("(20.07.–31.08.2071)", ("2071-07", "2071-08")),  # the start's month too
        ("(04.–06.11.2071)", ("2071-11",)),  # days of one month
        ("(09.–10.2071)", ("2071-09", "2071-10")),  # months of one year
        ("(12.2071–01.2072)", ("2071-12", "2072-01")),
        ("(01.12.2071–\n15.01.2072)", ("2071-12", "2072-01")),
        ("95.7% of schools; 1.1 million times; 2071.07.12", ("2071-07",)),  # no figure a date
    ],
)
def test_dates_written_with_dots_day_first_are_read(text: str, months: tuple[str, ...]) -> None:
    assert find_dates(text) == months
    shown = [text[a:b].strip() for a, b in date_spans(text)]  # as written
    assert all(re.fullmatch(r"[\d.–]+", s) for s in shown) and len(shown) >= len(months) / 2
