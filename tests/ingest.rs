//! `claimdb ingest` and `claimdb annotate` through the real binary, on real files: what is
//! stored, what is refused, and that a refusal leaves the database as it was.

mod common;

use common::Env;
use serde_json::Value;

fn json(out: &str) -> Vec<Value> {
    if out.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str(out).unwrap()
}

const ARTICLE: &str = "Around 2,500 U.S. troops are in Iraq, the Pentagon said Tuesday.\n\
“We remain committed,” CENTCOM commander Army Gen. Michael “Erik” Kurilla said.\n\
Two soldiers were wounded in a rocket attack on Jan. 6.\n";

#[test]
fn ingest_stores_claims_tied_to_their_words_and_verify_passes() {
    for env in Env::each() {
        env.write("a.txt", ARTICLE);
        let run =
            env.run(&["--db", "n.db", "ingest", "a.txt", "--published", "2025-01-08", "--title", "A test"]).expect(0);
        assert!(run.stderr.contains("ingested a.txt as source `a`: 4 claims"), "{}", run.stderr);
        assert!(run.stderr.contains("new entity: Michael Kurilla (person)"), "{}", run.stderr);
        env.run(&["--db", "n.db", "verify"]).expect(0);
        let claims = json(
            &env.run(&["--db", "n.db", "query", "claims where origin = extracted", "--format", "json"])
                .expect(0)
                .stdout,
        );
        assert_eq!(claims.len(), 4, "{claims:?}");
        let troops = claims.iter().find(|c| c["kind"] == "troops").unwrap();
        assert_eq!(troops["value"], 2500);
        assert_eq!(troops["qualifier"], "approximate");
        assert_eq!(troops["location"], "Iraq");
        assert_eq!(troops["speaker"], "U.S. Department of Defense");
        assert_eq!(troops["said_on"], "2025-01-07", "Tuesday before a Wednesday publication");
        assert_eq!(troops["extractor"], "1");
        let quote = claims.iter().find(|c| c["kind"] == "statement").unwrap();
        assert_eq!(
            (quote["quote"].as_str(), quote["speaker"].as_str()),
            (Some("We remain committed"), Some("Michael Kurilla"))
        );
        assert_eq!(quote["role"], "CENTCOM commander");
        let wounded = claims.iter().find(|c| c["kind"] == "casualty").unwrap();
        assert_eq!(
            (wounded["value"].as_i64(), wounded["unit"].as_str(), wounded["date"].as_str()),
            (Some(2), Some("wounded"), Some("2025-01-06"))
        );
        // The attack they were wounded in is a strike of its own, that day.
        let attack = claims.iter().find(|c| c["kind"] == "strike").unwrap();
        assert_eq!((attack["quote"].as_str(), attack["date"].as_str()), (Some("a rocket attack"), Some("2025-01-06")));
        // Offsets count characters: the quote is the text's slice.
        let text: Vec<char> = ARTICLE.chars().collect();
        for c in &claims {
            let (s, e) = (c["start"].as_u64().unwrap() as usize, c["end"].as_u64().unwrap() as usize);
            assert_eq!(text[s..e].iter().collect::<String>(), c["quote"].as_str().unwrap());
        }
        // Curated claims stay curated.
        assert!(json(&env.run(&["--db", "n.db", "query", "claims where origin = curated", "--format", "json"]).stdout)
            .is_empty());
    }
}

/// "residents said": reported speech by people the text does not name, stored as an entity of kind
/// `unnamed` (schema 5) that queries find like any speaker, in SQLite and PostgreSQL alike.
/// Regression: a description of several words ("security sources", "senior U.S. officials",
/// whose first word is lowercase like "eastern Syria"'s) was filed as a person or a place, and a
/// place as a speaker failed the whole ingest.
#[test]
fn people_the_text_does_not_name_are_a_group_that_reports() {
    for env in Env::each() {
        env.write(
            "g.txt",
            "Militants killed 12 soldiers in Kismayo on Monday, residents said.\n\
             \u{201C}We heard the blasts all night,\u{201D} a witness told VOA.\n\
             Security sources said 20 fighters were captured.\n\
             Three civilians were wounded, according to senior Afghan officials.\n",
        );
        let run = env.run(&["--db", "g.db", "ingest", "g.txt", "--published", "2025-01-08"]).expect(0);
        assert!(run.stderr.contains("new entity: residents (unnamed)"), "{}", run.stderr);
        env.run(&["--db", "g.db", "verify"]).expect(0);
        let by = |speaker: &str| {
            json(
                &env.run(&["--db", "g.db", "query", &format!("claims where speaker = {speaker}"), "--format", "json"])
                    .expect(0)
                    .stdout,
            )
        };
        let reported = by("residents");
        assert_eq!(reported.len(), 1, "{reported:?}");
        assert_eq!((reported[0]["value"].as_i64(), reported[0]["attribution"].as_str()), (Some(12), Some("reported")));
        let quoted = by("witness");
        assert_eq!(quoted.len(), 1, "{quoted:?}");
        assert_eq!(
            (quoted[0]["quote"].as_str(), quoted[0]["attribution"].as_str()),
            (Some("We heard the blasts all night"), Some("direct"))
        );
        let entities =
            env.run(&["--db", "g.db", "query", "entities where kind = unnamed", "--format", "json"]).expect(0);
        let names: Vec<Value> = json(&entities.stdout).iter().map(|e| e["name"].clone()).collect();
        // Civilians hit are a side the text does not name either.
        assert_eq!(names, ["civilians", "residents", "security sources", "senior Afghan officials", "witness"]);
    }
}

/// A press statement's body is its issuer's: the title names them, and the claims it makes on no
/// one else's authority are reported by them, on the day it was published.
#[test]
fn a_statements_title_names_the_speaker_of_its_body() {
    let env = Env::new();
    env.write(
        "s.txt",
        "U.S. forces conducted an airstrike Tuesday, killing four al-Shabaab fighters.\n\
         \"We will continue to act,\" the statement said. Local officials said two civilians were hurt.\n\
         \"Three were wounded,\" residents said.\n",
    );
    let title = "Statement by Pentagon Press Secretary Peter Cook on U.S. Airstrike in Somalia";
    let out = env
        .run(&["ingest", "--dry-run", "--format", "ndjson", "--published", "2016-06-01", "--title", title, "s.txt"])
        .expect(0);
    let claims: Vec<Value> = out.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let dead = claims.iter().find(|c| c["kind"] == "casualty" && c["value"] == 4).expect(&out.stdout);
    assert_eq!(
        (&dead["speaker"], &dead["role"]),
        (&Value::from("Peter Cook"), &Value::from("Pentagon Press Secretary"))
    );
    assert_eq!((&dead["attribution"], &dead["said_on"]), (&Value::from("reported"), &Value::from("2016-06-01")));
    // What the text attributes to someone else stays theirs, quoted or not; "the statement
    // said" is the issuer.
    let hurt = claims.iter().find(|c| c["kind"] == "casualty" && c["value"] == 2).expect(&out.stdout);
    assert_ne!(hurt["speaker"], "Peter Cook", "{hurt}");
    let quoted = claims.iter().find(|c| c["quote"] == "We will continue to act").expect(&out.stdout);
    assert_eq!(quoted["speaker"], "Peter Cook", "{quoted}");
    assert!(
        claims.iter().all(|c| c["quote"] != "Three were wounded" || c["speaker"] != "Peter Cook"),
        "{}",
        out.stdout
    );
    // annotate reads the title as ingest does.
    let rows = env.run(&["annotate", "--format", "ndjson", "--title", title, "s.txt"]).expect(0);
    let quote: Value = rows
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["kind"] == "quote" && r["text"] == "We will continue to act")
        .expect(&rows.stdout);
    assert_eq!(quote["speaker"], "Peter Cook", "{quote}");
    // A title that names no issuer leaves the body the author's.
    let out = env
        .run(&[
            "ingest",
            "--dry-run",
            "--format",
            "ndjson",
            "--published",
            "2016-06-01",
            "--title",
            "Strike in Somalia",
            "s.txt",
        ])
        .expect(0);
    let dead: Value =
        out.stdout.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).find(|c| c["value"] == 4).unwrap();
    assert_eq!(dead["attribution"], "author", "{dead}");
}

#[test]
fn the_same_text_again_is_refused_and_changes_nothing() {
    for env in Env::each() {
        env.write("a.txt", ARTICLE);
        env.write("copy.txt", ARTICLE);
        env.run(&["--db", "n.db", "ingest", "a.txt", "--published", "2025-01-08"]).expect(0);
        let before = env.contents("n.db");
        let run = env.run(&["--db", "n.db", "ingest", "copy.txt", "--published", "2025-01-08"]).expect(2);
        assert!(run.stderr.contains("already stored as source `a`"), "{}", run.stderr);
        assert_eq!(env.contents("n.db"), before, "a refused ingest changed the database");
    }
}

#[test]
fn several_files_are_one_transaction() {
    for env in Env::each() {
        env.write("a.txt", ARTICLE);
        std::fs::write(env.path("bad.txt"), b"Two soldiers \xff were wounded.").unwrap();
        let run = env.run(&["--db", "n.db", "ingest", "a.txt", "bad.txt"]).expect(2);
        assert!(run.stderr.contains("bad.txt is not valid UTF-8 (at byte 13)"), "{}", run.stderr);
        assert!(env.contents("n.db").is_none(), "a failed ingest left a database behind");
        // Two files that would be the same source.
        std::fs::create_dir(env.path("sub")).unwrap();
        env.write("sub/a.txt", "Three strikes hit Raqqa.");
        let run = env.run(&["--db", "n.db", "ingest", "a.txt", "sub/a.txt"]).expect(2);
        assert!(run.stderr.contains("would both be source `a`"), "{}", run.stderr);
    }
}

#[test]
fn dry_run_prints_export_keys_and_writes_nothing() {
    for env in Env::each() {
        env.write("a.txt", ARTICLE);
        let run = env
            .run(&["--db", "n.db", "ingest", "a.txt", "--published", "2025-01-08", "--dry-run", "--format", "json"])
            .expect(0);
        assert!(env.contents("n.db").is_none(), "a dry run made no database");
        let rows = json(&run.stdout);
        assert_eq!(rows.len(), 4);
        let export_keys: Vec<String> = {
            let out = env.run(&["export", "--only", "claims", "--format", "csv"]).expect(0).stdout;
            out.lines().next().unwrap().split(',').map(str::to_string).collect()
        };
        // The same keys, in export's order.
        let at: Vec<usize> = export_keys.iter().map(|k| run.stdout.find(&format!("\"{k}\":")).expect(k)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{}", run.stdout);
        assert_eq!(rows[0].as_object().unwrap().len(), export_keys.len());
    }
}

#[test]
fn relative_dates_without_a_publication_date_stay_unresolved_with_a_warning() {
    for env in Env::each() {
        env.write("t.txt", "Two soldiers were wounded on Tuesday, the Pentagon said.\n");
        let run = env.run(&["ingest", "t.txt", "--dry-run", "--format", "json"]).expect(0);
        assert!(run.stderr.contains("left unresolved: pass --published DATE"), "{}", run.stderr);
        assert_eq!(json(&run.stdout)[0]["date"], Value::Null, "never guessed from today's date");
        // A month-precision publication date resolves no weekday either.
        let run = env.run(&["ingest", "t.txt", "--dry-run", "--published", "2025-01", "--format", "json"]).expect(0);
        assert!(run.stderr.contains("not known to the day"), "{}", run.stderr);
    }
}

#[test]
fn crlf_and_bom_texts_are_stored_as_given_with_offsets_into_them() {
    for env in Env::each() {
        let text = "\u{feff}Headline\r\nAround 2,500 U.S. troops are in Iraq.\r\n";
        env.write("w.txt", text);
        env.run(&["--db", "n.db", "ingest", "w.txt"]).expect(0);
        env.run(&["--db", "n.db", "verify"]).expect(0);
        let export = env.run(&["--db", "n.db", "export", "--only", "sources", "--format", "json"]).expect(0).stdout;
        assert_eq!(json(&export)[0]["text"], text, "the text is stored exactly as given");
        assert_eq!(json(&export)[0]["title"], "Headline");
        let claim = &json(&env.run(&["--db", "n.db", "list", "--format", "json"]).expect(0).stdout)[0];
        assert_eq!((claim["start"].as_i64(), claim["quote"].as_str()), (Some(11), Some("Around 2,500 U.S. troops")));
    }
}

#[test]
fn bad_input_gets_a_clear_error_and_exit_2() {
    let env = Env::new();
    env.write("a.txt", ARTICLE);
    for (args, message) in [
        (&["ingest", "a.txt", "--published", "2025-13-01", "--dry-run"][..], "--published `2025-13-01`"),
        (&["ingest", "missing.txt", "--dry-run"], "cannot read missing.txt"),
        (&["ingest", "a.txt", "a.txt", "--id", "x", "--dry-run"], "--id names one source"),
        (&["ingest", "a.txt", "--gazetteer", "a.txt", "--dry-run"], "expected name, kind, parent and aliases"),
        (&["ingest", ".", "--dry-run"], "is a folder"),
        (&["annotate", "a.txt", "--published", "yesterday"], "--published `yesterday`"),
    ] {
        let run = env.run(args).expect(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    env.write("empty.txt", "  \n");
    assert!(env.run(&["ingest", "empty.txt", "--dry-run"]).expect(2).stderr.contains("holds no text"));
}

#[test]
fn annotate_reads_a_bare_phrase_on_stdin() {
    let env = Env::new();
    let out = env.run_with_stdin(&["annotate", "-", "--published", "2025-01-07", "--format", "json"], "Jan. 6");
    let rows = json(&out.stdout);
    assert_eq!(
        (rows[0]["kind"].as_str(), rows[0]["value"].as_str(), rows[0]["grain"].as_str()),
        (Some("date"), Some("2025-01-06"), Some("day"))
    );
    let out = env.run_with_stdin(&["annotate", "-", "--format", "json"], "some 2,000 troops");
    let q = &json(&out.stdout)[0];
    assert_eq!(
        (q["value"].as_i64(), q["qualifier"].as_str(), q["unit"].as_str()),
        (Some(2000), Some("approximate"), Some("troops"))
    );
    let out = env.run_with_stdin(&["annotate", "-", "--format", "json"], "dozens of militants in eastern Syria");
    let rows = json(&out.stdout);
    let q = rows.iter().find(|r| r["kind"] == "quantity").unwrap();
    assert_eq!(
        (q["value"].as_i64(), q["low"].as_i64(), q["qualifier"].as_str()),
        (Some(12), Some(12), Some("at_least"))
    );
    assert!(rows.iter().any(|r| r["kind"] == "place" && r["name"] == "eastern Syria"), "{rows:?}");
    // Nothing found: exit 1, as grep.
    env.run_with_stdin(&["annotate", "-"], "nothing here").expect(1);
}

/// `annotate FILE` reads the sidecar `NAME.meta.json` as `ingest` does: its publication date
/// resolves relative dates, its title names a statement's issuer; a flag still wins.
#[test]
fn annotate_reads_the_sidecar_as_ingest_does() {
    let env = Env::new();
    env.write(
        "s.txt",
        "\u{201C}We struck the camp,\u{201D} the statement said. Two soldiers were killed on Tuesday.\n",
    );
    env.write(
        "s.meta.json",
        r#"{"title": "Statement by Pentagon Press Secretary Peter Cook on Strikes", "published": "2016-05-06"}"#,
    );
    let out = env.run(&["annotate", "s.txt", "--format", "json"]).expect(0);
    assert!(!out.stderr.contains("unresolved"), "{}", out.stderr);
    let rows = json(&out.stdout);
    let date = rows.iter().find(|r| r["kind"] == "date").unwrap();
    assert_eq!(date["value"], "2016-05-03", "the Tuesday before Friday, 2016-05-06");
    let quote = rows.iter().find(|r| r["kind"] == "quote").unwrap();
    assert_eq!(quote["speaker"], "Peter Cook");
    let out = env.run(&["annotate", "s.txt", "--published", "2016-05-12", "--format", "json"]).expect(0);
    let date = json(&out.stdout).into_iter().find(|r| r["kind"] == "date").unwrap();
    assert_eq!(date["value"], "2016-05-10", "the flag outranks the sidecar");
    env.write("s.meta.json", r#"{"published": "May the 6th"}"#);
    let out = env.run(&["annotate", "s.txt"]).expect(2);
    assert!(out.stderr.contains("s.meta.json"), "a bad sidecar is named: {}", out.stderr);
}

#[test]
fn a_user_gazetteer_adds_places() {
    let env = Env::new();
    env.write("places.tsv", "# mine\nCamp Nowhere\tplace\tIraq\tNowhere Base\n");
    env.write("t.txt", "Three rockets hit Nowhere Base.\n");
    let plain = env.run(&["annotate", "t.txt", "--format", "json"]).expect(0).stdout;
    assert!(!plain.contains("Camp Nowhere"));
    let with = env.run(&["annotate", "t.txt", "--gazetteer", "places.tsv", "--format", "json"]).expect(0).stdout;
    assert!(json(&with).iter().any(|r| r["name"] == "Camp Nowhere"), "{with}");
}

/// Regressions from review: person rows, a quotation that runs on before its speaker is named,
/// a range shown as a range, a misspelt sidecar key, and a number too large to store.
#[test]
fn review_regressions_hold() {
    for env in Env::each() {
        let out = env.run_with_stdin(
            &["annotate", "-", "--format", "json"],
            "Gen. Michael Kurilla said 3 militants were killed.",
        );
        let rows = json(&out.stdout);
        let person = rows.iter().find(|r| r["kind"] == "person").expect("a person row");
        assert_eq!(
            (person["text"].as_str(), person["name"].as_str()),
            (Some("Michael Kurilla"), Some("Michael Kurilla"))
        );

        env.write(
            "q.txt",
            "“Three civilians died in the attack.\n\n“Ten more were wounded,” said Jane Doe, a spokeswoman.\n",
        );
        let rows = json(&env.run(&["ingest", "q.txt", "--dry-run", "--format", "json"]).expect(0).stdout);
        assert!(rows.iter().all(|r| r["speaker"] == "Jane Doe" && r["attribution"] == "direct"), "{rows:?}");

        env.write("r.txt", "Between 20 and 30 militants were killed in Raqqa.\n");
        env.write("r.meta.json", r#"{"title": "Raqqa", "publised": "2025-01-07"}"#);
        let run = env.run(&["--db", "n.db", "ingest", "r.txt"]).expect(0);
        assert!(run.stderr.contains("unknown key `publised`"), "{}", run.stderr);
        let rows = json(
            &env.run(&["--db", "n.db", "query", "claims select figure, low, high", "--format", "json"])
                .expect(0)
                .stdout,
        );
        assert_eq!(rows[0]["figure"], "20 to 30 killed");

        env.write("big.txt", "The strike killed 99999999999999999999 militants. Two soldiers were wounded.\n");
        let rows = json(&env.run(&["ingest", "big.txt", "--dry-run", "--format", "json"]).expect(0).stdout);
        // The strike itself is a claim with no count; the unstorable count is skipped, and the
        // rest is read.
        let counts: Vec<_> = rows.iter().filter(|r| !r["value"].is_null()).map(|r| &r["quote"]).collect();
        assert_eq!(counts, ["Two soldiers were wounded"], "{rows:?}");
    }
}

#[test]
fn a_surname_alone_means_the_one_stored_person_of_that_name() {
    for env in Env::each() {
        env.sample_db("s.db");
        env.write("k.txt", "“We remain committed to the enduring defeat of ISIS,” General Kurilla said Tuesday.\n");
        let run = env.run(&["--db", "s.db", "ingest", "k.txt", "--published", "2025-02-05"]).expect(0);
        assert!(!run.stderr.contains("new entity: Kurilla"), "{}", run.stderr);
        let claims =
            json(&env.run(&["--db", "s.db", "query", "claims where source = k", "--format", "json"]).expect(0).stdout);
        assert_eq!(claims[0]["speaker"], "Michael Kurilla", "{claims:?}");
        // Where no one stored has the surname, the name stays as written and becomes an entity.
        env.write("n.txt", "“We remain committed,” General Novak said.\n");
        let run = env.run(&["--db", "s.db", "ingest", "n.txt"]).expect(0);
        assert!(run.stderr.contains("new entity: Novak (person)"), "{}", run.stderr);
    }
}

/// A titled surname no one stored has is the one well-known person of it (`people.tsv`), made an
/// entity with the surname as an alias; a stored person of that surname comes first; a bare
/// surname ("Jones said") stays as written, since most people called Jones are not the general.
#[test]
fn a_titled_surname_is_the_well_known_person_unless_someone_stored_has_it() {
    for env in Env::each() {
        let speaker = |db: &str, file: &str| -> Vec<String> {
            let out = env.run(&["--db", db, "ingest", file, "--dry-run", "--format", "json"]).expect(0).stdout;
            json(&out).iter().map(|c| c["speaker"].as_str().unwrap_or("").to_string()).collect()
        };
        env.write("a.txt", "“We will respond,” Secretary Austin said. “It works,” Jones said.\n");
        env.run(&["--db", "e.db", "init"]).expect(0);
        assert_eq!(speaker("e.db", "a.txt"), ["Lloyd Austin", "Jones"]);
        let run = env.run(&["--db", "e.db", "ingest", "a.txt"]).expect(0);
        assert!(run.stderr.contains("new entity: Lloyd Austin (person)"), "{}", run.stderr);
        let rows =
            json(&env.run(&["--db", "e.db", "query", "statements by Austin", "--format", "json"]).expect(0).stdout);
        assert_eq!(rows.len(), 1, "the surname is an alias of the entity: {rows:?}");
        // A database that holds a person of that surname: the stored one.
        let person = r#"{"type":"entity","name":"Jane Austin","kind":"person"}"#;
        env.write("p.ndjson", person);
        env.run(&["--db", "p.db", "import", "p.ndjson"]).expect(0);
        assert_eq!(speaker("p.db", "a.txt"), ["Jane Austin", "Jones"]);
    }
}

/// From a review: a counted group named beyond lowercase ASCII ("Māori", "Afro-Colombians") once
/// failed the whole article, and with it every file of the call. Its figure is stored with a unit
/// the store takes, and the article with it.
#[test]
fn a_group_named_beyond_ascii_is_counted_and_the_article_stored() {
    for env in Env::each() {
        env.write("a.txt", ARTICLE);
        env.write(
            "g.txt",
            "Hundreds of M\u{101}ori were evacuated on Monday.\nHundreds of Afro-Colombians were evacuated too.\n",
        );
        let run = env.run(&["ingest", "--dry-run", "--format", "json", "--published", "2025-01-08", "g.txt"]).expect(0);
        let units: Vec<String> =
            json(&run.stdout).iter().filter_map(|c| c["unit"].as_str().map(String::from)).collect();
        assert_eq!(units, ["people", "afro colombians"], "{}", run.stdout);
        env.run(&["--db", "n.db", "ingest", "--published", "2025-01-08", "a.txt", "g.txt"]).expect(0);
        env.run(&["--db", "n.db", "verify"]).expect(0);
    }
}
