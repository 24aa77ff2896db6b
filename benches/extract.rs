//! Extraction throughput on one core: `cargo bench --bench extract`.
//!
//! Runs every recogniser (`claimdb annotate`'s work, without printing) over the sample article and
//! the corpus texts, repeated to about 2 MB, and prints MB/s; the same with the claims `claimdb
//! ingest` makes of the mentions; each article on its own; and the time to analyse the sample
//! article alone (what `claimdb ingest` spends on extraction). The peers (dateparser,
//! quantulum3) and the end-to-end command are measured side by side by `benches/peers.py`.
//! Without `--bench` (as `cargo test --benches` runs it) the text is analysed once, as a smoke test.

use std::hint::black_box;
use std::time::Instant;

use claimdb::extract::gazetteer::Gazetteer;
use claimdb::extract::{analyse, annotate, Options};

// The allocator the claimdb binary runs with (src/main.rs), so this measures what a user gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The sample article and the corpus texts, in a fixed order.
fn texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.insert(0, root.join("examples/sample/article.txt"));
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn corpus() -> String {
    texts().join("\n")
}

/// The shortest of `n` runs of `f`, in seconds: the run least disturbed by the rest of the machine.
fn best_of(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let one = corpus();
    let published = Some("2025-01-07".parse().unwrap());
    let opts = Options { published, gazetteer: Gazetteer::builtin(), title: None };
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/sample/article.txt")).unwrap();
    if !bench {
        black_box(annotate(&one, &opts));
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
    let mb = big.len() as f64 / 1e6;
    let mentions = annotate(&big, &opts).mentions.len();
    let claims = analyse(&big, &opts).claims.len();
    // `claimdb annotate`'s work: every recogniser, no claims.
    let best = best_of(7, || {
        black_box(annotate(&big, &opts));
    });
    println!("annotate: {mb:.2} MB in {best:.3} s (best of 7): {:.1} MB/s, {mentions} mentions", mb / best);
    // `claimdb ingest`'s extraction: the same, and the claims made of it.
    let best = best_of(7, || {
        black_box(analyse(&big, &opts));
    });
    println!("analyse (with claims): {mb:.2} MB in {best:.3} s (best of 7): {:.1} MB/s, {claims} claims", mb / best);
    // What `claimdb annotate DIR/*.txt` or `ingest` of many files does: each article on its own.
    let articles = texts();
    let amb = articles.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let best = best_of(7, || {
        for a in &articles {
            black_box(annotate(a, &opts));
        }
    });
    println!(
        "annotate per article: {} texts, {amb:.2} MB in {best:.4} s (best of 7): {:.1} MB/s",
        articles.len(),
        amb / best
    );
    // Where the time goes: each recogniser alone over the same text.
    let stage = |name: &str, f: &dyn Fn()| {
        let best = best_of(5, f);
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
    let best = best_of(50, || {
        black_box(analyse(&sample, &opts));
    });
    println!("the sample article ({} bytes): {:.3} ms (best of 50)", sample.len(), best * 1e3);
}
