"""The base form of an English verb, for matching a question's verb with an effort's.

A stemmer leaves irregular forms apart ("wrote", "written", "write"); LemmInflect's
dictionary of English inflections (Jascoba, MIT licence) joins them. It is loaded on the
first use only: most questions never ask who did what.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["only_a_verb", "participle", "past_tense", "plural_noun", "verb_base"]


@lru_cache(maxsize=4096)
def verb_base(word: str) -> str:
    """The lemma of ``word`` read as a verb, lower case; the word itself when the
    dictionary does not know it as one.

    Example:
        >>> verb_base("written"), verb_base("gave"), verb_base("Led"), verb_base("Kodomo")
        ('write', 'give', 'lead', 'kodomo')
    """
    from lemminflect import getLemma  # loads its dictionary: about a third of a second

    lower = word.lower()
    found = getLemma(lower, upos="VERB", lemmatize_oov=False)
    return found[0] if found else lower


@lru_cache(maxsize=1024)
def participle(word: str) -> str:
    """The past participle of the verb ``word`` is a form of ("gave" → "given"), to say
    "it was given by"; the word itself when the dictionary has none.

    Example:
        >>> participle("gave"), participle("delivered"), participle("Kodomo")
        ('given', 'delivered', 'Kodomo')
    """
    from lemminflect import getInflection

    base = verb_base(word)
    found = getInflection(base, tag="VBN") if base != word.lower() or word.islower() else ()
    return found[0] if found else word


@lru_cache(maxsize=4096)
def past_tense(word: str) -> bool:
    """Whether ``word`` may be a verb in the past tense: "set", "made", "trained"; not
    "schools" (a verb's present) nor "children".

    Example:
        >>> past_tense("set"), past_tense("held"), past_tense("schools"), past_tense("Kodomo")
        (True, True, False, False)
    """
    from lemminflect import getInflection

    base = verb_base(word)
    return word.lower() in getInflection(base, tag="VBD") if base else False


@lru_cache(maxsize=4096)
def only_a_verb(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a verb and as nothing else: "requires",
    "sent", not "plans" or "phone" (nouns too), nor a word it does not know.

    Example:
        >>> only_a_verb("requires"), only_a_verb("phone"), only_a_verb("Kodomo")
        (True, False, False)
    """
    from lemminflect import getAllLemmas

    readings = set(getAllLemmas(word.lower()))
    return bool(readings) and readings <= {"VERB", "AUX"}


@lru_cache(maxsize=1024)
def plural_noun(word: str) -> bool:
    """Whether the dictionary knows ``word`` as the plural of a noun: "workers",
    "subsidies", not "bullying", "police" or a word it does not know.

    Example:
        >>> plural_noun("workers"), plural_noun("subsidies"), plural_noun("bullying")
        (True, True, False)
    """
    from lemminflect import getAllLemmas

    nouns = getAllLemmas(word.lower()).get("NOUN", ())
    return any(lemma != word.lower() for lemma in nouns)
