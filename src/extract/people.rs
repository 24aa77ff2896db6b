//! Well-known people that news names by surname alone ("President Biden said", "General Kurilla
//! said"), as data: `people.tsv`, one person a line, the name a first mention gives, a tab, then
//! `|`-separated other names (no titles). A surname two listed people share ("Bush") means
//! neither: such a speaker keeps the name the article gave.

use std::collections::HashMap;
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
