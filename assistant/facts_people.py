"""People and bodies in an effort's text: whom it went to, who did it, who held a part.

An audience is who an effort was for or went to ("to the boards of education"); an agent
is who did what a verb says ("chaired by a professor of Keio University"); a role's
holder is the person named in it ("featuring the voice actor Sora Kitamine"). Like the
names of :mod:`assistant.facts_names`, each is read from the effort's own text.
"""

from __future__ import annotations

import re

from assistant.asked_people import SCHOLARS
from assistant.facts import UNITS, FactSpan
from assistant.intents import stem
from assistant.lemmas import participle, verb_base

__all__ = ["agent", "audiences", "described", "featured", "holder_of"]


# Who an effort was for or went to: people and the bodies that serve them.
_AUDIENCE_NOUNS = "|".join(
    sorted(
        UNITS["people"]
        | {
            "schools",
            "boards",
            "municipalities",
            "operators",
            "companies",
            "carriers",
            "associations",
            "bodies",
            "administrators",
            "centers",
            "centres",
            "governments",
            "prefectures",
            "travellers",
            "travelers",
            "retailers",
            "agencies",
            "groups",
        },
        key=len,
        reverse=True,
    )
)
_NOUN = re.compile(rf"\b(?:{_AUDIENCE_NOUNS})\b(?:\s+of\s+[\w'-]+)?", re.I)
_TRIGGER = re.compile(
    r"\b(?:(?:distributed|sent|provided|gave|given|delivered|handed out)\b"
    r"(?:[^.;()\"“”]|(?<=\d)\.(?=\d))*?\bto|"  # "distributed about 1.2 million copies to"
    r"for|attended by|covering)\s+",
    re.I,
)
# Where the phrase naming an audience ends: punctuation that closes it, a preposition
# that starts another phrase, or a verb.
_PHRASE_END = re.compile(
    r"\.(?!\d)|[;()]|\s(?:on|in|at|by|with|from|about|during|so|which|who|that|to)\s|"
    r"\s(?:\w+ed|\w+ing|sent|gave|made|held|set)\b",
    re.I,
)


def audiences(text: str) -> list[FactSpan]:
    """Who an effort was for or went to: "to the boards of education, etc.", "for
    guardians", "attended by about 600 participants"."""
    out = []
    # Quoted names and brackets are blanked (same length) so "to" inside them is not read.
    plain = re.sub(r'"[^"]*"|“[^”]*”|\([^)]*\)', lambda m: " " * len(m.group(0)), text)
    for m in _TRIGGER.finditer(plain):
        # "distributed the card on how to respond … to about 210,000 teachers": the first
        # "to" that leads to people or bodies
        starts = [m.end()]
        if m.group(0).rstrip().lower().endswith("to"):
            sentence_end = plain.find(".", m.end())
            stop = sentence_end if sentence_end > 0 else len(plain)
            starts += [t.end() for t in re.finditer(r"\bto\s+", plain[m.end() : stop])]
            starts = [starts[0]] + [m.end() + s for s in starts[1:]]
        for start in starts:
            rest = plain[start:]
            end = _PHRASE_END.search(rest)
            phrase = rest[: end.start()] if end else rest
            nouns = list(_NOUN.finditer(phrase))
            if nouns:
                span = text[start : start + nouns[-1].end()].strip(" ,")
                out.append(FactSpan("name", span, None, frozenset()))
                break
    if not out:
        # 'published "A Guidebook on … for Schools and Boards of Education"': its title
        # says whom it is for
        out += [
            FactSpan("name", m.group(1), None, frozenset())
            for m in _FOR_IN_TITLE.finditer(text)
            if any(_people_or_bodies(w) for w in m.group(1).split() if w[0].isupper())
        ]
    return out


# A title that ends saying whom it is for: "… for Schools and Boards of Education".
def _people_or_bodies(word: str) -> bool:
    """ "Schools", "Parents", "Children": whom a title may say it is for (not "the Future")."""
    lower = word.lower()
    return (
        lower in UNITS["people"]
        or lower in ("children", "people")
        or (lower.endswith("s") and not lower.endswith("ss"))
    )


_TITLE_WORD = r"(?:[A-Z][\w-]*|and|of|the)"
_FOR_IN_TITLE = re.compile(rf"[\"“][^\"“”]{{3,}}?\sfor\s+({_TITLE_WORD}(?:\s+{_TITLE_WORD})*)[\"”]")


# "chaired by a professor of Keio University, and …": who did what the verb says ("for"
# and "to" inside a title go on: "the Minister of State for Policies Related to Children").
_BY_AGENT = re.compile(
    r"\b([A-Za-z]+)\s+by\s+((?:the\s+|a\s+|an\s+)?[^,.;()\[\]]{2,120}?)"
    r"(?=\s*(?:[,.;()\[]|$)|\s+(?:in|on|with|during|under|until)\s|\s+(?:to|for)\s(?![A-Z])"
    # "and" goes on to a name, or to a plural that ends the phrase ("lawyers and counselors")
    r"|\s+and\s+(?!the\s|a\s|an\s|[A-Z]|[a-z]+s(?=\s*[,.;()\[]|\s*$)))"
)


def agent(text: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    """The verb and its agent when ``text`` says who did one of ``verbs`` (stems):
    "who chaired the group" of "a group chaired by a professor of Keio University, met
    six times" → ("chaired", "a professor of Keio University"); "who co-organised it" of
    "co-organized with the Royal Thai Police" → ("co-organized with", "the Royal Thai
    Police")."""
    found = _agent(_TITLE_DOT.sub(r"\1", text), verbs)  # "by Dr. Ryo Tsukamoto": no stop
    if found is None:
        return None
    dotted = re.sub(r"\b(Dr|Prof|Mr|Mrs|Ms|St)(?=\s+[A-Z])", r"\1.", found[1])
    return found[0], dotted if dotted in text else found[1]  # the title as the text has it


def _agent(text: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    verbs = verbs | {v for kin in _KIN_VERBS if verbs & kin for v in kin}
    for m in _BY_AGENT.finditer(text):
        done = m.group(1).lower()
        base = {stem(done), stem(verb_base(done))}
        if not _participle(done):
            continue  # "internet use by young people": a noun, not who did it
        if base & verbs and not re.fullmatch(r"[\d,.\s%]+", m.group(2)):
            who = m.group(2).strip()
            person = re.match(_PERSON, who)
            if person and re.match(r"\s+(?!(?:of|from|at|in|and)\b)[a-z]+\b", who[person.end() :]):
                who = person.group(0)  # "led by Ambassador Keiko Tsuruta signed …": the name
            if who.count("“") > who.count("”"):
                who += "”"  # 'by the NPO “Kodomo no Mori.”': the name's closing quote
            post = _POST.match(text, m.end(2))
            named = re.match(rf",\s+({_PERSON})", text[m.end(2) :])
            if post and re.fullmatch(_PERSON, who):
                # "chaired by Kenji Oshiro, Director of the Juvenile Division of the NPA"
                who += f", {post.group(1)}"
            elif named and not re.search(_PERSON, who):
                who += f", {named.group(1)}"  # "led by its Director, Mr. Kenji Higa"
            return m.group(1), who
    # a titled person as the subject: "Ms. Maria Santos of the ASEAN Secretariat
    # delivered the opening address", "Mr. Kenji Arakawa, chair of …, coordinated it"
    for m in _PERSON_DID.finditer(text):
        if {stem(m.group(2)), stem(verb_base(m.group(2)))} & verbs:
            return participle(m.group(2)), m.group(1)  # "it was given by …"
        # "… gave the opening address": who opened it
        speech = _SPEECH.match(text, m.end())
        if speech and stem(speech.group(1)) in verbs:
            return participle(speech.group(1)), m.group(1)
    # "co-organised" and "co-organized" alike: the first letters after "co-"
    joint = {v[3:7] for v in verbs if v.startswith("co-")}
    for m in _CO_AGENT.finditer(text):
        if m.group(1).lower()[3:7] in joint:
            return f"{m.group(1)} with", m.group(2).strip()
    return None


# A speech named by what it did: "gave the opening address", "delivered the closing remarks".
_SPEECH = re.compile(r"\s+(?:the\s+|an?\s+)?([a-z]+)ing\s+(?:address|remarks|speech|statement)\b")
# A person's post written after the name: ", Director of the Seiryo Trauma Clinic".
_POST = re.compile(
    r",\s+((?:[A-Z][\w'’-]*\s+){1,4}(?:of|at|for)\s+(?:the\s+)?[A-Z][^,;()]{2,80}?)"
    r"(?=\s*(?:[,;(]|\.(?:\s|$)|$))"
)
# Verbs that ask the same of an agent: "who runs it" of "operated by the NPO …".
# Past participles written as their verb is: "run by", "set by".
_AS_THE_VERB = frozenset("run set put cut read hit let shut spread cast".split())


def _participle(word: str) -> bool:
    """Whether a word before "by" can be a past participle ("chaired", "led", "written",
    "run"), not a noun ("use by young people")."""
    return word.endswith("ed") or word in _AS_THE_VERB or verb_base(word) != word


_KIN_VERBS = (
    frozenset(stem(w) for w in "run operate manage administer".split()),
    frozenset(stem(w) for w in "organize organise host".split()),
    frozenset(stem(w) for w in "lead head direct".split()),
)
_TITLE_DOT = re.compile(r"\b(Dr|Prof|Mr|Mrs|Ms|St)\.(?=\s+[A-Z])")
_CO_AGENT = re.compile(
    r"\b(co-[a-z]+)\b,?(?:\s+[^\s,.;]+){0,6}?\s+with\s+((?:the\s+)?[A-Z][^,.;()\[\]]{2,80}?)"
    r"(?=\s*(?:[,.;()\[\"“]|$)|\s+(?:in|on|during|to|for|the|an?)\s)",
    re.I,
)


_NAME_WORDS = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
_PERSON = r"(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
# A rank before a title: "Associate Professor Mariko Shinoda"
_RANK = r"(?:(?:Associate|Assistant|Visiting|Emeritus|Adjunct|Honorary|Senior)\s+)?"
# What a person is, set off by commas after the name: ", attorney at law,".
_APPOSITIVE = r",\s+[^,;.()]{1,80}?,"
# Offices written before a name as its title: "Deputy Director-General Naoki Ishizuka".
_OFFICE = (
    r"(?:(?:Deputy|Vice|Senior|Chief|Assistant|State|Parliamentary)\s+)?(?:Director-General|Director|Ambassador|"
    r"Governor|Minister|Mayor|Commissioner|Superintendent|Secretary-General|President|Judge)"
)
# "State Minister for Foreign Affairs Naoki Hirasaka gave the opening address": the verb
# is any the question asks ("who gave …"), irregular pasts included (lemmas.py).
_PERSON_DID = re.compile(
    rf"({_RANK}(?:Dr|Prof|Professor|Mr|Ms|Mrs|{_OFFICE}(?:\s+(?:for|of)(?=\s+[A-Z]))?)"
    rf"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,4}})"
    rf"(?:\s+(?:of|from)\s+[^,;.()]{{1,60}}?|{_APPOSITIVE})?\s+([a-z]+)\b"
)


# Someone brought in to do a thing: "Invited Professor Haruka Ishizuka of Minamisawa
# University, a specialist in …, to lecture on …".
_INVITED = re.compile(
    rf"\b(?:[Ii]nvited|[Aa]sked|[Cc]ommissioned|[Ee]ngaged)\s+({_PERSON})"
    rf"(?:\s+(?:of|from)\s+[^,;.()]{{1,60}}?)?(?:{_APPOSITIVE})?,?\s+to\s+([a-z]+)\b"
)


def invited(text: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    """The person ``text`` says was brought in to do one of ``verbs`` (stems), and the
    verb: "who gave the lecture" of "Invited Professor Haruka Ishizuka …, to lecture on
    …" → ("lecture", "Professor Haruka Ishizuka")."""
    for m in _INVITED.finditer(_TITLE_DOT.sub(r"\1", text)):
        if stem(m.group(2)) in verbs:
            return m.group(2), m.group(1)
    return None


# A talk and who gave it: "featured a talk on sextortion scams by the YouTuber "Mocchi"".
_TALK_BY = re.compile(
    r"\b(talk|lecture|speech|presentation|keynote|address)\s+(?:(?:on|about)\s+[^,.;()\[\]]{1,60}?\s+)?"
    r"by\s+((?:the\s+|a\s+|an\s+)?[^,.;()\[\]]{2,80}?)(?=\s*(?:[,.;()\[]|$)|\s+(?:in|on|at|during)\s)",
    re.I,
)


def talk_by(text: str, verbs: frozenset[str]) -> tuple[str, str] | None:
    """A talk the question asks about (``verbs``: its stems) and who gave it: "who gave
    the talk" of "featured a talk on scams by the YouTuber "Mocchi"" → ("talk", "the
    YouTuber "Mocchi"")."""
    for m in _TALK_BY.finditer(_TITLE_DOT.sub(r"\1", text)):
        if stem(m.group(1).lower()) in verbs:
            return m.group(1).lower(), m.group(2).strip()
    return None


# What a person is, written before the name: "the table tennis player Haruka Imamoto".
_DESCRIBED = (
    r"\b(?:the|a|an)\s+((?:[a-z'’-]+\s+){0,3}(?:player|athlete|actor|actress|singer|comedian|"
    r"artist|author|youtuber|influencer|idol|model|swimmer|skater|gymnast))\s+"
)


def described(text: str, name: str) -> str | None:
    """What ``text`` calls the person ``name`` just before naming them: "with the table
    tennis player Haruka Imamoto" → "the table tennis player"."""
    m = re.search(_DESCRIBED + re.escape(name), text, re.I)
    return f"the {m.group(1)}" if m else None


def holder_of(text: str, role: str) -> str | None:
    """The person ``text`` names in a part: "featuring the voice actor Sora Kitamine" →
    "Sora Kitamine" for "voice actor"; "the speakers" also reads "speaker A and B"."""
    head = re.escape(role.split()[-1].rstrip("s"))
    m = (
        re.search(
            # "the singer-songwriter Mio Tachibana" is a singer too; "the ambassador of the
            # campaign was the table tennis player Sora Ikenaga"
            rf"(?i:\b{head}s?)(?:-[a-z]+)?(?:\s+of\s+the\s+[a-z]+)?(?:,|\s+(?i:was|were|is))?\s+"
            rf"(?:(?:the|a|an)\s+(?:[a-z-]+\s+){{1,3}}?)?({_PERSON}(?:(?:,\s+|\s+and\s+){_PERSON})*)",
            text,
        )
        or re.search(
            # "Professor Haruka Minegishi of Tohoku University gave the keynote lecture",
            # "Dr. Naoko Ishibashi served as lecturer"
            rf"({_PERSON})[\"”]?(?:,?\s+(?:of|from)\s+[^,;.()]{{1,60}}?|{_APPOSITIVE})?,?\s+(?i:gave|delivered|"
            rf"served\s+as|acted\s+as|was|as)\s+(?i:the\s+|an?\s+)?(?:[a-z-]+\s+){{0,2}}?(?i:{head})",
            text,
        )
        or re.search(
            # "the keynote speech was given by Professor …", "a keynote by Dr. Nora Lindqvist"
            rf"(?i:\b{head}s?)(?:\s+[a-z]+){{0,2}}?\s+(?:(?:was|were)\s+)?(?:given\s+|"
            rf"delivered\s+|presented\s+)?by\s+(?:[a-z'’-]+\s+){{0,5}}({_PERSON})",
            text,
        )
    )
    if m is None:
        # "Appointed manga artist Ms. Sayaka Odagiri as "Youth Online Safety Ambassador""
        m = re.search(
            rf"\b(?i:appointed|named|selected|chose|designated|commissioned)\s+(?:[a-z-]+\s+){{0,3}}"
            rf"({_PERSON})\s+as\s+(?:the\s+|an?\s+|its\s+)?[\"“]?(?:[\w'’-]+\s+){{0,4}}"
            rf"(?i:{head})",
            _TITLE_DOT.sub(r"\1", text),
        )
    if m is None:
        # 'with the idol group "Hoshizora 7" as its ambassadors'
        m = re.search(
            rf"\bwith\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}}(?:[\"“]([^\"”]{{2,60}})[\"”]|({_PERSON}))"
            rf"\s+as\s+(?:(?:its|their|the)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?i:{head})",
            text,
        )
        if m is not None:
            return m.group(1) or m.group(2)
    if m is None:  # "featuring the comedy duo Natsume and Kori": who appeared in it
        seen = featured(text, head)
        if seen is not None:
            return seen
    if m is None and head == "winner":
        # "the team from Tottori Prefectural Hinode High School won the Minister's Award";
        # "the grand prize went to a team from Hakata Institute of Technology"
        m = (
            re.search(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s+won\b", text)
            # "it was won by a team from Kumamoto Prefectural College of Technology"
            or re.search(
                r"\bwon\s+by\s+((?:the\s+|an?\s+)?[^,.;()\[\]]{2,80}?)(?=\s*(?:[,.;()\[]|$))", text
            )
        ) or re.search(
            r"\b(?:prize|award|first\s+place)\s+(?:was\s+)?(?:went|given|awarded)\s+to\s+"
            r"((?:the\s+|an?\s+)?[^,.;()\[\]]{2,80}?)(?=\s*(?:[,.;()\[]|$)|\s+(?:for|in|at)\s)",
            text,
        )
    if m is None and head in _TALKERS:
        # a lecturer, speaker or instructor is who gave the talk: "workshops … given by
        # child psychologist Dr. Sayaka Imamura"
        m = re.search(
            rf"\b(?:given|delivered|led|taught|presented)\s+by\s+(?:[a-z]+\s+){{0,2}}({_PERSON})",
            text,
        )
    if m is None and head in SCHOLARS:
        # "which academic": the one person the effort names as a professor or doctor
        scholars = set(re.findall(rf"({_RANK}(?:Professor|Prof\.|Dr\.)\s+{_NAME_WORDS})", text))
        return scholars.pop() if len(scholars) == 1 else None
    if m is None and head in _TALKERS:  # "Invited Dr. Aoki … to lecture on …"
        brought = invited(text, _TALKS)
        return brought[1] if brought else None
    return m.group(1) if m else None


# Parts whose holder is whoever gave the talk, named or not, and the verbs of talks.
_TALKERS = frozenset("lecturer speaker keynote instructor presenter".split())
_TALKS = frozenset(stem(w) for w in "lecture speak talk present teach instruct give".split())


# Who an effort's campaign or video shows: "featuring the idol group Hoshizora Nine",
# "starring the baseball pitcher Haruto Okabe".
_SHOWN = r"([\"“][^\"”]{2,60}[\"”]|[A-Z][\w'’-]+(?:\s+(?:(?:to|no|and|&)\s+)?[A-Z][\w'’-]+)*)"
_FEATURING = re.compile(
    r"\b(?:featuring|starring|featured|starred)\s+(?:the\s+|an?\s+)?((?:[a-z'’-]+\s+){0,3})"
    rf"{_SHOWN}"
    # "with the actress Sayaka Minazuki as campaign ambassador"
    rf"|\bwith\s+(?:the\s+|an?\s+)?((?:[a-z'’-]+\s+){{1,3}}){_SHOWN}\s+as\b"
)
# People asked for by what they are in public, whoever the effort says they are.
_PERFORMERS = frozenset(
    "athlete celebrity star performer talent personality entertainer guest face".split()
)


def featured(text: str, noun: str) -> str | None:
    """The one name ``text`` says it featured as a ``noun``: "which comedians" of
    "featuring the comedy duo Natsume and Kori" → "Natsume and Kori"; "which athlete"
    takes any one featured person."""
    head = noun.lower().split()[-1].rstrip("s")
    found = []
    for m in _FEATURING.finditer(text):
        words, name = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        if head in _PERFORMERS or head[:5] in [w[:5] for w in words.split()]:
            found.append(name.strip('"“”'))
    return found[0] if len(found) == 1 else None
