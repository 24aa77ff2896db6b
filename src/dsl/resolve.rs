//! Checks a parsed query against its target's fields and gives every value its meaning: `2025`
//! becomes a year for `date` and a number for `value`, `US` an alias key for `party`, `troop` an
//! error with a suggestion for `kind`. What comes out can always be compiled.

use crate::columns::{Expr, Field, FieldType, Fts, Target, TARGETS};
use crate::dsl::ast::{self, Cond, Item, Op, Query, SugarKind, Value, ValueKind};
use crate::dsl::error::{did_you_mean, QueryError};
use crate::model::{fold_name, whole, DateSpan, PartialDate};

#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub target: Target,
    /// All must hold.
    pub filter: Vec<Predicate>,
    /// `None`: the target's default columns.
    pub select: Option<Vec<Column>>,
    pub group_by: Vec<&'static Field>,
    pub order_by: Vec<(Column, bool)>,
    pub limit: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    Field(&'static Field),
    Count,
    Aggregate(ast::Aggregate, &'static Field),
}

impl Column {
    pub fn name(&self) -> String {
        match self {
            Column::Field(f) => f.name.to_string(),
            Column::Count => "count".into(),
            Column::Aggregate(a, f) => format!("{}({})", a.as_str(), f.name),
        }
    }
}

/// A condition rows must meet, with every value typed for the field it tests. Each variant holds
/// what its compilation needs (a date's bound columns, an entity's id column), so the compiler
/// never has to ask a field's type again.
#[derive(Debug, Clone, PartialEq)]
pub enum Predicate {
    Or(Vec<Predicate>),
    And(Vec<Predicate>),
    Not(Box<Predicate>),
    Text {
        expr: Expr,
        op: Op,
        value: String,
        /// Ids compare exactly; other text ignores case.
        exact: bool,
    },
    Number {
        expr: Expr,
        op: Op,
        value: f64,
    },
    /// Whether a claim's figure may satisfy the comparison, given its bounds and qualifier.
    Figure {
        op: Op,
        value: f64,
    },
    /// Whether a claim's figure may lie within `low..=high`.
    FigureBetween {
        low: f64,
        high: f64,
    },
    /// Compares the span of days a date may mean.
    Date {
        bounds: DayBounds,
        op: Op,
        value: DateSpan,
    },
    /// Within `low`'s first day and `high`'s last.
    DateBetween {
        bounds: DayBounds,
        low: DateSpan,
        high: DateSpan,
    },
    NumberBetween {
        expr: Expr,
        low: f64,
        high: f64,
    },
    TextBetween {
        expr: Expr,
        low: String,
        high: String,
    },
    /// The entity any alias `key` names through the id column `id` (and, with `hierarchy`, what
    /// lies inside it).
    Entity {
        id: &'static str,
        hierarchy: bool,
        key: String,
        negated: bool,
    },
    /// The entity itself goes by `key`.
    Alias {
        key: String,
        negated: bool,
    },
    /// A full-text phrase over the index's `columns`.
    FullText {
        columns: Fts,
        phrase: String,
    },
    /// A case-insensitive substring.
    Contains {
        expr: Expr,
        text: String,
    },
    IsNull {
        expr: Expr,
        negated: bool,
    },
}

/// The first and the last day a date field may mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayBounds {
    pub first: Expr,
    pub last: Expr,
    /// A column of each span's width in days: its maximum bounds an overlap scan at both ends.
    pub widest: Option<&'static str>,
}

impl Predicate {
    /// Every expression it reads, so the compiler can tell which joins a query needs.
    pub fn exprs(&self, out: &mut Vec<Expr>) {
        match self {
            Predicate::Or(ps) | Predicate::And(ps) => ps.iter().for_each(|p| p.exprs(out)),
            Predicate::Not(p) => p.exprs(out),
            Predicate::Text { expr, .. }
            | Predicate::Number { expr, .. }
            | Predicate::NumberBetween { expr, .. }
            | Predicate::TextBetween { expr, .. }
            | Predicate::Contains { expr, .. }
            | Predicate::IsNull { expr, .. } => out.push(*expr),
            Predicate::Date { bounds, .. } | Predicate::DateBetween { bounds, .. } => {
                out.extend([bounds.first, bounds.last])
            }
            Predicate::Figure { .. } | Predicate::FigureBetween { .. } => out.push(Expr::Column("value")),
            Predicate::Entity { .. } | Predicate::Alias { .. } | Predicate::FullText { .. } => {}
        }
    }
}

/// How many values `in (…)` may list. Each becomes one comparison in a chain of ORs, and SQLite
/// refuses an expression deeper than 1,000; well below that, a list this long is a job for SQL.
pub const MAX_IN_VALUES: usize = 500;

pub fn resolve(q: &Query) -> Result<Resolved, QueryError> {
    let target = resolve_target(&q.target)?;
    let mut filter = Vec::new();
    for s in &q.sugar {
        filter.push(sugar(target, s)?);
    }
    if let Some(c) = &q.filter {
        filter.push(cond(target, c)?);
    }
    let group_by = q.group_by.iter().map(|n| field(target, n)).collect::<Result<Vec<_>, _>>()?;
    let mut select = if q.select.is_empty() {
        None
    } else {
        Some(q.select.iter().map(|i| column(target, i)).collect::<Result<Vec<_>, _>>()?)
    };
    if select.is_none() && !group_by.is_empty() {
        let mut cols: Vec<Column> = group_by.iter().map(|f| Column::Field(f)).collect();
        cols.push(Column::Count);
        select = Some(cols);
    }
    if let Some(cols) = &select {
        let aggregated = cols.iter().any(|c| !matches!(c, Column::Field(_)));
        if aggregated || !group_by.is_empty() {
            for (c, item) in cols.iter().zip(&q.select) {
                if let Column::Field(f) = c {
                    if !group_by.contains(f) {
                        return Err(QueryError::new(
                            format!("`{}` is neither grouped nor aggregated", f.name),
                            item.span(),
                        )
                        .hint(format!("add `group by {}`, or select an aggregate such as `count`", f.name)));
                    }
                }
            }
        }
    }
    // Rows are one a group when the query groups or selects an aggregate; what orders them must
    // then be a group key or an aggregate, and an aggregate can order nothing else.
    let grouped = !group_by.is_empty() || select.iter().flatten().any(|c| !matches!(c, Column::Field(_)));
    let mut order_by = Vec::new();
    for o in &q.order_by {
        let c = column(target, &o.item)?;
        match &c {
            Column::Field(f) if grouped && !group_by.contains(f) => {
                return Err(QueryError::new(format!("`{}` is neither grouped nor aggregated", f.name), o.item.span())
                    .hint(format!("add `group by {}`, or order by an aggregate such as `count`", f.name)));
            }
            Column::Count | Column::Aggregate(..) if !grouped => {
                return Err(QueryError::new(
                    format!("`{}` orders groups, but this query has none", c.name()),
                    o.item.span(),
                )
                .hint("add `group by FIELD` (e.g. `group by kind`), or order by a field"));
            }
            _ => {}
        }
        order_by.push((c, o.descending));
    }
    Ok(Resolved { target, filter, select, group_by, order_by, limit: q.limit.as_ref().map(|l| l.n) })
}

fn resolve_target(name: &ast::Name) -> Result<Target, QueryError> {
    let lower = name.text.to_ascii_lowercase();
    if let Some((_, t)) = TARGETS.iter().find(|(n, _)| *n == lower) {
        return Ok(*t);
    }
    let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
    let mut e = QueryError::new(format!("unknown target `{}`", name.text), name.span);
    if let Some(s) = did_you_mean(&lower, names.iter().copied()) {
        e = e.hint(format!("did you mean `{s}`?"));
    }
    Err(e.hint(format!("targets: {}", names.join(", "))))
}

fn field(target: Target, name: &ast::Name) -> Result<&'static Field, QueryError> {
    target.field(&name.text).ok_or_else(|| {
        let names: Vec<&str> = target.fields().iter().map(|f| f.name).collect();
        let mut e = QueryError::new(format!("unknown field `{}` for {}", name.text, target.name()), name.span);
        if let Some(s) = did_you_mean(&name.text, names.iter().copied()) {
            e = e.hint(format!("did you mean `{s}`?"));
        }
        e.hint(format!("fields of {}: {}", target.name(), names.join(", ")))
    })
}

fn column(target: Target, item: &Item) -> Result<Column, QueryError> {
    match item {
        Item::Field(n) => Ok(Column::Field(field(target, n)?)),
        Item::Count(_) => Ok(Column::Count),
        Item::Aggregate { func, field: n, .. } => {
            let f = field(target, n)?;
            let numeric = matches!(f.ty, FieldType::Number | FieldType::Integer | FieldType::Figure);
            let ordered = numeric || matches!(f.ty, FieldType::Date { .. } | FieldType::Text | FieldType::Id);
            let ok = match func {
                ast::Aggregate::Sum | ast::Aggregate::Avg => numeric,
                ast::Aggregate::Min | ast::Aggregate::Max => ordered,
            };
            if !ok {
                return Err(QueryError::new(
                    format!("{}() needs a number field; `{}` is {}", func.as_str(), f.name, f.ty.describe()),
                    n.span,
                ));
            }
            Ok(Column::Aggregate(*func, f))
        }
    }
}

fn sugar(target: Target, s: &ast::Sugar) -> Result<Predicate, QueryError> {
    let claims = matches!(target, Target::Claims(_));
    let named = |name: &'static str| {
        target.field(name).ok_or_else(|| {
            QueryError::new(format!("`{}` does not apply to {}", s.kind.keyword(), target.name()), s.span)
        })
    };
    match s.kind {
        SugarKind::In => {
            let f = named(if target == Target::Entities { "parent" } else { "location" })?;
            compare(f, Op::Eq, &s.value)
        }
        SugarKind::By => compare(named("speaker")?, Op::Eq, &s.value),
        SugarKind::From => compare(named("source")?, Op::Eq, &s.value),
        SugarKind::On if claims => Ok(Predicate::Or(vec![
            compare(named("date")?, Op::Eq, &s.value)?,
            compare(named("said_on")?, Op::Eq, &s.value)?,
        ])),
        SugarKind::On => compare(named("published")?, Op::Eq, &s.value),
    }
}

fn cond(target: Target, c: &Cond) -> Result<Predicate, QueryError> {
    Ok(match c {
        Cond::Or(cs) => Predicate::Or(cs.iter().map(|c| cond(target, c)).collect::<Result<_, _>>()?),
        Cond::And(cs) => Predicate::And(cs.iter().map(|c| cond(target, c)).collect::<Result<_, _>>()?),
        Cond::Not(c, _) => Predicate::Not(Box::new(cond(target, c)?)),
        Cond::Group(c, _) => cond(target, c)?,
        Cond::Compare { field: n, op, value } => compare(field(target, n)?, *op, value)?,
        Cond::In { field: n, values, span } => {
            if values.len() > MAX_IN_VALUES {
                return Err(QueryError::new(
                    format!("`in` takes at most {MAX_IN_VALUES} values; this list has {}", values.len()),
                    *span,
                )
                .hint("split the query, or import the values and join them in `claimdb sql`"));
            }
            let f = field(target, n)?;
            Predicate::Or(values.iter().map(|v| compare(f, Op::Eq, v)).collect::<Result<_, _>>()?)
        }
        Cond::Between { field: n, low, high, .. } => {
            let f = field(target, n)?;
            match f.ty {
                FieldType::Number | FieldType::Integer => {
                    Predicate::NumberBetween { expr: f.expr, low: number(f, low)?, high: number(f, high)? }
                }
                FieldType::Figure => Predicate::FigureBetween { low: number(f, low)?, high: number(f, high)? },
                FieldType::Date { first, last, widest } => Predicate::DateBetween {
                    bounds: DayBounds { first, last, widest },
                    low: date(f, low)?,
                    high: date(f, high)?,
                },
                FieldType::Text | FieldType::Id => {
                    Predicate::TextBetween { expr: f.expr, low: low.kind.as_text(), high: high.kind.as_text() }
                }
                _ => return Err(not_ordered(f, n.span, "between")),
            }
        }
        Cond::Match { field: n, value } => {
            let f = field(target, n)?;
            let text = value.kind.as_text();
            if text.trim().is_empty() {
                return Err(QueryError::new("`~` needs some text to look for", value.span));
            }
            match f.ty {
                FieldType::FullText(columns) => Predicate::FullText { columns, phrase: text },
                FieldType::Text | FieldType::Id => Predicate::Contains { expr: f.expr, text },
                _ => {
                    return Err(QueryError::new(
                        format!("`~` searches text; `{}` is {}", f.name, f.ty.describe()),
                        n.span.to(value.span),
                    )
                    .hint("use `quote ~ …` or `text ~ …` for full-text search"))
                }
            }
        }
        Cond::IsNull { field: n, negated, .. } => {
            let f = field(target, n)?;
            // An entity is absent when its id is: no join to read, and the index on the id serves.
            let expr = match f.ty {
                FieldType::Entity { id, .. } => Expr::Column(id),
                _ => f.expr,
            };
            Predicate::IsNull { expr, negated: *negated }
        }
    })
}

fn not_ordered(f: &Field, span: ast::Span, op: &str) -> QueryError {
    QueryError::new(format!("`{op}` does not apply to `{}`, which is {}", f.name, f.ty.describe()), span)
        .hint("use = or != (or `in (…)`)")
}

fn compare(f: &Field, op: Op, v: &Value) -> Result<Predicate, QueryError> {
    let equality = matches!(op, Op::Eq | Op::Ne);
    Ok(match f.ty {
        FieldType::Number | FieldType::Integer => Predicate::Number { expr: f.expr, op, value: number(f, v)? },
        FieldType::Figure => Predicate::Figure { op, value: number(f, v)? },
        FieldType::Date { first, last, widest } => {
            Predicate::Date { bounds: DayBounds { first, last, widest }, op, value: date(f, v)? }
        }
        FieldType::Text | FieldType::Id | FieldType::FullText(_) => {
            Predicate::Text { expr: f.expr, op, value: v.kind.as_text(), exact: f.ty == FieldType::Id }
        }
        FieldType::Vocab(words) => {
            if !equality {
                return Err(not_ordered(f, v.span, op.as_str()));
            }
            let text = v.kind.as_text().to_ascii_lowercase();
            if !words.contains(&text.as_str()) {
                let mut e = QueryError::new(
                    format!("`{}` is not a {}: expected one of {}", v.kind.as_text(), f.name, words.join(", ")),
                    v.span,
                );
                if let Some(s) = did_you_mean(&text, words.iter().copied()) {
                    e = e.hint(format!("did you mean `{s}`?"));
                }
                return Err(e);
            }
            // The value is one of the vocabulary's words, which the schema stores exactly as
            // written here: an exact comparison lets the (kind, location_id, value) index serve
            // `kind = troops`, where a case-blind one scanned every claim.
            Predicate::Text { expr: f.expr, op, value: text, exact: true }
        }
        FieldType::Entity { .. } | FieldType::Aliases => {
            if !equality {
                return Err(not_ordered(f, v.span, op.as_str()));
            }
            let key = fold_name(&v.kind.as_text());
            let negated = op == Op::Ne;
            match f.ty {
                FieldType::Entity { id, hierarchy } => Predicate::Entity { id, hierarchy, key, negated },
                _ => Predicate::Alias { key, negated },
            }
        }
    })
}

fn number(f: &Field, v: &Value) -> Result<f64, QueryError> {
    match v.kind {
        ValueKind::Number(n) => Ok(n),
        _ => Err(QueryError::new(
            format!("`{}` is a number field; `{}` is not a number", f.name, v.kind.as_text()),
            v.span,
        )),
    }
}

fn date(f: &Field, v: &Value) -> Result<DateSpan, QueryError> {
    let bad = |why: String| QueryError::new(format!("`{}` is a date field; {why}", f.name), v.span);
    match &v.kind {
        ValueKind::Date(d) => Ok(*d),
        // A bare four-digit number (`2025`) is a year.
        ValueKind::Number(n) if v.span.end - v.span.start == 4 => {
            match whole(*n).map(|y| PartialDate::year(y as i16)) {
                Some(Ok(year)) => Ok(DateSpan::single(year)),
                _ => Err(bad(format!("`{}` is not a date (write 2025, 2025-01 or 2025-01-06)", v.kind.as_text()))),
            }
        }
        ValueKind::Quoted(s) => DateSpan::parse(s).map_err(|e| bad(format!("`{s}` is not a date: {}", e.reason))),
        other => Err(bad(format!("`{}` is not a date (write 2025, 2025-01 or 2025-01-06)", other.as_text()))),
    }
}
