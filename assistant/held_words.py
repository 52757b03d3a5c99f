"""Which efforts hold a question's words as written: the evidence a word match gives.

An effort that holds (nearly) all the words a question is about matches it literally, when
the shared words are distinctive ("SOS Mini Letter", a figure, a word few efforts use);
"which efforts mention INTERPOL" lists every effort holding the word; a name the question
gives word for word is answered by the few efforts that name it. Each effort's words are
read once (stems, with the parts of hyphenated ones) and kept.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.literal import whole_word_at
from assistant.query import Query
from index.documents import CitedEffort
from index.lexical import tokenize
from index.search import EffortMatch, SearchIndex

__all__ = ["HeldWords"]

# A name the question gives word for word answers by the efforts holding it when few do.
NAMED_AT_MOST = 6
# Which efforts hold a term of a word or two, asked as a list ("which efforts bring up
# grooming"): every one of them when at most this many do; more are a common word's.
LISTED_AT_MOST = 8
LISTED_WORDS = 2
# A word in at most this many efforts (or this share of them) is distinctive on its own.
RARE_IN = 2
RARE_SHARE = 0.03
# ... when the question says little else ("anything about sextortion?"): one rare word of a
# longer question ("the yen to dollar exchange rate") is a coincidence.
RARE_ALONE = 2
# A phrase the question puts in quotation marks (normalised to straight ones).
_QUOTED = re.compile(r'"([^"]{3,80})"')
# What share of the question's content words an effort must hold to match literally.
LITERAL_COVERAGE = 0.6


# A name of two or more capitalised words: "Kodomo Safety Check".
_NAME_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+")
# A question typed all in Title Case has no names to tell apart.
_ALL_TITLE_CASE = re.compile(r"^\W*(?:[A-Z0-9][\w'’-]*\W+)*[A-Z0-9][\w'’-]*\W*$")


class HeldWords:
    """The words each effort of one index holds, and the efforts holding a question's."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._tokens: dict[int, set[str]] = {}
        self._text_tokens: dict[int, set[str]] = {}
        self._df: dict[str, int] | None = None

    def document_frequency(self) -> dict[str, int]:
        if self._df is None:
            counts: dict[str, int] = {}
            for position in range(len(self.index.efforts)):
                for word in self.words(position):
                    counts[word] = counts.get(word, 0) + 1
            self._df = counts
        return self._df

    def literal(
        self, words: tuple[str, ...], matches: list[EffortMatch], *, single: bool = False
    ) -> set[int]:
        """Candidates whose text holds (nearly) all the question's content words.

        Only the best-covered candidates count, and only when the shared words are
        distinctive: a figure, a word few efforts use, or at least two words.
        """
        wanted = set(words)
        if not wanted:
            return set()
        cover = {m.position: wanted & self.words(m.position) for m in matches}
        best = max((len(v) for v in cover.values()), default=0)
        if best == 0 or best / len(wanted) < LITERAL_COVERAGE:
            return set()
        return {
            p
            for p, shared in cover.items()
            if len(shared) == best
            and (
                len(shared) >= 2
                or single
                or any(ch.isdigit() for w in shared for ch in w)
                or (self.rare(shared) and len(wanted) <= RARE_ALONE)
            )
        }

    def rare(self, words: set[str]) -> bool:
        """A word few efforts use ("sextortion"): finding it is evidence on its own."""
        df = self.document_frequency()
        most = max(RARE_IN, RARE_SHARE * len(self.index.efforts))
        return any(0 < df.get(w, 0) <= most for w in words)

    def mentioning(self, q: Query, mask: np.ndarray | None) -> list[CitedEffort]:
        """Every effort (within ``mask`` and the question's ministries) whose own text
        holds all the words the question is about: "which efforts mention INTERPOL"."""
        words = set(q.own_words or q.topic_words)
        if not words:
            return []
        if q.ministries:
            by_ministry = self.index.effort_mask(ministries=q.ministries)
            mask = by_ministry if mask is None else mask & by_ministry
        rows = range(len(self.index.efforts)) if mask is None else np.flatnonzero(mask)
        # "generative AI or deepfakes": any one of the things named will do
        wanted = [set(g) for g in q.alternatives] or [words]
        # "which efforts mention the "Kodomo Safety Check"?": the quoted words together
        quoted = [p.lower() for p in _QUOTED.findall(q.text)]
        together = [re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p in quoted]
        if not quoted and not _ALL_TITLE_CASE.match(q.text):
            # … or a name written as one ("the Kodomo Safety Check"), its words together,
            # its last one singular or plural ("One-Stop Support Center(s)")
            together = [
                re.compile(rf"(?<!\w){re.escape(re.sub(r'(?:e?s)$', '', p.lower()))}(?:e?s)?(?!\w)")
                for p in _NAME_RUN.findall(q.topic)
            ]
        out = []
        for row in rows:
            e = self.index.efforts[int(row)]
            if any(w <= self.text_words(int(row)) for w in wanted) and all(
                t.search(e.text.lower()) for t in together
            ):
                out.append(e)
        return out

    def named_phrase(self, q: Query, mask: np.ndarray | None) -> list[CitedEffort]:
        """The efforts holding, word for word, a name the question is about: its topic
        of two or more words, capitalised as a name in the question or in the reports
        ("the Internet Hotline Center", "One-Stop Support Centers"), held by a few
        efforts. Empty when there is none."""
        words = q.topic.split()
        if len(words) < 2 or len(q.own_words) < 2:
            return []
        phrase = q.topic.lower()
        lower = _lower_case_use(phrase)
        found = self.mentioning(q, mask)
        held = [e for e in found if whole_word_at(e.text.lower(), phrase) >= 0]
        # a name as the report writes it ("the Internet Hotline Center"), however the
        # question is typed ("anything about the internet hotline center")
        named = any(w[:1].isupper() for w in words) or (
            all(e.text[whole_word_at(e.text.lower(), phrase)].isupper() for e in held)
            # a phrase the reports also write in lower case is no name: "Grooming in
            # Online Games" is a title, but "online game operators" says online games
            and not any(lower.search(e.text) for e in found)
        )
        return held if named and 0 < len(held) <= NAMED_AT_MOST else []

    def listed(self, q: Query, mask: np.ndarray | None) -> list[CitedEffort]:
        """The efforts a list of efforts on a term asks for: "which efforts bring up
        grooming", "any FY2065 efforts dealing with sextortion?" are each effort holding
        it, in its text or its measure's title ("which efforts were about the internet":
        the leaflet under "safe and secure internet use" too), when the term is a word or
        two of the reports' own that few efforts hold. Empty otherwise: "which efforts
        helped children abroad" is matched by meaning."""
        words = set(q.own_words or q.topic_words)
        if not q.whole or not words or len(words) > LISTED_WORDS or q.alternatives:
            return []
        if not words <= set(q.report_words):
            return []
        if q.ministries:
            by_ministry = self.index.effort_mask(ministries=q.ministries)
            mask = by_ministry if mask is None else mask & by_ministry
        rows = range(len(self.index.efforts)) if mask is None else np.flatnonzero(mask)
        held = [self.index.efforts[int(r)] for r in rows if words <= self.words(int(r))]
        return held if 1 < len(held) <= LISTED_AT_MOST else []

    def text_words(self, position: int) -> set[str]:
        words = self._text_tokens.get(position)
        if words is None:
            words = self._text_tokens[position] = _with_parts(self.index.efforts[position].text)
        return words

    def words(self, position: int) -> set[str]:
        words = self._tokens.get(position)
        if words is None:
            e = self.index.efforts[position]
            words = _with_parts(f"{e.text} {e.measure_title}")
            self._tokens[position] = words
        return words


def _with_parts(text: str) -> set[str]:
    """The text's search tokens, and the parts of its hyphenated ones: "ICPO-Interpol"
    mentions Interpol."""
    return set(tokenize(text)) | set(tokenize(text.replace("-", " ")))


def _lower_case_use(phrase: str) -> re.Pattern[str]:
    """The phrase in lower case, its last word singular or plural: "online games" finds
    "online game operators"."""
    words = [re.escape(w) for w in phrase.split()]
    last = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    body = r"\s+".join([*words[:-1], last])
    return re.compile(rf"(?<![\w-]){body}s?(?![\w-])")
