"""What a question's verb was done to, read where the effort writes the same verb.

"Which businesses was it extended to?" asks what follows "to" after "extended" in the
effort: 'Extended the "Japanese DBS" to talent agencies, theatre companies and cram schools
with fewer than 10 staff' → "talent agencies, theatre companies and cram schools". The
question's preposition is the one it leaves at its end ("… extended to?") or puts first
("To whom was it sent?"); the verb is any word of the question the effort writes as an
inflected verb of the same lemma ("sends", "sent"). Nothing is read when the effort does
not use that verb with that preposition.
"""

from __future__ import annotations

import re

from assistant.intents import stem
from assistant.lemmas import past_tense, verb_base

__all__ = ["argument", "asked_preposition", "passive_object", "stranded"]

_PREPOSITIONS = r"to|at|for|with|from|into|onto|against|towards?|on|about"
# "… was it extended to?", "… aimed at, exactly?": the preposition left at the end
_STRANDED = re.compile(rf"\b({_PREPOSITIONS})\s*(?:,\s*\w+\s*)?[?.!]*\s*$", re.I)
# "To whom was it sent?", "with which countries did it sign": the preposition first
_FRONTED = re.compile(rf"^\W*({_PREPOSITIONS})\s+(?:which|what|whom|who)\b", re.I)
# Verbs that carry no meaning of their own here ("was it extended", "did they send")
_AUXILIARIES = frozenset({"be", "have", "do", "get", "can", "will", "may"})
# Where the phrase after the preposition ends: punctuation that closes it, a preposition
# that starts another phrase, a verb, or a clause
_ARGUMENT_END = re.compile(
    r"\.(?!\d)|[;:()\[\]]|"
    # (not "in" before a name: "to the Embassy of Japan in Hanoi")
    r"\s(?:on|in(?!\s+[A-Z])|by|with|from|about|during|so|which|who|that|to|after|before|until|"
    r"under|through|via|since|as|for)\s|"  # not "at" nor "of": "volunteers at cafeterias"
    # a verb in the past ends it ("… schools, trained by …"), an adjective does not ("the
    # shared database"), nor does a noun in -ing ("training centres")
    r"\s[a-z]{3,}ed\s(?=by|to|in|at|on|the|an?|\d)",
    re.I,
)
# Where the verb's clause ends: a sentence, or a clause of its own after a comma
_AND_WORD = re.compile(r"\s+and\s+([a-z]+)\b")
_CLAUSE_END = re.compile(r"\.(?!\d)|;|,\s+(?:and\s+)?(?:which|who|where|after|before|while|when)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def stranded(question: str) -> bool:
    """Whether a question leaves its preposition at the end ("… was it extended to?")."""
    return _STRANDED.search(question) is not None


def asked_preposition(question: str) -> str | None:
    """The preposition a question asks the object of, lower case; None if it has none.

    Example:
        >>> asked_preposition("which businesses was it extended to?")
        'to'
        >>> asked_preposition("To whom was the leaflet sent?"), asked_preposition("who ran it?")
        ('to', None)
    """
    m = _STRANDED.search(question) or _FRONTED.search(question)
    return m.group(1).lower() if m else None


def argument(text: str, question_words: list[str], preposition: str) -> str | None:
    """The phrase ``text`` puts after ``preposition`` following a verb of
    ``question_words`` (the same lemma, inflected in ``text``); None if it has none.

    Example:
        >>> argument('Extended the "DBS" to talent agencies and cram schools with fewer '
        ...          'than 10 staff.', ["which", "businesses", "was", "it", "extended"], "to")
        'talent agencies and cram schools'
    """
    verbs = {stem(verb_base(w)) for w in question_words} - {stem(a) for a in _AUXILIARIES}
    # quoted names and brackets are blanked (same length): a "to" inside them is not read
    plain = re.sub(
        r'"[^"]*"|“[^”]*”|\([^)]*\)', lambda m: f"{m[0][0]}{' ' * (len(m[0]) - 2)}{m[0][-1]}", text
    )
    for word in _WORD.finditer(plain):
        found = word.group(0)
        base = verb_base(found)
        if base == found.lower() or stem(base) not in verbs:
            continue  # not an inflected form of a verb the question uses
        clause = _CLAUSE_END.search(plain, word.end())
        stop = clause.start() if clause else len(plain)
        prep = re.compile(rf"\b{preposition}\s+", re.I).search(plain, word.end(), stop)
        if prep is None:
            continue
        phrases = []
        # "… and to coaches": the same preposition again after "and" or a comma, not a
        # "to" that opens what was done for ("… in Hanoi to support investigations")
        again = re.compile(rf"(?:\band\s+|,\s*){preposition}\s+", re.I)
        while prep is not None:  # "to private tutors … and to coaches of …": both
            end = _ARGUMENT_END.search(plain, prep.end(), stop)
            said = text[prep.end() : end.start() if end else stop]
            # "… to "Kodomo Safety Line" and set up a line …": a second thing done
            done = next((m for m in _AND_WORD.finditer(said) if past_tense(m.group(1))), None)
            said = said[: done.start()] if done else said
            # not the "and" before the next one, nor a verb in -ing ("tutors working …")
            phrases.append(re.sub(r"(?:,|\s+(?:and|or)|\s+[a-z]+ing)+\s*$", "", said.strip(" ,")))
            prep = again.search(plain, prep.end(), stop) if end else None
        named = [p for p in phrases if _names_something(p)]
        if named:
            return " and ".join(named)
    return None


# Words before a noun that a dictionary of inflections may take for nouns themselves
_DETERMINERS = frozenset(
    "the a an its their his her our your my this that these those each every all any".split()
)


def _names_something(phrase: str) -> bool:
    """Whether a phrase after a preposition names things: not a count ("14 countries": how
    many, not which), not a verb ("to improve their handling"), not a bare article."""
    words = phrase.split()
    content = [w for w in words if w.lower() not in ("the", "a", "an", "its", "their")]
    if not content or re.match(r"(?:about\s+|some\s+)?\d|(?:two|three|four|five|six|seven|"
                                r"eight|nine|ten|several|many)\b", phrase, re.I):
        return False
    first = _lemmas(words[0].lower())
    second = words[1].lower() if len(words) > 1 else ""
    after = {} if second in _DETERMINERS else _lemmas(second) if second else {}
    # "to improve their handling", "to have relevant records"; but "to cram schools"
    return not (first and "NOUN" not in first and "PROPN" not in first and "NOUN" not in after)


def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllLemmas  # loads its dictionary once: see assistant.lemmas

    return dict(getAllLemmas(word))


# "which two services were merged into it": things a passive question asks, by its verb
_PASSIVE_ASK = re.compile(
    r"\bwhich\s+(?:[a-z]+\s+){0,3}?[a-z]+s\s+(?:were|was|got|have\s+been|had\s+been)\s+"
    r"([a-z]+ed)\b",
    re.I,
)
# The object of a verb ends at a preposition, a bracket or a clause mark.
_OBJECT_END = re.compile(
    r"\s(?:into|to|with|for|by|from|in|on|at|under|as|after|before|during)\s|[;:(),.]", re.I
)


def passive_object(question: str, text: str) -> str | None:
    """What ``text`` did the question's passive verb to, when it names things: "which
    two services were merged into it" of "Merged the Internet Hotline Center and the Safer
    Internet Consultation Desk into a single hotline" → "the Internet Hotline Center and
    the Safer Internet Consultation Desk"; None if the effort has no such verb or its
    object names nothing (no capitalised word)."""
    asked = _PASSIVE_ASK.search(question)
    if asked is None:
        return None
    verb = stem(verb_base(asked.group(1).lower()))
    for word in re.finditer(r"[A-Za-z]+", text):
        if stem(verb_base(word.group(0).lower())) != verb:
            continue
        end = _OBJECT_END.search(text, word.end())
        said = text[word.end() : end.start() if end else len(text)].strip()
        if re.search(r"\b[A-Z][a-z]", said) and len(said.split()) <= _MAX_OBJECT_WORDS:
            return said
    return None


_MAX_OBJECT_WORDS = 16
