//! Where and whose: a claim's place (a name the gazetteer knows, placed by a preposition; a small
//! place news names by its kind, "the town of Hosingow") and its party (who acted or was hit, the
//! coalition of the text's time).

use jiff::civil::Date;

use super::dating::DateAt;
use super::doc::Doc;
use super::gazetteer::{Found, Gazetteer};
use super::locals::LocalPlace;
use super::quantities;
use crate::model::{EntityKind, Kind};

/// The coalitions the gazetteer names, which [`Places::party_in`] tells apart by the text's time (its
/// publication date, else its first date).
const GLOBAL_COALITION: &str = "Global Coalition to Defeat ISIS";
const US_LED_COALITION: &str = "U.S.-led coalition";

/// The Global Coalition to Defeat ISIS was formed in September 2014: a coalition told of before
/// then is the U.S.-led one of its own time (Iraq 2003–2011, Afghanistan, Libya 2011), and a
/// U.S.-led coalition told of since is the Global Coalition (the coalitions of the development
/// gold before 2014 were "U.S.-led coalition" 11 times, never the Global Coalition).
const GLOBAL_COALITION_FORMED: Date = jiff::civil::date(2014, 9, 1);

/// What claims ask of a text's places and parties.
pub(super) struct Places<'a> {
    doc: Doc<'a>,
    g: &'a Gazetteer,
    locals: &'a [LocalPlace],
    /// When the text was published (else its first date: a statement checked, "Coalition forces
    /// killed two insurgents in Helmand in April 2008"), which tells coalitions apart.
    time_of_text: Option<Date>,
}

impl<'a> Places<'a> {
    /// `sentence_dates`: each sentence's dates, the first of which tells coalitions apart when
    /// the text has no publication date.
    pub fn new(
        doc: Doc<'a>,
        g: &'a Gazetteer,
        locals: &'a [LocalPlace],
        published: Option<Date>,
        sentence_dates: &[Vec<DateAt>],
    ) -> Self {
        let time_of_text = published.or_else(|| {
            sentence_dates
                .iter()
                .flatten()
                .find_map(|d| d.value.filter(|_| !doc.toks[d.start].is("overnight")).map(|v| v.first_day()))
        });
        Places { doc, g, locals, time_of_text }
    }

    /// Whether a name is where something happened ("in Iraq", "near Raqqa"), not a country named
    /// as a side ("U.S. troops").
    pub fn located(&self, f: &Found) -> bool {
        // "in U.S. raids", "to U.S. or coalition personnel": a country naming whose, not where.
        let next = self.doc.tok_at(f.end);
        // (A space between, not a line's end: "…killed in Syria\nTroops remain" is where.)
        let whose = self.doc.toks.get(next).is_some_and(|t| {
            t.start == f.end + 1 && self.doc.text.as_bytes()[f.end] == b' ' && quantities::counted(t.text).is_some()
        }) || self.doc.toks.get(next).is_some_and(|t| t.is_any(&["or", "and"]))
            && self.doc.toks[next + 1..(next + 3).min(self.doc.toks.len())]
                .iter()
                .any(|t| quantities::counted(t.text).is_some());
        if whose {
            return false;
        }
        let mut k = self.doc.tok_at(f.start);
        while k > 0 {
            let t = &self.doc.toks[k - 1];
            if t.is_any(&["the", "a", "an"]) || t.text.ends_with("\u{2019}s") || t.text.ends_with("'s") {
                k -= 1;
                continue;
            }
            return t.is_any(&[
                "in",
                "near",
                "at",
                "across",
                "throughout",
                "inside",
                "outside",
                "into",
                "from",
                "over",
                "off",
                "around",
                "within",
                "to",
            ]);
        }
        false
    }

    /// A claim's place: one the sentence `s..e` puts it in ("in Iraq", "near Raqqa", "in Iraq’s
    /// Hamrin Mountains"), the first after the claim starts at `from`, else the last before it.
    pub fn place_near(&self, from: usize, s: usize, e: usize) -> Option<String> {
        // Near the claim, not anywhere in a sentence that may run for pages.
        let (s, e) = (s.max(from.saturating_sub(400)), e.min(from + 400));
        let here: Vec<&Found> =
            self.doc.names_in(s, e).filter(|f| self.g.entry(f.entry).kind.is_place() && self.located(f)).collect();
        // A small place the gazetteer does not know ("near the town of Hosingow") is where, and
        // more specific than any the gazetteer names beside it.
        let (a, b) = (self.locals.partition_point(|l| l.start < s), self.locals.partition_point(|l| l.start < e));
        let mut local = self.locals[a..b.max(a)].iter().filter(|l| l.end <= e);
        let local = local.clone().find(|l| l.start >= from).or_else(|| local.next_back());
        if let Some(l) = local {
            return Some(l.name.clone());
        }
        let at = here.iter().position(|f| f.start >= from).unwrap_or(here.len().checked_sub(1)?);
        // "in Iraq’s Hamrin Mountains", "in Deir Ez Zor in eastern Syria": the most specific of
        // places named together.
        let mut pick = here[at];
        if let Some(next) = here
            .get(at + 1)
            .filter(|n| n.start < pick.end + 24 && self.g.within(n.entry, pick.entry) && n.region.is_none())
        {
            pick = next;
        }
        Some(pick.region.clone().unwrap_or_else(|| self.g.entry(pick.entry).name.clone()))
    }

    /// Whether a place is named within `a..b` (bytes).
    pub fn place_between(&self, a: usize, b: usize) -> bool {
        self.doc.names_in(a, b).any(|f| self.g.entry(f.entry).kind.is_place() && self.located(f))
            || self.locals.iter().any(|l| a <= l.start && l.end <= b)
    }

    /// A coalition as the text's time names it.
    fn coalition_of_its_time(&self, name: String) -> String {
        match self.time_of_text {
            Some(p) if p < GLOBAL_COALITION_FORMED && name == GLOBAL_COALITION => US_LED_COALITION.to_string(),
            Some(p) if p >= GLOBAL_COALITION_FORMED && name == US_LED_COALITION => GLOBAL_COALITION.to_string(),
            _ => name,
        }
    }

    /// The first party named within `s..e`. A party acts: a country, an organisation, a person. A
    /// city in a dateline ("TAMPA, Fla.") is where, never who.
    pub fn party_in(&self, s: usize, e: usize) -> Option<String> {
        self.doc
            .names_in(s, e)
            .find(|f| f.region.is_none() && self.g.entry(f.entry).kind != EntityKind::Place)
            .map(|f| self.coalition_of_its_time(self.g.entry(f.entry).name.clone()))
    }

    /// The side a count of forces or casualties is about: "U.S. military" is the United States.
    pub fn side(&self, name: String, kind: Kind) -> String {
        let g = self.g;
        let rolls_up = matches!(kind, Kind::Troops | Kind::Casualty | Kind::Capture | Kind::Strike | Kind::Operation)
            && (name.ends_with(" military") || name.ends_with(" government") || name.ends_with(" armed forces"));
        match g.lookup(&name).and_then(|i| g.entry(i).parent.clone()) {
            Some(country) if rolls_up => country,
            _ => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::*;

    /// From a review: a place that ends a line, before a line that opens with a counted noun, is
    /// where ("…killed in Syria\nTroops remain"), not whose ("U.S. troops").
    #[test]
    fn a_place_at_a_line_end_is_where() {
        let an = undated("Two soldiers were killed in Syria\nTroops remain on alert.");
        assert_eq!(an.claims[0].location.as_deref(), Some("Syria"), "{:?}", an.claims);
    }

    #[test]
    fn who_condemns_an_attack_did_not_make_it() {
        let an = undated("The United States condemns the car bomb attacks in Diyala Province.");
        let strike = an.claims.iter().find(|c| c.kind == Kind::Strike).expect("a strike");
        assert_eq!(strike.party, None, "{strike:?}");
        let an = undated("The United States conducted airstrikes in Syria.");
        let strike = an.claims.iter().find(|c| c.kind == Kind::Strike).expect("a strike");
        assert_eq!(strike.party.as_deref(), Some("United States"), "{strike:?}");
    }

    /// A coalition is the one of its time: the U.S.-led coalition before the Global Coalition to
    /// Defeat ISIS was formed in September 2014, the Global Coalition after.
    #[test]
    fn a_coalition_is_the_one_of_its_time() {
        let party = |text: &str, published: &str| {
            let opts =
                Options { published: Some(published.parse().unwrap()), gazetteer: Gazetteer::builtin(), title: None };
            analyse(text, &opts).claims.first().and_then(|c| c.party.clone())
        };
        let text = "Coalition forces killed two insurgents in Helmand.";
        assert_eq!(party(text, "2008-05-01").as_deref(), Some("U.S.-led coalition"));
        assert_eq!(party(text, "2017-05-01").as_deref(), Some("Global Coalition to Defeat ISIS"));
        let text = "The U.S.-led coalition has 2,000 troops in Iraq.";
        assert_eq!(party(text, "2017-05-01").as_deref(), Some("Global Coalition to Defeat ISIS"));
    }
}
