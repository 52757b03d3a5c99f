"""The errors planqa raises, one small tree shared by every layer.

    PlanqaError            anything planqa itself refuses, with a message saying what to do next
    ├── CorpusError        a plan report that cannot be read or parsed (names the file and line)
    ├── IndexError_        an index folder that cannot be built or loaded (defined in ``index``)
    └── QuestionError      a question or search request that cannot be answered as asked
                           (defined in ``assistant``)

Library code raises these; only the edges (CLI, UI) turn them into messages.
"""

from __future__ import annotations


class PlanqaError(Exception):
    """Base of every error planqa raises on purpose; its message is meant for a person."""


class CorpusError(PlanqaError):
    """A plan report or corpus folder that cannot be read or parsed.

    Example:
        >>> raise CorpusError("notes.txt is empty; point planqa at a plan report")
        Traceback (most recent call last):
        corpus.errors.CorpusError: notes.txt is empty; point planqa at a plan report
    """
