"""Words people type that the English word list lacks, and the contacts an effort gives.

Spelling correction must not turn "texting" into "testing" or "url" into "curl"
(``assistant/data/known_words.txt``); a plural of a report's word is a question about it,
not a remark ("hotlines??"); a phone number, web or e-mail address is read wherever an
effort writes it.
"""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.claims import claims
from assistant.facts_names import contacts
from assistant.intents import Intent
from assistant.reader import Reader
from assistant.text import normalize
from corpus import BUNDLED_PLAN, load_corpus
from index.documents import build_chunks
from tests.conftest import EVALSET


@pytest.fixture(scope="module")
def reader() -> Reader:
    corpus = load_corpus([BUNDLED_PLAN, EVALSET / "reports"])
    efforts, _ = build_chunks(corpus)
    return Reader(corpus, efforts)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("what's the url of the portal", "url"),
        ("is anyone texting kids at night", "texting"),
        ("which ngo ran the shelter", "ngo"),
        ("did an influencer take part", "influencer"),
        ("anything on sextortion", "sextortion"),
    ],
)
def test_everyday_words_the_word_list_lacks_are_not_corrected(
    reader: Reader, question: str, kept: str
) -> None:
    assert kept in reader.read(question).text.split()


@pytest.mark.parametrize("question", ["hotlines??", "guidebooks!!"])
def test_a_plural_of_a_report_word_is_asked_about_not_chatter(
    reader: Reader, question: str
) -> None:
    query = reader.read(question)
    assert query.intent is not Intent.CHITCHAT and query.topic_words


def test_numbers_to_call_and_addresses_are_read_wherever_they_are_written() -> None:
    text = (
        'Opened the line "Oya-Line" (0120-783-189) and the short code #8622; see '
        "https://www.example.go.jp/help or www.kodomo.go.jp, or write to help@cfa.go.jp "
        "(about 1,200 calls, 3.5%, 2019-2020)."
    )
    found = [(s.text, s.noun) for s in contacts(text)]
    assert found == [
        ("0120-783-189", "number"),
        ("#8622", "number"),
        ("https://www.example.go.jp/help", "address"),
        ("www.kodomo.go.jp", "address"),
        ("help@cfa.go.jp", "email"),
    ]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("whats the number for oya-line? my sister needs it", "0120-783-189"),
        ("what is the url of the kodomo safety net portal", "www.kodomo-safety.go.jp"),
    ],
)
def test_a_number_or_address_asked_for_is_stated(
    bot2033: Assistant, question: str, fact: str
) -> None:
    answer = bot2033.ask(question)
    assert not answer.abstained
    assert fact in claims(answer)


def test_which_names_were_newly_added_asks_the_effort_not_a_comparison_of_years(
    bot2033: Assistant,
) -> None:
    answer = bot2033.ask("which languages were newly added to the Kodomo Safety Net portal?")
    assert answer.kind == "name"
    assert "Vietnamese" in claims(answer)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("from what date did it run 24/7?", "from what date did it run around the clock?"),
        ("what happens w/ offenders", "what happens with offenders"),
        ("checked w/o a warrant", "checked without a warrant"),
        # a month and a web address keep their slashes
        ("in 2019/07", "in 2019/07"),
        ("see https://x.jp/w/index", "see https://x.jp/w/index"),
    ],
)
def test_shorthand_written_with_a_slash_is_read_as_its_words(typed: str, read: str) -> None:
    assert normalize(typed) == read


def test_a_second_ask_written_in_shorthand_is_still_a_fact(reader: Reader) -> None:
    assert reader.read("from what date did it run 24/7?").intent is Intent.WHEN
