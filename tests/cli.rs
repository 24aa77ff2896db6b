//! The command line as users and scripts meet it: formats, show, exit statuses, help, completions.

mod common;

use common::{project_file, Env};

#[test]
fn every_format_carries_every_claim() {
    let env = Env::new();
    env.sample_db("claims.db");
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&env.run(&["list", "--format", "json"]).expect(0).stdout).unwrap();
    assert_eq!(json.len(), 34);
    let ndjson = env.run(&["list", "--format", "ndjson"]).expect(0).stdout;
    assert_eq!(ndjson.lines().count(), 34);
    let first = ndjson.lines().next().unwrap();
    let keys = [
        "id",
        "source",
        "kind",
        "quote",
        "start",
        "end",
        "text",
        "party",
        "location",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "date",
        "speaker",
        "role",
        "said_on",
        "attribution",
        "modality",
        "origin",
        "extractor",
    ];
    let at: Vec<usize> = keys.iter().map(|k| first.find(&format!("\"{k}\":")).expect(k)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "the documented JSON keys, in order: {first}");
    assert_eq!(json[0].as_object().unwrap().len(), keys.len());

    let csv = env.run(&["list", "--format", "csv"]).expect(0).stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 22);
    assert_eq!(reader.records().count(), 34);

    // Piped with no --format: TSV with a header.
    let tsv = env.run(&["list"]).expect(0).stdout;
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 35);
    assert!(lines[0].starts_with("id\tsource\tkind\tquote"), "{}", lines[0]);
    assert!(lines.iter().all(|l| l.split('\t').count() == 22));
    let no_header = env.run(&["list", "--no-headers"]).expect(0).stdout;
    assert_eq!(no_header.lines().count(), 34);

    let md = env.run(&["list", "--format", "markdown"]).expect(0).stdout;
    assert!(md.starts_with("| id | kind | party | location | figure | date | speaker | quote |"), "{md}");
    assert!(md.contains("| cc16 | troops | United States | Iraq | around 2,500 troops |"), "{md}");

    let table = env.run(&["list", "--format", "table"]).expect(0).stdout;
    assert!(table.contains("cc34"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 120), "a table fits its width:\n{table}");
}

#[test]
fn show_marks_the_quote_in_its_sentence() {
    let env = Env::new();
    let run = env.run(&["show", "cc16", "--format", "table"]).expect(0);
    assert!(
        run.stdout.contains("«Around 2,500 U.S. troops are in Iraq» as part of the campaign against the Islamic"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("around 2,500 troops"), "{}", run.stdout);

    let json: Vec<serde_json::Value> =
        serde_json::from_str(&env.run(&["show", "cc16", "--format", "json"]).expect(0).stdout).unwrap();
    let c = &json[0];
    assert_eq!(
        c["context"],
        "Around 2,500 U.S. troops are in Iraq as part of the campaign against the Islamic State group."
    );
    let article: Vec<char> =
        std::fs::read_to_string(project_file("examples/sample/article.txt")).unwrap().chars().collect();
    let (s, e) = (c["context_start"].as_u64().unwrap() as usize, c["context_end"].as_u64().unwrap() as usize);
    assert_eq!(article[s..e].iter().collect::<String>(), c["context"].as_str().unwrap());

    // A sentence that starts after "U.S." and "Jan." abbreviations is still one sentence.
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&env.run(&["show", "cc28", "--format", "json"]).expect(0).stdout).unwrap();
    assert!(json[0]["context"].as_str().unwrap().starts_with("“ISIS retains capabilities"), "{}", json[0]["context"]);
    assert_eq!(json[0]["speaker"], "Sabrina Singh");
    assert_eq!(json[0]["said_on"], "2025-01-03");

    let run = env.run(&["show", "cc99"]).expect(1);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("no claim `cc99` (ids like it: cc01"), "{}", run.stderr);
}

#[test]
fn entities_list_their_aliases_and_parents() {
    let env = Env::new();
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&env.run(&["entities", "--format", "json"]).expect(0).stdout).unwrap();
    let hamrin = rows.iter().find(|r| r["name"] == "Hamrin Mountains").unwrap();
    assert_eq!(hamrin["parent"], "Iraq");
    assert_eq!(hamrin["kind"], "place");
    let us = rows.iter().find(|r| r["name"] == "United States").unwrap();
    let aliases: Vec<&str> = us["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for a in ["U.S.", "US", "American"] {
        assert!(aliases.contains(&a), "{aliases:?}");
    }
    // `entities` is the query `entities`: rows by name, as every listing of them.
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn exit_statuses_are_greps() {
    let env = Env::new();
    env.run(&["init", "empty.db"]).expect(0);
    let run = env.run(&["--db", "empty.db", "list", "--format", "json"]).expect(1);
    assert_eq!(run.stdout, "[]\n");
    env.run(&["--db", "empty.db", "verify"]).expect(0);
    let run = env.run(&["list", "--format", "yaml"]).expect(2);
    assert!(run.stderr.contains("invalid value 'yaml'"), "{}", run.stderr);
    let run = env.run(&["frobnicate"]).expect(2);
    assert!(run.stderr.contains("unrecognized subcommand"), "{}", run.stderr);
    env.run(&["--help"]).expect(0);
    env.run(&["--version"]).expect(0);
    let run = env.run(&["import"]).expect(2);
    assert!(run.stderr.contains("required"), "{}", run.stderr);
    let run = env.run(&["import", "x.ndjson"]).expect(2);
    assert!(run.stderr.contains("import writes to a database: pass --db PATH"), "{}", run.stderr);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = Env::new();
    env.sample_db("claims.db");
    // Megabytes of output, far past a pipe's buffer, so the writes after `head` exits must fail.
    env.write("many.txt", &"claims\n".repeat(300));
    for format in ["ndjson", "json", "csv", "tsv", "markdown", "table"] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "'{}' query --file many.txt --format {format} | head -1 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
                env!("CARGO_BIN_EXE_claimdb")
            ))
            .current_dir(env.dir.path())
            .output()
            .unwrap();
        // Regression: CSV's writer wrapped the broken pipe in another error kind, so it was
        // reported as a failure (exit 2, "Broken pipe") while every other format ended quietly.
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0", "{format}");
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_same_definitions() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let out = env.run(&["completions", shell]).expect(0).stdout;
        for sub in ["init", "import", "export", "verify", "sources"] {
            assert!(out.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let man = env.run(&["man"]).expect(0).stdout;
    assert!(man.contains(".TH claimdb"), "{man}");
    assert!(man.contains("verify"), "{man}");
    env.run(&["completions", "powershell"]).expect(2);
}

/// Every subcommand has help with an example, and a README entry.
#[test]
fn every_command_has_help_with_an_example_and_a_readme_entry() {
    use clap::CommandFactory;
    let readme = std::fs::read_to_string(project_file("README.md")).unwrap();
    let env = Env::new();
    for sub in claimdb::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        if name == "help" {
            continue;
        }
        let help = env.run(&[name, "--help"]).expect(0).stdout;
        assert!(help.contains("Example"), "`claimdb {name} --help` has no example:\n{help}");
        assert!(readme.contains(&format!("claimdb {name}")), "README.md does not mention `claimdb {name}`");
    }
}

/// Regression: tables formatted figures in SQL (`printf('%g')`: "around 1.23457e+06 troops")
/// while `show` used Rust ("around 1234567.5 troops"). Both now use one formatter.
#[test]
fn list_and_show_print_a_figure_alike() {
    let env = Env::new();
    env.write(
        "f.ndjson",
        &[
            r#"{"type":"source","id":"t","title":"Test","text":"About 1234567.5 troops."}"#,
            r#"{"type":"claim","id":"f1","source":"t","kind":"troops","quote":"About 1234567.5 troops","start":0,"end":22,"text":"About 1234567.5 troops.","value":1234567.5,"unit":"troops","qualifier":"approximate"}"#,
        ]
        .join("\n"),
    );
    env.run(&["--db", "f.db", "import", "f.ndjson"]).expect(0);
    let list = env.run(&["--db", "f.db", "list", "--format", "markdown"]).expect(0).stdout;
    assert!(list.contains("| around 1,234,567.5 troops |"), "{list}");
    let show = env.run(&["--db", "f.db", "show", "f1", "--format", "markdown"]).expect(0).stdout;
    assert!(show.contains("| around 1,234,567.5 troops |"), "{show}");
    let json = env.run(&["--db", "f.db", "list", "--format", "json"]).expect(0).stdout;
    assert!(json.contains(r#""value":1234567.5,"#), "{json}");
}

/// A large import shows its progress on a terminal (bytes, rate, time left) and nothing but its
/// summary when stderr is not one, so scripts and logs stay clean.
#[test]
fn import_shows_progress_only_on_a_terminal() {
    let env = Env::new();
    let text = "Two soldiers were wounded. ".repeat(20);
    let mut lines = vec![format!(r#"{{"type":"source","id":"s","title":"t","text":"{text}"}}"#)];
    for i in 0..20_000 {
        let start = (i % 20) * 27;
        lines.push(format!(
            r#"{{"type":"claim","id":"k{i}","source":"s","kind":"casualty","quote":"Two soldiers were wounded","start":{start},"end":{},"text":"Claim {i}.","value":2,"unit":"wounded","qualifier":"exact","attribution":"author"}}"#,
            start + 25
        ));
    }
    env.write("big.ndjson", &(lines.join("\n") + "\n"));
    let piped = env.run(&["--db", "piped.db", "import", "big.ndjson"]).expect(0);
    assert!(!piped.stderr.contains('\x1b') && piped.stderr.lines().count() == 1, "{}", piped.stderr);
    // `script` gives the command a terminal; skip, saying so, where util-linux's script is missing.
    let Ok(script) = which("script") else {
        println!("skipped the terminal half: no `script` command here");
        return;
    };
    let bin = env!("CARGO_BIN_EXE_claimdb");
    let mut cmd = std::process::Command::new(script);
    cmd.current_dir(env.dir.path()).env_remove("CLAIMDB_DB").args([
        "-qec",
        &format!("{bin} --db tty.db import big.ndjson"),
        "/dev/null",
    ]);
    let run = common::run(cmd).expect(0);
    assert!(run.stdout.contains("big.ndjson") && run.stdout.contains('\x1b'), "no progress drawn:\n{:?}", run.stdout);
    assert!(run.stdout.contains("imported 0 entities, 1 source, 20000 claims into tty.db"), "{:?}", run.stdout);
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .and_then(|p| std::env::split_paths(&p).map(|d| d.join(name)).find(|f| f.is_file()))
        .ok_or(())
}
