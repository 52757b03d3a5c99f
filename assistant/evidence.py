"""Choosing the efforts that fit a question's frame: filter masks, selections, literal matches."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from assistant.frame import Frame
from index.documents import CitedEffort
from index.lexical import tokenize
from index.search import EffortMatch, SearchIndex

__all__ = ["Evidence", "LITERAL_COVERAGE"]

# What share of the question's content words an effort must hold to count as a literal
# match (names and figures, which sentence embeddings read poorly).
LITERAL_COVERAGE = 0.6

# Question words that say little about which effort is meant (stemmed on first use, so
# a ministry question never loads the stemmer).
_WEAK = "mention mentions mentioned figure number come comes say says said refer refers talk"


@lru_cache(maxsize=1)
def _weak_words() -> frozenset[str]:
    return frozenset(tokenize(_WEAK))


class Evidence:
    """Selections of one index's efforts; caches each effort's word set on first use."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._token_cache: dict[int, set[str]] = {}

    def literal_matches(self, words: tuple[str, ...], matches: list[EffortMatch]) -> set[int]:
        """Candidates whose text holds (nearly) all the question's content words.

        Only the best-covered candidates count, and only when the shared words are
        distinctive: a figure, or at least two words.
        """
        wanted = {w for w in words if w not in _weak_words()}
        if not wanted:
            return set()
        cover: dict[int, set[str]] = {}
        for m in matches:
            cover[m.position] = wanted & self.tokens(m.position)
        best = max((len(v) for v in cover.values()), default=0)
        if best == 0 or best / len(wanted) < LITERAL_COVERAGE:
            return set()
        return {
            p
            for p, shared in cover.items()
            if len(shared) == best
            and (len(shared) >= 2 or any(ch.isdigit() for w in shared for ch in w))
        }

    def tokens(self, position: int) -> set[str]:
        tokens = self._token_cache.get(position)
        if tokens is None:
            e = self.index.efforts[position]
            tokens = set(tokenize(f"{e.text} {e.measure_title}"))
            self._token_cache[position] = tokens
        return tokens

    def mask(
        self,
        f: Frame,
        ui_ministries: tuple[str, ...],
        ui_years: tuple[int, ...],
        *,
        ministries: bool,
    ) -> np.ndarray | None:
        idx = self.index
        masks = [
            idx.effort_mask(
                ministries=f.ministries if ministries else None,
                fiscal_years=f.years or None,
                months=f.months,
            ),
            idx.effort_mask(ministries=ui_ministries or None, fiscal_years=ui_years or None),
        ]
        present = [m for m in masks if m is not None]
        if not present:
            return None
        out = present[0]
        for m in present[1:]:
            out = out & m
        return out

    def select(
        self,
        f: Frame,
        base: np.ndarray | None,
        *,
        joint: bool = False,
        at_least: int = 2,
        all_ministries: bool = False,
    ) -> list[CitedEffort]:
        efforts = self.index.efforts
        rows = range(len(efforts)) if base is None else np.flatnonzero(base).tolist()
        out = []
        wanted = set(f.ministries)
        for row in rows:
            e = efforts[row]
            if wanted:
                have = wanted & set(e.ministries)
                if not have or (all_ministries and have != wanted):
                    continue
            if joint and len(e.ministries) < at_least:
                continue
            out.append(e)
        return out
