//! `claimdb ingest`: news articles into claims, each tied to the exact words it rests on.
//!
//! Every article is read and analysed before the database is touched, so a bad file changes
//! nothing; then all of them are written in one transaction.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

use super::article;
use super::import::{report_created, write};
use crate::columns::stored_claim_fields;
use crate::error::Error;
use crate::exit::Outcome;
use crate::extract::{analyse, Analysis, Options};
use crate::model::{sha256_hex, Claim, ClaimRecord, DateSpan, Entity, EntityKind, EntityRecord, Source, SourceRecord};
use crate::print::{plural, print_rows};
use crate::render::Layout;
use crate::rows::Rows;
use crate::settings::Settings;
use crate::text::SourceText;

/// What the flags say about the sources; a sidecar `NAME.meta.json` fills what they leave unset.
pub struct Flags<'a> {
    pub id: Option<&'a str>,
    pub title: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<&'a str>,
    pub gazetteer: Option<&'a Path>,
    pub dry_run: bool,
}

/// One article, read and analysed, ready to store.
struct Article {
    name: String,
    source: Source,
    claims: Vec<Claim>,
    entities: Vec<Entity>,
}

pub fn run(settings: &Settings, files: &[PathBuf], flags: &Flags) -> Result<Outcome, Error> {
    if flags.id.is_some() && files.len() > 1 {
        return Err(Error::msg("--id names one source; with several files, each takes its file's name"));
    }
    if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(Error::msg("standard input (`-`) can be read only once"));
    }
    if !flags.dry_run {
        super::import::db_target(settings, "ingest")?;
    }
    let published = article::published(flags.published)?;
    let g = article::gazetteer(flags.gazetteer)?;
    let known = KnownPeople::of(settings)?;
    let bar = progress(files.len(), settings.progress);
    let mut articles = Vec::with_capacity(files.len());
    for file in files {
        bar.set_message(file.display().to_string());
        articles.push(read(file, flags, published, &g, &known)?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    check_distinct(&articles)?;
    if flags.dry_run {
        let fields: Vec<_> = stored_claim_fields().collect();
        let mut rows = Rows::new(&fields.iter().map(|f| f.name).collect::<Vec<_>>());
        for a in &articles {
            for c in &a.claims {
                let claim = &c;
                rows.push(
                    fields
                        .iter()
                        .map(|f| (f.claim.as_ref().expect("stored fields read claims").get)(claim).into_value())
                        .collect(),
                );
            }
        }
        return print_rows(&settings.output, &rows, Layout::Across);
    }
    // The names this ingest made entities of, to report once it is committed.
    let added: RefCell<Vec<(String, EntityKind)>> = RefCell::new(Vec::new());
    let stats = write(settings, "ingest", false, &|store| {
        added.borrow_mut().clear();
        store.bulk(|store| {
            let mut importer = store.importer()?;
            for a in &articles {
                let fail = |e: String| Error::msg(format!("{}: {e}\nnothing was ingested", a.name));
                if let Some(id) = importer.source_with_hash(&sha256_hex(a.source.text())).map_err(fail)? {
                    return Err(fail(format!(
                        "this text is already stored as source `{id}` (same SHA-256); see it with `claimdb query 'claims where source = {id}'`"
                    )));
                }
                importer.source(a.source.clone()).map_err(fail)?;
                for e in &a.entities {
                    if !importer.knows(e.name()) {
                        // Aliases another entity already goes by stay that entity's.
                        let aliases: Vec<String> = e.aliases().iter().filter(|x| !importer.knows(x)).cloned().collect();
                        let record = EntityRecord {
                            name: e.name().to_string(),
                            kind: e.kind().as_str().into(),
                            parent: e.parent().map(str::to_string),
                            aliases,
                        };
                        importer.entity(&a.name, record.into_entity().map_err(fail)?).map_err(fail)?;
                        added.borrow_mut().push((e.name().to_string(), e.kind()));
                    }
                }
                for c in &a.claims {
                    importer.claim((&a.name, 0), c.clone()).map_err(fail)?;
                }
            }
            importer.finish().map_err(|e| Error::msg(format!("{e}\nnothing was ingested")))
        })
    })?;
    report_created(&stats);
    for a in &articles {
        crate::sanitize::say(format_args!(
            "ingested {} as source `{}`: {}",
            a.name,
            a.source.id(),
            plural(a.claims.len(), "claim", "claims")
        ));
    }
    for (name, kind) in added.borrow().iter() {
        crate::sanitize::say(format_args!("new entity: {name} ({kind})"));
    }
    Ok(Outcome::Found)
}

/// A bar on stderr for many files, when stderr is a terminal; nothing otherwise.
fn progress(n: usize, shown: bool) -> ProgressBar {
    if n < 2 || !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files  {per_sec}  {eta} left  {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Two files of one call may not claim the same id or hold the same text.
fn check_distinct(articles: &[Article]) -> Result<(), Error> {
    for (i, a) in articles.iter().enumerate() {
        for b in &articles[..i] {
            if a.source.id() == b.source.id() {
                return Err(Error::msg(format!(
                    "{} and {} would both be source `{}`; nothing was ingested",
                    b.name,
                    a.name,
                    a.source.id()
                )));
            }
            if a.source.text() == b.source.text() {
                return Err(Error::msg(format!("{} and {} hold the same text; nothing was ingested", b.name, a.name)));
            }
        }
    }
    Ok(())
}

/// A source id from a file name: its stem, with what ids may not hold turned into `-`.
fn slug(file: &Path, text: &str) -> String {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut id: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-') { c } else { '-' })
        .collect();
    id = id.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).chars().take(64).collect();
    if file.as_os_str() == "-" || id.is_empty() {
        id = format!("text-{}", &sha256_hex(text)[..12]);
    }
    id
}

fn read(
    file: &Path,
    flags: &Flags,
    published_flag: Option<DateSpan>,
    g: &crate::extract::gazetteer::Gazetteer,
    known: &KnownPeople,
) -> Result<Article, Error> {
    let (name, text) = article::read_text(file)?;
    let side = article::sidecar(file)?;
    let published = match published_flag {
        Some(p) => Some(p),
        None => article::published(side.published.as_deref())
            .map_err(|e| Error::msg(format!("{}: {e}", file.with_extension("meta.json").display())))?,
    };
    let id = flags.id.map_or_else(|| slug(file, &text), str::to_string);
    let title = article::title(flags.title, side.title, &text);
    let record = SourceRecord {
        id: id.clone(),
        title,
        publisher: flags.publisher.map(str::to_string).or(side.publisher),
        url: flags.url.map(str::to_string).or(side.url),
        published: published.map(|p| p.to_string()),
        added_at: None,
        sha256: None,
        text: Some(text),
        text_file: None,
    };
    let source = record
        .into_source(&|_| Err("no text files here".into()), &crate::import::now())
        .map_err(|e| Error::msg(format!("{name}: {e}")))?;
    let day = article::reference_day(published);
    let an =
        known.resolve(analyse(source.text(), &Options { published: day, gazetteer: g, title: Some(source.title()) }));
    if published.is_some() && day.is_none() {
        crate::sanitize::say(format_args!(
            "warning: {name}: the publication date is not known to the day, so relative dates stay unresolved"
        ));
    } else {
        for w in &an.warnings {
            crate::sanitize::say(format_args!("warning: {name}: {w}"));
        }
    }
    let Records { claims, entities, skipped } =
        records(&id, source.text(), an).map_err(|e| Error::msg(format!("{name}: {e}")))?;
    for why in &skipped {
        crate::sanitize::say(format_args!("warning: {name}: {why}"));
    }
    Ok(Article { name, source, claims, entities })
}

/// What an analysis gives the store: its claims and entities, and the claims left out, each with
/// why, for the user to be told.
struct Records {
    claims: Vec<Claim>,
    entities: Vec<Entity>,
    skipped: Vec<String>,
}

/// The analysis as the model's claims and entities, offsets counted in characters.
fn records(source: &str, text: &str, an: Analysis) -> Result<Records, String> {
    let st = SourceText::new(text.to_string());
    let mut claims = Vec::with_capacity(an.claims.len());
    let mut skipped = Vec::new();
    for d in an.claims {
        let sentence = text[d.sentence.0..d.sentence.1].split_whitespace().collect::<Vec<_>>().join(" ");
        let speaker = d.speaker.as_ref();
        let record = ClaimRecord {
            id: None,
            source: source.to_string(),
            kind: d.kind.as_str().into(),
            quote: text[d.start..d.end].to_string(),
            start: st.char_offset(d.start) as i64,
            end: st.char_offset(d.end) as i64,
            text: sentence,
            party: d.party,
            location: d.location,
            value: d.value,
            low: d.low,
            high: d.high,
            unit: d.unit,
            qualifier: d.qualifier.map(|q| q.as_str().into()),
            date: d.date.map(|x| x.to_string()),
            speaker: speaker.map(|s| s.name.clone()),
            role: speaker.and_then(|s| s.role.clone()),
            said_on: speaker.and_then(|s| s.said_on).map(|x| x.to_string()),
            attribution: Some(d.attribution.as_str().into()),
            modality: Some(d.modality.as_str().into()),
            origin: Some("extracted".into()),
            extractor: Some(crate::extract::VERSION.into()),
        };
        // A claim the model refuses is the extractor's slip, not the article's fault: the article
        // and its other claims are stored, and the user told what was left out.
        let (start, end) = (record.start, record.end);
        match record.into_claim() {
            Ok(claim) => claims.push(claim),
            Err(e) => skipped.push(format!("left out the claim at characters {start}..{end}: {e}")),
        }
    }
    // Two recognisers may make the same claim; keep one.
    claims.dedup_by(|a, b| a.id() == b.id());
    let entities = an
        .entities
        .into_iter()
        .map(|e| {
            EntityRecord { name: e.name, kind: e.kind.as_str().into(), parent: e.parent, aliases: e.aliases }
                .into_entity()
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Records { claims, entities, skipped })
}

/// The people the database file already holds, by surname: an article that names a speaker by
/// surname alone ("General Kurilla said") means the one stored person of that surname, rather
/// than a new person "Kurilla" whose quotes `check` would not find under the full name.
struct KnownPeople {
    by_surname: std::collections::HashMap<String, Vec<String>>,
}

impl KnownPeople {
    fn of(settings: &Settings) -> Result<KnownPeople, Error> {
        let mut by_surname: std::collections::HashMap<String, Vec<String>> = Default::default();
        // Only a file the user named: the built-in sample is not where an ingest goes.
        let store = match &settings.db {
            crate::settings::DbChoice::File(path) if path.exists() => {
                Some(crate::store::Store::open_read(path, settings.busy_timeout)?)
            }
            // Read only (a dry run writes nothing); a database without the schema knows no one.
            crate::settings::DbChoice::Server(url) => {
                match crate::store::Store::connect(url, crate::store::Access::Read, settings.busy_timeout) {
                    Ok(store) => Some(store),
                    Err(Error::Missing(_)) => None,
                    Err(e) => return Err(e),
                }
            }
            _ => None,
        };
        if let Some(store) = store {
            for e in store.entities()? {
                let words: Vec<&str> = e.name().split_whitespace().collect();
                if e.kind() == EntityKind::Person && words.len() > 1 {
                    let last = crate::model::fold_name(words[words.len() - 1]);
                    by_surname.entry(last).or_default().push(e.name().to_string());
                }
            }
        }
        Ok(KnownPeople { by_surname })
    }

    /// The analysis with each speaker named by a surname alone given a full name: the one stored
    /// person of that surname, else (when the article gave a title or role with the name: "General
    /// Kurilla said", not a bare "Jones said") the one well-known person of it (`people.tsv`).
    /// A stored person is no new entity; a well-known one is, with the surname as an alias.
    fn resolve(&self, mut an: crate::extract::Analysis) -> crate::extract::Analysis {
        use crate::model::fold_name;
        // Decided once a surname, for every claim of the article that names it.
        let mut full: std::collections::HashMap<String, (String, bool)> = Default::default();
        for s in an.claims.iter().filter_map(|d| d.speaker.as_ref()).filter(|s| !s.name.contains(' ')) {
            let key = fold_name(&s.name);
            if let Some([stored]) = self.by_surname.get(&key).map(Vec::as_slice) {
                full.insert(key, (stored.clone(), true));
            } else if let Some(known) = crate::extract::people::by_surname(&s.name).filter(|_| s.titled) {
                full.entry(key).or_insert((known.to_string(), false));
            }
        }
        let mut replaced: Vec<(String, String, bool)> = Vec::new();
        for s in an.claims.iter_mut().filter_map(|d| d.speaker.as_mut()) {
            if let Some((name, stored)) = full.get(&fold_name(&s.name)).filter(|_| !s.name.contains(' ')) {
                let surname = std::mem::replace(&mut s.name, name.clone());
                if !replaced.iter().any(|r| r.0 == surname) {
                    replaced.push((surname, name.clone(), *stored));
                }
            }
        }
        for (surname, name, stored) in replaced {
            let Some(i) = an.entities.iter().position(|e| e.kind == EntityKind::Person && e.name == surname) else {
                continue;
            };
            if stored || an.entities.iter().any(|e| e.name == name) {
                an.entities.remove(i);
            } else {
                let e = &mut an.entities[i];
                let surname = std::mem::replace(&mut e.name, name);
                e.aliases.push(surname);
            }
        }
        an
    }
}
