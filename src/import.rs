//! `claimdb import`: read input files into records and write them in one transaction.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::records::{read_records, Record, RecordError};
use crate::store::write::ImportStats;
use crate::store::Store;

/// One input: its name for messages, its text, and where a source's `text_file` is looked up.
pub struct Input {
    pub name: String,
    pub text: String,
    pub text_files: TextFiles,
}

/// Where `text_file` names point.
pub enum TextFiles {
    /// Files relative to this folder (the imported file's own).
    Dir(PathBuf),
    /// Texts built into the binary, by name.
    Embedded(&'static [(&'static str, &'static str)]),
}

impl TextFiles {
    fn read(&self, name: &str) -> Result<String, String> {
        match self {
            TextFiles::Dir(dir) => {
                let path = dir.join(name);
                std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
            }
            TextFiles::Embedded(files) => files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .ok_or_else(|| format!("no built-in text named {name}")),
        }
    }
}

impl Input {
    /// Reads a file, or standard input for `-`.
    pub fn from_path(path: &Path) -> Result<Input, Error> {
        if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| Error::msg(format!("cannot read standard input: {e}")))?;
            let cwd = std::env::current_dir()?;
            return Ok(Input { name: "<stdin>".into(), text, text_files: TextFiles::Dir(cwd) });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
            Error::msg(format!("{}:{line}: the file is not valid UTF-8", path.display()))
        })?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Input { name: path.display().to_string(), text, text_files: TextFiles::Dir(dir) })
    }
}

/// The current time as RFC 3339 UTC, to the second: when sources without `added_at` were added.
pub fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// Imports every input in one transaction: either all records are written, or none.
pub fn import(store: &mut Store, inputs: &[Input]) -> Result<ImportStats, Error> {
    let now = now();
    let mut importer = store.importer()?;
    for input in inputs {
        read_records(&input.name, &input.text, |origin, record| match record {
            Record::Entity(e) => importer.entity(&origin, e.into_entity()?),
            Record::Source(s) => importer.source(s.into_source(&|f| input.text_files.read(f), &now)?),
            Record::Claim(c) => importer.claim(c.into_claim()?),
        })
        .map_err(reject)?;
    }
    importer.finish().map_err(reject)
}

fn reject(e: RecordError) -> Error {
    Error::msg(format!("{e}\nnothing was imported"))
}
