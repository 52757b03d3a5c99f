"""Index errors (see ``corpus.errors`` for the whole tree)."""

from __future__ import annotations

from corpus.errors import PlanqaError


class IndexError_(PlanqaError):  # noqa: N801 - trailing underscore: builtins has IndexError
    """An index folder that cannot be built or loaded; the message says which file and why."""


class StaleIndex(IndexError_):
    """An index on disk that does not match the corpus, model or versions; rebuild it."""
