//! Running statements: prepared before anything is printed (so an error never follows a header),
//! then stepped row by row under the limits the caller set: a timeout, and an interrupt (Ctrl-C
//! in the shell). SQLite's progress handler is what stops a statement mid-run.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::types::ValueRef;

use super::SqliteStore;
use crate::dsl::{Param, Sql};
use crate::error::Error;
use crate::rows::Cell;

/// How often, in SQLite virtual-machine steps, the limits are looked at: often enough to stop
/// within a millisecond or so, rarely enough to cost nothing measurable.
const CHECK_EVERY: std::os::raw::c_int = 10_000;

/// What stops a running statement, shared with SQLite's progress handler. The time counted is
/// the time SQLite spends finding rows, not the time the output takes to take them: a reader
/// paging through `| less` never runs a statement out of time.
#[derive(Default)]
pub(super) struct Limits {
    timeout: Option<Duration>,
    clock: Mutex<Clock>,
    interrupt: Option<Arc<AtomicBool>>,
    /// Why the last statement was stopped.
    stopped: Mutex<Option<Stop>>,
}

#[derive(Default)]
struct Clock {
    /// Time spent in SQLite on this statement so far, not counting the step under way.
    used: Duration,
    /// When the step under way began; `None` between steps (and between statements).
    step: Option<Instant>,
}

#[derive(Clone, Copy)]
enum Stop {
    Timeout(Duration),
    Interrupt,
}

impl Limits {
    /// A new statement: nothing used, no stop.
    fn arm(&self) {
        if let Ok(mut c) = self.clock.lock() {
            *c = Clock::default();
        }
        if let Some(i) = &self.interrupt {
            i.store(false, Ordering::Relaxed);
        }
        if let Ok(mut s) = self.stopped.lock() {
            *s = None;
        }
    }

    /// SQLite starts (or stops) looking for the next row.
    fn step(&self, running: bool) {
        if let Ok(mut c) = self.clock.lock() {
            match (running, c.step.take()) {
                (true, _) => c.step = Some(Instant::now()),
                (false, Some(since)) => c.used += since.elapsed(),
                (false, None) => {}
            }
        }
    }

    /// Whether to stop now; remembers why.
    fn exceeded(&self) -> bool {
        let stop = if self.interrupt.as_ref().is_some_and(|i| i.load(Ordering::Relaxed)) {
            Some(Stop::Interrupt)
        } else {
            let used = self.clock.lock().ok().and_then(|c| c.step.map(|s| c.used + s.elapsed()));
            match (self.timeout, used) {
                (Some(t), Some(used)) if used >= t => Some(Stop::Timeout(t)),
                _ => None,
            }
        };
        if let (Some(why), Ok(mut s)) = (stop, self.stopped.lock()) {
            *s = Some(why);
        }
        stop.is_some()
    }

    /// The message for a statement SQLite stopped.
    fn explain(&self) -> Option<Error> {
        Some(match self.stopped.lock().ok().and_then(|s| *s)? {
            Stop::Timeout(t) => Error::msg(format!(
                "stopped after {} s (--timeout); give it longer with --timeout SECONDS, or 0 for no limit",
                t.as_secs_f64()
            )),
            Stop::Interrupt => Error::msg("interrupted"),
        })
    }
}

impl SqliteStore {
    /// Stops every statement this store runs after `timeout` (none: no limit), or as soon as
    /// `interrupt` is set.
    pub fn set_limits(&mut self, timeout: Option<Duration>, interrupt: Option<Arc<AtomicBool>>) {
        let limits = Arc::new(Limits { timeout, interrupt, ..Limits::default() });
        let seen = Arc::clone(&limits);
        self.conn.progress_handler(CHECK_EVERY, Some(move || seen.exceeded()));
        self.limits = limits;
    }

    /// The time limit [`SqliteStore::set_limits`] set, if any.
    pub fn timeout(&self) -> Option<Duration> {
        self.limits.timeout
    }

    /// Prepares a compiled query, so that any fault in it shows before a line is printed.
    /// Compiled statements are cached: `check` runs the same few shapes for every statement, and
    /// parsing them again each time was a third of its work.
    pub fn prepare<'s>(&'s self, sql: &'s Sql) -> Result<SqlitePrepared<'s>, Error> {
        let stmt = Stmt::Cached(self.conn.prepare_cached(&sql.text)?);
        Ok(SqlitePrepared {
            store: self,
            stmt,
            params: &sql.params,
            lists: &sql.lists,
            columns: sql.columns.clone(),
            raw: None,
        })
    }

    /// Prepares one SQL statement of the user's (`claimdb sql`). Call [`SqliteStore::make_read_only`]
    /// first: this runs whatever it is given.
    pub fn prepare_sql<'s>(&'s self, text: &'s str) -> Result<SqlitePrepared<'s>, Error> {
        self.clear_refusal();
        let stmt = Stmt::Plain(self.conn.prepare(text).map_err(|e| self.explain_sql_error(text, e))?);
        let columns = crate::store::distinct_names(stmt.column_names());
        Ok(SqlitePrepared { store: self, stmt, params: &[], lists: &[], columns, raw: Some(text) })
    }
}

/// A compiled query's statement comes from the connection's cache; the user's own SQL does not.
enum Stmt<'s> {
    Cached(rusqlite::CachedStatement<'s>),
    Plain(rusqlite::Statement<'s>),
}

impl<'s> std::ops::Deref for Stmt<'s> {
    type Target = rusqlite::Statement<'s>;
    fn deref(&self) -> &Self::Target {
        match self {
            Stmt::Cached(s) => s,
            Stmt::Plain(s) => s,
        }
    }
}

impl std::ops::DerefMut for Stmt<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Stmt::Cached(s) => s,
            Stmt::Plain(s) => s,
        }
    }
}

/// A SQLite statement ready to run.
pub struct SqlitePrepared<'s> {
    store: &'s SqliteStore,
    stmt: Stmt<'s>,
    params: &'s [Param],
    /// Columns that hold a list, joined with [`LIST_SEPARATOR`] in SQL.
    lists: &'s [usize],
    /// The result's column names, in order.
    pub columns: Vec<String>,
    /// The user's own SQL text, for its error messages.
    raw: Option<&'s str>,
}

impl SqlitePrepared<'_> {
    /// Runs it, handing each row to `each` until it says to stop (returns `false`): rows are
    /// borrowed from SQLite's own buffers, so a million-row result is never held in memory.
    pub(in crate::store) fn each_while(
        &mut self,
        mut each: impl FnMut(&[Cell]) -> std::io::Result<bool>,
    ) -> Result<usize, Error> {
        let (store, raw, lists) = (self.store, self.raw, self.lists);
        let fail = |e: rusqlite::Error| -> Error {
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) {
                if let Some(stopped) = store.limits.explain() {
                    return stopped;
                }
            }
            match raw {
                Some(text) => store.explain_sql_error(text, e),
                None => Error::Sqlite(e),
            }
        };
        store.limits.arm();
        let n = self.columns.len();
        let limits = &store.limits;
        limits.step(true);
        let mut rows = self.stmt.query(rusqlite::params_from_iter(self.params)).map_err(fail)?;
        let mut count = 0;
        while let Some(row) = {
            limits.step(true);
            let next = rows.next();
            limits.step(false);
            next.map_err(fail)?
        } {
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                cells.push(cell(row.get_ref(i).map_err(fail)?));
            }
            crate::store::split_lists(&mut cells, lists);
            count += 1;
            if !each(&cells)? {
                break;
            }
        }
        limits.arm();
        Ok(count)
    }
}

/// One SQLite value as a cell: whole reals as integers (figures are mostly counts), a blob by
/// its size. `from_utf8` first: SQLite text is UTF-8 but for a hand-edited file, and the strict
/// check is much faster than the lossy one.
pub(super) fn cell(v: ValueRef<'_>) -> Cell<'_> {
    match v {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(r) => Cell::number(r),
        ValueRef::Text(t) => Cell::Text(match std::str::from_utf8(t) {
            Ok(s) => s.into(),
            Err(_) => String::from_utf8_lossy(t),
        }),
        ValueRef::Blob(b) => Cell::Text(format!("<{} bytes>", b.len()).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENDLESS: &str = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r";

    /// What Ctrl-C in the shell does: its handler sets the flag, and the statement running stops
    /// with "interrupted" while the store stays usable for the next one.
    #[test]
    fn an_interrupt_stops_the_statement_running_and_the_next_one_runs() {
        let mut store = crate::store::Store::empty_in_memory().unwrap();
        let flag = Arc::new(AtomicBool::new(false));
        store.set_limits(None, Some(Arc::clone(&flag)));
        let setter = {
            let flag = Arc::clone(&flag);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(100));
                flag.store(true, Ordering::Relaxed);
            })
        };
        let e = store.prepare_sql(ENDLESS).unwrap().collect().unwrap_err();
        setter.join().unwrap();
        assert_eq!(e.to_string(), "interrupted");
        let rows = store.prepare_sql("SELECT 1 + 1 AS two").unwrap().collect().unwrap();
        assert_eq!(rows.rows.len(), 1, "a stale interrupt does not stop the next statement");
    }

    /// The time counted is SQLite's: a consumer that takes its time does not use it up.
    #[test]
    fn time_spent_on_the_output_does_not_count_against_the_timeout() {
        let mut store = crate::store::Store::empty_in_memory().unwrap();
        store.set_limits(Some(Duration::from_millis(200)), None);
        let mut p = store
            .prepare_sql("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 3) SELECT i FROM r")
            .unwrap();
        let n = p
            .each(|_| {
                std::thread::sleep(Duration::from_millis(150));
                Ok(())
            })
            .unwrap();
        assert_eq!(n, 3, "450 ms at the output, well under 200 ms in SQLite");
        let e = store.prepare_sql(ENDLESS).unwrap().collect().unwrap_err();
        assert!(e.to_string().starts_with("stopped after 0.2 s (--timeout)"), "{e}");
    }
}
