//! Resolved query → one SQL statement and its parameters. SQL text comes only from this file and
//! the [`Dialect`] it is given; every user value is a bound parameter.

use crate::columns::{Expr, FieldType, Join, Target};
use crate::dsl::ast::Op;
use crate::dsl::dialect::{Dialect, Param};
use crate::dsl::resolve::{Column, Predicate, Resolved};
use crate::model::date::iso;

/// A statement ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Sql {
    pub text: String,
    pub params: Vec<Param>,
    /// The names of the result columns, in order.
    pub columns: Vec<String>,
    /// Which of them hold a list (an entity's aliases), joined with [`LIST_SEPARATOR`] in SQL:
    /// the store hands them on as lists, so JSON gets an array.
    pub lists: Vec<usize>,
}

/// What joins the items of a list column in SQL: the separator CSV joins aliases with, which no
/// alias may contain.
pub const LIST_SEPARATOR: char = crate::model::ALIAS_SEPARATOR;

/// Which columns to give when the query selects none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defaults {
    /// A readable subset, for tables.
    ForPeople,
    /// Every field, for JSON, CSV and TSV.
    ForPrograms,
}

/// The table a target reads, and the alias its columns go by.
fn table(target: Target) -> (&'static str, &'static str) {
    match target {
        Target::Claims(_) => ("claims", "c"),
        Target::Sources => ("sources", "src"),
        Target::Entities => ("entities", "e"),
    }
}

struct Builder<'d> {
    dialect: &'d dyn Dialect,
    /// The alias of the target's table.
    alias: &'static str,
    params: Vec<Param>,
}

impl Builder<'_> {
    fn bind(&mut self, v: impl Into<Param>) -> String {
        self.params.push(v.into());
        self.dialect.placeholder(self.params.len())
    }

    fn column(&self, name: &str) -> String {
        format!("{}.{}", self.alias, self.dialect.ident(name))
    }

    fn expr(&self, e: Expr) -> String {
        let d = self.dialect;
        match e {
            Expr::Column(c) => self.column(c),
            Expr::Name(j) => format!("{}.name", j.alias()),
            Expr::Figure => d.figure(
                &self.column("value"),
                &self.column("low"),
                &self.column("high"),
                &self.column("unit"),
                &self.column("qualifier"),
            ),
            Expr::Length(c) => d.char_length(&self.column(c)),
            Expr::ClaimCount => format!("(SELECT count(*) FROM claims AS c WHERE c.source_id = {})", self.column("id")),
            Expr::Aliases => format!(
                "(SELECT {} FROM entity_aliases AS a WHERE a.entity_id = {} AND a.alias <> {})",
                d.string_agg("a.alias", LIST_SEPARATOR),
                self.column("id"),
                self.column("name")
            ),
        }
    }

    fn predicate(&mut self, p: &Predicate) -> String {
        match p {
            Predicate::Or(ps) => format!("({})", self.each(ps).join(" OR ")),
            Predicate::And(ps) => format!("({})", self.each(ps).join(" AND ")),
            Predicate::Not(p) => format!("NOT {}", self.predicate(p)),
            Predicate::Text { expr, op, value, exact } => {
                let p = self.bind(value.clone());
                let lhs = self.expr(*expr);
                if *exact {
                    format!("{lhs} {} {p}", op.as_str())
                } else {
                    self.dialect.compare_nocase(&lhs, op.as_str(), &p)
                }
            }
            Predicate::Number { expr, op, value } => {
                let p = self.bind(*value);
                format!("{} {} {p}", self.expr(*expr), op.as_str())
            }
            Predicate::Date { bounds, op, value } => {
                let (first, last) = (self.expr(bounds.first), self.expr(bounds.last));
                // A date is the span of days it may mean; each operator compares spans.
                let (from, to) = (iso(value.first_day()), iso(value.last_day()));
                match op {
                    Op::Eq => {
                        let (a, b) = (self.bind(to), self.bind(from));
                        match bounds.widest {
                            // No stored span is wider than the widest, so one that overlaps the
                            // asked days starts at most that many days before them: said
                            // outright, the index range on `first` is bounded at both ends.
                            Some(w) => {
                                let widest = format!("(SELECT max({w}) FROM claims)");
                                let earliest = self.dialect.days_before(&b, &widest);
                                format!("({first} <= {a} AND {first} >= {earliest} AND {last} >= {b})")
                            }
                            None => format!("({first} <= {a} AND {last} >= {b})"),
                        }
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
            Predicate::Figure { op, value } => {
                let p = self.bind(*value);
                let (lo, hi) = self.figure_bounds();
                match op {
                    Op::Gt | Op::Ge => format!("{hi} {} {p}", op.as_str()),
                    Op::Lt | Op::Le => format!("{lo} {} {p}", op.as_str()),
                    Op::Eq => format!("({lo} <= {p} AND {hi} >= {p})"),
                    Op::Ne => format!("NOT ({lo} = {p} AND {hi} = {p})"),
                }
            }
            Predicate::FigureBetween { low, high } => {
                let (a, b) = (self.bind(*low), self.bind(*high));
                let (lo, hi) = self.figure_bounds();
                format!("({lo} <= {b} AND {hi} >= {a})")
            }
            Predicate::DateBetween { bounds, low, high } => {
                let (first, last) = (self.expr(bounds.first), self.expr(bounds.last));
                let (a, b) = (self.bind(iso(low.first_day())), self.bind(iso(high.last_day())));
                // `first <= b` follows from `first <= last <= b`; said outright, it bounds the
                // index range on (first, last) at both ends, so the engine reads only the span asked.
                format!("({first} >= {a} AND {first} <= {b} AND {last} <= {b})")
            }
            Predicate::NumberBetween { expr, low, high } => {
                let (a, b) = (self.bind(*low), self.bind(*high));
                format!("{} BETWEEN {a} AND {b}", self.expr(*expr))
            }
            Predicate::TextBetween { expr, low, high } => {
                let (a, b) = (self.bind(low.clone()), self.bind(high.clone()));
                format!("{} BETWEEN {a} AND {b}", self.expr(*expr))
            }
            Predicate::Entity { id, hierarchy, key, negated } => {
                let id = self.column(id);
                let p = self.bind(key.clone());
                let set = if *hierarchy {
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
            Predicate::Alias { key, negated } => {
                let p = self.bind(key.clone());
                let not = if *negated { "NOT " } else { "" };
                let id = self.column("id");
                format!("{not}EXISTS (SELECT 1 FROM entity_aliases AS a WHERE a.entity_id = {id} AND a.key = {p})")
            }
            Predicate::FullText { columns, phrase } => {
                let p = self.bind(self.dialect.full_text_param(*columns, phrase));
                self.dialect.full_text(&self.column("pk"), *columns, &p)
            }
            Predicate::Contains { expr, text } => {
                let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                let p = self.bind(format!("%{escaped}%"));
                self.dialect.contains(&self.expr(*expr), &p)
            }
            Predicate::IsNull { expr, negated } => {
                format!("{} IS {}NULL", self.expr(*expr), if *negated { "NOT " } else { "" })
            }
        }
    }

    /// The least and the most a claim's figure may be, as SQL: its bounds, else its value; open
    /// on the side its qualifier leaves open ("at least 7" has no most). An open side is a number
    /// no figure reaches (1e308), so the comparisons stay plain and NULL stays NULL.
    fn figure_bounds(&self) -> (String, String) {
        let (v, l, h, q) = (self.column("value"), self.column("low"), self.column("high"), self.column("qualifier"));
        (
            format!("(CASE WHEN {l} IS NULL AND {q} = 'at_most' THEN -1e308 ELSE coalesce({l}, {v}) END)"),
            format!("(CASE WHEN {h} IS NULL AND {q} = 'at_least' THEN 1e308 ELSE coalesce({h}, {v}) END)"),
        )
    }

    fn each(&mut self, ps: &[Predicate]) -> Vec<String> {
        ps.iter().map(|p| self.predicate(p)).collect()
    }

    fn column_sql(&self, c: &Column) -> String {
        match c {
            Column::Field(f) => self.expr(f.expr),
            Column::Count => "count(*)".into(),
            Column::Aggregate(a, f) => format!("{}({})", a.as_str(), self.expr(f.expr)),
        }
    }
}

/// Quotes a column name for `AS`; names come from the field table, never from the user.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub fn compile(r: &Resolved, defaults: Defaults, dialect: &dyn Dialect) -> Sql {
    let (table, alias) = table(r.target);
    let mut b = Builder { dialect, alias, params: Vec::new() };
    let columns: Vec<Column> = match &r.select {
        Some(cols) => cols.clone(),
        None => match defaults {
            Defaults::ForPeople => r
                .target
                .default_columns()
                .iter()
                .map(|n| Column::Field(r.target.field(n).expect("defaults name real fields")))
                .collect(),
            Defaults::ForPrograms => r.target.all_columns().map(Column::Field).collect(),
        },
    };
    let select = columns.iter().map(|c| format!("{} AS {}", b.column_sql(c), quoted(&c.name()))).collect::<Vec<_>>();
    let mut conds = Vec::new();
    if let Target::Claims(Some(kind)) = r.target {
        conds.push(format!("{} = {}", b.column("kind"), b.bind(kind.as_str().to_string())));
    }
    for p in &r.filter {
        conds.push(b.predicate(p));
    }
    let mut rest = String::new();
    if !conds.is_empty() {
        rest.push_str(" WHERE ");
        rest.push_str(&conds.join(" AND "));
    }
    if !r.group_by.is_empty() {
        // An entity groups by its id, which names it uniquely: an index on the id (such as
        // (kind, location_id, value)) then hands rows over already grouped, and only the groups
        // are sorted by name afterwards.
        let keys: Vec<String> = r
            .group_by
            .iter()
            .map(|f| match f.ty {
                FieldType::Entity { id, .. } => b.dialect.group_by_entity(&b.column(id), &b.expr(f.expr)),
                _ => b.expr(f.expr),
            })
            .collect();
        rest.push_str(" GROUP BY ");
        rest.push_str(&keys.join(", "));
    }
    // Groups come in the order of their names unless asked otherwise, and by name among ties.
    let group_names: Vec<String> = r.group_by.iter().map(|f| b.expr(f.expr)).collect();
    // Aggregates over everything make one row, which no order changes (and PostgreSQL refuses to
    // order it by a column that is not aggregated).
    let one_row = r.group_by.is_empty() && columns.iter().all(|c| !matches!(c, Column::Field(_)));
    if r.order_by.is_empty() && !one_row {
        rest.push_str(" ORDER BY ");
        if r.group_by.is_empty() {
            let order: Vec<String> = r.target.default_order().iter().map(|e| b.expr(*e)).collect();
            rest.push_str(&order.join(", "));
        } else {
            let order: Vec<String> = group_names.iter().map(|g| b.dialect.order_by(g, false)).collect();
            rest.push_str(&order.join(", "));
        }
    } else if !r.order_by.is_empty() {
        rest.push_str(" ORDER BY ");
        let order: Vec<String> = r
            .order_by
            .iter()
            // By the expression, never by the output column's quoted name: an aggregate that is
            // not selected has no such column, and SQLite used to read `"sum(value)"` as a
            // string constant, silently ordering nothing.
            .map(|(c, desc)| b.dialect.order_by(&b.column_sql(c), *desc))
            .chain(group_names.iter().map(|g| b.dialect.order_by(g, false)))
            .collect();
        // Grouped rows that tie on the order asked for come by their group's name, so a limit
        // cuts at the same place every time.
        rest.push_str(&order.join(", "));
    }
    if let Some(n) = r.limit {
        // Written as a literal, not bound: SQLite re-prepares a statement whose LIMIT is a
        // parameter every time it runs (measured: a quarter of `check`'s time). It is a number
        // the parser read, never text of the user's.
        rest.push_str(&format!(" LIMIT {n}"));
    }
    let mut text = format!("SELECT {} FROM {table} AS {alias}", select.join(", "));
    let reads = reads(r, &columns);
    for join in r.target.joins().iter().filter(|j| reads.contains(j)) {
        text.push_str(&format!(" LEFT JOIN entities AS {a} ON {a}.id = {}", b.column(join.on()), a = join.alias()));
    }
    text.push_str(&rest);
    let lists = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, Column::Field(f) if f.ty == FieldType::Aliases))
        .map(|(i, _)| i)
        .collect();
    Sql { text, params: b.params, columns: columns.iter().map(Column::name).collect(), lists }
}

/// The joins a query reads through: what its columns, conditions, groups and order name.
fn reads(r: &Resolved, columns: &[Column]) -> Vec<Join> {
    let mut exprs = Vec::new();
    let field = |c: &Column| match c {
        Column::Field(f) | Column::Aggregate(_, f) => Some(f.expr),
        Column::Count => None,
    };
    exprs.extend(columns.iter().filter_map(field));
    exprs.extend(r.order_by.iter().filter_map(|(c, _)| field(c)));
    exprs.extend(r.group_by.iter().map(|f| f.expr));
    for p in &r.filter {
        p.exprs(&mut exprs);
    }
    exprs.into_iter().filter_map(Expr::join).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dsl::{parse, resolve, Sqlite};

    fn sql(query: &str) -> String {
        compile(&resolve(&parse(query).unwrap()).unwrap(), Defaults::ForPrograms, &Sqlite).text
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
        assert!(text.ends_with("GROUP BY c.location_id ORDER BY count(*) DESC, l.name LIMIT 3"), "{text}");
    }

    #[test]
    fn a_date_range_bounds_its_index_at_both_ends() {
        let text = sql("claims where date between 2020-03 and 2020-03");
        assert!(text.contains("c.date_start >= ?1 AND c.date_start <= ?2 AND c.date_end <= ?2"), "{text}");
    }
}
