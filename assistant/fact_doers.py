"""Who did what a question asks of an effort: the verbs a question asks the doer of, the
verb that follows the noun of a body asked for, the sentence that says who did it, and the
sport a player is named by. Read by :mod:`assistant.fact_leads`.
"""

from __future__ import annotations

import re

from assistant.fact_figure import stems_of
from assistant.intents import stem
from assistant.lemmas import verb_base
from assistant.query import Query

__all__ = ["BODIES", "CO_VERB", "done_by", "question_verbs", "sport_of", "verb_after"]

# "who co-organised it": a partner, written "co-organized with …"
CO_VERB = re.compile(r"\bco-[a-z]+", re.I)


def done_by(done: tuple[str, str]) -> str:
    """ "The report says it was chaired by …", or "co-hosted with …" of a partner (the
    effort's first word, "Co-hosted", in lower case)."""
    verb, who = done
    by = "" if verb.endswith(" with") else " by"
    return f"The report says it was {verb[:1].lower()}{verb[1:]}{by} {who}"


def question_verbs(q: Query) -> frozenset[str]:
    """The stems of the verbs a question may ask the doer of: a word of its frame ("who
    organised it"), "co-hosted", and irregular pasts ("wrote": "written by")."""
    verbs = frozenset(q.topic_words) | stems_of(q.text) | set(CO_VERB.findall(q.text))
    return verbs | {stem(verb_base(w)) for w in re.findall(r"[a-z]+", q.text.lower())}


_PLAYER = re.compile(r"((?:\b[a-z]+\s+){1,3})(?:player|athlete)s?\b")
_NOT_A_SPORT = frozenset(
    "the a an of with by and as former professional famous popular retired young top star "
    "olympic paralympic national japanese local pro".split()
)


def sport_of(text: str) -> str | None:
    """The sport a player is named by: "with the rugby player Sota Ikegami" → "rugby"."""
    for m in _PLAYER.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_A_SPORT | {"the", "a", "an"}:
            words = words[1:]
        cut = next((i for i, w in enumerate(words) if w in _NOT_A_SPORT), None)
        words = words[:cut] if cut is not None else words
        words = [w for w in words if w not in _NOT_A_SPORT]
        if words:
            return " ".join(words)
    return None


def verb_after(text: str, noun: str) -> frozenset[str]:
    """The verb that follows the noun asked for, auxiliaries and pronouns aside: "which
    organization co-hosted it" → {"co-host", "host"}; "with which body was it co-hosted"
    too. Only that verb says what the body did ("which companies signed the safety by
    design pledge" did not make anything "safety by" …)."""
    m = re.search(
        rf"\b{re.escape(noun)}\b((?:\s+(?:was|were|is|are|has|have|had|did|does|"
        r"do|it|they|that|this))*)\s+([\w-]+)",
        text,
        re.I,
    )
    if m is None:
        return frozenset()
    word = m.group(2).lower()
    return frozenset({word, stem(word), stem(verb_base(word))}) | set(CO_VERB.findall(word))


# Nouns for a body that does something: "which organization co-hosted it".
BODIES = frozenset(
    stem(w)
    for w in "organization organisation group body ngo npo institution partner company "
    "firm charity association".split()
)
