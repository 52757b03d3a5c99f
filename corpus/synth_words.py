"""The words of synthetic efforts reports: effort sentences, measure titles and notes.

Sentences are composed from the vocabularies in ``corpus/data/synth_vocab.json`` (topics,
audiences, events, materials, verbs, ...), each with the ministries most likely to be
credited with it, so that texts differ and lexical or embedding indexes have something
realistic to work on. Every choice is drawn from the ``random.Random`` the caller passes,
in a fixed order: :mod:`corpus.synth` lays the reports out and renders them.
"""

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "MINISTRIES",
    "VOCABULARY_FILE",
    "effort_text",
    "measure_title",
    "note",
    "section_title",
]

#: The vocabularies the sentences are composed from, described by its ``_about`` entry.
VOCABULARY_FILE = Path(__file__).resolve().parent / "data" / "synth_vocab.json"


def _load_vocabulary(path: Path) -> dict[str, Any]:
    """Read the vocabularies file: a JSON object of word lists, by name.

    Args:
        path: The file, such as :data:`VOCABULARY_FILE`.

    Returns:
        Each vocabulary by name, as JSON gives it (lists, and one object).
    """
    vocabulary: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return vocabulary


_VOCABULARY = _load_vocabulary(VOCABULARY_FILE)


def _words(name: str) -> tuple[str, ...]:
    """The vocabulary ``name``: words or phrases, in file order."""
    return tuple(_VOCABULARY[name])


def _pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The vocabulary ``name``: nouns as (singular, plural)."""
    return tuple((one, many) for one, many in _VOCABULARY[name])


def _with_ministries(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The vocabulary ``name``: phrases, each with its ministries, most relevant first."""
    return tuple((phrase, tuple(ministries)) for phrase, ministries in _VOCABULARY[name])


#: Ministry abbreviations with their full names, in glossary order.
MINISTRIES: dict[str, str] = dict(_VOCABULARY["ministries"])
_ABBREVIATIONS: tuple[str, ...] = tuple(MINISTRIES)

_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_SECTION_TITLES = _words("section_titles")

# Topics, each with the ministries most likely to work on it. Harms are things to counter
# ("measures against ..."); fields are areas of work ("promotion of ...").
_HARMS = _with_ministries("harms")
_FIELDS = _with_ministries("fields")
_TOPICS = _HARMS + _FIELDS
# Audiences, each with the ministries most likely to address it.
_AUDIENCES = _with_ministries("audiences")
# Businesses that ministries ask to take voluntary measures.
_INDUSTRIES = _with_ministries("industries")

_CAMPAIGNS = _words("campaigns")
_EVENTS = _pairs("events")
_EVENT_VERBS = _words("event_verbs")
_ATTENDEES = _words("attendees")
_MATERIALS = _pairs("materials")
_MATERIAL_VERBS = _words("material_verbs")
_FEATURING = _words("featuring")
_CHANNELS = _words("channels")
_SURVEYS = _words("surveys")
_FINDINGS = _words("findings")
_SERVICES = _words("services")
_SERVICE_VERBS = _words("service_verbs")
_POLICY_VERBS = _words("policy_verbs")
_POLICIES = _words("policies")
_HARM_POLICIES = _words("harm_policies")
_PARTNERS = _words("partners")
_PROVISIONS = _words("provisions")
_REQUESTS = _words("requests")
_MEETINGS = _words("meetings")
_PURPOSES = _words("purposes")
# Measure title heads that fit any topic, and heads that only fit a harm.
_MEASURE_HEADS = _words("measure_heads")
_HARM_HEADS = _words("harm_heads")
_NOTES = _words("notes")
_PLACES = _words("places")


def _article(word: str) -> str:
    """Return ``word`` preceded by the right indefinite article.

    Args:
        word: A noun phrase.

    Returns:
        ``"a ..."`` or ``"an ..."``.
    """
    return ("an " if word[0].lower() in "aeiou" else "a ") + word


def _ordinal(n: int) -> str:
    """Return the English ordinal of ``n``, e.g. ``4th`` or ``22nd``.

    Args:
        n: A positive integer.

    Returns:
        The ordinal as digits and suffix.
    """
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _attribution(ministries: Sequence[str]) -> str:
    """Format ministries as in the reports: ``[A]``, ``[A and B]``, ``[A, B, and C]``.

    Args:
        ministries: One or more abbreviations.

    Returns:
        The bracketed attribution.
    """
    if len(ministries) == 1:
        return f"[{ministries[0]}]"
    if len(ministries) == 2:
        return f"[{ministries[0]} and {ministries[1]}]"
    return "[" + ", ".join(ministries[:-1]) + f", and {ministries[-1]}]"


def _fiscal_date(rng: random.Random, fiscal_year: int) -> str:
    """Draw a ``Month YYYY`` date inside a fiscal year (April to March of the next year).

    Args:
        rng: Random source.
        fiscal_year: The fiscal year.

    Returns:
        The date, e.g. ``July 2019`` or ``January 2020`` for FY2019.
    """
    month = rng.randrange(12) + 4  # 4..15: April of the year to March of the next
    year = fiscal_year + (month - 1) // 12
    return f"{_MONTHS[(month - 1) % 12]} {year}"


def _ministries(rng: random.Random, affinity: Sequence[str], joint: bool) -> list[str]:
    """Choose the credited ministries, favouring those related to the effort's subject.

    Args:
        rng: Random source.
        affinity: Ministries plausibly in charge of the subject, most relevant first.
        joint: Whether to credit two or three ministries instead of one.

    Returns:
        Distinct abbreviations in attribution order.
    """
    wanted = rng.choice((2, 2, 3)) if joint else 1
    chosen: list[str] = []
    while len(chosen) < wanted:
        pool = affinity if affinity and rng.random() < 0.75 else _ABBREVIATIONS
        candidate = rng.choice(pool)
        if candidate not in chosen:
            chosen.append(candidate)
        elif all(m in chosen for m in pool):
            # Affinity exhausted: fall back to any ministry not yet chosen.
            chosen.append(rng.choice([m for m in _ABBREVIATIONS if m not in chosen]))
    return chosen


def _purpose(rng: random.Random, topic: str, audience: str) -> str:
    """Draw a purpose clause such as ``to encourage reporting and consultation``.

    Args:
        rng: Random source.
        topic: Topic to mention where the clause has a slot for it.
        audience: Audience to mention where the clause has a slot for it.

    Returns:
        The clause, without leading space or punctuation.
    """
    harm, _ = rng.choice(_HARMS)
    return rng.choice(_PURPOSES).format(topic=topic, audience=audience, harm=harm)


def _effort_clauses(rng: random.Random) -> tuple[list[str], list[str]]:
    """Compose one effort sentence as clauses, so that a date can go between any two.

    The first clause starts with a capitalised verb; each later clause carries its own leading
    space or punctuation. No clause contains square brackets or a month name.

    Args:
        rng: Random source.

    Returns:
        The clauses, which joined with no separator give the sentence without its final period,
        and the ministries most plausibly in charge of it, most relevant first.
    """
    topic, topic_ministries = rng.choice(_TOPICS)
    harm, harm_ministries = rng.choice(_HARMS)
    audience, audience_ministries = rng.choice(_AUDIENCES)
    affinity = topic_ministries + audience_ministries
    kind = rng.randrange(10)
    clauses: list[str]
    if kind in (0, 1, 2):  # events
        singular, plural = rng.choice(_EVENTS)
        verb = rng.choice(_EVENT_VERBS)
        form = rng.randrange(3)
        if form == 0:
            head = f"{verb} {_article(singular)} on {topic} for {audience}"
        elif form == 1:
            head = f"{verb} the {_ordinal(rng.randint(2, 30))} {singular} on {topic} for {audience}"
        else:
            head = f"{verb} {plural} on {topic} for {audience} in {rng.randint(3, 47)} prefectures"
        clauses = [head]
        if rng.random() < 0.3:
            clauses.append(f' during the "{rng.choice(_CAMPAIGNS)}"')
        tail = rng.randrange(3)
        if tail == 0:
            clauses.append(f" {_purpose(rng, topic, audience)}")
        elif tail == 1:
            attendance = f"{rng.randint(30, 2500):,} {rng.choice(_ATTENDEES)}"
            clauses.append(f"; about {attendance} attended")
    elif kind in (3, 4):  # materials
        singular, plural = rng.choice(_MATERIALS)
        if rng.random() < 0.6:
            verb = rng.choice(_MATERIAL_VERBS)
            clauses = [f"{verb} {_article(singular)} on {topic} {rng.choice(_FEATURING)}"]
            clauses.append(f", and distributed it to {audience} through {rng.choice(_CHANNELS)}")
        else:
            copies = f"{rng.randint(2, 900) * 1000:,}"
            clauses = [f"Distributed about {copies} copies of {plural} on {topic} to {audience}"]
        if rng.random() < 0.4:
            clauses.append(f" {_purpose(rng, topic, audience)}")
    elif kind == 5:  # surveys and research
        form = rng.randrange(3)
        if form == 0:
            clauses = [
                f"Conducted {_article(rng.choice(_SURVEYS))} on {topic} among {audience}",
                f" and published the results on {rng.choice(_FINDINGS)}",
            ]
        elif form == 1:
            clauses = [
                f"Commissioned {_article(rng.choice(_SURVEYS))} on {topic}",
                f" and compiled a report on {rng.choice(_FINDINGS)}",
                f" for use by {audience}",
            ]
        else:
            affinity = harm_ministries + audience_ministries
            clauses = [
                f"Analyzed {rng.randint(40, 3000):,} cases of {harm} detected in the previous year",
                f" and shared the findings with {rng.choice(_PARTNERS)}",
            ]
    elif kind == 6:  # consultation services
        affinity = harm_ministries + audience_ministries
        clauses = [f"{rng.choice(_SERVICE_VERBS)} {rng.choice(_SERVICES)} for {audience}"]
        clauses.append(f" concerning {harm}")
        if rng.random() < 0.5:
            clauses.append(f", handling approximately {rng.randint(100, 60000):,} consultations")
    elif kind == 7:  # policy and cooperation
        verb = rng.choice(_POLICY_VERBS)
        if rng.random() < 0.5:
            affinity = harm_ministries + audience_ministries
            clauses = [f"{verb} {rng.choice(_HARM_POLICIES)} {harm}"]
        else:
            clauses = [f"{verb} {rng.choice(_POLICIES)} on {topic}"]
        clauses.append(f" in cooperation with {rng.choice(_PARTNERS)}")
        if rng.random() < 0.5:
            clauses.append(f", while also providing guidance to {audience}")
    elif kind == 8:  # support and requests
        if rng.random() < 0.5:
            clauses = [f"Provided {rng.choice(_PROVISIONS)} to {audience} regarding {topic}"]
            clauses.append(f" {_purpose(rng, topic, audience)}")
        else:
            industry, industry_ministries = rng.choice(_INDUSTRIES)
            affinity = industry_ministries + harm_ministries
            clauses = [f"Requested {industry} to {rng.choice(_REQUESTS)} {harm}"]
            if rng.random() < 0.5:
                clauses.append(f" through {rng.choice(_PARTNERS)}")
    else:  # international meetings
        affinity = ("MOFA", "NPA", "CAS") + topic_ministries
        clauses = [f"Participated in {rng.choice(_MEETINGS)}"]
        clauses.append(f" and introduced Japan's efforts on {topic}")
        if rng.random() < 0.4:
            clauses.append(f", including measures concerning {harm}")
    return clauses, list(dict.fromkeys(affinity))


def effort_text(rng: random.Random, fiscal_year: int) -> str:
    """Compose one effort: sentence, optional fiscal-year date, and attribution.

    About one effort in four carries a date and one in five is credited to several ministries.

    Args:
        rng: Random source.
        fiscal_year: The report's fiscal year, which bounds the date.

    Returns:
        The effort text without a bullet marker, ending in its attribution.
    """
    clauses, affinity = _effort_clauses(rng)
    if rng.random() < 0.25:
        at = rng.randrange(1, len(clauses) + 1)
        clauses.insert(at, f" ({_fiscal_date(rng, fiscal_year)})")
    ministries = _ministries(rng, affinity, joint=rng.random() < 0.2)
    return "".join(clauses) + ". " + _attribution(ministries)


def measure_title(rng: random.Random) -> str:
    """Compose a measure title such as ``Measures against child prostitution``.

    Args:
        rng: Random source.

    Returns:
        The title without the ``O`` marker.
    """
    if rng.random() < 0.5:
        harm, _ = rng.choice(_HARMS)
        return f"{rng.choice(_HARM_HEADS + _MEASURE_HEADS)} {harm}"
    field, _ = rng.choice(_FIELDS)
    return f"{rng.choice(_MEASURE_HEADS)} {field}"


def section_title(number: int) -> str:
    """Return the title of section ``number``; past the last title they repeat.

    Args:
        number: The section's number, from 1.

    Returns:
        The title, without the ``N. `` prefix.
    """
    return _SECTION_TITLES[(number - 1) % len(_SECTION_TITLES)]


def note(rng: random.Random) -> str:
    """Draw a stray notice (a police or counselling message), as the source report carries
    between sections.

    Args:
        rng: Random source.

    Returns:
        The line, with a place name filled in.
    """
    return rng.choice(_NOTES).format(place=rng.choice(_PLACES))
