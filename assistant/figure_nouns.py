"""What a figure in an effort's text counts: the noun after it, or one said around it.

"about 220 representatives" counts representatives; "12 of them" counts what the figure
before it counted; "the number of centers … increased to 52" counts centers; "about
3,100 watched the stream" counts people. :func:`assistant.facts.figures` reads the
figures themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts import OF_THE_WHOLE, OF_THEM, UNITS, FactSpan
from assistant.lemmas import past_tense
from assistant.text import DETERMINERS

__all__ = ["Counted", "counted"]


@dataclass(frozen=True)
class Counted:
    """What a figure counts.

    Attributes:
        noun: Its head noun ("representatives"), if any.
        words: The words that say it, as the answer repeats them after the figure.
        whole: The last figure before it that counts something, which a part of it
            ("12 of them") or a running total counts too.
        of_whole: "of the 22 major providers" after it: the whole it is a part of.
    """

    noun: str | None
    words: tuple[str, ...]
    whole: FactSpan | None
    of_whole: re.Match[str] | None


def counted(text: str, m: re.Match[str], before: list[FactSpan]) -> Counted:
    """What the figure ``m`` of ``text`` counts, after the figures ``before`` it."""
    after = text[m.end() : m.end() + 80]
    # "418k": no word; "184 local governments and 271 private groups": a figure ends
    # the first noun phrase
    words = re.findall(r"(?<!\d)[A-Za-z][A-Za-z-]*|(?<![\w,.])\d[\d,.]*|[,.;:()]", after)
    noun_words: list[str] = []
    doers = None
    if words and (words[0].lower() in _PEOPLE_VERBS or _more_did(words, before)):
        doers = words[0]  # "about 3,100 watched the stream": 3,100 people
        words = []
    for i, w in enumerate(words):
        lower = w.lower()
        after_and = words[i + 1] if i + 1 < len(words) else ""
        listed = _LISTED.match(after, after.find(",") + 1) if w == "," else None
        if listed and noun_words and after.find(",") < len(" ".join(noun_words)) + 3:
            # "2,150 elementary, junior high and senior high schools": one noun phrase
            noun_words = [after[: listed.end()].strip()]
            break
        if lower in ("and", "or") and noun_words and after_and[:1].isalpha():
            if after_and.lower() not in _STOP_NOUN:
                noun_words.append(w)  # "junior high and high schools"
                continue
        if i == 0 and lower == "such" and after_and.isalpha() and after_and != "as":
            continue  # "found 410 such streams": streams
        if not w[0].isalpha() or lower in _STOP_NOUN or len(noun_words) >= 6:
            break
        if noun_words and lower in _ADVERB_AFTER and not after_and[:1].isalpha():
            break  # "12,300 viewers online", not "27 SNS and online game operators"
        if noun_words and lower in _AFTER_NOUN:
            break  # "14 countries took part"
        if noun_words and lower.endswith(("ing", "ed")) and not _modifies(noun_words, after_and):
            break  # "14 companies participating", "cases involving …"; not "2,780
            # private tutoring schools", "30 newly appointed officers"
        noun_words.append(w)
        if len(noun_words) == 1 and lower in _WHOLE_UNITS:
            break  # a unit is the whole noun: "three minutes long", "45 million yen to"
    while noun_words and noun_words[-1].lower() in ("and", "or"):
        noun_words.pop()  # "21 penal institutions and evaluated …"
    percent = bool(m.group(2))
    noun = noun_words[-1].split()[-1].lower() if noun_words else None
    part_of = OF_THEM.match(after)
    whole = next((s for s in reversed(before) if s.kind == "number" and s.noun), None)
    of_whole = OF_THE_WHOLE.match(after)
    if noun is None and of_whole and not percent:
        # "19 of the 22 major providers had introduced it": 19 providers
        noun, noun_words = of_whole.group("noun").lower(), [of_whole.group(0).strip()]
    elif noun is None and not percent and (named := _OF_THE_NAMED.match(after)):
        # "14 of the suspects were found to have …": 14 suspects
        noun, noun_words = named.group("noun").lower(), [named.group(0).strip()]
    elif noun is None and part_of and whole and not percent:
        # "22 operators …; 12 of them had introduced it": 12 operators
        noun, noun_words = whole.noun, [part_of.group(0).strip()]
    elif noun is None and whole and not percent and (in_all := _IN_ALL.match(after)):
        # "at 11 more police stations, making 188 in total": 188 stations
        noun, noun_words = whole.noun, [in_all.group(0).strip()]
    elif whole and not percent and _OF_WHICH_BEFORE.search(text[: m.start()]):
        # "412,000 reports, of which 9,850 concerned child pornography": 9,850 reports
        noun = whole.noun
        noun_words = [" ".join(re.split(r"[,;.()]", after, maxsplit=1)[0].split()[:6])]
    if noun is None and not percent:
        # "the number of centers with a lawyer increased to 52": 52 centers; "placed
        # school social workers, increasing their number to about 4,300": workers
        counted = list(_NUMBER_OF.finditer(text[max(0, m.start() - 200) : m.start()]))
        counted = counted or list(_THEIR_NUMBER.finditer(text[: m.start()]))
        counted = counted or list(_NOUN_REACHED.finditer(text[: m.start()]))
        counted = counted or list(_A_NOUN_OF.finditer(text[max(0, m.start() - 40) : m.start()]))
        if counted:
            noun = counted[-1].group(1).lower()
            noun_words = [counted[-1].group(1)]
    if doers is not None and not percent:
        # said with what they did: "about 2,400 followed the live stream"
        did = " ".join(re.split(r"[,.;:()]", after, maxsplit=1)[0].split()[:5])
        noun, noun_words = "people", [did or doers]
    return Counted(noun, tuple(noun_words), whole, of_whole)


_STOP_NOUN = frozenset(
    "of from in at on to for by with and or as that which who were was is are had have has "
    "during since until across than per a an the its their through into among via under "
    "over about after before between including such nationwide overall altogether "
    "respectively annually each".split()
)
# After a comma, the rest of a list of modifiers: "junior high and senior high schools"
# (not ", and extended weekday hours": a clause of its own).
_LISTED = re.compile(r"\s*(?:[a-z-]+ ){1,2}(?:and|or) (?:[a-z-]+ ){0,2}[a-z-]+s\b")
# Words after a figure's noun, not of it: "14 countries and regions took part".
_AFTER_NOUN = frozenset(
    "nationwide worldwide each per across took take came come went go joined attended "
    "received participated gathered responded answered".split()
)
_ADVERB_AFTER = frozenset("online offline abroad overseas".split())


_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:[a-z-]+\s+){0,2}?([a-z-]+s)\b(?=[^.;]*$)", re.I)
_THEIR_NUMBER = re.compile(
    r"\b([a-z-]{3,}s)\b[^.;]{0,40}?,?\s+[a-z]+ing\s+their\s+number\s+(?:to|by)\b(?=[^.;]*$)",
    re.I,
)
# "downloads reached approx. 640k": what reached the figure, just before it.
_NOUN_REACHED = re.compile(
    r"\b([a-z-]{3,}s)\s+(?:reached|totall?ed|numbered|stood\s+at|(?:rose|grew|increased|"
    r"fell|dropped|declined|decreased)\s+(?:to|from|from\s+[^;.]{1,40}?\s+to))\s+"
    r"(?:(?:about|approximately|approx\.|some|nearly)\s+)?$",
    re.I,
)  # "consultations rose from 17,200 in FY2074 to 20,450": both counted consultations
# "with a staff of 180", "a team of 12": the group the figure counts, named before it
_A_NOUN_OF = re.compile(
    r"\b(?:a|an|its|their)\s+((?!(?:total|sum|maximum|minimum|average|rate|share|ratio|"
    r"increase|decrease|rise|fall|budget|cost|period|term|age|period)\b)[a-z]{3,})\s+of\s+"
    r"(?:(?:about|approximately|some|nearly)\s+)?$",
    re.I,
)


_WHOLE_UNITS = UNITS["duration"] | UNITS["money"] | UNITS["times"]


def _modifies(words: list[str], after: str) -> bool:
    """Whether a word in "-ing" or "-ed" after a figure's first words still modifies its
    noun: "2,780 private tutoring schools", "30 newly appointed officers"; not after a
    plural noun ("14 companies participating") or before none ("1 operator running a site")."""
    last = words[-1].lower()
    return not _plural(last) and _plural(after.lower()) and after.lower() not in _STOP_NOUN


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith("ss")) or word in _PLURAL_WITHOUT_S


_PLURAL_WITHOUT_S = frozenset("people children staff personnel police youth women men".split())


# A figure of people written with no noun, only what they did: "3,100 watched online".
_PEOPLE_VERBS = frozenset(
    "watched viewed streamed attended joined participated registered visited signed enrolled "
    "applied passed completed responded answered took came".split()
)


def _more_did(words: list[str], before: list[FactSpan]) -> bool:
    """A figure followed by a past verb and what it was done to, after a figure of people:
    "960 people attended in person and about 2,400 followed the live stream", "312,000
    applicants were checked and 188 had a relevant conviction"."""
    whole = next((s for s in reversed(before) if s.kind == "number" and s.noun), None)
    return (
        len(words) > 1
        and words[1].lower() in DETERMINERS
        and whole is not None
        and whole.noun in UNITS["people"]
        and past_tense(words[0])  # (the dictionary loads only here)
    )


# "14 of the suspects": a part of a whole named, not counted.
_OF_THE_NAMED = re.compile(
    r"\s+of\s+(?:the|these|those|its|their)\s+(?:[A-Za-z-]+\s+){0,2}?(?P<noun>[A-Za-z-]+s)\b"
)
_OF_WHICH_BEFORE = re.compile(
    r"\bof\s+(?:which|whom|them|these)\s+(?:about\s+|approximately\s+|some\s+)?$", re.I
)


_IN_ALL = re.compile(r"\s+(?:in\s+total|in\s+all|altogether)\b", re.I)
