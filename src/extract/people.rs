//! The people a text names, by the fullest name each goes by ([`People`]); and well-known people
//! that news names by surname alone ("President Biden said", "General Kurilla said"), as data: `people.tsv`, one person a line, the name a first mention gives, a tab, then
//! `|`-separated other names (no titles). A surname two listed people share ("Bush") means
//! neither: such a speaker keeps the name the article gave.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::model::fold_name;

const BUILTIN: &str = include_str!("people.tsv");

/// Folded name or alias → the one person it means (`None`: more than one).
static KNOWN: LazyLock<HashMap<String, Option<&'static str>>> = LazyLock::new(|| {
    let mut known: HashMap<String, Option<&'static str>> = HashMap::new();
    for (name, aliases) in entries(BUILTIN) {
        for alias in std::iter::once(name).chain(aliases) {
            known
                .entry(fold_name(alias))
                .and_modify(|m| {
                    if *m != Some(name) {
                        *m = None;
                    }
                })
                .or_insert(Some(name));
        }
    }
    known
});

/// Each line's name and aliases; comments and blank lines skipped.
fn entries(text: &str) -> impl Iterator<Item = (&str, impl Iterator<Item = &str>)> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let (name, aliases) = l.split_once('\t').unwrap_or((l, ""));
        (name.trim(), aliases.split('|').map(str::trim).filter(|a| !a.is_empty()))
    })
}

/// The full name of the one well-known person a surname alone means, if it means one.
pub fn by_surname(name: &str) -> Option<&'static str> {
    if name.trim().contains(char::is_whitespace) {
        return None;
    }
    KNOWN.get(&fold_name(name)).copied().flatten()
}

/// People named in a document, by the fullest name each goes by: "Kurilla" is "Michael Kurilla"
/// once the text has named him in full. (Ingest then looks a surname still alone up among stored
/// and well-known people.)
#[derive(Default)]
pub(crate) struct People {
    /// Every name the text gave, once each.
    seen: HashSet<String>,
    /// A surname → the fuller names ending in it (at most two kept: two means "ambiguous"). An
    /// index, so a long text with many people stays linear.
    by_surname: HashMap<String, Vec<String>>,
    /// Where each name was first given (bytes).
    first_at: HashMap<String, usize>,
}

impl People {
    pub(crate) fn add(&mut self, name: &str, at: usize) -> String {
        let first = self.first_at.entry(name.to_string()).or_insert(at);
        *first = (*first).min(at);
        if self.seen.insert(name.to_string()) {
            if let Some((_, surname)) = name.rsplit_once(' ') {
                let fuller = self.by_surname.entry(surname.to_string()).or_default();
                if fuller.len() < 2 {
                    fuller.push(name.to_string());
                }
            }
        }
        name.to_string()
    }

    /// A surname alone at byte `at` of `text`, read where it stands: the one person of that
    /// surname the text has named before it ("local counsellor Dayyabu Kerawa … Kerawa said"),
    /// though another of the same surname comes later ("Alhaji Daiyibu Kerawa"). `None` for a
    /// full name, a surname no one has been named with before it (the whole text's
    /// [`People::canonical`] answers that), or one two people named before it share: then it
    /// stays as ambiguous as the text leaves it.
    pub(crate) fn so_far(&self, name: &str, at: usize) -> Option<String> {
        if name.contains(' ') {
            return None;
        }
        let before: Vec<&String> = self
            .by_surname
            .get(name)?
            .iter()
            .filter(|f| self.first_at.get(f.as_str()).is_some_and(|&p| p < at))
            .collect();
        match before.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// A surname alone is the one fuller name the text gave with it; a full name is itself ("Hunter
    /// Biden" is not "Joe Biden"), and so is a surname two people of the text share. A name the
    /// end of one fuller name is that one ("according to Ahmed Abdi" after "said Issa Ahmed Abdi").
    pub(crate) fn canonical(&self, name: &str) -> String {
        if let Some((_, surname)) = name.rsplit_once(' ') {
            let fuller =
                |f: &&String| f.len() > name.len() + 1 && f.ends_with(name) && f[..f.len() - name.len()].ends_with(' ');
            let longer: Vec<&String> = self.by_surname.get(surname).into_iter().flatten().filter(fuller).collect();
            return match longer.as_slice() {
                [one] => (*one).clone(),
                _ => name.to_string(),
            };
        }
        match self.by_surname.get(name).map(Vec::as_slice) {
            Some([one]) => one.clone(),
            _ => name.to_string(),
        }
    }

    /// The other names the text gave `name` by: its surname, when that surname means it.
    pub(crate) fn aliases(&self, name: &str) -> Vec<String> {
        match name.rsplit_once(' ') {
            Some((_, surname)) if self.seen.contains(surname) && self.canonical(surname) == name => {
                vec![surname.to_string()]
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_well_formed() {
        let mut names = std::collections::HashSet::new();
        for (n, line) in BUILTIN.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
            let at = format!("people.tsv:{}", n + 1);
            assert_eq!(line.matches('\t').count(), 1, "{at}: a name, a tab, aliases");
            let (name, _) = line.split_once('\t').unwrap();
            assert!(name.contains(' ') && name == name.trim(), "{at}: a full name: {name:?}");
            assert!(names.insert(name), "{at}: {name} twice");
        }
        assert!(names.len() > 100, "{} people", names.len());
    }

    #[test]
    fn a_surname_means_its_one_person_and_a_shared_one_no_one() {
        let text = "Joe Biden\tBiden|Joseph R. Biden\nGeorge W. Bush\tBush\nGeorge H. W. Bush\tBush\n";
        let mut known: HashMap<String, Vec<&str>> = HashMap::new();
        for (name, aliases) in entries(text) {
            for a in std::iter::once(name).chain(aliases) {
                known.entry(fold_name(a)).or_default().push(name);
            }
        }
        assert_eq!(known["biden"], ["Joe Biden"]);
        assert_eq!(known["bush"].len(), 2);
        // And the built-in list, as the extractor reads it.
        assert_eq!(by_surname("Kurilla"), Some("Michael Kurilla"));
        assert_eq!(by_surname("Bush"), None, "two presidents");
        assert_eq!(by_surname("Michael Kurilla"), None, "a full name stays as written");
        assert_eq!(by_surname("Nobody"), None);
    }
}
