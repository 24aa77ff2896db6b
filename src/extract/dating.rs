//! When each claim happened: the dates a sentence gives, told apart from when they were said
//! ("said Tuesday"), a dateline's, and landmarks a span is counted from ("the deadliest since
//! 2011"); a count "since" a date runs to publication; and a claim whose sentence gives no date
//! takes the one its paragraph, the event it refers back to or the story's lead gave.

use std::collections::HashSet;

use jiff::civil::Date;

use super::doc::Doc;
use super::speakers::{self, telling_day, TELLING};
use super::tokens::{self, Token};
use crate::model::{DateSpan, Grain, Kind, PartialDate};

/// Words that make a date a landmark a span is counted from, not when anything happened: "the
/// first U.S. soldier killed in Iraq since 2011", "the deadliest attack since 2019".
const RANKING: &[&str] = &[
    "first",
    "second",
    "third",
    "last",
    "only",
    "worst",
    "biggest",
    "largest",
    "highest",
    "lowest",
    "deadliest",
    "bloodiest",
    "longest",
    "heaviest",
    "most",
];

/// A date found in a sentence, at tokens `start..end` of the text; `value` is `None` for a
/// relative date with no publication date to resolve it against.
#[derive(Debug, Clone, Copy)]
pub(super) struct DateAt {
    pub start: usize,
    pub end: usize,
    pub value: Option<DateSpan>,
}

/// Whether the date at sentence token `k` (of the sentence's tokens `st`) is when something was
/// told: "announced Thursday", "said on Friday".
pub(super) fn told_at(st: &[Token], k: usize) -> bool {
    let is_say = |k: usize| st.get(k).is_some_and(|t| t.has(tokens::class::SAY));
    k > 0 && (is_say(k - 1) || st[k - 1].is("on") && k > 1 && is_say(k - 2))
}

/// "In 2014, militants killed nine soldiers in an overnight raid": the night is the time of day of
/// the sentence's own date, no date of its own, so it leaves the sentence's dates `here` (whose
/// tokens are the text's; the sentence `st` starts at its token `a`). Only beside a date of what
/// happened: not "…, the air force said on Friday". And only after it: "3 soldiers were killed
/// overnight and 2 on Sunday" keeps the night.
pub(super) fn drop_the_night_of_a_date(here: &mut Vec<DateAt>, st: &[Token], a: usize) {
    let night = |d: &DateAt| st[d.start - a].is("overnight");
    let at = here.iter().position(night);
    if at.is_some_and(|n| here[..n].iter().any(|d| !told_at(st, d.start - a))) {
        here.retain(|d| !night(d));
    }
}

/// What claims ask of a text's dates: each sentence's, and what each sentence inherits.
pub(super) struct Dating<'a> {
    doc: Doc<'a>,
    published: Option<Date>,
    /// Each sentence's dates, in order.
    dates: &'a [Vec<DateAt>],
    /// Each sentence's paragraph's first token.
    para_toks: Vec<usize>,
    /// Whether each sentence refers back to an event told before ("the raid", "this strike").
    refers: Vec<bool>,
    /// Whether each sentence's paragraph is a list line.
    list_lines: Vec<bool>,
    /// Whether each sentence tells a new event apart from the one before ("Separately, …"), to
    /// the end of its paragraph; `opening`: whether it is where such a new event opens.
    apart: Vec<bool>,
    opening: Vec<bool>,
    /// The last event date before each sentence: in its paragraph, and in the whole text.
    in_para: Vec<Option<DateSpan>>,
    in_text: Vec<Option<DateSpan>>,
    /// The lead's date: when the story's event happened.
    lead: Option<DateSpan>,
}

impl<'a> Dating<'a> {
    pub fn new(doc: Doc<'a>, published: Option<Date>, dates: &'a [Vec<DateAt>]) -> Self {
        let Doc { text, toks, sents, sent_toks, para, .. } = doc;
        let para_toks: Vec<usize> = para.iter().map(|&p| doc.tok_at(p)).collect();
        // "the raid", "the operation", "this strike": a sentence that refers back to an event takes
        // the last date the text gave one.
        let refers: Vec<bool> = (0..sents.len())
            .map(|si| {
                let (a, b) = sent_toks[si];
                toks[a..b].windows(2).any(|w| {
                    w[0].is_any(&["the", "this", "that", "both", "these", "those"])
                        && w[1].is_any(&[
                            "raid",
                            "raids",
                            "operation",
                            "operations",
                            "strike",
                            "strikes",
                            "attack",
                            "attacks",
                            "airstrike",
                            "airstrikes",
                            "mission",
                            "assault",
                            "bombing",
                            "explosion",
                            "ambush",
                            "engagement",
                        ])
                })
            })
            .collect();
        // Whether each sentence's paragraph is a list line, looked at once a paragraph: a list
        // line with no date takes the last the text gave, not its paragraph's (`date_for`).
        let mut list_lines: Vec<bool> = Vec::with_capacity(sents.len());
        for si in 0..sents.len() {
            let same = si > 0 && para[si] == para[si - 1];
            let v = if same {
                list_lines[si - 1]
            } else {
                let line = text[para[si]..].lines().next().unwrap_or("").trim();
                line.starts_with(['-', '\u{2022}', '*', '\u{2013}'])
                    || !line.ends_with(['.', '!', '?', '"', '\u{201D}'])
            };
            list_lines.push(v);
        }
        // "In a separate incident, seven civilians were killed", "Separately, …", "Elsewhere, …": a
        // new event, which takes no date from the one told before it, to the end of its paragraph.
        let mut apart: Vec<bool> = Vec::with_capacity(sents.len());
        // Where each such opening is: each one is a new event again ("Separately, …. Elsewhere, …").
        let mut opening: Vec<bool> = Vec::with_capacity(sents.len());
        for si in 0..sents.len() {
            let (a, b) = sent_toks[si];
            let w = &toks[a..b.min(a + 4)];
            // ("Elsewhere in the statement" goes on with the same event: the comma is wanted.)
            let opens = w.first().is_some_and(|t| t.is_any(&["Separately", "Elsewhere"]))
                && w.get(1).is_some_and(|c| c.is_punct(','))
                || w.len() == 4
                    && w[0].is("in")
                    && w[1].is_any(&["a", "another"])
                    && (w[2].is("separate")
                        && w[3].is_any(&["incident", "attack", "development", "strike", "operation"])
                        || w[2].is_any(&["incident", "attack", "strike", "operation"]));
            let same_para = si > 0 && para[si] == para[si - 1];
            apart.push(opens || same_para && apart[si - 1]);
            opening.push(opens);
        }

        let mut dating = Dating {
            doc,
            published,
            dates,
            para_toks,
            refers,
            list_lines,
            apart,
            opening,
            in_para: Vec::with_capacity(sents.len()),
            in_text: Vec::with_capacity(sents.len()),
            lead: None,
        };
        // The last event date before each sentence: in its paragraph, and in the whole text.
        {
            let (mut p, mut t) = (None, None);
            for si in 0..sents.len() {
                if si > 0 && para[si] != para[si - 1] || dating.opening[si] {
                    p = None;
                }
                dating.in_para.push(p);
                dating.in_text.push(t);
                if let Some(d) = dating.event_date(si) {
                    p = Some(d);
                    t = Some(d);
                }
            }
        }
        // The lead's date: news states when the event happened in its first paragraph, and the
        // figures after it that give no date of their own are that event's details.
        // A lead that gives no date often leaves it to the paragraphs after ("The United States
        // condemns the attacks that killed over 300 people." / "On October 14th, …"; "… a drone
        // strike has killed at least four militants." / … / "Thursday's strike targeted …"): the
        // first event date of the first three paragraphs, the length of a news story's top.
        let top: HashSet<usize> = (0..sents.len())
            .map(|si| para[si])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .take(3)
            .collect();
        // Not a date in a relative clause ("troops, which were brought in at the end of last year"):
        // background to the lead's event, not its day.
        // A relative clause may run long ("which the Somali National Army and the African Union
        // Mission in Somalia recaptured from al-Shabab last week"): back to its comma, 25 tokens at
        // most.
        dating.lead = (0..sents.len()).take_while(|&si| top.contains(&para[si])).find_map(|si| {
            let relative = |d: &&DateAt| {
                dating.clause_within(d, 25).any(|t| t.is_any(&["which", "who", "whom", "whose", "where"]))
            };
            dating.dates[si]
                .iter()
                .find(|d| dating.of_event(si, d))
                .filter(|d| !relative(d))
                .and_then(|d| dating.value_of(d))
        });
        dating
    }

    /// A date right after a say-verb and who said it is when it was said ("said Tuesday", "said
    /// the deputy press secretary during a briefing today"), not when the event happened; a date
    /// in what was said is the event's ("says precision strikes killed 150 Saturday").
    pub fn when_said(&self, d: usize) -> bool {
        // "In a statement Friday, CENTCOM said it killed …", "at a briefing on Monday": the day
        // of the statement, whatever verb follows.
        if telling_day(self.doc.toks, d) {
            return true;
        }
        // "condemns today's attack": a day with a possessive is the day of what it names (but
        // "Sunday's statement" is a day of telling).
        if self.doc.toks.get(d + 1).is_some_and(|t| t.is("'s") || t.is("\u{2019}s"))
            && !self
                .doc
                .toks
                .get(d + 2)
                .is_some_and(|n| n.is_any(TELLING) || n.is_any(&["report", "announcement", "speech"]))
        {
            return false;
        }
        // Never back across the sentence's start: "Multiple injuries have been reported. Last
        // week, a gunman killed five" dates the killing.
        let si = self.doc.sentence_at_token(d);
        let from = d.saturating_sub(10).max(self.doc.sent_toks.get(si).map_or(0, |s| s.0));
        for k in (from..d).rev() {
            let t = &self.doc.toks[k];
            if speakers::is_say(t) {
                return true;
            }
            let attribution_word = t.is_capitalized()
                || t.is_punct('.')
                || speakers::is_title(t)
                || t.is_any(&[
                    "the",
                    "a",
                    "an",
                    "in",
                    "on",
                    "at",
                    "during",
                    "to",
                    // "As announced by the Pentagon Monday".
                    "by",
                    "reporters",
                    "statement",
                    "briefing",
                    "news",
                    "conference",
                    "interview",
                    "release",
                    "press",
                    "written",
                    "email",
                    "later",
                    "also",
                    "late",
                    "early",
                ]);
            if !attribution_word {
                return false;
            }
        }
        false
    }

    /// "TAMPA, Fla., Sept. 24, 2014 — …": a dateline's date is the release's, not the event's.
    pub fn dateline(&self, si: usize, d: &DateAt) -> bool {
        let para_start = self.para_toks[si];
        // "BAGRAM AIRFIELD, Afghanistan (Dec. 29, 2007) –": in brackets too.
        let dash = if self.doc.toks.get(d.end).is_some_and(|t| t.is_punct(')')) { d.end + 1 } else { d.end };
        // (The dash in the date's own sentence: not a bulleted line's after a headline's date.)
        d.start < para_start + 8
            && self.doc.sent_toks.get(si).is_some_and(|&(_, b)| dash < b)
            && self
                .doc
                .toks
                .get(dash)
                .is_some_and(|t| t.is_punct('\u{2014}') || t.is_punct('\u{2013}') || t.is_punct('-'))
    }

    /// The words before a date, back to its clause's start, nearest first, `window` at most (and
    /// never past its sentence's start: a headline without a full stop is no clause of the lead).
    fn clause_within(&self, d: &DateAt, window: usize) -> impl Iterator<Item = &'a Token<'a>> {
        self.doc.toks[d.start.saturating_sub(window).max(self.doc.sentence_start(d.start))..d.start]
            .iter()
            .rev()
            .take_while(|t| !(t.is_punct(',') || t.is_punct(';') || t.is_punct('.')))
    }

    /// The words before a date in its clause, twelve at most.
    fn clause_before(&self, d: &DateAt) -> impl Iterator<Item = &'a Token<'a>> {
        self.clause_within(d, 12)
    }

    /// A "since" may open a long clause ("since fighting erupted between Lebanon's army and the
    /// militants at the camp on May 20"): twenty words back, but not across "and" into a clause
    /// with a count of its own ("…since the elections and two soldiers were killed Monday").
    fn since_at(&self, d: &DateAt) -> Option<usize> {
        for k in (d.start.saturating_sub(20).max(self.doc.sentence_start(d.start))..d.start).rev() {
            let t = &self.doc.toks[k];
            if t.is_punct(',') || t.is_punct(';') || t.is_punct('.') {
                return None;
            }
            let next = self.doc.toks.get(k + 1);
            if t.is_any(&["and", "but"])
                && next.is_some_and(|n| {
                    n.kind == tokens::Kind::Number || n.has(tokens::class::NUMBER) && !n.is_any(&["a", "an", "the"])
                })
            {
                return None;
            }
            if t.is("since") {
                return Some(k);
            }
        }
        None
    }

    /// Whether a "since" opens the date's clause.
    fn since(&self, d: &DateAt) -> bool {
        self.since_at(d).is_some()
    }

    /// A "since" that is background, not a span counted: "the deadliest attack since 2011" (a
    /// ranking), "militants, who have waged an insurgency since 2007," (a relative clause about
    /// someone), "Since the strike on Jan. 5 killed civilians, …" (a cause).
    pub fn landmark(&self, d: &DateAt) -> bool {
        // (The word before in the date's own sentence: a headline's last word is none.)
        let before =
            d.start.checked_sub(1).filter(|&k| k >= self.doc.sentence_start(d.start)).map(|k| &self.doc.toks[k]);
        // A sentence that opens "Since …," counts a span only in the perfect ("Since U.N. troops
        // took over in July 2013, 21 peacekeepers have been killed"); otherwise it gives a cause.
        let causal = || {
            let si = self.doc.sentence_at_token(d.start);
            let (a, b) = self.doc.sent_toks.get(si).copied().unwrap_or((d.start, d.end));
            self.doc.toks.get(a).is_some_and(|t| t.is("since"))
                && !self.doc.toks[a..b].iter().any(|t| t.is_any(&["has", "have", "had"]))
        };
        // "the largest combat operation since Obama ordered 30,000 troops … in December": a
        // ranking just before a long "since" clause.
        let ranked = || {
            self.since_at(d).is_some_and(|k| {
                self.doc.toks[k.saturating_sub(4).max(self.doc.sentence_start(k))..k].iter().any(|t| t.is_any(RANKING))
            })
        };
        let background = || {
            self.clause_before(d).any(|t| t.is_any(RANKING) || t.is_any(&["who", "which", "whose"]))
                || ranked()
                || causal()
        };
        // "Before Tuesday's confirmation, some reports had said …": a day things are told
        // relative to, not the day they happened.
        // "the Islamic Jihad Organization, known today as Hizballah": a name's day, no event's.
        let naming = before.is_some_and(|t| t.is("known")) || self.doc.toks.get(d.end).is_some_and(|t| t.is("known"));
        let before_it = before.is_some_and(|t| t.is("before"))
            || before.is_some_and(|t| t.is("to")) && d.start >= 2 && self.doc.toks[d.start - 2].is("prior");
        self.since(d) && background()
            || before.is_some_and(|t| t.is("from")) && self.doc.toks[d.end - 1].is("ago")
            || before_it
            || naming
    }

    /// "has conducted four strikes since April 23", "$125 million since it began in 1984": what
    /// is counted since a date happened between it and the day of publication.
    fn published_at(&self, g: Grain) -> Option<PartialDate> {
        let p = self.published?;
        match g {
            Grain::Day => PartialDate::day(p).ok(),
            Grain::Month => PartialDate::month(p.year(), p.month()).ok(),
            Grain::Year => PartialDate::year(p.year()).ok(),
        }
    }

    /// A date counted since, as the span from it to publication.
    fn until_now(&self, d: &DateAt) -> Option<DateSpan> {
        let from = d.value?.from();
        // Without a publication date, the day it counts from is still a date.
        let Some(to) = self.published_at(from.grain()) else { return d.value };
        if to.first_day() <= from.last_day() {
            return d.value;
        }
        DateSpan::range(from, to).ok()
    }

    /// A date of what happened: not when it was said, not a dateline's, not a landmark.
    pub fn of_event(&self, si: usize, d: &DateAt) -> bool {
        !self.when_said(d.start) && !self.dateline(si, d) && !self.landmark(d)
    }

    /// What a date dates: itself, or from it to publication after "since".
    fn value_of(&self, d: &DateAt) -> Option<DateSpan> {
        if self.since(d) {
            self.until_now(d)
        } else {
            d.value
        }
    }

    /// The day a sentence says it was told ("…, the military said Sunday"), a single day.
    fn told_day(&self, si: usize) -> Option<DateSpan> {
        self.dates[si]
            .iter()
            // Not "in a statement Friday": a statement may come days after what it tells of.
            .find(|d| self.when_said(d.start) && !telling_day(self.doc.toks, d.start) && !self.dateline(si, d))
            .and_then(|d| d.value)
            .filter(|v| !v.is_range() && v.grain() == Grain::Day)
    }

    /// Whether sentence `si` opens a new event ("Separately, …", "In a separate incident, …").
    pub fn opens_new_event(&self, si: usize) -> bool {
        self.opening[si]
    }

    /// The date of a quotation in sentence `si`: the sentence's event date, else the last the
    /// text gave where the sentence refers back to an event ("the raid").
    pub fn of_quotation(&self, si: usize) -> Option<DateSpan> {
        self.event_date(si).or_else(|| self.refers_back(si).then(|| self.in_text[si]).flatten())
    }

    /// The first date of sentence `si` that is an event's.
    pub fn event_date(&self, si: usize) -> Option<DateSpan> {
        // The first date of the sentence that is not when something was said.
        self.dates[si].iter().find(|d| self.of_event(si, d)).and_then(|d| self.value_of(d))
    }

    /// A sentence of several event dates gives each claim its own: "killed five … on Jan. 1, and
    /// killed more than 15 … on Jan. 3", "air strikes May 25, two airstrikes June 23 and 30". A
    /// claim takes the date after it that closes its clause, else the date before it ("On Jan. 1,
    /// forces killed five; on Jan. 3 they killed 15"). `at`: the claim's first token.
    fn own_date(&self, si: usize, at: usize) -> Option<Option<DateSpan>> {
        let dates: Vec<&DateAt> = self.dates[si].iter().filter(|d| self.of_event(si, d)).collect();
        if dates.len() < 2 {
            return None;
        }
        let (a, _) = self.doc.sent_toks[si];
        // A date that opens its clause ("On Jan. 1, …", "…; on Jan. 3 they …") tells of what follows.
        let fronted = |d: &DateAt| {
            let mut k = d.start;
            if k > a && self.doc.toks[k - 1].is_any(&["on", "in", "by"]) {
                k -= 1;
            }
            k == a || self.doc.toks[k - 1].is_punct(';') || self.doc.toks[k - 1].is_punct(':')
        };
        // The date after must close the claim's own clause, not a relative clause about what it
        // counts ("killed two militants who had attacked a checkpoint on Saturday").
        let own_clause = |d: &DateAt| {
            !self.doc.toks[at..d.start].iter().any(|t| t.is_punct(';') || t.is_any(&["who", "which", "that"]))
        };
        // A day's possessive heading the claim's phrase is its own: "yesterday's launch of
        // multiple missiles", "Sunday's attack on two bases".
        // Only the noun it heads and "of" between: not "Tuesday's report listed 12 airstrikes on
        // Friday", where a verb between makes the figure the report's content.
        let possessive = dates.iter().rev().find(|d| {
            let between = self.doc.toks.get(d.end + 1..at).unwrap_or(&[]);
            d.end < at
                && self.doc.toks[d.end].is_any(&["'s", "\u{2019}s"])
                && (between.is_empty()
                    || between.len() <= 3
                        && between.last().is_some_and(|t| t.is("of"))
                        && between.iter().all(|t| {
                            t.kind == tokens::Kind::Word
                                && !t.text.ends_with("ed")
                                && !t.has(tokens::class::OUTCOME | tokens::class::SAY)
                        }))
        });
        if let Some(d) = possessive {
            return Some(self.value_of(d));
        }
        let after = dates.iter().find(|d| d.start >= at);
        if let Some(d) = after.filter(|d| !fronted(d) && own_clause(d)) {
            return Some(self.value_of(d));
        }
        dates.iter().rev().find(|d| d.start < at).map(|d| self.value_of(d))
    }

    /// "the raid", "the operation", "this strike": a sentence that refers back to an event takes
    /// the last date the text gave one.
    pub fn refers_back(&self, si: usize) -> bool {
        self.refers[si]
    }

    /// "recently carried out airstrikes", "had previously been detained": the claim says its own
    /// time, vaguely, and it is not the time the text was telling of. `at`: the claim's first token.
    fn vague(&self, si: usize, at: usize) -> bool {
        let (a, b) = self.doc.sent_toks[si];
        self.doc.toks[a.max(at.saturating_sub(6))..(at + 4).min(b)]
            .iter()
            .any(|t| t.is_any(&["recently", "previously", "formerly"]))
    }

    /// When a claim of sentence `si` happened: its own date in the sentence, else the sentence's
    /// event date, else the last its paragraph gave ("During May 2023 … These operations resulted
    /// in 31 detained"), the last the text gave (a list line, or a sentence that refers back to
    /// "the raid"), the lead's (an event's details), or the day the sentence says it was told.
    /// `at`: the claim's first token, or its verb; `first`: its first token.
    pub fn date_for(&self, si: usize, kind: Kind, at: usize, first: usize) -> Option<DateSpan> {
        let event = matches!(kind, Kind::Casualty | Kind::Capture | Kind::Strike | Kind::Operation);
        if self.vague(si, at) {
            return self.event_date(si);
        }
        // A claim inside a "since" clause is that clause's event, on its own day: "the largest
        // operation since Obama ordered 30,000 troops to Afghanistan in December".
        let inside_since = self.dates[si]
            .iter()
            .find(|d| self.since_at(d).is_some_and(|k| k < first && first < d.start) && !self.when_said(d.start));
        if let Some(d) = inside_since {
            return d.value;
        }
        if let Some(own) = self.own_date(si, first) {
            return own;
        }
        self.event_date(si)
            .or(self.in_para[si])
            .or_else(|| if self.list_lines[si] || self.refers_back(si) { self.in_text[si] } else { None })
            .or(if event && !self.apart[si] { self.lead } else { None })
            // "Four soldiers were wounded in a rocket attack, the military said Sunday": news told
            // the day it happened, when nothing else dates it.
            .or_else(|| if event { self.told_day(si) } else { None })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::*;

    /// "overnight" is the time of day of a date the sentence gives, no date of its own.
    #[test]
    fn overnight_beside_a_date_is_that_date() {
        let claims = claims_of("In 2014, militants killed 9 soldiers in an overnight raid on the base.");
        assert!(claims.iter().all(|c| c.ends_with(" 2014")), "{claims:?}");
    }

    /// From a review: a headline without a full stop is no clause of the lead's date, nor is a
    /// bulleted line's dash after its date a dateline's.
    #[test]
    fn a_headline_is_no_clause_of_the_lead() {
        let claims = claims_of(
            "Gunmen who fled still at large\nOn Monday, militants attacked a base in Kunar.\nTwo soldiers were wounded.",
        );
        assert!(claims.contains(&"casualty 2 Two soldiers were wounded 2025-01-06".to_string()), "{claims:?}");
        let claims = claims_of("Militants attack base Monday\n- Two soldiers were wounded.");
        assert!(claims.contains(&"casualty 2 Two soldiers were wounded 2025-01-06".to_string()), "{claims:?}");
    }

    #[test]
    fn a_since_clause_keeps_its_own_day_and_an_announcement_its_own() {
        let got = claims_of(
            "The offensive is the largest combat operation since President Barack Obama ordered 30,000 additional U.S. troops to Afghanistan in December.",
        );
        assert!(got.iter().any(|c| c.starts_with("troops 30000 30,000") && c.ends_with(" 2024-12")), "{got:?}");
        // Published on a Tuesday: Monday is when it was announced, not when troops came.
        let got = claims_of("As announced by the Pentagon Monday, approximately 3,000 soldiers are coming to Europe.");
        assert!(got.iter().any(|c| c.starts_with("troops 3000") && !c.contains("2025-01-06")), "{got:?}");
    }

    /// A lead's relative clause dates its own background, however long it runs: the raid the
    /// lead reports is not last week's (every figure of the Buloburde story took last week); it
    /// is overnight's.
    #[test]
    fn a_long_relative_clause_in_the_lead_dates_nothing_after_it() {
        let claims = claims_of(
            "An overnight raid by militants has killed 11 soldiers.\nSomali officials blame al-Shabab for the \
             attack in the town of Buloburde, which the Somali National Army and the African Union Mission in \
             Somalia recaptured from al-Shabab last week.",
        );
        assert_eq!(
            claims.first().map(String::as_str),
            Some("casualty 11 killed 11 soldiers 2025-01-06/2025-01-07"),
            "{claims:?}"
        );
    }

    #[test]
    fn each_claim_takes_its_own_date() {
        // 2025-01-07 is a Tuesday.
        // "known today as" names; the day of the event is the one the sentence opens with.
        assert_eq!(
            claims_of(
                "On April 18, 1983, the Islamic Jihad Organization, known today as Hizballah, detonated a car bomb, \
                 killing 52 people."
            )
            .last()
            .map(String::as_str),
            Some("casualty 52 killing 52 people 1983-04-18")
        );
        // A say-verb ending the sentence before does not make the next one's date a day of telling.
        assert_eq!(
            claims_of("Multiple injuries have been reported.\nLast week, a gunman killed five people."),
            // (The first figure has no day of its own and takes the lead's, which is last week's.)
            [
                "casualty 2 Multiple injuries 2024-12-30/2025-01-05",
                "casualty 5 killed five people 2024-12-30/2025-01-05"
            ]
        );
        // "condemns today's attack": today is the attack's day, not the day of condemning.
        assert_eq!(
            claims_of(
                "The United States condemns today\u{2019}s attack, which killed four peacekeepers.\nIt is the latest of \
                 several attacks over the past week."
            )
            .iter()
            .find(|c| c.starts_with("casualty"))
            .map(String::as_str),
            Some("casualty 4 killed four peacekeepers 2025-01-07")
        );
        // A date in a relative clause is background, not the lead's day.
        assert_eq!(
            claims_of(
                "At least seven people were killed in Mogadishu.\nThey protested Ethiopian troops, which were \
                 brought into the country at the end of last year."
            )
            .first()
            .map(String::as_str),
            Some("casualty 7 At least seven people were killed ")
        );
        // Two separate incidents: the second takes nothing from the first.
        assert_eq!(
            claims_of(
                "Seven police officers were killed Saturday.\nSeparately, a bomb killed two soldiers on Friday. \
                 Elsewhere, three civilians were wounded."
            )
            .last()
            .map(String::as_str),
            Some("casualty 3 three civilians were wounded ")
        );
        // A separate incident is a new event: the lead's day is not its day.
        assert_eq!(
            claims_of(
                "Seven police officers were killed Saturday in Jawzjan.\nIn a separate incident, seven civilians \
                 were killed by a roadside bomb. Three others were wounded.\nFour soldiers were wounded."
            ),
            [
                "casualty 7 Seven police officers were killed 2025-01-04",
                "casualty 7 seven civilians were killed ",
                "casualty 3 Three others were wounded ",
                "casualty 4 Four soldiers were wounded 2025-01-04"
            ]
        );
        assert_eq!(
            claims_of("U.S. forces killed five fighters on Jan. 1, and killed more than 15 fighters on Jan. 3."),
            ["casualty 5 killed five fighters 2025-01-01", "casualty 15 killed more than 15 fighters 2025-01-03"]
        );
        assert_eq!(
            claims_of("On Jan. 1, forces killed five fighters; on Jan. 3 they killed 15 fighters."),
            ["casualty 5 killed five fighters 2025-01-01", "casualty 15 killed 15 fighters 2025-01-03"]
        );
        // What is counted since a day happened between it and publication; a landmark dates nothing.
        assert_eq!(
            claims_of("The U.S. military has conducted four airstrikes since Jan. 2."),
            ["strike 4 four airstrikes 2025-01-02/2025-01-07"]
        );
        assert_eq!(
            claims_of(
                "More than 200 people have been killed since fighting erupted between the army and the \
                 militants at the camp on Jan. 2."
            ),
            ["casualty 200 More than 200 people have been killed 2025-01-02/2025-01-07"]
        );
        assert_eq!(
            claims_of("Violence has surged since the elections in the north and two soldiers were killed on Monday."),
            ["casualty 2 two soldiers were killed 2025-01-06"]
        );
        assert_eq!(
            claims_of("Two soldiers were killed in the deadliest attack on U.S. troops since 2011."),
            ["casualty 2 Two soldiers were killed ", "strike  the deadliest attack "]
        );
        // A date in an event's own words is its day, though a "since" counts from it.
        assert_eq!(
            claims_of("Hamas has held them since its October 7 attack on Israel."),
            ["strike  its October 7 attack 2024-10-07"]
        );
        // From a review: a background "since" dates nothing, and a date in a relative clause
        // after the claim is not the claim's.
        assert_eq!(
            claims_of("Al-Shabaab militants, who have waged an insurgency since 2007, killed 10 soldiers."),
            ["casualty 10 killed 10 soldiers "]
        );
        assert_eq!(
            claims_of("On Monday, a U.S. drone strike killed two militants who had attacked a checkpoint on Saturday."),
            // The checkpoint the militants had attacked is a strike of its own, on its own day.
            [
                "strike  strike killed 2025-01-06",
                "casualty 2 killed two militants 2025-01-06",
                "strike 1 attacked a checkpoint 2025-01-04"
            ]
        );
        // A day things are told relative to is not when they happened.
        assert_eq!(
            claims_of("Before Tuesday's confirmation, some reports had said two soldiers were killed."),
            ["casualty 2 two soldiers were killed "]
        );
        // A dateline's date in brackets is the release's: "Sunday" is the event's.
        assert_eq!(
            claims_of("BAGRAM, Afghanistan (Jan. 7, 2025) – Forces detained 10 militants Sunday."),
            ["capture 10 detained 10 militants 2025-01-05"]
        );
        assert_eq!(
            claims_of("Two soldiers were wounded in Saturday's fighting."),
            ["casualty 2 Two soldiers were wounded 2025-01-04"]
        );
    }
}
