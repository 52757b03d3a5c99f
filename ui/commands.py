"""What each ``planqa`` command does: one library call, its result printed.

``ui.cli`` parses the arguments and calls ``COMMANDS[name](args)``; a command returns the exit
status and raises ``PlanqaError`` for anything the user can fix, which ``ui.cli.main`` prints
as ``Error: message``. Heavy imports (the model, the index, Gradio) happen inside the command
that needs them, so ``planqa --help`` and a refused ``serve`` stay quick.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from corpus.errors import PlanqaError

if TYPE_CHECKING:
    from assistant import Answer, Assistant
    from index import MiniLMEmbedder

__all__ = ["COMMANDS"]


def _large_corpus(args: argparse.Namespace) -> bool:
    """Whether the corpus is over the size limit; refused then unless --yes was given."""
    from corpus.loader import check_corpus_size

    return check_corpus_size(args.corpus, confirmed=args.yes)


def _embedder(args: argparse.Namespace) -> MiniLMEmbedder:
    """The packaged model; questions go through its ONNX export when the index holds one."""
    from index import MiniLMEmbedder

    if args.threads is None:
        return MiniLMEmbedder()  # $PLANQA_THREADS, else 1
    return MiniLMEmbedder(threads=args.threads)


def _load(args: argparse.Namespace, *, progress: bool = True) -> Assistant:
    from assistant import Assistant

    # A large corpus, read with --yes, shows its progress on any stderr.
    shown = _large_corpus(args) or (progress and sys.stderr.isatty())
    return Assistant.load(args.corpus, args.index_dir, embedder=_embedder(args), progress=shown)


def _print_answer(answer: Answer, *, as_json: bool) -> None:
    if as_json:
        print(answer.model_dump_json(indent=2))
        return
    print(answer.text)
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            print(f"  {c.markdown()}")


def cmd_parse(args: argparse.Namespace) -> int:
    from corpus import load_corpus

    corpus = load_corpus(args.path or args.corpus)
    if args.json:
        print(corpus.model_dump_json(indent=2))
        return 0
    for plan in corpus.plans:
        print(
            f"{plan.title}\n  FY{plan.fiscal_year} · {plan.source} · "
            f"{len(plan.sections)} sections, "
            f"{plan.measure_count} measures, {plan.effort_count} efforts, "
            f"{len(plan.glossary)} glossary entries"
        )
        for section in plan.sections:
            print(f"\n{section.number}. {section.title}")
            for measure in section.measures:
                print(f"  ○ {measure.title}")
                for effort in measure.efforts:
                    dates = f" ({', '.join(effort.dates)})" if effort.dates else ""
                    print(
                        f"    - [{effort.id}] {effort.text} [{', '.join(effort.ministries)}]{dates}"
                    )
                for note in measure.notes:
                    print(f"    note: {note}")
        if plan.glossary:
            print("\nGlossary: " + "; ".join(f"{a} = {n}" for a, n in plan.glossary.items()))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from corpus import load_corpus
    from index import index_folder, open_index

    large = _large_corpus(args)
    corpus = load_corpus(args.corpus, progress=large)
    started = time.perf_counter()
    idx, built = open_index(
        corpus,
        _embedder(args),
        root=args.index_dir,
        rebuild=args.rebuild,
        progress=large or sys.stderr.isatty(),
    )
    took = time.perf_counter() - started
    if args.json:
        result = {
            "built": built,
            "folder": str(index_folder(corpus, args.index_dir)),
            "fiscal_years": list(corpus.fiscal_years),
            "efforts": len(idx.efforts),
            "documents": len(idx.chunks),
            "seconds": round(took, 2),
        }
        print(json.dumps(result, indent=2))
        return 0
    what = "built" if built else "index is current, loaded"
    print(
        f"{what}: {len(idx.efforts)} efforts in {len(idx.chunks)} documents "
        f"({', '.join(f'FY{y}' for y in corpus.fiscal_years)}) in {took:.1f}s\n"
        f"  {index_folder(corpus, args.index_dir)}"
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    bot = _load(args)
    hits = bot.search(
        args.query, args.k, ministries=args.ministry or None, fiscal_years=args.year or None
    )
    if args.json:
        print(json.dumps([h.model_dump(mode="json") for h in hits], indent=2, ensure_ascii=False))
        return 0
    if not hits:
        print("No matching efforts.")
    for n, hit in enumerate(hits, start=1):
        print(
            f"{n}. FY{hit.fiscal_year} §{hit.section} {hit.section_title} › {hit.measure_title}"
            f"  (score {hit.score:.3f})"
        )
        for effort in hit.efforts:
            print(f"   - [{effort.id}] {effort.text} [{', '.join(effort.ministries)}]")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    if args.question is None and not sys.stdin.isatty():
        raise PlanqaError('no question given; run `planqa ask "What did MEXT do in 2019?"`')
    bot = _load(args)
    if args.question is not None:
        answer = bot.ask(args.question)
        _print_answer(answer, as_json=args.json)
        return 2 if answer.kind == "invalid" else 0  # `ask ""` is a usage error
    print("planqa: ask about the plan's efforts (empty line or Ctrl-D to quit).")
    context = None
    while True:
        try:
            question = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question:
            return 0
        try:
            answer = bot.ask(question, context=context)
        except PlanqaError as exc:
            print(f"Error: {exc}")
            continue
        _print_answer(answer, as_json=args.json)
        context = answer.context


def cmd_compare(args: argparse.Namespace) -> int:
    from ui.compare_view import comparison_table

    bot = _load(args)
    comparison = bot.compare(args.before, args.after, ministries=args.ministry or None)
    if args.json:
        print(comparison.model_dump_json(indent=2))
    else:
        print(comparison_table(comparison))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant import Assistant
    from assistant.evaluate import (
        SHOWN_SPLITS,
        corpus_paths,
        default_questions,
        evaluate,
        load_questions,
    )

    questions = load_questions(args.questions) if args.questions else default_questions()
    if args.split:
        questions = [q for q in questions if q.split == args.split]
    bots: dict[str, Assistant] = {}
    embedder = _embedder(args)

    def bot_for(name: str) -> Assistant:
        if name not in bots:
            bots[name] = Assistant.load(
                corpus_paths(name, args.corpus), args.index_dir, embedder=embedder
            )
        return bots[name]

    report = evaluate(questions, bot_for, with_stability=not args.no_stability)
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    print(report.table())
    # Held-out failures are counted in the table, never listed: the sets stay unseen.
    failed = [o for o in report.outcomes if not o.passed and o.question.split in SHOWN_SPLITS]
    hidden = sum(not o.passed for o in report.outcomes) - len(failed)
    if hidden:
        print(
            f"\n{hidden} held-out questions failed; they are not listed, so the held-out "
            "sets stay unseen by whoever tunes planqa."
        )
    if failed:
        print("\nFailed:")
        for o in failed:
            why = [f"expected {o.question.expected}, cited {o.cited}"]
            if o.abstained != o.question.abstain:
                why.append("abstained" if o.abstained else "did not abstain")
            if o.missing_text:
                why.append(f"does not state {o.missing_text}")
            if o.unsupported:
                why.append(f"states {o.unsupported}, which no cited effort holds")
            head = f"  {o.question.id} [{o.question.kind}] {o.question.question!r}: "
            print(head + "; ".join(why))
    dev = {o.question.id for o in report.outcomes if o.question.split == "dev"}
    for s in report.stability:
        for change in s.changed:
            if change.split(":", 1)[0] in dev:
                print(f"  unstable ({s.kind}) {change}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.limits import check_exposure

    # Everything that can be refused is refused before Gradio and the model load (seconds).
    auth = _credentials(args)
    check_exposure(args.host, has_auth=auth is not None, allow_open=args.allow_open)
    port = _check_port(args.host, args.port)
    _large_corpus(args)

    from index import default_index_root
    from ui.web import serve

    bot = _load(args)
    serve(
        bot,
        host=args.host,
        port=port,
        auth=auth,
        allow_open=args.allow_open,
        index_root=args.index_dir or default_index_root(),
    )
    return 0


def _credentials(args: argparse.Namespace) -> tuple[str, str] | None:
    """USER:PASS from --auth-file, --auth or $PLANQA_AUTH (first given); None if none is."""
    if args.auth_file is not None and args.auth is not None:
        raise PlanqaError("give --auth-file or --auth, not both")
    if args.auth_file is not None:
        source = f"--auth-file {args.auth_file}"
        try:
            text = args.auth_file.read_text(encoding="utf-8").strip()
            private = args.auth_file.stat().st_mode & 0o077 == 0
        except (OSError, UnicodeDecodeError) as exc:
            why = getattr(exc, "strerror", None) or exc
            raise PlanqaError(
                f"cannot read {source} ({why}); write USER:PASS in it, one line"
            ) from None
        if not private:
            print(
                f"warning: {args.auth_file} can be read by other users; "
                f"run chmod 600 {args.auth_file}",
                file=sys.stderr,
            )
    elif args.auth is not None:
        print(
            "warning: --auth USER:PASS is visible to every user of this machine in `ps`; "
            "set PLANQA_AUTH or use --auth-file PATH instead",
            file=sys.stderr,
        )
        source, text = "--auth", args.auth
    else:
        source, text = "PLANQA_AUTH", os.environ.get("PLANQA_AUTH", "")
        if not text:
            return None
    user, sep, password = text.partition(":")
    if not sep or not user.strip() or not password or "\n" in text:
        raise PlanqaError(
            f"{source} must hold USER:PASS (a user name, a colon, a password), one line"
        )
    return user.strip(), password


def _check_port(host: str, text: str) -> int:
    """The port to serve on; one that is no port or is in use is refused, saying what to do."""
    import socket

    if not text.strip().isdecimal() or not 1 <= int(text) <= 65535:
        raise PlanqaError(f"--port {text} is not a port; use a number from 1 to 65535 (e.g. 7860)")
    port = int(text)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise PlanqaError(
                f"cannot serve on {host}:{port} ({exc.strerror or exc}); stop what uses it "
                "or choose another --port"
            ) from None
    return port


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "parse": cmd_parse,
    "index": cmd_index,
    "search": cmd_search,
    "ask": cmd_ask,
    "compare": cmd_compare,
    "eval": cmd_eval,
    "serve": cmd_serve,
}
