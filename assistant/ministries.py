"""Finding the ministries a question names, however it names them.

The resolver is built from the loaded reports' own glossary (abbreviation → full name)
and the documented table ``assistant/data/ministry_names.json`` (informal English names,
Japanese names in kanji and in Latin letters). It recognises:

* abbreviations in any case (``mext``, ``MEXT's``) and one-letter slips in long ones
  (``MXET``), but not a lower-case abbreviation that is an English word (``mic``);
* full names and partial official names (``Ministry of Health``, ``the education
  ministry``, ``Police Agency``), matched with rapidfuzz so typos still match
  (``Ministry of Heath``, ``Chidren and Families Agency``);
* informal names (``the cops``) and Japanese names (``文部科学省``, ``厚労省``,
  ``Monbukagakusho``);
* a ministry-like name that matches none of the loaded reports' ministries (``the
  Ministry of Defense``), so the assistant can decline rather than guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from assistant.name_phrases import (
    LINKS,
    bounded,
    content_words,
    ministry_like,
    once_each,
    partial_names,
    plain,
    same_edges,
)

__all__ = ["Mentions", "MinistryResolver", "name_table"]

NAMES_FILE = Path(__file__).resolve().parent / "data" / "ministry_names.json"

# A body's name as the first word of a thing's: "police stations", "a police box"
_A_THING_OF = re.compile(r"[ -](?:stations?|box(?:es)?|cars?|uniforms?)\b", re.I)
# "the justice and foreign affairs ministries": two names, their last word said once
_SHARED_HEAD = re.compile(
    r"\b((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:and|&|or)\s+((?:[a-z]+\s+){0,2}?[a-z]+)\s+"
    r"(ministries|agencies)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
# A Japanese name ending in 省 (ministry) or 庁 (agency): a body, known or not.
_KANJI_BODY = re.compile(r"[\u3400-\u9fff]{1,10}?[省庁](?![\u3400-\u9fff])")


@lru_cache(maxsize=1)
def name_table() -> dict[str, dict[str, tuple[str, ...]]]:
    """The documented table of other names, by abbreviation."""
    raw = json.loads(NAMES_FILE.read_text(encoding="utf-8"))
    return {
        abbr: {kind: tuple(names) for kind, names in entry.items()}
        for abbr, entry in raw.items()
        if not abbr.startswith("_")
    }


@dataclass(frozen=True)
class Mentions:
    """What a question says about ministries.

    Attributes:
        ministries: Abbreviations, in order of mention.
        unknown: Ministry-like names that match no loaded ministry, as typed.
        spans: Character spans of every mention (known or not), to cut from the topic.
    """

    ministries: tuple[str, ...]
    unknown: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def _cutoff(phrase: str) -> float:
    """How close a typed name must be: exact for short names, a typo or two for long ones."""
    if len(phrase) <= 4:
        return 100.0
    if len(phrase) <= 7:
        return 80.0
    return 86.0


class MinistryResolver:
    """Resolve ministry mentions against the loaded reports' glossary.

    Example:
        >>> r = MinistryResolver({"NPA": "National Police Agency",
        ...                       "MHLW": "Ministry of Health, Labour and Welfare"})
        >>> r.find("What did the police and the Ministry of Heath do?").ministries
        ('NPA', 'MHLW')
    """

    def __init__(
        self,
        glossary: dict[str, str],
        extra: tuple[str, ...] = (),
        *,
        is_word: Callable[[str], bool] | None = None,
        is_known: Callable[[str], bool] | None = None,
        said: str = "",
    ) -> None:
        self.glossary = dict(glossary)
        # what the efforts say (lower case): a body they name that no glossary credits is
        # a thing they mention ("in cooperation with the Supreme Court"), no ministry
        self._said = said
        self.known = tuple(dict.fromkeys([*glossary, *extra]))
        self._is_word = is_word or (lambda _w: False)  # too common to be an abbreviation
        self._is_known = is_known or (lambda _w: False)  # an English word, not a slip
        self._abbr = {a.lower(): a for a in self.known}
        table = name_table()
        # (lower phrase, abbreviation or None when no loaded report has that ministry)
        phrases: dict[str, str | None] = {}
        owners = {abbr: self._owner(abbr, entry) for abbr, entry in table.items()}
        for abbr, entry in table.items():
            for name in (*entry.get("en", ()), *entry.get("romaji", ())):
                phrases.setdefault(name.lower(), owners[abbr])
        for abbr, name in self.glossary.items():
            phrases[name.lower()] = abbr
            for partial in partial_names(name):
                phrases.setdefault(partial, abbr)
        by_plain: dict[str, str | None] = {}
        for phrase, owner in phrases.items():
            by_plain.setdefault(plain(phrase), owner)
        self._phrases = list(by_plain)
        self._owners = [by_plain[p] for p in self._phrases]
        # windows as long as the longest name: "Ministry of Education, Culture, Sports,
        # Science and Technology" is eight words, "National Center of Incident …" nine
        self._longest = max((len(p.split()) for p in self._phrases), default=1)
        # Names of two content words or more, by their words in any order.
        self._reordered = {
            content_words(p): owner
            for p, owner in by_plain.items()
            if owner is not None and len(content_words(p)) >= 2
        }
        self._japanese = sorted(
            (
                (name, owners[abbr])
                for abbr, entry in table.items()
                for name in entry.get("ja", ())
            ),
            key=lambda item: -len(item[0]),
        )

    def name(self, abbr: str) -> str:
        return self.glossary.get(abbr, abbr)

    def _mentioned(self, name: str) -> bool:
        bare = re.sub(r"^(?:the|a|an)\s+", "", " ".join(name.lower().split()))
        return bool(self._said) and bool(bare) and bare in self._said

    def _widen(
        self, text: str, start: int, end: int, owner: str, taken: list[tuple[int, int]]
    ) -> tuple[int, int]:
        """A found name with the words of the body's full name said around it: "the
        supreme court secretariat" is all the General Secretariat of the Supreme Court's."""
        words = set(plain(self.glossary.get(owner, "")).split()) - LINKS
        if not words:
            return start, end
        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        while (m := re.match(r"[ \t]+([A-Za-z]+)\b", text[end:])) and (
            m.group(1).lower() in words and free(end, end + m.end())
        ):
            end += m.end()
        while (m := re.search(r"\b([A-Za-z]+)[ \t]+$", text[:start])) and (
            m.group(1).lower() in words and free(m.start(), start)
        ):
            start = m.start()
        return start, end

    def _shared_head(self, text: str) -> list[tuple[int, int, str]]:
        """Two names that share their last word: "the justice and foreign affairs
        ministries" names the justice ministry and the foreign affairs ministry."""
        owners = dict(zip(self._phrases, self._owners, strict=True))
        out = []
        for m in _SHARED_HEAD.finditer(text):
            head = "ministry" if m.group(3).lower().startswith("minist") else "agency"
            found = []
            for group in (1, 2):
                words = m.group(group).split()
                for n in range(len(words), 0, -1):  # "of justice": "justice ministry"
                    name = " ".join(words[-n:])
                    owner = owners.get(plain(f"{name} {head}"))
                    if owner is not None:
                        found.append((m.end(group) - len(name), m.end(group), owner))
                        break
            if len(found) == 2 and found[0][2] != found[1][2]:
                (a_start, a_end, a), (b_start, _, b) = found
                out += [(a_start, a_end, a), (b_start, m.end(), b)]
        return out

    def _owner(self, abbr: str, entry: dict[str, tuple[str, ...]]) -> str | None:
        """The loaded body a table entry names: by its abbreviation, else by its official
        name in a report's glossary under another abbreviation ("SCJ (General Secretariat
        of the Supreme Court of Japan)" is the table's Supreme Court); None if no report
        has it."""
        if abbr in self._abbr.values():
            return abbr
        official = [n.lower() for n in entry.get("official", ())]
        held = [a for a, full in self.glossary.items() if any(n in full.lower() for n in official)]
        return held[0] if len(held) == 1 else None

    def find(self, text: str) -> Mentions:
        """Every ministry named in ``text`` (in order of mention), and unmatched names."""
        found: list[tuple[int, str]] = []
        unknown: list[tuple[int, str]] = []
        spans: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return all(end <= s or start >= e for s, e in spans)

        def take(start: int, end: int, owner: str | None) -> None:
            if owner is not None:  # "the supreme court secretariat": all of it the name's
                start, end = self._widen(text, start, end, owner, spans)
            elif self._mentioned(text[start:end]):
                return
            spans.append((start, end))
            if owner is None:
                unknown.append((start, text[start:end].strip()))
            else:
                found.append((start, owner))

        for run in _CJK.finditer(text):
            for name, owner in self._japanese:
                at = text.find(name, run.start(), run.end())
                if at >= 0 and free(at, at + len(name)):
                    end = at + len(name)
                    if text[end : end + 2] in ("'s", "’s"):
                        end += 2  # "こども家庭庁's efforts": the possessive is the name's
                    take(at, end, owner)
        for start, end, owner in self._shared_head(text):
            if free(start, end):
                take(start, end, owner)
        for kanji in _KANJI_BODY.finditer(text):  # "復興庁": a ministry or agency, not known
            if free(kanji.start(), kanji.end()):
                take(kanji.start(), kanji.end(), None)
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
        for start, end, owner in self._fuzzy_phrases(text, words, blocked=list(spans)):
            if free(start, end) and not _A_THING_OF.match(text, end):
                take(start, end, owner)
        for start, end, word in words:
            if not free(start, end):
                continue
            token = re.sub(r"['’]s$", "", word)
            abbr = self._abbreviation(token)
            if abbr is not None:
                take(start, start + len(token), abbr)
        for start, end, _ in ministry_like(text):
            if free(start, end):
                take(start, end, None)
        ministries = tuple(dict.fromkeys(a for _, a in sorted(found)))
        names = tuple(dict.fromkeys(n for _, n in sorted(unknown)))
        return Mentions(ministries, names, tuple(sorted(spans)))

    def _abbreviation(self, token: str) -> str | None:
        exact = self._abbr.get(token.lower())
        if exact is not None:
            if token.isupper() or len(token) > 4 or not self._is_word(token.lower()):
                return exact
            return None
        if token.isupper() and len(token) >= 4:
            near = [a for a in self.known if len(a) >= 4 and OSA.distance(a, token) <= 1]
            if len(near) == 1:
                return near[0]
        return None

    def _another_word(self, window: str, phrase: str) -> bool:
        """Whether the window shares no word with the name and is a word of its own:
        "policy" is no slip for "police"; "polise" is one, and so is "heath" in "Ministry
        of Heath", where the rest of the name is typed."""
        typed, name = set(window.split()), set(phrase.split())
        return not typed & name and any(self._is_known(w) for w in typed)

    def _fuzzy_phrases(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        *,
        blocked: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[int, int, str | None]]:
        """Word windows that match a known name closely enough, best first, no overlaps;
        none reaches over a name already found (``blocked``: "of 内閣官房 and the Consumer
        Affairs Agency" is two names)."""
        if not words or not self._phrases:
            return []
        windows: list[tuple[int, int]] = []
        for size in range(1, max(7, self._longest) + 1):
            for i in range(len(words) - size + 1):
                start, end = words[i][0], words[i + size - 1][1]
                if all(end <= s or start >= e for s, e in blocked):
                    windows.append((i, i + size))
        if not windows:
            return []
        plains = [plain(w[2]) for w in words]
        texts = [" ".join(p for p in plains[i:j] if p) for i, j in windows]
        scores = process.cdist(texts, self._phrases, scorer=fuzz.ratio, workers=1)
        hits: list[tuple[float, bool, int, int, int, str | None]] = []
        for row, (i, j) in enumerate(windows):
            col = int(scores[row].argmax())
            score = float(scores[row, col])
            phrase = self._phrases[col]
            if (
                score >= _cutoff(phrase)
                and same_edges(texts[row], phrase)
                and not self._another_word(texts[row], phrase)
            ):
                start, end = words[i][0], words[j - 1][1]
                if i > 0 and plains[i - 1] == "the" and plains[i] != "the" and self._owners[col]:
                    start = words[i - 1][0]  # "the justice ministry": the article goes with it
                hits.append((score, False, j - i, start, end, self._owners[col]))
            elif (
                j - i >= 3
                and (owner := self._reordered.get(content_words(texts[row])))
                and once_each(texts[row])
                and bounded(texts[row])
            ):
                # "the Agency for Children and Families": the name's words, reordered (each
                # once: "the cabinet secretariat and the cabinet office" names two)
                # (after the names as written: "secretariat and the cabinet" is no name
                # where "cabinet secretariat" is one)
                hits.append((100.0, True, j - i, words[i][0], words[j - 1][1], owner))
        hits.sort(key=lambda h: (-h[0], h[1], -h[2], h[3]))
        chosen: list[tuple[int, int, str | None]] = []
        for _, _, _, start, end, owner in hits:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, owner))
        return chosen
