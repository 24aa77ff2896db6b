//! What `ingest` and `annotate` share: reading an article's text, its publication date, and the
//! gazetteer to read it with.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use jiff::civil::Date;

use crate::error::Error;
use crate::extract::gazetteer::Gazetteer;
use crate::model::{DateSpan, Grain};

/// The largest article read: far past any news text, small enough to hold in memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// An article's text as given (a BOM and CRLF line ends included: offsets point into it).
pub fn read_text(path: &Path) -> Result<(String, String), Error> {
    let (name, mut reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(std::io::stdin().lock()))
    } else {
        let file = std::fs::File::open(path).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        if file.metadata().is_ok_and(|m| m.is_dir()) {
            return Err(Error::msg(format!(
                "{} is a folder; pass the text files in it (FOLDER/*.txt)",
                path.display()
            )));
        }
        (path.display().to_string(), Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::msg(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(Error::msg(format!("{name} is over {MAX_ARTICLE_BYTES} bytes, more than an article can be")));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::msg(format!(
            "{name} is not valid UTF-8 (at byte {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(Error::msg(format!("{name} holds no text")));
    }
    if let Some((at, c)) =
        text.chars().enumerate().find(|(_, c)| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(Error::msg(format!(
            "{name} holds the control character U+{:04X} at character {at}; only tab, newline and carriage return may appear in a text",
            c as u32
        )));
    }
    Ok((name, text))
}

/// `--published`, checked: a date of any precision.
pub fn published(flag: Option<&str>) -> Result<Option<DateSpan>, Error> {
    flag.map(|s| DateSpan::parse(s).map_err(|e| Error::msg(format!("--published `{s}`: {e}")))).transpose()
}

/// The day relative dates resolve against: only a publication date known to the day gives one.
pub fn reference_day(published: Option<DateSpan>) -> Option<Date> {
    published.filter(|p| p.grain() == Grain::Day && !p.is_range()).map(|p| p.first_day())
}

/// The built-in gazetteer, or it extended by the user's file.
pub fn gazetteer(path: Option<&Path>) -> Result<Cow<'static, Gazetteer>, Error> {
    let Some(path) = path else { return Ok(Cow::Borrowed(Gazetteer::builtin())) };
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::msg(format!("cannot read gazetteer {}: {e}", path.display())))?;
    Gazetteer::with_user_file(&path.display().to_string(), &text).map(Cow::Owned).map_err(Error::msg)
}

/// The metadata a `NAME.meta.json` beside the file gives.
#[derive(Default, serde::Deserialize)]
pub struct Sidecar {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Everything else: said on stderr, so a misspelt key (`publised`) does not pass unseen.
    #[serde(flatten)]
    other: std::collections::BTreeMap<String, serde_json::Value>,
}

pub fn sidecar(file: &Path) -> Result<Sidecar, Error> {
    if file.as_os_str() == "-" {
        return Ok(Sidecar::default());
    }
    let meta = file.with_extension("meta.json");
    match std::fs::read_to_string(&meta) {
        Ok(s) => {
            let side: Sidecar = serde_json::from_str(&s).map_err(|e| Error::msg(format!("{}: {e}", meta.display())))?;
            // Provenance notes are welcome; anything else is probably a typo of a key we read.
            for key in side
                .other
                .keys()
                .filter(|k| !matches!(k.as_str(), "license" | "retrieved_from" | "author" | "byline" | "notes"))
            {
                crate::sanitize::say(format_args!(
                    "warning: {}: unknown key `{key}` (read are title, publisher, url, published)",
                    meta.display()
                ));
            }
            Ok(side)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Sidecar::default()),
        Err(e) => Err(Error::msg(format!("cannot read {}: {e}", meta.display()))),
    }
}

/// A text's title: the flag's, else its sidecar's, else its first line (a statement's title names
/// who issued it, so `annotate` reads the same title `ingest` stores).
pub fn title(flag: Option<&str>, side: Option<String>, text: &str) -> String {
    flag.map(str::to_string).or(side).unwrap_or_else(|| {
        let first =
            text.trim_start_matches('\u{FEFF}').lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("untitled");
        first.chars().take(200).collect()
    })
}
