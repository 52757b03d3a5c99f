"""The sentence that states one fact of one effort, for each kind of fact asked.

Each writer receives the :class:`Query` and the effort, and states only a typed span of
the effort's text (``facts.py``, ``facts_names.py``, ``facts_places.py``,
``facts_people.py``; figures are written by ``fact_figure.py``) or returns None when the
effort does not give that kind of fact;
:class:`~assistant.compose_facts.FactWriter` then says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.asked_names import NAME_KINDS
from assistant.asked_people import asked_names_people
from assistant.compose import Composer
from assistant.fact_doers import BODIES, done_by, question_verbs, sport_of, verb_after
from assistant.fact_figure import figure_lead, topic_stems
from assistant.fact_place import joined, place_kind, place_lead
from assistant.facts import FactSpan, figures
from assistant.facts_args import argument, asked_preposition, passive_object, stranded
from assistant.facts_dates import clock_times, dates
from assistant.facts_names import (
    THEME_WORDS,
    contacts,
    issue_of,
    listed,
    named,
    named_after,
    names,
    phrases,
    pick_name,
    quoted,
    said_after,
    theme_of,
)
from assistant.facts_people import (
    agent,
    audiences,
    described,
    featured,
    holder_of,
    invited,
    talk_by,
)
from assistant.facts_pick import pick_figure
from assistant.facts_places import places
from assistant.gazetteer import places_of_kind
from assistant.intents import Intent, stem
from assistant.name_checks import (
    asked_count,
    asks_several,
    has_capital,
    is_counted,
    is_headed_by,
    item_count,
)
from assistant.parts import NUM, NUMBER_WORDS
from assistant.query import Query
from assistant.synonyms import synonyms
from index.documents import CitedEffort
from index.lexical import tokenize

__all__ = ["Leads"]


class Leads:
    """The fact writers of one corpus, by intent."""

    def __init__(self, compose: Composer) -> None:
        self.c = compose

    def writers(self) -> dict[Intent, Callable[[Query, CitedEffort, bool], str | None]]:
        return {
            Intent.WHO: self._who,
            Intent.AUDIENCE: self._audience,
            Intent.WHEN: self._when,
            Intent.PERIOD: self._period,
            Intent.NUMBER: self._number,
            Intent.NAME: self._name,
            Intent.WHERE: self._place,
            Intent.WHICH_SECTION: self._section,
        }

    def _who(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        if q.role is not None:  # "who was the voice actor": the person, never a ministry
            holder = holder_of(e.text, q.role) if first else None
            if holder is None:
                return None
            what = described(e.text, holder)  # "…, the table tennis player"
            return f"The report names the {q.role}: {holder}" + (f", {what}" if what else "")
        verbs = question_verbs(q)
        brought = invited(e.text, verbs) if first else None
        if brought is not None:  # "who gave the lecture": the person invited to lecture
            return f"The report says {brought[1]} was invited to {brought[0]}"
        talk = talk_by(e.text, verbs) if first else None
        if talk is not None:  # "who gave the talk": "a talk on … by the YouTuber …"
            return f"The report says the {talk[0]} was given by {talk[1]}"
        done = agent(e.text, verbs) if first else None
        if done is not None:  # "who chaired the study group": not a ministry, its chair
            return done_by(done)
        body = _WHICH_BODY.match(q.text)
        named_body = named_after(e.text, body.group(1)) if body and first else None
        if body and named_body:  # "which industry body issued it": the body the effort names
            return f"The report names the {body.group(0).split(None, 1)[1].lower()}: “{named_body}”"
        if body and body.group(1).lower() in _NON_GOVERNMENT:
            return None  # "which NGO made the app": no ministry is one, and none is named
        verb = "was" if len(e.ministries) == 1 else "were"
        return f"{self.c.names(e.ministries)} {verb} responsible for it, in FY{e.fiscal_year}"

    def _audience(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        # Only the best-matching effort: another one's audience answers another question.
        done_to = self._done_to(q, e, first)  # "who was it extended to?"
        spans = audiences(e.text) if first and done_to is None else []
        return done_to if not spans else f"The report names who it was for: {spans[0].text}"

    def _done_to(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        """What the question's verb was done to, as the best effort writes it."""
        prep = asked_preposition(q.about) if first else None
        found = argument(e.text, re.findall(r"[a-z]+", q.about.lower()), prep) if prep else None
        if found is not None and _said_by(found, q.text):
            return None  # "at which prosecutors offices": not "the public prosecutors offices"
        return None if found is None else f"The report names them: {found}"

    def _when(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        named = _NAMED_TIME.search(q.text)
        if named:  # "during which national month": the month's name, not its date
            unit = named.group(1).lower()
            called = [s.text for s in names(e.text) if unit in s.text.lower().split()]
            if called:
                return f"The report names it “{called[0]}”"
        spans = dates(e.text)
        if q.bound:  # "by when": "by FY2022", not the date the plan was made
            spans = [s for s in spans if _BOUND_LEADS[q.bound].match(s.text)] or spans
        if not q.bound and not re.search(r"\b(?:fiscal|year)\b", q.text, re.I):
            # "starting FY2019" answers "from which fiscal year", not "when did it happen"
            spans = [s for s in spans if not re.search(r"\bFY|fiscal", s.text, re.I)]
        # "…the plan formulated in December 2018, and by when?": a date the question
        # gives is not what it asks
        spans = [s for s in spans if s.text.lower() not in q.text.lower()] or spans
        if not spans:
            return None
        said = "; ".join(s.text for s in spans)
        if all(re.search(r"\bFY|fiscal", s.text, re.I) for s in spans):
            return f"The report gives {said}"  # "by FY2022": its own fiscal year, not the report's
        return f"The report dates it {said}, in FY{e.fiscal_year}"

    def _period(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        spans = figures(e.text)
        if _FOR_HOW_LONG.search(q.text):
            # "for how long was the ad on air": how long it ran ("for six weeks"), not the
            # length of the thing itself ("a 30-second announcement")
            spans = [s for s in spans if not _LENGTH_OF_A_THING.fullmatch(s.text)] or spans
        span = pick_figure(spans, "duration", topic_stems(q))
        if span is not None:
            return f"The report gives the period as {span.text}"
        when = [s for s in dates(e.text) if s.text.lower().startswith("from")]
        return f"The report gives the period as {when[0].text}" if when else None

    def _number(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        if (q.unit or "").lower() in _MINISTRY_UNITS and not _named_in(q, e):
            # "how many ministries were behind the review": those the effort credits
            if not first:
                return None
            n = len(e.ministries)
            counted = "ministry or agency is" if n == 1 else "ministries and agencies are"
            return f"{n} {counted} credited with it: {self.c.names(e.ministries)}"
        return figure_lead(q, e, first)

    def _name(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        # what the question's verb was done to: "which businesses was it extended to?" (a
        # preposition put first, "at which conference", asks a name the effort gives)
        if stranded(q.about):
            return self._done_to(q, e, first) or self._named(q, e, first)
        found = self._named(q, e, first) or self._done_to(q, e, first)
        done = passive_object(q.text, e.text) if first and found is None else None
        return found or (f"The report names them: {done}" if done else None)

    def _named(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        # "not the old name, the new one": a negated cue does not count
        said = re.sub(r"\b(?:not|n't)\s+(?:the\s+|its\s+)?\w+", " ", q.text.lower())
        words = {stem(w) for w in re.findall(r"[a-z']+", said)}
        earlier = bool(words & {"old", "previous", "former", "origin", "befor"})
        # "the old name, before they changed it": asking for the old one names the change
        later = not earlier and bool(words & {"now", "new", "renam", "current", "chang", "differ"})
        asked = topic_stems(q) | {w.lower() for w in (q.unit, q.names) if w}
        if q.names == "hours":  # "the opening hours": the times of day it gives
            times = clock_times(e.text)
            return f"The report gives {'; '.join(t.text for t in times)}" if times else None
        if q.names == "ordinal":  # "which number was the meeting": the name that counts it
            counted = [s for s in names(e.text) if re.match(r"\d+(?:st|nd|rd|th)\b", s.text)]
            return f"The report names it “{counted[0].text}”" if counted else None
        if q.names in _ADDRESSES:  # "what's the url": the address the effort gives
            noun = "email" if "mail" in q.names else "address"
            found = [s.text for s in contacts(e.text) if s.noun == noun]
            if found:
                return f"The report gives {joined(found)}"
            if not _NAME_ASKED.search(q.text):
                return None  # else "the name of the website": the name it gives below
        if q.names == "number":  # "the phone number": the one number to call it gives
            dial = {s.text for s in names(e.text) if s.noun == "number"}
            if len(dial) == 1:
                return f"The report gives the number {dial.pop()}"
        if q.names in ("edition", "round", "version"):
            issue = issue_of(e.text, q.names)  # "which edition": "2028 edition"
            counted = [s for s in names(e.text) if re.match(r"\d+(?:st|nd|rd|th)\b", s.text)]
            if issue is None and counted and q.names != "version":
                # "which edition was the meeting": the one the name counts ("4th …")
                return f"The report names it “{counted[0].text}”"
            if issue is None:
                return None
            # "the 2028 edition", but "Version 2.0"
            return f"The report names {'' if issue[:1].isupper() else 'the '}{issue}"
        if q.names and q.names not in NAME_KINDS:
            items = listed(e.text, q.names)  # "six languages (English, Chinese, …)"
            if items:
                return f"The report lists them: {items}"
        kind = place_kind(q)
        if kind is not None:  # "for which countries", "which prefecture": gazetteer names
            found = places_of_kind(e.text, kind)
            if len(found) == 1 and _counted_more(e.text, q.unit or q.names or "", 1):
                return None  # "24 countries endorsed it": Australia, the co-host, is not them
            return f"The report names {joined(found)}" if found else None
        asked_noun = q.unit or q.names
        if asked_noun and stem(asked_noun.lower()) in _WARDS:
            # "in which ward": the named place the effort gives ("in Setagaya, Tokyo")
            found_in = [s.text for s in places(e.text) if re.search(r"[A-Z]", s.text)]
            # a locality ("in Setagaya, Tokyo") before a venue ("at the National Center")
            named_places = sorted(found_in, key=lambda p: not re.match(r"in\s+[A-Z]", p))
            return f"The report gives the place as {named_places[0]}" if named_places else None
        if asked_noun and _APPEARED.search(q.text) and not asked_names_people(asked_noun):
            seen = featured(e.text, asked_noun)  # "which idol group appeared in the videos"
            if seen is not None:
                return f"The report names the {asked_noun}: {seen}"
        if asked_noun and asked_names_people(asked_noun):
            # "which manga artist was on the posters": the person named in that part
            holder = holder_of(e.text, asked_noun)
            if holder is not None:
                return f"The report names the {asked_noun}: {holder}"
        if asked_noun and asked_noun.lower() in ("sport", "sports") and first:
            sport = sport_of(e.text)  # "the table tennis player Kaede Morishita"
            return f"The report calls them a {sport} player" if sport else None
        if asked_noun and first and stem(asked_noun.lower()) in BODIES:
            # "which organization co-hosted it": the partner its verb names ("co-hosted
            # with UNICEF"), not the event's title
            done = agent(e.text, verb_after(q.text, asked_noun))
            a_count = rf"(?:about\s+)?(?:\d|(?:{'|'.join(NUMBER_WORDS)})\b)"
            if done is not None and not re.match(a_count, done[1], re.I):
                return done_by(done)  # "signed by 41 companies" names none of them
        if asked_noun and asked_noun.lower() in THEME_WORDS:  # "focused on which topic"
            theme = theme_of(e.text)
            if theme:
                return f"The report gives its theme: {theme}"
        # "the title of the film": the reports' own word for it ("video") names it too
        alias = synonyms().get((q.unit or "").lower())
        after = _name_after(e.text, q) or (named_after(e.text, alias) if alias else None)
        if after is not None:  # "the name of the checklist": the checklist "Signs to Notice"
            return f"The report names it “{after}”"
        spans = names(e.text)
        headed_by: list[FactSpan] = []
        if q.names in NAME_KINDS:
            # "at which conference …": a name that says it is one first ("Act …" for a law)
            spans = [s for s in spans if named(s, q.names)] or spans
        elif q.names and q.names not in ("number", "name"):
            # "which companies …": only a name that says it is one of them will do
            spans = headed_by = [s for s in spans if is_headed_by(s.text, q.names)]
            if not spans:
                # "at which airports": "Narita, Haneda and Kansai airports"; "what are the
                # bases … called?": "child and family general support bases"
                headed = phrases(e.text, q.names)
                called = _CALLED.search(q.text)
                # a capital other than the noun's own: "two major SNS" names none
                noun = q.names.lower()
                spans = [
                    s
                    for s in headed
                    if is_headed_by(s.text, q.names)
                    and not is_counted(e.text, s.text)
                    and (called or has_capital(s.text, noun))
                ]
            if not spans:
                return None  # "which cinemas showed the video?" is not answered by its title
        # "which municipalities": their names; "what kind of bases": any words for them
        several = (
            q.unit not in (None, "number") and asks_several(q.unit) and not _KIND.search(q.text)
        )
        # "under which plan was the number of officers raised": a plan's name, whatever
        # the figure beside it counts
        other_kind = q.names in NAME_KINDS and stem(q.names or "") != stem(q.unit or "")
        if q.unit not in (None, "number") and (first or several) and not other_kind:
            # "what kind of support bases": a name holding "bases", else the words the
            # best effort puts before "bases"
            headed = phrases(e.text, q.unit)
            if several:  # "penal institutions" names no institution: a name has capitals
                headed = [s for s in headed if has_capital(s.text, q.unit)]
            spans = (
                [s for s in spans if named(s, q.unit) or (alias and named(s, alias))]
                or headed
                # "which foreign institutions sent representatives": names of those, not
                # the meeting's; one thing asked may be named without its noun
                or ([] if several else spans)
            )
        # A name the question already states is not its answer ("which practices came out
        # of the Safer Platforms Roundtable?" is not answered by "Safer Platforms Roundtable").
        # ("the broker ring" is not named by "brokerage ring": words alike to five letters)
        spans = [s for s in spans if not _states(q.text, s.text)]
        span = pick_name(spans, frozenset(asked), later=later, earlier=earlier)
        if span is None and len(headed_by) == 1 and spans == headed_by:
            span = spans[0]  # "what was the line for … called": the one name of a line
        quoted_names = [s for s in spans if s.text in quoted(e.text)]
        if span is None and first and len(quoted_names) == 1 and not q.unit and not q.own_words:
            span = quoted_names[0]  # "what's it called?" of an effort that quotes one name
        if span is not None and item_count(span.text) < asked_count(q.text):
            return None  # "which three departments": one name does not name three
        return None if span is None else f"The report names it “{span.text}”"

    def _place(self, q: Query, e: CitedEffort, first: bool) -> str | None:
        return place_lead(q, e)

    def _section(self, q: Query, e: CitedEffort, first: bool) -> str:
        return f"It is under section {e.section}, “{e.section_title}” (measure “{e.measure_title}”)"


# How a date phrase that is one end of a span opens: "starting FY2019", "by FY2022".
_BOUND_LEADS = {
    "start": re.compile(r"(?:from|since|starting|beginning)\b", re.I),
    "end": re.compile(r"(?:by|until|till|through)\b", re.I),
}


def _said_by(found: str, question: str) -> bool:
    """Whether what was found is no more than words the question says itself."""
    asked = {stem(w) for w in re.findall(r"[a-z]+", question.lower())}
    words = [stem(w) for w in re.findall(r"[a-z]+", found.lower()) if w not in ("the", "a", "an")]
    return bool(words) and set(words) <= asked


def _counted_more(text: str, noun: str, named: int) -> bool:
    """Whether ``text`` counts more of ``noun`` than the ``named`` it names ("24 countries
    endorsed it", one country named), and does not say the names are some of them
    ("including")."""
    if not noun or re.search(r"\b(?:including|such as|among them)\b", text, re.I):
        return False
    counts = re.findall(rf"\b{NUM}\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun.lower())}\b", text.lower())
    return any((int(c) if c.isdigit() else NUMBER_WORDS.get(c, 0)) > named for c in counts)


def _named_in(q: Query, e: CitedEffort) -> bool:
    """Whether the question's unit comes with a word before it that the effort writes
    with it too: "how many travel agencies were inspected" counts the effort's "96
    travel agencies", not the ministries credited."""
    before = re.search(rf"(\w+)\s+{re.escape(q.unit or '')}\b", q.text, re.I)
    return before is not None and f"{before.group(1)} {q.unit}".lower() in e.text.lower()


# Units that count the ministries credited with an effort ("industry bodies" are not).
_MINISTRY_UNITS = frozenset("ministry ministries agency agencies".split())


_KIND = re.compile(r"\b(?:kinds?|types?|sorts?|forms?)\s+of\b", re.I)
# A question about who was shown in something: "which idol group appeared in the videos".
_APPEARED = re.compile(r"\b(?:appear|feature|star|perform)(?:s|ed|ing)?\b", re.I)


# "which industry body …", "what organisation …": a body no ministry, named by the effort
_NON_GOVERNMENT = frozenset("company npo ngo charity foundation association university".split())
_WHICH_BODY = re.compile(
    r"^\s*(?:which|what)\s+(?:[a-z-]+\s+)?(body|organi[sz]ation|association|company|group|"
    r"council|foundation|npo|ngo|charity|university|institute)\b",
    re.I,
)


def _states(question: str, name: str) -> bool:
    """Whether the question says the name, its words in a row and alike to five letters
    ("the broker ring" says "brokerage ring"); "the new hotline dedicated to consultation
    with Child Guidance Centers" does not say "Child Guidance Center Consultation Hotline"."""
    said = [w[:5] for w in tokenize(question)]
    words = [w[:5] for w in tokenize(name)]
    return bool(words) and any(
        said[i : i + len(words)] == words for i in range(len(said) - len(words) + 1)
    )


def _name_after(text: str, q: Query) -> str | None:
    """The quoted name an effort gives right after a noun the question names ("the
    checklist "Signs to Notice""), unless the question states it already."""
    # names of a kind asked for ("which cinemas") are named after that kind only
    nouns = [q.names] if q.names else []
    if not q.names or q.names == "name":  # "what was the theme of …": named after "theme"
        nouns += [w for w in (q.unit,) if w] + q.topic.split()
    for noun in nouns:
        name = named_after(text, noun) or said_after(text, noun)
        if name is not None and name.lower() not in q.text.lower():
            return name
    return None


# A question of how long something went on, and a duration that is the length of a clip
# or a spot ("a 30-second announcement"), not of its run (a "three-day course" lasts so).
_FOR_HOW_LONG = re.compile(
    r"\bfor\s+how\s+long\b|\bhow\s+long\b.*\b(?:on\s+air|run|ran|broadcast|shown)\b",
    re.I,
)
_LENGTH_OF_A_THING = re.compile(r"[\w.]+-(?:second|minute)")
# Places below a city that the gazetteer does not know: "in which ward".
_WARDS = frozenset(stem(w) for w in "ward district neighbourhood neighborhood area".split())
# The names of an address a question may ask for (asked.py reads them).
_ADDRESSES = frozenset({"website", "url", "web address", "email address"})
_CALLED = re.compile(r"\b(?:called|named|titled|known\s+as)\b", re.I)
# A time asked by its name: "during which national month", "in which awareness week".
_NAMED_TIME = re.compile(
    r"\b(?:during|in|for|within)\s+(?:which|what)\s+(?:[a-z-]+\s+){1,3}?"
    r"(month|week|day|period|season|campaign)\b",
    re.I,
)
_NAME_ASKED = re.compile(r"\b(?:name|title)\b|\b(?:called|named|titled)\b", re.I)
