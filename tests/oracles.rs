//! Agreement with two peer projects' own test suites, on their news-relevant cases: dateparser's
//! (dates in running text, relative dates) and quantulum3's (counts, money, percentages). The
//! cases were taken from those projects' tests and restated in claimdb's conventions (a date at
//! the precision the text gives; the counted noun as unit) by a helper who did not read the
//! extractor: tests/oracles/*.tsv, with where each came from.
//!
//! Prints the agreement and every disagreement; fails if agreement falls below the floor, set
//! from the last measurement.

mod common;

use common::Env;
use serde_json::Value;

fn cases(file: &str) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(common::project_file(file)).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1) // the header
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn annotate(env: &Env, text: &str, published: Option<&str>) -> Vec<Value> {
    let mut args = vec!["annotate", "-", "--format", "json"];
    if let Some(p) = published {
        args.extend(["--published", p]);
    }
    let run = env.run_with_stdin(&args, text);
    assert!(run.code == 0 || run.code == 1, "{text:?}: {}", run.stderr);
    if run.stdout.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn dates_agree_with_dateparsers_news_cases() {
    let env = Env::new();
    let cases = cases("tests/oracles/dateparser.tsv");
    let mut agree = 0;
    let mut misses = Vec::new();
    for c in &cases {
        let (text, published, value, grain) = (&c[0], &c[1], &c[2], &c[3]);
        let dates: Vec<Value> =
            annotate(&env, text, Some(published)).into_iter().filter(|m| m["kind"] == "date").collect();
        let ok = if value == "-" {
            dates.is_empty()
        } else {
            dates.iter().any(|d| d["value"] == value.as_str() && d["grain"] == grain.as_str())
        };
        if ok {
            agree += 1;
        } else {
            let got: Vec<String> = dates.iter().map(|d| format!("{} {}", d["text"], d["value"])).collect();
            misses.push(format!("{text:?} (published {published}): want {value}, got {got:?}"));
        }
    }
    report("dateparser", agree, cases.len(), &misses);
    assert!(agree * 100 >= cases.len() * 90, "agreement with dateparser fell below 90%");
}

#[test]
fn quantities_agree_with_quantulums_news_cases() {
    let env = Env::new();
    let cases = cases("tests/oracles/quantulum3.tsv");
    let mut agree = 0;
    let mut misses = Vec::new();
    for c in &cases {
        let (text, value, unit) = (&c[0], c[1].parse::<f64>().unwrap(), &c[2]);
        let found: Vec<Value> = annotate(&env, text, None).into_iter().filter(|m| m["kind"] == "quantity").collect();
        let ok = found
            .iter()
            .any(|q| q["value"].as_f64() == Some(value) && (unit == "-" || q["unit"].as_str() == Some(unit.as_str())));
        if ok {
            agree += 1;
        } else {
            let got: Vec<String> =
                found.iter().map(|q| format!("{} {} {}", q["text"], q["value"], q["unit"])).collect();
            misses.push(format!("{text:?}: want {value} {unit}, got {got:?}"));
        }
    }
    report("quantulum3", agree, cases.len(), &misses);
    assert!(agree * 100 >= cases.len() * 82, "agreement with quantulum3 fell below 82%");
}

fn report(peer: &str, agree: usize, total: usize, misses: &[String]) {
    println!("\n{peer}: {agree} of {total} cases agree ({:.0}%)", 100.0 * agree as f64 / total as f64);
    for m in misses {
        println!("  {m}");
    }
}
