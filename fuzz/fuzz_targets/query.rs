//! The query pipeline on any bytes: parse, resolve and compile, or an error that renders with a
//! caret. A panic anywhere is a crash.
#![no_main]

use claimdb::dsl::{to_sql, Defaults, Sqlite};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for defaults in [Defaults::ForPeople, Defaults::ForPrograms] {
        match to_sql(text, defaults, &Sqlite) {
            Ok(sql) => assert!(sql.text.starts_with("SELECT ")),
            Err(e) => assert!(e.render(text).contains('^')),
        }
    }
});
