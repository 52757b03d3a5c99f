"""Understand a question, retrieve from the plan, and answer with numbered citations.

Example:
    >>> from assistant import Assistant
    >>> bot = Assistant.load()  # doctest: +SKIP
    >>> print(bot.ask("What does METI stand for?").text)  # doctest: +SKIP
    METI stands for the Ministry of Economy, Trade and Industry.
"""

from assistant.bot import MAX_QUESTION_CHARS, Assistant
from assistant.compare_models import YearComparison
from assistant.models import Answer, AppliedFilters, Citation, Context, QuestionError
from assistant.when import month_name

__all__ = [
    "MAX_QUESTION_CHARS",
    "Answer",
    "AppliedFilters",
    "Assistant",
    "Citation",
    "Context",
    "QuestionError",
    "YearComparison",
    "month_name",
]
