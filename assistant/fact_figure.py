"""The sentence that states a figure an effort gives, for a question that asks one.

Only a figure whose type fits the question (:func:`~assistant.facts_pick.pick_figure`)
answers, read with what the question says of it: a total or a national figure, an
increase or a standing count, the value something rose from, a part of a given whole.
"""

from __future__ import annotations

import re

from assistant.cues import asks_part_of_given
from assistant.facts import OF_THE_WHOLE, FactSpan, figures, is_part
from assistant.facts_pick import pick_figure
from assistant.gazetteer import asked_places
from assistant.intents import stem
from assistant.query import Query
from assistant.text import function_words
from corpus.eras import western_years
from index.documents import CitedEffort
from index.lexical import tokenize

__all__ = ["figure_lead", "stems_of", "topic_stems"]


def figure_lead(q: Query, e: CitedEffort, first: bool) -> str | None:
    """The figure of ``e`` a figure question asks for, as a sentence; None if it gives none
    of that type (``first``: ``e`` is the best-matching effort, which may answer with a
    figure of a kindred noun)."""
    # A figure the question already states is not its answer ("how many of the 420
    # landmarks were in Tokyo?").
    given = set(re.findall(r"\d[\d,.]*", q.text))
    places = asked_places(q.text)
    if places and not any(p.lower() in e.text.lower() for p in places):
        return None  # "how many kids in tokyo …": a figure of an effort naming no Tokyo is not
    spans = [s for s in figures(e.text) if _own_figure(s) not in given]
    parts = [s for s in spans if is_part(s)] or _done_as_asked(q, spans)
    if parts and (
        _PART_OF.search(q.text)
        or asks_part_of_given(q.text)
        or _did_as_asked(q, spans)
        or _told_part(q, parts)
        or _part_did(q, parts)
    ):
        # "how many of the 22 operators had zoning?": "12 of them had introduced it"
        same = q.unit and any(s.noun and stem(s.noun) == stem(q.unit) for s in parts)
        unit = q.unit if same else None
        span = pick_figure(parts, unit, topic_stems(q))
        if span is None:
            return None
        said = re.sub(r"\s+of\s+(?:which|whom)$", "", span.text)  # "96 of which" → "96"
        if span.noun and re.search(rf"\b{re.escape(span.noun)}\b", said, re.I):
            return f"The report gives {said}"  # "19 of the 22 major providers"
        return f"The report gives {said} ({span.noun})"
    if q.unit and re.search(
        rf"(?<![\w,.])(?!(?:19|20)\d\d\b)\d[\d,.]*\s+{re.escape(q.unit)}", q.text, re.I
    ):  # (not "the FY2059 consultation total": a year)
        return None  # "how many of the 948 persons were convicted?": a part of a given whole
    if not q.unit and asks_part_of_given(q.text):
        return None  # "of the 1,102 persons …, how many were convicted?": the same
    # Beyond the best-matching effort only a figure of the very noun asked will do.
    total = bool(_TOTAL.search(q.text))
    # "the total number of child victims in Japan": a national figure, which only a
    # figure given as one answers, not the 412 victims one operation identified
    national = (total or bool(_NATIONAL_FIGURE.search(q.text))) and bool(_NATIONAL.search(q.text))
    increase = (
        False  # "how many are there after the increase": the figure it reached
        if _AFTER_CHANGE.search(q.text)
        else True
        if _ASKS_INCREASE.search(q.text)
        else False
        if _ASKS_STANDING.search(q.text)
        else None
    )
    # its content words, function words aside; "convicted molesters" says who, it counts
    # no convictions
    worded = frozenset(tokenize(_EVENT_AS_ADJECTIVE.sub(" ", _NOT_THESE.sub(" ", q.text))))
    # "how many sat in the hall (not the online viewers)": never the figure set aside
    for m in _NOT_THESE.finditer(q.text):
        aside = frozenset(tokenize(m.group(1)))
        spans = [s for s in spans if not aside <= stems_of(s.text) | s.near] or spans
    versus = _ASKS_VERSUS_EARLIER.search(q.text) is not None
    # "how many in 2045 vs the year before": the figure, then the one before it; but once
    # the figure is stated (blanked "…" for a second ask), only the one before it
    both = versus and "…" not in e.text
    # "in FY2046", or "and in 2048?" of a table by fiscal year
    years = set(re.findall(r"\b(?:FY\s?)?((?:19|20)\d\d)\b", q.text, re.I))
    own = (e.fiscal_year, e.fiscal_year + 1)
    if years and not any(int(y) in own or y in western_years(e.text) for y in years):
        return None  # "how many … in calendar year 2081" of an effort of FY2082 naming no 2081
    # "how many in FY2046?": the cell of that year in a table by year, or the figure of
    # that year given beside the report's own ("…, compared with 23,910 in FY2047")
    of_year = [
        s
        for s in spans
        if any(s.text.endswith(f"in FY{y}") or (s.earlier and f"fy{y}" in s.near) for y in years)
    ]
    own_year = years == {str(e.fiscal_year)}
    if of_year and not both and not (own_year and q.unit and _none_fit(of_year, q)):
        spans = of_year  # (but "how many counselors in FY2057" is not the year's cell of
        # consultations: the effort's own figures are of its own year)
    elif not both and _of_another_year(years, e) and any(s.earlier for s in spans):
        # "…rose to 73.4% (up from 71.9%)" asked of the year before: never the report's
        # own year's figure
        spans = [s for s in spans if s.earlier]
    elif own_year and not both:
        # "how many last year (2075)" of the FY2075 report: its own figure, not the one
        # "rose from" ("… from 17,200 in FY2074 to 20,450 in FY2075")
        spans = [s for s in spans if not s.earlier] or spans
    elif q.time.uncovered and not both:
        return None  # a year no report covers, whose figure the effort does not give
    elif both:
        spans, before = [s for s in spans if not s.earlier] or spans, spans
    elif versus or _ASKS_EARLIER.search(q.text):
        # "what was it last time?": the figure it rose or fell from ("up from 58.9%")
        spans = [s for s in spans if s.earlier or "from" in s.lead] or spans
    else:  # "the usage rate rose to 51.7% from 46.2%": the rate is 51.7%
        spans = [s for s in spans if not s.earlier] or spans
    if _PART_OF.search(q.text):
        # "how many of the suspects had contacted children online?": the figure whose
        # words say so, of the several the effort gives of suspects
        spans = [s for s in spans if _part_said(q, s, e.text)] or spans
    # "how much was it?" of an effort giving a sum: the sum, not a count beside it
    much = _HOW_MUCH.search(q.text) and any(s.kind == "money" for s in spans)
    span = pick_figure(
        spans,
        q.unit or ("money" if much else None),
        topic_stems(q),
        own_noun_only=not first,
        total=total,
        increase=increase,
        worded=worded,
        sources=frozenset(stem(w) for w in _COUNTED_FROM.findall(q.text)),
    )
    if span is not None and national and not span.lead & _WHOLE_COUNTRY:
        span = None
    if span is not None and not first and span.kind == "money" and not _of_topic(q, e.text):
        span = None  # "what did the events cost" is not answered by another body's budget
    if span is None and q.unit == "times" and first:
        # "how often do offenders pretend to be children?": a rate answers it too
        span = pick_figure(
            spans, "percent", topic_stems(q), total=total, increase=increase, worded=worded
        )
    if span is None or _one_group_of_a_total(q, e.text, span.text):
        return None
    if (
        _PART_OF.search(q.text)
        and span.noun
        and q.unit
        and stem(span.noun) == stem(q.unit)
        and not _part_said(q, span, e.text)
    ):
        return None  # "how many of the consultations were about …": not the whole
    if span.text.isalpha():  # "twice"
        return f"The report says it happened {span.text.lower()}"
    # "…, and what was it the year before?"; a cell of a table by year says its year
    if span.earlier and "previous" not in span.text and not _TABLE_YEAR.search(span.text):
        in_year = sorted(y for y in years if f"fy{y}" in span.near)  # "… 23,910 in FY2047"
        return f"The report gives {_said(span)} " + (
            f"in FY{in_year[0]}" if in_year else "as the earlier figure"
        )
    if both and (earlier := _earlier_of(span, before, e.text)) is not None:
        when = "" if "previous" in earlier.text or _TABLE_YEAR.search(earlier.text) else " before"
        return f"The report gives {_said(span)}, against {_said(earlier)}{when}"
    if span.kind == "age":  # "aged 10 to 17", "under the age of 20"
        return f"The report gives the ages: {_said(span)}"
    return f"The report gives {_said(span)}"


# A figure set aside in a bracket or after a comma: "(not the online viewers)",
# ", excluding the staff"
_NOT_THESE = re.compile(
    r"[(,;–—-]\s*(?:but\s+)?(?:not|excluding|except(?:\s+for)?|other\s+than|apart\s+from)\s+"
    r"(?:the\s+|any\s+)?((?:[a-z-]+\s+){0,2}[a-z-]+)",
    re.I,
)
# Verbs of asking others to act: "Asked 17 operators to …; 13 of them had done so".
_REQUESTED = frozenset(stem(w) for w in "asked requested urged called invited encouraged".split())


def _did_as_asked(q: Query, spans: list[FactSpan]) -> bool:
    """Whether the question asks how many did what an effort asked of a number of them
    ("how many companies turned it off?" of "Asked 17 operators to disable it; 13 of them
    had done so"): those that did are the part, not the whole asked."""
    asked = [s for s in spans if not is_part(s) and s.lead & _REQUESTED]
    # "the platforms asked to turn it off - how many did it?": the ask after "how many"
    counted = re.split(r"\bhow\s+many\b", q.text, maxsplit=1, flags=re.I)[-1]
    return bool(asked) and not stems_of(counted) & _REQUESTED


# Verbs of telling others what to do: "instructed 11 of them to revise their ads".
_DIRECTED = frozenset(
    stem(w) for w in "told tell instructed ordered directed required asked requested".split()
)


# Words that name a sum by what it is, not by what it pays for.
_MONEY_WORDS = frozenset(
    stem(w) for w in "cost costs budget spent spending total yen money funds funding".split()
)


def _of_topic(q: Query, text: str) -> bool:
    """Whether an effort beyond the best-matching one, giving a sum, holds every word
    the question is about ("subsidized" for "the subsidy one"): the commission's budget
    is no answer to what the Online Safety Month's events cost."""
    held = {w[:_PREFIX] for w in stems_of(text)}
    # the question's own words, "month" and "events" too (a time, a plan's word to the reader)
    asked = {w for w in re.findall(r"[a-z]+", q.about.lower()) if w not in function_words()}
    return all(w[:_PREFIX] in held for w in stems_of(" ".join(asked)) - _MONEY_WORDS)


_PREFIX = 5  # letters that tell a word's family: "subsid" of "subsidy", "subsidized"


def _told_part(q: Query, parts: list[FactSpan]) -> bool:
    """Whether the question counts those told to do something and a part of a whole is
    what an effort told to do it: "how many were told to fix their ads" of "inspected 96
    agencies and instructed 11 of them to revise their advertisements"."""
    counted = re.split(r"\bhow\s+many\b", q.text, maxsplit=1, flags=re.I)[-1]
    return bool(stems_of(counted) & _DIRECTED) and any(p.lead & _DIRECTED for p in parts)


def _part_did(q: Query, parts: list[FactSpan]) -> bool:
    """Whether the question counts those who did what a part of a whole did: "how many
    candidates passed" of "1,370 of the 2,010 candidates passed"."""
    counted = re.split(r"\bhow\s+many\b", q.text, maxsplit=1, flags=re.I)[-1]
    deed = frozenset(tokenize(counted)) - {stem(q.unit or "")}
    # what the part did, right after its whole ("… of the 2,010 candidates passed"), not
    # what was done to a part of them ("referring 164 of them to …")
    if any(p.of & deed for p in parts if OF_THE_WHOLE.search(p.text)):
        return True
    # "had turned it on by default" of "asked … to turn on … by default …, and 6 of the 8
    # companies had done so": what was done so is said before the part
    return not deed & _REQUESTED and any(  # (not "how many were asked to …")
        len(p.clause & deed) > 1 for p in parts if is_part(p) and {"done", "so"} <= p.near
    )


def _done_as_asked(q: Query, spans: list[FactSpan]) -> list[FactSpan]:
    """The figures that count those who did what an effort asked, when the question asks
    it: "Asked 31 operators to …; 26 operators had made the change" gives 26 operators,
    the asked noun again after the ask."""
    if not _did_as_asked(q, spans):
        return []
    asked = next(s for s in spans if not is_part(s) and s.lead & _REQUESTED)
    later = spans[spans.index(asked) + 1 :]
    return [s for s in later if asked.noun and s.noun == asked.noun and not s.lead & _REQUESTED]


# What a count is counted from: "how many came from dads", "how many by girls".
_COUNTED_FROM = re.compile(r"\b(?:from|by|among)\s+(?:the\s+)?([a-z]+)", re.I)


def _none_fit(spans: list[FactSpan], q: Query) -> bool:
    """No figure of ``spans`` is of the unit ``q`` asks for."""
    return pick_figure(spans, q.unit, topic_stems(q), own_noun_only=True) is None


def _of_another_year(years: set[str], e: CitedEffort) -> bool:
    """Whether the years a question names are all other than the effort's own (fiscal
    year, and the calendar year its last months fall in), and the effort names one."""
    own = {e.fiscal_year, e.fiscal_year + 1}
    return bool(years) and all(int(y) not in own for y in years) and any(y in e.text for y in years)


_EVENT_AS_ADJECTIVE = re.compile(
    r"\b(?:convicted|prosecuted|arrested|charged|detained|sentenced)\s+(?!(?:of|for|in|after|"
    r"by|as|at|on|because|and|or|to|under|with|over|during|through|since|than)\b)(?=[a-z])",
    re.I,
)


def _own_figure(span: FactSpan) -> str:
    """The figure a span gives, not the whole it is part of ("19 of the 22 providers")."""
    m = re.search(r"\d[\d,.]*", span.text)
    return m.group(0) if m else ""


def _said(span: FactSpan) -> str:
    """The figure as the answer states it: "… letters, 96 of which concerned sexual harm"
    as "96 of them"."""
    said = re.sub(r"\s+of\s+(?:which|whom)$", " of them", span.text)
    if span.noun and re.fullmatch(r"(?:(?:about|approximately|some)\s+)?[\d,.]+", said):
        return f"{said} ({span.noun})"  # "bringing the total to 31": 31 (operators)
    return said


def _earlier_of(span: FactSpan, spans: list[FactSpan], text: str) -> FactSpan | None:
    """The value ``span`` changed from, when the effort gives it next, in the same clause:
    "about 4,200 viewed the online stream, up from about 3,900 in the previous year"."""
    at = next((i for i, s in enumerate(spans) if s == span), None)
    if at is None or at + 1 >= len(spans):
        return None
    following = spans[at + 1]
    if not following.earlier or following.kind != span.kind:
        return None
    if _TABLE_YEAR.search(span.text) and _TABLE_YEAR.search(following.text):
        return following  # one row of a table by year: "FY2046 18,240 FY2047 23,910"
    one, two = (re.search(r"\d[\d,.]*%?", s.text) for s in (span, following))
    start = text.find(one.group(0)) if one else -1
    end = text.find(two.group(0), start) if two and start >= 0 else -1
    between = text[start:end] if 0 <= start < end else ""
    return following if between and len(between) < 120 and ";" not in between else None


_TABLE_YEAR = re.compile(r"\bin FY\d{4}$")


def stems_of(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[\w']+", text.lower()))


def _one_group_of_a_total(q: Query, text: str, figure: str) -> bool:
    """Whether the question counts one group ("representatives from foreign
    institutions") of a figure the effort gives for several ("about 220 representatives
    from relevant ministries, foreign institutions, private groups, and others")."""
    if not q.unit:
        return False
    unit = re.escape(q.unit)
    asked = re.search(rf"\b{unit}\s+from\s+((?:[\w-]+,?\s+){{0,7}}[\w-]+)", q.text, re.I)
    at = text.find(figure)
    if asked is None or at < 0:
        return False
    groups = re.match(r"\s*from\s+([^.;()]+)", text[at + len(figure) :])
    if groups is None or not re.search(r",|\band\b", groups.group(1)):
        return False
    words = []
    for w in asked.group(1).lower().split():
        if w in _GROUP_ENDS:
            break
        words.append(w)
    wanted = stems_of(" ".join(words)) - stems_of("the a an")
    if not wanted or not wanted <= stems_of(groups.group(1)):
        return False
    # "people from ministries, foreign institutions and private groups": several of the
    # groups, as the effort lists them, ask the figure for all of them
    items = re.split(r",\s*(?:and\s+)?|\s+and\s+", groups.group(1))
    named = [i for i in items if stems_of(i) - stems_of("the a an relevant") <= wanted]
    return len(named) < 2


# Words that end the group a question names after its unit ("… from X were at …").
_GROUP_ENDS = frozenset(
    "were was are is did do does attended came took at in on to for during who that which".split()
)


_PART_OF = re.compile(r"\bhow\s+many\s+of\s+(?:the|those|these|them|its|their)\b", re.I)


def _part_said(q: Query, span: FactSpan, text: str) -> bool:
    """Whether the figure is of the part asked for, said by the words the question says of
    it: "how many of its members were arrested?" is "arrested 23 members", and "how many of
    the suspects had contacted children online" is "14 of the suspects were found to have
    contacted children … online" (the rest of its clause)."""
    after = re.search(rf"\b{re.escape(q.unit or '')}\b([^?.;]*)", q.text, re.I)
    words = re.split(r"\band\b|,", after.group(1))[0] if after else ""
    said = set(tokenize(words)) - {stem(w) for w in function_words()}
    at = text.find(span.text)
    rest = re.split(r"[.;]", text[at:], maxsplit=1)[0] if at >= 0 else ""
    return bool(said) and said <= span.lead | span.clause | set(tokenize(rest))


_ASKS_EARLIER = re.compile(
    r"\b(?:last\s+time|previous(?:ly)?|the\s+time\s+before|before\s+that|earlier\s+one|"
    r"(?:a|the|one)\s+year\s+(?:before|earlier|prior)|(?:the\s+)?prior\s+year|last\s+year)\b",
    re.I,
)
# A figure asked beside the one before it: "in 2045 vs the year before", "and how did that
# compare with the previous year", "compared to last year".
_ASKS_VERSUS_EARLIER = re.compile(
    r"\b(?:vs\.?|versus|compar\w*|against|relative\s+to)\s+(?:with\s+|to\s+)?(?:that\s+(?:of|in|for)\s+)?"
    r"(?:the\s+)?(?:previous|prior|preceding|last|year\s+before|a\s+year\s+(?:before|earlier))\b|"
    r"\bhow\s+(?:did|does)\s+(?:that|this|it)\s+compare\b|"
    r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against)\s+(?:the\s+)?(?:FY\s?|fiscal\s+(?:year\s+)?)\d{4}\b|"
    # "…, and the year before?": the figure, then the one before it
    r"\b(?:and|&|\+|plus)\s+(?:for\s+|in\s+)?(?:the\s+|a\s+|one\s+)?(?:year\s+(?:before|earlier|"
    r"prior)|(?:previous|prior|preceding|last)\s+(?:year|time|survey|one))\s*[?.!]*\s*$",
    re.I,
)
# A change asked for, up or down: "how many more", "were they adding", "go up by".
_ASKS_INCREASE = re.compile(
    r"\b(?:more|additional|extra|new|add(?:ed|ing|s)?|increas\w*|gr[eo]w\w*|ris(?:e|es|ing)|rose|"
    r"rais\w*|expand\w*|boost\w*|climb\w*|jump\w*|decreas\w*|reduc\w*|drop\w*|fall|fell|"
    r"declin\w*)\b|\b(?:go|goes|going|gone|went|up|down)\s+(?:up|down|by)\b|"
    r"\bby\s+how\s+(?:many|much)\b",
    re.I,
)
_ASKS_STANDING = re.compile(
    r"\b(?:had|have|has|now|exist|altogether|as\s+of)\b|\b(?:are|were)\s+there\b|"
    r"\b(?:are|is)\s+(?:currently\s+)?[a-z]+ed\b|"  # "how many operators are connected"
    r"\bby\s+(?:the\s+end\s+of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
# A change named as the point the figure is asked at: "after the FY2049 increase".
_AFTER_CHANGE = re.compile(
    r"\b(?:after|following|since|with)\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+)?"
    r"(?:increase|rise|expansion|addition|boost|cut|reduction|decrease)s?\b",
    re.I,
)
_TOTAL = re.compile(r"\b(?:in\s+total|total|altogether|in\s+all|overall)\b", re.I)
# A figure asked of the whole country, and the words that give a figure as one.
_NATIONAL = re.compile(
    r"\b(?:nationwide|nation-wide|nationally|national|country-?wide|in\s+japan|across\s+"
    r"(?:the\s+)?(?:country|japan|nation)|(?:the\s+)?whole\s+(?:country|of\s+japan))\b",
    re.I,
)
_NATIONAL_FIGURE = re.compile(r"\bnational\s+(?:figure|total|number|statistics?|count)\b", re.I)
_HOW_MUCH = re.compile(r"\bhow\s+much\b(?!\s+(?:time|longer|more|less)\b)", re.I)
_WHOLE_COUNTRY = frozenset(stem(w) for w in "total nationwide national".split())


def topic_stems(q: Query) -> frozenset[str]:
    return frozenset(stem(w) for w in q.topic.lower().split()) | frozenset(q.topic_words)
