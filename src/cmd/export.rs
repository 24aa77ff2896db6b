//! `claimdb export`: entities, sources and claims in the shapes `import` reads. Claims stream
//! from the database under the field table's keys, so an export of a million claims is never
//! held in memory.

use std::io::{self, Write};

use crate::cli::{ExportFormat, RecordType};
use crate::error::Error;
use crate::exit::Outcome;
use crate::model::{EntityRecord, Record, SourceRecord, ALIAS_SEPARATOR};
use crate::print::print;
use crate::render::{csv_io, json_io, write_json_object, RowStream, StreamFormat};
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
            let s = store.source(id)?.ok_or_else(|| Error::msg(format!("source `{id}` went away during export")))?;
            records.push(Record::Source(SourceRecord::from_source(&s)));
        }
    }
    let keys = claim_keys();
    let n = print(|out| {
        let mut n = records.len();
        if format == ExportFormat::Csv {
            if only == Some(RecordType::Claims) {
                let mut stream = RowStream::start(out, StreamFormat::Csv, true, &keys)?;
                store.each_claim(source, |cells| stream.row(cells))?;
                n += stream.finish()?;
            } else {
                write_csv_records(out, &records)?;
            }
            return Ok::<_, Error>(n);
        }
        let mut w = RecordWriter { out, json: format == ExportFormat::Json, count: 0 };
        for r in &records {
            w.record(|out| serde_json::to_writer(&mut *out, r).map_err(json_io))?;
        }
        if wants(RecordType::Claims) {
            store.each_claim(source, |cells| {
                w.record(|out| write_json_object(out, Some(("type", "claim")), &keys, cells))
            })?;
        }
        n = w.count;
        w.finish()?;
        Ok(n)
    })?;
    Ok(Outcome::from_count(n))
}

/// Records one a line (NDJSON) or as the elements of one JSON array.
struct RecordWriter<'a> {
    out: &'a mut dyn Write,
    json: bool,
    count: usize,
}

impl RecordWriter<'_> {
    fn record(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        if self.json {
            self.out.write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
            write(self.out)?;
        } else {
            write(self.out)?;
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    fn finish(self) -> io::Result<()> {
        match (self.json, self.count) {
            (true, 0) => self.out.write_all(b"[]\n"),
            (true, _) => self.out.write_all(b"\n]\n"),
            (false, _) => Ok(()),
        }
    }
}

/// CSV of entities or sources, with the same columns `import` reads.
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
        .map_err(csv_io)?;
    }
    w.flush()
}
