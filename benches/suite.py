#!/usr/bin/env python3
"""claimdb's performance suite: each figure against what a user would otherwise run, side by side.

    python3 benches/suite.py                      # N = 100,000, 5 rounds (by hand)
    python3 benches/suite.py --claims 1000000     # the full run
    python3 benches/suite.py --claims 3000 --rounds 1 --debug   # what CI runs, so it never rots
    python3 benches/suite.py --postgres "$CLAIMDB_TEST_POSTGRES"  # and a PostgreSQL column

Every round runs the two sides of each ratio back to back, and the ratio is taken round by round;
the table gives min / median / max over the rounds. Installs what it needs: Debian's sqlite3 and
sqlite-utils from PyPI. Prints a Markdown table to paste into README.md.
"""

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def need(tool, install):
    if shutil.which(tool) is None:
        print(f"suite: installing {tool}", file=sys.stderr)
        subprocess.run(install, check=True, stdout=subprocess.DEVNULL)
    return shutil.which(tool)


def run(cmd, cwd=None, stdin=None, env=None):
    """Runs a command, returning (seconds, peak RSS in MB). Output goes to /dev/null."""
    # stderr goes to a file, not a pipe: a command that writes more than a pipe holds would
    # otherwise block forever while we wait for it (sqlite3 .import warns once per bad row).
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp, open(os.devnull, "wb") as out, \
            tempfile.TemporaryFile() as errf:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdin=inp, stdout=out, stderr=errf, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"suite: {' '.join(cmd)} failed:\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def many(cmd, times, **kw):
    """Mean seconds over `times` runs: small queries are a few milliseconds each."""
    return sum(run(cmd, **kw)[0] for _ in range(times)) / times


def stats(xs):
    return min(xs), statistics.median(xs), max(xs)


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, ours, theirs, ratios, target, baseline):
        lo, med, hi = stats(ratios)
        self.rows.append(
            f"| {what} | {fmt_time(statistics.median(ours))} | {baseline}: {fmt_time(statistics.median(theirs))} "
            f"| {med:.2f}× ({lo:.2f}–{hi:.2f}) | {target} |"
        )
        print(self.rows[-1], file=sys.stderr)

    def print(self, title):
        print(f"\n### {title}\n")
        print("| measure | claimdb | baseline | ratio, median (min–max) | target |")
        print("| --- | ---: | ---: | ---: | --- |")
        for r in self.rows:
            print(r)


def explained_sql(claimdb, db, query, fmt):
    """The SQL `claimdb explain` prints, with its parameters written in as literals."""
    out = subprocess.run([claimdb, "--db", db, "explain", "-F", fmt, query], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    sql = next(l for l in lines if l.startswith("sql:"))[5:].strip()
    params = {}
    for l in lines:
        l = l.strip()
        if l[:1] in "?$" and " = " in l:
            name, value = l.split(" = ", 1)
            params[name] = value
    for name in sorted(params, key=lambda n: -int(n[1:])):
        v = params[name]
        lit = "'" + json.loads(v).replace("'", "''") + "'" if v.startswith('"') else v
        sql = sql.replace(name, lit)
    return sql


def pg_url(admin, name):
    """The URL of database `name` on the server `admin` (a URL ending in a database) names."""
    base, _, tail = admin.rpartition("/")
    query = tail.partition("?")[2]
    return f"{base}/{name}" + (f"?{query}" if query else "")


def pg_fresh(psql, admin, name):
    subprocess.run([psql, "-X", "-q", admin, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=True)
    subprocess.run([psql, "-X", "-q", admin, "-c", f"CREATE DATABASE {name}"], check=True)


def pg_plan_uses_index(psql, url, sql):
    """Whether PostgreSQL's plan for `sql` reads an index (what the README promises)."""
    out = subprocess.run([psql, "-X", "-At", url, "-c", "EXPLAIN " + sql], capture_output=True, text=True, check=True)
    return "Index" in out.stdout


def postgres(a, n, data, extra, claimdb, env, queries, t, q):
    """The PostgreSQL column: claimdb against psql on the same server, the same data."""
    psql = need("psql", ["apt-get", "install", "-y", "-qq", "postgresql-client"])
    name, base = f"claimdb_suite_{n}", f"claimdb_suite_{n}_base"
    url, base_url = pg_url(a.postgres, name), pg_url(a.postgres, base)
    ndjson = os.path.join(data, "claims.ndjson")
    baseline = os.path.join(ROOT, "benches", "baseline.pg.sql")
    ours, theirs, ratios = [], [], []
    for _ in range(a.rounds):
        pg_fresh(psql, a.postgres, name)
        # The schema first, as a team would have it already: the import is what is timed.
        subprocess.run([claimdb, "init", url], check=True, stderr=subprocess.DEVNULL, env=env)
        s = run([claimdb, "--db", url, "import", ndjson], env=env)[0]
        pg_fresh(psql, a.postgres, base)
        b = run([psql, "-X", "-q", base_url, "-f", baseline], cwd=data)[0]
        ours.append(s), theirs.append(b), ratios.append(s / b)
    t.add(f"PostgreSQL: import, {n:,} claims", ours, theirs, ratios, "≤ 1.2×", "psql \\copy + the same indexes")
    m = max(n // 10, 100)
    ours, theirs, ratios = [], [], []
    # What autovacuum does soon after a load (and a DBA right after one): without it, the first
    # statement to read each freshly loaded row pays for marking it committed, and the append
    # below would measure that once-only cost rather than appending.
    subprocess.run([psql, "-X", "-q", url, "-c", "VACUUM ANALYZE"], check=True)
    copy = f"claimdb_suite_{n}_append"
    for _ in range(a.rounds):
        # A fresh copy of the N-claim database each round, as the SQLite side copies its file.
        subprocess.run([psql, "-X", "-q", a.postgres, "-c", f"DROP DATABASE IF EXISTS {copy} WITH (FORCE)"], check=True)
        subprocess.run([psql, "-X", "-q", a.postgres, "-c", f"CREATE DATABASE {copy} TEMPLATE {name}"], check=True)
        s = run([claimdb, "--db", pg_url(a.postgres, copy), "import", os.path.join(extra, "claims.ndjson")], env=env)[0]
        pg_fresh(psql, a.postgres, "claimdb_suite_small")
        small = pg_url(a.postgres, "claimdb_suite_small")
        subprocess.run([claimdb, "init", small], check=True, stderr=subprocess.DEVNULL, env=env)
        f = run([claimdb, "--db", small, "import", os.path.join(extra, "claims.ndjson")], env=env)[0]
        ours.append(s), theirs.append(f), ratios.append(s / f)
    t.add(f"PostgreSQL: append {m:,} to {n:,}", ours, theirs, ratios, "≤ 2×", f"fresh import of {m:,}")
    times = 10 if n <= 100_000 else 5
    for label, cmd, query in queries:
        if cmd:
            sql = query
            cmd = [claimdb, "--db", url, *cmd[3:]]
        else:
            sql = explained_sql(claimdb, url, query, "tsv")
            cmd = [claimdb, "--db", url, "query", query, "-F", "tsv"]
        ours, theirs, ratios = [], [], []
        for _ in range(a.rounds):
            s = many(cmd, times, env=env)
            b = many([psql, "-X", "-q", "-A", "-F", "\t", url, "-c", sql], times)
            ours.append(s), theirs.append(b), ratios.append(s / b)
        index = "index" if pg_plan_uses_index(psql, url, sql) else "NO INDEX"
        q.add(f"PostgreSQL: {label} (plan: {index})", ours, theirs, ratios, "≤ 1.2×", "psql, same SQL")
    for fmt in ("tsv", "ndjson"):
        sql = explained_sql(claimdb, url, "claims", fmt)
        ours, theirs, ratios = [], [], []
        for _ in range(a.rounds):
            s = run([claimdb, "--db", url, "query", "claims", "-F", fmt], env=env)[0]
            b = run([psql, "-X", "-q", "-A", "-F", "\t", url, "-c", sql])[0]
            ours.append(s), theirs.append(b), ratios.append(s / b)
        q.add(f"PostgreSQL: all {n:,} claims as {fmt}", ours, theirs, ratios, "≤ 1.2×", "psql -A")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, nargs="+", default=[100_000])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--debug", action="store_true", help="use the debug build (CI: quick, figures meaningless)")
    ap.add_argument("--work", default="/tmp/claimdb-suite")
    ap.add_argument("--no-sqlite-utils", action="store_true")
    ap.add_argument("--postgres", metavar="URL", help="also measure PostgreSQL on this server (an administrator's URL)")
    ap.add_argument("--only-postgres", action="store_true", help="with --postgres: skip the SQLite measures")
    a = ap.parse_args()

    sqlite3 = need("sqlite3", ["apt-get", "install", "-y", "-qq", "sqlite3"])
    sqlite_utils = None
    if not a.no_sqlite_utils:
        sqlite_utils = need("sqlite-utils", [sys.executable, "-m", "pip", "install", "-q", "sqlite-utils"])
    profile = [] if a.debug else ["--release"]
    subprocess.run(["cargo", "build", "-q", *profile, "--bin", "claimdb", "--example", "generate"], cwd=ROOT, check=True)
    target = os.path.join(ROOT, "target", "debug" if a.debug else "release")
    claimdb, generate = os.path.join(target, "claimdb"), os.path.join(target, "examples", "generate")
    baseline_sql = os.path.join(ROOT, "benches", "baseline.sql")
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDB_DB"}

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
          f"{subprocess.run([sqlite3, '--version'], capture_output=True, text=True).stdout.split()[0]} shell; "
          f"{a.rounds} rounds; {time.strftime('%Y-%m-%d')}")

    for n in a.claims:
        data = os.path.join(a.work, str(n))
        extra = os.path.join(a.work, f"{n}-append")
        m = max(n // 10, 100)
        # Data from an older generator (other columns) would make every baseline wrong: a stamp
        # of the generator binary decides whether the cached data is still this build's.
        stamp = hashlib.sha256(open(generate, "rb").read()).hexdigest()
        for folder, count, tag in ((data, n, []), (extra, m, ["a"])):
            stamp_file = os.path.join(folder, "generator.stamp")
            fresh_data = os.path.exists(stamp_file) and open(stamp_file).read() == stamp
            if not fresh_data or not os.path.exists(os.path.join(folder, "claims.ndjson")):
                if os.path.isdir(folder):
                    shutil.rmtree(folder)
                subprocess.run([generate, str(count), folder, *tag], check=True)
                with open(stamp_file, "w") as f:
                    f.write(stamp)
        db, base, su = (os.path.join(data, f) for f in ("claimdb.db", "shell.db", "sqlite-utils.db"))
        ndjson = os.path.join(data, "claims.ndjson")

        def fresh(path):
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)

        t = Table()
        q = Table()
        queries = [
            ("claim by id (show)", [claimdb, "--db", db, "show", "g00000500", "-F", "tsv"],
             "SELECT * FROM claims_view WHERE id = 'g00000500'"),
            ("troops in Iraq", None, "troops in Iraq"),
            ("one-month date range", None, "claims where date between 2020-03-01 and 2020-03-31"),
            ("full text", None, "claims where text ~ helicopter"),
            ("full text, limit 10", None, "claims where text ~ helicopter limit 10"),
            ("group by location", None, "troops select location, sum(value) group by location"),
        ]
        if a.postgres:
            postgres(a, n, data, extra, claimdb, env, queries, t, q)
        if a.only_postgres:
            t.print(f"Import, N = {n:,}")
            q.print(f"Queries and output, N = {n:,}")
            continue
        # 1. Fresh import.
        ours, shell, utils, ratios, uratios, rss = [], [], [], [], [], []
        for _ in range(a.rounds):
            fresh(db)
            s, mb = run([claimdb, "--db", db, "import", ndjson], env=env)
            fresh(base)
            b, _ = run([sqlite3, base], cwd=data, stdin=baseline_sql)
            ours.append(s), shell.append(b), ratios.append(s / b), rss.append(mb)
            if sqlite_utils:
                fresh(su)
                u = run([sqlite_utils, "insert", su, "claims", os.path.join(data, "claims.jsonl"), "--nl"])[0]
                u += run([sqlite_utils, "enable-fts", su, "claims", "quote", "--create-triggers"])[0]
                for cols in (["source", "start"], ["kind", "location", "value"], ["party"], ["speaker"], ["date"], ["said_on"]):
                    u += run([sqlite_utils, "create-index", su, "claims", *cols])[0]
                utils.append(u), uratios.append(u / s)
        t.add(f"fresh import, {n:,} claims", ours, shell, ratios, "≤ 0.9×", "sqlite3 .import + indexes + FTS")
        if sqlite_utils:
            t.add(f"sqlite-utils ÷ claimdb (how much faster claimdb is), {n:,}", ours, utils, uratios, "≥ 4.5×",
                  "sqlite-utils insert + enable-fts + create-index")
        print(f"| peak memory of the import | {max(rss):.0f} MB | | | ≤ 50 MB |", file=sys.stderr)
        t.rows.append(f"| peak memory of the import, {n:,} claims | {max(rss):.0f} MB | | | ≤ 50 MB |")

        # 2. Append M claims to the N-claim database, against a fresh import of the same M.
        app, fre, ratios = [], [], []
        copy = os.path.join(data, "append.db")
        small = os.path.join(data, "small.db")
        for _ in range(a.rounds):
            fresh(copy)
            shutil.copy(db, copy)
            s = run([claimdb, "--db", copy, "import", os.path.join(extra, "claims.ndjson")], env=env)[0]
            fresh(small)
            f = run([claimdb, "--db", small, "import", os.path.join(extra, "claims.ndjson")], env=env)[0]
            app.append(s), fre.append(f), ratios.append(s / f)
        t.add(f"append {m:,} to {n:,}", app, fre, ratios, "≤ 2×", f"fresh import of {m:,}")

        # 3. Queries, claimdb against the shell running the SQL claimdb explains, on the same file.
        times = 10 if n <= 100_000 else 5
        # The same questions asked of the naive table the way a user of it would: names by hand
        # (the place and what lies inside it, read from the gazetteer), dates as text, full text
        # over the quote, and rows in source order as claimdb gives them.
        inside = subprocess.run(
            [sqlite3, db, "WITH RECURSIVE t(id) AS (SELECT id FROM entities WHERE name = 'Iraq' UNION "
             "SELECT e.id FROM entities e JOIN t ON e.parent_id = t.id) SELECT name FROM entities WHERE id IN t"],
            capture_output=True, text=True, check=True).stdout.split("\n")
        places = ", ".join("'" + p.replace("'", "''") + "'" for p in inside if p)
        order = " ORDER BY source, start"
        naive = {
            "troops in Iraq": f"SELECT * FROM claims WHERE kind = 'troops' AND location IN ({places})" + order,
            "one-month date range": "SELECT * FROM claims WHERE date >= '2020-03' AND date < '2020-04'" + order,
            "full text": "SELECT * FROM claims WHERE rowid IN "
                         "(SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'helicopter')" + order,
            "group by location": "SELECT location, sum(value) FROM claims WHERE kind = 'troops' GROUP BY location",
        }
        for name, cmd, query in queries:
            sql = query if cmd else explained_sql(claimdb, db, query, "tsv")
            cmd = cmd or [claimdb, "--db", db, "query", query, "-F", "tsv"]
            ours, theirs, ratios, nv, nratios = [], [], [], [], []
            for _ in range(a.rounds):
                s = many(cmd, times, env=env)
                b = many([sqlite3, "-tabs", "-header", db, sql], times)
                ours.append(s), theirs.append(b), ratios.append(s / b)
                if name in naive:
                    v = many([sqlite3, "-tabs", "-header", base, naive[name]], times)
                    nv.append(v), nratios.append(s / v)
            q.add(name, ours, theirs, ratios, "≤ 1.2×", "sqlite3, same SQL")
            if nv:
                q.add(f"{name}, against the naive table", ours, nv, nratios,
                      "≤ 0.5×" if name.startswith("group") else "≤ 1.0×", "sqlite3, naive")

        # 5. Bulk output.
        for fmt, flag in (("tsv", "-tabs"), ("ndjson", "-json")):
            sql = explained_sql(claimdb, db, "claims", fmt)
            ours, theirs, ratios = [], [], []
            for _ in range(a.rounds):
                s = run([claimdb, "--db", db, "query", "claims", "-F", fmt], env=env)[0]
                b = run([sqlite3, flag, db, sql])[0]
                ours.append(s), theirs.append(b), ratios.append(s / b)
            q.add(f"all {n:,} claims as {fmt}", ours, theirs, ratios, "≤ 1.2×", f"sqlite3 {flag}")

        # 6. Startup on the built-in sample.
        ours, theirs, ratios = [], [], []
        empty = os.path.join(a.work, "empty")
        os.makedirs(empty, exist_ok=True)
        for _ in range(a.rounds):
            s = many([claimdb, "query", "troops in Iraq"], 20, cwd=empty, env=env)
            b = many([sqlite3, ":memory:", "select 1"], 20)
            ours.append(s), theirs.append(b), ratios.append(s / b)
        q.add("startup: troops in Iraq on the sample", ours, theirs, ratios, "≤ 1.5×", "sqlite3 :memory: 'select 1'")

        t.print(f"Import, N = {n:,}")
        q.print(f"Queries and output, N = {n:,}")


if __name__ == "__main__":
    main()
