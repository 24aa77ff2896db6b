//! Places and parties by name: a gazetteer of countries, provinces, cities, seas and the armed
//! groups, militaries and governments news covers, each with its aliases and what it is part of.
//!
//! The built-in list is data (`gazetteer.tsv`); a user extends it with a file of the same format
//! (`--gazetteer FILE`). All names are matched at once with one Aho-Corasick automaton: acronyms
//! and short names (`SDF`, `US`) only as written, longer names in any case.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashSet;

use crate::model::{fold_name, EntityKind};

/// One entity of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub kind: EntityKind,
    pub parent: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Clone)]
pub struct Gazetteer {
    entries: Vec<Place>,
    /// Folded name or alias → entry.
    by_name: HashMap<String, usize>,
    /// Every name and alias, lowercased (ASCII), searched over a lowercased copy of the text (which
    /// keeps every byte offset), anchored at each word a name may start at. A contiguous NFA: a DFA
    /// of the same names takes 30 ms more to build, which one article never wins back.
    names: AhoCorasick,
    /// Where a name may start, so the automaton runs only there (anchored) instead of over every
    /// byte: at a word that starts with a capital or a digit (every name the text must capitalise),
    /// or whose first segment, lowercased, starts a name that may be written lowercase ("al-Hol",
    /// "the Levant"). `lower_starts` holds those segments; `other_starts` the first characters of
    /// names that start with neither a letter nor a digit (none built in; a user's file may have
    /// them).
    lower_starts: FxHashSet<String>,
    other_starts: Vec<char>,
    /// For each pattern: its entry, and the form it must have as written, for names matched only
    /// as written (acronyms, short names).
    patterns: Vec<Pattern>,
}

/// How a lowercased pattern must look in the text to count.
#[derive(Clone)]
struct Pattern {
    entry: usize,
    /// Acronyms and short names: exactly as written.
    as_written: Option<String>,
    /// A proper name ("Turkey", "Jordan") starts with a capital in the text too, so "turkey"
    /// and "jordan" the common words are not the countries.
    capital: bool,
}

/// A name found in a text: bytes `start..end`, and the entry it names. `region` is set for "eastern
/// Syria": a part of a place named by a compass word, which is a place of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub region: Option<String>,
}

/// Whether a name in `names` (found in text order, never overlapping) overlaps `a..b` (bytes):
/// the one that could is the last to start before `b`.
pub fn overlaps(names: &[Found], a: usize, b: usize) -> bool {
    let i = names.partition_point(|f| f.start < b);
    i > 0 && names[i - 1].end > a
}

const BUILTIN: &str = include_str!("gazetteer.tsv");

static DEFAULT: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(&[("built-in gazetteer", BUILTIN)]).expect("the built-in gazetteer is valid"));

/// A compass word that makes a region of the place after it: "eastern" of "eastern Syria".
pub fn is_compass(word: &str) -> bool {
    COMPASS.contains(&word)
}

const COMPASS: [&str; 17] = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north",
    "south",
    "east",
    "west",
];

impl Gazetteer {
    pub fn builtin() -> &'static Gazetteer {
        &DEFAULT
    }

    /// The built-in gazetteer extended by a user's file: its lines add entities, and a line
    /// naming a built-in entity adds aliases to it.
    pub fn with_user_file(name: &str, text: &str) -> Result<Gazetteer, String> {
        Gazetteer::parse(&[("built-in gazetteer", BUILTIN), (name, text)])
    }

    fn parse(files: &[(&str, &str)]) -> Result<Gazetteer, String> {
        let mut entries: Vec<Place> = Vec::new();
        let mut by_name: HashMap<String, usize> = HashMap::new();
        for (file, text) in files {
            for (n, line) in text.lines().enumerate() {
                let at = || format!("{file}, line {}", n + 1);
                let line = line.strip_suffix('\r').unwrap_or(line);
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let f: Vec<&str> = line.split('\t').collect();
                if f.len() < 2 || f.len() > 4 {
                    return Err(format!("{}: expected name, kind, parent and aliases separated by tabs", at()));
                }
                let name = f[0].trim();
                if name.is_empty() {
                    return Err(format!("{}: the name is empty", at()));
                }
                let kind: EntityKind = f[1].trim().parse().map_err(|e| format!("{}: {e}", at()))?;
                if matches!(kind, EntityKind::Person | EntityKind::Unnamed) {
                    return Err(format!("{}: a gazetteer holds places and parties, not {kind} entities", at()));
                }
                let parent = f.get(2).map(|p| p.trim()).filter(|p| !p.is_empty()).map(str::to_string);
                let aliases: Vec<String> = f
                    .get(3)
                    .map(|a| a.split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect())
                    .unwrap_or_default();
                let index = match by_name.get(&fold_name(name)) {
                    Some(&i) if entries[i].name == name => {
                        // A user's line for a built-in entity adds aliases.
                        entries[i].aliases.extend(aliases.iter().cloned());
                        i
                    }
                    Some(&i) => return Err(format!("{}: `{name}` is already a name of `{}`", at(), entries[i].name)),
                    None => {
                        entries.push(Place { name: name.to_string(), kind, parent, aliases: aliases.clone() });
                        by_name.insert(fold_name(name), entries.len() - 1);
                        entries.len() - 1
                    }
                };
                for a in &aliases {
                    match by_name.get(&fold_name(a)) {
                        Some(&i) if i != index => {
                            return Err(format!("{}: alias `{a}` is already a name of `{}`", at(), entries[i].name))
                        }
                        _ => {
                            by_name.insert(fold_name(a), index);
                        }
                    }
                }
            }
        }
        for e in &entries {
            if let Some(p) = &e.parent {
                if !by_name.contains_key(&fold_name(p)) {
                    return Err(format!("gazetteer: the parent `{p}` of `{}` is not in it", e.name));
                }
            }
        }
        let mut lowered = Vec::new();
        let mut patterns = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                // Apostrophes come curly or straight; match both.
                let mut forms = vec![n.clone()];
                if n.contains(['\'', '\u{2019}']) {
                    forms.push(n.replace('\'', "\u{2019}"));
                    forms.push(n.replace('\u{2019}', "'"));
                }
                let as_written = n.chars().count() <= 4 || !n.chars().any(char::is_lowercase);
                for f in forms {
                    lowered.push(f.to_ascii_lowercase());
                    let capital = f.starts_with(|c: char| c.is_uppercase());
                    patterns.push(Pattern { entry: i, as_written: as_written.then_some(f), capital });
                }
            }
        }
        let names = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Anchored)
            .build(&lowered)
            .map_err(|e| format!("gazetteer: {e}"))?;
        let mut lower_starts = FxHashSet::default();
        let mut other_starts = Vec::new();
        for (l, p) in lowered.iter().zip(&patterns) {
            match l.chars().next() {
                Some(c) if !c.is_alphanumeric() => other_starts.push(c),
                Some(_) if !p.capital => {
                    lower_starts.insert(first_segment(l).to_string());
                }
                _ => {}
            }
        }
        Ok(Gazetteer { names, lower_starts, other_starts, patterns, entries, by_name })
    }

    pub fn entry(&self, i: usize) -> &Place {
        &self.entries[i]
    }

    /// The entry a name or alias names.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        // Speakers are looked up for every say-verb: a short ASCII name with single spaces folds
        // to its lowercase, done on the stack; the rest go through `fold_name`.
        let b = name.as_bytes();
        let simple = b.len() <= 64
            && b.iter().all(|c| c.is_ascii() && !c.is_ascii_control() && *c != b'"')
            && !name.starts_with(' ')
            && !name.ends_with(' ')
            && !name.contains("  ");
        if simple {
            let mut buf = [0u8; 64];
            for (d, c) in buf.iter_mut().zip(b) {
                *d = c.to_ascii_lowercase();
            }
            let lower = std::str::from_utf8(&buf[..b.len()]).ok()?;
            return self.by_name.get(lower).copied();
        }
        self.by_name.get(&fold_name(name)).copied()
    }

    /// Whether `inner` is `outer` or lies within it, by the parent chain.
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let mut at = Some(inner);
        for _ in 0..32 {
            match at {
                Some(i) if i == outer => return true,
                Some(i) => at = self.entries[i].parent.as_deref().and_then(|p| self.lookup(p)),
                None => return false,
            }
        }
        false
    }

    /// Every name in `text`, leftmost-longest, whole words only.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let whole = |s: usize, e: usize| {
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let lower = text.to_ascii_lowercase();
        let mut resume = 0;
        let mut at = 0;
        while at < text.len() {
            let word = at;
            let c = text[word..].chars().next().unwrap_or(' ');
            let may_start = if c.is_alphanumeric() {
                // A word starts here; its first segment is all that decides whether a name may,
                // and the rest of the segment starts none.
                let segment = first_segment(&lower[word..]);
                at = word + segment.len().max(c.len_utf8());
                c.is_uppercase() || c.is_ascii_digit() || self.lower_starts.contains(segment)
            } else {
                at = word + c.len_utf8();
                self.other_starts.contains(&c)
            };
            if word < resume || !may_start {
                continue;
            }
            let input = Input::new(&lower).span(word..lower.len()).anchored(Anchored::Yes);
            let Some(m) = self.names.try_find(input).ok().flatten() else { continue };
            let p = &self.patterns[m.pattern().as_usize()];
            let found_text = &text[m.start()..m.end()];
            let written = p.as_written.as_deref().is_none_or(|w| found_text == w);
            let capital = !p.capital || found_text.starts_with(|c: char| c.is_uppercase());
            // "anti-ISIL fighters", "the counter-Islamic State coalition": against the name,
            // not it.
            let against = ["anti-", "counter-"].iter().any(|p| lower[..m.start()].ends_with(p));
            // A name read and refused still covers its words: "North American" is not "North
            // America" (not a whole word), and not "American" either. (A capitalised name written
            // in lowercase is not read at all, so "the government of Somalia" finds Somalia; the
            // price is that "the gulf of Oman" finds Oman.)
            resume = m.end();
            if written && capital && whole(m.start(), m.end()) && !against {
                found.push(Found { start: m.start(), end: m.end(), entry: p.entry, region: None });
            }
        }
        found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if out.last().is_some_and(|l| f.start < l.end) {
                continue;
            }
            out.push(f);
        }
        // "eastern Syria": a compass word before a place makes a region of it.
        for f in &mut out {
            if !self.entries[f.entry].kind.is_place() {
                continue;
            }
            let before = text[..f.start].trim_end_matches(' ');
            if before.len() == f.start {
                continue;
            }
            let word_start =
                before.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
            let word = &before[word_start..];
            if let Some(c) = COMPASS.iter().find(|c| word.eq_ignore_ascii_case(c)) {
                f.region = Some(format!("{c} {}", self.entries[f.entry].name));
                f.start = word_start;
            }
        }
        out
    }
}

/// A lowercased name's or word's first segment: up to its first character that is neither a
/// letter nor a digit ("al" of "al-hol", "the" of "the levant", "coalition" of "coalition’s").
fn first_segment(lower: &str) -> &str {
    // ASCII, most of any news text, without decoding.
    let ascii = lower.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(lower.len());
    if lower.as_bytes().get(ascii).is_none_or(|b| b.is_ascii()) {
        return &lower[..ascii];
    }
    let end = lower[ascii..].char_indices().find(|(_, c)| !c.is_alphanumeric()).map_or(lower.len(), |(i, _)| ascii + i);
    &lower[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_after_anti_is_what_is_opposed_not_who() {
        let g = Gazetteer::builtin();
        let names: Vec<String> = g
            .find("anti-ISIL fighters and the counter-Islamic State coalition fought ISIS")
            .into_iter()
            .map(|f| g.entry(f.entry).name.clone())
            .collect();
        assert_eq!(names, ["Global Coalition to Defeat ISIS", "ISIS"], "the coalition by its alias, ISIS at the end");
    }

    #[test]
    fn the_builtin_gazetteer_parses_and_finds_names() {
        let g = Gazetteer::builtin();
        let text = "CENTCOM said ISIS fighters in Iraq’s Hamrin Mountains and in eastern Syria were hit.";
        let names: Vec<(String, Option<String>)> =
            g.find(text).into_iter().map(|f| (g.entry(f.entry).name.clone(), f.region.clone())).collect();
        assert!(names.contains(&("U.S. Central Command".into(), None)), "{names:?}");
        assert!(names.contains(&("ISIS".into(), None)), "{names:?}");
        assert!(names.contains(&("Iraq".into(), None)), "{names:?}");
        assert!(names.contains(&("Syria".into(), Some("eastern Syria".into()))), "{names:?}");
        let hamrin = g.lookup("Hamrin Mountains").unwrap();
        assert!(g.within(hamrin, g.lookup("Iraq").unwrap()));
        // Short names only as written: "is" is not the Islamic State.
        assert!(g.find("this is it").is_empty());
        // A proper name keeps its capital: the bird is not the country.
        assert!(g.find("soldiers ate turkey").is_empty());
        assert_eq!(g.find("troops in Turkey").len(), 1);
    }

    #[test]
    fn names_start_at_words_and_a_refused_name_still_covers_its_words() {
        let g = Gazetteer::builtin();
        let names = |text: &str| -> Vec<String> {
            g.find(text).into_iter().map(|f| f.region.unwrap_or_else(|| g.entry(f.entry).name.clone())).collect()
        };
        // "North America" is read and refused (not a whole word): "American" inside it is no
        // country.
        assert!(!names("the North American Aerospace Defense Command").contains(&"north United States".to_string()));
        // A lowercase word that starts no name does not hide the name after it.
        assert_eq!(names("the people and government of Somalia"), ["Somalia"]);
        // A name that may be lowercase, before a possessive.
        assert_eq!(names("the coalition’s campaign"), ["Global Coalition to Defeat ISIS"]);
        assert_eq!(names("at al-Hol camp in Syria"), ["al-Hol camp", "Syria"]);
        assert!(names("Bairaqi villagers").is_empty(), "never inside a word");
    }

    #[test]
    fn a_name_is_looked_up_in_any_case_and_spacing() {
        let g = Gazetteer::builtin();
        let centcom = g.lookup("U.S. Central Command");
        assert!(centcom.is_some());
        for form in ["u.s. central command", "U.S.  Central Command", " U.S. Central\tCommand ", "CENTCOM"] {
            assert_eq!(g.lookup(form), centcom, "{form:?}");
        }
        assert_eq!(g.lookup("Da\u{2019}esh"), g.lookup("Da'esh"));
        assert_eq!(g.lookup("nowhere at all"), None);
    }

    #[test]
    fn user_files_extend_it_and_errors_name_the_line() {
        let g = Gazetteer::with_user_file("mine.tsv", "# mine\nAl-Qaim\tplace\tIraq\tQaim|Al Qaim\n").unwrap();
        let q = g.lookup("Qaim").unwrap();
        assert!(g.within(q, g.lookup("Iraq").unwrap()));
        let e = Gazetteer::with_user_file("mine.tsv", "\nX\tperson\t\t\n").err().unwrap();
        assert!(e.starts_with("mine.tsv, line 2:"), "{e}");
        let e = Gazetteer::with_user_file("mine.tsv", "Y\tplace\tNowhere Land\t\n").err().unwrap();
        assert!(e.contains("Nowhere Land"), "{e}");
    }
}
