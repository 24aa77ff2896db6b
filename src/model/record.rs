//! The flat records claims, sources and entities travel in (NDJSON, JSON arrays, CSV), and the
//! checks that turn them into the model's types. A record is what a user writes by hand or a
//! script emits; nothing reaches the database without passing through here.

use serde::{Deserialize, Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::{
    check_id, whole, Attribution, AttributionKind, Claim, DateSpan, Entity, EntityKind, Kind, Modality, Origin,
    OriginKind, Qualifier, Quantity, Source, Span, Speaker,
};

/// One record of any type; NDJSON and JSON records say which in their `"type"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
// Records stream one at a time, so a claim's larger size costs nothing a Box would save.
#[allow(clippy::large_enum_variant)]
pub enum Record {
    Entity(EntityRecord),
    Source(SourceRecord),
    Claim(ClaimRecord),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityRecord {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub added_at: Option<String>,
    /// Optional on import: when given it must match the text.
    #[serde(default)]
    pub sha256: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    /// Instead of `text`: a file holding the text, relative to the file being imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_file: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRecord {
    /// Optional on import: a stable id is derived from the claim's source, span, kind and text.
    #[serde(default)]
    pub id: Option<String>,
    pub source: String,
    pub kind: String,
    pub quote: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
    #[serde(default)]
    pub party: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default, serialize_with = "number_as_integer_when_whole")]
    pub value: Option<f64>,
    #[serde(default, serialize_with = "number_as_integer_when_whole")]
    pub low: Option<f64>,
    #[serde(default, serialize_with = "number_as_integer_when_whole")]
    pub high: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub said_on: Option<String>,
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default)]
    pub modality: Option<String>,
    /// `curated` (the default) or `extracted`.
    #[serde(default)]
    pub origin: Option<String>,
    /// The extractor's version, for an extracted claim.
    #[serde(default)]
    pub extractor: Option<String>,
}

/// `2500`, not `2500.0`: figures in news are mostly counts.
fn number_as_integer_when_whole<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) => match whole(*x) {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(*x),
        },
        None => s.serialize_none(),
    }
}

/// In CSV an entity's aliases share one field, separated by `|`.
pub const ALIAS_SEPARATOR: char = '|';

fn field<T>(name: &str, r: Result<T, String>) -> Result<T, String> {
    r.map_err(|e| format!("field `{name}`: {e}"))
}

fn date_field(name: &str, v: &Option<String>) -> Result<Option<DateSpan>, String> {
    v.as_deref().map(|s| field(name, DateSpan::parse(s).map_err(|e| e.reason))).transpose()
}

/// Refuses control characters other than tab, newline and carriage return, in every text a
/// record holds. A NUL cuts a text short for SQLite's `substr`, so a quote could no longer be
/// found at its offsets; the others act on a terminal when the text is shown.
fn printable(name: &str, s: &str) -> Result<(), String> {
    match s.chars().enumerate().find(|(_, c)| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r')) {
        Some((at, c)) => Err(format!(
            "field `{name}` holds the control character U+{:04X} at character {at}; only tab, newline and \
             carriage return may appear in a text",
            c as u32
        )),
        None => Ok(()),
    }
}

fn non_empty(name: &str, v: Option<String>) -> Result<Option<String>, String> {
    match v {
        Some(s) if s.trim().is_empty() => Err(format!("field `{name}` is empty; leave it out or use null")),
        v => Ok(v),
    }
}

impl EntityRecord {
    pub fn into_entity(self) -> Result<Entity, String> {
        if self.name.trim().is_empty() || self.name != self.name.trim() {
            return Err(format!("entity name `{}` must be non-empty, without surrounding spaces", self.name));
        }
        let kind: EntityKind = field("kind", self.kind.parse())?;
        printable("name", &self.name)?;
        let parent = non_empty("parent", self.parent)?;
        parent.as_deref().map(|p| printable("parent", p)).transpose()?;
        self.aliases.iter().try_for_each(|a| printable("aliases", a))?;
        if let Some(a) = self.aliases.iter().find(|a| a.trim().is_empty()) {
            return Err(format!("entity `{}` has an empty alias `{a}`", self.name));
        }
        // CSV and every listing join aliases with `|`: one holding it would come back as two.
        if let Some(a) = self.aliases.iter().find(|a| a.contains(ALIAS_SEPARATOR)) {
            return Err(format!("entity `{}`: alias `{a}` may not contain `{ALIAS_SEPARATOR}`", self.name));
        }
        Ok(Entity { name: self.name, kind, parent, aliases: self.aliases })
    }

    pub fn from_entity(e: &Entity) -> EntityRecord {
        EntityRecord {
            name: e.name().to_string(),
            kind: e.kind().to_string(),
            parent: e.parent().map(str::to_string),
            aliases: e.aliases().to_vec(),
        }
    }
}

/// Lowercase hex SHA-256 of a text's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

impl SourceRecord {
    /// `read_text_file` reads a `text_file` (named relative to the file being imported); `now` is
    /// the time to record when the record has no `added_at`.
    pub fn into_source(
        self,
        read_text_file: &dyn Fn(&str) -> Result<String, String>,
        now: &str,
    ) -> Result<Source, String> {
        check_id("source id", &self.id)?;
        if self.title.trim().is_empty() {
            return Err(format!("source {}: field `title` is empty", self.id));
        }
        let text = match (self.text, self.text_file) {
            (Some(t), None) => t,
            (None, Some(f)) => read_text_file(&f).map_err(|e| format!("field `text_file`: {e}"))?,
            (Some(_), Some(_)) => return Err("give either `text` or `text_file`, not both".into()),
            (None, None) => return Err(format!("source {} has no `text` (or `text_file`)", self.id)),
        };
        printable("text", &text)?;
        printable("title", &self.title)?;
        for (name, v) in [("publisher", &self.publisher), ("url", &self.url)] {
            v.as_deref().map(|v| printable(name, v)).transpose()?;
        }
        if let Some(given) = &self.sha256 {
            let hash = sha256_hex(&text);
            if *given != hash {
                return Err(format!("field `sha256`: {given} does not match the text, whose SHA-256 is {hash}"));
            }
        }
        let added_at = match self.added_at {
            // Stored in UTC, as documented, whatever offset it was given with.
            Some(a) => field("added_at", a.parse::<jiff::Timestamp>().map_err(|e| e.to_string()))?.to_string(),
            None => now.to_string(),
        };
        Ok(Source {
            id: self.id,
            title: self.title,
            publisher: non_empty("publisher", self.publisher)?,
            url: non_empty("url", self.url)?,
            published: date_field("published", &self.published)?,
            added_at,
            text,
        })
    }

    pub fn from_source(s: &Source) -> SourceRecord {
        SourceRecord {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            url: s.url.clone(),
            published: s.published.map(|d| d.to_string()),
            added_at: Some(s.added_at.clone()),
            sha256: Some(sha256_hex(&s.text)),
            text: Some(s.text.clone()),
            text_file: None,
        }
    }
}

impl ClaimRecord {
    pub fn into_claim(self) -> Result<Claim, String> {
        let kind: Kind = field("kind", self.kind.parse())?;
        printable("quote", &self.quote)?;
        printable("text", &self.text)?;
        for (name, v) in
            [("party", &self.party), ("location", &self.location), ("speaker", &self.speaker), ("role", &self.role)]
        {
            v.as_deref().map(|v| printable(name, v)).transpose()?;
        }
        let span = Span::new(self.start, self.end)?;
        let quote_chars = self.quote.chars().count();
        if quote_chars != span.end() - span.start() {
            return Err(format!(
                "the quote has {quote_chars} characters but start..end ({}..{}) spans {}",
                self.start,
                self.end,
                span.end() - span.start()
            ));
        }
        if self.text.trim().is_empty() || self.text.contains('\n') {
            return Err("field `text` must be one non-empty line".into());
        }
        if self.value.is_none() && (self.low.is_some() || self.high.is_some()) {
            return Err("`low` and `high` bound a figure: they need a `value`".into());
        }
        let quantity = match (self.value, self.unit, self.qualifier) {
            (None, None, None) => None,
            (Some(v), Some(u), Some(q)) => Some(
                Quantity::new(v, &u, field("qualifier", q.parse::<Qualifier>())?)?.with_bounds(self.low, self.high)?,
            ),
            (v, u, q) => {
                let missing: Vec<&str> = [("value", v.is_none()), ("unit", u.is_none()), ("qualifier", q.is_none())]
                    .into_iter()
                    .filter_map(|(n, m)| m.then_some(n))
                    .collect();
                return Err(format!(
                    "a quantity needs `value`, `unit` and `qualifier` together; missing {}",
                    missing.join(" and ")
                ));
            }
        };
        let speaker = non_empty("speaker", self.speaker)?;
        let role = non_empty("role", self.role)?;
        let said_on = date_field("said_on", &self.said_on)?;
        let attribution_kind: AttributionKind = match self.attribution.as_deref() {
            Some(a) => field("attribution", a.parse())?,
            None if speaker.is_some() => AttributionKind::Reported,
            None => AttributionKind::Author,
        };
        let attribution = match (attribution_kind, speaker) {
            (AttributionKind::Author, None) => {
                if role.is_some() || said_on.is_some() {
                    return Err("`role` and `said_on` need a `speaker`".into());
                }
                Attribution::Author
            }
            (AttributionKind::Author, Some(s)) => {
                return Err(format!(
                    "attribution `author` means the author's own assertion, but speaker `{s}` is given; use `direct` or `reported`"
                ))
            }
            (k, None) => return Err(format!("attribution `{k}` needs a `speaker`")),
            (AttributionKind::Direct, Some(name)) => Attribution::Direct(Speaker { name, role, said_on }),
            (AttributionKind::Reported, Some(name)) => Attribution::Reported(Speaker { name, role, said_on }),
        };
        let modality = match self.modality.as_deref() {
            Some(m) => field("modality", m.parse())?,
            None => Modality::Asserted,
        };
        let origin = match (
            self.origin
                .as_deref()
                .map(str::parse::<OriginKind>)
                .transpose()
                .map_err(|e| format!("field `origin`: {e}"))?,
            self.extractor,
        ) {
            (None | Some(OriginKind::Curated), None) => Origin::Curated,
            (Some(OriginKind::Extracted), Some(x)) => {
                printable("extractor", &x)?;
                if x.trim().is_empty() {
                    return Err("field `extractor` is empty".into());
                }
                Origin::Extracted { extractor: x }
            }
            (Some(OriginKind::Extracted), None) => {
                return Err("an extracted claim needs the `extractor` that made it".into())
            }
            (_, Some(_)) => return Err("`extractor` is for extracted claims: set `origin` to `extracted`".into()),
        };
        let id = match self.id {
            Some(id) => id,
            None => derived_id(&self.source, span, kind, &self.text),
        };
        check_id("claim id", &id)?;
        Ok(Claim {
            id,
            source: self.source,
            kind,
            quote: self.quote,
            span,
            text: self.text,
            party: non_empty("party", self.party)?,
            location: non_empty("location", self.location)?,
            quantity,
            date: date_field("date", &self.date)?,
            attribution,
            modality,
            origin,
        })
    }
}

/// A claim without an id gets one from what identifies it, so importing the same file twice gives
/// the same ids: `c` and 12 hex digits of SHA-256 over source, span, kind and text.
fn derived_id(source: &str, span: Span, kind: Kind, text: &str) -> String {
    let key = format!("{source}\u{1f}{}\u{1f}{}\u{1f}{kind}\u{1f}{text}", span.start(), span.end());
    format!("c{}", &sha256_hex(&key)[..12])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_json(extra: &str) -> String {
        format!(
            r#"{{"type":"claim","id":"x1","source":"s","kind":"troops","quote":"2,500 troops","start":0,"end":12,"text":"2,500 troops."{extra}}}"#
        )
    }

    #[test]
    fn claim_checks_name_the_field() {
        let rec = |extra: &str| -> ClaimRecord {
            match serde_json::from_str(&claim_json(extra)).unwrap() {
                Record::Claim(c) => c,
                _ => unreachable!(),
            }
        };
        let e = rec(r#","date":"2025-02-30""#).into_claim().unwrap_err();
        assert_eq!(e, "field `date`: day 30 is not in February 2025, which has 28 days");
        let e = rec(r#","value":2500,"unit":"troops""#).into_claim().unwrap_err();
        assert_eq!(e, "a quantity needs `value`, `unit` and `qualifier` together; missing qualifier");
        let e = rec(r#","role":"commander""#).into_claim().unwrap_err();
        assert_eq!(e, "`role` and `said_on` need a `speaker`");
        let e = rec(r#","speaker":"Kurilla","attribution":"author""#).into_claim().unwrap_err();
        assert!(e.starts_with("attribution `author` means"), "{e}");
        let c = rec(r#","speaker":"CENTCOM""#).into_claim().unwrap();
        assert_eq!(c.attribution.kind(), AttributionKind::Reported, "a speaker without attribution is reported speech");
    }

    #[test]
    fn aliases_cannot_hold_the_separator_lists_are_joined_with() {
        let e = EntityRecord { name: "X".into(), kind: "place".into(), parent: None, aliases: vec!["a|b".into()] };
        assert_eq!(e.into_entity().unwrap_err(), "entity `X`: alias `a|b` may not contain `|`");
    }

    #[test]
    fn a_missing_id_is_derived_stably() {
        let mut r: ClaimRecord = match serde_json::from_str(&claim_json("")).unwrap() {
            Record::Claim(c) => c,
            _ => unreachable!(),
        };
        r.id = None;
        let a = r.clone().into_claim().unwrap().id;
        let b = r.into_claim().unwrap().id;
        assert_eq!(a, b);
        assert!(a.starts_with('c') && a.len() == 13, "{a}");
    }

    #[test]
    fn claims_round_trip_through_the_record() {
        let text = claim_json(
            r#","party":"U.S.","location":null,"value":2500,"low":null,"high":2600,"unit":"troops","qualifier":"approximate","date":"2025-01","speaker":"CENTCOM","role":"command","said_on":"2025-01-06","attribution":"direct","modality":"expected","origin":"curated","extractor":null"#,
        );
        let Record::Claim(rec) = serde_json::from_str(&text).unwrap() else { unreachable!() };
        let claim = rec.clone().into_claim().unwrap();
        // Read back off the claim through the field table, as export and import see it.
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
        for (field, _, get) in crate::columns::stored_claim_columns() {
            let got = match get(&claim).into_value() {
                crate::rows::Value::Null => serde_json::Value::Null,
                crate::rows::Value::Int(i) => i.into(),
                crate::rows::Value::Real(r) => r.into(),
                crate::rows::Value::Text(t) => t.into(),
                crate::rows::Value::List(l) => l.into(),
            };
            assert_eq!(Some(&got), object.get(field.name), "{}", field.name);
        }
        let out = serde_json::to_string(&Record::Claim(rec)).unwrap();
        assert!(out.contains(r#""value":2500,"#), "{out}");
        assert!(out.starts_with(r#"{"type":"claim","id":"x1""#), "{out}");
    }
}
