//! The claim model: sources, claims, entities and the closed vocabularies they use.
//!
//! These types are what the rest of the crate trusts. Each can only be built through a check, so a
//! value of them is a valid claim: a quantity always has a unit and a qualifier, a speaker's role
//! cannot exist without a speaker, the author's own assertions have no speaker, a date knows its
//! precision. A claim's flat, serde-friendly shape is [`ClaimRecord`]: what users write, what the
//! store reads back, and the one way to a [`Claim`].

pub mod date;
pub mod record;

use std::fmt;
use std::str::FromStr;

pub use date::{DateError, DateSpan, Grain, PartialDate};
pub use record::{sha256_hex, ClaimRecord, EntityRecord, Record, SourceRecord, ALIAS_SEPARATOR};

/// Defines a closed vocabulary: an enum with its canonical spellings, `FromStr` that lists the
/// allowed words in its error, and `Display`. The schema's CHECK constraints use the same words.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The allowed words, for error messages and help.
            pub fn words() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} `{}`: expected one of {}", $what, s, Self::words())),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// What a claim is about.
    Kind, "kind" {
        Troops = "troops",
        Casualty = "casualty",
        Capture = "capture",
        Strike = "strike",
        Operation = "operation",
        Statement = "statement",
        Milestone = "milestone",
        Other = "other",
    }
);

vocabulary!(
    /// How a stated figure relates to the truth: "around 2,500" is approximate.
    Qualifier, "qualifier" {
        Exact = "exact",
        Approximate = "approximate",
        AtLeast = "at_least",
        AtMost = "at_most",
    }
);

vocabulary!(
    /// Whether the source asserts the claim, expects it, has it scheduled, or says it did not happen.
    Modality, "modality" {
        Asserted = "asserted",
        Expected = "expected",
        Scheduled = "scheduled",
        Denied = "denied",
    }
);

vocabulary!(
    /// What an entity is. `country` is a place that is also a party to events. `unnamed` is people a
    /// text does not name, as it describes them ("residents", "security sources", "witness"): a
    /// description, not an identity, so the residents of one article are not those of another.
    EntityKind, "entity kind" {
        Person = "person",
        Organization = "organization",
        Country = "country",
        Place = "place",
        Operation = "operation",
        Unnamed = "unnamed",
    }
);

vocabulary!(
    /// How a claim reaches the reader: quoted words, reported speech, or the author's own.
    AttributionKind, "attribution" {
        Direct = "direct",
        Reported = "reported",
        Author = "author",
    }
);

vocabulary!(
    /// Where a claim came from: written by a person and imported, or extracted by `claimdb ingest`.
    OriginKind, "origin" {
        Curated = "curated",
        Extracted = "extracted",
    }
);

/// Where a claim came from. An extracted claim always knows which version of the rules made it,
/// so claims from older rules can be found and redone; a curated one has no such version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Curated,
    Extracted { extractor: String },
}

impl Origin {
    pub fn kind(&self) -> OriginKind {
        match self {
            Origin::Curated => OriginKind::Curated,
            Origin::Extracted { .. } => OriginKind::Extracted,
        }
    }

    pub fn extractor(&self) -> Option<&str> {
        match self {
            Origin::Curated => None,
            Origin::Extracted { extractor } => Some(extractor),
        }
    }
}

impl Kind {
    /// A state holds over time and changes (troops present); every other kind is an event that
    /// happens once. `check` judges a state by its latest figure, an event by its date.
    pub fn is_state(self) -> bool {
        self == Kind::Troops
    }
}

impl EntityKind {
    /// The kind with its indefinite article, for messages: "an organization", "a place".
    pub fn with_article(self) -> String {
        let an = self.as_str().starts_with(['a', 'e', 'i', 'o', 'u']);
        format!("{} {self}", if an { "an" } else { "a" })
    }

    /// Places and countries can be a claim's location.
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Place | EntityKind::Country)
    }
}

/// Checks an identifier: 1 to 64 printable ASCII characters from `[A-Za-z0-9._:-]`, starting with
/// a letter or digit. Ids appear in shell commands and URLs, so they stay free of spaces and quotes.
pub fn check_id(what: &str, id: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-');
    if id.is_empty() || id.len() > 64 {
        return Err(format!("{what} `{id}` must be 1 to 64 characters long"));
    }
    if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) || !id.chars().all(ok_char) {
        return Err(format!(
            "{what} `{id}` may hold only letters, digits, `.`, `_`, `:` and `-`, and must start with a letter or digit"
        ));
    }
    Ok(())
}

/// A figure with what it counts and how exact it is, and the bounds the text gives it: "at least
/// seven" has a floor of 7, "up to 20" a ceiling of 20, "between 20 and 30" both, "dozens" a floor
/// of 12. The value always lies within its bounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: String,
    qualifier: Qualifier,
}

impl Quantity {
    pub fn new(value: f64, unit: &str, qualifier: Qualifier) -> Result<Quantity, String> {
        if !value.is_finite() {
            return Err(format!("value {value} is not a finite number"));
        }
        if value.abs() >= 9_007_199_254_740_992.0 {
            return Err(format!("value {value} is too large to store exactly"));
        }
        let unit_ok = !unit.is_empty()
            && unit.len() <= 40
            && unit.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == ' ')
            && !unit.starts_with(' ')
            && !unit.ends_with(' ');
        if !unit_ok {
            return Err(format!("unit `{unit}` must be lowercase words (e.g. troops, killed, wounded, strikes)"));
        }
        Ok(Quantity { value, low: None, high: None, unit: unit.to_string(), qualifier })
    }

    /// The same figure with bounds; each must be a finite number on its side of the value.
    pub fn with_bounds(self, low: Option<f64>, high: Option<f64>) -> Result<Quantity, String> {
        for (name, b) in [("low", low), ("high", high)] {
            if let Some(b) = b {
                if !b.is_finite() || b.abs() >= 9_007_199_254_740_992.0 {
                    return Err(format!("field `{name}`: {b} is not a finite number that can be stored exactly"));
                }
            }
        }
        if let Some(l) = low.filter(|&l| l > self.value) {
            return Err(format!("field `low`: {} is above the value {}", format_number(l), format_number(self.value)));
        }
        if let Some(h) = high.filter(|&h| h < self.value) {
            return Err(format!("field `high`: {} is below the value {}", format_number(h), format_number(self.value)));
        }
        Ok(Quantity { low, high, ..self })
    }

    pub fn value(&self) -> f64 {
        self.value
    }

    pub fn low(&self) -> Option<f64> {
        self.low
    }

    pub fn high(&self) -> Option<f64> {
        self.high
    }

    pub fn unit(&self) -> &str {
        &self.unit
    }

    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
    }
}

impl fmt::Display for Quantity {
    /// Reads like the source: "around 2,500 troops", "at least 3 killed", "0 injured".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_figure(self.value, self.low, self.high, &self.unit, self.qualifier))
    }
}

/// The integer a figure is, when it is a whole number small enough to be one exactly (below
/// 2^53, where every integer is an f64). Figures in news are mostly counts, so everything that
/// stores, prints or parses one asks this first.
pub fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0).then_some(v as i64)
}

/// A figure as people read it: `2500` → `2,500`, `1234567.5` → `1,234,567.5`. The one formatter
/// of figures: tables get it through SQL (`claimdb_figure`) and `show` through [`Quantity`].
pub fn format_number(v: f64) -> String {
    let plain = match whole(v) {
        Some(i) => i.unsigned_abs().to_string(),
        None => v.abs().to_string(),
    };
    let (int, frac) = plain.split_once('.').map_or((plain.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A figure with its qualifier, bounds and unit as people read it: "around 2,500 troops", "20 to
/// 30 killed".
pub fn format_figure(value: f64, low: Option<f64>, high: Option<f64>, unit: &str, qualifier: Qualifier) -> String {
    if let (Some(l), Some(h)) = (low, high) {
        if l < h {
            let about = if qualifier == Qualifier::Approximate { "around " } else { "" };
            return format!("{about}{} to {} {unit}", format_number(l), format_number(h));
        }
    }
    let prefix = match qualifier {
        Qualifier::Exact => "",
        Qualifier::Approximate => "around ",
        Qualifier::AtLeast => "at least ",
        Qualifier::AtMost => "at most ",
    };
    format!("{prefix}{} {unit}", format_number(value))
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// An entity name or alias.
    pub name: String,
    /// The role as the source gives it ("CENTCOM commander").
    pub role: Option<String>,
    /// When the source says it was said.
    pub said_on: Option<DateSpan>,
}

/// The author's own assertion, or words attributed to a speaker. Because the speaker lives inside
/// the variants, an author's claim cannot carry a speaker and a quotation cannot lack one.
#[derive(Debug, Clone, PartialEq)]
pub enum Attribution {
    Author,
    Direct(Speaker),
    Reported(Speaker),
}

impl Attribution {
    pub fn kind(&self) -> AttributionKind {
        match self {
            Attribution::Author => AttributionKind::Author,
            Attribution::Direct(_) => AttributionKind::Direct,
            Attribution::Reported(_) => AttributionKind::Reported,
        }
    }

    pub fn speaker(&self) -> Option<&Speaker> {
        match self {
            Attribution::Author => None,
            Attribution::Direct(s) | Attribution::Reported(s) => Some(s),
        }
    }
}

/// A `[start, end)` range of a source text, counted in Unicode scalar values, never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    pub fn new(start: i64, end: i64) -> Result<Span, String> {
        if start < 0 {
            return Err(format!("start {start} is negative"));
        }
        if end <= start {
            return Err(format!("end {end} must be greater than start {start}"));
        }
        Ok(Span { start: start as usize, end: end as usize })
    }

    pub fn start(self) -> usize {
        self.start
    }

    pub fn end(self) -> usize {
        self.end
    }
}

/// One checkable assertion in a source. Built only by [`ClaimRecord::into_claim`], which checks
/// every field, so a `Claim` is always a valid one; its fields are read through accessors.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    id: String,
    source: String,
    kind: Kind,
    quote: String,
    span: Span,
    text: String,
    party: Option<String>,
    location: Option<String>,
    quantity: Option<Quantity>,
    date: Option<DateSpan>,
    attribution: Attribution,
    modality: Modality,
    origin: Origin,
}

impl Claim {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The words of the source it rests on, exactly as they stand at [`Claim::span`].
    pub fn quote(&self) -> &str {
        &self.quote
    }

    pub fn span(&self) -> Span {
        self.span
    }

    /// The claim in one plain sentence.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn party(&self) -> Option<&str> {
        self.party.as_deref()
    }

    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    pub fn quantity(&self) -> Option<&Quantity> {
        self.quantity.as_ref()
    }

    pub fn date(&self) -> Option<DateSpan> {
        self.date
    }

    pub fn attribution(&self) -> &Attribution {
        &self.attribution
    }

    pub fn modality(&self) -> Modality {
        self.modality
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }
}

/// A text claims come from. Built only by [`SourceRecord::into_source`], which checks its id,
/// title, dates and hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    id: String,
    title: String,
    publisher: Option<String>,
    url: Option<String>,
    published: Option<DateSpan>,
    /// When it was added, as RFC 3339 UTC (`2025-01-07T12:00:00Z`).
    added_at: String,
    /// The full text exactly as given.
    text: String,
}

impl Source {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }

    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    pub fn published(&self) -> Option<DateSpan> {
        self.published
    }

    pub fn added_at(&self) -> &str {
        &self.added_at
    }

    /// The full text exactly as given, which every claim's offsets point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn into_text(self) -> String {
        self.text
    }
}

/// A person, organization, country, place, operation or people unnamed, with the names it goes by. Built only
/// by [`EntityRecord::into_entity`], which checks its name and aliases.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    name: String,
    kind: EntityKind,
    /// What it is part of: the country a place is in, the country an organization belongs to.
    parent: Option<String>,
    aliases: Vec<String>,
}

impl Entity {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    pub fn parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }

    /// Its other names; never one holding [`ALIAS_SEPARATOR`].
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

/// Folds a name for matching: case-insensitive, and curly quotes and apostrophes read as straight
/// ones, so `Michael "Erik" Kurilla` typed on a keyboard finds `Michael “Erik” Kurilla`.
pub fn fold_name(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabularies_parse_their_words_and_list_them_on_error() {
        assert_eq!("troops".parse::<Kind>(), Ok(Kind::Troops));
        assert_eq!("at_least".parse::<Qualifier>(), Ok(Qualifier::AtLeast));
        let e = "troop".parse::<Kind>().unwrap_err();
        assert_eq!(
            e,
            "unknown kind `troop`: expected one of troops, casualty, capture, strike, operation, statement, milestone, other"
        );
    }

    #[test]
    fn ids_are_short_and_printable() {
        assert!(check_id("claim id", "cc01").is_ok());
        assert!(check_id("claim id", "src:2025-01.a_b").is_ok());
        assert!(check_id("claim id", "").is_err());
        assert!(check_id("claim id", "has space").is_err());
        assert!(check_id("claim id", "-leading").is_err());
        assert!(check_id("claim id", &"x".repeat(65)).is_err());
    }

    #[test]
    fn quantities_need_a_finite_value_and_a_word_unit() {
        let q = Quantity::new(2500.0, "troops", Qualifier::Approximate).unwrap();
        assert_eq!(q.to_string(), "around 2,500 troops");
        assert_eq!(Quantity::new(0.0, "injured", Qualifier::Exact).unwrap().to_string(), "0 injured");
        assert!(Quantity::new(f64::NAN, "troops", Qualifier::Exact).is_err());
        assert!(Quantity::new(1.0, "Troops", Qualifier::Exact).is_err());
        assert!(Quantity::new(1.0, "", Qualifier::Exact).is_err());
        assert!(Quantity::new(1e300, "troops", Qualifier::Exact).is_err());
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(-1000.0), "-1,000");
        assert_eq!(format_number(1234567.5), "1,234,567.5");
        assert_eq!(format_number(-0.25), "-0.25");
        assert_eq!(whole(2500.0), Some(2500));
        assert_eq!(whole(2.5), None);
        assert_eq!(whole(1e300), None, "too large to be an exact integer");
    }

    #[test]
    fn spans_are_never_empty_or_negative() {
        assert!(Span::new(0, 1).is_ok());
        assert!(Span::new(5, 5).is_err());
        assert!(Span::new(-1, 3).is_err());
    }

    #[test]
    fn names_fold_case_quotes_and_spaces() {
        assert_eq!(fold_name("Michael “Erik”  Kurilla"), "michael \"erik\" kurilla");
        assert_eq!(fold_name(" U.S. "), "u.s.");
        assert_eq!(fold_name("America’s"), "america's");
    }
}
