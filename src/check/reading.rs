//! How a statement is understood: ingest's recognisers read it as a one-sentence article, so a
//! statement and a source mean the same by the same words. README, "How a statement is read".

use serde::Serialize;

use crate::extract::{analyse, gazetteer::Gazetteer, reported_speech, Options, Reading as Mention};
use crate::model::{AttributionKind, DateSpan, Kind, Qualifier};

/// A figure the statement gives, with what it is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The statement's words for it ("fourteen ISIS fighters were killed").
    pub text: String,
    #[serde(serialize_with = "kind_name")]
    pub kind: Kind,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    #[serde(serialize_with = "qualifier_name")]
    pub qualifier: Qualifier,
    pub unit: String,
    pub party: Option<String>,
    pub place: Option<String>,
    #[serde(serialize_with = "date_text")]
    pub date: Option<DateSpan>,
    /// Who the statement says gave the figure ("CENTCOM said …").
    pub speaker: Option<String>,
}

/// Words the statement quotes, and whose it says they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quoted {
    pub words: String,
    pub speaker: Option<String>,
    /// Quotation marks around the words, or reported speech ("Singh said ISIS retains …").
    pub direct: bool,
}

/// Everything the recognisers made of a statement. The JSON keys are documented in README.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reading {
    pub figures: Vec<Figure>,
    pub quotes: Vec<Quoted>,
    #[serde(serialize_with = "dates_text")]
    pub dates: Vec<DateSpan>,
    pub places: Vec<String>,
    pub parties: Vec<String>,
    pub people: Vec<String>,
}

impl Reading {
    pub fn of(statement: &str, g: &Gazetteer) -> Reading {
        let an = analyse(statement, &Options { published: None, gazetteer: g, title: None });
        let mut r = Reading::default();
        for m in &an.mentions {
            match &m.reading {
                Mention::Date(Some(d)) => r.dates.push(*d),
                Mention::Place { name } => push_new(&mut r.places, name),
                Mention::Party { name } => push_new(&mut r.parties, name),
                Mention::Person { name, .. } => push_new(&mut r.people, name),
                _ => {}
            }
        }
        for d in an.claims {
            let speaker = d.speaker.as_ref().map(|s| s.name.clone());
            if d.kind == Kind::Statement && d.attribution == AttributionKind::Direct {
                r.quotes.push(Quoted { words: statement[d.start..d.end].to_string(), speaker, direct: true });
                continue;
            }
            let (Some(value), Some(unit), Some(qualifier)) = (d.value, d.unit, d.qualifier) else { continue };
            // "CENTCOM said … two were wounded": the sentence's first party was its speaker, not
            // whose the figure is.
            let party = d.party.filter(|p| speaker.as_deref() != Some(p.as_str()));
            r.figures.push(Figure {
                text: statement[d.start..d.end].to_string(),
                kind: d.kind,
                value,
                low: d.low,
                high: d.high,
                qualifier,
                unit,
                party,
                place: d.location,
                date: d.date,
                speaker: speaker.filter(|_| d.attribution != AttributionKind::Author),
            });
        }
        // "Singh said ISIS retains capabilities": words to find in her quotes. A figure said
        // ("CENTCOM said one coalition member was killed") is checked as a figure instead.
        if r.quotes.is_empty() && r.figures.is_empty() {
            if let Some((speaker, at)) = reported_speech(statement, g) {
                let words = statement[at..].trim_end_matches(['.', ' ', '\n']).to_string();
                if !words.is_empty() {
                    r.quotes.push(Quoted { words, speaker: Some(speaker), direct: false });
                }
            }
        }
        r
    }

    /// Nothing in it a source could decide.
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.quotes.is_empty() && self.dates.is_empty()
    }
}

fn push_new(v: &mut Vec<String>, name: &str) {
    if !v.iter().any(|n| n == name) {
        v.push(name.to_string());
    }
}

fn kind_name<S: serde::Serializer>(k: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

fn qualifier_name<S: serde::Serializer>(q: &Qualifier, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(q.as_str())
}

fn date_text<S: serde::Serializer>(d: &Option<DateSpan>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

fn dates_text<S: serde::Serializer>(d: &[DateSpan], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(d.iter().map(|d| d.to_string()))
}
