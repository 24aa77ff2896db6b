//! The one row type every stage hands on: named columns and cells. The store produces it, the
//! renderer prints it, and neither knows the other.

use std::borrow::Cow;

use crate::model::whole;

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

/// A cell as the writers take it, borrowed: rows streamed from the database are written straight
/// from its buffers, with no owned copy of each value.
#[derive(Debug, Clone)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(Cow<'a, str>),
    List(Cow<'a, [String]>),
}

impl Value {
    pub fn cell(&self) -> Cell<'_> {
        match self {
            Value::Null => Cell::Null,
            Value::Int(i) => Cell::Int(*i),
            Value::Real(r) => Cell::Real(*r),
            Value::Text(s) => Cell::Text(Cow::Borrowed(s)),
            Value::List(items) => Cell::List(Cow::Borrowed(items)),
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
            Cell::List(items) => Value::List(items.into_owned()),
        }
    }

    /// A figure as stored: an integer when it is whole (figures in news are mostly counts).
    pub fn number(v: f64) -> Cell<'static> {
        match whole(v) {
            Some(i) => Cell::Int(i),
            None => Cell::Real(v),
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
