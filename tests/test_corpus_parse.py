"""The parser, as a specification: text of an efforts report in, a Plan out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import BUNDLED_PLAN, CorpusError, Effort, Plan, find_dates, parse_plan, read_report

GOLDEN = Path(__file__).parent / "data" / "fy2019_expected.json"

EFFORT_MINISTRIES = {
    "fy2019-1.1.1": ("CAO",),
    "fy2019-1.2.1": ("NPA",),
    "fy2019-2.1.1": ("MIC", "MEXT", "METI"),
    "fy2019-2.1.2": ("MEXT", "NPA"),
    "fy2019-3.1.1": ("NPA",),
    "fy2019-4.1.1": ("MHLW",),
    "fy2019-4.2.1": ("NPA",),
    "fy2019-5.1.1": ("NPA",),
    "fy2019-5.2.1": ("MOJ",),
    "fy2019-6.1.1": ("MEXT",),
    "fy2019-6.2.1": ("MHLW",),
}


def bundled_plan() -> Plan:
    return parse_plan(read_report(BUNDLED_PLAN), source=BUNDLED_PLAN.name)


def report(*body: str, title: str = "FY2020 Efforts on the Basic Plan") -> str:
    """A small report: a title, section 1, one measure, then ``body`` lines."""
    return "\n".join([title, "", "1. Awareness", "", "O Campaigns", "", *body, ""])


def only_effort(plan: Plan) -> Effort:
    efforts = [effort for _, _, effort in plan.efforts()]
    assert len(efforts) == 1, efforts
    return efforts[0]


# -- the bundled FY2019 report -----------------------------------------------------------------


def test_bundled_report_parses_to_the_golden_file() -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert bundled_plan().model_dump(mode="json") == expected


def test_bundled_report_has_6_sections_10_measures_11_efforts_9_glossary_entries() -> None:
    plan = bundled_plan()
    assert plan.fiscal_year == 2019
    assert [s.number for s in plan.sections] == [1, 2, 3, 4, 5, 6]
    assert plan.measure_count == 10
    assert plan.effort_count == 11
    assert len(plan.glossary) == 9


def test_bundled_report_credits_each_effort_to_its_ministries() -> None:
    plan = bundled_plan()
    assert {e.id: e.ministries for _, _, e in plan.efforts()} == EFFORT_MINISTRIES


def test_every_credited_ministry_is_in_the_glossary() -> None:
    plan = bundled_plan()
    credited = {m for ministries in EFFORT_MINISTRIES.values() for m in ministries}
    assert credited <= set(plan.glossary)


def test_bundled_glossary_spells_out_each_abbreviation() -> None:
    glossary = bundled_plan().glossary
    assert glossary["MEXT"] == "Ministry of Education, Culture, Sports, Science and Technology"
    assert glossary["METI"] == "Ministry of Economy, Trade and Industry"
    assert list(glossary) == ["NPA", "CAS", "CAO", "MIC", "MOJ", "MOFA", "MEXT", "MHLW", "METI"]


def test_glossary_line_is_glossary_not_effort() -> None:
    plan = bundled_plan()
    texts = [e.text for _, _, e in plan.efforts()]
    assert not any("National Police Agency" in t for t in texts)
    assert not any(
        "National Police Agency" in n for s in plan.sections for m in s.measures for n in m.notes
    )


def test_figure_text_is_a_note_on_its_measure_never_an_effort() -> None:
    plan = bundled_plan()
    measure = plan.sections[3].measures[1]
    assert measure.title == "Response to inappropriate messages on SNS"
    assert len(measure.notes) == 1
    assert measure.notes[0].startswith("This is a message from the Juvenile Section")
    assert not any("Juvenile Section" in e.text for _, _, e in plan.efforts())


def test_unmarked_effort_with_attribution_is_an_effort() -> None:
    effort = bundled_plan().sections[3].measures[0].efforts[0]
    assert effort.id == "fy2019-4.1.1"
    assert effort.text.startswith("Changed the name of the hotline")
    assert effort.line == 35


def test_fiscal_year_in_text_is_not_a_date() -> None:
    effort = bundled_plan().sections[5].measures[1].efforts[0]
    assert "FY2019" in effort.text
    assert effort.dates == ()


# -- bullet markers, attributions, measure headers ---------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("· Held a forum. [CAO]", id="middle-dot"),
        pytest.param("• Held a forum. [CAO]", id="bullet"),
        pytest.param("- Held a forum. [CAO]", id="hyphen"),
        pytest.param("- · Held a forum. [CAO]", id="hyphen-middle-dot"),
        pytest.param("* Held a forum. [CAO]", id="asterisk"),
        pytest.param("・Held a forum. [CAO]", id="katakana-middle-dot-no-space"),
        pytest.param("・ Held a forum. [CAO]", id="katakana-middle-dot"),
        pytest.param("-\tHeld a forum. [CAO]", id="hyphen-tab"),
        pytest.param("•\tHeld a forum. [CAO]", id="bullet-tab"),
        pytest.param("\uf0b7 Held a forum. [CAO]", id="symbol-font-bullet-from-a-pdf"),
        pytest.param("➢ Held a forum. [CAO]", id="arrowhead"),
        pytest.param("Held a forum. [CAO]", id="no-marker"),
        pytest.param(" Held a forum. [CAO]", id="no-marker-leading-space"),
    ],
)
def test_every_bullet_marker_opens_an_effort(line: str) -> None:
    effort = only_effort(parse_plan(report(line), source="t.txt"))
    assert effort.text == "Held a forum."
    assert effort.ministries == ("CAO",)


@pytest.mark.parametrize(
    ("line", "text", "ministries"),
    [
        ("· Held a forum. [CAO]", "Held a forum.", ("CAO",)),
        ("· Held a forum. [MEXT and NPA]", "Held a forum.", ("MEXT", "NPA")),
        ("· Held a forum. [MIC, MEXT, and METI]", "Held a forum.", ("MIC", "MEXT", "METI")),
        ("· Held a forum. [MOJ, MHLW and NPA]", "Held a forum.", ("MOJ", "MHLW", "NPA")),
        ("· Deleted the items requested [NPA].", "Deleted the items requested", ("NPA",)),
        ("· Held a forum.\t[NPA]", "Held a forum.", ("NPA",)),
        ("· Held a forum [online] today. [CAO]", "Held a forum [online] today.", ("CAO",)),
        ("· Held a forum. 【MHLW】", "Held a forum.", ("MHLW",)),
    ],
    ids=[
        "one",
        "two-with-and",
        "three-oxford-comma",
        "three-no-oxford-comma",
        "period-after-bracket",
        "tab-before-bracket",
        "bracket-inside-text",
        "lenticular-brackets",
    ],
)
def test_attribution_forms(line: str, text: str, ministries: tuple[str, ...]) -> None:
    effort = only_effort(parse_plan(report(line), source="t.txt"))
    assert effort.text == text
    assert effort.ministries == ministries


def test_joint_attribution_lists_every_ministry_and_is_joint() -> None:
    effort = only_effort(parse_plan(report("· Seminars. [MIC, MEXT, and METI]"), source="t.txt"))
    assert effort.ministries == ("MIC", "MEXT", "METI")
    assert effort.is_joint


def test_attribution_by_full_name_uses_the_glossary_abbreviation() -> None:
    plan = parse_plan(
        report(
            "· Held a forum. [Cabinet Office and NPA]",
            "· Ran a hotline. [Ministry of Health, Labour and Welfare]",
            "* CAO (Cabinet Office), NPA (National Police Agency), "
            "MHLW (Ministry of Health, Labour and Welfare)",
        ),
        source="t.txt",
    )
    assert [e.ministries for _, _, e in plan.efforts()] == [("CAO", "NPA"), ("MHLW",)]


def test_trailing_etc_in_an_attribution_is_dropped() -> None:
    effort = only_effort(parse_plan(report("· Held a forum. [MHLW, etc.]"), source="t.txt"))
    assert effort.ministries == ("MHLW",)


def test_a_word_starting_with_o_is_not_a_measure_header() -> None:
    plan = parse_plan(report("Organized a forum. [CAO]"), source="t.txt")
    assert only_effort(plan).text == "Organized a forum."


def test_bracket_of_words_is_not_an_attribution() -> None:
    plan = parse_plan(report("· Held a forum. [see the annex]"), source="t.txt")
    assert plan.effort_count == 0
    assert plan.sections[0].measures[0].notes == ("Held a forum. [see the annex]",)


def test_a_body_named_in_full_that_no_glossary_lists_keeps_its_effort() -> None:
    plan = parse_plan(
        report("· Held a forum. [Cabinet Office; Reconstruction Agency]"), source="t.txt"
    )
    assert only_effort(plan).ministries == ("Cabinet Office", "Reconstruction Agency")


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(["· Held a forum. [MIC, MEXT,", "and METI]"], id="attribution-wrapped"),
        pytest.param(["· [MIC, MEXT, and METI] Held a forum."], id="attribution-first"),
        pytest.param(["· Held a forum. [MIC, MEXT, and METI] (see Figure 3)"], id="figure-pointer"),
        pytest.param(["· Held a forum. [MIC, MEXT, and METI]*1"], id="footnote-mark"),
    ],
)
def test_an_attribution_is_read_wherever_the_page_put_it(lines: list[str]) -> None:
    effort = only_effort(parse_plan(report(*lines), source="t.txt"))
    assert (effort.text, effort.ministries) == ("Held a forum.", ("MIC", "MEXT", "METI"))


def test_an_abbreviation_in_other_case_is_the_glossary_s() -> None:
    glossary = "- * NPA (National Police Agency), MOJ (Ministry of Justice)"
    plan = parse_plan(report("· Held a forum. [Moj and Npa]", "", glossary), source="t.txt")
    assert only_effort(plan).ministries == ("MOJ", "NPA")


@pytest.mark.parametrize(
    "header",
    ["O Campaigns", "○ Campaigns", "- O Campaigns", "〇 Campaigns", "O Campaigns   ", "○Campaigns"],
    ids=[
        "letter-O",
        "white-circle",
        "hyphen-O",
        "ideographic-zero",
        "trailing-spaces",
        "circle-no-space",
    ],
)
def test_measure_header_forms(header: str) -> None:
    text = "\n".join(["FY2020 Report", "1. Awareness", header, "· Held a forum. [CAO]", ""])
    plan = parse_plan(text, source="t.txt")
    (measure,) = plan.sections[0].measures
    assert measure.title == "Campaigns"
    assert [e.text for e in measure.efforts] == ["Held a forum."]


def test_measure_positions_count_within_their_section() -> None:
    text = "\n".join(
        [
            "FY2021 Report",
            "1. A",
            "O First",
            "· a. [CAO]",
            "O Second",
            "· b. [NPA]",
            "2. B",
            "O Third",
            "· c. [MOJ]",
            "· d. [MOJ]",
        ]
    )
    plan = parse_plan(text, source="t.txt")
    assert [e.id for _, _, e in plan.efforts()] == [
        "fy2021-1.1.1",
        "fy2021-1.2.1",
        "fy2021-2.1.1",
        "fy2021-2.1.2",
    ]


def test_effort_ids_follow_year_section_measure_effort() -> None:
    pattern = re.compile(r"^fy(\d{4})-(\d+)\.(\d+)\.(\d+)$")
    for section, measure, effort in bundled_plan().efforts():
        match = pattern.match(effort.id)
        assert match, effort.id
        year, s, m, _ = (int(g) for g in match.groups())
        assert (year, s, m) == (effort.fiscal_year, section.number, measure.number)
        assert (effort.section, effort.measure) == (section.number, measure.number)
        assert effort.id.endswith(f".{measure.efforts.index(effort) + 1}")


# -- glossary and figure text in small reports -------------------------------------------------


@pytest.mark.parametrize("marker", ["* ", "- * "], ids=["asterisk", "hyphen-asterisk"])
def test_legend_line_is_glossary_not_effort(marker: str) -> None:
    line = marker + "NPA (National Police Agency), CAO (Cabinet Office), MOJ (Ministry of Justice)."
    plan = parse_plan(report("· Held a forum. [CAO]", line), source="t.txt")
    assert plan.glossary == {
        "NPA": "National Police Agency",
        "CAO": "Cabinet Office",
        "MOJ": "Ministry of Justice",
    }
    assert [e.text for _, _, e in plan.efforts()] == ["Held a forum."]
    assert plan.sections[0].measures[0].notes == ()


def test_figure_caption_is_a_note_not_an_effort() -> None:
    plan = parse_plan(
        report("· Held a forum. [CAO]", "", '"Think before you send it." (Poster for pupils)'),
        source="t.txt",
    )
    (measure,) = plan.sections[0].measures
    assert [e.text for e in measure.efforts] == ["Held a forum."]
    assert measure.notes == ('"Think before you send it." (Poster for pupils)',)


def test_a_measure_title_printed_without_its_marker_opens_a_measure() -> None:
    plan = parse_plan(
        report(
            "· Held a forum. [CAO]",
            "",
            "Cooperation with private operators on the removal of harmful content",
            "",
            "· Asked operators to delete items. [NPA]",
        ),
        source="t.txt",
    )
    first, second = plan.sections[0].measures
    assert (first.title, [e.id for e in first.efforts]) == ("Campaigns", ["fy2020-1.1.1"])
    assert second.title == "Cooperation with private operators on the removal of harmful content"
    assert [e.id for e in second.efforts] == ["fy2020-1.2.1"]
    assert first.notes == second.notes == ()


@pytest.mark.parametrize("page", ["- 6 -", "6", "Page 6", "6 / 20", "– 12 –"])
def test_a_page_number_is_dropped_even_inside_a_wrapped_effort(page: str) -> None:
    plan = parse_plan(
        report(
            "· Started a trial of a tool that makes patrols more", "", page, "", "efficient. [NPA]"
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text == "Started a trial of a tool that makes patrols more efficient."
    assert plan.sections[0].measures[0].notes == ()


def test_a_running_header_repeated_on_every_page_is_dropped_even_inside_an_effort() -> None:
    header = "FY2020 Efforts on the Basic Plan – page {}"
    plan = parse_plan(
        report(
            "· Held a forum for", header.format(2), "guardians. [CAO]",
            "", header.format(3), "· Sent leaflets. [NPA]",
        ),
        source="t.txt",
    )  # fmt: skip
    texts = [e.text for _, _, e in plan.efforts()]
    assert texts == ["Held a forum for guardians.", "Sent leaflets."]
    assert plan.sections[0].measures[0].notes == ()


def test_the_title_reworded_as_a_running_header_is_dropped_even_inside_an_effort() -> None:
    title = 'FY2020 Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'
    header = "Efforts on the Basic Plan on Measures against Child Sexual Exploitation (FY2020)"
    lines = ("· Held a forum for", "- 6 -", header, "guardians. [CAO]")
    plan = parse_plan(report(*lines, title=title), source="t.txt")
    assert only_effort(plan).text == "Held a forum for guardians."


def test_a_word_broken_at_the_line_end_is_joined_and_a_ligature_spelt_out() -> None:
    plan = parse_plan(report("· Raised aware-", "ness of ﬁltering. [MIC]"), source="t.txt")
    assert only_effort(plan).text == "Raised awareness of filtering."


def test_a_figure_broken_after_its_thousands_separator_is_joined() -> None:
    plan = parse_plan(report("· Gave classes at about 1,", "200 schools. [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Gave classes at about 1,200 schools."


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        ("· Posted it (https://www.cfa.go.jp/en/", "child-exploitation/fy38-report) in May. [CFA]",
         "Posted it (https://www.cfa.go.jp/en/child-exploitation/fy38-report) in May."),
        ("· Opened www.example.go.", "jp/kids for guardians. [CFA]",
         "Opened www.example.go.jp/kids for guardians."),
        # a whole address at the line end: the next line is words again
        ("· Opened www.example.go.jp/", "for guardians. [CFA]",
         "Opened www.example.go.jp/ for guardians."),
    ],
)  # fmt: skip
def test_a_web_address_broken_at_the_line_end_is_joined_without_a_space(
    first: str, second: str, text: str
) -> None:
    assert only_effort(parse_plan(report(first, second), source="t.txt")).text == text


def test_an_item_number_in_brackets_is_a_bullet() -> None:
    plan = parse_plan(report("(1) Opened a hotline. [CFA]", "(2) Held a forum. [NPA]"), source="t")
    efforts = [e for s in plan.sections for m in s.measures for e in m.efforts]
    assert [(e.text, e.ministries) for e in efforts] == [
        ("Opened a hotline.", ("CFA",)),
        ("Held a forum.", ("NPA",)),
    ]


def test_a_list_comma_at_the_line_end_is_no_broken_figure() -> None:
    plan = parse_plan(report("· Held 12 forums in 2019,", "120 in all. [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Held 12 forums in 2019, 120 in all."


def test_a_soft_hyphen_is_no_part_of_the_word() -> None:
    plan = parse_plan(report("· Set up a team speciali\u00adzing in AI. [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Set up a team specializing in AI."


def test_the_section_heading_repeated_at_a_page_top_opens_no_new_section() -> None:
    text = report(
        "· Held a forum. [CAO]", "", "- 5 -", "", "1. Awareness", "", "· Sent leaflets. [NPA]"
    )
    (section,) = parse_plan(text, source="t.txt").sections
    assert [e.text for e in section.measures[0].efforts] == ["Held a forum.", "Sent leaflets."]


def test_two_efforts_run_onto_one_line_are_two_efforts() -> None:
    line = "· Held a summit. [NPA and MEXT] • Held classes. [MOJ]"
    plan = parse_plan(report(line), source="t.txt")
    efforts = [(e.text, e.ministries) for _, _, e in plan.efforts()]
    assert efforts == [("Held a summit.", ("NPA", "MEXT")), ("Held classes.", ("MOJ",))]


def test_a_footnote_mark_after_a_full_stop_is_no_part_of_the_effort() -> None:
    plan = parse_plan(report("· Deleted 96.4% of them.*1 [NPA]"), source="t.txt")
    assert only_effort(plan).text == "Deleted 96.4% of them."


def test_a_footnote_mark_is_no_part_of_the_effort() -> None:
    line = '· Registered "Kodomo 110-ban no Ie"*1 on routes. [NPA]'
    plan = parse_plan(report(line), source="t.txt")
    assert only_effort(plan).text == 'Registered "Kodomo 110-ban no Ie" on routes.'


def test_a_measure_numbered_in_brackets_opens_a_measure() -> None:
    plan = parse_plan(
        report("· Held a forum. [CAO]", "(2) Promotion of filtering", "· Asked carriers. [MIC]"),
        source="t.txt",
    )
    assert [m.title for m in plan.sections[0].measures] == ["Campaigns", "Promotion of filtering"]


@pytest.mark.parametrize("marker", ["(b)", "2)", "(2)"])
def test_a_measure_lettered_or_numbered_with_a_bracket_opens_a_measure(marker: str) -> None:
    plan = parse_plan(
        report(
            "· Held a forum. [CAO]", f"{marker} Promotion of filtering", "· Asked carriers. [MIC]"
        ),
        source="t.txt",
    )
    assert [m.title for m in plan.sections[0].measures] == ["Campaigns", "Promotion of filtering"]


@pytest.mark.parametrize("marker", ["◆ ", "[Measure 2] ", "Measure 2: "])
def test_a_measure_marked_with_a_diamond_or_labelled_opens_a_measure(marker: str) -> None:
    plan = parse_plan(
        report("· Held a forum. [CAO]", f"{marker}Promotion of filtering", "· Sent it. [MIC]"),
        source="t.txt",
    )
    assert [m.title for m in plan.sections[0].measures] == ["Campaigns", "Promotion of filtering"]


def test_a_diamond_before_an_effort_is_its_bullet_not_a_measure() -> None:
    plan = parse_plan(report("◆ Held a forum for guardians", "in Osaka. [CAO]"), source="t.txt")
    assert only_effort(plan).text == "Held a forum for guardians in Osaka."


def test_an_attribution_labelled_responsible_is_an_attribution() -> None:
    plan = parse_plan(report("- Trained 230 instructors. (Responsible: MOJ, NPA)"), source="t.txt")
    effort = only_effort(plan)
    assert (effort.text, effort.ministries) == ("Trained 230 instructors.", ("MOJ", "NPA"))


def test_a_legend_written_as_a_sentence_is_the_glossary() -> None:
    text = "\n".join(
        ["FY2047 Efforts on the Plan", "In this report, NPA refers to the National Police",
         "Agency, MEXT to the Ministry of Education, Culture, Sports, Science and",
         "Technology, and CAA to the Consumer Affairs Agency.",
         "1. Awareness", "O Campaigns", "· Held a forum. [CAA]"]
    )  # fmt: skip
    assert parse_plan(text, source="t.txt").glossary == {
        "NPA": "National Police Agency",
        "MEXT": "Ministry of Education, Culture, Sports, Science and Technology",
        "CAA": "Consumer Affairs Agency",
    }


@pytest.mark.parametrize(
    ("heading", "number"),
    [("Chapter IV: Support for victims", 4), ("Part 4 - Support for victims", 4),
     ("CHAPTER IX. Support for victims", 9), ("Section 12: Support for victims", 12)],
)  # fmt: skip
def test_a_section_may_be_a_numbered_chapter_or_part(heading: str, number: int) -> None:
    text = "\n".join(["FY2046 Efforts", heading, "(a) Hotlines", "· Opened a hotline. [CFA]"])
    (section,) = parse_plan(text, source="t.txt").sections
    assert (section.number, section.title) == (number, "Support for victims")
    assert only_effort(parse_plan(text, source="t.txt")).id == f"fy2046-{number}.1.1"


def test_a_chapter_word_inside_an_effort_opens_no_section() -> None:
    plan = parse_plan(
        report("· Revised chapter 3 of the guide for schools. [MEXT]"), source="t.txt"
    )
    assert len(plan.sections) == 1 and only_effort(plan).ministries == ("MEXT",)


def test_a_pillar_title_wrapped_over_two_lines_is_one_title() -> None:
    text = "\n".join(
        ["FY2020 Efforts", "6. Strengthening of the foundation where children will never",
         "become victims", "O Training", "· Trained officers. [NPA]"]
    )  # fmt: skip
    (section,) = parse_plan(text, source="t.txt").sections
    assert section.title.endswith("where children will never become victims")
    assert [m.title for m in section.measures] == ["Training"]


def test_a_wrapped_title_as_the_contents_also_wrap_it_keeps_its_last_word() -> None:
    # the contents print "… children will never" / "become victims" too: the recurring
    # lower-case line goes on with its title, it is no running header
    title = ["6. Strengthening of the foundation where children will never", "become victims"]
    filler = [f"· Held meeting {n} with guardians. [CAO]" for n in range(40)]
    text = "\n".join(
        ["FY2020 Efforts", "Contents", *title, "", "1. Awareness", "O Forums", *filler,
         *title, "O Training", "· Trained officers. [NPA]"]
    )  # fmt: skip
    section = parse_plan(text, source="t.txt").sections[-1]
    assert section.title.endswith("where children will never become victims")


def test_full_width_letters_read_as_ascii() -> None:
    plan = parse_plan(report("・ Trained １２０ school nurses. ［ＭＥＸＴ］"), source="t.txt")
    effort = only_effort(plan)
    assert effort.ministries == ("MEXT",) and effort.text == "Trained 120 school nurses."


def test_a_table_row_between_efforts_is_a_note_not_a_measure() -> None:
    plan = parse_plan(
        report(
            "· Requested deletion of 6,400 items. [NPA]",
            "Category          Reported          Deleted          (items)",
            "· Updated the blocking list. [MIC]",
        ),
        source="t.txt",
    )
    (measure,) = plan.sections[0].measures
    assert len(measure.efforts) == 2
    assert measure.notes == ("Category Reported Deleted (items)",)


def test_a_legend_of_one_entry_per_line_is_the_glossary() -> None:
    plan = parse_plan(
        report(
            "· Held a forum. [CAA]",
            "Abbreviations",
            "CAA: Consumer Affairs Agency",
            "MLIT = Ministry of Land, Infrastructure, Transport and Tourism",
            "NOTE: this is not an entry",
        ),
        source="t.txt",
    )
    assert plan.glossary == {
        "CAA": "Consumer Affairs Agency",
        "MLIT": "Ministry of Land, Infrastructure, Transport and Tourism",
    }


def test_a_legend_printed_as_a_table_is_the_glossary() -> None:
    plan = parse_plan(
        report(
            "· Held a forum. [PPC and DA]",
            "Abbreviations used in this report",
            "Abbreviation\tMinistry / Agency",
            "PPC\tPersonal Information Protection Commission",
            "DA\tDigital Agency",
            "NPA\tHeld a seminar for police",  # a sentence, not a body's name
        ),
        source="t.txt",
    )
    assert plan.glossary == {
        "PPC": "Personal Information Protection Commission",
        "DA": "Digital Agency",
    }


# -- layout noise ------------------------------------------------------------------------------


CLEAN = report(
    "· Held a forum (July 2020). [CAO]",
    "- · Sent leaflets to schools. [MEXT and NPA]",
    "",
    "Poster caption",
)


@pytest.mark.parametrize(
    "noisy",
    [
        pytest.param(CLEAN.replace("\n", "\r\n"), id="crlf"),
        pytest.param(CLEAN.replace("\n", "\r"), id="cr"),
        pytest.param("\ufeff" + CLEAN, id="bom"),
        pytest.param(CLEAN.replace(" ", "\t"), id="tabs"),
        pytest.param(CLEAN.replace(" ", "\u00a0"), id="nbsp"),
        pytest.param(CLEAN.replace(" ", "  "), id="double-spaces"),
        pytest.param(CLEAN.replace("\n", "   \n"), id="trailing-spaces"),
        pytest.param(CLEAN.replace("\n\n", "\n\n\n\n\n"), id="extra-blank-lines"),
        pytest.param("\n\n" + CLEAN + "\n\n\n", id="blank-lines-around"),
        pytest.param(CLEAN.rstrip("\n"), id="no-final-newline"),
    ],
)
def test_layout_noise_parses_like_clean_text(noisy: str) -> None:
    def shape(plan: Plan) -> object:
        dumped = plan.model_dump(mode="json")
        for section in dumped["sections"]:
            for measure in section["measures"]:
                for effort in measure["efforts"]:
                    del effort["line"]  # blank lines added before an effort move it down
        return dumped

    assert shape(parse_plan(noisy, source="t.txt")) == shape(parse_plan(CLEAN, source="t.txt"))


def test_effort_wrapped_over_two_lines_is_one_effort() -> None:
    plan = parse_plan(
        report(
            "· Held an exchange of views with operators on age verification and",
            "the detection of grooming messages. [MIC and NPA]",
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text == (
        "Held an exchange of views with operators on age verification and "
        "the detection of grooming messages."
    )
    assert effort.ministries == ("MIC", "NPA")
    assert effort.line == 7
    assert plan.sections[0].measures[0].notes == ()


def test_wrapped_effort_starting_with_asterisk_is_an_effort_not_glossary() -> None:
    plan = parse_plan(
        report(
            "* Conducted a survey of 5,000 persons (July 2020),",
            "and published the results in February 2021. [CAO]",
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text.endswith("published the results in February 2021.")
    assert effort.dates == ("2020-07", "2021-02")
    assert plan.glossary == {}


def test_unmarked_effort_wrapped_over_two_lines_is_one_effort() -> None:
    plan = parse_plan(
        report(
            "Set up a consultation service for children and young people,",
            "and received about 2,300 consultations. [CAO]",
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text.startswith("Set up a consultation service")
    assert effort.line == 7
    assert plan.sections[0].measures[0].notes == ()


def test_unmarked_effort_wrapped_over_three_lines_starts_at_its_first_line() -> None:
    plan = parse_plan(
        report(
            "Set up a consultation service",
            "for children and young people,",
            "and received about 2,300 consultations. [CAO]",
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text.startswith("Set up a consultation service for children")
    assert effort.line == 7


@pytest.mark.parametrize("brackets", ["〈〉", "《》"])
def test_an_attribution_in_angle_brackets_is_an_attribution(brackets: str) -> None:
    line = f"• Held a forum (July 2019). {brackets[0]}MOJ{brackets[1]}"
    assert only_effort(parse_plan(report(line), source="t.txt")).ministries == ("MOJ",)


def test_an_attribution_in_round_brackets_is_one_only_of_legend_abbreviations() -> None:
    legend = ("", "CAO: Cabinet Office", "NPA: National Police Agency")
    plan = parse_plan(report("• Ran a chat trial (March 2016). （CAO）", *legend), source="t.txt")
    assert only_effort(plan).ministries == ("CAO",)
    named = report("• Worked with the National Police Agency (NPA).", *legend)
    assert parse_plan(named, source="t.txt").effort_count == 0  # "(NPA)" there defines it
    unknown = report("• Ran a trial with the UN (March 2016). (UN)", *legend)
    assert parse_plan(unknown, source="t.txt").effort_count == 0  # not in the legend


def test_a_footnote_at_a_page_foot_is_a_note_and_the_cut_effort_goes_on() -> None:
    plan = parse_plan(
        report(
            '- Distributed "SOS Letter"※1 forms to pupils, and held meetings with',
            "",
            "※1 A prepaid letter form a child can write to.",
            "- 4 -",
            "",
            "public prosecutors offices in 20 prefectures (November 2015). [MOJ]",
        ),
        source="t.txt",
    )
    effort = only_effort(plan)
    assert effort.text.endswith("meetings with public prosecutors offices in 20 prefectures "
                                "(November 2015).")
    assert "※" not in effort.text
    assert plan.sections[0].measures[0].notes == ("※1 A prepaid letter form a child can write to.",)


def test_unattributed_bullet_is_kept_as_a_note() -> None:
    plan = parse_plan(report("· Held a forum with no attribution."), source="t.txt")
    assert plan.effort_count == 0
    assert plan.sections[0].measures[0].notes == ("Held a forum with no attribution.",)


def test_effort_line_numbers_count_blank_lines() -> None:
    effort = only_effort(parse_plan(report("", "", "· Held a forum. [CAO]"), source="t.txt"))
    assert effort.line == 9


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Held a forum (July 2019).", ("2019-07",)),
        ("Held seminars (from October to November 2020).", ("2020-10", "2020-11")),
        ("Held a course (November 12, 2020).", ("2020-11",)),
        ("Held a campaign (from November 12 to 25, 2023).", ("2023-11",)),
        ("Held a campaign (November 12-25, 2023).", ("2023-11",)),
        ("Published results in February 2021.", ("2021-02",)),
        ("Received reports by the end of March 2021.", ("2021-03",)),
        ("Surveyed (July 2020), and published in February 2021.", ("2020-07", "2021-02")),
        ("Held in December 2019 and again in December 2019.", ("2019-12",)),
        ("Met (May, August, and November 2040, and February 2041).",
         ("2040-05", "2040-08", "2040-11", "2041-02")),
        ("Met in June and September 2040.", ("2040-06", "2040-09")),
        # a month in figures: year.month, month/year
        ("Launched (2047.9) and finished by 3/2048.", ("2047-09", "2048-03")),
        ("Raised the rate to 2047.5 points and 12/20471 items.", ()),  # no months
        ("It may, and in November 2040, did.", ("2040-11",)),
        ("Received 4,600 consultations in FY2019.", ()),
        ("Over four years starting FY2019.", ()),
        ("Covered 5,000 persons aged 10 to 17.", ()),
        ("Listed the hotline (189).", ()),
        ("Signs that a child may be suffering harm.", ()),
        ("Operated 24 hours a day.", ()),
        ("Employed approximately 2,020 persons.", ()),
        # as a mainframe prints them: day, month and year run together
        ("Held on 05SEP2090 and (28OCT2090 THRU 02NOV2090).", ("2090-09", "2090-10", "2090-11")),
        ("Began in APR2090; code S2-M1-E04.", ("2090-04",)),
    ],
)
def test_dates_are_normalised_to_year_month(text: str, dates: tuple[str, ...]) -> None:
    assert find_dates(text) == dates


def test_effort_dates_come_from_its_text() -> None:
    plan = parse_plan(
        report("· Held seminars (from October to November 2020). [MIC]"), source="t.txt"
    )
    assert only_effort(plan).dates == ("2020-10", "2020-11")


# -- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", r"t\.txt is empty"),
        (" \n\t\n\u00a0\n", r"t\.txt is empty"),
        ("Efforts on the Basic Plan\n1. A\n· x. [CAO]\n", r"t\.txt, line 1: .*no fiscal year"),
        ("\n\nEfforts report\n1. A\n", r"t\.txt, line 3: .*no fiscal year"),
        ("FY2019 Efforts\nJust some prose.\n", r"no plan sections found in t\.txt"),
        ("FY2019 Efforts\nO A measure\n1. A\n", r"t\.txt, line 2: a measure comes before"),
        ("FY2019 Efforts\n· x. [CAO]\n1. A\n", r"t\.txt, line 2: an effort comes before"),
    ],
    ids=[
        "empty",
        "whitespace-only",
        "no-fiscal-year",
        "no-fiscal-year-after-blank-lines",
        "no-sections",
        "measure-before-section",
        "effort-before-section",
    ],
)
def test_text_that_is_not_a_report_is_refused(text: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message):
        parse_plan(text, source="t.txt")


# -- any text in, a Plan or a CorpusError out --------------------------------------------------


FRAGMENTS = [
    "FY2019 Efforts on the Basic Plan",
    "FY2023 Efforts",
    "Efforts without a year",
    "1. Enhancement of public awareness",
    "2. Support for children",
    "12. A late section",
    "1.5 percent",
    "O Promotion of public relations",
    "○ Information dissemination",
    "- O Implementation of guidance",
    "〇 Support for guardians",
    "O",
    "· Held a forum (July 2019). [CAO]",
    "• Organized a meeting (January 2020). [NPA]",
    "- · Produced a leaflet. [MEXT and NPA]",
    "- Provided information. [MIC, MEXT, and METI]",
    "* Conducted a survey (from October to November 2020),",
    "・Requested deletion [NPA].",
    "Changed the name of the hotline (December 2019). [MHLW]",
    "and published the results. [MOJ, MHLW and NPA]",
    "* NPA (National Police Agency), CAO (Cabinet Office)",
    "- * MOJ (Ministry of Justice), MEXT (Ministry of Education)",
    "This is a message from the Juvenile Section",
    "[NPA]",
    "[]",
    "[",
    "·",
    "-",
    "",
    "   ",
    "\t",
    "\u00a0",
    "\ufeff",
]

report_like_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25
).flatmap(lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda sep: sep.join(lines)))


def parses_or_refuses(text: str) -> None:
    try:
        plan = parse_plan(text, source="h.txt")
    except CorpusError as exc:
        assert "h.txt" in str(exc)
        return
    assert isinstance(plan, Plan)
    assert plan.sections
    for _, _, effort in plan.efforts():
        assert effort.ministries
        assert effort.id.startswith(f"fy{plan.fiscal_year}-")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_plan_or_a_corpus_error(text: str) -> None:
    parses_or_refuses(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like_text)
def test_any_report_like_text_gives_a_plan_or_a_corpus_error(text: str) -> None:
    parses_or_refuses(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like_text)
def test_any_lines_under_a_valid_heading_give_a_plan_or_a_corpus_error(text: str) -> None:
    parses_or_refuses("FY2019 Efforts\n1. Awareness\n" + text)
