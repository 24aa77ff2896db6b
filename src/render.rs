//! Rows out: table, JSON, NDJSON, CSV, TSV and Markdown over one row type. Every command that
//! prints rows builds [`Rows`] and calls [`render`]; this is the only place formats are told apart.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::{presets, ContentArrangement, Table};

use crate::cli::Format;
use crate::settings::Output;
use crate::text::sanitize_for_terminal;

/// One cell. JSON gets numbers as numbers and absent values as `null`; text formats print absent
/// values as empty cells.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    /// A list of names: a JSON array, joined with `|` in CSV and TSV (as `import` reads it back).
    List(Vec<String>),
}

/// A cell as the writers take it, borrowed: rows streamed from SQLite are written straight from
/// its buffers, with no owned copy of each value.
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(Cow<'a, str>),
    List(&'a [String]),
}

impl Value {
    pub fn cell(&self) -> Cell<'_> {
        match self {
            Value::Null => Cell::Null,
            Value::Int(i) => Cell::Int(*i),
            Value::Real(r) => Cell::Real(*r),
            Value::Text(s) => Cell::Text(Cow::Borrowed(s)),
            Value::List(items) => Cell::List(items),
        }
    }
}

impl Cell<'_> {
    pub fn into_value(self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(i) => Value::Int(i),
            Cell::Real(r) => Value::Real(r),
            Cell::Text(s) => Value::Text(s.into_owned()),
            Cell::List(items) => Value::List(items.to_vec()),
        }
    }

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
            Cell::Real(r) => Cow::Owned(r.to_string()),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::List(items) => Cow::Owned(items.join("|")),
        }
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Self {
        Value::Int(i as i64)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Value::Null)
    }
}

/// A number as stored: an integer when it is whole.
pub fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::Int(v as i64)
    } else {
        Value::Real(v)
    }
}

/// Named columns and their rows.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    pub fn new(columns: &[&str]) -> Rows {
        Rows { columns: columns.iter().map(|c| c.to_string()).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Whether a table shows rows across, or one record down the page as field/value pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Across,
    Down,
}

pub fn render(out: &mut dyn Write, output: &Output, rows: &Rows, layout: Layout) -> io::Result<()> {
    if output.format == Format::Table {
        return write_table(out, output, rows, layout);
    }
    let mut stream = RowStream::start(out, output, &rows.columns)?;
    for row in &rows.rows {
        stream.row(&row.iter().map(Value::cell).collect::<Vec<_>>())?;
    }
    stream.finish().map(drop)
}

/// Writes rows one at a time, for every format but the table (which must see every row to size
/// its columns): a query's result goes from SQLite to the output without being held in memory.
pub struct RowStream<'w> {
    sink: Sink<'w>,
    format: Format,
    columns: &'w [String],
    count: usize,
}

enum Sink<'w> {
    Plain(&'w mut dyn Write),
    Csv(Box<csv::Writer<&'w mut dyn Write>>),
}

impl<'w> RowStream<'w> {
    /// Writes what comes before the rows: the header line, or JSON's `[`.
    pub fn start(out: &'w mut dyn Write, output: &Output, columns: &'w [String]) -> io::Result<RowStream<'w>> {
        assert!(output.format != Format::Table, "tables are written whole, by render");
        let sink = match output.format {
            Format::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
            _ => Sink::Plain(out),
        };
        let mut s = RowStream { sink, format: output.format, columns, count: 0 };
        match (&mut s.sink, s.format) {
            (Sink::Csv(w), _) if output.headers => w.write_record(columns).map_err(csv_io)?,
            (Sink::Plain(out), Format::Tsv) if output.headers => {
                let header: Vec<Cell> = columns.iter().map(|c| Cell::Text(Cow::Borrowed(c))).collect();
                write_tsv_row(*out, &header)?
            }
            (Sink::Plain(out), Format::Markdown) if output.headers => {
                writeln!(out, "| {} |", columns.iter().map(|c| md_escape(c)).collect::<Vec<_>>().join(" | "))?;
                writeln!(out, "|{}", columns.iter().map(|_| " --- |").collect::<String>())?;
            }
            (Sink::Plain(out), Format::Json) => out.write_all(b"[")?,
            _ => {}
        }
        Ok(s)
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        debug_assert_eq!(cells.len(), self.columns.len());
        match &mut self.sink {
            Sink::Csv(w) => {
                for c in cells {
                    w.write_field(c.text().as_bytes()).map_err(csv_io)?;
                }
                w.write_record(None::<&[u8]>).map_err(csv_io)?;
            }
            Sink::Plain(out) => match self.format {
                Format::Tsv => write_tsv_row(*out, cells)?,
                Format::Json => {
                    out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                    write_json_object(*out, self.columns, cells)?;
                }
                Format::Ndjson => {
                    write_json_object(*out, self.columns, cells)?;
                    out.write_all(b"\n")?;
                }
                Format::Markdown => {
                    let shown: Vec<String> = cells.iter().map(|c| md_escape(&c.display())).collect();
                    writeln!(out, "| {} |", shown.join(" | "))?;
                }
                Format::Csv | Format::Table => unreachable!("not a plain stream"),
            },
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the output (JSON's `]`) and says how many rows were written.
    pub fn finish(self) -> io::Result<usize> {
        match self.sink {
            Sink::Csv(mut w) => w.flush()?,
            Sink::Plain(out) if self.format == Format::Json => {
                out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?
            }
            Sink::Plain(_) => {}
        }
        Ok(self.count)
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
fn csv_io(e: csv::Error) -> io::Error {
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
        Cell::Real(r) if r.is_finite() => write!(out, "{r}"),
        Cell::Real(_) => out.write_all(b"null"),
        Cell::Text(s) => serde_json::to_writer(&mut *out, s).map_err(json_io),
        Cell::List(items) => serde_json::to_writer(&mut *out, items).map_err(json_io),
    }
}

fn write_json_object(out: &mut dyn Write, columns: &[String], row: &[Cell]) -> io::Result<()> {
    out.write_all(b"{")?;
    for (i, (k, v)) in columns.iter().zip(row).enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, k).map_err(json_io)?;
        out.write_all(b":")?;
        write_json_value(out, v)?;
    }
    out.write_all(b"}")
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

    fn to_string(format: Format, rows: &Rows) -> String {
        let mut buf = Vec::new();
        let output = Output { format, headers: true, width: Some(80) };
        render(&mut buf, &output, rows, Layout::Across).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn json_keeps_types_and_order() {
        assert_eq!(
            to_string(Format::Json, &sample()),
            "[\n{\"id\":\"a\",\"value\":2500,\"quote\":\"tab\\there|pipe\"},\n{\"id\":\"b\",\"value\":null,\"quote\":\"line\\nbreak \\\\\"}\n]\n"
        );
        assert_eq!(to_string(Format::Json, &Rows::new(&["id"])), "[]\n");
        assert_eq!(to_string(Format::Ndjson, &sample()).lines().count(), 2);
    }

    #[test]
    fn tsv_escapes_what_would_break_a_row() {
        assert_eq!(
            to_string(Format::Tsv, &sample()),
            "id\tvalue\tquote\na\t2500\ttab\\there|pipe\nb\t\tline\\nbreak \\\\\n"
        );
    }

    #[test]
    fn csv_quotes_and_markdown_escapes_pipes() {
        assert_eq!(to_string(Format::Csv, &sample()), "id,value,quote\na,2500,tab\there|pipe\nb,,\"line\nbreak \\\"\n");
        let md = to_string(Format::Markdown, &sample());
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
