//! Small places the gazetteer does not know, found by how news names them: "the town of
//! Hosingow", "in the vicinity of Saakow", "Nawah district", "near Buulobarde, Somalia".

use super::gazetteer::{self, Found, Gazetteer};
use super::tokens::{self, Token};

/// A place the gazetteer does not know, found by how news names a small place; bytes.
pub(super) struct LocalPlace {
    pub start: usize,
    pub end: usize,
    pub name: String,
}

/// Small places named the way news names them: "the town of Hosingow", "in the vicinity of
/// Saakow", "the village of Dande Darpa Khel", "Nawah district", "near Buulobarde, Somalia". One
/// to three capitalised words, not a name the gazetteer knows, a month, a day or a title.
pub(super) fn local_places(text: &str, toks: &[Token], names: &[Found], g: &Gazetteer) -> Vec<LocalPlace> {
    let known = |a: usize, b: usize| gazetteer::overlaps(names, a, b);
    let name_word = |t: &Token| {
        t.kind == tokens::Kind::Word
            && t.is_capitalized()
            && !t.has(tokens::class::DATE | tokens::class::TITLE)
            && !t.is_any(&["The", "A", "An", "U.S."])
    };
    let mut out: Vec<LocalPlace> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        // "the town of X"
        let of_kind = t.is_any(&["town", "village", "city", "district", "vicinity", "outskirts", "hamlet"])
            && !t.is_capitalized()
            && toks.get(k + 1).is_some_and(|o| o.is("of"));
        if of_kind {
            let a = k + 2;
            let b = (a..(a + 3).min(toks.len())).take_while(|&j| name_word(&toks[j])).last().map_or(a, |j| j + 1);
            if b > a {
                let (s, e) = (toks[a].start, toks[b - 1].end);
                if !known(s, e) {
                    out.push(LocalPlace { start: s, end: e, name: text[s..e].to_string() });
                }
            }
            continue;
        }
        // "near Buulobarde, Somalia", "in Tongo Tongo, Niger": a place the gazetteer does not
        // know, placed by one it does (not "in Kabul, Afghanistan", which it knows).
        if t.is_any(&["in", "near", "at", "outside", "around"]) && !t.is_capitalized() {
            let a = k + 1;
            let b = (a..(a + 3).min(toks.len())).take_while(|&j| name_word(&toks[j])).last().map_or(a, |j| j + 1);
            let placed = b > a
                && toks.get(b).is_some_and(|c| c.is_punct(','))
                && toks.get(b + 1).is_some_and(|n| {
                    let i = names.partition_point(|f| f.start < n.start);
                    names.get(i).is_some_and(|f| f.start == n.start && g.entry(f.entry).kind.is_place())
                });
            if placed {
                let (s, e) = (toks[a].start, toks[b - 1].end);
                if !known(s, e) {
                    out.push(LocalPlace { start: s, end: e, name: text[s..e].to_string() });
                }
            }
            continue;
        }
        // "Nawah district", "Chak district"
        if t.is("district") && k > 0 && name_word(&toks[k - 1]) {
            let mut a = k - 1;
            while a > 0 && k - a < 3 && name_word(&toks[a - 1]) {
                a -= 1;
            }
            let (s, e) = (toks[a].start, t.end);
            if !known(s, toks[k - 1].end) && out.last().is_none_or(|l| l.end <= s) {
                out.push(LocalPlace { start: s, end: e, name: text[s..e].to_string() });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::*;

    #[test]
    fn small_places_the_gazetteer_lacks_are_found_by_how_news_names_them() {
        let an = undated("An airstrike killed three militants near the town of Hosingow, Somalia. Forces detained two men in Nawah district.");
        let places: Vec<Option<&str>> = an.claims.iter().map(|c| c.location.as_deref()).collect();
        assert!(places.contains(&Some("Hosingow")) && places.contains(&Some("Nawah district")), "{:?}", an.claims);
        assert!(an.entities.iter().any(|e| e.name == "Hosingow" && e.kind == EntityKind::Place), "{:?}", an.entities);
        // A known place, a month or a title after "of" is no new place.
        let an = undated("Two soldiers were killed in the city of Mosul in the district of January.");
        assert!(an.entities.iter().all(|e| e.name != "January" && e.kind != EntityKind::Person), "{:?}", an.entities);
    }
}
