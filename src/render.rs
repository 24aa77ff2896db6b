//! Rows out: table, JSON, NDJSON, CSV, TSV and Markdown over one row type. Every command that
//! prints rows builds [`Rows`] and calls [`render`]; this is the only place formats are told apart.

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

impl Value {
    fn to_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Real(r) => r.to_string(),
            Value::Text(s) => s.clone(),
            Value::List(items) => items.join("|"),
        }
    }

    /// How a person reads it in a table.
    fn to_display(&self) -> String {
        match self {
            Value::List(items) => items.join(", "),
            v => v.to_text(),
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
    match output.format {
        Format::Table => write_table(out, output, rows, layout),
        Format::Json => write_json(out, rows),
        Format::Ndjson => write_ndjson(out, rows),
        Format::Csv => write_csv(out, output.headers, rows),
        Format::Tsv => write_tsv(out, output.headers, rows),
        Format::Markdown => write_markdown(out, output.headers, rows),
    }
}

fn write_table(out: &mut dyn Write, output: &Output, rows: &Rows, layout: Layout) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    table.set_width(output.width.unwrap_or(120));
    let cell = |v: &Value| sanitize_for_terminal(&v.to_display()).into_owned();
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

/// serde_json wraps I/O errors; unwrap them so a closed pipe is still seen as one.
pub fn json_io(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

fn write_json_value(out: &mut dyn Write, v: &Value) -> io::Result<()> {
    match v {
        Value::Null => out.write_all(b"null"),
        Value::Int(i) => write!(out, "{i}"),
        Value::Real(r) if r.is_finite() => write!(out, "{r}"),
        Value::Real(_) => out.write_all(b"null"),
        Value::Text(s) => serde_json::to_writer(&mut *out, s).map_err(json_io),
        Value::List(items) => serde_json::to_writer(&mut *out, items).map_err(json_io),
    }
}

fn write_json_object(out: &mut dyn Write, columns: &[String], row: &[Value]) -> io::Result<()> {
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

fn write_json(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, row) in rows.rows.iter().enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        write_json_object(out, &rows.columns, row)?;
    }
    out.write_all(if rows.is_empty() { b"]\n" } else { b"\n]\n" })
}

fn write_ndjson(out: &mut dyn Write, rows: &Rows) -> io::Result<()> {
    for row in &rows.rows {
        write_json_object(out, &rows.columns, row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_csv(out: &mut dyn Write, headers: bool, rows: &Rows) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    if headers {
        w.write_record(&rows.columns)?;
    }
    for row in &rows.rows {
        w.write_record(row.iter().map(Value::to_text))?;
    }
    w.flush()
}

/// TSV has no quoting, so the characters that would break a row are escaped the way PostgreSQL's
/// COPY and most TSV readers expect.
fn tsv_escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\t', '\n', '\r', '\\']) {
        return s.into();
    }
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r").into()
}

fn write_tsv(out: &mut dyn Write, headers: bool, rows: &Rows) -> io::Result<()> {
    let mut line = String::new();
    let mut emit = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = String>| -> io::Result<()> {
        line.clear();
        for (i, c) in cells.enumerate() {
            if i > 0 {
                line.push('\t');
            }
            line.push_str(&tsv_escape(&c));
        }
        line.push('\n');
        out.write_all(line.as_bytes())
    };
    if headers {
        emit(out, &mut rows.columns.iter().cloned())?;
    }
    for row in &rows.rows {
        emit(out, &mut row.iter().map(Value::to_text))?;
    }
    Ok(())
}

fn write_markdown(out: &mut dyn Write, headers: bool, rows: &Rows) -> io::Result<()> {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    if headers {
        writeln!(out, "| {} |", rows.columns.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "))?;
        writeln!(out, "|{}", rows.columns.iter().map(|_| " --- |").collect::<String>())?;
    }
    for row in &rows.rows {
        writeln!(out, "| {} |", row.iter().map(|v| esc(&v.to_display())).collect::<Vec<_>>().join(" | "))?;
    }
    Ok(())
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
