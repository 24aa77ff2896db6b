//! One function for each subcommand: open what it needs, do it, render the rows.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Cli, Command, ExportFormat, Format, OutputArgs, RecordType, Shell};
use crate::error::Error;
use crate::exit::Outcome;
use crate::import::{import, Input};
use crate::model::{Claim, Entity};
use crate::records::{ClaimRecord, EntityRecord, Record, SourceRecord, ALIAS_SEPARATOR};
use crate::render::{json_io, number, render, Layout, RowStream, Rows, Value};
use crate::settings::{DbChoice, Output};
use crate::store::Store;
use crate::text::SourceText;
use crate::{dsl, sample, store};

pub fn run(cli: Cli) -> Result<Outcome, Error> {
    let db = DbChoice::resolve(cli.db.as_deref());
    match cli.command {
        Command::Init { path, sample } => init(&path, sample),
        Command::Import { files } => import_files(&db, &files),
        Command::Export { format, only, source } => export(&open(&db)?, format, only, source.as_deref()),
        Command::Query { query, file, output } => query_command(&open(&db)?, &query, file.as_deref(), &output),
        Command::Explain { query, format } => explain(&open(&db)?, &query.join(" "), defaults_for(format)),
        Command::Sql { sql, output } => sql_command(&db, &sql.join(" "), &output),
        Command::Shell { output } => crate::shell::run(&open(&db)?, &output),
        Command::Fields { target, output } => fields(target.as_deref(), &output),
        // `list` is the query `claims`: one path for the columns of every claim listing.
        Command::List { output } => query_command(&open(&db)?, &["claims".to_string()], None, &output),
        Command::Show { id, output } => show(&open(&db)?, &id, &output),
        Command::Sources { output } => sources(&open(&db)?, &output),
        Command::Entities { output } => entities(&open(&db)?, &output),
        Command::Verify { output } => verify(&open(&db)?, &output),
        Command::Completions { shell } => completions(shell),
        Command::Man => man(),
    }
}

/// Opens the chosen database, saying so on stderr when it is the built-in sample or was migrated.
pub fn open(db: &DbChoice) -> Result<Store, Error> {
    match db {
        DbChoice::File(path) => {
            let store = Store::open(path)?;
            if let Some(from) = store.migrated_from {
                eprintln!("claimdb: note: migrated {} from schema {from} to {}", path.display(), store::SCHEMA_VERSION);
            }
            Ok(store)
        }
        DbChoice::Sample => {
            eprintln!("claimdb: note: no --db, CLAIMDB_DB or ./claims.db; using the built-in sample in memory");
            Store::open_sample()
        }
    }
}

/// Opens the chosen database for raw SQL, locked against every write.
fn open_read_only(db: &DbChoice) -> Result<Store, Error> {
    match db {
        DbChoice::File(path) => Store::open_read_only(path),
        DbChoice::Sample => {
            let mut store = open(db)?;
            store.make_read_only()?;
            Ok(store)
        }
    }
}

/// Writes through a buffer to stdout; a reader that went away (`| head`) ends the command quietly.
pub(crate) fn print<T, E: Into<Error>>(f: impl FnOnce(&mut dyn Write) -> Result<T, E>) -> Result<T, Error> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let value = f(&mut out).map_err(Into::into)?;
    out.flush()?;
    Ok(value)
}

pub(crate) fn print_rows(output: &OutputArgs, rows: &Rows, layout: Layout) -> Result<Outcome, Error> {
    let output = Output::resolve(output);
    print(|out| render(out, &output, rows, layout))?;
    Ok(Outcome::from_count(rows.len()))
}

fn init(path: &Path, with_sample: bool) -> Result<Outcome, Error> {
    let mut store = Store::create(path)?;
    if with_sample {
        if let Err(e) = sample::load(&mut store) {
            drop(store);
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
    }
    let what = if with_sample { "with the built-in sample" } else { "empty" };
    eprintln!("claimdb: created {} (schema {}), {what}", path.display(), store::SCHEMA_VERSION);
    Ok(Outcome::Found)
}

fn import_files(db: &DbChoice, files: &[std::path::PathBuf]) -> Result<Outcome, Error> {
    let DbChoice::File(path) = db else {
        return Err(Error::msg(
            "import writes to a database file: pass --db PATH, set CLAIMDB_DB, or create ./claims.db with `claimdb init`",
        ));
    };
    // Open every file before touching the database, so a missing one changes nothing.
    let inputs = files.iter().map(|f| Input::from_path(f)).collect::<Result<Vec<_>, _>>()?;
    let created = !path.exists();
    let mut store = if created { Store::create(path)? } else { open(db)? };
    let result = import(&mut store, &inputs);
    drop(store);
    let stats = match result {
        Ok(s) => s,
        Err(e) => {
            if created {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
    };
    for (name, kind) in &stats.created {
        eprintln!("claimdb: note: `{name}` was not a known name, so it was added as a {kind}; import an entity record to set its kind and aliases");
    }
    eprintln!(
        "claimdb: imported {}, {}, {} into {} ({} already there unchanged)",
        plural(stats.entities, "entity", "entities"),
        plural(stats.sources, "source", "sources"),
        plural(stats.claims, "claim", "claims"),
        path.display(),
        plural(stats.unchanged, "record", "records"),
    );
    Ok(Outcome::Found)
}

fn export(
    store: &Store,
    format: ExportFormat,
    only: Option<RecordType>,
    source: Option<&str>,
) -> Result<Outcome, Error> {
    if format == ExportFormat::Csv && only.is_none() {
        return Err(Error::msg(
            "a CSV file holds one record type: add --only entities, --only sources or --only claims",
        ));
    }
    let wants = |t: RecordType| only.is_none_or(|o| o == t);
    let source_ids = match source {
        Some(id) if store.source(id)?.is_none() => return Err(Error::msg(format!("no source `{id}`"))),
        Some(id) => vec![id.to_string()],
        None => store.source_ids()?,
    };
    let mut records = Vec::new();
    if wants(RecordType::Entities) {
        records.extend(store.entities()?.iter().map(|e| Record::Entity(EntityRecord::from_entity(e))));
    }
    if wants(RecordType::Sources) {
        for id in &source_ids {
            let s = store.source(id)?.expect("listed above");
            records.push(Record::Source(SourceRecord::from_source(&s)));
        }
    }
    if wants(RecordType::Claims) {
        records.extend(
            store
                .claims()?
                .iter()
                .filter(|c| source_ids.contains(&c.source))
                .map(|c| Record::Claim(ClaimRecord::from_claim(c))),
        );
    }
    let n = records.len();
    print(|out| match format {
        ExportFormat::Ndjson => {
            for r in &records {
                serde_json::to_writer(&mut *out, r).map_err(json_io)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        ExportFormat::Json => {
            out.write_all(b"[")?;
            for (i, r) in records.iter().enumerate() {
                out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, r).map_err(json_io)?;
            }
            out.write_all(if records.is_empty() { b"]\n" } else { b"\n]\n" })
        }
        ExportFormat::Csv => write_csv_records(out, &records),
    })?;
    Ok(Outcome::from_count(n))
}

/// CSV of one record type, with the same columns `import` reads.
fn write_csv_records(out: &mut dyn Write, records: &[Record]) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct CsvEntity<'a> {
        name: &'a str,
        kind: &'a str,
        parent: Option<&'a str>,
        aliases: String,
    }
    let mut w = csv::Writer::from_writer(out);
    for r in records {
        match r {
            Record::Entity(e) => w.serialize(CsvEntity {
                name: &e.name,
                kind: &e.kind,
                parent: e.parent.as_deref(),
                aliases: e.aliases.join(&ALIAS_SEPARATOR.to_string()),
            }),
            Record::Source(s) => w.serialize(s),
            Record::Claim(c) => w.serialize(c),
        }
        .map_err(io::Error::other)?;
    }
    w.flush()
}

/// Every field of a claim under its JSON key, in the documented order.
const CLAIM_FIELDS: &[&str] = &[
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
    "unit",
    "qualifier",
    "date",
    "speaker",
    "role",
    "said_on",
    "attribution",
    "modality",
];

fn claim_values(c: &Claim) -> Vec<Value> {
    let speaker = c.attribution.speaker();
    vec![
        c.id.clone().into(),
        c.source.clone().into(),
        c.kind.as_str().into(),
        c.quote.clone().into(),
        c.span.start().into(),
        c.span.end().into(),
        c.text.clone().into(),
        c.party.clone().into(),
        c.location.clone().into(),
        c.quantity.as_ref().map(|q| number(q.value())).unwrap_or(Value::Null),
        c.quantity.as_ref().map(|q| q.unit().to_string()).into(),
        c.quantity.as_ref().map(|q| q.qualifier().as_str()).into(),
        c.date.map(|d| d.to_string()).into(),
        speaker.map(|s| s.name.clone()).into(),
        speaker.and_then(|s| s.role.clone()).into(),
        speaker.and_then(|s| s.said_on).map(|d| d.to_string()).into(),
        c.attribution.kind().as_str().into(),
        c.modality.as_str().into(),
    ]
}

/// Whether a format is for people (a subset of fields, readable) or for programs (every field).
pub(crate) fn for_people(output: &OutputArgs) -> bool {
    defaults_for(Output::resolve(output).format) == dsl::Defaults::ForPeople
}

/// The columns a query gives when it selects none, by the format it prints in.
pub(crate) fn defaults_for(format: Format) -> dsl::Defaults {
    match format {
        Format::Table | Format::Markdown => dsl::Defaults::ForPeople,
        Format::Json | Format::Ndjson | Format::Csv | Format::Tsv => dsl::Defaults::ForPrograms,
    }
}

fn show(store: &Store, id: &str, output: &OutputArgs) -> Result<Outcome, Error> {
    let Some(claim) = store.claim(id)? else {
        let near = store.claim_ids_like(&id.chars().take(2).collect::<String>(), 5)?;
        let hint = if near.is_empty() { String::new() } else { format!(" (ids like it: {})", near.join(", ")) };
        eprintln!("claimdb: no claim `{id}`{hint}");
        return Ok(Outcome::NothingFound);
    };
    let source = store
        .source(&claim.source)?
        .ok_or_else(|| Error::msg(format!("claim `{id}` points at missing source `{}`", claim.source)))?;
    let text = SourceText::new(source.text);
    let (qs, qe) = match (text.byte(claim.span.start()), text.byte(claim.span.end())) {
        (Some(s), Some(e)) => (s, e),
        _ => return Err(Error::msg(format!("claim `{id}` lies outside its source; run `claimdb verify`"))),
    };
    let (ss, se) = text.sentence_around(qs, qe);
    let t = text.as_str();
    let people = for_people(output);
    let mut columns: Vec<&str> = CLAIM_FIELDS.to_vec();
    let mut values = claim_values(&claim);
    if people {
        columns.push("figure");
        values.push(claim.quantity.as_ref().map(|q| q.to_string()).into());
        columns.push("context");
        values.push(format!("{}«{}»{}", &t[ss..qs], &t[qs..qe], &t[qe..se]).into());
    } else {
        columns.extend(["context", "context_start", "context_end"]);
        values.push(t[ss..se].to_string().into());
        values.push(text.char_offset(ss).into());
        values.push(text.char_offset(se).into());
    }
    let mut rows = Rows::new(&columns);
    rows.push(values);
    print_rows(output, &rows, Layout::Down)
}

/// Parses, resolves and compiles, or renders the error with a caret under the query.
pub(crate) fn compile_query(query: &str, defaults: dsl::Defaults) -> Result<dsl::Sql, Error> {
    dsl::to_sql(query, defaults).map_err(|e| Error::msg(e.render(query)))
}

fn query_command(store: &Store, words: &[String], file: Option<&Path>, output: &OutputArgs) -> Result<Outcome, Error> {
    let defaults = defaults_for(Output::resolve(output).format);
    let queries: Vec<String> = match file {
        None => vec![words.join(" ")],
        Some(path) => {
            let text = if path.as_os_str() == "-" {
                io::read_to_string(io::stdin())?
            } else {
                std::fs::read_to_string(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?
            };
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
        }
    };
    // Compile them all first: a bad line is reported before any output.
    let compiled = queries
        .iter()
        .enumerate()
        .map(|(n, q)| {
            compile_query(q, defaults).map_err(|e| match file {
                Some(f) => Error::msg(format!("{}:{}: {e}", f.display(), n + 1)),
                None => e,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut found = 0;
    let resolved = Output::resolve(output);
    for sql in &compiled {
        if resolved.format == Format::Table {
            let rows = store.run(sql)?;
            found += rows.len();
            print_rows(output, &rows, Layout::Across)?;
        } else {
            // Every other format streams: rows go from SQLite to stdout as they come.
            found += print(|out| {
                let mut stream = RowStream::start(out, &resolved, &sql.columns)?;
                store.run_each(sql, |cells| stream.row(cells))?;
                Ok::<_, Error>(stream.finish()?)
            })?;
        }
    }
    Ok(Outcome::from_count(found))
}

fn sql_command(db: &DbChoice, sql: &str, output: &OutputArgs) -> Result<Outcome, Error> {
    let store = open_read_only(db)?;
    let rows = store.sql(sql)?;
    print_rows(output, &rows, Layout::Across)
}

pub(crate) fn fields(target: Option<&str>, output: &OutputArgs) -> Result<Outcome, Error> {
    use crate::dsl::fields::{Target, TARGETS};
    let targets: Vec<(&str, Target)> = match target {
        None => Target::BASE.iter().map(|&t| (t.name(), t)).collect(),
        Some(name) => match TARGETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            Some(&(n, t)) => vec![(n, t)],
            None => {
                let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
                return Err(Error::msg(format!("no target `{name}`; the targets are {}", names.join(", "))));
            }
        },
    };
    let mut rows = Rows::new(&["target", "field", "type", "example"]);
    for (name, target) in targets {
        for f in target.fields() {
            rows.push(vec![name.into(), f.name.into(), f.ty.describe().into(), f.example.into()]);
        }
    }
    print_rows(output, &rows, Layout::Across)
}

pub(crate) fn explain(store: &Store, query: &str, defaults: dsl::Defaults) -> Result<Outcome, Error> {
    let parsed = dsl::parse(query).map_err(|e| Error::msg(e.render(query)))?;
    let sql = compile_query(query, defaults)?;
    let plan = store.plan(&sql)?;
    print(|out| write_explanation(out, &parsed, &sql, &plan))?;
    Ok(Outcome::Found)
}

fn write_explanation(out: &mut dyn Write, parsed: &dsl::ast::Query, sql: &dsl::Sql, plan: &[String]) -> io::Result<()> {
    writeln!(out, "query: {parsed}")?;
    writeln!(out, "sql:   {}", sql.text)?;
    for (i, p) in sql.params.iter().enumerate() {
        let shown = match p {
            rusqlite::types::Value::Text(t) => serde_json::to_string(t).unwrap_or_default(),
            rusqlite::types::Value::Integer(n) => n.to_string(),
            rusqlite::types::Value::Real(r) => r.to_string(),
            other => format!("{other:?}"),
        };
        writeln!(out, "  ?{} = {shown}", i + 1)?;
    }
    writeln!(out, "plan:")?;
    for line in plan {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

fn sources(store: &Store, output: &OutputArgs) -> Result<Outcome, Error> {
    let list = store.source_summaries()?;
    let people = for_people(output);
    let mut rows = if people {
        Rows::new(&["id", "title", "published", "chars", "claims", "sha256"])
    } else {
        Rows::new(&["id", "title", "publisher", "url", "published", "added_at", "sha256", "chars", "claims"])
    };
    for s in list {
        rows.push(if people {
            vec![
                s.id.into(),
                s.title.into(),
                s.published.into(),
                s.chars.into(),
                s.claims.into(),
                format!("{}…", &s.sha256[..12]).into(),
            ]
        } else {
            vec![
                s.id.into(),
                s.title.into(),
                s.publisher.into(),
                s.url.into(),
                s.published.into(),
                s.added_at.into(),
                s.sha256.into(),
                s.chars.into(),
                s.claims.into(),
            ]
        });
    }
    print_rows(output, &rows, Layout::Across)
}

fn entities(store: &Store, output: &OutputArgs) -> Result<Outcome, Error> {
    let mut rows = Rows::new(&["name", "kind", "parent", "aliases"]);
    for Entity { name, kind, parent, aliases } in store.entities()? {
        rows.push(vec![name.into(), kind.as_str().into(), parent.into(), Value::List(aliases)]);
    }
    print_rows(output, &rows, Layout::Across)
}

fn verify(store: &Store, output: &OutputArgs) -> Result<Outcome, Error> {
    let v = store.verify()?;
    let mut rows = Rows::new(&["check", "id", "detail"]);
    for f in &v.faults {
        rows.push(vec![f.check.into(), f.id.clone().into(), f.detail.clone().into()]);
    }
    let output = Output::resolve(output);
    print(|out| render(out, &output, &rows, Layout::Across))?;
    if v.faults.is_empty() {
        eprintln!(
            "claimdb: verified {} in {}: every quote matches its span and every source its hash",
            plural(v.claims, "claim", "claims"),
            plural(v.sources, "source", "sources")
        );
        Ok(Outcome::Found)
    } else {
        eprintln!(
            "claimdb: {} in {} claims and {} sources",
            plural(v.faults.len(), "fault", "faults"),
            v.claims,
            v.sources
        );
        Ok(Outcome::NothingFound)
    }
}

fn completions(shell: Shell) -> Result<Outcome, Error> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    print(|out| {
        clap_complete::generate(shell, &mut Cli::command(), "claimdb", out);
        Ok::<_, io::Error>(())
    })?;
    Ok(Outcome::Found)
}

fn man() -> Result<Outcome, Error> {
    print(|out| clap_mangen::Man::new(Cli::command()).render(out))?;
    Ok(Outcome::Found)
}

/// `1 claim`, `2 claims`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
