"""Reading a question: which ministries, which time, which section, what kind of answer.

Everything here works from the question's shape and the loaded plans (glossary, section
titles, fiscal years), never from the wording of particular questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.ministries import MinistryResolver
from assistant.when import TimeRef, read_time
from corpus.models import Corpus
from index.lexical import tokenize

__all__ = ["Parsed", "Reader", "Cue"]

# Words that say what kind of answer is wanted but nothing about the topic.
_SCAFFOLD = set(
    """
    what which who whom whose when where why how did do does done doing has have had was were
    is are be been being the a an of in on for to by with about at from into under during
    and or any anything everything all every each me us tell show list give find please could
    would can you i we our their its there this that those these it they them
    effort efforts measure measures thing things activity activities action actions work
    initiative initiatives project projects item items credited involved involve involving
    take took part participate participated carried carry out run ran conduct conducted
    plan plans report reports government japan japanese ministry ministries agency agencies
    fiscal year years fy happen happened happening place dated date month months
    year's else also other more both together jointly each either
    attributed attribution responsible charge in lead led much many number
    so far overall total so get got whole entire complete
    after before since between until till first second last half latter early late quarter
    period dated through later earlier prior
    undertake undertook undertaken implement implemented implementing perform performed
    accomplish accomplished achieve achieved make made works working worked role roles
    contribution contributions contribute contributed involvement job jobs responsibilities
    programme programmes program programs step steps taken undertakings up doings summary
    summarise summarize overview describe explain detail details kind kinds type types
    specific specifically exactly main key major new recent recently current currently
    organisation organization organisations organizations body bodies department departments
    office offices name names please thanks thank hi hello ok okay now just only
    """.split()
)
_COUNT = re.compile(
    r"\bhow\s+many\s+(?:\w+\s+){0,2}?(efforts?|measures?|initiatives?|activities|actions|"
    r"things|items|projects|bullets|entries|sections?|pillars?|ministr(?:y|ies)|agencies)\b",
    re.I,
)
_JOINT = re.compile(
    r"\b(joint(?:ly)?|shared\s+(?:between|among|by)|co-?(?:run|hosted|organi[sz]ed)|"
    r"multiple (?:ministries|agencies)|more than one (?:ministry|agency)|several ministries|"
    r"(?:two|three|four|2|3|4) (?:or more )?(?:ministries|agencies)|in partnership|"
    r"(?:ministries|agencies|efforts)\s+(?:\w+\s+){0,3}together|together\s+with\s+another|"
    r"(?:work(?:ed|s|ing)?|partner(?:ed|s)?|collaborat\w+|co-?operat\w+|team(?:ed)? up)\s+with)\b",
    re.I,
)
_LIST_ALL = re.compile(
    r"\b(list|show|give)\b.*\b(every|all|everything|each)\b|\b(everything|all (?:the )?efforts|"
    r"every effort|all that was done|complete list|full list)\b",
    re.I,
)
_STRUCTURE = re.compile(
    r"\b(pillars?|sections?|areas?|chapters?|parts?|structure|outline|headings?|"
    r"main (?:topics|themes)|themes?|fiscal years?|years? (?:do|does) (?:the|it|this))\b",
    re.I,
)
_GLOSSARY = re.compile(
    r"\b(?:what(?:\s+|'|’)(?:does|do|is|s)\s+(?:the\s+)?(?P<a>[A-Za-z&]{2,10})\s+(?:stand\s+for|mean|short\s+for|an?\s+abbreviation)|"
    r"(?:what|who)(?:\s+is|'s|’s)\s+(?:the\s+)?(?P<b>[A-Za-z&]{2,10})\s*\??\s*$|"
    r"(?:meaning|full\s+name|expansion)\s+of\s+(?:the\s+)?(?P<c>[A-Za-z&]{2,10})|"
    r"(?P<d>[A-Za-z&]{2,10})\s+(?:stands\s+for|means)\s+what)",
    re.I,
)
_SECTION_NO = re.compile(
    r"\b(?:section|pillar|area|part|chapter|heading)\s*(?:no\.?|number|#)?\s*(\d{1,2})\b", re.I
)
_WHO = re.compile(
    r"\b(which|what)\s+(ministr(?:y|ies)|agenc(?:y|ies)|office|department|body|organi[sz]ation)\b|"
    r"^\s*(?:and\s+)?who\b|\bwho\s+(?:was|is|were|did|ran|runs|organi[sz]ed|produced|held|"
    r"made|led|published|changed|set|implemented|conducted)\b|\bby\s+whom\b",
    re.I,
)
_WHEN = re.compile(
    r"\b(when|what\s+date|what\s+month|which\s+month|what\s+time|how\s+long|"
    r"what\s+period|over\s+what|since\s+when)\b",
    re.I,
)
_HOW_MANY = re.compile(
    r"\b(how\s+many|how\s+much|what\s+(?:share|percentage|proportion|"
    r"number|fraction|portion|rate)|what\s+per\s*cent)\b",
    re.I,
)
_NAME = re.compile(
    r"\b(called|name[ds]?|titled?|which\s+(?:law|act|event|hotline|guidebook|"
    r"programme|program|campaign|conference|meeting))\b",
    re.I,
)
_MINISTRY_LIST = re.compile(
    r"\b(?:how\s+many|which|what|list(?:\s+(?:all\s+)?the)?|all(?:\s+the)?)\s+"
    r"(?:(?:different|other|government)\s+)?(?:ministries|agencies|ministries\s+and\s+agencies)\b",
    re.I,
)
_WHICH_SECTION = re.compile(
    r"\b(?:which|what)\s+(?:section|pillar|area|part|chapter|heading)s?\b(?!\s*\d)", re.I
)
_ORDINAL = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|"
    r"1st|2nd|3rd|4th|5th)\s+(?:one|effort|item|result|citation|source)\b|"
    r"(?:number|no\.?|#|item|citation|source|effort)\s*\[?(\d{1,2})\]?(?![\d.])|^\s*\[(\d{1,2})\]",
    re.I,
)
_REFERS_BACK = re.compile(r"\b(it|that|this|those|these|them|they|ones?)\b", re.I)
_OF_THOSE = re.compile(
    r"\b(of|among)\s+(those|these|them|the above)\b|\b(those|these)\s+"
    r"(?:efforts|ones|measures)\b",
    re.I,
)
_FOLLOW_ON = re.compile(
    r"^\s*(?:and|also|plus|now|then)\b|^\s*(?:what|how)\s+about\b|"
    r"^\s*same\s+for\b|^\s*(?:ok|okay)[,.]?\s+(?:and|what)\b",
    re.I,
)


class Cue:
    """Names of the cues a question may carry."""

    COUNT = "count"
    JOINT = "joint"
    LIST_ALL = "list_all"
    STRUCTURE = "structure"
    WHO = "who"
    WHEN = "when"
    HOW_MANY = "how_many"
    NAME = "name"
    REFERS_BACK = "refers_back"
    OF_THOSE = "of_those"
    FOLLOW_ON = "follow_on"
    BOTH = "both"
    MINISTRY_LIST = "ministry_list"
    WHICH_SECTION = "which_section"


@dataclass
class Parsed:
    """What one question says, before the conversation is taken into account."""

    text: str
    ministries: tuple[str, ...] = ()
    unknown_ministries: tuple[str, ...] = ()
    time: TimeRef = field(default_factory=TimeRef)
    section: int | None = None
    glossary_term: str | None = None
    topic: str = ""
    topic_words: tuple[str, ...] = ()
    cues: frozenset[str] = frozenset()
    ordinal: int | None = None  # "the second one" → 2, "the last one" → -1

    def has(self, cue: str) -> bool:
        return cue in self.cues


class Reader:
    """Parses questions against one corpus (its glossary, sections and fiscal years)."""

    def __init__(self, corpus: Corpus, attributed: tuple[str, ...]) -> None:
        self.corpus = corpus
        self.ministries = MinistryResolver(corpus.glossary, attributed)
        self.years = corpus.fiscal_years
        self._section_titles = {
            (plan.fiscal_year, s.number): s.title for plan in corpus.plans for s in plan.sections
        }

    def read(self, question: str) -> Parsed:
        text = " ".join(question.split())
        mentions = self.ministries.find(text)
        time = read_time(text, self.years)
        cues: set[str] = set()
        for cue, pattern in (
            (Cue.COUNT, _COUNT),
            (Cue.JOINT, _JOINT),
            (Cue.LIST_ALL, _LIST_ALL),
            (Cue.WHO, _WHO),
            (Cue.WHEN, _WHEN),
            (Cue.HOW_MANY, _HOW_MANY),
            (Cue.NAME, _NAME),
            (Cue.REFERS_BACK, _REFERS_BACK),
            (Cue.OF_THOSE, _OF_THOSE),
            (Cue.FOLLOW_ON, _FOLLOW_ON),
            (Cue.MINISTRY_LIST, _MINISTRY_LIST),
            (Cue.WHICH_SECTION, _WHICH_SECTION),
        ):
            if pattern.search(text):
                cues.add(cue)
        if re.search(r"\bboth\b|\btogether\b|\bjointly\b", text, re.I):
            cues.add(Cue.BOTH)
        glossary_term = self._glossary_term(text)
        ordinal = _ordinal(text)
        section = self._section(text)
        # Cut ministry names and time expressions out; what is left says what it is about.
        spans = sorted([*mentions.spans, *time.spans])
        kept, last = [], 0
        for start, end in spans:
            if start >= last:
                kept.append(text[last:start])
                last = end
        kept.append(text[last:])
        topic = " ".join(" ".join(kept).split())
        words = tuple(
            w
            for w in re.findall(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*%?", topic)
            if w.lower() not in _SCAFFOLD and len(w) > 1 and not re.fullmatch(r"\d{1,2}", w)
        )
        if _STRUCTURE.search(text) and not words_beyond(words, _STRUCTURE_WORDS):
            cues.add(Cue.STRUCTURE)
        return Parsed(
            text=text,
            ministries=mentions.ministries,
            unknown_ministries=mentions.unknown,
            time=time,
            section=section,
            glossary_term=glossary_term,
            topic=topic,
            topic_words=tuple(tokenize(" ".join(words))),
            cues=frozenset(cues),
            ordinal=ordinal,
        )

    def _glossary_term(self, text: str) -> str | None:
        match = _GLOSSARY.search(text)
        if not match:
            return None
        term = next(g for g in match.groups() if g)
        known = {a.lower(): a for a in self.corpus.glossary}
        return known.get(term.lower(), term if term.isupper() else None)

    def _section(self, text: str) -> int | None:
        match = _SECTION_NO.search(text)
        if match:
            return int(match.group(1))
        # A section named by (most of) its title, e.g. quoted from the report.
        words = set(tokenize(text))
        best, best_share = None, 0.0
        for (_, number), title in self._section_titles.items():
            title_words = set(tokenize(title))
            if len(title_words) < 2:
                continue
            share = len(words & title_words) / len(title_words)
            if share > best_share:
                best, best_share = number, share
        return best if best_share >= 0.75 else None


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}


def _ordinal(text: str) -> int | None:
    match = _ORDINAL.search(text)
    if not match:
        return None
    if match.group(1):
        return _ORDINAL_WORDS[match.group(1).lower()]
    return int(match.group(2) or match.group(3))


_STRUCTURE_WORDS = {
    "pillar",
    "section",
    "area",
    "chapter",
    "part",
    "structur",
    "outlin",
    "head",
    "main",
    "topic",
    "theme",
    "cover",
    "report",
    "plan",
    "basic",
    "fiscal",
    "year",
    "organ",
    "organis",
    "organiz",
    "consist",
    "divid",
    "split",
    "key",
    "major",
    "overview",
    "name",
}


def words_beyond(words: tuple[str, ...], allowed: set[str]) -> list[str]:
    """The stemmed words of ``words`` that are not in ``allowed``."""
    return [w for w in tokenize(" ".join(words)) if w not in allowed]
