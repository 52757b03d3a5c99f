"""Greetings before a question and remarks after it, told apart from what is asked.

"Hi! What did MEXT do? It's for a memo to my team." asks "What did MEXT do?": the text is
cut into clauses, and clauses at either end that the intent model reads as chitchat and
that name nothing (no ministry, time or section) are dropped. A greeting run into the
question with no comma ("hey there when was it") is dropped too, and a remark that asks
indirectly ("I want to know when.") becomes the question's second ask.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from assistant.intents import SLOT_TOKENS, Intent, IntentModel, stem
from assistant.text import (
    LEADING_PREPOSITIONS,
    QUESTION_WORDS,
    function_words,
    opens_asking,
    sentence_spans,
)

__all__ = ["SURE_CHATTER", "Chatter"]

# A clause the intent model is this sure is chitchat is dropped even if it uses a word of
# the reports ("Asking for a school project"); a less sure one only if it does not.
SURE_CHATTER = 0.8
# Words that open a request as a question word does: "hey there anything for toddlers?"
_ASKS_FOR = re.compile(r"(?:anything|any|something|tell|show|list|give|whats|what's)\b", re.I)
# At most this many words of greeting run into a question ("hey there hi …").
_GREETING_WORDS = 4
# A remark that asks indirectly: "I want to know when.", "please tell me how many came".
_INDIRECT_ASK = re.compile(
    r"\b(?:know|tell\s+(?:me|us)|wondering|wonder|find\s+out)\s+"
    rf"((?:{LEADING_PREPOSITIONS}\s+)?{QUESTION_WORDS}\b[^.!?]*)",
    re.I,
)
# "was wondering", "am trying to find out": a statement, though "was" may open a question
_PROGRESSIVE = re.compile(r"\b(?:was|were|am|is|are|'m)\s+(?:\w+\s+)?$", re.I)
# Where a clause may end: a comma, colon or semicolon before more words; a full stop
# not before a number ("sec. 3", "no. 5" are one phrase).
_CLAUSE_BREAK = re.compile(r"(?:[,:;!?]|\.(?!\s+\d))\s+(?=\S)|\s+[-–—]+\s+(?=\S)")
# A capitalised word after a lower-case one, as in "what did mlit do It's for a memo".
_NEW_THOUGHT = re.compile(r"(?<=[A-Za-z0-9?])\s+([A-Z][a-z]*(?:'[a-z]+)?)\b")


# Words that greet and nothing else, with the few that may follow them.
_SALUTATION = re.compile(
    r"^\s*(?:hey|hi|hello|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening|day))"
    r"(?:\s+(?:there|all|everyone|everybody|folks|team))?(?![\w'-])[\s,!.:;-]*",
    re.I,
)


class Chatter:
    """The greeting and remark words of the intent examples, and what they drop.

    ``read_clause`` gives a clause's shape for the intent model (chatter words kept), or
    None when the clause names a slot: then it is never chatter.
    """

    def __init__(
        self,
        model: IntentModel,
        vocabulary: frozenset[str],
        *,
        read_clause: Callable[[str], str | None],
    ) -> None:
        self.model = model
        self.vocabulary = vocabulary
        self.read_clause = read_clause
        # Words only greetings and remarks use (in two examples or more).
        chatter = {
            word
            for word, n in Counter(
                w
                for e in model.examples
                if e.intent is Intent.CHITCHAT
                for w in {t.lower() for t, slot in e.tokens if slot is None}
            ).items()
            if n >= 2
        }
        other = {
            t.lower()
            for e in model.examples
            if e.intent is not Intent.CHITCHAT
            for t, slot in e.tokens
            if slot is None
        }
        self.words = frozenset(chatter - other - vocabulary - function_words())
        # Every word the chitchat examples use ("hey", "there", "thanks").
        self.greeting_words = frozenset(
            t.lower()
            for e in model.examples
            if e.intent is Intent.CHITCHAT
            for t, slot in e.tokens
            if slot is None
        )
        self.english_stems = frozenset(stem(w) for w in function_words())

    def strip(self, text: str) -> str:
        """``text`` without the greetings before it and the remarks after it.

        The text is cut into clauses (sentences, then commas, colons and a capitalised
        word that starts a new thought mid-line: "… do It's for a memo"); clauses at either
        end that read as chitchat and name nothing are dropped.
        """
        # "hey there when was it", "hey there is there a class …": a greeting run into the
        # question with no comma is its first few words, before the question opens
        for word in list(re.finditer(r"\S+", text))[1 : _GREETING_WORDS + 1]:
            before, rest = text[: word.start()], text[word.start() :]
            asks = opens_asking(rest) or _ASKS_FOR.match(rest)
            if asks and self._greeting(before) and not opens_asking(before):
                text = rest
                break
        else:
            # "hey there grooming", "hi MIC and filtering in fy2015?": a salutation run
            # into whatever follows it
            hello = _SALUTATION.match(text)
            if hello and text[hello.end() :].strip():
                text = text[hello.end() :]
        clauses = self._clauses(text)
        for start, end in clauses:
            piece = text[start:end]
            asked = _INDIRECT_ASK.search(piece)
            lead = piece[: asked.start()] if asked else ""
            states = not opens_asking(lead) or _PROGRESSIVE.search(lead)
            if asked and (start > 0 or lead) and states:
                # "im writing a piece for our newsletter and i was wondering where it was
                # held and how many came": the clause asks what follows "wondering"
                return self.strip(f"{text[:start]}{asked.group(1)}{text[start + asked.end() :]}")
        several = len(clauses) > 1
        if several:
            # "Is there a summer symposium? I want to know when.": the remark asks
            start, end = clauses[-1]
            asked = _INDIRECT_ASK.search(text[start:end])
            if asked and start > 0:
                return self.strip(f"{text[:start].rstrip()} {asked.group(1)}")
        first, last = 0, len(clauses)
        while first < last and self._is_chatter(text[slice(*clauses[first])], several=several):
            first += 1
        while last > first and (
            self._is_chatter(text[slice(*clauses[last - 1])], several=several)
            # "…? i only see the kids agency": what the asker sees, after the question
            or (
                "?" in text[: clauses[last - 1][0]]
                and _ASKERS_VIEW.match(text[slice(*clauses[last - 1])]) is not None
                and "?" not in text[slice(*clauses[last - 1])]
            )
        ):
            last -= 1
        if first == last:
            return ""
        kept = text[clauses[first][0] : clauses[last - 1][1]]
        if not opens_asking(kept) and "?" not in kept:
            # "oya soudan net - how many questions did it answer": what was named, then the
            # question asked of it, which reads like talk to the bot but is the only ask
            of_it = next(
                (
                    n
                    for n in range(last, len(clauses))
                    if _ASKS_OF_IT.search(text[slice(*clauses[n])])
                ),
                None,
            )
            last = of_it + 1 if of_it is not None else last
        return text[clauses[first][0] : clauses[last - 1][1]].strip(" ,;:-–—")

    def _greeting(self, text: str) -> bool:
        """Words of the chitchat examples only, besides English function words ("hey
        there", "Hello,"), and nothing a slot reads ("hey there 法務省" names a ministry)."""
        words = {w.lower() for w in re.findall(r"[A-Za-z']+", text)}
        if re.fullmatch(rf"\s*(?:{LEADING_PREPOSITIONS}\b\s*)+", text, re.I):
            return False  # "On what date …": a preposition of the question, no greeting
        if re.search(r"\b(?:these|those|them|they|it)\b", text, re.I):
            return False  # "Of these, which …": what the question picks from, no greeting
        return (
            # a word that greets, not only words a greeting may hold ("if someone is …")
            bool((words - function_words()) & self.greeting_words)
            and words <= self.greeting_words | function_words()
            and not re.search(r"[^\sA-Za-z',.!?:;-]", text)
            and self.read_clause(text) is not None
        )

    def _clauses(self, text: str) -> list[tuple[int, int]]:
        cuts = {0, len(text)}
        for start, _ in sentence_spans(text):
            cuts.add(start)
        for m in _CLAUSE_BREAK.finditer(text):
            cuts.add(m.end())
        for m in _NEW_THOUGHT.finditer(text):
            word = m.group(1).lower().split("'")[0]
            if word in function_words() or word in self.words or word.endswith("ing"):
                cuts.add(m.start(1))
        points = sorted(cuts)
        spans = [(a, b) for a, b in zip(points, points[1:], strict=False)]
        return [s for s in spans if text[s[0] : s[1]].strip(" ,;:-–—")]

    def _is_chatter(self, sentence: str, *, several: bool) -> bool:
        """A greeting or remark around the question: read as chitchat, naming nothing.

        It must also hold no word of the reports and at most one unknown word ("Thanks!",
        "Good morning." are chatter; "Were famous buildings lit up?" is not), unless it is
        one of several clauses, the model is sure and its shape holds words of the
        examples: "Inochi no Anzen Kyoiku?" after "Hi!" is asked about.
        """
        shape = self.read_clause(sentence)
        if shape is None:  # it names a ministry, a time, a section …
            return False
        bare = sentence.strip(" ,;:-–—.!")
        if several and (_INTRODUCTION.fullmatch(bare) or _PURPOSE.fullmatch(bare)):
            return not opens_asking(sentence)  # "teacher here:", "doing a school project -"
        prediction = self.model.predict(shape)
        if prediction.intent is not Intent.CHITCHAT or not self.model.accepts(prediction):
            return False
        words = {w.lower() for w in re.findall(r"[A-Za-z']+", sentence)} - function_words()
        # "hotlines??" asks about the reports' "hotline"
        # a greeting's own words do not count, even when a report uses them ("good
        # practices", "assistant officers"): "Good morning." stays a greeting
        own = words - self.greeting_words - _ADDRESSING
        reports = {w for w in own if _singulars(w) & self.vocabulary}
        unknown = {
            w for w in words - self.vocabulary - self.words if stem(w) not in self.model.scaffold
        }
        # Sure of one of several clauses, from words chatter uses ("Asking for a school
        # project", though "project" is a report word), not from its shape alone
        cues = set(shape.split()) - set(SLOT_TOKENS.values()) - self.english_stems
        if several and prediction.confidence >= SURE_CHATTER and cues:
            return True
        # "need it asap for my editor": a sure remark beside the question that asks
        # nothing and holds no word of the reports, whatever else it names
        asks = opens_asking(sentence) or "?" in sentence
        if several and prediction.confidence >= SURE_CHATTER and not asks and not reports:
            return True
        return not reports and len(unknown) <= 1


# A question asked of what was named before it: "how many did it answer", "when were they".
_ASKS_OF_IT = re.compile(
    rf"^\s*(?:{LEADING_PREPOSITIONS}\s+)?{QUESTION_WORDS}\b.*\b(?:it|its|they|them|their)\b",
    re.I,
)

# What the asker has seen or thinks, said after the question: "i only see the kids agency".
_ASKERS_VIEW = re.compile(
    r"\s*(?:i|we)\s+(?:only\s+|just\s+|already\s+|can\s+|could\s+|do\s+|did\s+)?(?:see|saw|seen|"
    r"think|thought|know|knew|found|read|noticed|notice|believe|heard|remember|guess)\b",
    re.I,
)

# A self-introduction before the question: "social worker here", "I'm a nurse here".
_INTRODUCTION = re.compile(r"(?:(?:i'?m|i\s+am)\s+(?:a|an|the)\s+)?(?:[a-z-]+\s+){1,3}here", re.I)

# Why the question is asked: "doing a school project", "I'm writing an essay".
_PURPOSE = re.compile(
    r"(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+)?(?:doing|writing|working\s+on|preparing)\s+"
    r"(?:a|an|my|our)\s+(?:[a-z-]+\s+){0,2}(?:project|essay|thesis|paper|assignment|"
    r"presentation|article|story|homework|report)",
    re.I,
)

# Words that address the listener in a salutation ("Dear assistant,", "hi bot"): a
# report's "assistant officers" does not make "Dear assistant," a question.
_ADDRESSING = frozenset("dear assistant bot chatbot sir madam team everyone".split())


def _singulars(word: str) -> set[str]:
    """The word and what it may be the plural of: "hotlines", "hotline"; "bodies", "body"."""
    out = {word}
    if word.endswith("s") and len(word) > 3 and word.isalpha():
        out |= {word[:-1], word[:-2]}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    return out
