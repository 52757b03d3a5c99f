"""A person asked for by the part they played ("who was the speaker", "which manga
artist") is the name the effort gives in that part, never the ministry that did the effort;
a place asked for by a kind the gazetteer does not know ("which ward") is the locality the
effort names."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.asked_people import asked_role
from assistant.claims import claims
from assistant.facts import figures
from assistant.facts_people import agent, featured, holder_of, invited, talk_by
from assistant.intents import stem
from assistant.lemmas import verb_base
from tests.conftest import blind_report_bot


@pytest.fixture(scope="module")
def bot2036(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return blind_report_bot(tmp_path_factory, "reports16")


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("who was the voice actor in the ad?", "voice actor"),
        ("Who were the speakers at the symposium", "speakers"),
        ("who was the keynote speaker", "keynote speaker"),
        ("who was the chair of the study group?", "chair"),
        ("who were the lecturers at the seminar", "lecturers"),
        # who something was for or went to, and people who hold an office, are no part played
        ("who was lecturer for the online seminars", "lecturer"),
        ("hey! who's the voice actor on the tv spot?", "voice actor"),
        ("who won the hackathon?", "winner"),  # the winner, not who organised it
        ("which high school won the minister's award", "winner"),
        ("Who was appointed Youth Online Safety Ambassador in 2045?", "ambassador"),
        ("who was named as the campaign's spokesperson", "spokesperson"),
        ("who gave the keynote lecture at the symposium", "keynote"),
        ("which academic is studying how abuse affects victims later?", "academic"),
        ("who presented the kodomo mamoru awards?", "presenter"),  # the doer of the verb
        ("who was the leaflet for?", None),
        ("who was the poster sent to", None),
        ("who is the current Prime Minister of Japan?", None),
        # a person's name asked by pronoun, of the part named before it
        ("the forum had a talk by a famous singer, whats her name?", "singer"),
        ("what is his name", None),
        # "who" after people it describes opens a clause; after a comma it asks
        ("what was done for kids who were victims in 2023", None),
        ("support for those who were abused, who was the speaker?", "speaker"),
        ("who were the comedians in the spot", "comedians"),
    ],
)
def test_a_role_is_a_noun_for_a_person_after_who_was_the(question: str, role: str | None) -> None:
    assert asked_role(question) == role


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ('Launched the campaign on Oct. 15th, 2051 with the idol group "Hoshizora 7" as its '
         "ambassadors; its videos were viewed 8.4 million times.", "Hoshizora 7"),
        ("Ran the drive with actor Ken Sato as the campaign ambassador.", "Ken Sato"),
    ],
)  # fmt: skip
def test_a_holder_taken_on_with_the_role_is_named(text: str, holder: str) -> None:
    assert holder_of(text, "ambassadors") == holder


def test_a_role_of_two_hyphenated_holds_each() -> None:
    text = 'Launched the campaign "Pause" with the singer-songwriter Mio Tachibana (2054.06.01).'
    assert holder_of(text, "singer") == "Mio Tachibana"


def test_the_holder_of_a_role_is_the_name_written_after_it() -> None:
    text = "Broadcast an ad featuring the voice actor Sora Kitamine on video platforms."
    assert holder_of(text, "voice actor") == "Sora Kitamine"
    assert holder_of("with speakers Hana Sato and Prof. Ken Ito of Kyoto", "speakers") == (
        "Hana Sato and Prof. Ken Ito"
    )
    assert holder_of("Held the symposium at the Nagoya Congress Center.", "speakers") is None
    # what the holder does, hyphenated, before the name
    talk = "Held a forum in Ube. Keynote by child-rights lawyer Emi Kato on sextortion."
    assert holder_of(talk, "keynote") == "Emi Kato"


@pytest.mark.parametrize(
    ("text", "role", "holder"),
    [
        ("the lecturer was Dr. Emma Lindqvist of Linköping University", "lecturer",
         "Dr. Emma Lindqvist"),
        ("a psychologist, Dr. Naoko Ishibashi served as lecturer.", "lecturer",
         "Dr. Naoko Ishibashi"),
        ("and Professor Haruka Minegishi of Tohoku University gave the keynote lecture",
         "keynote", "Professor Haruka Minegishi"),
        ("the keynote speech was given by Dr. Ren Aoki, a professor", "keynote", "Dr. Ren Aoki"),
        ("the keynote speech was given by the former family court judge Haruka Hino", "keynote",
         "Haruka Hino"),
        ("with 430 participants and a keynote by Dr. Nora Lind of Umea", "keynote",
         "Dr. Nora Lind"),
        ("the team from Tottori Prefectural Hinode High School won the Minister's Award",
         "winner", "Tottori Prefectural Hinode High School"),
        # whoever gave the talk is its lecturer, when the effort names no part
        ("workshops for guardians given by child psychologist Dr. Sayaka Imamura", "lecturer",
         "Dr. Sayaka Imamura"),
        # a prize given to someone is won by them
        ("where 38 teams competed; the grand prize went to a team from Hakata Institute of "
         "Technology.", "winner", "a team from Hakata Institute of Technology"),
        # someone asked for by their learning: the one professor or doctor named
        ("Commissioned research (Principal investigator: Professor Shun Aki) (June 2047).",
         "researcher", "Professor Shun Aki"),
        # a prize won by someone, said in the passive
        ("Held the challenge; it was won by a team from Oita College.", "winner",
         "a team from Oita College"),
        # someone appointed to a part holds it
        ('Appointed manga artist Ms. Sayaka Odagiri as "Youth Online Safety Ambassador"',
         "ambassador", "Ms Sayaka Odagiri"),
        # what the person is, set off by commas between the name and the part
        ("a seminar with Mr. Ren Ueda, attorney at law, as lecturer", "lecturer", "Mr. Ren Ueda"),
        # words describing the part between "as" and its noun
        ("with the comedy duo Nanohana Rocket as campaign leaders;", "campaign leaders",
         "Nanohana Rocket"),
        # the part as the subject, a description of the holder before the name
        ("the ambassador of the campaign was the table tennis player Sora Ikenaga.",
         "ambassador", "Sora Ikenaga"),
        ('the comedy duo "Hoshizora Kids" served as campaign ambassadors.', "ambassadors",
         "Hoshizora Kids"),
        ("to honour 14 groups, with the writer Haruka Ishidate as presenter, in Tokyo",
         "presenter", "Haruka Ishidate"),
    ],
)  # fmt: skip
def test_the_holder_may_be_written_before_the_part_after_was_or_after_by(
    text: str, role: str, holder: str
) -> None:
    assert holder_of(text, role) == holder


def test_who_played_a_part_is_answered_by_name(bot2033: Assistant) -> None:
    answer = bot2033.ask("who was the voice actor in the PSA about sending intimate images?")
    assert not answer.abstained
    assert "Sora Kitamine" in claims(answer)


def test_who_won_after_an_answer_asks_it_of_that_answer(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "won" is how the part is asked, no topic of its own: the question points back
    bot2045 = blind_report_bot(tmp_path_factory, "reports25")
    first = bot2045.ask("tell me about the hackathon in fukuoka")
    answer = bot2045.ask("who won?", context=first.context)
    assert "Hakata Institute of Technology" in claims(answer)
    assert [c.effort_id for c in answer.citations] == ["fy2045-6.4.3"]


def test_a_part_the_effort_names_no_one_in_is_not_given(bot2033: Assistant) -> None:
    answer = bot2033.ask("who were the speakers at the public symposium in fy2033?")
    assert answer.abstained
    assert "who the speakers were" in answer.text
    assert "responsible" not in claims(answer)  # not the ministry that held it


def test_which_person_of_a_kind_is_the_name_after_that_part(bot2036: Assistant) -> None:
    answer = bot2036.ask("which manga artist was on the no means no online too posters?")
    assert "Rin Takasago" in claims(answer)


def test_which_ward_is_the_locality_not_the_venue(bot2036: Assistant) -> None:
    answer = bot2036.ask("in which ward is the Child Trauma Care Center?")
    assert "in Setagaya, Tokyo" in claims(answer)


@pytest.mark.parametrize(
    ("text", "verb", "who"),
    [
        ("and Ms. Aya Mori of the ASEAN Secretariat delivered the opening address",
         "delivered", "Ms. Aya Mori"),
        ("Mr. Jun Oda, chair of the bar association's committee, coordinated the panel",
         "coordinated", "Mr. Jun Oda"),
        ("a study group chaired by Dr. Ryo Tsukamoto, met six times", "chaired",
         "Dr. Ryo Tsukamoto"),
        # a past form a stem does not reach, and the name set off after the post
        ('such as "Yoake House" in Naha, led by its Director, Mr. Kenji Higa.', "led",
         "its Director, Mr. Kenji Higa"),
        # an office written before the name as its title
        ("where Deputy Director-General Aki Mori delivered the statement.", "delivered",
         "Deputy Director-General Aki Mori"),
        # the name, not the verb after it
        ("where the delegation led by Ambassador Keiko Tsuruta signed a statement", "led",
         "Ambassador Keiko Tsuruta"),
    ],
)  # fmt: skip
def test_who_did_it_is_the_titled_person_who_did_it_or_by_whom_it_was_done(
    text: str, verb: str, who: str
) -> None:
    asked = "lead" if verb == "led" else verb  # "who leads it"
    assert agent(text, frozenset({stem(asked)})) == (verb, who)


def test_which_body_did_it_is_the_body_the_effort_names_not_the_ministry(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # 'Supported the industry body "Safer Net Council Japan" in issuing the "Code of …"'
    bot = blind_report_bot(tmp_path_factory, "reports34")
    answer = bot.ask("what industry body put out the code of practice for virtual spaces?")
    assert "“Safer Net Council Japan”" in claims(answer)
    who = bot.ask("which ministry supported the code of practice for virtual spaces?")
    assert "Ministry of Economy, Trade and Industry" in claims(who)


def test_who_opened_it_is_who_gave_its_opening_address() -> None:
    text = "with 156 local governments; Governor Rie Taga of Niigata gave the opening address."
    assert agent(text, frozenset({stem("open")})) == ("opened", "Governor Rie Taga")
    assert agent(text, frozenset({stem("close")})) is None


def test_a_capitalised_name_that_is_no_person_is_no_one_who_did_it() -> None:
    text = "the Internet Hotline Center received 9,850 reports"
    assert agent(text, frozenset({stem("received")})) is None


INVITED = (
    "Invited Professor Haruka Ishizuka of Minamisawa University, a specialist in adolescent "
    'psychology, to lecture on "How Offenders Approach Children Online" at the forum.'
)


def test_who_gave_a_talk_is_the_person_invited_to_give_it() -> None:
    assert invited(INVITED, frozenset({stem("lecture")})) == (
        "lecture",
        "Professor Haruka Ishizuka",
    )
    assert invited(INVITED, frozenset({stem("chair")})) is None  # invited for something else
    assert holder_of(INVITED, "lecturer") == "Professor Haruka Ishizuka"
    assert invited("Invited 40 companies to join the council.", frozenset({"join"})) is None


def test_who_gave_a_talk_is_who_the_talk_was_by() -> None:
    text = 'featured a talk on sextortion scams by the YouTuber "Mocchi".'
    assert talk_by(text, frozenset({stem("talk")})) == ("talk", 'the YouTuber "Mocchi"')
    assert talk_by(text, frozenset({stem("chair")})) is None


def test_who_did_it_keeps_an_academic_rank_before_the_title() -> None:
    text = (
        "Held a training session at which Associate Professor Mariko Shinoda of Higashiyama "
        'University lectured on "Teaching Consent"; about 640 teachers attended.'
    )
    assert agent(text, frozenset({stem("lectured")})) == (
        "lectured",
        "Associate Professor Mariko Shinoda",
    )


def test_who_did_it_keeps_the_post_written_after_the_name() -> None:
    text = (
        "Organized the meeting, chaired by Kenji Oshiro, Director of the Juvenile Division "
        "of the NPA; about 260 representatives attended."
    )
    assert agent(text, frozenset({stem("chaired")})) == (
        "chaired",
        "Kenji Oshiro, Director of the Juvenile Division of the NPA",
    )
    plain = "a group chaired by a professor of Keio University, met six times"
    assert agent(plain, frozenset({stem("chaired")})) == (
        "chaired",
        "a professor of Keio University",
    )


@pytest.mark.parametrize(
    ("text", "asked", "said"),
    [
        # an irregular past the question asks in another form: "who wrote …"
        ('Published "Boundaries and Consent", with lesson plans written by Associate '
         "Professor Mariko Otsuki of Nara University of Education (Sept. 2049).", "wrote",
         ("written", "Associate Professor Mariko Otsuki of Nara University of Education")),
        # an office "for" a ministry before the name, and a verb not ending in -ed
        ("attended by officials from 23 countries; State Minister for Foreign Affairs Naoki "
         "Hirasaka gave the opening address.", "gave",
         ("given", "State Minister for Foreign Affairs Naoki Hirasaka")),
    ],
)  # fmt: skip
def test_who_did_it_reads_the_verb_asked_in_any_of_its_forms(
    text: str, asked: str, said: tuple[str, str]
) -> None:
    assert agent(text, frozenset({stem(verb_base(asked))})) == said
    assert agent(text, frozenset({stem("chaired")})) is None


def test_a_year_of_an_era_is_no_figure() -> None:
    text = (
        "Organized the 34th Specialist Group Meeting (November, Reiwa 31); about 240 "
        "representatives attended the meeting."
    )
    assert [s.text for s in figures(text)] == ["about 240 representatives"]


@pytest.mark.parametrize(
    ("noun", "text", "seen"),
    [
        ("comedians", "Ran a campaign featuring the comedy duo Mika and Toru.", "Mika and Toru"),
        ("athlete", "with videos featuring the judo player Ren Aoba; viewed 2 million times",
         "Ren Aoba"),
        ("band", 'short videos starring the rock band "Night Owls" on video sites', "Night Owls"),
        ("star", "with the actress Mai Ono as campaign ambassador (May 2089)", "Mai Ono"),
        ("pitcher", "featuring the judo player Ren Aoba", None),  # not what was asked
        ("athlete", "featuring the judo player Ren Aoba and featuring the swimmer Aya Ito", None),
    ],
)  # fmt: skip
def test_who_was_featured_is_the_one_name_shown_as_what_was_asked(
    noun: str, text: str, seen: str | None
) -> None:
    assert featured(text, noun) == seen


def test_a_noun_before_by_is_no_one_who_did_anything() -> None:
    text = "Conducted the annual survey on internet use by young people (July 2090)."
    assert agent(text, frozenset({stem("use"), stem("run")})) is None
    run = "Opened a help desk run by the Tokyo Bar Association (May 2090)."
    assert agent(run, frozenset({stem("run")})) == ("run", "the Tokyo Bar Association")
