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
    Dir(PathBuf, TextFileRules),
    /// Texts built into the binary, by name.
    Embedded(&'static [(&'static str, &'static str)]),
}

/// What a source's `text_file` may name. An imported file comes from anyone: left unchecked, it
/// could read `/etc/passwd` into the database, read `/dev/zero` until memory ran out, or hang on
/// a FIFO while holding the write lock.
#[derive(Debug, Clone, Copy)]
pub struct TextFileRules {
    /// Allow files outside the imported file's folder (`import --allow-outside`).
    pub allow_outside: bool,
    /// The largest text read (`import --max-text-bytes`).
    pub max_bytes: u64,
}

impl Default for TextFileRules {
    fn default() -> TextFileRules {
        TextFileRules { allow_outside: false, max_bytes: DEFAULT_MAX_TEXT_BYTES }
    }
}

/// 64 MiB: a thousand times the longest news article, and far below what would hurt to hold.
pub const DEFAULT_MAX_TEXT_BYTES: u64 = 64 << 20;

impl TextFiles {
    fn read(&self, name: &str) -> Result<String, String> {
        match self {
            TextFiles::Dir(dir, rules) => read_text_file(dir, name, rules),
            TextFiles::Embedded(files) => files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .ok_or_else(|| format!("no built-in text named {name}")),
        }
    }
}

/// Reads `name`, relative to `dir`: a regular file, inside `dir` unless the rules allow
/// otherwise, and no larger than they allow.
fn read_text_file(dir: &Path, name: &str, rules: &TextFileRules) -> Result<String, String> {
    use std::io::Read;
    let path = dir.join(name);
    let shown = path.display();
    let meta = std::fs::metadata(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown} is not a regular file (a device, a FIFO or a folder cannot be a text)"));
    }
    if !rules.allow_outside {
        let real = std::fs::canonicalize(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let base = std::fs::canonicalize(if dir.as_os_str().is_empty() { Path::new(".") } else { dir })
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if !real.starts_with(&base) {
            return Err(format!(
                "{shown} lies outside {}, the imported file's folder; pass --allow-outside to read it",
                base.display()
            ));
        }
    }
    if meta.len() > rules.max_bytes {
        return Err(format!(
            "{shown} is {} bytes, over the {} a text may have (--max-text-bytes)",
            meta.len(),
            rules.max_bytes
        ));
    }
    // Read no more than the limit even if the file grows meanwhile.
    let mut bytes = Vec::new();
    let file = File::open(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    file.take(rules.max_bytes + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > rules.max_bytes {
        return Err(format!("{shown} grew past the {} bytes a text may have (--max-text-bytes)", rules.max_bytes));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("{shown} is not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to()))
}

impl Input {
    /// A file, or standard input for `-`. The file is opened now, so a missing or unreadable one
    /// is reported before the database is touched.
    pub fn from_path(path: &Path, rules: TextFileRules) -> Result<Input, Error> {
        if path.as_os_str() == "-" {
            let cwd = std::env::current_dir()?;
            return Ok(Input { name: "<stdin>".into(), from: Stream::Stdin, text_files: TextFiles::Dir(cwd, rules) });
        }
        File::open(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Input {
            name: path.display().to_string(),
            from: Stream::File(path.to_path_buf()),
            text_files: TextFiles::Dir(dir, rules),
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
