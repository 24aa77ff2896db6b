#!/usr/bin/env python3
"""claimdb's mention extraction against two peer libraries: dateparser and quantulum3.

    python3 benches/peers.py                                   # claimdb at target/release/claimdb, 2 MB
    python3 benches/peers.py --claimdb target/release/claimdb --mb 2
    python3 benches/peers.py --no-claimdb                      # the peers alone

What it times, all on the same news text (examples/sample/article.txt followed by every
shared/corpus/*.txt, paragraph = one non-empty line):

  * dateparser: dateparser.search.search_dates(paragraph, languages=['en']) for every paragraph
    (RELATIVE_BASE 2025-01-07, the date claimdb is given);
  * quantulum3: quantulum3.parser.parse(paragraph) for every paragraph;
  * claimdb:    claimdb annotate FILE --published 2025-01-07 --format ndjson > /dev/null, best of 5,
                on the text repeated to at least --mb megabytes;
  * claimdb:    claimdb --db TMP ingest examples/sample/article.txt --published 2025-01-06 into a
                fresh database each time, best of 5 (end to end: process start to exit).

The peers are far slower, so they get a smaller slice (the text repeated to at least --peer-kb
kilobytes) and report throughput on what they got. Their calls are warmed up on an unrelated
sentence first, so import and data loading are not counted; best of --peer-runs. Everything is
pinned to one core with `taskset -c 0` where taskset exists. MB = 10^6 bytes of UTF-8.

The peers live in a virtualenv at target/peers-venv, made once and reused; a peer that pip cannot
install is reported as such and the rest still runs. Exit status: 0 all measured, 1 a measurement
failed (a peer could not be installed or claimdb failed), 2 the claimdb binary is missing.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARTICLE = ROOT / "examples" / "sample" / "article.txt"
VENV = ROOT / "target" / "peers-venv"
PUBLISHED = "2025-01-07"
PEERS = {
    # name: (pip package, what is timed)
    "dateparser": ("dateparser", "search.search_dates per paragraph"),
    "quantulum3": ("quantulum3", "parser.parse per paragraph"),
}


# --- the worker: runs inside the venv's python, imports one peer, times it ---------------------


def worker(peer, path, runs):
    import datetime
    import warnings

    warnings.filterwarnings("ignore")
    text = Path(path).read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if peer == "dateparser":
        from dateparser.search import search_dates

        settings = {"RELATIVE_BASE": datetime.datetime.fromisoformat(PUBLISHED)}

        def one(p):
            return len(search_dates(p, languages=["en"], settings=settings) or [])

    elif peer == "quantulum3":
        from quantulum3 import parser

        def one(p):
            return len(parser.parse(p))

    else:
        raise SystemExit(f"unknown peer {peer}")
    one("On Jan. 6, 2025, about 200 people, or 15 percent, were evacuated two days ago.")  # warm-up
    best, found = None, 0
    for _ in range(runs):
        start = time.perf_counter()
        found = sum(one(p) for p in paragraphs)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    from importlib.metadata import version

    print(json.dumps({
        "bytes": len(text.encode("utf-8")),
        "paragraphs": len(paragraphs),
        "seconds": best,
        "found": found,
        "version": version(peer),
    }))


# --- the driver: plain stdlib ------------------------------------------------------------------


def say(msg):
    print(f"peers: {msg}", file=sys.stderr, flush=True)


def pin():
    return ["taskset", "-c", "0"] if shutil.which("taskset") else []


def venv_python():
    """The venv's python with every peer it could install; returns (python or None, {peer: why not})."""
    python = VENV / "bin" / "python"
    missing = {}
    if not python.exists():
        say(f"making a virtualenv at {VENV}")
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], capture_output=True, text=True)
        if made.returncode != 0 or not python.exists():
            why = (made.stderr or made.stdout).strip().splitlines()
            why = why[-1] if why else f"exit {made.returncode}"
            return None, {p: f"could not make the virtualenv: {why}" for p in PEERS}
    for peer, (package, _) in PEERS.items():
        if subprocess.run([str(python), "-c", f"import {peer}"], capture_output=True).returncode == 0:
            continue
        say(f"pip install {package} into {VENV}")
        got = subprocess.run([str(python), "-m", "pip", "install", "-q", package], capture_output=True, text=True)
        if got.returncode != 0 or subprocess.run([str(python), "-c", f"import {peer}"], capture_output=True).returncode != 0:
            lines = [l for l in (got.stderr + got.stdout).strip().splitlines() if l.strip()]
            missing[peer] = f"pip could not install {package}: " + (lines[-1] if lines else f"exit {got.returncode}")
    return python, missing


def corpus_text():
    parts = [ARTICLE] + sorted(CORPUS.glob("*.txt"))
    missing = [str(p) for p in parts if not p.exists()]
    if missing:
        sys.exit(f"peers: missing input: {', '.join(missing)}")
    # Each file ends with exactly one newline, so paragraphs never run into each other.
    return "".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in parts), len(parts)


def repeated(text, at_least):
    size = len(text.encode("utf-8"))
    return text * max(1, -(-at_least // size))


def best_of(cmd, runs, before=None):
    """Best wall time of `runs` runs of cmd (stdout to /dev/null); raises on failure."""
    best = None
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            err = [l for l in done.stderr.decode(errors="replace").splitlines() if l.strip()]
            raise RuntimeError(f"`{' '.join(map(str, cmd))}` exited {done.returncode}: {err[0] if err else ''}")
        best = elapsed if best is None else min(best, elapsed)
    return best


def count_kinds(claimdb, path):
    """How many date and quantity mentions claimdb finds in path (untimed)."""
    out = subprocess.run([claimdb, "annotate", path, "--published", PUBLISHED, "--format", "ndjson"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    kinds = {}
    for line in out.stdout.splitlines():
        if line.strip():
            kind = json.loads(line).get("kind")
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def ingest_time(claimdb, runs):
    """Best end-to-end time of ingesting the sample article into a fresh database."""
    note = ""
    best = None
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="claimdb-peers-") as tmp:
            db = os.path.join(tmp, "claims.db")
            cmd = [claimdb, "--db", db, "ingest", str(ARTICLE), "--published", "2025-01-06"]
            try:
                t = best_of(pin() + cmd, 1)
            except RuntimeError:
                # Perhaps ingest wants an existing database: make one (untimed), then time ingest.
                if subprocess.run([claimdb, "--db", db, "init"], capture_output=True).returncode != 0:
                    raise
                note = " (into a database made by `init` first)"
                t = best_of(pin() + cmd, 1)
        best = t if best is None else min(best, t)
    return best, note


def mbps(nbytes, seconds):
    return nbytes / 1e6 / seconds if seconds > 0 else float("inf")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claimdb", default=str(ROOT / "target" / "release" / "claimdb"), help="the claimdb binary")
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of text for claimdb annotate (default 2)")
    ap.add_argument("--peer-kb", type=int, default=100, help="kilobytes of text for each peer (default 100)")
    ap.add_argument("--peer-runs", type=int, default=3, help="runs per peer, best kept (default 3)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each claimdb command, best kept (default 5)")
    ap.add_argument("--no-claimdb", action="store_true", help="measure the peers only")
    args = ap.parse_args()

    claimdb = None
    if not args.no_claimdb:
        claimdb = shutil.which(args.claimdb) or (args.claimdb if Path(args.claimdb).exists() else None)
        if claimdb is None or not os.access(claimdb, os.X_OK):
            print(f"peers: no claimdb binary at {args.claimdb}; build it first:\n\n    cargo build --release\n",
                  file=sys.stderr)
            return 2
        claimdb = str(Path(claimdb).resolve())

    text, nfiles = corpus_text()
    failed = False
    rows = []  # (tool, what, bytes, seconds, note)
    with tempfile.TemporaryDirectory(prefix="claimdb-peers-") as tmp:
        small = os.path.join(tmp, "peers.txt")
        Path(small).write_text(repeated(text, args.peer_kb * 1000), encoding="utf-8")
        big = os.path.join(tmp, "claimdb.txt")
        Path(big).write_text(repeated(text, int(args.mb * 1e6)), encoding="utf-8")

        python, missing = venv_python()
        versions = {}
        for peer, (_, what) in PEERS.items():
            if peer in missing:
                say(missing[peer])
                rows.append((peer, what, None, None, missing[peer]))
                failed = True
                continue
            say(f"timing {peer} on {os.path.getsize(small):,} bytes")
            got = subprocess.run(pin() + [str(python), str(Path(__file__).resolve()), "--worker", peer, small,
                                          str(args.peer_runs)], capture_output=True, text=True)
            if got.returncode != 0:
                why = got.stderr.strip().splitlines()
                rows.append((peer, what, None, None, f"failed: {why[-1] if why else got.returncode}"))
                failed = True
                continue
            r = json.loads(got.stdout.strip().splitlines()[-1])
            versions[peer] = r["version"]
            rows.append((f"{peer} {r['version']}", what, r["bytes"], r["seconds"],
                         f"{r['found']} found, best of {args.peer_runs}"))

        claimdb_row = None
        if claimdb:
            size = os.path.getsize(big)
            say(f"timing claimdb annotate on {size:,} bytes")
            try:
                secs = best_of(pin() + [claimdb, "annotate", big, "--published", PUBLISHED, "--format", "ndjson"],
                               args.runs)
                kinds = count_kinds(claimdb, small) or {}
                scale = os.path.getsize(small)
                found = f"on the peers' {scale // 1000} KB: {kinds.get('date', 0)} dates, {kinds.get('quantity', 0)} quantities; "
                claimdb_row = ("claimdb annotate", "all mention kinds, whole file", size, secs, found + f"best of {args.runs}")
            except RuntimeError as e:
                claimdb_row = ("claimdb annotate", "all mention kinds, whole file", None, None, f"failed: {e}")
                failed = True
            rows.append(claimdb_row)

    width = max(len(r[0]) for r in rows)
    print()
    print(f"Text: {ARTICLE.relative_to(ROOT)} + {nfiles - 1} files of {CORPUS}, "
          f"{len(text.encode('utf-8')):,} bytes, repeated; published {PUBLISHED}.")
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {'pinned to core 0 with taskset' if pin() else 'not pinned (no taskset)'}.")
    print()
    print(f"{'tool':<{width}}  {'bytes':>11}  {'seconds':>9}  {'MB/s':>9}  notes")
    for tool, what, nbytes, secs, note in rows:
        if nbytes is None:
            print(f"{tool:<{width}}  {'-':>11}  {'-':>9}  {'-':>9}  {note}")
        else:
            print(f"{tool:<{width}}  {nbytes:>11,}  {secs:>9.3f}  {mbps(nbytes, secs):>9.3f}  {what}; {note}")

    if claimdb_row and claimdb_row[2] is not None:
        ours = mbps(claimdb_row[2], claimdb_row[3])
        print()
        for tool, what, nbytes, secs, note in rows:
            if tool.startswith("claimdb") or nbytes is None:
                continue
            print(f"claimdb annotate is {ours / mbps(nbytes, secs):,.0f}x {tool.split()[0]} ({what})")

    if claimdb:
        print()
        try:
            secs, note = ingest_time(claimdb, args.runs)
            print(f"claimdb --db TMP ingest {ARTICLE.relative_to(ROOT)} --published 2025-01-06: "
                  f"{secs * 1000:.1f} ms end to end, best of {args.runs}{note}")
        except RuntimeError as e:
            print(f"claimdb ingest failed: {e}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
