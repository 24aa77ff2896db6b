//! A deterministic generator of realistic claims for the performance suite.
//!
//! `cargo run --release --example generate -- N DIR [TAG]` writes, for N claims (ids start with
//! TAG, `g` by default, so a second set can be appended to a database holding the first):
//! - `DIR/claims.ndjson`: entities (a gazetteer with parents and aliases), then each source
//!   followed by its claims, in the shape `claimdb import` reads;
//! - `DIR/claims.csv`: the same claims as CSV with the same columns, for the baselines (the
//!   `sqlite3` shell's `.import` and `sqlite-utils insert`);
//! - `DIR/claims.jsonl`: the same claims as flat JSON objects, one a line, for `sqlite-utils --nl`.
//!
//! Every kind, parties and places from the gazetteer, dates at every precision and as ranges,
//! speakers with roles, quotes of 8–30 words cut from source texts (some with curly quotes, so
//! character and byte offsets differ). The same N always gives the same bytes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use claimdb::model::{sha256_hex, ClaimRecord, EntityRecord, Record, SourceRecord};

/// splitmix64: tiny, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// (name, kind, parent, aliases)
const GAZETTEER: &[(&str, &str, Option<&str>, &[&str])] = &[
    ("United States", "country", None, &["US", "U.S.", "America", "American"]),
    ("Iraq", "country", None, &["Iraqi"]),
    ("Syria", "country", None, &["Syrian"]),
    ("Turkey", "country", None, &["Türkiye", "Turkish"]),
    ("Jordan", "country", None, &["Jordanian"]),
    ("Iran", "country", None, &["Iranian"]),
    ("Yemen", "country", None, &["Yemeni"]),
    ("Somalia", "country", None, &["Somali"]),
    ("Baghdad", "place", Some("Iraq"), &[]),
    ("Mosul", "place", Some("Iraq"), &[]),
    ("Anbar", "place", Some("Iraq"), &["Anbar province"]),
    ("Hamrin Mountains", "place", Some("Iraq"), &["Hamrin"]),
    ("Kirkuk", "place", Some("Iraq"), &[]),
    ("Erbil", "place", Some("Iraq"), &["Irbil"]),
    ("Deir Ez Zor", "place", Some("Syria"), &["Deir ez-Zor", "Deir el-Zour"]),
    ("Badiya desert", "place", Some("Syria"), &["Badiya"]),
    ("Raqqa", "place", Some("Syria"), &["Raqqah"]),
    ("al-Hol", "place", Some("Syria"), &["al-Hol camp", "Al Hol"]),
    ("Hasakah", "place", Some("Syria"), &["al-Hasakah"]),
    ("Aleppo", "place", Some("Syria"), &[]),
    ("Idlib", "place", Some("Syria"), &[]),
    ("Tanf", "place", Some("Syria"), &["al-Tanf", "At Tanf"]),
    ("Marib", "place", Some("Yemen"), &[]),
    ("Mogadishu", "place", Some("Somalia"), &[]),
    ("Puntland", "place", Some("Somalia"), &[]),
    ("U.S. Central Command", "organization", Some("United States"), &["CENTCOM", "Central Command"]),
    ("U.S. Africa Command", "organization", Some("United States"), &["AFRICOM"]),
    ("Pentagon", "organization", Some("United States"), &["Defense Department", "DoD"]),
    ("Iraqi Security Forces", "organization", Some("Iraq"), &["ISF"]),
    ("Syrian Democratic Forces", "organization", None, &["SDF"]),
    ("Islamic State", "organization", None, &["ISIS", "ISIL", "Daesh"]),
    ("coalition", "organization", None, &["Global Coalition", "coalition forces"]),
    ("Kurdish Peshmerga", "organization", Some("Iraq"), &["Peshmerga"]),
    ("Operation Inherent Resolve", "operation", None, &["OIR"]),
];

const PARTIES: &[&str] = &[
    "United States",
    "U.S. Central Command",
    "Iraqi Security Forces",
    "Syrian Democratic Forces",
    "Islamic State",
    "coalition",
    "Kurdish Peshmerga",
    "Turkey",
    "Jordan",
    "U.S. Africa Command",
];

const LOCATIONS: &[&str] = &[
    "Iraq",
    "Syria",
    "Baghdad",
    "Mosul",
    "Anbar",
    "Hamrin Mountains",
    "Kirkuk",
    "Erbil",
    "Deir Ez Zor",
    "Badiya desert",
    "Raqqa",
    "al-Hol",
    "Hasakah",
    "Aleppo",
    "Idlib",
    "Tanf",
    "Yemen",
    "Marib",
    "Somalia",
    "Puntland",
    "Mogadishu",
];

const FIRST: &[&str] =
    &["Michael", "Sabrina", "John", "Maria", "Ahmed", "Leila", "David", "Sarah", "Omar", "Karen", "Patrick", "Nadia"];
const LAST: &[&str] =
    &["Kurilla", "Singh", "Ryder", "Haddad", "Nguyen", "Brennan", "Rahman", "Okafor", "Lindqvist", "Moreau", "Abadi"];
const ROLES: &[&str] = &[
    "CENTCOM commander",
    "Deputy Pentagon Press Secretary",
    "Pentagon spokesperson",
    "SDF spokesperson",
    "Iraqi military spokesman",
    "coalition official",
    "defense analyst",
];

/// Words quotes are made of: ordinary news prose.
const WORDS: &[&str] = &[
    "forces",
    "operation",
    "militants",
    "killed",
    "detained",
    "strike",
    "targeted",
    "leaders",
    "camp",
    "desert",
    "mountains",
    "caves",
    "weapons",
    "cache",
    "officials",
    "said",
    "according",
    "statement",
    "command",
    "partner",
    "security",
    "raid",
    "helicopter",
    "precision",
    "airstrike",
    "network",
    "fighters",
    "remain",
    "ongoing",
    "campaign",
    "enduring",
    "defeat",
    "region",
    "border",
    "supply",
    "routes",
    "intelligence",
    "senior",
    "members",
    "attack",
    "planned",
    "facility",
    "training",
    "coordinated",
    "local",
    "authorities",
    "announced",
    "week",
    "overnight",
    "continued",
    "pressure",
    "threat",
    "resurgence",
    "capabilities",
    "hideouts",
    "near",
    "along",
    "throughout",
    "eastern",
    "northern",
    "central",
    "the",
    "the",
    "the",
    "of",
    "of",
    "in",
    "in",
    "and",
    "and",
    "to",
    "a",
    "with",
    "against",
    "its",
    "their",
    "by",
    "on",
    "at",
    "from",
    "were",
    "was",
    "has",
    "have",
    "two",
    "several",
    "U.S.",
    "group’s",
    "it’s",
    "—",
];

const KINDS: &[(&str, usize)] = &[
    ("troops", 10),
    ("casualty", 18),
    ("capture", 12),
    ("strike", 16),
    ("operation", 12),
    ("statement", 16),
    ("milestone", 6),
    ("other", 10),
];

fn kind(rng: &mut Rng) -> &'static str {
    let total: usize = KINDS.iter().map(|k| k.1).sum();
    let mut n = rng.below(total);
    for (k, w) in KINDS {
        if n < *w {
            return k;
        }
        n -= w;
    }
    unreachable!()
}

fn day(rng: &mut Rng) -> (i32, u32, u32) {
    (2014 + rng.below(12) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
}

/// A date at any precision, or a range; `None` a tenth of the time.
fn date(rng: &mut Rng) -> Option<String> {
    let (y, m, d) = day(rng);
    Some(match rng.below(10) {
        0 => return None,
        1 => format!("{y}"),
        2 | 3 => format!("{y}-{m:02}"),
        4 => {
            let d = d.min(25);
            format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{:02}", d + 1 + rng.below(3) as u32)
        }
        5 => format!("{y}-{m:02}/{y}-{:02}", (m + 1).min(12)),
        _ => format!("{y}-{m:02}-{d:02}"),
    })
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let w = *rng.pick(WORDS);
        if i == 0 {
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                s.extend(c.to_uppercase());
                s.push_str(cs.as_str());
            }
        } else {
            s.push_str(w);
        }
    }
    s
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, dir, tag) = match args.as_slice() {
        [n, dir, rest @ ..] if rest.len() <= 1 => (
            n.replace(['_', ','], "").parse::<usize>().expect("N is a number of claims"),
            PathBuf::from(dir),
            rest.first().cloned().unwrap_or_else(|| "g".into()),
        ),
        _ => {
            eprintln!("usage: generate N DIR [TAG]   (TAG prefixes ids, so two sets can share a database)");
            std::process::exit(2);
        }
    };
    std::fs::create_dir_all(&dir)?;
    let mut ndjson = BufWriter::with_capacity(1 << 20, File::create(dir.join("claims.ndjson"))?);
    let mut jsonl = BufWriter::with_capacity(1 << 20, File::create(dir.join("claims.jsonl"))?);
    let mut csv = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, File::create(dir.join("claims.csv"))?));
    let mut rng = Rng(0x00C1_A1D8_2025_0106 ^ tag.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));

    for (name, kind, parent, aliases) in GAZETTEER {
        let e = EntityRecord {
            name: name.to_string(),
            kind: kind.to_string(),
            parent: parent.map(str::to_string),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        serde_json::to_writer(&mut ndjson, &Record::Entity(e))?;
        ndjson.write_all(b"\n")?;
    }
    let speakers: Vec<(String, &str)> = (0..60)
        .map(|i| {
            (format!("{} {}", FIRST[i % FIRST.len()], LAST[(i * 7 + i / 12) % LAST.len()]), ROLES[i % ROLES.len()])
        })
        .collect();
    for (name, _) in &speakers {
        let e = EntityRecord { name: name.clone(), kind: "person".into(), parent: None, aliases: Vec::new() };
        serde_json::to_writer(&mut ndjson, &Record::Entity(e))?;
        ndjson.write_all(b"\n")?;
    }

    let per_source = 20;
    let mut written = 0;
    let mut source_no = 0;
    while written < n {
        source_no += 1;
        let count = per_source.min(n - written);
        let source_id = format!("{tag}-src-{source_no:07}");
        // The text: for each claim a lead-in, then the quote as its own sentence.
        let mut text = String::new();
        let mut chars = 0usize;
        let mut spans = Vec::with_capacity(count);
        for _ in 0..count {
            let words = 4 + rng.below(12);
            let lead = sentence(&mut rng, words);
            text.push_str(&lead);
            text.push_str(". ");
            chars += lead.chars().count() + 2;
            let words = 8 + rng.below(23);
            let quote = sentence(&mut rng, words);
            let len = quote.chars().count();
            spans.push((chars, chars + len, quote.clone()));
            text.push_str(&quote);
            text.push_str(". ");
            chars += len + 2;
        }
        let (y, m, d) = day(&mut rng);
        let source = SourceRecord {
            id: source_id.clone(),
            title: format!("{} report {source_no}", rng.pick(&["Wire", "Field", "Briefing", "Desk"])),
            publisher: Some(rng.pick(&["Military Times", "Associated Press", "Reuters", "Defense News"]).to_string()),
            url: Some(format!("https://news.example/{y}/{m:02}/{source_id}")),
            published: Some(format!("{y}-{m:02}-{d:02}")),
            added_at: Some("2026-11-24T00:00:00Z".into()),
            sha256: Some(sha256_hex(&text)),
            text: Some(text),
            text_file: None,
        };
        serde_json::to_writer(&mut ndjson, &Record::Source(source))?;
        ndjson.write_all(b"\n")?;

        for (start, end, quote) in spans {
            written += 1;
            let kind = kind(&mut rng);
            let quantitative = matches!(kind, "troops" | "casualty" | "capture" | "strike");
            let (value, unit, qualifier) = if quantitative {
                let value = match kind {
                    "troops" => 100 * (1 + rng.below(60)) as u64,
                    _ => 1 + rng.below(40) as u64,
                };
                let unit = match kind {
                    "troops" => "troops",
                    "casualty" => *rng.pick(&["killed", "wounded", "injured"]),
                    "capture" => "detained",
                    _ => "strikes",
                };
                let q = *rng.pick(&["exact", "exact", "approximate", "at_least", "at_most"]);
                (Some(value as f64), Some(unit.to_string()), Some(q.to_string()))
            } else {
                (None, None, None)
            };
            let spoken = kind == "statement" || rng.chance(25);
            let (speaker, role, said_on, attribution) = if spoken {
                let (name, role) = rng.pick(&speakers);
                let (y, m, d) = day(&mut rng);
                let attribution = if kind == "statement" || rng.chance(50) { "direct" } else { "reported" };
                (Some(name.clone()), Some(role.to_string()), Some(format!("{y}-{m:02}-{d:02}")), Some(attribution))
            } else {
                (None, None, None, Some("author"))
            };
            let claim = ClaimRecord {
                id: Some(format!("{tag}{written:08}")),
                source: source_id.clone(),
                kind: kind.to_string(),
                text: format!("{kind} claim {written}: {}", quote.split(' ').take(6).collect::<Vec<_>>().join(" ")),
                quote,
                start: start as i64,
                end: end as i64,
                party: (kind != "other" || rng.chance(50)).then(|| rng.pick(PARTIES).to_string()),
                location: rng.chance(85).then(|| rng.pick(LOCATIONS).to_string()),
                value,
                low: None,
                high: None,
                unit,
                qualifier,
                date: date(&mut rng),
                speaker,
                role,
                said_on,
                attribution: attribution.map(str::to_string),
                modality: Some(rng.pick(&["asserted", "asserted", "asserted", "expected", "denied"]).to_string()),
                origin: None,
                extractor: None,
            };
            serde_json::to_writer(&mut jsonl, &claim)?;
            jsonl.write_all(b"\n")?;
            csv.serialize(&claim)?;
            serde_json::to_writer(&mut ndjson, &Record::Claim(claim))?;
            ndjson.write_all(b"\n")?;
        }
    }
    ndjson.flush()?;
    jsonl.flush()?;
    csv.flush()?;
    eprintln!("generate: {n} claims in {source_no} sources, {} entities, in {}", GAZETTEER.len(), dir.display());
    Ok(())
}
