"""The people a question asks for by the part they played: "who was the voice actor",
"who won the contest", "which academic is studying …".
"""

from __future__ import annotations

import re

from assistant.facts import UNITS

__all__ = ["SCHOLARS", "asked_names_people", "asked_role"]


# The parts people play that a question asks the holder of ("who was the speaker"), with
# every noun for people a figure may count (facts.UNITS).
_ROLES = frozenset(
    "speaker speakers narrator actor actress voice host hosts presenter presenters moderator "
    "chair chairperson chairman chairwoman lecturer lecturers instructor organizer organiser "
    "keynote guest guests ambassador ambassadors winner winners author authors director head "
    "leader coordinator facilitator panelist panelists panellist panellists spokesperson "
    "mascot celebrity celebrities star singer artist artists illustrator designer athlete "
    "athletes pitcher pitchers player players duo band comedian comedians idol idols "
    "performer performers entertainer entertainers".split()
)
_WHO_WAS = re.compile(
    r"\bwho(?:(?:'s|\s+(?:was|were|is|are))(?:\s+(?:the|a|an))?|\s+(?:gave|delivered|did|made)"
    r"\s+the)\s+((?:[a-z-]+\s+){0,2}?([a-z-]+))"
    r"(?=\s+(?:at|of|in|on|behind|from|with|during|featured|for|lecture|speech|address|talk)\b"
    r"|\s*[?.!,]|\s*$)",
    re.I,
)


# "who was appointed Youth Online Safety Ambassador": the part the person was given
_WHO_MADE = re.compile(
    r"\bwho\s+(?:was|were|is|has\s+been|got)\s+(?:appointed|named|made|chosen|selected|picked)"
    r"\s+(?:as\s+)?(?:the\s+|an?\s+|its\s+)?(?:[\w\"'“”-]+\s+){0,4}?([a-z-]+)[\"'”]?"
    r"(?=\s+(?:in|for|at|of|on|by|during|to)\b|\s*[?.!,]|\s*$)",
    re.I,
)
# "who presented the awards": the presenter (found as one or as who it was "presented by";
# "who chaired it" is read from "chaired by …" alone, see facts_people.agent)
_WHO_DID = re.compile(r"\bwho\s+(presented)\b", re.I)
_DOER = {"presented": "presenter"}
_WHO_WON = re.compile(
    r"\b(?:who\s+|which\s+(?:[\w-]+\s+){1,3}?)(?:won|wins|has\s+won|took\s+(?:first|the\s+prize))\b",
    re.I,
)


# People asked for by their learning: "which academic", "which researcher".
SCHOLARS = frozenset(
    "academic researcher professor scholar expert investigator scientist doctor".split()
)
_WHICH_SCHOLAR = re.compile(rf"\bwhich\s+({'|'.join(sorted(SCHOLARS))})s?\b", re.I)


def asked_names_people(noun: str) -> bool:
    """Whether a noun asked for names a person's part ("artist", "speaker", "chair")."""
    head = noun.lower().split()[-1]
    people = UNITS["people"] | {w[:-1] for w in UNITS["people"] if w.endswith("s")}
    return head in _ROLES or head.rstrip("s") in _ROLES or head in people


def asked_role(text: str) -> str | None:
    """The part a person played that a question asks the holder of: "who was the voice
    actor in the ad" → "voice actor"; "who won the contest" → "winner"; "who was the
    leaflet for" asks no role."""
    if _WHO_WON.search(text):
        return "winner"  # not who organised it
    scholar = _WHICH_SCHOLAR.search(text)
    if scholar:  # "which academic is studying …": the professor or doctor the effort names
        return scholar.group(1).lower()
    did = _WHO_DID.search(text)
    if did:  # "who presented the awards" → the presenter
        return _DOER[did.group(1).lower()]
    made = _WHO_MADE.search(text)
    if made and asked_names_people(made.group(1)):
        return made.group(1).lower()
    # "what was done for kids who were victims" asks no one's name
    asks = [m for m in _WHO_WAS.finditer(text) if not _relative(text[: m.start()])]
    if not asks:
        return None if _WHO_WAS.search(text) else _named_by_pronoun(text)
    m = asks[0]
    return m.group(1).lower() if asked_names_people(m.group(2)) else None


# Words for people that a relative "who" follows, besides the nouns a figure counts:
# "kids who were victims", "those who were arrested".
_PEOPLE_WORDS = frozenset(
    "kids kid those anyone anybody someone somebody everyone everybody youngsters teens "
    "ppl folks ones".split()
)


def _relative(before: str) -> bool:
    """Whether a "who" after ``before`` opens a relative clause on the people named just
    before it, not a question."""
    words = re.findall(r"[a-z]+", before.lower())
    if not re.search(r"[a-z]\s*$", before, re.I):
        return False  # "… against children, who gave the keynote?": a question after a comma
    return bool(words) and (words[-1] in _PEOPLE_WORDS or asked_names_people(words[-1]))


# "…, whats her name?": a person's name, asked of the part the question named before
_PERSON_NAME = re.compile(r"\b(?:her|his)\s+(?:full\s+)?name\b", re.I)


def _named_by_pronoun(text: str) -> str | None:
    """ "the symposium had a keynote by some author, whats her name?" → "author"."""
    m = _PERSON_NAME.search(text)
    if m is None:
        return None
    parts = [w.lower() for w in re.findall(r"[a-z]+", text[: m.start()], re.I)]
    return next((w for w in reversed(parts) if w in _ROLES), None)
