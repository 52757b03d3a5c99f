"""Robustness: a 100,000-character question, a build killed midway, the network blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from typing import Any

from benchmarks.common import REPO, offline_env, timed
from benchmarks.context import Context, run_timed
from benchmarks.speed import COLD_QUESTION

# -- 6. robustness -------------------------------------------------------------------------

BLOCK_SCRIPT = """
import socket, sys
def _deny(*args, **kwargs):
    sys.stderr.write("BLOCKED-NETWORK %r\\n" % (args[1:2],))
    raise OSError(101, "Network is unreachable (blocked by the benchmark)")
socket.socket.connect = _deny
socket.socket.connect_ex = _deny
socket.create_connection = _deny
socket.getaddrinfo = _deny
sys.argv = ["planqa", *sys.argv[1:]]
from ui.cli import main
raise SystemExit(main())
"""


def _long_question(ctx: Context, bot: Any) -> list[dict[str, Any]]:
    sentence = "What did MEXT do to promote safe internet use by young people? "
    cases = {
        "repeated sentence": (sentence * (100_000 // len(sentence) + 1))[:100_000],
        "one 100,000-letter word": "a" * 100_000,
    }
    rows = []
    for name, text in cases.items():
        seconds, answer = timed(lambda text=text: bot.ask(text))
        rows.append(
            {
                "input": name,
                "chars": len(text),
                "seconds": round(seconds, 3),
                "notice": answer.notice,
                "kind": answer.kind,
                "citations": len(answer.citations),
                "ok": seconds < 1.0 and bool(answer.notice) and "100,000" in (answer.notice or ""),
            }
        )
    return rows


def _kill_build(ctx: Context) -> list[dict[str, Any]]:
    from assistant import Assistant
    from corpus import load_corpus
    from corpus.synth import write_corpus
    from index import index_folder, open_index
    from index.store import read_manifest

    emb = ctx.emb()
    corpus_dir = ctx.root / "kill-corpus"
    root = ctx.root / "kill-index"
    write_corpus(corpus_dir, efforts=300, seed=7)
    corpus = load_corpus(corpus_dir)
    t_good, _ = timed(lambda: open_index(corpus, emb, root=root))
    created = read_manifest(index_folder(corpus, root)).created
    rows = []
    for pause_at, delay in (("embed", 2.0), ("save", 0.5)):
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.workers",
            "rebuild",
            "--corpus",
            str(corpus_dir),
            "--root",
            str(root),
            "--pause-at",
            pause_at,
        ]
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=offline_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        marker = threading.Event()

        def watch(proc: subprocess.Popen[str] = proc, marker: threading.Event = marker) -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip() in ("EMBEDDING", "SAVING"):
                    marker.set()

        threading.Thread(target=watch, daemon=True).start()
        seen = marker.wait(180)
        time.sleep(delay)
        finished_first = proc.poll() is not None
        os.kill(proc.pid, signal.SIGKILL)
        rc = proc.wait(30)
        leftovers = sorted(
            p.name for p in root.iterdir() if p.name != index_folder(corpus, root).name
        )
        t_load, (idx, built) = timed(lambda: open_index(corpus, emb, root=root))
        answer = Assistant(corpus, idx).ask("What did MEXT do?")
        rows.append(
            {
                "killed_while": pause_at,
                "marker_seen": seen,
                "kill_after_marker_s": delay,
                "finished_before_kill": finished_first,
                "exit_status": rc,
                "leftover_entries": leftovers,
                "loaded_without_rebuild": not built,
                "good_index_untouched": read_manifest(index_folder(corpus, root)).created
                == created,
                "load_ms": round(t_load * 1000, 1),
                "citations": len(answer.citations),
                "ok": seen
                and not finished_first
                and rc == -signal.SIGKILL
                and not built
                and len(answer.citations) > 0,
            }
        )
    efforts = sum(p.effort_count for p in corpus.plans)
    open_index(corpus, emb, root=root, rebuild=True)
    after = sorted(p.name for p in root.iterdir() if p.name != index_folder(corpus, root).name)
    summary = {
        "good_build_s": round(t_good, 1),
        "efforts": efforts,
        "left_behind_after_a_later_rebuild": after,
    }
    return [summary, *rows]


def _blocked(ctx: Context) -> list[dict[str, Any]]:
    from corpus import load_corpus
    from index import open_index

    built_root = ctx.root / "net-built"
    open_index(load_corpus(), ctx.emb(), root=built_root)
    env = offline_env()
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        env.pop(var, None)
    rows = []
    for name, root in (
        ("index already built", built_root),
        ("empty index folder (builds first)", ctx.root / "net-empty"),
    ):
        r = run_timed(
            [sys.executable, "-c", BLOCK_SCRIPT, "ask", COLD_QUESTION, "--index-dir", str(root)],
            env=env,
        )
        attempts = r["stderr"].count("BLOCKED-NETWORK")
        rows.append(
            {
                "case": name,
                "rc": r["rc"],
                "wall_s": round(r["wall_s"], 2),
                "blocked_connection_attempts": attempts,
                "answered": r["rc"] == 0 and "fy2019-2.1.1" in r["stdout"],
                "stderr_tail": r["stderr"][-400:] if r["rc"] != 0 else "",
            }
        )
    return rows


def section_robustness(ctx: Context) -> dict[str, Any]:
    from assistant import Assistant

    bot = Assistant.load(index_dir=ctx.root / "robust", embedder=ctx.emb())
    out: dict[str, Any] = {}
    for name, fn in (
        ("long_question", lambda: _long_question(ctx, bot)),
        ("kill_build", lambda: _kill_build(ctx)),
        ("network_blocked", lambda: _blocked(ctx)),
    ):
        try:
            out[name] = fn()
        except Exception as exc:  # noqa: BLE001 - report it, keep going
            out[name] = {
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc()[-3000:],
            }
    return out
