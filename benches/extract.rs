//! Extraction throughput on one core: `cargo bench --bench extract`.
//!
//! Runs every recogniser (`claimdb annotate`'s work, without printing) over the sample article and
//! the corpus texts, repeated to about 2 MB, and prints MB/s; and the time to analyse the sample
//! article alone (what `claimdb ingest` spends on extraction). The peers (dateparser,
//! quantulum3) and the end-to-end command are measured side by side by `benches/peers.py`.
//! Without `--bench` (as `cargo test --benches` runs it) the text is analysed once, as a smoke test.

use std::hint::black_box;
use std::time::Instant;

use claimdb::extract::gazetteer::Gazetteer;
use claimdb::extract::{analyse, Options};

// The allocator the claimdb binary runs with (src/main.rs), so this measures what a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read_to_string(root.join("examples/sample/article.txt")).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for p in names {
        text.push('\n');
        text.push_str(&std::fs::read_to_string(p).unwrap());
    }
    text
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let one = corpus();
    let published = Some("2025-01-07".parse().unwrap());
    let opts = Options { published, gazetteer: Gazetteer::builtin(), title: None };
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample/article.txt")).unwrap();
    if !bench {
        black_box(analyse(&one, &opts));
        return;
    }
    let mut big = String::with_capacity(2 << 20);
    while big.len() < 2 << 20 {
        big.push_str(&one);
        big.push('\n');
    }
    // Warm the gazetteer and lexicon once, as every run after the first finds them built.
    black_box(analyse(&sample, &opts));
    let mut best = f64::MAX;
    let mut mentions = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let an = black_box(analyse(&big, &opts));
        best = best.min(t.elapsed().as_secs_f64());
        mentions = an.mentions.len();
    }
    let mb = big.len() as f64 / 1e6;
    println!("analyse: {:.2} MB in {:.3} s (best of 5): {:.1} MB/s, {mentions} mentions", mb, best, mb / best);
    // Where the time goes: each recogniser alone over the same text.
    let stage = |name: &str, f: &dyn Fn()| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            f();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("  {name:<12} {:>6.1} ms  {:>7.1} MB/s", best * 1e3, mb / best);
    };
    use claimdb::extract::{quotes, sentences, tokens};
    stage("tokens", &|| {
        black_box(tokens::tokenize(&big));
    });
    stage("sentences", &|| {
        black_box(sentences::sentences(&big));
    });
    stage("quotes", &|| {
        black_box(quotes::find(&big));
    });
    stage("gazetteer", &|| {
        black_box(Gazetteer::builtin().find(&big));
    });
    let mut best = f64::MAX;
    for _ in 0..50 {
        let t = Instant::now();
        black_box(analyse(&sample, &opts));
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("the sample article ({} bytes): {:.3} ms (best of 50)", sample.len(), best * 1e3);
}
