//! Importing: stream input files into records ([`read`]) and write them in one transaction.

pub mod read;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};

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
    /// Standard input or a pipe, copied to a temporary file before the import starts: a slow
    /// producer must not hold the database's write lock while it runs.
    Spooled(File),
    Text(&'static str),
}

/// Where `text_file` names point.
pub enum TextFiles {
    /// Files relative to this folder (the imported file's own).
    Dir(PathBuf, TextFileRules),
    /// None: records from standard input have no folder of their own (the current one could be
    /// a home folder), so their `text_file` needs `--allow-outside`.
    Nowhere,
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
            TextFiles::Nowhere => Err(format!(
                "`{name}`: records read from standard input name a text_file only with --allow-outside, \
                 as they have no folder of their own"
            )),
            TextFiles::Embedded(files) => files
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.to_string())
                .ok_or_else(|| format!("no built-in text named {name}")),
        }
    }
}

/// Reads `name`, relative to `dir`: a regular file, inside `dir` unless the rules allow
/// otherwise, and no larger than they allow. The file is opened first and every check made on
/// what was opened, so swapping the path for a FIFO or a link between the checks and the read
/// changes nothing.
fn read_text_file(dir: &Path, name: &str, rules: &TextFileRules) -> Result<String, String> {
    use std::io::Read;
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let path = dir.join(name);
    let shown = path.display();
    let cannot = |e: std::io::Error| format!("cannot read {shown}: {e}");
    // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(&path)
        .map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(format!("{shown} is not a regular file (a device, a FIFO or a folder cannot be a text)"));
    }
    if !rules.allow_outside {
        let real = std::fs::canonicalize(&path).map_err(cannot)?;
        let base = std::fs::canonicalize(if dir.as_os_str().is_empty() { Path::new(".") } else { dir })
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let same = std::fs::metadata(&real).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino());
        if !real.starts_with(&base) || !same {
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
    file.take(rules.max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(cannot)?;
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
            let text_files =
                if rules.allow_outside { TextFiles::Dir(std::env::current_dir()?, rules) } else { TextFiles::Nowhere };
            let spooled = spool(&mut std::io::stdin().lock())?;
            return Ok(Input { name: "<stdin>".into(), from: Stream::Spooled(spooled), text_files });
        }
        let mut file = File::open(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = path.display().to_string();
        let is_file = file.metadata().is_ok_and(|m| m.is_file());
        let from = if is_file { Stream::File(path.to_path_buf()) } else { Stream::Spooled(spool(&mut file)?) };
        Ok(Input { name, from, text_files: TextFiles::Dir(dir, rules) })
    }

    /// Its records as bytes, counted on `bar` as they are read.
    fn reader<'a>(&'a self, bar: &ProgressBar) -> Result<Box<dyn BufRead + 'a>, RecordError> {
        const BUFFER: usize = 256 * 1024;
        let cannot = |e: std::io::Error| RecordError {
            origin: Origin { file: self.name.clone(), line: 0 },
            reason: format!("cannot read: {e}"),
        };
        Ok(match &self.from {
            Stream::File(path) => {
                let file = File::open(path).map_err(cannot)?;
                bar.set_length(file.metadata().map_or(0, |m| m.len()));
                Box::new(BufReader::with_capacity(BUFFER, bar.wrap_read(file)))
            }
            Stream::Spooled(file) => {
                let mut file = file.try_clone().map_err(cannot)?;
                let _ = std::io::Seek::rewind(&mut file);
                bar.set_length(file.metadata().map_or(0, |m| m.len()));
                Box::new(BufReader::with_capacity(BUFFER, bar.wrap_read(file)))
            }
            Stream::Text(text) => Box::new(text.as_bytes()),
        })
    }
}

/// Copies a stream to a temporary file (gone when closed) and returns it.
fn spool(from: &mut dyn std::io::Read) -> Result<File, Error> {
    let mut file =
        tempfile::tempfile().map_err(|e| Error::msg(format!("cannot make a temporary copy of the input: {e}")))?;
    std::io::copy(from, &mut file)?;
    Ok(file)
}

/// The current time as RFC 3339 UTC, to the second: when sources without `added_at` were added.
pub fn now() -> String {
    jiff::Timestamp::now().round(jiff::Unit::Second).map(|t| t.to_string()).unwrap_or_default()
}

/// A bar on stderr for the bytes of a large import, when the caller says stderr is a terminal: a
/// million claims take many seconds. Nothing at all otherwise, so scripts and logs see only the
/// summary.
fn progress(name: &str, shown: bool) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes}  {bytes_per_sec}  {eta} left  {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(name.to_string());
    bar
}

/// Imports every input in one transaction: either all records are written, or none. `progress_shown`:
/// draw a bar on stderr as the bytes are read.
pub fn import(store: &mut Store, inputs: &[Input], progress_shown: bool) -> Result<ImportStats, Error> {
    let now = now();
    store.bulk(|store| {
        let mut importer = store.importer()?;
        for input in inputs {
            let bar = progress(&input.name, progress_shown);
            let reader = input.reader(&bar).map_err(reject)?;
            let read = read_records(&input.name, reader, |origin, record| match record {
                Record::Entity(e) => importer.entity(&origin.to_string(), e.into_entity()?),
                Record::Source(s) => importer.source(s.into_source(&|f| input.text_files.read(f), &now)?),
                Record::Claim(c) => importer.claim((&origin.file, origin.line), c.into_claim()?),
            });
            bar.finish_and_clear();
            read.map_err(reject)?;
        }
        importer.finish().map_err(|e| Error::msg(format!("{e}\nnothing was imported")))
    })
}

fn reject(e: RecordError) -> Error {
    Error::msg(format!("{e}\nnothing was imported"))
}
