"""The field's everyday words for the reports' terms (``data/synonyms.json``).

"social media" for "SNS", "refuges" for "shelters": retrieval adds the reports' term to
what it searches, and a count asked in the everyday word is a count of the term.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["SYNONYMS_FILE", "synonyms"]

SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.json"


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Everyday phrase → the reports' term (``data/synonyms.json``)."""
    raw: dict[str, str] = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    return {k.lower(): v for k, v in raw.items() if not k.startswith("_")}
