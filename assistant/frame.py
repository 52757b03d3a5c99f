"""What an answer was about, so the next question in a conversation can build on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.documents import CitedEffort

__all__ = ["Frame"]


@dataclass(frozen=True)
class Frame:
    """What an answer was about, so the next question can build on it."""

    kind: str
    ministries: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    months: tuple[str, ...] | None = None
    section: int | None = None
    topic: str = ""
    topic_words: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    efforts: tuple[CitedEffort, ...] = field(default=())
    # The last list shown, so "the second one" still means its second item after a
    # follow-up about one of them.
    listing: tuple[CitedEffort, ...] = field(default=())
