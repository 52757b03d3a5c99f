"""Normalising what people type: Unicode, sentences, chat shorthand and spelling.

Spelling is corrected with pyspellchecker's English word list, but never for a word of
the loaded reports, the ministry name table or the intent examples (the *protected*
vocabulary): "SNS", "MEXT" or "Monbukagakusho" are not typos. Among a misspelled
word's candidates the report's own words come first, then a swap of two neighbouring
letters (the commonest slip: "waht", "hwo"), then the most frequent English word.

Example:
    >>> speller = Speller(frozenset({"symposium"}))
    >>> speller.correct("Wehn was teh symposum held?")  # doctest: +SKIP
    'When was the symposium held?'
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from corpus.eras import western_years

__all__ = ["DETERMINERS", "WORD", "function_words", "normalize", "sentence_spans", "shorthand"]

DATA = Path(__file__).resolve().parent / "data"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# The words that open a noun phrase and name no thing of their own.
DETERMINERS = frozenset("the a an its their this that these those".split())


_MAYBE_SEVERAL = re.compile(r"[.!?;:]\s*\S")


_ACCENTED_LATIN = re.compile(r"[\u00C0-\u024F\u1E00-\u1EFF]")


def _plain_latin(m: re.Match[str]) -> str:
    base = unicodedata.normalize("NFKD", m.group(0))[0]
    return base if base.isascii() else m.group(0)


def normalize(text: str) -> str:
    """NFKC (full-width "？" → "?"), Latin letters without accents ("Kōsei Rōdōshō" →
    "Kosei Rodosho"; kana keep theirs), era years as Western ones, plain apostrophes and
    quotes, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = western_years(_ACCENTED_LATIN.sub(_plain_latin, text))  # "reiwa 31" is 2049
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"(?<![\d\s])\s*%|(?<=\s)%", " percent", text)  # "what % of" → "percent"
    # "two or more bodies, e.g. [MEXT and NPA]": a tag shown as an example is no filter
    text = _EXAMPLE_TAG.sub("", text)
    text = _LATIN_ABBREVIATION.sub(",", text)  # "…, i.e. October to March": a comma, not words
    text = re.sub(r"(?<=[^\W\d_])\s*\+\s*(?=[^\W\d_])", " and ", text)  # "police + 総務省"
    # chat shorthand written with a slash: "24/7" is no figure asked, "w/" is "with"
    text = re.sub(r"(?<![\d/])24\s*/\s*7(?![\d/])", "around the clock", text)
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.I)
    text = re.sub(r"(?<![\w/])w/(?=\s|[A-Za-z])", "with ", text, flags=re.I)
    # "please teach me what …": a learner's "tell me" (Japanese 教えて, oshiete)
    text = re.sub(r"\bteach\s+me\b", "tell me", text, flags=re.I)
    # "a focal point", as a report may call a body in charge: "3 focal points" are 3 bodies
    text = re.sub(r"\bfocal\s+points\b", "bodies", text, flags=re.I)
    text = re.sub(r"\bfocal\s+point\b", "body", text, flags=re.I)
    for pattern, plain in _PART_NAMES:  # "SEC 4/6", "#E replies": as a report names parts
        text = pattern.sub(plain, text)
    # "efforts form both reports": the commonest slip of "from" is a real word, so spelling
    # leaves it; it is a noun only after a determiner or a modifier ("the consent form"), a
    # verb before an object ("to form a panel")
    text = _FORM.sub(lambda m: m.group(1) + ("From" if m.group(2) == "Form" else "from"), text)
    return " ".join(text.split())


# The names reports give their parts, as the plan's own words: a chat export's pinned
# "SEC 4/6" is section 4 and its "#E" replies are efforts; a compendium's releases and fact
# sheets are efforts ("the release of offenders" is none), its "release series" sections.
_PART_NAMES = tuple(
    (re.compile(pattern, re.I), plain)
    for pattern, plain in (
        (r"\bsec\.?\s*(\d{1,2})\s*/\s*\d{1,2}\b", r"section \1"),
        (r"#\s?E\d{0,2}\s+(?:replies|posts|messages)\b", "efforts"),
        (r"#\s?E\d{0,2}\s+(?:reply|post|message)\b", "effort"),
        (r"\b(?:press\s+)?releases\b(?!\s+(?:of|from)\b)", "efforts"),
        (
            r"\b(every|each|which|what|a|one|any)\s+(?:press\s+)?release\b(?!\s+(?:of|from)\b)",
            r"\1 effort",
        ),
        (r"\bfact\s+sheets\b", "efforts"),
        (r"\brelease\s+series\s+(\d{1,2})\b", r"section \1"),
        (r"\bside[\s-]+by[\s-]+side\b", "together"),  # bodies "side by side": jointly
        # "the section of the FY2092 report (number 5)": section 5 of the FY2092 report
        (
            r"\b(section|pillar|part|chapter)\s+of\s+the\s+((?:FY\s?)?\d{4})\s+report\s*"
            r"\((?:no\.?|number|#)\s*(\d{1,2})\)",
            r"\1 \3 of the \2 report",
        ),
        # "the wording of its third measure heading": the measure's title
        (
            r"\bwording\s+of\s+(?=(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}"
            r"(?:measure|section|pillar|heading|part)s?\b)",
            "title of ",
        ),
        # "MLIT and MOFA credited on the same effort": jointly
        (
            r"\b(?:on|in|for|under)\s+(?:the\s+)?(?:same|one|a\s+single)\s+"
            r"(?:effort|item|entry|project|initiative|line|bullet)\b",
            "together",
        ),
        # "issued by", "posted under", "did CFA and MHLW issue together": by, under, together
        (
            r"\b(?:issued?|posted|put\s+out|filed)\s+(?=(?:jointly\s+)?by\b|under\b|together\b)",
            "",
        ),
        # "what did they put out?": what they issued, any effort of theirs
        (r"\bput\s+out\b(?=\s*[?.,!]|\s*$)", "do"),
        # "Looking at both reports, …": in both reports
        (r"\b(?:looking|focusing)\s+(?:only\s+|just\s+)?(?:at|on)\b(?=[^,?:]{1,60}[,:])", "in"),
        (r"\bco-?(bod(?:y|ies))\b", r"\1"),  # a form's "co-bodies" are its other bodies
        # a line-printer listing's "SECTION-CD S3", "MEASURE-CD S2-M2", its "effort codes"
        # and "MEASURE-CD entries", and the bodies' codes an effort "carries"
        (r"\bsection-cd\s+s(\d{1,2})\b", r"section \1"),
        (r"\b(?:measure-cd\s+)?s(\d{1,2})-m(\d{1,2})\b(?!-)", r"measure \1.\2"),
        (r"\bmeasure-cd\s+(?:entries|codes|rows)\b", "measures"),
        (r"\beffort(?:-cd)?\s+(?:codes|rows|entries)\b", "efforts"),
        (
            r"\bcarr(?:y|ies|ied)\s+(?:their|its|his|her)\s+(?:org\s+)?codes?\b",
            "are credited to them",
        ),
    )
)


_FORM = re.compile(
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bthis )(?<!\bthat )(?<!\beach )(?<!\bany )"
    r"(?<!\bwhich )(?<!\bwhat )(?<!\bto )(?<!\bapplication )(?<!\bconsent )(?<!\bonline )"
    r"(?<!\bweb )(?<!\bentry )(?<!\bcontact )(?<!\breport )(?<!\bpaper )(?<!\bsame )"
    r"(?<!\bnew )(?<!\bsurvey )(?<!\border )(\b)(form|Form)\b(?!\s+(?:a|an|the|new|of)\b)",
)
_LATIN_ABBREVIATION = re.compile(r"(?<!\w)(?:i\.\s?e\.|e\.\s?g\.)(?!\w)", re.I)
# An attribution tag in square brackets given as an example of what is asked
_EXAMPLE_TAG = re.compile(
    r"\s*[,(]?\s*(?:e\.\s?g\.|eg\b|for\s+(?:example|instance)|such\s+as)\s*,?\s*\[[^\]]{1,60}\]\)?",
    re.I,
)


@lru_cache(maxsize=1)
def shorthand() -> dict[str, str]:
    """Chat shorthand → the words it stands for (``assistant/data/shorthand.json``)."""
    raw: dict[str, str] = json.loads((DATA / "shorthand.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Everyday words the English word list lacks (``assistant/data/known_words.txt``):
    spelling correction leaves them alone."""
    lines = (DATA / "known_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """English function words (``assistant/data/function_words.txt``)."""
    lines = (DATA / "function_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (pysbd), covering all of it."""
    if not text:
        return []
    if not _MAYBE_SEVERAL.search(text):
        return [(0, len(text))]  # one sentence: no need for the (slower) segmenter
    spans = [(s.start, s.end) for s in _segmenter().segment(text)]
    if not spans:
        return [(0, len(text))]
    # Close gaps so no character is lost between sentences.
    out = []
    for i, (start, _) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        out.append((0 if i == 0 else start, end))
    return out


QUESTION_WORDS = r"(?:who|whom|whose|whats|what|which|when|where|why|how)"
LEADING_PREPOSITIONS = (
    r"(?:in|at|on|for|from|to|by|across|during|over|with|of|under|within|through|into|"
    r"after|before|since|until|till|among)"
)
_ABOUT = r"(?:roughly|approximately|about|around|exactly|also|then)"
# A second question joined to the first: a coordinator, perhaps a preposition, then a
# question word ("…, and which meeting was it", "… and when did it start", "…, and
# across how many prefectures"), which a preposition may lead from a few words away
# ("…, and to hotlines in how many countries", "…, and on the trains of how many …").
_SECOND_ASK = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|n|&|\+)\s+|\s*;\s*|\s+[-–—]+\s+|\?\s+(?:and\s+)?)"
    rf"(?=(?:{_ABOUT}\s+)?(?:{LEADING_PREPOSITIONS}\s+)?{QUESTION_WORDS}\b"
    rf"|{LEADING_PREPOSITIONS}\s+(?:(?!{QUESTION_WORDS}\b)[\w'-]+\s+){{0,4}}"
    rf"(?:{_ABOUT}\s+)?how\s+(?:many|much)\b"
    # "…, and officials from how many countries attended?"
    rf"|(?:(?!{QUESTION_WORDS}\b)[\w'-]+\s+){{1,3}}(?:from|in|of|across)\s+how\s+many\b"
    # "date + number of attendees", "…: number of suspects + number of countries"
    r"|(?:the\s+)?(?:exact\s+|total\s+)?(?:number|names?|dates?|count|headcount)\s+of\b"
    # "…, and is it open on saturdays now?": a yes-or-no question of its own
    r"|(?:is|are|was|were|does|do|did|can|could|has|have|will)\s+"
    r"(?:it|they|there|this|that|these|those)\b)",
    re.I,
)


def two_asks(text: str, *, min_words: int = 3) -> tuple[str, str] | None:
    """A question that asks two things, cut in two: "When was the meeting held, and which
    one was it?" → ("When was the meeting held", "which one was it?"). None when it asks
    one thing, or the first part holds no words of its own."""
    for m in _SECOND_ASK.finditer(text):
        first, second = text[: m.start()].strip(), text[m.end() :].strip()
        # "joint training in feb, how many attended" and "of the inmates who took it, how
        # many reoffended" ask once: the first part must itself open asking
        # "In FY2025, how many …"; "Cure Time 24h since when? also how many …"
        asks = (
            _OPENS_ASKING.match(first)
            or _FACT_NOUN_ASK.match(first)  # "dates of the workshop, and how many came?"
            # "sextortion desks: number of consultations + how many from boys?"
            or _FACT_NOUN_ASK.match(re.split(r":\s+|\s[-–—]+\s+", first)[-1])
            or question_part(first)
            or _ENDS_ASKING.search(first)
            or _ASKS_IN_PLACE.search(first)  # "MIC lit up which tower? and how many …"
        )
        if asks and len(first.split()) >= min_words and second.split():
            return first, second
    return None


_AUXILIARY = r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would)"
# "Where and when was it held?", "where and on which dates did …": question words joined
# before the one clause they both ask about.
_WH_HEAD = (
    rf"(?:{LEADING_PREPOSITIONS}\s+)?(?:(?:which|what)\s+(?!{_AUXILIARY}\b)[a-z]+|how\s+(?:many|much|long|often)"
    r"|who|whom|whose|when|where|why)"
)
_JOINED_HEADS = re.compile(
    rf"^\s*(?:(?:and|so|ok|okay|also)\s+)?({_WH_HEAD})\s*,?\s+(?:and|&|n)\s+({_WH_HEAD})\s+(\S.*)$",
    re.I | re.S,
)  # "and when and where did it open?" after an answer


def joined_heads(text: str) -> tuple[str, str] | None:
    """Two question words asking one clause, as two questions:

    >>> joined_heads("Where and on which dates was the course held?")
    ('Where was the course held?', 'on which dates was the course held?')
    """
    m = _JOINED_HEADS.match(text)
    if m is None:
        return None
    return f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"


_OPENS_ASKING = re.compile(
    rf"^\s*(?:(?:and|so|but|then|also|ok|okay)\s+)?(?:(?:{LEADING_PREPOSITIONS}\s+)?"
    rf"(?:(?:roughly|approximately|about|around|exactly|just)\s+)?"
    rf"{QUESTION_WORDS}|is|are|was|were|do|does|did|has|have|had|can|could|will|would|"
    r"should)\b",
    re.I,
)
# A question word inside the part, not opening it: "to how many countries did it go".
_ASKS_IN_PLACE = re.compile(
    r"\bhow\s+(?:many|much|long|often)\b|\b(?:which|what)\s+(?!(?:was|were|is|are|has|had|"
    r"have|did|does|do)\b)(?:[a-z]+|%)",  # "what % of adults knew …"
    re.I,
)
# A question put as the fact's noun: "dates of the workshop", "the venue of the meeting".
_FACT_NOUN_ASK = re.compile(
    r"^\s*(?:the\s+)?(?:exact\s+|full\s+|official\s+)?(?:dates?|days?|months?|years?|names?|"
    r"titles?|venues?|locations?|places?|number|figures?)(?:\s+of\b|\s*$)",
    re.I,
)
_ENDS_ASKING = re.compile(rf"\b{QUESTION_WORDS}\s*[?]?\s*$", re.I)
_CLAUSE_START = re.compile(r"(?:[,;:]|\s[-–—]+|[.?!])\s+")


_QUESTION_WORD_AT = re.compile(rf"\s*{QUESTION_WORDS}", re.I)  # "whats …" too


def opens_asking(text: str) -> bool:
    """Whether ``text`` opens as a question does: "is there a class …", "when was it"."""
    return _OPENS_ASKING.match(text) is not None


def asked_sentence(text: str) -> str | None:
    """The question a statement follows: "wat is CAA? its in the list at the bottom" →
    "wat is CAA?". None when nothing follows the question, or what follows asks too."""
    m = re.match(r"^(.*?\?)\s+(\S.*)$", text, re.S)
    rest = "" if m is None else m.group(2)
    if m is None or "?" in rest or _OPENS_ASKING.match(rest) or _QUESTION_WORD_AT.match(rest):
        return None  # "… worth it? whats ur opinion" asks again
    if _CLARIFIES.search(rest):
        return None  # "did they do that every year? the safety seminars i mean": what about
    return m.group(1)


# A sentence after the question that says what it is about: "… i mean", "meaning the …".
_CLARIFIES = re.compile(
    r"\bi\s+mean\b|^\s*(?:meaning|as\s+in|i\.e\.?|namely|specifically)\b|"
    r"\b(?:i'?m|i\s+am)\s+(?:talking|asking)\s+about\b",
    re.I,
)


def question_part(text: str) -> str | None:
    """The question a statement leads into, when the text opens with the statement: "MOJ
    evaluated its guidance - what did the evaluation conclude?" → "what did the
    evaluation conclude?". None when the text opens asking."""
    if _OPENS_ASKING.match(text):
        return None
    for m in _CLAUSE_START.finditer(text):
        rest = text[m.end() :]
        if _OPENS_ASKING.match(rest):
            return rest
    return None
