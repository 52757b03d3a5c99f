"""The measures a ministry's topic names by their titles: word for word, or in meaning.

"What did the NPA do about child sexual abuse material?" is answered by each NPA effort
under "Measures against the production and distribution of child sexual abuse material",
whatever its own words; so is "… against sexual images of children being sold online",
whose words the title does not hold but whose meaning it does. The retriever
(``retrieval.py``) counts such efforts as found word for word.
"""

from __future__ import annotations

import numpy as np

from assistant.literal import literal_terms
from assistant.query import Query
from index.lexical import tokenize
from index.search import SearchIndex

__all__ = ["TITLE_LIKE", "MeasureTitles"]

# Words of a question's topic a measure's title must hold, with two or more of them as
# written, to stand for the measure when one word of the topic is not in it.
TITLE_WORDS = 4
# A measure whose title is this similar to a ministry's topic (dense cosine), and more
# similar by TITLE_GAP than the title of any other measure holding the ministry's
# efforts, stands for the topic: "what did the NPA do against sexual images of children
# being sold online" is each NPA effort under "Measures against the distribution of child
# sexual abuse material on the internet", unless one effort is nearer still. On the dev
# questions that name a ministry and a topic: 0.55 and 0.1 complete 16 more lists; 0.5
# added efforts to 21 questions the reports do not answer, 0.6 completed 14.
TITLE_LIKE = 0.55
TITLE_GAP = 0.1
# ... and the title no further from the question than its nearest effort, give or take
# this: "have the cops studied blackmail cases, split by age and platform?" is 0.05 nearer
# to the study than to "Promotion of crackdowns" (the dev lists it completes: 0 to +0.03).
TITLE_BEHIND = 0.03


class MeasureTitles:
    """Matches a question's topic with the titles of the measures of one index.

    Args:
        index: The index whose efforts' measure titles are matched.
        terms: Everyday phrase → the reports' term (the retriever's synonym table): a
            one-word phrase is in a title when its term is ("online": internet).
    """

    def __init__(self, index: SearchIndex, terms: dict[str, str]) -> None:
        self.index = index
        self._vectors: dict[str, np.ndarray] = {}  # measure title → its vector, once
        self._stems = {
            stems[0]: frozenset(tokenize(term))
            for phrase, term in terms.items()
            if len(stems := tokenize(phrase)) == 1
        }

    def worded(self, q: Query, mask: np.ndarray | None) -> list[int]:
        """The efforts (within ``mask``) under a measure whose title holds the words of
        the question's topic, two or more, as written: "what did the NPA do about
        child sexual abuse material" is answered by each NPA effort under "Measures
        against the production and distribution of child sexual abuse material", whatever
        its own words. Four or more of the topic's words stand for the title though one
        word of the question is not in it ("the online spread of child sexual abuse
        material": "Prevention of the spread of child sexual abuse material"); an everyday
        word is in the title when its report term is ("online": "on the internet")."""
        wanted = set(q.topic_words)

        def names_measure(title: str) -> bool:
            terms = [t for t in literal_terms(q.topic, title) if " " in t]
            if any(wanted <= set(tokenize(t)) for t in terms):
                return True
            held = set(tokenize(title))
            held |= {w for w in wanted if w in self._stems and self._stems[w] <= held}
            return bool(terms) and len(wanted & held) >= TITLE_WORDS and len(wanted - held) <= 1

        titled: dict[str, bool] = {}  # each measure's title judged once, not per effort
        out = []
        positions = range(len(self.index.efforts)) if mask is None else np.flatnonzero(mask)
        for p in positions:
            title = self.index.efforts[int(p)].measure_title
            if title not in titled:
                titled[title] = names_measure(title)
            if titled[title]:
                out.append(int(p))
        return out

    def meant(self, q: Query, mask: np.ndarray | None, best: float, text: str) -> list[int]:
        """The efforts (within ``mask``) under the one measure whose title is nearest
        the question's topic in meaning, when it is near (:data:`TITLE_LIKE`), nearer
        than any other measure's by :data:`TITLE_GAP`, and hardly further than the
        nearest effort (``best``, :data:`TITLE_BEHIND`); else none. ``text``: what the
        question is searched by."""
        if mask is None:
            return []
        under: dict[str, list[int]] = {}
        for p in np.flatnonzero(mask):
            under.setdefault(self.index.efforts[int(p)].measure_title, []).append(int(p))
        new = [t for t in under if t not in self._vectors]
        if new:
            self._vectors.update(zip(new, self.index.embedder.encode(new), strict=True))
        asked = self.index.embed_query(text)[0]
        near = sorted(((float(self._vectors[t] @ asked), t) for t in under), reverse=True)
        like, title = near[0]
        second = near[1][0] if len(near) > 1 else -1.0
        wins = like >= max(TITLE_LIKE, best - TITLE_BEHIND) and like - second >= TITLE_GAP
        return under[title] if wins else []
