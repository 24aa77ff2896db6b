//! Rows out: table, JSON, NDJSON, CSV, TSV and Markdown over one row type. Every command that
//! prints rows builds [`Rows`] (or streams [`Cell`]s) and calls [`render`] or [`RowStream`]; this
//! is the only place formats are told apart.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::{presets, ContentArrangement, Table};

use crate::model::ALIAS_SEPARATOR;
use crate::rows::{Cell, Rows, Value};
use crate::sanitize::sanitize_for_terminal;

/// How rows are printed: a table, which must see every row to size its columns, or a format
/// that streams row by row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Stream(StreamFormat),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    Json,
    Ndjson,
    Csv,
    Tsv,
    Markdown,
}

impl Format {
    /// Tables and Markdown are read by people and show a readable subset of a claim's fields;
    /// the other formats are read by programs and carry every field.
    pub fn is_for_people(self) -> bool {
        matches!(self, Format::Table | Format::Stream(StreamFormat::Markdown))
    }
}

/// A number with a fraction, as every format writes it: the shortest text that reads back as the
/// same number (serde_json's and the csv crate's form), `1e-7` rather than `0.0000001`, `1e300`
/// rather than 301 digits.
fn real(r: f64) -> Cow<'static, str> {
    if let Some(i) = crate::model::whole(r) {
        Cow::Owned(i.to_string())
    } else if r.is_finite() {
        Cow::Owned(ryu::Buffer::new().format_finite(r).to_string())
    } else {
        Cow::Owned(r.to_string())
    }
}

/// Everything about printing that was decided once, from the flags and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    pub headers: bool,
    /// Terminal width for tables, when stdout is a terminal.
    pub width: Option<u16>,
    /// Stdout is a terminal: every format escapes what would act on it.
    pub terminal: bool,
}

impl Cell<'_> {
    /// How a person reads it in a table or Markdown: a list is joined with `, `.
    fn display(&self) -> Cow<'_, str> {
        match self {
            Cell::List(items) => Cow::Owned(items.join(", ")),
            c => c.text(),
        }
    }

    /// As text formats write it: absent is empty, a list is joined with `|`.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Null => Cow::Borrowed(""),
            Cell::Int(i) => Cow::Owned(i.to_string()),
            Cell::Real(r) => real(*r),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::List(items) => Cow::Owned(items.join(&ALIAS_SEPARATOR.to_string())),
        }
    }
}

/// Whether a table shows rows across, or one record down the page as field/value pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Across,
    Down,
}

pub fn render(out: &mut dyn Write, output: &Output, rows: &Rows, layout: Layout) -> io::Result<()> {
    let format = match output.format {
        Format::Table => return write_table(out, output, rows, layout),
        Format::Stream(f) => f,
    };
    let mut stream = RowStream::start(out, format, output.headers, &rows.columns).sanitized(output.terminal);
    for row in &rows.rows {
        stream.row(&row.iter().map(Value::cell).collect::<Vec<_>>())?;
    }
    stream.finish().map(drop)
}

/// Writes rows one at a time, for every format but the table: a query's result goes from the
/// database to the output without being held in memory. Nothing is written until the first row
/// or the end, so a statement that fails before it finds a row leaves no header behind.
pub struct RowStream<'w> {
    state: State<'w>,
    format: StreamFormat,
    headers: bool,
    columns: &'w [String],
    count: usize,
    /// Escape what would act on a terminal (the output is one).
    sanitize: bool,
}

enum State<'w> {
    Waiting(Option<&'w mut dyn Write>),
    Open(Sink<'w>),
}

enum Sink<'w> {
    Json(JsonSeq<'w>, JsonKeys),
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
    Tsv(&'w mut dyn Write),
    Markdown(&'w mut dyn Write),
}

impl<'w> RowStream<'w> {
    pub fn start(out: &'w mut dyn Write, format: StreamFormat, headers: bool, columns: &'w [String]) -> RowStream<'w> {
        RowStream { state: State::Waiting(Some(out)), format, headers, columns, count: 0, sanitize: false }
    }

    /// Escapes control and bidirectional characters in every value, for output to a terminal.
    pub fn sanitized(mut self, yes: bool) -> RowStream<'w> {
        self.sanitize = yes;
        self
    }

    /// Whether no row has been written (and so nothing at all).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Writes what comes before the rows, once: the header line, or JSON's `[`.
    fn open(&mut self) -> io::Result<&mut Sink<'w>> {
        if let State::Waiting(out) = &mut self.state {
            let out = out.take().expect("a waiting stream has its output");
            let (columns, headers) = (self.columns, self.headers);
            let sink = match self.format {
                StreamFormat::Json | StreamFormat::Ndjson => {
                    Sink::Json(JsonSeq::start(out, self.format == StreamFormat::Json)?, JsonKeys::new(columns))
                }
                StreamFormat::Csv => {
                    let mut w = csv::Writer::from_writer(out);
                    if headers {
                        w.write_record(columns).map_err(csv_io)?;
                    }
                    Sink::Csv(Box::new(w))
                }
                StreamFormat::Tsv => {
                    if headers {
                        let header: Vec<Cell> = columns.iter().map(|c| Cell::Text(Cow::Borrowed(c))).collect();
                        write_tsv_row(out, &header)?;
                    }
                    Sink::Tsv(out)
                }
                StreamFormat::Markdown => {
                    if headers {
                        writeln!(out, "| {} |", columns.iter().map(|c| md_escape(c)).collect::<Vec<_>>().join(" | "))?;
                        writeln!(out, "|{}", columns.iter().map(|_| " --- |").collect::<String>())?;
                    }
                    Sink::Markdown(out)
                }
            };
            self.state = State::Open(sink);
        }
        match &mut self.state {
            State::Open(sink) => Ok(sink),
            State::Waiting(_) => Err(io::Error::other("the output stream could not be opened")),
        }
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        debug_assert_eq!(cells.len(), self.columns.len());
        let escaped: Vec<Cell>;
        let cells = if self.sanitize {
            escaped = cells.iter().map(sanitized).collect();
            &escaped[..]
        } else {
            cells
        };
        match self.open()? {
            Sink::Json(seq, keys) => seq.item(|out| keys.write_object(out, None, cells))?,
            Sink::Csv(w) => {
                for c in cells {
                    w.write_field(c.text().as_bytes()).map_err(csv_io)?;
                }
                w.write_record(None::<&[u8]>).map_err(csv_io)?;
            }
            Sink::Tsv(out) => write_tsv_row(*out, cells)?,
            Sink::Markdown(out) => {
                let shown: Vec<String> = cells.iter().map(|c| md_escape(&c.display())).collect();
                writeln!(out, "| {} |", shown.join(" | "))?;
            }
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the output (JSON's `]`; the header of a result with no rows) and says how many rows
    /// were written.
    pub fn finish(mut self) -> io::Result<usize> {
        self.open()?;
        match self.state {
            State::Open(Sink::Json(seq, _)) => seq.finish().map(drop)?,
            State::Open(Sink::Csv(mut w)) => w.flush()?,
            _ => {}
        }
        Ok(self.count)
    }
}

fn sanitized<'a>(c: &Cell<'a>) -> Cell<'a> {
    match c {
        Cell::Text(t) => match sanitize_for_terminal(t) {
            Cow::Borrowed(_) => c.clone(),
            Cow::Owned(s) => Cell::Text(Cow::Owned(s)),
        },
        Cell::List(items) => {
            Cell::List(items.iter().map(|i| sanitize_for_terminal(i).into_owned()).collect::<Vec<_>>().into())
        }
        other => other.clone(),
    }
}

/// JSON values one after another: the elements of one array, or one a line (NDJSON). The one
/// place their framing is written: query results and export's records both go through it.
pub struct JsonSeq<'w> {
    out: &'w mut dyn Write,
    array: bool,
    count: usize,
}

impl<'w> JsonSeq<'w> {
    pub fn start(out: &'w mut dyn Write, array: bool) -> io::Result<JsonSeq<'w>> {
        if array {
            out.write_all(b"[")?;
        }
        Ok(JsonSeq { out, array, count: 0 })
    }

    /// Writes one value with `write`, framed.
    pub fn item(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        if self.array {
            self.out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
            write(self.out)?;
        } else {
            write(self.out)?;
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    /// Closes an array and says how many values were written.
    pub fn finish(self) -> io::Result<usize> {
        if self.array {
            self.out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(self.count)
    }
}

/// The member names of a result's JSON objects, each escaped once (`"id":`) rather than once a
/// row: on a large result, escaping the same keys again was a tenth of the work.
pub struct JsonKeys(Vec<Vec<u8>>);

impl JsonKeys {
    pub fn new(columns: &[String]) -> JsonKeys {
        JsonKeys(
            columns
                .iter()
                .map(|c| {
                    let mut key = serde_json::to_vec(c).expect("a string serialises");
                    key.push(b':');
                    key
                })
                .collect(),
        )
    }

    /// One JSON object; `tag` puts a first member before the columns (export's `"type":"claim"`).
    pub fn write_object(&self, out: &mut dyn Write, tag: Option<(&str, &str)>, row: &[Cell]) -> io::Result<()> {
        out.write_all(b"{")?;
        if let Some((k, v)) = tag {
            serde_json::to_writer(&mut *out, k).map_err(json_io)?;
            out.write_all(b":")?;
            serde_json::to_writer(&mut *out, v).map_err(json_io)?;
        }
        for (i, (key, v)) in self.0.iter().zip(row).enumerate() {
            if i > 0 || tag.is_some() {
                out.write_all(b",")?;
            }
            out.write_all(key)?;
            write_json_value(out, v)?;
        }
        out.write_all(b"}")
    }
}

fn write_table(out: &mut dyn Write, output: &Output, rows: &Rows, layout: Layout) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(output.width.unwrap_or(120));
    let cell = |v: &Value| sanitize_for_terminal(&v.cell().display()).into_owned();
    match layout {
        Layout::Across => {
            if output.headers {
                table.set_header(&rows.columns);
            }
            for row in &rows.rows {
                table.add_row(row.iter().map(cell));
            }
        }
        Layout::Down => {
            for (i, row) in rows.rows.iter().enumerate() {
                if i > 0 {
                    table.add_row(vec![String::new(), String::new()]);
                }
                for (name, v) in rows.columns.iter().zip(row) {
                    table.add_row(vec![name.clone(), cell(v)]);
                }
            }
        }
    }
    writeln!(out, "{table}")
}

/// The csv crate wraps I/O errors too; unwrap them so a closed pipe (`| head`) ends quietly.
pub fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// serde_json wraps I/O errors; unwrap them so a closed pipe is still seen as one.
pub fn json_io(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

fn write_json_value(out: &mut dyn Write, v: &Cell) -> io::Result<()> {
    match v {
        Cell::Null => out.write_all(b"null"),
        Cell::Int(i) => write!(out, "{i}"),
        Cell::Real(r) if r.is_finite() => out.write_all(real(*r).as_bytes()),
        Cell::Real(_) => out.write_all(b"null"),
        Cell::Text(s) => serde_json::to_writer(&mut *out, s).map_err(json_io),
        Cell::List(items) => serde_json::to_writer(&mut *out, &**items).map_err(json_io),
    }
}

/// TSV has no quoting, so the characters that would break a row are escaped the way PostgreSQL's
/// COPY and most TSV readers expect.
fn tsv_escape(s: &str) -> Cow<'_, str> {
    // A byte scan: these are ASCII, and `str::contains` with a set of chars is several times slower
    // on the long quotes and texts of a bulk export.
    if !s.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\\')) {
        return s.into();
    }
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r").into()
}

fn write_tsv_row(out: &mut dyn Write, cells: &[Cell]) -> io::Result<()> {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\t")?;
        }
        match c {
            Cell::Null => {}
            Cell::Int(n) => write!(out, "{n}")?,
            c => out.write_all(tsv_escape(&c.text()).as_bytes())?,
        }
    }
    out.write_all(b"\n")
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rows {
        let mut r = Rows::new(&["id", "value", "quote"]);
        r.push(vec!["a".into(), Value::Int(2500), "tab\there|pipe".into()]);
        r.push(vec!["b".into(), Value::Null, "line\nbreak \\".into()]);
        r
    }

    const JSON: Format = Format::Stream(StreamFormat::Json);
    const NDJSON: Format = Format::Stream(StreamFormat::Ndjson);
    const CSV: Format = Format::Stream(StreamFormat::Csv);
    const TSV: Format = Format::Stream(StreamFormat::Tsv);
    const MARKDOWN: Format = Format::Stream(StreamFormat::Markdown);

    fn to_string(format: Format, rows: &Rows) -> String {
        let mut buf = Vec::new();
        let output = Output { format, headers: true, width: Some(80), terminal: false };
        render(&mut buf, &output, rows, Layout::Across).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn json_keeps_types_and_order() {
        assert_eq!(
            to_string(JSON, &sample()),
            "[\n{\"id\":\"a\",\"value\":2500,\"quote\":\"tab\\there|pipe\"},\n{\"id\":\"b\",\"value\":null,\"quote\":\"line\\nbreak \\\\\"}\n]\n"
        );
        assert_eq!(to_string(JSON, &Rows::new(&["id"])), "[]\n");
        assert_eq!(to_string(NDJSON, &sample()).lines().count(), 2);
    }

    #[test]
    fn tsv_escapes_what_would_break_a_row() {
        assert_eq!(to_string(TSV, &sample()), "id\tvalue\tquote\na\t2500\ttab\\there|pipe\nb\t\tline\\nbreak \\\\\n");
    }

    #[test]
    fn csv_quotes_and_markdown_escapes_pipes() {
        assert_eq!(to_string(CSV, &sample()), "id,value,quote\na,2500,tab\there|pipe\nb,,\"line\nbreak \\\"\n");
        let md = to_string(MARKDOWN, &sample());
        assert!(md.starts_with("| id | value | quote |\n| --- | --- | --- |\n"), "{md}");
        assert!(md.contains("tab\there\\|pipe"), "{md}");
        assert!(md.contains("line<br>break"), "{md}");
    }

    #[test]
    fn tables_escape_terminal_controls() {
        let mut r = Rows::new(&["quote"]);
        r.push(vec!["evil\u{1b}[2J".into()]);
        let t = to_string(Format::Table, &r);
        assert!(!t.contains('\u{1b}'), "{t}");
        assert!(t.contains("\\u{1b}[2J"), "{t}");
    }
}
