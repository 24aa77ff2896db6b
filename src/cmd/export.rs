//! `claimdb export`: entities, sources and claims in the shapes `import` reads. Claims stream
//! from the database under the field table's keys, so an export of a million claims is never
//! held in memory. Export writes what is stored; `claimdb verify` is what checks it.

use std::io::Write;

use crate::cli::{ExportFormat, RecordType};
use crate::error::Error;
use crate::exit::Outcome;
use crate::model::{EntityRecord, Record, SourceRecord, ALIAS_SEPARATOR};
use crate::print::print;
use crate::render::{csv_io, json_io, JsonKeys, JsonSeq, RowStream, StreamFormat};
use crate::store::read::claim_keys;
use crate::store::Store;

pub fn run(
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
        Some(id) if !store.has_source(id)? => return Err(Error::msg(format!("no source `{id}`"))),
        Some(id) => vec![id.to_string()],
        None => store.source_ids()?,
    };
    let entities: Vec<EntityRecord> = if wants(RecordType::Entities) {
        store.entities()?.iter().map(EntityRecord::from_entity).collect()
    } else {
        Vec::new()
    };
    let source_ids = if wants(RecordType::Sources) { source_ids } else { Vec::new() };
    // Sources one at a time, as they are written: their texts are the bulk of a database.
    let sources = source_ids.iter().map(|id| -> Result<SourceRecord, Error> {
        let s = store.source(id)?.ok_or_else(|| Error::msg(format!("source `{id}` went away during export")))?;
        Ok(SourceRecord::from_source(&s))
    });
    let keys = claim_keys();
    let n = print(|out| match format {
        ExportFormat::Csv => match only {
            Some(RecordType::Entities) => write_csv_entities(out, &entities),
            Some(RecordType::Sources) => write_csv_sources(out, sources),
            _ => {
                let mut stream = RowStream::start(out, StreamFormat::Csv, true, &keys);
                store.each_claim(source, |cells| stream.row(cells))?;
                // No claims, no header: as the csv crate writes entities and sources.
                Ok(if stream.is_empty() { 0 } else { stream.finish()? })
            }
        },
        ExportFormat::Ndjson | ExportFormat::Json => {
            let mut seq = JsonSeq::start(out, format == ExportFormat::Json)?;
            let records =
                entities.into_iter().map(|e| Ok(Record::Entity(e))).chain(sources.map(|s| s.map(Record::Source)));
            for r in records {
                let r = r?;
                seq.item(|out| serde_json::to_writer(out, &r).map_err(json_io))?;
            }
            if wants(RecordType::Claims) {
                let keys = JsonKeys::new(&keys);
                store.each_claim(source, |cells| {
                    seq.item(|out| keys.write_object(out, Some(("type", "claim")), cells))
                })?;
            }
            Ok::<_, Error>(seq.finish()?)
        }
    })?;
    Ok(Outcome::from_count(n))
}

/// Entities in CSV, with the columns `import` reads: aliases share one field.
fn write_csv_entities(out: &mut dyn Write, entities: &[EntityRecord]) -> Result<usize, Error> {
    #[derive(serde::Serialize)]
    struct CsvEntity<'a> {
        name: &'a str,
        kind: &'a str,
        parent: Option<&'a str>,
        aliases: String,
    }
    let mut w = csv::Writer::from_writer(out);
    for e in entities {
        let aliases = e.aliases.join(&ALIAS_SEPARATOR.to_string());
        w.serialize(CsvEntity { name: &e.name, kind: &e.kind, parent: e.parent.as_deref(), aliases })
            .map_err(csv_io)?;
    }
    w.flush()?;
    Ok(entities.len())
}

fn write_csv_sources(
    out: &mut dyn Write,
    sources: impl Iterator<Item = Result<SourceRecord, Error>>,
) -> Result<usize, Error> {
    let mut w = csv::Writer::from_writer(out);
    let mut n = 0;
    for s in sources {
        w.serialize(s?).map_err(csv_io)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}
