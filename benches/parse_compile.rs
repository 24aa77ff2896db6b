//! Parse + resolve + compile time per query, against SQLite's own preparation of the SQL it
//! compiles to (the cost every query pays anyway): `cargo bench --bench parse_compile`.
//!
//! Prints min/median/max over rounds in µs, and the ratio to `sqlite3_prepare` round by round.
//! Without `--bench` (as `cargo test --benches` runs it) each query runs once, as a smoke test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use claimdb::dsl::{self, Defaults};

/// The queries of issue #3's "done when" list and the performance issue's query set.
const QUERIES: &[&str] = &[
    "troops in Iraq",
    "troops",
    "troops select location, sum(value) group by location",
    "casualties where party = coalition",
    "casualties where party = American",
    "statements by Kurilla",
    "claims on 2025-01-03",
    "claims in Syria",
    "claims where text ~ cave",
    "claims where speaker = \"x'); DROP TABLE claims; --\"",
    "claims where date between 2025-01 and 2025-01-31 order by date desc limit 20",
    "claims where not (kind = statement or kind in (troops, casualty)) and value >= 2,500",
];

const ROUNDS: usize = 15;
const ROUND_TIME: Duration = Duration::from_millis(40);

/// Time per call of `f`, once per round, each round long enough to drown the clock's resolution.
fn measure(mut f: impl FnMut()) -> Vec<f64> {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < ROUND_TIME / 4 {
        f();
        calls += 1;
    }
    let per_round = (calls * 4).max(1);
    (0..ROUNDS)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_round {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / per_round as f64
        })
        .collect()
}

fn stats(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[0], xs[xs.len() / 2], xs[xs.len() - 1])
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let store = claimdb::sample::open().expect("the built-in sample opens");
    let conn = store.sqlite().expect("the sample is SQLite").connection();
    if !full {
        for q in QUERIES {
            let sql =
                dsl::to_sql(q, Defaults::ForPeople, store.dialect()).unwrap_or_else(|e| panic!("{}", e.render(q)));
            conn.prepare(&sql.text).expect("compiled SQL prepares");
        }
        println!("parse_compile: {} queries compile and prepare (run `cargo bench` for figures)", QUERIES.len());
        return;
    }
    println!("parse + resolve + compile, µs per query (min / median / max over {ROUNDS} rounds), against");
    println!("SQLite preparing the compiled SQL (sqlite3_prepare_v2 on the sample database)\n");
    println!("{:<72} {:>22} {:>10} {:>7}", "query", "claimdb µs", "prepare µs", "ratio");
    let mut worst: f64 = 0.0;
    for q in QUERIES {
        let sql = dsl::to_sql(q, Defaults::ForPeople, store.dialect()).unwrap_or_else(|e| panic!("{}", e.render(q)));
        let ours = measure(|| {
            black_box(dsl::to_sql(black_box(q), Defaults::ForPeople, store.dialect()).unwrap());
        });
        let theirs = measure(|| {
            black_box(conn.prepare(black_box(&sql.text)).unwrap());
        });
        let ratios: Vec<f64> = ours.iter().zip(&theirs).map(|(a, b)| a / b).collect();
        let (lo, med, hi) = stats(ours);
        let (_, prep, _) = stats(theirs);
        let (_, ratio, _) = stats(ratios);
        worst = worst.max(med);
        let shown: String =
            if q.chars().count() > 70 { q.chars().take(69).chain(['…']).collect() } else { q.to_string() };
        println!("{shown:<72} {:>6.2} / {:>5.2} / {:>5.2} {prep:>10.2} {ratio:>6.2}×", lo, med, hi);
    }
    println!("\nslowest median: {worst:.2} µs (target: under 20 µs)");
}
