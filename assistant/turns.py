"""A question read against the efforts the previous answer gave: a thing named with "the"
that one of them holds, or a fact asked with a word or two of the first, is asked of that
effort; a fact that effort does not give is looked for beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compound import FACT_INTENTS
from assistant.conversation import Context, FollowUp
from assistant.intents import stem
from index.documents import CitedEffort
from index.lexical import tokenize

__all__ = ["Turns"]

# "the study group", "the new hotline": a thing named with "the", two or three words.
# At most so many words of its own, all of the effort just given: a fact asked of it.
_FEW_WORDS = 2
_THE_THING = re.compile(r"\bthe\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+){1,2})\b")


def _whole_words_in(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


class Turns:
    """Reads follow-ups against the loaded ``efforts``."""

    def __init__(self, efforts: Sequence[CitedEffort]) -> None:
        self.efforts = list(efforts)
        self._position = {e.id: i for i, e in enumerate(self.efforts)}

    def definite(self, turn: FollowUp, context: Context | None) -> FollowUp:
        """A fresh-looking question that names, with "the", a thing only one of the
        previous answer's efforts holds ("how many meetings did the study group hold?"
        after a list that has one study group) asks about that effort."""
        q = turn.query
        if turn.scope is not None or context is None or not context.efforts or q.has_filters:
            return turn
        shown = [e for e in self.efforts if e.id in context.efforts]
        for m in _THE_THING.finditer(q.text.lower()):
            words = m.group(1).split()
            for phrase in (" ".join(words[:n]) for n in range(len(words), 1, -1)):
                held = [e.id for e in shown if _whole_words_in(e.text.lower(), phrase)]
                if len(held) == 1:  # "the study group hold": "study group"
                    return FollowUp(q, tuple(held), ("the previous answer's effort",))
        return self._of_the_first(turn, context)

    def _of_the_first(self, turn: FollowUp, context: Context) -> FollowUp:
        """A fact asked with a word or two, all of the previous answer's first effort
        ("signed on what date" after the memorandum it signed), asks of that effort."""
        q = turn.query
        own = set(q.own_words) - ({stem(q.unit)} if q.unit else set())
        if q.intent not in FACT_INTENTS or not own or len(own) > _FEW_WORDS:
            return turn
        first = self.efforts[self._position[context.efforts[0]]]
        if own <= set(tokenize(first.text)):
            return FollowUp(q, (first.id,), ("the previous answer's effort",))
        return turn

    def widened(self, turn: FollowUp, context: Context) -> FollowUp | None:
        """A fact asked of the one effort just given that it does not count ("how many
        counsellors were there by the end of the year" after the chat line's figures) is
        looked for beside it: the same thing, year and ministries, searched afresh."""
        q = turn.query
        if (
            turn.scope is None
            or len(turn.scope) != 1
            or q.intent not in FACT_INTENTS
            or not q.unit
            or not context.topic_words
        ):
            return None
        effort = self.efforts[self._position[turn.scope[0]]]
        if _holds(effort, stem(q.unit.lower())):
            return None  # the effort speaks of them: what it does not give is not given
        update: dict[str, object] = {
            "topic": f"{q.topic} {context.topic}".strip(),
            "topic_words": tuple(dict.fromkeys(q.topic_words + context.topic_words)),
        }
        if not q.time.any and context.time.any:
            update["time"] = context.time
        if not q.ministries and context.ministries:
            update["ministries"] = context.ministries
        return FollowUp(q.model_copy(update=update), None, (f"“{context.topic}”",))

    def beside(self, effort_id: str, unit: str, context: Context) -> bool:
        """Whether an effort found beside the one just given counts the ``unit`` asked and
        shares a word of what the conversation is about."""
        effort = self.efforts[self._position[effort_id]]
        words = set(tokenize(effort.text))
        return _holds(effort, stem(unit.lower())) and bool(words & set(context.topic_words))


def _holds(effort: CitedEffort, word: str) -> bool:
    """Whether the effort's text has the word, alike to five letters ("counsellor")."""
    return any(w[:5] == word[:5] for w in tokenize(effort.text))
