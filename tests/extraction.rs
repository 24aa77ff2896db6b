//! Scores `claimdb ingest --dry-run` against hand-checked gold: the bundled article's claims
//! (examples/sample) and the corpus gold in tests/gold, written by people who did not read the
//! extractor (tests/gold/README.md). Prints precision and recall per kind and per field, and
//! fails if the figures, speakers or dates fall below the floors set from the last measurement,
//! so a change that makes extraction worse cannot land unnoticed.
//!
//! A claim matches a gold claim when their spans overlap and their kinds agree. A figure matches
//! when, besides, value, bounds, unit and qualifier agree.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

struct Case {
    name: String,
    text: PathBuf,
    gold: Vec<Value>,
}

/// The development set: the corpus gold and the sample's.
fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = cases_in("tests/gold", "tests/corpus");
    let sample = std::fs::read_to_string(root.join("examples/sample/claims.ndjson")).unwrap();
    out.push(Case {
        name: "sample".into(),
        text: root.join("examples/sample/article.txt"),
        gold: sample
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|v| v["type"] == "claim")
            .collect(),
    });
    out
}

/// Texts and their gold: `NAME.ndjson` in `gold`, `NAME.txt` and `NAME.meta.json` in `texts`.
fn cases_in(gold: &str, texts: &str) -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut names: Vec<String> = std::fs::read_dir(root.join(gold))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".ndjson").map(str::to_string))
        .collect();
    names.sort();
    for name in names {
        let lines = std::fs::read_to_string(root.join(format!("{gold}/{name}.ndjson"))).unwrap();
        out.push(Case {
            text: root.join(format!("{texts}/{name}.txt")),
            gold: lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect(),
            name,
        });
    }
    out
}

fn extracted(case: &Case) -> Vec<Value> {
    let env = common::Env::new();
    let published = if case.name == "sample" {
        "2025-01-06".to_string()
    } else {
        let meta: Value =
            serde_json::from_str(&std::fs::read_to_string(case.text.with_extension("meta.json")).unwrap()).unwrap();
        meta["published"].as_str().unwrap().to_string()
    };
    let out =
        env.run(&["ingest", "--dry-run", "--format", "ndjson", "--published", &published, case.text.to_str().unwrap()]);
    assert!(out.code == 0 || out.code == 1, "{}: {}", case.name, out.stderr);
    out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn overlaps(a: &Value, b: &Value) -> bool {
    a["start"].as_i64().unwrap() < b["end"].as_i64().unwrap()
        && b["start"].as_i64().unwrap() < a["end"].as_i64().unwrap()
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// Low and high as the gold writes them: a floor for at_least, a ceiling for at_most, both for a
/// range; an extractor that leaves them out agrees when the qualifier implies them.
fn bounds(c: &Value) -> (Option<f64>, Option<f64>) {
    let value = num(&c["value"]);
    let q = c["qualifier"].as_str().unwrap_or("");
    let low = num(&c["low"]).or(if q == "at_least" { value } else { None });
    let high = num(&c["high"]).or(if q == "at_most" { value } else { None });
    (low, high)
}

fn same_figure(g: &Value, e: &Value) -> bool {
    num(&g["value"]) == num(&e["value"])
        && g["unit"] == e["unit"]
        && bounds(g) == bounds(e)
        && g["qualifier"] == e["qualifier"]
}

#[derive(Default, Debug)]
struct Tally {
    hit: usize,
    extracted: usize,
    gold: usize,
}

impl Tally {
    fn p(&self) -> f64 {
        if self.extracted == 0 {
            1.0
        } else {
            self.hit.min(self.extracted) as f64 / self.extracted as f64
        }
    }
    fn r(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.hit.min(self.gold) as f64 / self.gold as f64
        }
    }
}

#[test]
fn extraction_scores_against_the_gold() {
    let [figures, speakers, dates] = score(cases(), true);
    // Floors: the last measurement, less a little. Raise them as extraction improves. (Figure
    // recall's floor went from 0.74 to 0.70 when 20 articles joined the set that extraction had
    // never seen and first read at R 0.48 and 0.47. Speakers' precision went from 0.95 to 0.94 when
    // people the text does not name became speakers: "shouted one resident" gives a quotation to
    // "resident" that had none, where the gold, from the sentence before, says "Sderot resident".
    // They rose to 0.95 / 0.90 when a surname alone found the name set off by commas before it,
    // and went back to 0.94 / 0.89 when batch 17 joined with two speakers read otherwise: a
    // quotation of a speech the text dates and names, and an unnamed spokesman named a sentence
    // later. They went to 0.91 / 0.86 when batches 19 to 22 joined, 29 unseen articles whose
    // speakers first read at 0.50-0.88 / 0.60-0.70; on the 188 articles before them they stayed
    // 0.94 / 0.90. Figures' floor rose from 0.87 / 0.72 to 0.88 / 0.76 the same day.)
    let floors =
        [("figures", &figures, 0.88, 0.76), ("speakers", &speakers, 0.91, 0.86), ("dates", &dates, 0.81, 0.83)];
    for (name, t, p, r) in floors {
        assert!(t.p() >= p && t.r() >= r, "{name}: P {:.2} R {:.2} fell below the floor P {p} R {r}", t.p(), t.r());
    }
}

/// The texts the project began with (the 17 of `../shared/corpus`, copied to tests/corpus) and
/// the sample: the development set the targets of issue 16 were first set on, reported apart
/// from the 155 articles added since.
const FIRST: [&str; 17] = [
    "centcom-2015-10-23-oir-casualty",
    "centcom-2023-01-18-al-hol-repatriation",
    "centcom-2023-06-06-may-2023-month-in-review",
    "centcom-2023-07-09-airstrike-targets-isis-leader-eastern-syria",
    "centcom-2023-08-09-july-2023-month-in-review",
    "centcom-2024-09-03-houthi-missile-system-destroyed",
    "defense-2017-06-11-strike-targets-al-shabab-somalia",
    "defense-2021-02-25-us-conducts-defensive-precision-strike",
    "defense-2024-02-24-austin-statement-coalition-strikes-houthi",
    "defense-2024-10-24-soldiers-injured-raid-headed-to-walter-reed",
    "dvids-2026-02-13-isis-detainee-transfer-complete",
    "state-2016-02-22-isil-attacks-damascus-homs",
    "state-2016-07-03-terrorist-attacks-baghdad",
    "voa-2015-05-05-rewards-islamic-state-leaders",
    "voa-2017-06-20-pentagon-confirms-death-grand-mufti",
    "voa-2018-01-23-precision-strikes-kill-150",
    "voa-2020-03-09-two-us-service-members-killed-iraq",
];

#[test]
fn extraction_scores_on_the_first_texts_and_the_sample() {
    let cases =
        cases().into_iter().filter(|c| c.name == "sample" || FIRST.contains(&c.name.as_str())).collect::<Vec<_>>();
    assert_eq!(cases.len(), FIRST.len() + 1, "every first text has gold");
    let [figures, speakers, dates] = score(cases, false);
    for (name, t, p, r) in
        [("figures", &figures, 0.95, 0.93), ("speakers", &speakers, 0.95, 0.95), ("dates", &dates, 0.79, 0.86)]
    {
        assert!(t.p() >= p && t.r() >= r, "first texts {name}: P {:.2} R {:.2} fell below P {p} R {r}", t.p(), t.r());
    }
}

/// The held-out set (tests/heldout): articles the rules were not developed on, with gold written
/// without reading the extractor. How well extraction generalises; its floors are looser.
#[test]
fn extraction_scores_on_held_out_articles() {
    let [figures, _speakers, dates] = score(cases_in("tests/heldout", "tests/heldout"), true);
    for (name, t, p, r) in [("figures", &figures, 0.88, 0.62), ("dates", &dates, 0.9, 0.94)] {
        assert!(t.p() >= p && t.r() >= r, "held out {name}: P {:.2} R {:.2} fell below P {p} R {r}", t.p(), t.r());
    }
}

/// The blind set (tests/blind): articles collected after the rules were written, with gold
/// written without reading the extractor. Only its tables are printed, never its misses, so that
/// nobody tunes the rules to it: it stays an honest measure of articles never seen.
#[test]
fn extraction_scores_on_blind_articles() {
    let [figures, _speakers, dates] = score(cases_in("tests/blind", "tests/blind"), false);
    // Dates are scored over the claims a kind and span match pairs with gold, so a claim newly
    // found with a date still wrong adds to the gold side: on 2026-12-02 two more pairs (16 of
    // 25 right, as 16 of 23 had been) moved R from 0.70 to 0.64 with no date read worse.
    // (Six texts joined on 2026-12-03, scored first with that day's rules: figures 0.77 / 0.77,
    // dates 0.73 / 0.80; the set's figure precision floor came down with them.)
    for (name, t, p, r) in [("figures", &figures, 0.74, 0.62), ("dates", &dates, 0.6, 0.66)] {
        assert!(t.p() >= p && t.r() >= r, "blind {name}: P {:.2} R {:.2} fell below P {p} R {r}", t.p(), t.r());
    }
}

/// Prints the tables of one set and returns its figure, speaker and date tallies.
fn score(cases: Vec<Case>, show_misses: bool) -> [Tally; 3] {
    let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
    let mut fields: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut figures = Tally::default();
    let mut speakers = Tally::default();
    let mut dates = Tally::default();
    let mut misses: Vec<String> = Vec::new();
    for case in cases {
        let got = extracted(&case);
        // Every extracted quote is a slice of the text: never invented.
        let text: Vec<char> = std::fs::read_to_string(&case.text).unwrap().chars().collect();
        for e in &got {
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            assert_eq!(text[s..t].iter().collect::<String>(), e["quote"].as_str().unwrap(), "{}", case.name);
        }
        for g in &case.gold {
            kinds.entry(g["kind"].as_str().unwrap().into()).or_default().gold += 1;
        }
        for e in &got {
            kinds.entry(e["kind"].as_str().unwrap().into()).or_default().extracted += 1;
        }
        // Kinds: a gold claim is found when an extracted claim of its kind overlaps it.
        for g in &case.gold {
            let m = got.iter().find(|e| e["kind"] == g["kind"] && overlaps(g, e));
            if m.is_some() {
                kinds.get_mut(g["kind"].as_str().unwrap()).unwrap().hit += 1;
            }
        }
        // Figures.
        let gold_figures: Vec<&Value> = case.gold.iter().filter(|g| !g["value"].is_null()).collect();
        let got_figures: Vec<&Value> = got.iter().filter(|e| !e["value"].is_null()).collect();
        figures.gold += gold_figures.len();
        figures.extracted += got_figures.len();
        for g in &gold_figures {
            if got_figures.iter().any(|e| e["kind"] == g["kind"] && overlaps(g, e) && same_figure(g, e)) {
                figures.hit += 1;
            } else {
                let near: Vec<String> = got_figures
                    .iter()
                    .filter(|e| overlaps(g, e))
                    .map(|e| format!("{} {} {} {}", e["kind"], e["value"], e["unit"], e["qualifier"]))
                    .collect();
                misses.push(format!(
                    "{}: figure {:?} {} {} {} {} — got {:?}",
                    case.name,
                    g["quote"].as_str().unwrap(),
                    g["kind"],
                    g["value"],
                    g["unit"],
                    g["qualifier"],
                    near
                ));
            }
        }
        for e in &got_figures {
            if !gold_figures.iter().any(|g| g["kind"] == e["kind"] && overlaps(g, e) && same_figure(g, e)) {
                misses.push(format!(
                    "{}: extra figure {:?} {} {} {}",
                    case.name,
                    e["quote"].as_str().unwrap(),
                    e["kind"],
                    e["value"],
                    e["unit"]
                ));
            }
        }
        // Speakers of quotations.
        let gold_q: Vec<&Value> = case.gold.iter().filter(|g| g["kind"] == "statement").collect();
        let got_q: Vec<&Value> = got.iter().filter(|e| e["kind"] == "statement").collect();
        speakers.gold += gold_q.len();
        speakers.extracted += got_q.len();
        for g in &gold_q {
            if got_q.iter().any(|e| overlaps(g, e) && e["speaker"] == g["speaker"]) {
                speakers.hit += 1;
            } else {
                let near: Vec<&Value> = got_q.iter().filter(|e| overlaps(g, e)).map(|e| &e["speaker"]).collect();
                misses.push(format!("{}: speaker of {:?}: gold {} got {:?}", case.name, short(g), g["speaker"], near));
            }
        }
        // Dates and the other fields, over matched pairs.
        for g in &case.gold {
            let Some(e) = got.iter().find(|e| e["kind"] == g["kind"] && overlaps(g, e)) else { continue };
            for f in [
                "party",
                "location",
                "unit",
                "qualifier",
                "date",
                "speaker",
                "role",
                "said_on",
                "attribution",
                "modality",
            ] {
                let t = fields.entry(f).or_default();
                if !g[f].is_null() {
                    t.gold += 1;
                }
                if !e[f].is_null() {
                    t.extracted += 1;
                }
                if !g[f].is_null() && g[f] == e[f] {
                    t.hit += 1;
                }
            }
            if !g["date"].is_null() {
                dates.gold += 1;
            }
            if !e["date"].is_null() {
                dates.extracted += 1;
            }
            if !g["date"].is_null() && g["date"] == e["date"] {
                dates.hit += 1;
            } else if g["date"] != e["date"] {
                misses.push(format!("{}: date of {:?}: gold {} got {}", case.name, short(g), g["date"], e["date"]));
            }
        }
    }
    println!("\n{:<14} {:>6} {:>6} {:>6} {:>6} {:>6}", "kind", "gold", "found", "hit", "P", "R");
    for (k, t) in &kinds {
        println!("{k:<14} {:>6} {:>6} {:>6} {:>6.2} {:>6.2}", t.gold, t.extracted, t.hit, t.p(), t.r());
    }
    println!("\n{:<14} {:>6} {:>6} {:>6} {:>6} {:>6}", "field", "gold", "found", "hit", "P", "R");
    for (f, t) in &fields {
        println!("{f:<14} {:>6} {:>6} {:>6} {:>6.2} {:>6.2}", t.gold, t.extracted, t.hit, t.p(), t.r());
    }
    println!();
    for (name, t) in [("figures", &figures), ("speakers", &speakers), ("dates", &dates)] {
        println!(
            "{name:<14} gold {:>4}  found {:>4}  hit {:>4}  P {:.2}  R {:.2}",
            t.gold,
            t.extracted,
            t.hit,
            t.p(),
            t.r()
        );
    }
    println!();
    for m in misses.iter().filter(|_| show_misses) {
        println!("  {m}");
    }
    [figures, speakers, dates]
}

fn short(g: &Value) -> String {
    g["quote"].as_str().unwrap().chars().take(50).collect()
}
