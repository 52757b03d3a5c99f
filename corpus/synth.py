"""Deterministic generator of synthetic efforts reports for scale benchmarks and tests.

The reports follow the format of ``corpus/plans/fy2019_efforts.txt``: a title line, numbered
sections (``1. Title``), measure headers (``O Title`` or ``- O Title``), efforts as bullets
(``· ``, ``• ``, ``- · ``, ``- ``) that end in a ministry attribution such as ``[CAO]`` or
``[MIC, MEXT, and METI]``, a glossary line (``* NPA (National Police Agency), ...``) and dates
such as ``(July 2019)`` inside effort text. The sentences are composed from vocabularies so that
texts differ and lexical or embedding indexes have something realistic to work on.

Only the standard library is used, and every choice comes from ``random.Random`` seeded from the
caller's seed, so the same arguments always give byte-identical output.

Example:
    Write about 100,000 efforts (50 reports) into a folder::

        python -m corpus.synth /tmp/synth --efforts 100000 --seed 0
"""

import argparse
import math
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "MAX_EFFORTS_PER_REPORT",
    "MINISTRIES",
    "count_efforts",
    "generate_report",
    "write_corpus",
]

#: Upper bound on efforts in one report written by :func:`write_corpus`.
MAX_EFFORTS_PER_REPORT = 2000
#: Number of sections in each report written by :func:`write_corpus`.
SECTIONS_PER_REPORT = 6
#: Mean number of efforts per measure in reports written by :func:`write_corpus`.
MEAN_EFFORTS_PER_MEASURE = 6

#: Ministry abbreviations with their full names, in glossary order.
MINISTRIES: dict[str, str] = {
    "NPA": "National Police Agency",
    "CAS": "Cabinet Secretariat",
    "CAO": "Cabinet Office",
    "MIC": "Ministry of Internal Affairs and Communications",
    "MOJ": "Ministry of Justice",
    "MOFA": "Ministry of Foreign Affairs",
    "MEXT": "Ministry of Education, Culture, Sports, Science and Technology",
    "MHLW": "Ministry of Health, Labour and Welfare",
    "METI": "Ministry of Economy, Trade and Industry",
    "CFA": "Children and Families Agency",
    "MLIT": "Ministry of Land, Infrastructure, Transport and Tourism",
}
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

_TITLE = 'FY{year} Efforts on the "Basic Plan on Measures against Child Sexual Exploitation"'

_SECTION_TITLES: tuple[str, ...] = (
    "Enhancement of public awareness, development of social awareness, "
    "and international collaboration",
    "Support for children and families to ensure the growth of children without victimization",
    "Promotion of measures to prevent the occurrence and spread of victimization "
    "that focuses on tools",
    "Prompt protection of and appropriate support for child victims",
    "Strengthening of crackdowns and rehabilitation of offenders",
    "Strengthening of the foundation for realizing a society where children will never "
    "become victims",
    "Promotion of research, surveys and the use of evidence in child protection",
    "Strengthening of cooperation between the public and private sectors",
    "Improvement of the capacity of professionals working with children",
    "Promotion of international efforts against the sexual exploitation of children",
)

# Topics, each with the ministries most likely to work on it. Harms are things to counter
# ("measures against ..."); fields are areas of work ("promotion of ...").
_HARMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("online grooming of children", ("NPA", "MIC")),
    ("grooming through SNS and messaging apps", ("NPA", "MIC", "CFA")),
    ("child pornography", ("NPA", "MOJ", "MIC")),
    ("self-generated sexual images of children", ("NPA", "MEXT", "CFA")),
    ("sextortion targeting minors", ("NPA", "MIC")),
    ("child prostitution", ("NPA", "MOJ")),
    ("the so-called JK business", ("NPA", "CFA")),
    ("trafficking in persons", ("CAS", "MOFA", "MOJ", "NPA")),
    ("child sexual exploitation by Japanese nationals overseas", ("MOFA", "NPA", "MLIT")),
    ("child abuse and neglect", ("MHLW", "CFA", "MEXT")),
    ("sexual violence against children", ("CAO", "NPA", "MEXT", "CFA")),
    ("sexual abuse in sports and club activities", ("MEXT", "CFA")),
    ("sexual harassment on trains and buses", ("MLIT", "NPA")),
    ("victimization through dating sites and community sites", ("NPA", "MIC")),
    ("the circulation of child sexual abuse material online", ("NPA", "MIC")),
    ("repeat sexual offenses against children", ("MOJ", "NPA")),
    ("harmful information on the internet", ("MIC", "METI", "NPA")),
)
_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("safe and secure internet use by young people", ("MIC", "MEXT", "METI", "CFA")),
    ("internet safety for elementary school children", ("MIC", "MEXT", "CFA")),
    ("school counselling for children at risk", ("MEXT",)),
    ("the early detection of child abuse", ("MHLW", "CFA", "MEXT")),
    ("psychological care for child victims", ("MHLW", "CFA", "NPA")),
    ("the rehabilitation of sexual offenders", ("MOJ",)),
    ("filtering services for mobile phones", ("MIC", "METI")),
    ("age verification on online platforms", ("MIC", "METI")),
    ("the protection of children in accommodation and tourism facilities", ("MLIT", "NPA")),
    ("one-stop support centers for victims of sexual violence", ("CAO", "MHLW")),
    ("foster care and the protection of children in care", ("MHLW", "CFA")),
    ("media literacy", ("MIC", "MEXT")),
    ("life safety education and education on the body", ("MEXT", "CFA")),
    ("working conditions of minors in the entertainment industry", ("MHLW", "METI", "NPA")),
    ("international cooperation against child sexual exploitation", ("MOFA", "NPA", "CAS")),
    ("support for child victims who are foreign nationals", ("MOJ", "MOFA", "NPA")),
    ("the handling of child pornography cases in prosecution", ("MOJ",)),
)
_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = _HARMS + _FIELDS

# Audiences, each with the ministries most likely to address it.
_AUDIENCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("teachers", ("MEXT",)),
    ("school counselors and school social workers", ("MEXT",)),
    ("boards of education", ("MEXT",)),
    ("parents and guardians", ("CFA", "MEXT", "CAO")),
    ("PTA members", ("MEXT", "CFA")),
    ("junior high school students", ("MEXT", "NPA")),
    ("high school students", ("MEXT", "NPA")),
    ("university students", ("MEXT", "CAO")),
    ("SNS operators", ("MIC", "NPA")),
    ("internet service providers", ("MIC",)),
    ("mobile phone carriers and retailers", ("MIC", "METI")),
    ("prefectural police", ("NPA",)),
    ("juvenile guidance volunteers", ("NPA",)),
    ("child guidance centers", ("MHLW", "CFA")),
    ("child welfare officers", ("MHLW", "CFA")),
    ("after-school club staff", ("CFA", "MHLW")),
    ("medical professionals", ("MHLW",)),
    ("municipal officials", ("MIC", "CAO", "CFA")),
    ("probation officers", ("MOJ",)),
    ("public prosecutors", ("MOJ",)),
    ("staff of penal institutions", ("MOJ",)),
    ("consular officials", ("MOFA",)),
    ("hotel and travel operators", ("MLIT",)),
    ("railway and bus operators", ("MLIT",)),
    ("sports coaches", ("MEXT",)),
    ("private support groups", ("CAO", "NPA", "CFA")),
)

# Businesses that ministries ask to take voluntary measures.
_INDUSTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SNS operators", ("MIC", "NPA")),
    ("internet service providers", ("MIC",)),
    ("mobile phone carriers", ("MIC", "METI")),
    ("app store operators", ("METI", "MIC")),
    ("hotel and travel operators", ("MLIT",)),
    ("railway and bus operators", ("MLIT",)),
    ("entertainment production companies", ("METI", "MHLW")),
    ("online game operators", ("METI", "MIC")),
)

_CAMPAIGNS: tuple[str, ...] = (
    "National Month for the Prevention of Juvenile Delinquency and Juvenile Damage",
    "Month for the Promotion of Child Abuse Prevention",
    "Campaign for Eliminating Violence against Women",
    "Youth Development Support Month",
    "Human Rights Week",
    "Internet Safety Promotion Week for Young People",
    "Campaign for Preventing Sexual Violence against Young People",
)

_EVENTS: tuple[tuple[str, str], ...] = (
    ("seminar", "seminars"),
    ("symposium", "symposiums"),
    ("workshop", "workshops"),
    ("training session", "training sessions"),
    ("lecture", "lectures"),
    ("liaison conference", "liaison conferences"),
    ("study meeting", "study meetings"),
    ("online seminar", "online seminars"),
    ("forum", "forums"),
    ("case study meeting", "case study meetings"),
)
_EVENT_VERBS: tuple[str, ...] = ("Held", "Organized", "Conducted", "Hosted", "Co-hosted")
_ATTENDEES: tuple[str, ...] = (
    "participants",
    "people",
    "representatives of relevant organizations",
    "officials",
    "students and guardians",
)

_MATERIALS: tuple[tuple[str, str], ...] = (
    ("leaflet", "leaflets"),
    ("poster", "posters"),
    ("guidebook", "guidebooks"),
    ("handbook", "handbooks"),
    ("teaching material", "teaching materials"),
    ("awareness-raising video", "awareness-raising videos"),
    ("manual", "manuals"),
    ("casebook", "casebooks"),
    ("pamphlet", "pamphlets"),
    ("set of e-learning materials", "sets of e-learning materials"),
)
_MATERIAL_VERBS: tuple[str, ...] = ("Produced", "Created", "Prepared", "Revised", "Updated")
_FEATURING: tuple[str, ...] = (
    "featuring specific criminal incidents and modus operandi",
    "explaining how to seek consultation and report damage",
    "with case studies and points to note",
    "introducing contact points for consultation",
    "illustrating the warning signs of victimization",
    "in plain Japanese and several foreign languages",
    "summarizing the relevant laws and penalties",
)
_CHANNELS: tuple[str, ...] = (
    "boards of education",
    "prefectural police departments",
    "mobile phone retailers",
    "municipal offices",
    "schools nationwide",
    "the ministry's website and SNS accounts",
    "child guidance centers",
    "relevant industry associations",
)

_SURVEYS: tuple[str, ...] = (
    "survey",
    "fact-finding survey",
    "questionnaire survey",
    "nationwide survey",
    "research study",
    "interview survey",
)
_FINDINGS: tuple[str, ...] = (
    "the actual situation of victimization",
    "trends in modus operandi",
    "the use of smartphones by young people",
    "the awareness of children and guardians",
    "the response of relevant organizations",
    "challenges in support for victims",
)

_SERVICES: tuple[str, ...] = (
    "a 24-hour telephone hotline",
    "an SNS-based consultation service",
    "a toll-free consultation hotline",
    "one-stop support centers",
    "an online reporting system",
    "consultation desks",
    "the Internet Hotline Center",
    "a chat-based consultation service",
)
_SERVICE_VERBS: tuple[str, ...] = ("Operated", "Expanded", "Established", "Enhanced", "Publicized")

_POLICY_VERBS: tuple[str, ...] = ("Promoted", "Strengthened", "Supported", "Encouraged")
_POLICIES: tuple[str, ...] = (
    "efforts",
    "voluntary efforts",
    "information sharing",
    "initiatives",
    "model projects",
)
_HARM_POLICIES: tuple[str, ...] = (
    "crackdowns on",
    "countermeasures against",
    "investigations into",
)
_PARTNERS: tuple[str, ...] = (
    "private organizations",
    "relevant ministries and agencies",
    "foreign law enforcement agencies",
    "industry associations",
    "local governments",
    "prefectural police departments",
    "child guidance centers",
    "NPOs and other private groups",
)
_PROVISIONS: tuple[str, ...] = (
    "information",
    "grants",
    "financial support",
    "technical guidance",
    "expert advice",
    "model cases",
)
_REQUESTS: tuple[str, ...] = (
    "strengthen measures against",
    "review their terms of service regarding",
    "introduce age verification to prevent",
    "promptly remove content related to",
    "share information with the police on",
)
_MEETINGS: tuple[str, ...] = (
    "the WePROTECT Global Alliance Summit",
    "an Interpol specialist group meeting",
    "a session of the UN Human Rights Council",
    "the G7 Interior Ministers' Meeting",
    "an Asia-Pacific regional conference on child protection",
    "a bilateral consultation with ASEAN countries",
)
_PURPOSES: tuple[str, ...] = (
    "so as to prevent child victimization",
    "to promote the early detection of child victims",
    "to raise awareness of the risks of {harm}",
    "to encourage reporting and consultation",
    "to improve the capacity of {audience} to respond to cases of {harm}",
    "with a view to preventing repeat victimization",
    "to share good practices on {topic}",
    "to call public attention to {harm}",
)

# Measure title heads that fit any topic, and heads that only fit a harm.
_MEASURE_HEADS: tuple[str, ...] = (
    "Promotion of public relations and awareness-raising on",
    "Support for private organizations working on",
    "Implementation of surveys and research on",
    "Information dissemination at home and abroad on",
    "Improvement of the response capacity of relevant organizations regarding",
    "Awareness-raising activities on",
    "Promotion of",
    "Enhancement of",
)
_HARM_HEADS: tuple[str, ...] = (
    "Measures against",
    "Strengthening of crackdowns on",
    "Prevention of",
    "Response to",
    "Enhancement of consultation systems concerning",
    "Promotion of international cooperation against",
)

_NOTES: tuple[str, ...] = (
    "This is a message from the Juvenile Section of the {place} Police Station. Crimes of child "
    "sexual exploitation are heinous acts that significantly violate the human rights of children",
    "If you are worried about photos you have sent, please consult us. Consultation is free and "
    "confidential; call the number below or contact the {place} Child Guidance Center",
    "Do not send your photos to people you met on SNS. Once posted, images can never be fully "
    "deleted. {place} Prefectural Police",
)
_PLACES: tuple[str, ...] = ("XXX", "Minato", "Chuo", "Kita", "Higashi", "Nishi", "Sakura")

# Bullet markers; ``- `` style efforts sit on consecutive lines, the others are separated by
# blank lines as in the source report.
_MARKERS: tuple[str, ...] = ("· ", "• ", "- · ", "- ")

_EFFORT_LINE = re.compile(
    r"^(?:· |• |- · |- )(?!O |\* ).*\[[A-Z]+(?:(?:, | and |, and )[A-Z]+)*\]$"
)


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


def _effort_text(rng: random.Random, fiscal_year: int) -> str:
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


def _measure_title(rng: random.Random) -> str:
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


def _glossary() -> str:
    """Return the glossary line listing every ministry, without any ``- `` prefix.

    Returns:
        ``* NPA (National Police Agency), ..., MLIT (...).``
    """
    return "* " + ", ".join(f"{abbr} ({name})" for abbr, name in MINISTRIES.items()) + "."


def _render(fiscal_year: int, layout: Sequence[Sequence[int]], rng: random.Random) -> str:
    """Render one report whose shape is given by ``layout``.

    Args:
        fiscal_year: The report's fiscal year.
        layout: For each section, the number of efforts of each of its measures.
        rng: Random source.

    Returns:
        The report text, ending in a newline.
    """
    n_measures = sum(len(section) for section in layout)
    glossary_after = rng.randrange(n_measures) if n_measures else -1
    lines: list[str] = [_TITLE.format(year=fiscal_year), ""]
    if n_measures == 0:
        lines.append(_glossary())
    measure_index = 0
    for number, section in enumerate(layout, start=1):
        if number > 1:
            lines.extend([""] * rng.choice((1, 3, 3)))
        lines.extend([f"{number}. {_SECTION_TITLES[(number - 1) % len(_SECTION_TITLES)]}", ""])
        for efforts in section:
            marker = rng.choice(_MARKERS)
            dashed = marker.startswith("- ")
            if dashed and rng.random() < 0.4:
                lines.append(f"- O {_measure_title(rng)}")
            else:
                lines.extend([f"O {_measure_title(rng)}", ""])
            for _ in range(efforts):
                lines.append(marker + _effort_text(rng, fiscal_year))
                if not dashed:
                    lines.append("")
            if measure_index == glossary_after:
                if dashed:
                    lines.append("- " + _glossary())
                else:
                    lines.extend([_glossary(), ""])
            if lines[-1] != "":
                lines.append("")
            measure_index += 1
        if rng.random() < 0.03:
            note = rng.choice(_NOTES).format(place=rng.choice(_PLACES))
            lines.extend(["", "", note, ""])
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def generate_report(
    fiscal_year: int,
    *,
    sections: int,
    measures_per_section: int,
    efforts_per_measure: int,
    seed: int,
) -> str:
    """Generate the text of one synthetic efforts report.

    Args:
        fiscal_year: Fiscal year of the report; effort dates fall from April of this year to
            March of the next.
        sections: Number of numbered sections.
        measures_per_section: Number of measures (``O ...`` headers) in each section.
        efforts_per_measure: Number of effort bullets under each measure.
        seed: Seed for the random source; the same arguments give the same text.

    Returns:
        The report text, in the format of ``corpus/plans/fy2019_efforts.txt``, ending in a
        newline. It holds ``sections * measures_per_section * efforts_per_measure`` efforts.

    Raises:
        ValueError: If a count is negative.

    Example:
        >>> text = generate_report(2019, sections=2, measures_per_section=2,
        ...                        efforts_per_measure=3, seed=1)
        >>> count_efforts(text)
        12
    """
    if min(sections, measures_per_section, efforts_per_measure) < 0:
        raise ValueError("sections, measures_per_section and efforts_per_measure must be >= 0")
    layout = [[efforts_per_measure] * measures_per_section for _ in range(sections)]
    return _render(fiscal_year, layout, random.Random(f"planqa-synth:{seed}:{fiscal_year}"))


def _partition(total: int, parts: int, rng: random.Random, floor: int = 1) -> list[int]:
    """Split ``total`` into ``parts`` random positive sizes of at least ``floor`` each.

    Args:
        total: The sum to split; at least ``parts * floor``.
        parts: How many sizes to return; at least 1.
        rng: Random source.
        floor: Smallest allowed size; at least 1.

    Returns:
        The sizes, summing to ``total``.
    """
    spare = total - parts * (floor - 1)
    cuts = sorted(rng.sample(range(1, spare), parts - 1))
    bounds = [0, *cuts, spare]
    return [bounds[i + 1] - bounds[i] + floor - 1 for i in range(parts)]


def _corpus_layout(efforts: int, rng: random.Random) -> list[list[list[int]]]:
    """Plan the reports of a corpus: efforts per measure, per section, per report.

    Args:
        efforts: Total number of efforts to spread over the reports.
        rng: Random source.

    Returns:
        One layout per report, as taken by :func:`_render`.
    """
    n_reports = math.ceil(efforts / MAX_EFFORTS_PER_REPORT)
    layouts: list[list[list[int]]] = []
    for i in range(n_reports):
        count = efforts // n_reports + (1 if i < efforts % n_reports else 0)
        n_sections = min(SECTIONS_PER_REPORT, count)
        n_measures = min(count, max(n_sections, round(count / MEAN_EFFORTS_PER_MEASURE)))
        per_section = _partition(
            n_measures, n_sections, rng, floor=max(1, n_measures // (2 * n_sections))
        )
        sizes = _partition(count, n_measures, rng)
        layout: list[list[int]] = []
        start = 0
        for k in per_section:
            layout.append(sizes[start : start + k])
            start += k
        layouts.append(layout)
    return layouts


def write_corpus(folder: Path, *, efforts: int, seed: int = 0) -> list[Path]:
    """Write enough synthetic reports to hold ``efforts`` efforts in total.

    Reports are named ``fy<year>_efforts.txt`` for fiscal years 2000, 2001, ...; each holds at
    most :data:`MAX_EFFORTS_PER_REPORT` efforts in :data:`SECTIONS_PER_REPORT` sections, with a
    varying number of measures per section and efforts per measure. The total is exact.
    Existing files of the same names are overwritten; other files are left alone.

    Args:
        folder: Where to write; created if missing.
        efforts: Total number of efforts; 0 writes nothing.
        seed: Seed for the random source; the same arguments give byte-identical files.

    Returns:
        The paths written, in fiscal-year order.

    Raises:
        ValueError: If ``efforts`` is negative.
    """
    if efforts < 0:
        raise ValueError("efforts must be >= 0")
    folder.mkdir(parents=True, exist_ok=True)
    layouts = _corpus_layout(efforts, random.Random(f"planqa-synth-layout:{seed}"))
    paths: list[Path] = []
    for offset, layout in enumerate(layouts):
        year = 2000 + offset
        text = _render(year, layout, random.Random(f"planqa-synth:{seed}:{year}"))
        path = folder / f"fy{year}_efforts.txt"
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def count_efforts(text: str) -> int:
    """Count the effort bullets in a report's text.

    A line counts when it starts with a bullet marker (not a measure header or glossary) and
    ends with a ministry attribution.

    Args:
        text: A report's text.

    Returns:
        The number of effort lines.
    """
    return sum(1 for line in text.splitlines() if _EFFORT_LINE.match(line))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: write a synthetic corpus and report its size.

    Args:
        argv: Arguments without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit status.
    """
    parser = argparse.ArgumentParser(description="Write synthetic efforts reports.")
    parser.add_argument("out_dir", type=Path, help="folder to write the reports into")
    parser.add_argument("--efforts", type=int, required=True, help="total number of efforts")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.efforts < 0:
        parser.error("--efforts must be >= 0")
    started = time.perf_counter()
    paths = write_corpus(args.out_dir, efforts=args.efforts, seed=args.seed)
    elapsed = time.perf_counter() - started
    written = sum(count_efforts(p.read_text(encoding="utf-8")) for p in paths)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} reports with {written} efforts ({size:,} bytes) "
        f"to {args.out_dir} in {elapsed:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
