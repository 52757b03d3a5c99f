"""The Assistant: load a corpus and its index once, then search and answer questions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from assistant.answer import Answerer
from assistant.compare import YearComparison
from assistant.models import Answer, Context, QuestionError
from assistant.prepared import keep_in
from assistant.question import MAX_QUESTION_CHARS, clean_question
from corpus.loader import load_corpus
from corpus.models import Corpus, Plan
from index.embedder import Embedder, MiniLMEmbedder
from index.search import Hit, SearchIndex
from index.store import default_index_root, open_index

__all__ = ["Assistant", "MAX_QUESTION_CHARS"]

# How many earlier questions a stateless caller's history replays.
HISTORY_TURNS = 4


class Assistant:
    """Question answering over one corpus of plan reports.

    Example:
        >>> bot = Assistant.load()  # doctest: +SKIP
        >>> bot.ask("What did MEXT do in 2019?").citations[0].effort_id  # doctest: +SKIP
        'fy2019-2.1.1'
    """

    def __init__(self, corpus: Corpus, index: SearchIndex) -> None:
        self.corpus = corpus
        self.index = index
        self._answerer = Answerer(corpus, index)

    @classmethod
    def load(
        cls,
        corpus: str | Path | Sequence[str | Path] | None = None,
        index_dir: str | Path | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
        progress: bool = False,
    ) -> Assistant:
        """Read the corpus (None: the bundled FY2019 report) and open or build its index.

        Raises:
            CorpusError: the corpus cannot be read or parsed.
            IndexError_: the index folder cannot be written.
        """
        loaded = load_corpus(corpus, progress=progress)
        root = Path(index_dir).expanduser() if index_dir is not None else None
        index, _ = open_index(
            loaded, embedder or MiniLMEmbedder(), root=root, rebuild=rebuild, progress=progress
        )
        keep_in(root or default_index_root())  # the intent model and word list, prepared once
        return cls(loaded, index)

    def warm_up(self) -> None:
        """Load the embedding model now, so the first open question is not the slow one."""
        self.index.embed_query("warm-up")

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self.corpus.plans

    @property
    def glossary(self) -> dict[str, str]:
        return self.corpus.glossary

    @property
    def titles(self) -> tuple[str, ...]:
        """Each loaded report's own title."""
        return tuple(p.title for p in self.corpus.plans)

    @property
    def fiscal_years(self) -> tuple[int, ...]:
        return self.corpus.fiscal_years

    @property
    def ministries(self) -> tuple[str, ...]:
        """Every ministry the corpus names, in its glossary or its attributions."""
        return self.index.ministries

    def check_ministries(self, ministries: Sequence[str] | None) -> tuple[str, ...]:
        """Normalise ministry filters to known abbreviations (any case) or raise."""
        if not ministries:
            return ()
        known = {m.lower(): m for m in self.ministries}
        unknown = [m for m in ministries if m.strip().lower() not in known]
        if unknown:
            raise QuestionError(
                f"unknown ministry {', '.join(map(repr, unknown))}; "
                f"known ministries: {', '.join(self.ministries)}"
            )
        return tuple(dict.fromkeys(known[m.strip().lower()] for m in ministries))

    def check_years(self, fiscal_years: Sequence[int] | None) -> tuple[int, ...]:
        if not fiscal_years:
            return ()
        unknown = [y for y in fiscal_years if y not in self.fiscal_years]
        if unknown:
            have = ", ".join(f"FY{y}" for y in self.fiscal_years)
            raise QuestionError(
                f"no report loaded for {', '.join(f'FY{y}' for y in unknown)}; loaded: {have}"
            )
        return tuple(dict.fromkeys(fiscal_years))

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        ministries: Sequence[str] | None = None,
        fiscal_years: Sequence[int] | None = None,
        months: Sequence[str] | None = None,
    ) -> list[Hit]:
        """The ``k`` best-matching measures with their efforts, best first.

        Raises:
            QuestionError: an empty query, ``k`` < 1, an unknown ministry or fiscal year.
        """
        text, _, _ = clean_question(query)  # control characters, lone surrogates
        if not text.strip():
            raise QuestionError("the search query is empty; type a few words to search for")
        if k < 1:
            raise QuestionError(f"k must be at least 1, got {k}")
        return self.index.search(
            text,
            k,
            ministries=self.check_ministries(ministries) or None,
            fiscal_years=self.check_years(fiscal_years) or None,
            months=months,
        )

    def compare(
        self,
        before: int,
        after: int,
        *,
        ministries: Sequence[str] | None = None,
        section: int | None = None,
    ) -> YearComparison:
        """What continued, what is new and what is no longer reported from ``before`` to
        ``after`` (two loaded fiscal years), optionally for some ministries or a section.

        Example:
            >>> bot.compare(2019, 2020, ministries=["MEXT"]).counts()  # doctest: +SKIP
            (1, 2, 1)

        Raises:
            QuestionError: a year not loaded, the same year twice, an unknown ministry.
        """
        return self._answerer.comparisons.between(
            before, after, ministries=self.check_ministries(ministries), section=section
        )

    def ask(
        self,
        question: str,
        history: Sequence[str] | None = None,
        *,
        context: Context | None = None,
        ministries: Sequence[str] | None = None,
        fiscal_years: Sequence[int] | None = None,
    ) -> Answer:
        """Answer a question from the plan, citing efforts.

        A conversation carries on through ``context``: pass the previous answer's
        ``answer.context`` and a follow-up ("And MHLW?") is read against it; a
        self-contained question starts fresh either way. ``history`` (earlier questions,
        oldest first) is for callers that keep no state: it is replayed to rebuild the
        context. ``ministries`` and ``fiscal_years`` are filters set outside the
        question (the UI's filter boxes); they narrow every answer.

        Raises:
            QuestionError: an unknown ministry or fiscal year in the filters.
        """
        chosen = self.check_ministries(ministries)
        years = self.check_years(fiscal_years)
        if context is None and history:
            for earlier in list(history)[-HISTORY_TURNS:]:
                context = self._answerer.answer(
                    earlier, context, ministries=chosen, fiscal_years=years
                ).context
        return self._answerer.answer(question, context, ministries=chosen, fiscal_years=years)
