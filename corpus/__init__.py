"""Plan reports as structured data: parse text into Plan → Section → Measure → Effort.

Example:
    >>> from corpus import load_corpus
    >>> plan = load_corpus().plans[0]
    >>> plan.fiscal_year, plan.effort_count
    (2019, 11)
"""

from corpus.errors import CorpusError, PlanqaError
from corpus.loader import BUNDLED_PLAN, load_corpus, read_report
from corpus.models import Corpus, Effort, Measure, Plan, Section
from corpus.parser import find_dates, parse_attribution, parse_plan

__all__ = [
    "BUNDLED_PLAN",
    "Corpus",
    "CorpusError",
    "Effort",
    "Measure",
    "Plan",
    "PlanqaError",
    "Section",
    "find_dates",
    "load_corpus",
    "parse_attribution",
    "parse_plan",
    "read_report",
]
