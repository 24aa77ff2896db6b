//! Resolved query → one SQL statement and its parameters. SQL text comes only from the field
//! catalogue and this file; every user value is a bound parameter (`?1`, `?2`, …).

use rusqlite::types::Value as SqlValue;

use crate::dsl::ast::Op;
use crate::dsl::fields::{FieldType, Target};
use crate::dsl::resolve::{Check, Column, Resolved};
use crate::model::date::iso;

/// A statement ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Sql {
    pub text: String,
    pub params: Vec<SqlValue>,
    /// The names of the result columns, in order.
    pub columns: Vec<String>,
}

/// Which columns to give when the query selects none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defaults {
    /// A readable subset, for tables.
    ForPeople,
    /// Every field, for JSON, CSV and TSV.
    ForPrograms,
}

struct Builder {
    params: Vec<SqlValue>,
}

impl Builder {
    fn bind(&mut self, v: impl Into<SqlValue>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }

    fn check(&mut self, c: &Check) -> String {
        match c {
            Check::Or(cs) => format!("({})", cs.iter().map(|c| self.check(c)).collect::<Vec<_>>().join(" OR ")),
            Check::And(cs) => format!("({})", cs.iter().map(|c| self.check(c)).collect::<Vec<_>>().join(" AND ")),
            Check::Not(c) => format!("NOT {}", self.check(c)),
            Check::Text { field, op, value } => {
                let p = self.bind(value.clone());
                let collate = if field.ty == FieldType::Id { "" } else { " COLLATE NOCASE" };
                format!("{} {} {p}{collate}", field.sql, op.as_str())
            }
            Check::Number { field, op, value } => {
                let p = self.bind(*value);
                format!("{} {} {p}", field.sql, op.as_str())
            }
            Check::Date { field, op, value } => {
                let FieldType::Date { first, last } = field.ty else { unreachable!("resolved as a date") };
                // A date is the span of days it may mean; each operator compares spans.
                let (from, to) = (iso(value.first_day()), iso(value.last_day()));
                match op {
                    Op::Eq => {
                        let (a, b) = (self.bind(to), self.bind(from));
                        format!("({first} <= {a} AND {last} >= {b})")
                    }
                    Op::Ne => {
                        let (a, b) = (self.bind(to), self.bind(from));
                        format!("NOT ({first} <= {a} AND {last} >= {b})")
                    }
                    Op::Lt => format!("{last} < {}", self.bind(from)),
                    Op::Le => format!("{last} <= {}", self.bind(to)),
                    Op::Gt => format!("{first} > {}", self.bind(to)),
                    Op::Ge => format!("{first} >= {}", self.bind(from)),
                }
            }
            Check::DateBetween { field, low, high } => {
                let FieldType::Date { first, last } = field.ty else { unreachable!("resolved as a date") };
                let (a, b) = (self.bind(iso(low.first_day())), self.bind(iso(high.last_day())));
                // `first <= b` follows from `first <= last <= b`; said outright, it bounds the
                // index range on (first, last) at both ends, so SQLite reads only the span asked.
                format!("({first} >= {a} AND {first} <= {b} AND {last} <= {b})")
            }
            Check::NumberBetween { field, low, high } => {
                let (a, b) = (self.bind(*low), self.bind(*high));
                format!("{} BETWEEN {a} AND {b}", field.sql)
            }
            Check::TextBetween { field, low, high } => {
                let (a, b) = (self.bind(low.clone()), self.bind(high.clone()));
                format!("{} BETWEEN {a} AND {b}", field.sql)
            }
            Check::Entity { field, key, negated } => {
                let FieldType::Entity { id, hierarchy } = field.ty else { unreachable!("resolved as an entity") };
                let p = self.bind(key.clone());
                let set = if hierarchy {
                    // The entity and everything inside it, however deep.
                    format!(
                        "WITH RECURSIVE inside(id) AS (SELECT entity_id FROM entity_aliases WHERE key = {p} \
                         UNION SELECT x.id FROM entities AS x JOIN inside ON x.parent_id = inside.id) SELECT id FROM inside"
                    )
                } else {
                    format!("SELECT entity_id FROM entity_aliases WHERE key = {p}")
                };
                if *negated {
                    format!("({id} IS NOT NULL AND {id} NOT IN ({set}))")
                } else {
                    format!("{id} IN ({set})")
                }
            }
            Check::Alias { key, negated } => {
                let p = self.bind(key.clone());
                let not = if *negated { "NOT " } else { "" };
                format!("{not}EXISTS (SELECT 1 FROM entity_aliases AS a WHERE a.entity_id = e.id AND a.key = {p})")
            }
            Check::FullText { columns, phrase } => {
                // One FTS5 phrase, quoted, so no user text is read as FTS syntax.
                let p = self.bind(format!("{columns} : \"{}\"", phrase.replace('"', "\"\"")));
                format!("c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH {p})")
            }
            Check::Contains { field, text } => {
                let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                let p = self.bind(format!("%{escaped}%"));
                format!("{} LIKE {p} ESCAPE '\\'", field.sql)
            }
            Check::IsNull { field, negated } => {
                format!("{} IS {}NULL", field.sql, if *negated { "NOT " } else { "" })
            }
        }
    }
}

fn column_sql(c: &Column) -> String {
    match c {
        Column::Field(f) => f.sql.to_string(),
        Column::Count => "count(*)".into(),
        Column::Aggregate(a, f) => format!("{}({})", a.as_str(), f.sql),
    }
}

/// Quotes a column name for `AS`; names come from the catalogue, never from the user.
fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub fn compile(r: &Resolved, defaults: Defaults) -> Sql {
    let mut b = Builder { params: Vec::new() };
    let columns: Vec<Column> = match &r.select {
        Some(cols) => cols.clone(),
        None => {
            let names = match defaults {
                Defaults::ForPeople => r.target.default_columns().to_vec(),
                Defaults::ForPrograms => r.target.all_columns(),
            };
            names.iter().map(|n| Column::Field(r.target.field(n).expect("defaults name real fields"))).collect()
        }
    };
    let select = columns.iter().map(|c| format!("{} AS {}", column_sql(c), ident(&c.name()))).collect::<Vec<_>>();
    let mut rest = String::new();
    let mut conds = Vec::new();
    if let Target::Claims(Some(kind)) = r.target {
        conds.push(format!("c.kind = {}", b.bind(kind.as_str().to_string())));
    }
    for c in &r.filter {
        conds.push(b.check(c));
    }
    if !conds.is_empty() {
        rest.push_str(" WHERE ");
        rest.push_str(&conds.join(" AND "));
    }
    if !r.group_by.is_empty() {
        // An entity groups by its id, which names it uniquely: an index on the id (such as
        // (kind, location_id, value)) then hands rows over already grouped, and only the groups
        // are sorted by name afterwards.
        let keys: Vec<&str> = r
            .group_by
            .iter()
            .map(|f| match f.ty {
                FieldType::Entity { id, .. } => id,
                _ => f.sql,
            })
            .collect();
        rest.push_str(" GROUP BY ");
        rest.push_str(&keys.join(", "));
    }
    // Groups come in the order of their names unless asked otherwise, and by name among ties.
    let group_names: Vec<&str> = r.group_by.iter().map(|f| f.sql).collect();
    rest.push_str(" ORDER BY ");
    if r.order_by.is_empty() {
        if r.group_by.is_empty() {
            rest.push_str(r.target.default_order());
        } else {
            rest.push_str(&group_names.join(", "));
        }
    } else {
        let order: Vec<String> = r
            .order_by
            .iter()
            .map(|(c, desc)| {
                // By the expression, never by the output column's quoted name: an aggregate that is
                // not selected has no such column, and SQLite used to read `"sum(value)"` as a
                // string constant, silently ordering nothing.
                format!("{}{}", column_sql(c), if *desc { " DESC" } else { "" })
            })
            .chain(group_names.iter().map(|n| n.to_string()))
            .collect();
        // Grouped rows that tie on the order asked for come by their group's name, so a limit
        // cuts at the same place every time.
        rest.push_str(&order.join(", "));
    }
    if let Some(n) = r.limit {
        rest.push_str(&format!(" LIMIT {}", b.bind(n as i64)));
    }
    let select = select.join(", ");
    let mut text = format!("SELECT {select} FROM {}", r.target.table());
    for (alias, join) in r.target.joins() {
        if mentions(&select, alias) || mentions(&rest, alias) {
            text.push(' ');
            text.push_str(join);
        }
    }
    text.push_str(&rest);
    Sql { text, params: b.params, columns: columns.iter().map(Column::name).collect() }
}

/// Whether SQL the compiler wrote reads a column of the table aliased `alias` (`p.name`). Only
/// catalogue fragments are searched; user values are parameters and never appear in the text.
fn mentions(sql: &str, alias: &str) -> bool {
    sql.match_indices(alias).any(|(at, _)| {
        let before = sql[..at].chars().next_back();
        sql[at + alias.len()..].starts_with('.') && !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsl::{parse, resolve};

    fn sql(query: &str) -> String {
        compile(&resolve(&parse(query).unwrap()).unwrap(), Defaults::ForPrograms).text
    }

    #[test]
    fn joins_come_only_with_the_names_a_query_reads() {
        // Regression: every claims query used to join all three name lookups, which kept SQLite
        // from answering a group-by from its covering index alone.
        assert!(!sql("troops select id, value").contains("LEFT JOIN"));
        assert!(!sql("claims where party = US select id").contains("LEFT JOIN"), "a name filter reads ids");
        let by_speaker = sql("claims select id order by speaker");
        assert!(by_speaker.contains("AS s ON") && !by_speaker.contains("AS p ON") && !by_speaker.contains("AS l ON"));
        assert!(!sql("entities select name").contains("LEFT JOIN"));
        assert!(sql("entities select name, parent").contains("AS pe ON"));
        assert_eq!(sql("claims").matches("LEFT JOIN").count(), 3, "every field: every name");
    }

    #[test]
    fn mentions_needs_the_alias_itself() {
        assert!(mentions("(p.name)", "p"));
        assert!(mentions("p.name", "p"));
        assert!(!mentions("inside.id", "e"));
        assert!(!mentions("pe.name", "e"));
        assert!(!mentions("x.p.name", "p"));
        assert!(!mentions("p_name", "p"));
    }

    #[test]
    fn ids_compare_exactly_so_their_index_serves() {
        let text = sql("claims where id = cc16 and unit = troops");
        assert!(text.contains("c.id = ?1 AND"), "{text}");
        assert!(text.contains("c.unit = ?2 COLLATE NOCASE"), "{text}");
    }

    #[test]
    fn an_entity_groups_by_its_id_and_sorts_by_its_name() {
        let text = sql("troops select location, sum(value) group by location");
        assert!(text.ends_with("GROUP BY c.location_id ORDER BY l.name"), "{text}");
    }

    #[test]
    fn grouped_rows_that_tie_come_by_name() {
        let text = sql("claims group by location order by count desc limit 3");
        assert!(text.ends_with("GROUP BY c.location_id ORDER BY count(*) DESC, l.name LIMIT ?1"), "{text}");
    }

    #[test]
    fn a_date_range_bounds_its_index_at_both_ends() {
        let text = sql("claims where date between 2020-03 and 2020-03");
        assert!(text.contains("c.date_start >= ?1 AND c.date_start <= ?2 AND c.date_end <= ?2"), "{text}");
    }
}
