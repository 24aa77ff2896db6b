//! Raw SQL for `claimdb sql`, read-only by SQLite's own rules rather than by looking at the text.
//!
//! Three locks, each enforced by the engine: the file is opened read-only (`SQLITE_OPEN_READONLY`),
//! `PRAGMA query_only` is on, and an authorizer refuses, while a statement is prepared, anything
//! that is not a read: writes, schema changes, ATTACH, transactions and pragmas that change a
//! setting. The in-memory sample has only the last two, which is why the authorizer exists.

use std::sync::{Arc, Mutex};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

use super::SqliteStore;
use crate::error::Error;

/// Pragmas that only report. A pragma not listed here is refused, with or without an argument,
/// because several (`optimize`, `wal_checkpoint`, `shrink_memory`) act even without one.
const READING_PRAGMAS: &[&str] = &[
    "application_id",
    "auto_vacuum",
    "cache_size",
    "collation_list",
    "compile_options",
    "data_version",
    "database_list",
    "encoding",
    "foreign_key_check",
    "foreign_key_list",
    "foreign_keys",
    "freelist_count",
    "function_list",
    "index_info",
    "index_list",
    "index_xinfo",
    "integrity_check",
    "journal_mode",
    "module_list",
    "page_count",
    "page_size",
    "pragma_list",
    "query_only",
    "quick_check",
    "schema_version",
    "table_info",
    "table_list",
    "table_xinfo",
    "user_version",
];

/// Pragmas in `READING_PRAGMAS` that set something when given a value (`PRAGMA user_version = 3`).
/// The rest take an argument only to name what to report on (`PRAGMA table_info(claims)`).
const SETTABLE: &[&str] = &[
    "application_id",
    "auto_vacuum",
    "cache_size",
    "encoding",
    "foreign_keys",
    "journal_mode",
    "page_size",
    "query_only",
    "schema_version",
    "user_version",
];

/// Why the authorizer refused a statement, said the way a user would put it; `None` to allow.
fn refusal(action: &AuthAction<'_>) -> Option<String> {
    use AuthAction as A;
    let what = match action {
        A::Select | A::Read { .. } | A::Function { .. } | A::Recursive => return None,
        A::Pragma { pragma_name, pragma_value } => {
            let name = pragma_name.to_ascii_lowercase();
            let reads = READING_PRAGMAS.contains(&name.as_str())
                && (pragma_value.is_none() || !SETTABLE.contains(&name.as_str()));
            if reads {
                return None;
            }
            match pragma_value {
                Some(v) => format!("PRAGMA {pragma_name} = {v}"),
                None => format!("PRAGMA {pragma_name}"),
            }
        }
        // CREATE and DROP ask first to change the schema table itself.
        A::Insert { table_name } | A::Update { table_name, .. } | A::Delete { table_name }
            if table_name.starts_with("sqlite_") =>
        {
            "changing the schema".into()
        }
        A::Insert { table_name } => format!("INSERT into {table_name}"),
        A::Update { table_name, .. } => format!("UPDATE of {table_name}"),
        A::Delete { table_name } => format!("DELETE from {table_name}"),
        A::Attach { .. } => "ATTACH".into(),
        A::Detach { .. } => "DETACH".into(),
        A::Transaction { operation } => format!("{operation:?}").to_uppercase(),
        A::Savepoint { .. } => "SAVEPOINT".into(),
        A::AlterTable { table_name, .. } => format!("ALTER TABLE {table_name}"),
        A::Reindex { .. } => "REINDEX".into(),
        A::Analyze { .. } => "ANALYZE".into(),
        A::CreateIndex { .. } | A::CreateTempIndex { .. } => "CREATE INDEX".into(),
        A::CreateTable { .. } | A::CreateTempTable { .. } | A::CreateVtable { .. } => "CREATE TABLE".into(),
        A::CreateTrigger { .. } | A::CreateTempTrigger { .. } => "CREATE TRIGGER".into(),
        A::CreateView { .. } | A::CreateTempView { .. } => "CREATE VIEW".into(),
        A::DropIndex { .. } | A::DropTempIndex { .. } => "DROP INDEX".into(),
        A::DropTable { .. } | A::DropTempTable { .. } | A::DropVtable { .. } => "DROP TABLE".into(),
        A::DropTrigger { .. } | A::DropTempTrigger { .. } => "DROP TRIGGER".into(),
        A::DropView { .. } | A::DropTempView { .. } => "DROP VIEW".into(),
        _ => "an action SQLite did not name".into(),
    };
    Some(what)
}

/// What the authorizer first refused in the statement being prepared, for the error message.
pub(super) type Refused = Arc<Mutex<Option<String>>>;

impl SqliteStore {
    /// Locks this connection against every write for the rest of its life.
    pub fn make_read_only(&mut self) -> Result<(), Error> {
        self.conn.execute_batch("PRAGMA query_only = ON;")?;
        let refused: Refused = Arc::default();
        let seen = Arc::clone(&refused);
        self.conn.authorizer(Some(move |ctx: AuthContext<'_>| match refusal(&ctx.action) {
            None => Authorization::Allow,
            Some(what) => {
                // SQLite stops at the first refusal. That is usually what the user wrote, but not
                // always: CREATE first asks to write the schema table, VACUUM to ATTACH.
                if let Ok(mut slot) = seen.lock() {
                    slot.get_or_insert(what);
                }
                Authorization::Deny
            }
        }));
        self.refused = Some(refused);
        Ok(())
    }

    /// Forgets what the authorizer refused last, before a new statement is prepared.
    pub(super) fn clear_refusal(&self) {
        if let Some(slot) = &self.refused {
            slot.lock().map(|mut s| s.take()).ok();
        }
    }

    pub(super) fn explain_sql_error(&self, text: &str, e: rusqlite::Error) -> Error {
        if let Some(what) = self.refused.as_ref().and_then(|r| r.lock().ok().and_then(|mut s| s.take())) {
            return Error::msg(format!("`claimdb sql` only reads: {what} is refused"));
        }
        match e {
            rusqlite::Error::SqlInputError { msg, offset, .. } if offset >= 0 => {
                Error::msg(format!("SQL error: {msg}\n{}", caret(text, offset as usize)))
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ApiMisuse && is_blank(text) => {
                Error::msg("no SQL statement given (only blanks or comments)")
            }
            rusqlite::Error::MultipleStatement => {
                Error::msg("`claimdb sql` runs one statement at a time; run each separately")
            }
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
                Error::msg("`claimdb sql` only reads; the statement tried to write")
            }
            e => Error::msg(format!("SQL error: {e}")),
        }
    }
}

/// Whether SQL holds nothing but blanks, `;` and comments, which SQLite prepares as no statement.
fn is_blank(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ';');
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            return rest.is_empty();
        }
    }
}

/// The line of `text` holding byte `offset`, with a caret under it.
fn caret(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line_no = text[..line_start].matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count();
    // The line as the terminal shows it, the caret in screen columns (a tab, a Chinese character).
    let at = offset - line_start;
    let (shown, caret) = crate::sanitize::caret_under(&text[line_start..line_end], at, at);
    format!("  {shown}\n  {caret} (line {line_no}, column {})", column + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_points_at_the_offset_on_its_line() {
        assert_eq!(caret("SELECT *\nFRM claims", 9), "  FRM claims\n  ^ (line 2, column 1)");
        assert_eq!(caret("SELECT * FRM claims", 9), "  SELECT * FRM claims\n           ^ (line 1, column 10)");
        // A tab shows as a space and a Chinese character takes two columns: the caret stays
        // under `FRM` (a review found it drifting).
        let sql = "SELECT\t'\u{5df4}\u{683c}', quote FRM claims";
        let at = sql.find("FRM").unwrap();
        assert_eq!(
            caret(sql, at),
            format!("  SELECT '\u{5df4}\u{683c}', quote FRM claims\n  {}^ (line 1, column 20)", " ".repeat(21))
        );
    }

    #[test]
    fn reading_pragmas_pass_and_setting_ones_do_not() {
        let pragma = |name: &'static str, value: Option<&'static str>| {
            refusal(&AuthAction::Pragma { pragma_name: name, pragma_value: value })
        };
        assert_eq!(pragma("user_version", None), None);
        assert_eq!(pragma("table_info", Some("claims")), None);
        assert_eq!(pragma("user_version", Some("7")).as_deref(), Some("PRAGMA user_version = 7"));
        assert_eq!(pragma("optimize", None).as_deref(), Some("PRAGMA optimize"));
        assert_eq!(pragma("wal_checkpoint", None).as_deref(), Some("PRAGMA wal_checkpoint"));
        assert_eq!(pragma("schema_version", Some("99")).as_deref(), Some("PRAGMA schema_version = 99"));
        assert_eq!(pragma("encoding", Some("UTF-16")).as_deref(), Some("PRAGMA encoding = UTF-16"));
    }
}
