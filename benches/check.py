#!/usr/bin/env python3
"""How fast `claimdb check` judges statements: README, "Checking a statement" (how fast).

    python3 benches/check.py                    # batch on the sample, and latency at 1,000,000 claims
    python3 benches/check.py --claims 100000    # a smaller large database
    python3 benches/check.py --quick --debug    # CI's smoke run: 200 statements, 3,000 claims

1. Batch: 5,000 distinct statements (figures with hedges, number words and places; quotations
   verbatim, cut and misquoted; dated statements; nonsense) made from the sample's own claims,
   checked by one `claimdb check -f` against the built-in sample. Statements per second, best
   of 3 rounds.
2. Latency: a database of N generated claims (`cargo run --release --example generate`), 300
   distinct statements about its places, kinds and speakers in one batch; milliseconds per
   statement (the batch's time less an empty run's, over the statements), and the plan of each
   lookup the checker makes (the same predicates, through `claimdb explain`).
No network; the generated data is cached under target/bench-check/ and rebuilt when the
generator changes.
"""

import argparse
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PLACES = ["Iraq", "Syria", "Baghdad", "Deir Ez Zor", "Hamrin Mountains", "Anbar", "Mosul", "Badiya desert"]
HEDGES = ["", "around ", "about ", "some ", "at least ", "more than ", "up to ", "nearly "]
NOUNS = ["troops", "soldiers", "service members", "personnel", "forces"]
WORDS = "one two three four five six seven eight nine ten eleven twelve fourteen fifteen twenty".split()


def sample_statements(n, rng):
    quotes = [
        ("Kurilla", "Partnered operations like these are critical to maintaining pressure on ISIS and preventing "
                    "the terrorist group from taking advantage of the rapidly changing security environment in the region"),
        ("Kurilla", "The enduring defeat of ISIS is a global effort that relies on our Coalition, allies, and partners"),
        ("Singh", "ISIS retains capabilities, as we've seen in Iraq and Syria, and that's why we have our forces in "
                  "both of those countries to ensure that ISIS can never reconstitute"),
        ("Singh", "The entire mission of our force presence there is to ensure the enduring defeat of ISIS"),
    ]
    out = set()
    while len(out) < n:
        r = rng.random()
        if r < 0.45:
            v = rng.choice([rng.randrange(100, 6000), rng.randrange(1, 30) * 100])
            out.add(f"{rng.choice(HEDGES)}{v:,} {rng.choice(['U.S.', 'American', ''])} {rng.choice(NOUNS)} are in "
                    f"{rng.choice(PLACES[:2])}.".replace("  ", " ").capitalize())
        elif r < 0.6:
            v = rng.choice(WORDS + [str(rng.randrange(0, 40))])
            what = rng.choice(["coalition members were killed", "American personnel were injured",
                               "ISIS fighters were killed", "coalition troops were wounded", "ISIS leaders were captured"])
            when = rng.choice(["", " on Jan. 6, 2025", " in January 2025", " in 2024", f" on Jan. {rng.randrange(1, 31)}, 2025"])
            out.add(f"{v.capitalize()} {what} in {rng.choice(PLACES)}{when}.")
        elif r < 0.85:
            who, q = rng.choice(quotes)
            words = q.split()
            a = rng.randrange(0, len(words) - 4)
            b = rng.randrange(a + 4, len(words) + 1)
            cut = words[a:b]
            if rng.random() < 0.5:
                cut[rng.randrange(len(cut))] = rng.choice(["not", "never", "regional", "three", "Syria", "allies"])
            speaker = who if rng.random() < 0.8 else rng.choice(["Kurilla", "Singh", "Biden"])
            out.add(f'{speaker} said "{" ".join(cut)}"')
        elif r < 0.95:
            out.add(f"The Islamic State's caliphate was defeated in {rng.randrange(2010, 2026)}.")
        else:
            out.add(f"Statement {len(out)} says nothing anyone recorded about {rng.choice(PLACES)}.")
    return sorted(out)


def timed(cmd, **kw):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    elapsed = time.perf_counter() - t
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed:\n{r.stderr}")
    return elapsed, r


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--claims", type=int, default=1_000_000)
    p.add_argument("--statements", type=int, default=5000)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--debug", action="store_true", help="the debug build (CI's smoke run), not --release")
    a = p.parse_args()
    if a.quick:
        a.claims, a.statements = 3000, 200
    profile = [] if a.debug else ["--release"]
    subprocess.run(["cargo", "build", "-q", *profile, "--bin", "claimdb", "--example", "generate"], cwd=ROOT, check=True)
    target = os.path.join(ROOT, "target", "debug" if a.debug else "release")
    claimdb, generate = os.path.join(target, "claimdb"), os.path.join(target, "examples", "generate")
    rng = random.Random(7)
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDB_DB"}

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "statements.txt")
        statements = sample_statements(a.statements, rng)
        open(path, "w").write("\n".join(statements) + "\n")
        best = min(timed([claimdb, "check", "-f", path, "--format", "tsv"], cwd=tmp, env=env)[0] for _ in range(3))
        empty = min(timed([claimdb, "check", "x", "--format", "tsv"], cwd=tmp, env=env)[0] for _ in range(3))
        _, r = timed([claimdb, "check", "-f", path, "--format", "tsv"], cwd=tmp, env=env)
        verdicts = {}
        for line in r.stdout.splitlines()[1:]:
            verdicts[line.split("\t")[0]] = verdicts.get(line.split("\t")[0], 0) + 1
        print(f"batch on the sample: {len(statements)} distinct statements in {best:.3f} s "
              f"(one empty run {empty * 1000:.0f} ms): {len(statements) / best:,.0f} statements/s; "
              f"verdicts {verdicts}")

    work = os.path.join(ROOT, "target", "bench-check", f"{a.claims}{'-debug' if a.debug else ''}")
    os.makedirs(work, exist_ok=True)
    stamp = hashlib.sha256(open(generate, "rb").read() + open(claimdb, "rb").read()).hexdigest()
    db = os.path.join(work, "claims.db")
    stamp_file = os.path.join(work, "stamp")
    if not (os.path.exists(db) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp):
        for f in ("claims.db", "claims.db-wal", "claims.db-shm"):
            if os.path.exists(os.path.join(work, f)):
                os.remove(os.path.join(work, f))
        subprocess.run([generate, str(a.claims), work], check=True)
        t, _ = timed([claimdb, "--db", db, "import", os.path.join(work, "claims.ndjson")], env=env)
        print(f"built a {a.claims:,}-claim database in {t:.1f} s")
        open(stamp_file, "w").write(stamp)
    units = {"troops": "troops", "casualty": "killed", "capture": "captured", "strike": "strikes"}
    stmts = set()
    while len(stmts) < 300:
        place = rng.choice(PLACES)
        kind = rng.choice(list(units))
        v = rng.randrange(1, 60) * (100 if kind == "troops" else 1)
        when = rng.choice(["", f" in {rng.randrange(2014, 2026)}", f" on Jan. {rng.randrange(1, 29)}, 2020"])
        if kind == "troops":
            stmts.add(f"{rng.choice(HEDGES)}{v:,} U.S. troops are in {place}{when}.".capitalize())
        elif kind == "casualty":
            stmts.add(f"{v} ISIS fighters were {units[kind]} in {place}{when}.")
        elif kind == "capture":
            stmts.add(f"{v} ISIS operatives were captured in {place}{when}.")
        else:
            stmts.add(f"The coalition carried out {v} airstrikes in {place}{when}.")
    stmts = sorted(stmts)
    path = os.path.join(work, "statements.txt")
    open(path, "w").write("\n".join(stmts) + "\n")
    batch = min(timed([claimdb, "--db", db, "check", "-f", path, "--format", "tsv"], env=env)[0] for _ in range(3))
    empty = min(timed([claimdb, "--db", db, "check", "x", "--format", "tsv"], env=env)[0] for _ in range(3))
    print(f"latency at {a.claims:,} claims: {len(stmts)} statements in {batch:.2f} s, an empty run {empty:.2f} s: "
          f"{(batch - empty) / len(stmts) * 1000:.1f} ms a statement")
    print("plans of the lookups (the same predicates, through `claimdb explain`):")
    for what, q in [("figures of a kind at a place", "claims where kind = troops and location = Iraq"),
                    ("figures of a kind whose words name no place", "claims where kind = casualty and location is null"),
                    ("a speaker's quotes", "claims where speaker = Kurilla"),
                    ("claims quoting a phrase", "claims where quote ~ 'enduring defeat'")]:
        r = subprocess.run([claimdb, "--db", db, "explain", q], capture_output=True, text=True, env=env)
        plan = [l.strip() for l in r.stdout.split("plan:")[-1].splitlines() if l.strip()]
        print(f"  {what}: {plan[0] if plan else r.stderr.strip()}")


if __name__ == "__main__":
    main()
