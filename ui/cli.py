"""The ``planqa`` command line: the arguments it takes, and the one place errors are printed.

    planqa parse  [PATH] [--json]
    planqa index  [--corpus PATH] [--index-dir DIR] [--rebuild] [--yes] [--threads N]
    planqa search QUERY [-k N] [--ministry M ...] [--year Y ...] [--json] [--yes]
    planqa ask    [QUESTION] [--json] [--yes]    (no QUESTION on a terminal: a chat session)
    planqa eval   [--questions FILE] [--json]
    planqa compare YEAR YEAR [--ministry M ...] [--json]   (e.g. FY2019 FY2020)
    planqa serve  [--host H] [--port P] [--auth-file PATH] [--allow-open] [--yes]
                  (password: $PLANQA_AUTH or --auth-file, both holding USER:PASS)

Every command that reads the plan takes ``--corpus``, ``--index-dir`` and ``--threads`` (ONNX
Runtime threads per question; default ``$PLANQA_THREADS`` or 1); a corpus over
``corpus.loader.MAX_CORPUS_BYTES`` needs ``--yes`` as well. Errors print
``Error: message`` and exit with status 1; no traceback reaches the user. What each command
does (one library call, its result printed) is in ``ui.commands``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from corpus.errors import PlanqaError
from ui.commands import COMMANDS

__all__ = ["main"]


def _threads(text: str) -> int:
    if not text.strip().isdecimal() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of threads; use 1 to 64")
    return int(text)


def _add_corpus_options(parser: argparse.ArgumentParser, *, yes: bool = True) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a plan report .txt or a folder of them (default: bundled FY2019)",
    )
    parser.add_argument(
        "--index-dir",
        type=Path,
        default=None,
        help="where indexes live (default: $PLANQA_INDEX_DIR or the user cache)",
    )
    parser.add_argument(
        "--threads",
        type=_threads,
        default=None,
        help="ONNX Runtime threads per question (default: $PLANQA_THREADS or 1)",
    )
    if yes:
        parser.add_argument(
            "--yes", action="store_true", help="go on with a corpus over planqa's size limit"
        )


def _fiscal_year(text: str) -> int:
    digits = text.strip().upper().removeprefix("FY").strip()
    if not (digits.isdecimal() and len(digits) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a fiscal year; write FY2019 or 2019")
    return int(digits)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planqa",
        description="Questions and answers over Japan's efforts reports on the Basic Plan on "
        "Measures against Child Sexual Exploitation, every answer cited.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print the structured plan")
    p.add_argument("path", nargs="?", type=Path, default=None)
    p.add_argument("--corpus", type=Path, default=None, help="same as PATH")
    p.add_argument("--index-dir", type=Path, default=None, help="accepted for symmetry; unused")
    p.add_argument("--json", action="store_true", help="the full model as JSON")

    p = sub.add_parser("index", help="build (or check) the index for a corpus")
    _add_corpus_options(p)
    p.add_argument("--rebuild", action="store_true", help="rebuild even if the index is current")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = sub.add_parser("search", help="retrieve matching measures and efforts")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5, help="number of measures (default 5)")
    p.add_argument(
        "--ministry", action="append", default=[], help="filter by ministry (repeatable)"
    )
    p.add_argument("--year", action="append", type=int, default=[], help="filter by fiscal year")
    p.add_argument("--json", action="store_true")
    _add_corpus_options(p)

    p = sub.add_parser("ask", help="ask a question (no question: interactive chat)")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    _add_corpus_options(p)

    p = sub.add_parser("compare", help="what continued, is new or stopped between two years")
    p.add_argument("before", type=_fiscal_year, help="a loaded fiscal year, e.g. FY2019")
    p.add_argument("after", type=_fiscal_year, help="another loaded fiscal year, e.g. FY2020")
    p.add_argument("--ministry", action="append", default=[], help="only efforts of M (repeatable)")
    p.add_argument("--json", action="store_true", help="the comparison as JSON")
    _add_corpus_options(p)

    p = sub.add_parser("eval", help="score the assistant on a question set")
    p.add_argument(
        "--questions",
        type=Path,
        default=None,
        help="a question file (default: the dev and held-out sets shipped with planqa)",
    )
    p.add_argument(
        "--split",
        choices=["dev", "heldout", "heldout2", "heldout3", "compare"],
        default=None,
        help="one set only",
    )
    p.add_argument(
        "--no-stability", action="store_true", help="skip asking every question in variants"
    )
    p.add_argument("--json", action="store_true")
    _add_corpus_options(p, yes=False)

    p = sub.add_parser("serve", help="start the web page on http://127.0.0.1:7860")
    p.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1: this machine only")
    p.add_argument("--port", default="7860", help="default 7860")  # checked by ui.commands
    p.add_argument("--auth-file", type=Path, help="a file holding USER:PASS (or PLANQA_AUTH)")
    p.add_argument("--auth", help="USER:PASS, visible in `ps`: prefer the two above")
    p.add_argument(
        "--allow-open",
        action="store_true",
        help="serve an open --host without a password, on purpose",
    )
    _add_corpus_options(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``planqa`` command line; returns the exit status."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except PlanqaError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `planqa ask ... | head`: the reader left; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
