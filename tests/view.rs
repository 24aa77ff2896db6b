//! `claimdb view` through the real binary: every claim is listed and highlighted exactly over its
//! quote (checked by parsing the page with a real HTML parser), a hostile source stays text, and
//! `--all` writes pages whose links resolve on the file system.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::Env;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn claims(env: &Env, db: &str, source: &str) -> Vec<Value> {
    let q = format!("claims where source = {source}");
    let out = env.run(&["--db", db, "query", &q, "--format", "json"]).expect(0).stdout;
    serde_json::from_str(&out).unwrap()
}

/// The text of every mark of each claim, in document order, joined.
fn highlighted(page: &Html) -> HashMap<String, String> {
    let marks = Selector::parse("article mark[data-claim]").unwrap();
    let mut out: HashMap<String, String> = HashMap::new();
    for m in page.select(&marks) {
        let id = m.value().attr("data-claim").unwrap().to_string();
        out.entry(id).or_default().push_str(&text_of(m));
    }
    out
}

fn text_of(e: ElementRef) -> String {
    e.text().collect()
}

fn assert_page_holds_its_claims(page: &str, claims: &[Value]) {
    let page = Html::parse_document(page);
    let marks = highlighted(&page);
    assert!(!claims.is_empty());
    for c in claims {
        let id = c["id"].as_str().unwrap();
        let quote = c["quote"].as_str().unwrap();
        assert_eq!(marks.get(id).map(String::as_str), Some(quote), "the highlight of {id}");
        let item = Selector::parse(&format!("li#claim-{}", id.replace('.', "\\."))).unwrap();
        let li = page.select(&item).next().unwrap_or_else(|| panic!("{id} is listed"));
        assert!(text_of(li).contains(quote), "{id}'s list item quotes it");
        // The first piece of each highlight takes focus and carries the reading.
        let first = Selector::parse(&format!("mark#span-{}", id.replace('.', "\\."))).unwrap();
        let m = page.select(&first).next().unwrap_or_else(|| panic!("{id} has a first mark"));
        assert_eq!(m.value().attr("tabindex"), Some("0"));
        assert!(m.value().attr("data-reading").unwrap().starts_with(c["kind"].as_str().unwrap()));
    }
    // Self-contained: nothing is fetched from anywhere.
    for sel in ["script", "link", "img", "iframe"] {
        assert_eq!(page.select(&Selector::parse(sel).unwrap()).count(), 0, "no <{sel}>");
    }
}

#[test]
fn the_sample_page_highlights_every_claim_over_its_quote() {
    for env in Env::each() {
        env.sample_db("s.db");
        let db = "s.db";
        env.run(&["--db", db, "view", "centcom-isis-2025-01", "-o", "page.html"]).expect(0);
        let page = std::fs::read_to_string(env.path("page.html")).unwrap();
        assert_page_holds_its_claims(&page, &claims(&env, db, "centcom-isis-2025-01"));
        // Nested spans (cc04 holds cc05) are drawn: the inner claim's marks sit inside the outer's.
        let html = Html::parse_document(&page);
        let nested = Selector::parse("mark[data-claim=cc04] mark[data-claim=cc05]").unwrap();
        assert!(html.select(&nested).next().is_some());
        // To standard output without -o.
        let out = env.run(&["--db", db, "view", "centcom-isis-2025-01"]).expect(0).stdout;
        assert_eq!(out, page);
    }
}

#[test]
fn ingested_articles_and_their_conflicts_are_drawn() {
    for env in Env::each() {
        env.sample_db("s.db");
        let db = "s.db";
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = [
            root.join("tests/corpus/voa-2018-01-23-precision-strikes-kill-150.txt"),
            root.join("tests/corpus/defense-2024-10-24-soldiers-injured-raid-headed-to-walter-reed.txt"),
            root.join("tests/check/sources/gazette-2025-01-06-iraq-troops.txt"),
        ];
        let mut args = vec!["--db", db, "ingest"];
        args.extend(files.iter().map(|p| p.to_str().unwrap()));
        env.run(&args).expect(0);
        for id in [
            "voa-2018-01-23-precision-strikes-kill-150",
            "defense-2024-10-24-soldiers-injured-raid-headed-to-walter-reed",
        ] {
            let page = env.run(&["--db", db, "view", id]).expect(0).stdout;
            assert_page_holds_its_claims(&page, &claims(&env, db, id));
        }
        // Around 2,500 troops in Iraq (the sample) against about 3,500 (the gazette): both pages say so.
        let page = env.run(&["--db", db, "view", "centcom-isis-2025-01"]).expect(0).stdout;
        let html = Html::parse_document(&page);
        let conflict = Selector::parse("li#claim-cc16 p.conflict a").unwrap();
        let link = html.select(&conflict).next().expect("cc16 is marked as conflicting");
        assert!(link.value().attr("href").unwrap().starts_with("gazette-2025-01-06-iraq-troops.html#span-"));
        assert!(html.select(&Selector::parse("mark#span-cc16.conflict").unwrap()).next().is_some());
    }
}

#[test]
fn a_hostile_source_renders_as_text() {
    for env in Env::each() {
        let text = "<script>alert(1)</script> Around 2,500 U.S. troops are in Iraq. \u{202E}evil\u{202C} <img src=x onerror=alert(2)>\n";
        env.write("hostile.txt", text);
        env.run(&["--db", "h.db", "ingest", "hostile.txt", "--title", "<b>title</b>"]).expect(0);
        let page = env.run(&["--db", "h.db", "view", "hostile"]).expect(0).stdout;
        let html = Html::parse_document(&page);
        for sel in ["script", "img", "b"] {
            assert_eq!(html.select(&Selector::parse(sel).unwrap()).count(), 0, "no <{sel}> from the text");
        }
        let article: String = text_of(html.select(&Selector::parse("article").unwrap()).next().unwrap());
        assert!(article.contains("<script>alert(1)</script>"), "{article}");
        assert!(article.contains("<img src=x onerror=alert(2)>"));
        // Bidi controls stay characters of the text, inside an isolated block.
        assert!(article.contains("\u{202E}evil\u{202C}"));
        let title: String = text_of(html.select(&Selector::parse("h1").unwrap()).next().unwrap());
        assert_eq!(title, "<b>title</b>");
    }
}

#[test]
fn all_pages_and_an_index_link_to_each_other_on_disk() {
    for env in Env::each() {
        env.sample_db("s.db");
        let db = "s.db";
        let gazette =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check/sources/gazette-2025-01-06-iraq-troops.txt");
        env.run(&["--db", db, "ingest", gazette.to_str().unwrap()]).expect(0);
        let run = env.run(&["--db", db, "view", "--all", "-o", "pages"]).expect(0);
        assert!(run.stderr.contains("wrote 2 pages and index.html"), "{}", run.stderr);
        let dir = env.path("pages");
        let index = Html::parse_document(&std::fs::read_to_string(dir.join("index.html")).unwrap());
        let links: Vec<String> =
            index.select(&Selector::parse("a").unwrap()).map(|a| a.value().attr("href").unwrap().to_string()).collect();
        assert_eq!(links.len(), 2);
        for l in &links {
            assert!(dir.join(l).exists(), "{l}");
            let page = Html::parse_document(&std::fs::read_to_string(dir.join(l)).unwrap());
            for a in page.select(&Selector::parse("a[href]").unwrap()) {
                let href = a.value().attr("href").unwrap();
                let file = href.split('#').next().unwrap();
                if !file.is_empty() && !href.starts_with("http") {
                    assert!(dir.join(file).exists(), "{l} links to {href}");
                }
            }
        }
        // Errors: an unknown source, --all without a folder.
        let run = env.run(&["--db", db, "view", "centcom-isis-2025"]).expect(2);
        assert!(run.stderr.contains("did you mean `centcom-isis-2025-01`?"), "{}", run.stderr);
        env.run(&["--db", db, "view", "--all"]).expect(2);
    }
}

#[test]
fn the_sample_timeline_is_pinned_at_two_widths() {
    for env in Env::each() {
        env.sample_db("s.db");
        let db = "s.db";
        for width in ["80", "120"] {
            let run = env.run(&["--db", db, "timeline", "--width", width]).expect(0);
            assert!(run.stdout.lines().all(|l| l.chars().count() <= width.parse().unwrap()), "{}", run.stdout);
            insta::assert_snapshot!(format!("timeline_{width}"), run.stdout);
        }
        // A query narrows it; a page draws it with a link per claim to its place on its page.
        let run = env.run(&["--db", db, "timeline", "troops", "--width", "80"]).expect(0);
        assert_eq!(run.stdout.lines().count(), 2 + 2, "two troop figures and the axis: {}", run.stdout);
        env.run(&["--db", db, "timeline", "--html", "t.html"]).expect(0);
        let page = Html::parse_document(&std::fs::read_to_string(env.path("t.html")).unwrap());
        let links: Vec<&str> =
            page.select(&Selector::parse("svg a").unwrap()).map(|a| a.value().attr("href").unwrap()).collect();
        assert_eq!(links.len(), 34);
        assert!(links.contains(&"centcom-isis-2025-01.html#span-cc16"));
        let run = env.run(&["--db", db, "timeline", "sources"]).expect(2);
        assert!(run.stderr.contains("lays out claims"), "{}", run.stderr);
    }
}

#[test]
fn checked_statements_as_a_page_link_to_their_evidence() {
    for env in Env::each() {
        env.sample_db("s.db");
        let db = "s.db";
        env.run(&["--db", db, "view", "--all", "-o", "pages"]).expect(0);
        let run = env.run(&[
            "--db",
            db,
            "check",
            "Around 2,500 U.S. troops are in Iraq.",
            "Kurilla said \"The enduring defeat of ISIS is a regional effort\"",
            "--html",
            "pages/checks.html",
        ]);
        run.expect(1);
        let dir = env.path("pages");
        let page = Html::parse_document(&std::fs::read_to_string(dir.join("checks.html")).unwrap());
        let verdicts: Vec<String> = page.select(&Selector::parse(".verdict").unwrap()).map(text_of).collect();
        assert_eq!(verdicts, ["supported", "contradicted"]);
        // The misquote's change, as the source's words struck and the statement's inserted.
        let del: Vec<String> = page.select(&Selector::parse(".diff del").unwrap()).map(text_of).collect();
        let ins: Vec<String> = page.select(&Selector::parse(".diff ins").unwrap()).map(text_of).collect();
        assert_eq!((del, ins), (vec!["global".to_string()], vec!["regional".to_string()]));
        // Every quote links to its highlighted place, on a page that exists.
        let links: Vec<&str> =
            page.select(&Selector::parse("ol.evidence a").unwrap()).map(|a| a.value().attr("href").unwrap()).collect();
        assert!(links.contains(&"centcom-isis-2025-01.html#span-cc16"), "{links:?}");
        for l in links {
            let (file, anchor) = l.split_once('#').unwrap();
            let target = std::fs::read_to_string(dir.join(file)).unwrap();
            assert!(target.contains(&format!("id=\"{anchor}\"")), "{l}");
        }
    }
}
