//! The import readers on any bytes, as NDJSON, a JSON array or CSV (the reader tells which from
//! the content), each record then checked into the model's types. Errors are fine; a panic is a
//! crash.
#![no_main]

use claimdb::import::read::read_records;
use claimdb::model::Record;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_records("fuzz", data, |_, record| {
        match record {
            Record::Entity(e) => drop(e.into_entity()?),
            Record::Source(s) => drop(s.into_source(&|f| Ok(f.to_string()), "2025-01-01T00:00:00Z")?),
            Record::Claim(c) => drop(c.into_claim()?),
        }
        Ok(())
    });
});
