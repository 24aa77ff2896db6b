//! Importing: stream input files into records ([`read`]) and write them in one transaction.

pub mod read;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::model::Record;
use crate::store::write::ImportStats;
use crate::store::Store;
use read::{read_records, Origin, RecordError};

/// One input: its name for messages, where its bytes come from, and where a source's
/// `text_file` is looked up.
pub struct Input {
    pub name: String,
    pub from: Stream,
    pub text_files: TextFiles,
}

/// Where an input's bytes come from. Files are opened when the import reaches them and read as a
/// stream, so a file of a million claims never sits in memory whole.
pub enum Stream {
    File(PathBuf),
    Stdin,
    Text(&'static str),
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
    /// A file, or standard input for `-`. The file is opened now, so a missing or unreadable one
    /// is reported before the database is touched.
    pub fn from_path(path: &Path) -> Result<Input, Error> {
        if path.as_os_str() == "-" {
            let cwd = std::env::current_dir()?;
            return Ok(Input { name: "<stdin>".into(), from: Stream::Stdin, text_files: TextFiles::Dir(cwd) });
        }
        File::open(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Input {
            name: path.display().to_string(),
            from: Stream::File(path.to_path_buf()),
            text_files: TextFiles::Dir(dir),
        })
    }

    fn reader(&self) -> Result<Box<dyn BufRead + '_>, RecordError> {
        const BUFFER: usize = 256 * 1024;
        Ok(match &self.from {
            Stream::File(path) => {
                let file = File::open(path).map_err(|e| RecordError {
                    origin: Origin { file: self.name.clone(), line: 0 },
                    reason: format!("cannot read: {e}"),
                })?;
                Box::new(BufReader::with_capacity(BUFFER, file))
            }
            Stream::Stdin => Box::new(BufReader::with_capacity(BUFFER, std::io::stdin().lock())),
            Stream::Text(text) => Box::new(text.as_bytes()),
        })
    }
}

/// The current time as RFC 3339 UTC, to the second: when sources without `added_at` were added.
pub fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// Imports every input in one transaction: either all records are written, or none.
pub fn import(store: &mut Store, inputs: &[Input]) -> Result<ImportStats, Error> {
    let now = now();
    store.bulk(|store| {
        let mut importer = store.importer()?;
        for input in inputs {
            read_records(&input.name, input.reader().map_err(reject)?, |origin, record| match record {
                Record::Entity(e) => importer.entity(&origin.to_string(), e.into_entity()?),
                Record::Source(s) => importer.source(s.into_source(&|f| input.text_files.read(f), &now)?),
                Record::Claim(c) => importer.claim(c.into_claim()?),
            })
            .map_err(reject)?;
        }
        importer.finish().map_err(|e| Error::msg(format!("{e}\nnothing was imported")))
    })
}

fn reject(e: RecordError) -> Error {
    Error::msg(format!("{e}\nnothing was imported"))
}
