//! The query's syntax tree. Every node keeps its byte span in the query text, so any later stage
//! can point a caret at what it objects to. `Display` prints canonical query text:
//! `parse(q.to_string())` gives `q` back (spans aside), which a property test checks.

use std::fmt;

use crate::model::{whole, DateSpan};

/// Byte offsets `start..end` into the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// A word with where it stood: a target, field or function name.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub target: Name,
    pub sugar: Vec<Sugar>,
    pub filter: Option<Cond>,
    pub select: Vec<Item>,
    pub group_by: Vec<Name>,
    pub order_by: Vec<Order>,
    pub limit: Option<Limit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SugarKind {
    /// `in PLACE`: location, with the places inside it.
    In,
    /// `by SPEAKER`
    By,
    /// `on DATE`: the claim's date or the day it was said.
    On,
    /// `from SOURCE`
    From,
}

impl SugarKind {
    pub fn keyword(self) -> &'static str {
        match self {
            SugarKind::In => "in",
            SugarKind::By => "by",
            SugarKind::On => "on",
            SugarKind::From => "from",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sugar {
    pub kind: SugarKind,
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    /// The operator as written; SQL spells each the same way.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Two or more alternatives (a flat list, so long chains never nest deeply).
    Or(Vec<Cond>),
    And(Vec<Cond>),
    Not(Box<Cond>, Span),
    /// `( cond )`, kept so printing gives back what was written.
    Group(Box<Cond>, Span),
    Compare {
        field: Name,
        op: Op,
        value: Value,
    },
    In {
        field: Name,
        values: Vec<Value>,
        span: Span,
    },
    Between {
        field: Name,
        low: Value,
        high: Value,
        span: Span,
    },
    /// `field ~ text`: full-text match on quote and text, substring match elsewhere.
    Match {
        field: Name,
        value: Value,
    },
    IsNull {
        field: Name,
        negated: bool,
        span: Span,
    },
}

impl Cond {
    pub fn span(&self) -> Span {
        match self {
            Cond::Or(cs) | Cond::And(cs) => cs[0].span().to(cs[cs.len() - 1].span()),
            Cond::Not(_, s) | Cond::Group(_, s) => *s,
            Cond::Compare { field, value, .. } | Cond::Match { field, value } => field.span.to(value.span),
            Cond::In { span, .. } | Cond::Between { span, .. } | Cond::IsNull { span, .. } => *span,
        }
    }
}

/// A literal as written; what it means depends on the field it is compared with, which the
/// resolver knows (`2025` is a number for `value`, a year for `date`).
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ValueKind {
    /// `2500`, `2,500`, `1.5`: digit separators are gone, the number remains.
    Number(f64),
    /// `2025-01`, `2025-01-06`, `2025-01-02/2025-01-03` (a bare `2025` is a Number).
    Date(DateSpan),
    /// `"quoted text"` or `'quoted'`.
    Quoted(String),
    /// `Iraq`, `U.S.`, `F-16s`.
    Word(String),
}

impl ValueKind {
    /// The text a user would mean by it, for text and name fields.
    pub fn as_text(&self) -> String {
        match self {
            ValueKind::Number(n) => canonical_number(*n),
            ValueKind::Date(d) => d.to_string(),
            ValueKind::Quoted(s) | ValueKind::Word(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    Sum,
    Min,
    Max,
    Avg,
}

impl Aggregate {
    pub const ALL: [Aggregate; 4] = [Aggregate::Sum, Aggregate::Min, Aggregate::Max, Aggregate::Avg];

    pub fn as_str(self) -> &'static str {
        match self {
            Aggregate::Sum => "sum",
            Aggregate::Min => "min",
            Aggregate::Max => "max",
            Aggregate::Avg => "avg",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Field(Name),
    Count(Span),
    Aggregate { func: Aggregate, field: Name, span: Span },
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Field(n) => n.span,
            Item::Count(s) | Item::Aggregate { span: s, .. } => *s,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub item: Item,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Limit {
    pub n: u64,
    pub span: Span,
}

/// Numbers print as the parser reads them back: without separators, integers without a fraction.
fn canonical_number(n: f64) -> String {
    match whole(n) {
        Some(i) => i.to_string(),
        None => n.to_string(),
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ValueKind::Number(n) => f.write_str(&canonical_number(*n)),
            ValueKind::Date(d) => write!(f, "{d}"),
            ValueKind::Word(w) => f.write_str(w),
            ValueKind::Quoted(s) => {
                f.write_str("\"")?;
                for c in s.chars() {
                    match c {
                        '"' => f.write_str("\\\"")?,
                        '\\' => f.write_str("\\\\")?,
                        c => write!(f, "{c}")?,
                    }
                }
                f.write_str("\"")
            }
        }
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Field(n) => f.write_str(&n.text),
            Item::Count(_) => f.write_str("count"),
            Item::Aggregate { func, field, .. } => write!(f, "{}({})", func.as_str(), field.text),
        }
    }
}

impl fmt::Display for Cond {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, cs: &[Cond], sep: &str| -> fmt::Result {
            for (i, c) in cs.iter().enumerate() {
                if i > 0 {
                    write!(f, " {sep} ")?;
                }
                write!(f, "{c}")?;
            }
            Ok(())
        };
        match self {
            Cond::Or(cs) => join(f, cs, "or"),
            Cond::And(cs) => join(f, cs, "and"),
            Cond::Not(c, _) => write!(f, "not {c}"),
            Cond::Group(c, _) => write!(f, "({c})"),
            Cond::Compare { field, op, value } => write!(f, "{} {} {value}", field.text, op.as_str()),
            Cond::In { field, values, .. } => {
                write!(f, "{} in (", field.text)?;
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str(")")
            }
            Cond::Between { field, low, high, .. } => write!(f, "{} between {low} and {high}", field.text),
            Cond::Match { field, value } => write!(f, "{} ~ {value}", field.text),
            Cond::IsNull { field, negated, .. } => {
                write!(f, "{} is {}null", field.text, if *negated { "not " } else { "" })
            }
        }
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.target.text)?;
        for s in &self.sugar {
            write!(f, " {} {}", s.kind.keyword(), s.value)?;
        }
        if let Some(c) = &self.filter {
            write!(f, " where {c}")?;
        }
        let list = |f: &mut fmt::Formatter<'_>, items: Vec<String>| f.write_str(&items.join(", "));
        if !self.select.is_empty() {
            f.write_str(" select ")?;
            list(f, self.select.iter().map(|i| i.to_string()).collect())?;
        }
        if !self.group_by.is_empty() {
            f.write_str(" group by ")?;
            list(f, self.group_by.iter().map(|n| n.text.clone()).collect())?;
        }
        if !self.order_by.is_empty() {
            f.write_str(" order by ")?;
            list(
                f,
                self.order_by
                    .iter()
                    .map(|o| format!("{}{}", o.item, if o.descending { " desc" } else { "" }))
                    .collect(),
            )?;
        }
        if let Some(l) = &self.limit {
            write!(f, " limit {}", l.n)?;
        }
        Ok(())
    }
}
