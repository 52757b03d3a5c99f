"""Meaning-preserving rewrites of a question, for the metamorphic (stability) check.

Each variant kind changes how a question is typed, never what it asks: a correct reader
cites the same efforts and abstains the same way for every variant. The phrases below
belong to the *evaluation*; the assistant's own data (intent examples, chatter lexicon)
must not copy them, or the check would measure memory instead of generalisation
(``tests/test_stability.py`` holds that apart).

Example:
    >>> variant("What did MEXT do in 2019?", "case_punct")
    'what did mext do in 2019'
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

__all__ = ["VARIANT_KINDS", "VariantKind", "variant", "variants"]

VariantKind = Literal[
    "case_punct", "greeting", "trailing", "typo", "informal_name", "japanese_name"
]
VARIANT_KINDS: tuple[VariantKind, ...] = (
    "case_punct",
    "greeting",
    "trailing",
    "typo",
    "informal_name",
    "japanese_name",
)

GREETINGS = (
    "Hi!",
    "Hello,",
    "Good morning.",
    "hey there",
    "Hi, quick question:",
    "Dear assistant,",
)
TRAILERS = (
    "I need this for a report.",
    "It's for a memo to my team.",
    "Thanks!",
    "Thank you in advance.",
    "Asking for a school project, thx",
    "Need it by tonight, sorry for the rush.",
)
# Typos people make in short words: a swap of two letters or a dropped letter.
_FUNCTION_WORDS = (
    "what which when where who how many much did does do was were the about with from "
    "have has there any that this for and were during between into under"
).split()
# Informal and Japanese names for the ministries of the reports' glossaries; the
# assistant has its own table (assistant/data/ministry_names.json), written apart.
_INFORMAL = {
    "NPA": "the cops",
    "MEXT": "the education ministry",
    "MHLW": "the health ministry",
    "MOJ": "the justice ministry",
    "MIC": "the communications ministry",
    "MOFA": "the foreign ministry",
    "METI": "the trade ministry",
    "CAO": "the cabinet office",
    "CAS": "the cabinet secretariat",
    "CFA": "the children and families agency",
    "MLIT": "the transport ministry",
}
_JAPANESE = {
    "NPA": "警察庁",
    "MEXT": "文部科学省",
    "MHLW": "厚生労働省",
    "MOJ": "法務省",
    "MIC": "総務省",
    "MOFA": "外務省",
    "METI": "経済産業省",
    "CAO": "内閣府",
    "CAS": "内閣官房",
    "CFA": "こども家庭庁",
    "MLIT": "国土交通省",
}
# Names already informal in a question, turned back into the abbreviation or Japanese.
_SPELLED = {
    "ministry of health, labour and welfare": "MHLW",
    "ministry of education, culture, sports, science and technology": "MEXT",
    "ministry of internal affairs and communications": "MIC",
    "ministry of economy, trade and industry": "METI",
    "ministry of foreign affairs": "MOFA",
    "ministry of land, infrastructure, transport and tourism": "MLIT",
    "the police": "NPA",
    "police": "NPA",
    "national police agency": "NPA",
    "ministry of education": "MEXT",
    "education ministry": "MEXT",
    "health ministry": "MHLW",
    "ministry of health": "MHLW",
    "justice ministry": "MOJ",
    "ministry of justice": "MOJ",
    "cabinet office": "CAO",
    "cabinet secretariat": "CAS",
    "children and families agency": "CFA",
}


def _pick(question: str, options: tuple[str, ...]) -> str:
    """A deterministic choice per question, so runs are comparable."""
    digest = hashlib.blake2b(question.encode("utf-8"), digest_size=4).digest()
    return options[int.from_bytes(digest, "little") % len(options)]


def _typo(word: str) -> str:
    """Two neighbouring letters swapped: "what" → "waht", "the" → "teh"."""
    if len(word) >= 4:
        return word[0] + word[2] + word[1] + word[3:]
    if len(word) == 3:
        return word[0] + word[2] + word[1]
    return word


def _with_typos(question: str) -> str:
    words = question.split(" ")
    changed = 0
    for i, w in enumerate(words):
        core = re.sub(r"\W", "", w)
        if core.lower() in _FUNCTION_WORDS and changed < 2:
            words[i] = w.replace(core, _typo(core), 1)
            changed += 1
    return " ".join(words)


def _rename(question: str, table: dict[str, str]) -> str:
    """Swap each ministry abbreviation (or a spelled-out name) for ``table``'s name."""
    out = question
    for spelled, abbr in sorted(_SPELLED.items(), key=lambda kv: -len(kv[0])):
        if abbr in table:
            out = re.sub(rf"\b(?:the\s+)?{re.escape(spelled)}\b", table[abbr], out, flags=re.I)
    for abbr, name in table.items():
        out = re.sub(rf"(?<![\w]){abbr}(?![\w])", name, out)
    return out


def variant(question: str, kind: VariantKind) -> str:
    """``question`` rewritten as ``kind`` says; the meaning is unchanged."""
    if kind == "case_punct":
        return re.sub(r"[?!.]+\s*$", "", question.strip()).lower()
    if kind == "greeting":
        return f"{_pick(question, GREETINGS)} {question}"
    if kind == "trailing":
        return f"{question} {_pick(question, TRAILERS)}"
    if kind == "typo":
        return _with_typos(question)
    if kind == "informal_name":
        return _rename(question, _INFORMAL)
    return _rename(question, _JAPANESE)


def variants(question: str, *, names: bool = True) -> dict[VariantKind, str]:
    """Every variant kind that actually changes ``question``.

    ``names=False`` leaves ministry names alone: "What does METI stand for?" asks about the
    abbreviation itself, so another name for the ministry would change the question.
    """
    out: dict[VariantKind, str] = {}
    for kind in VARIANT_KINDS:
        if not names and kind in ("informal_name", "japanese_name"):
            continue
        text = variant(question, kind)
        if text != question:
            out[kind] = text
    return out
