//! Printing what commands and the shell produce: rows, a query's result, an explanation. It sits
//! below both [`crate::cmd`] and [`crate::shell`], so neither needs the other.

use std::io::{self, BufWriter, Write};

use crate::dsl::{self, Defaults, Dialect, Param, Sql};
use crate::error::Error;
use crate::exit::Outcome;
use crate::render::{render, Format, Layout, Output, RowStream};
use crate::rows::{Cell, Rows};
use crate::store::{Prepared, Store};

/// The most rows a table holds (and so keeps in memory).
pub const MAX_TABLE_ROWS: usize = 10_000;

/// Writes through a buffer to stdout; a reader that went away (`| head`) ends the command quietly.
pub fn print<T, E: Into<Error>>(f: impl FnOnce(&mut dyn Write) -> Result<T, E>) -> Result<T, Error> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let value = f(&mut out).map_err(Into::into)?;
    out.flush()?;
    Ok(value)
}

/// Prints collected rows; found when there were any.
pub fn print_rows(output: &Output, rows: &Rows, layout: Layout) -> Result<Outcome, Error> {
    print(|out| render(out, output, rows, layout))?;
    Ok(Outcome::from_count(rows.len()))
}

/// Prints rows made one at a time (borrowed cells, no copy): a table whole, every other format
/// streamed as the rows come. Found when there were any.
pub fn print_cells<'a, const N: usize>(
    output: &Output,
    columns: &[&str; N],
    rows: impl Iterator<Item = [Cell<'a>; N]>,
) -> Result<Outcome, Error> {
    let names: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    let n = match output.format {
        Format::Table => {
            let mut table = Rows::new(columns);
            let mut more = false;
            for row in rows {
                if table.len() == MAX_TABLE_ROWS {
                    more = true;
                    break;
                }
                table.push(row.into_iter().map(Cell::into_value).collect());
            }
            print(|out| render(out, output, &table, Layout::Across))?;
            if more {
                crate::sanitize::say(format_args!(
                    "note: the table shows the first {MAX_TABLE_ROWS} rows; --format tsv (or json, csv…) gives all"
                ));
            }
            table.len()
        }
        Format::Stream(format) => print(|out| {
            let mut stream = RowStream::start(out, format, output.headers, &names).sanitized(output.terminal);
            for row in rows {
                stream.row(&row)?;
            }
            stream.finish()
        })?,
    };
    Ok(Outcome::from_count(n))
}

/// The columns a query gives when it selects none, by who reads the format it prints in.
pub fn defaults(output: &Output) -> Defaults {
    if output.format.is_for_people() {
        Defaults::ForPeople
    } else {
        Defaults::ForPrograms
    }
}

/// Parses, resolves and compiles for `store`, or renders the error with a caret under the query.
pub fn compile(store: &Store, query: &str, defaults: Defaults) -> Result<Sql, Error> {
    dsl::to_sql(query, defaults, store.dialect()).map_err(|e| Error::msg(e.render(query)))
}

/// Runs a compiled query and prints its rows: a table whole, every other format streamed from
/// the database to stdout as the rows come. Returns how many rows there were.
pub fn print_query(store: &Store, sql: &Sql, output: &Output) -> Result<usize, Error> {
    print_prepared(store.prepare(sql)?, output)
}

/// Runs one SQL statement of the user's and prints its rows, streamed as a query's are.
pub fn print_sql(store: &Store, text: &str, output: &Output) -> Result<usize, Error> {
    print_prepared(store.prepare_sql(text)?, output)
}

/// The statement is prepared before this is called, so a fault in it shows before any line.
fn print_prepared(mut prepared: Prepared<'_>, output: &Output) -> Result<usize, Error> {
    match output.format {
        Format::Table => {
            // A table must hold every row to size its columns: past a screenful of screenfuls,
            // the rest is for a format that streams.
            let (rows, more) = prepared.collect_at_most(MAX_TABLE_ROWS)?;
            print(|out| render(out, output, &rows, Layout::Across))?;
            if more {
                crate::sanitize::say(format_args!(
                    "note: the table shows the first {MAX_TABLE_ROWS} rows; --format tsv (or json, csv…) gives all"
                ));
            }
            Ok(rows.len())
        }
        Format::Stream(format) => {
            let columns = prepared.columns.clone();
            print(|out| {
                let mut stream = RowStream::start(out, format, output.headers, &columns).sanitized(output.terminal);
                prepared.each(|cells| stream.row(cells))?;
                Ok::<_, Error>(stream.finish()?)
            })
        }
    }
}

/// `claimdb explain`: the query as parsed, the SQL it compiles to, its parameters and the plan.
pub fn explain(store: &Store, query: &str, defaults: Defaults) -> Result<Outcome, Error> {
    let parsed = dsl::parse(query).map_err(|e| Error::msg(e.render(query)))?;
    let sql = compile(store, query, defaults)?;
    let plan = store.plan(&sql)?;
    print(|out| write_explanation(out, store.dialect(), &parsed, &sql, &plan))?;
    Ok(Outcome::Found)
}

fn write_explanation(
    out: &mut dyn Write,
    dialect: &dyn Dialect,
    parsed: &dsl::ast::Query,
    sql: &Sql,
    plan: &[String],
) -> io::Result<()> {
    writeln!(out, "query: {parsed}")?;
    writeln!(out, "sql:   {}", sql.text)?;
    for (i, p) in sql.params.iter().enumerate() {
        let shown = match p {
            Param::Text(t) => serde_json::to_string(t).unwrap_or_default(),
            Param::Integer(n) => n.to_string(),
            Param::Real(r) => r.to_string(),
        };
        writeln!(out, "  {} = {shown}", dialect.placeholder(i + 1))?;
    }
    writeln!(out, "plan:")?;
    for line in plan {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}

/// `1 claim`, `2 claims`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
