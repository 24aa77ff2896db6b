//! Reading input files into records: NDJSON and CSV stream one record at a time, a JSON array is
//! read whole. Every error names the file, the line and the field.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;

use crate::model::record::{ClaimRecord, EntityRecord, Record, SourceRecord, ALIAS_SEPARATOR};

/// Where a record came from, for error messages: `claims.ndjson:12`.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An error in an input file, at a line.
#[derive(Debug, Clone)]
pub struct RecordError {
    pub origin: Origin,
    pub reason: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// The input shapes `import` reads. Decided by the content, not the file name: a leading `[` is a
/// JSON array, a leading `{` NDJSON, anything else CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputShape {
    Ndjson,
    JsonArray,
    Csv,
}

pub fn sniff(start: &[u8]) -> InputShape {
    let start = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(start);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => InputShape::JsonArray,
        Some(b'{') => InputShape::Ndjson,
        _ => InputShape::Csv,
    }
}

/// Reads every record of one input, calling `each` in file order. Stops at the first error.
/// NDJSON and CSV stream, one record at a time, so memory stays flat however long the file;
/// a JSON array is read whole.
pub fn read_records(
    name: &str,
    mut reader: impl std::io::BufRead,
    mut each: impl FnMut(Origin, Record) -> Result<(), String>,
) -> Result<(), RecordError> {
    let cannot_read = |e: std::io::Error| RecordError {
        origin: Origin { file: name.to_string(), line: 1 },
        reason: format!("cannot read: {e}"),
    };
    // Blank lines (and a BOM) before the first record say nothing of the shape; a file with
    // nothing else is empty, which is most likely a mistake (a failed download, a wrong name).
    let mut skipped = 0;
    let shape = loop {
        let buf = reader.fill_buf().map_err(cannot_read)?;
        if buf.is_empty() {
            let origin = Origin { file: name.to_string(), line: 1 };
            return Err(RecordError { origin, reason: "the file is empty: there are no records to import".into() });
        }
        let whole = buf.len();
        let buf = buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(buf);
        if buf.iter().any(|b| !b.is_ascii_whitespace()) {
            break sniff(buf);
        }
        let (len, lines) = (whole, bytecount_newlines(buf));
        skipped += lines;
        reader.consume(len);
    };
    let at = |line: usize| Origin { file: name.to_string(), line: line + skipped };
    let fail = |line: usize, reason: String| RecordError { origin: at(line), reason };
    let io_fail = |line: usize, e: std::io::Error| match e.kind() {
        std::io::ErrorKind::InvalidData => fail(line, "the file is not valid UTF-8".into()),
        _ => fail(line, format!("cannot read: {e}")),
    };
    match shape {
        InputShape::Ndjson => {
            let mut line = String::new();
            let mut n = 0;
            loop {
                line.clear();
                n += 1;
                if reader.read_line(&mut line).map_err(|e| io_fail(n, e))? == 0 {
                    break;
                }
                let text = if n == 1 { line.trim_start_matches('\u{feff}') } else { &line };
                if text.trim().is_empty() {
                    continue;
                }
                let record = typed::<Line>(text).and_then(Line::into_record).map_err(|r| fail(n, r))?;
                each(at(n), record).map_err(|r| fail(n, r))?;
            }
        }
        InputShape::JsonArray => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(|e| io_fail(1, e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let bad = e.utf8_error().valid_up_to();
                fail(bytecount_newlines(&e.as_bytes()[..bad]) + 1, "the file is not valid UTF-8".into())
            })?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)
                .map_err(|e| fail(e.line(), format!("not a JSON array of records: {}", json_reason(&e))))?;
            // Elements come in order: count the lines between one and the next, not from the start
            // each time (which made a large array quadratic: 150,000 records took 36 s).
            let (mut seen, mut line) = (0, 1);
            for item in items {
                let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
                line += bytecount_newlines(&text.as_bytes()[seen..offset]);
                seen = offset;
                let record: Record = typed(item.get()).map_err(|r| fail(line, r))?;
                each(at(line), record).map_err(|r| fail(line, r))?;
            }
        }
        InputShape::Csv => read_csv(reader, &at, &mut each)?,
    }
    Ok(())
}

fn bytecount_newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// One NDJSON line, whatever its type: a flat struct that borrows its strings from the line, so a
/// record is parsed in one pass with no intermediate tree (serde's internally tagged enums buffer
/// every field first, which costs more than the parse itself on a large import).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(rename = "type", borrow)]
    ty: Cow<'a, str>,
    // entity
    #[serde(default, borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    parent: Option<Cow<'a, str>>,
    #[serde(default)]
    aliases: Option<Vec<String>>,
    // source
    #[serde(default, borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    publisher: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    added_at: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    sha256: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    text_file: Option<Cow<'a, str>>,
    // claim
    #[serde(default, borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    quote: Option<Cow<'a, str>>,
    #[serde(default)]
    start: Option<i64>,
    #[serde(default)]
    end: Option<i64>,
    #[serde(default, borrow)]
    party: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    location: Option<Cow<'a, str>>,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    low: Option<f64>,
    #[serde(default)]
    high: Option<f64>,
    #[serde(default, borrow)]
    unit: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    qualifier: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    speaker: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    role: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    said_on: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    attribution: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    modality: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    origin: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    extractor: Option<Cow<'a, str>>,
    // shared: entity and claim
    #[serde(default, borrow)]
    kind: Option<Cow<'a, str>>,
    // shared: source and claim
    #[serde(default, borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    text: Option<Cow<'a, str>>,
}

impl Line<'_> {
    /// The record this line is, with the same errors the typed records give: a field the type does
    /// not have is unknown, a field it needs is missing.
    fn into_record(self) -> Result<Record, String> {
        fn own(v: Option<Cow<'_, str>>) -> Option<String> {
            v.map(Cow::into_owned)
        }
        fn need<T>(name: &str, v: Option<T>) -> Result<T, String> {
            v.ok_or_else(|| format!("missing field `{name}`"))
        }
        let present = |fields: &[(&'static str, bool)], ty: &str| -> Result<(), String> {
            match fields.iter().find(|(_, set)| *set) {
                Some((f, _)) => Err(format!("unknown field `{f}` for a record of type `{ty}`")),
                None => Ok(()),
            }
        };
        let entity_only =
            [("name", self.name.is_some()), ("parent", self.parent.is_some()), ("aliases", self.aliases.is_some())];
        let source_only = [
            ("title", self.title.is_some()),
            ("publisher", self.publisher.is_some()),
            ("url", self.url.is_some()),
            ("published", self.published.is_some()),
            ("added_at", self.added_at.is_some()),
            ("sha256", self.sha256.is_some()),
            ("text_file", self.text_file.is_some()),
        ];
        let claim_only = [
            ("source", self.source.is_some()),
            ("quote", self.quote.is_some()),
            ("start", self.start.is_some()),
            ("end", self.end.is_some()),
            ("party", self.party.is_some()),
            ("location", self.location.is_some()),
            ("value", self.value.is_some()),
            ("low", self.low.is_some()),
            ("high", self.high.is_some()),
            ("unit", self.unit.is_some()),
            ("qualifier", self.qualifier.is_some()),
            ("date", self.date.is_some()),
            ("speaker", self.speaker.is_some()),
            ("role", self.role.is_some()),
            ("said_on", self.said_on.is_some()),
            ("attribution", self.attribution.is_some()),
            ("modality", self.modality.is_some()),
            ("origin", self.origin.is_some()),
            ("extractor", self.extractor.is_some()),
        ];
        match &*self.ty {
            "entity" => {
                present(&source_only, "entity")?;
                present(&claim_only, "entity")?;
                present(&[("id", self.id.is_some()), ("text", self.text.is_some())], "entity")?;
                Ok(Record::Entity(EntityRecord {
                    name: need("name", own(self.name))?,
                    kind: need("kind", own(self.kind))?,
                    parent: own(self.parent),
                    aliases: self.aliases.unwrap_or_default(),
                }))
            }
            "source" => {
                present(&entity_only, "source")?;
                present(&claim_only, "source")?;
                present(&[("kind", self.kind.is_some())], "source")?;
                Ok(Record::Source(SourceRecord {
                    id: need("id", own(self.id))?,
                    title: need("title", own(self.title))?,
                    publisher: own(self.publisher),
                    url: own(self.url),
                    published: own(self.published),
                    added_at: own(self.added_at),
                    sha256: own(self.sha256),
                    text: own(self.text),
                    text_file: own(self.text_file),
                }))
            }
            "claim" => {
                present(&entity_only, "claim")?;
                present(&source_only, "claim")?;
                Ok(Record::Claim(ClaimRecord {
                    id: own(self.id),
                    source: need("source", own(self.source))?,
                    kind: need("kind", own(self.kind))?,
                    quote: need("quote", own(self.quote))?,
                    start: need("start", self.start)?,
                    end: need("end", self.end)?,
                    text: need("text", own(self.text))?,
                    party: own(self.party),
                    location: own(self.location),
                    value: self.value,
                    low: self.low,
                    high: self.high,
                    unit: own(self.unit),
                    qualifier: own(self.qualifier),
                    date: own(self.date),
                    speaker: own(self.speaker),
                    role: own(self.role),
                    said_on: own(self.said_on),
                    attribution: own(self.attribution),
                    modality: own(self.modality),
                    origin: own(self.origin),
                    extractor: own(self.extractor),
                }))
            }
            other => Err(format!("unknown record type `{other}`; expected `entity`, `source` or `claim`")),
        }
    }
}

/// Deserializes `text`, naming the field where a value has the wrong type (serde's own message
/// says only "invalid type: string \"1700\", expected i64"). The path is tracked only when the
/// plain parse fails: on a large import it would cost on every line.
fn typed<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|_| {
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(_) => "the record could not be read".to_string(),
            Err(e) => {
                let path = e.path().to_string();
                let reason = json_reason(e.inner());
                if path == "." || path.is_empty() || path.contains('?') || reason.contains(&format!("`{path}`")) {
                    reason
                } else {
                    format!("field `{path}`: {reason}")
                }
            }
        }
    })
}

/// serde_json's message without its "at line 1 column 5" tail when the input is one line.
fn json_reason(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        // Column 0 is serde_json's way of saying the line ended first.
        Some(i) if e.column() == 0 => format!("{} (the line ends too soon)", &msg[..i]),
        Some(i) => format!("{} (column {})", &msg[..i], e.column()),
        None => msg,
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CsvEntity {
    name: String,
    kind: String,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    aliases: Option<String>,
}

fn read_csv(
    reader: impl std::io::Read,
    at: &dyn Fn(usize) -> Origin,
    each: &mut dyn FnMut(Origin, Record) -> Result<(), String>,
) -> Result<(), RecordError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(reader);
    let headers = reader
        .headers()
        .map_err(|e| RecordError { origin: at(1), reason: format!("cannot read the CSV header: {e}") })?
        .clone();
    let has = |h: &str| headers.iter().any(|x| x == h);
    let shape = if has("quote") {
        "claim"
    } else if has("title") {
        "source"
    } else if has("name") {
        "entity"
    } else {
        return Err(RecordError {
            origin: at(1),
            reason: format!(
                "cannot tell what this CSV holds: its header ({}) has no `quote` (claims), `title` (sources) or `name` (entities) column",
                headers.iter().collect::<Vec<_>>().join(",")
            ),
        });
    };
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            RecordError { origin: at(line), reason: format!("malformed CSV: {e}") }
        })?;
        let line = row.position().map(|p| p.line() as usize).unwrap_or(0);
        let bad = |e: csv::Error| RecordError { origin: at(line), reason: csv_reason(&e) };
        let record = match shape {
            "claim" => Record::Claim(row.deserialize(Some(&headers)).map_err(bad)?),
            "source" => Record::Source(row.deserialize(Some(&headers)).map_err(bad)?),
            _ => {
                let e: CsvEntity = row.deserialize(Some(&headers)).map_err(bad)?;
                Record::Entity(EntityRecord {
                    name: e.name,
                    kind: e.kind,
                    parent: e.parent,
                    aliases: e
                        .aliases
                        .map(|a| {
                            a.split(ALIAS_SEPARATOR).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
                        })
                        .unwrap_or_default(),
                })
            }
        };
        each(at(line), record).map_err(|reason| RecordError { origin: at(line), reason })?;
    }
    Ok(())
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(i) => format!("field {}: {}", i + 1, err.kind()),
            None => err.kind().to_string(),
        },
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_json(extra: &str) -> String {
        format!(
            r#"{{"type":"claim","id":"x1","source":"s","kind":"troops","quote":"2,500 troops","start":0,"end":12,"text":"2,500 troops."{extra}}}"#
        )
    }

    fn read_all(name: &str, text: &str) -> Result<Vec<(usize, Record)>, RecordError> {
        let mut out = Vec::new();
        read_records(name, text.as_bytes(), |o, r| {
            out.push((o.line, r));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn ndjson_lines_keep_their_numbers_and_skip_blanks() {
        let text = format!("{}\n\n{}\n", claim_json(""), claim_json(r#","party":"US""#));
        let recs = read_all("a.ndjson", &text).unwrap();
        assert_eq!(recs.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 3]);
    }

    #[test]
    fn unknown_fields_are_errors_with_their_line() {
        let text = format!("{}\n{}\n", claim_json(""), claim_json(r#","locaton":"Iraq""#));
        let e = read_all("a.ndjson", &text).unwrap_err();
        assert_eq!(e.origin.line, 2);
        assert!(e.reason.contains("unknown field `locaton`"), "{}", e.reason);
    }

    #[test]
    fn json_arrays_report_the_line_of_the_bad_element() {
        let text = format!("[\n{},\n{}\n]", claim_json(""), r#"{"type":"claim","id":"x2"}"#);
        let e = read_all("a.json", &text).unwrap_err();
        assert_eq!(e.to_string().split(':').nth(1), Some("3"), "{e}");
        assert!(e.reason.contains("missing field"), "{}", e.reason);
    }

    #[test]
    fn csv_is_told_by_its_header() {
        let text = "name,kind,parent,aliases\nIraq,country,,Iraqi|Republic of Iraq\n";
        let recs = read_all("e.csv", text).unwrap();
        let Record::Entity(e) = &recs[0].1 else { panic!("not an entity: {:?}", recs[0].1) };
        assert_eq!(e.aliases, vec!["Iraqi", "Republic of Iraq"]);
        assert_eq!(e.parent, None, "an empty CSV field is a null");
        let e = read_all("x.csv", "foo,bar\n1,2\n").unwrap_err();
        assert!(e.reason.starts_with("cannot tell what this CSV holds"), "{}", e.reason);
    }

    /// The fast NDJSON reader spells out a claim's keys in its own struct; every key of the
    /// field table must come through it into the same record that export writes and import reads.
    #[test]
    fn every_stored_claim_key_reads_back_through_the_fast_reader() {
        let text = claim_json(
            r#","party":"U.S.","location":"Iraq","value":2500.5,"low":2000,"high":3000,"unit":"troops","qualifier":"approximate","date":"2025-01","speaker":"CENTCOM","role":"command","said_on":"2025-01-06","attribution":"direct","modality":"expected","origin":"extracted","extractor":"1""#,
        );
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).filter(|k| *k != "type").collect();
        let mut want: Vec<&str> = crate::columns::stored_claim_fields().map(|f| f.name).collect();
        keys.sort_unstable();
        want.sort_unstable();
        assert_eq!(keys, want, "the test line holds every stored key");
        let records = read_all("a.ndjson", &text).unwrap();
        let Record::Claim(read) = &records[0].1 else { panic!("not a claim") };
        let Record::Claim(typed) = serde_json::from_str::<Record>(&text).unwrap() else { panic!("not a claim") };
        assert_eq!(read, &typed);
    }
}
