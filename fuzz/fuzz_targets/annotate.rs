//! Any bytes, as text, through every recogniser: nothing panics, and every mention and claim
//! lies on character boundaries inside the text (`cargo +nightly fuzz run annotate`).

#![no_main]

use claimdb::extract::gazetteer::Gazetteer;
use claimdb::extract::{analyse, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for published in [None, "2025-01-07".parse().ok()] {
        let an = analyse(text, &Options { published, gazetteer: Gazetteer::builtin() });
        for (s, e) in an.mentions.iter().map(|m| (m.start, m.end)).chain(an.claims.iter().map(|c| (c.start, c.end))) {
            assert!(s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }
});
