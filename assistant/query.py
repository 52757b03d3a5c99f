"""The typed reading of a question: one frozen :class:`Query` per question.

Everything that decides an answer is here — the intent and its slots — so templates and
selections work from the ``Query``, never from the question text.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from assistant.changes import Aspect
from assistant.intents import Intent

__all__ = ["Query", "TimeScope"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class TimeScope(_Frozen):
    """The time a question restricts to, resolved against the loaded reports.

    Attributes:
        fiscal_years: Reports the question is about (empty: no year restriction).
        months: Efforts dated in these months only (None: no month restriction).
        uncovered: Years asked about that no loaded report covers and no effort is dated in.
        undated: Efforts that name no month only ("which efforts give no date?").
        reading: How the time was read, said in the answer when it is not what was typed
            ("2019 read as FY2019 (April 2019 – March 2020)", "calendar year 2019").
    """

    fiscal_years: tuple[int, ...] = ()
    months: tuple[str, ...] | None = None
    uncovered: tuple[int, ...] = ()
    undated: bool = False
    reading: str = ""

    @property
    def any(self) -> bool:
        return bool(self.fiscal_years or self.months is not None or self.uncovered or self.undated)


class Query(_Frozen):
    """What one question asks, read against the loaded reports.

    Attributes:
        text: The question as understood: cleaned, spelling corrected, greetings and
            remarks around it dropped, ministry names spelled the reports' way.
        intent: What it asks for; ``confidence`` is the classifier's top score.
        ministries: Ministries named (abbreviations); ``unknown_ministries`` are
            ministry-like names no loaded report has; ``written`` those the question writes
            as their abbreviation ("CFYA", not "the kids agency").
        all_ministries: "together", "both", "jointly": efforts crediting every one named.
        min_ministries: Only efforts credited to at least this many ministries (0: any).
        max_ministries: Only efforts credited to at most this many (0: any); "exactly three
            bodies" sets both.
        sole: Only efforts credited to the named ministries and no other ("alone").
        time: The time restriction.
        section: A section named by number or title.
        also_sections: Sections named with it ("sections 4 to 6": 5 and 6); efforts of
            any of them are asked for.
        measure: A measure named by number ("measure 3.2": section 3, its second measure;
            -1 for "the last measure"); ``measure_title`` one named by its title, in any
            report that has it.
        measures: It asks for the measures (the headings) themselves ("which measures are
            under pillar 3"), not the efforts under them.
        term: The abbreviation asked about (glossary questions).
        unit: What a number is asked of ("people", "years", "companies"), or for a name
            question what the name is of ("law", "hotline"), if said.
        counted: ``unit`` is what a count is asked of ("at how many venues"), not what a
            name or a place is asked of ("at which venue").
        names: Things whose names (or numbers) are asked for that are not ministries:
            "which companies …" → "companies", "the hotline's phone number" → "number".
        topic: The words that say what it is about (slots and scaffold removed).
        about: The question's sentence without what filters it (ministries, times,
            sections), as the sentence embedding reads best: "since 2019, can people ring
            the line for free" → "can people ring the line for free". Empty when it asks
            about nothing beyond its filters.
        topic_words: ``topic`` as stemmed search tokens.
        report_words: Those of ``topic_words`` the loaded reports use.
        rank: "most" or "fewest" when it asks who did the most or the least.
        own_words: Those of ``topic_words`` that say what it is about, not how it asks
            ("attended" in "how many attended?" asks; "symposium" is about something).
        alternatives: ``own_words`` cut where the question says "or", when it names two
            or more things any of which will do ("generative AI or deepfakes").
        conjuncts: ``own_words`` cut where the question says "and": within one
            ministry's efforts, "for schools and boards of education" asks for the
            efforts for either as well as for both.
        bound: For a date, which end of a span is asked: "start" ("since when", "from
            which fiscal year does it start") or "end" ("by when", "the deadline").
        role: A person the question asks for by the part they played: "who was the voice
            actor in the ad" → "voice actor"; the answer is the name the effort gives.
        ordinal: "the second one" → 2, "the last one" → -1.
        refers_back: Words that point at the previous answer ("it", "those", "of them").
        subset: Asks about the previous answer's efforts ("which of those …").
        countries: Countries other than the reports' own that the question names.
        yes_no: It asks whether something is so ("Was it ever evaluated?").
        whole: It names what it is about in the plan's own terms ("which *efforts* were
            joint", "how many *ministries*"), so it stands alone without filters.
        changes: Across years, the sides asked for: "new", "continued", "stopped" (empty:
            all, or no comparison); ``absent_year`` a year the asked efforts are absent
            from ("… that it did not do in FY2019").
    """

    text: str
    intent: Intent
    confidence: float = 1.0
    ministries: tuple[str, ...] = ()
    unknown_ministries: tuple[str, ...] = ()
    written: tuple[str, ...] = ()
    all_ministries: bool = False
    min_ministries: int = 0
    max_ministries: int = 0
    sole: bool = False
    time: TimeScope = TimeScope()
    section: int | None = None
    also_sections: tuple[int, ...] = ()
    measure: tuple[int, int] | None = None
    measure_title: str | None = None
    measures: bool = False
    term: str | None = None
    unit: str | None = None
    counted: bool = False
    names: str | None = None
    topic: str = ""
    about: str = ""
    topic_words: tuple[str, ...] = ()
    report_words: tuple[str, ...] = ()
    own_words: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()
    conjuncts: tuple[tuple[str, ...], ...] = ()
    rank: str | None = None
    bound: str | None = None
    role: str | None = None
    ordinal: int | None = None
    refers_back: bool = False
    subset: bool = False
    countries: tuple[str, ...] = ()
    yes_no: bool = False
    whole: bool = False
    changes: tuple[Aspect, ...] = ()
    absent_year: int | None = None

    @property
    def has_filters(self) -> bool:
        """Whether it names something to filter efforts by."""
        return bool(
            self.ministries
            or self.time.any
            or self.section is not None
            or self.measure is not None
            or self.measure_title is not None
            or self.max_ministries > 0  # "done by one body alone"
        )
