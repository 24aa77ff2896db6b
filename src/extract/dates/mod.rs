//! Dates in running text, normalised at the precision the text gives and resolved against the
//! publication date: `Jan. 6` → 2025-01-06, `September 2025` → 2025-09, `in 2019` → 2019,
//! `Jan. 2 and Jan. 3` → 2025-01-02/2025-01-03, `Tuesday`, `last week`, `a decade ago`.
//!
//! Nothing is padded ("2019" never becomes 2019-01-01), and nothing is guessed from today's date:
//! without a publication date a relative date is found but left unresolved.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::numbers;
use super::tokens::{Kind, Token};
use crate::model::{DateSpan, Grain, PartialDate};

mod calendar;

pub use calendar::holiday_starts;
use calendar::*;

/// A date found at tokens `start..end`; `value` is `None` when it could not be resolved (a
/// relative date without a publication date).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub value: Option<DateSpan>,
    /// Resolved against the publication date (`Tuesday`, `last week`, a month without a year).
    pub relative: bool,
}

const MONTHS: [(&str, i8); 23] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
];

/// A month name, capitalised as news writes it.
/// Whether a capitalised word names a month or a weekday, in full or short ("Friday", "Sept"):
/// for the sentence splitter, which reads strings, not tokens.
pub fn names_day_or_month(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && (MONTHS.iter().any(|m| m.0 == lower) || WEEKDAYS.iter().chain(SHORT_WEEKDAYS.iter()).any(|d| d.0 == lower))
}

fn month_of(t: &Token) -> Option<i8> {
    if !t.is_capitalized() {
        return None;
    }
    any_month(t)
}

/// A month name in any case: only trusted next to a day or a year ("25th march 2015").
fn any_month(t: &Token) -> Option<i8> {
    if t.kind != Kind::Word {
        return None;
    }
    if t.is("dec") {
        return Some(12);
    }
    MONTHS.iter().find(|(m, _)| t.is(m)).map(|&(_, n)| n)
}

/// A full month name, or an abbreviation (which needs its period or a number after it).
fn full_month(t: &Token) -> bool {
    t.text.len() > 4 || t.is_any(&["june", "july", "may"])
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Weekdays abbreviated: trusted only where `any_weekday` is asked.
const SHORT_WEEKDAYS: [(&str, Weekday); 11] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
    ("weds", Weekday::Wednesday),
];

fn weekday_of(t: &Token) -> Option<Weekday> {
    if !t.is_capitalized() {
        return None;
    }
    any_weekday(t)
}

/// A weekday in any case, or abbreviated (`Tues`, `fri`): trusted after "last", "next", "on".
fn any_weekday(t: &Token) -> Option<Weekday> {
    if t.kind != Kind::Word {
        return None;
    }
    WEEKDAYS.iter().chain(SHORT_WEEKDAYS.iter()).find(|(d, _)| t.is(d)).map(|&(_, w)| w)
}

/// Words before a bare four-digit number that make it a year ("in 2019", "since 2014").
const YEAR_PREPOSITIONS: [&str; 14] = [
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "through", "of", "year", "early", "late",
];

fn day_number(t: Option<&Token>) -> Option<i8> {
    let t = t?;
    if t.kind != Kind::Number || t.text.len() > 2 {
        // "6th" is a word; accept it below.
        let digits = t.text.strip_suffix(['h', 't', 'd']).and_then(|s| s.strip_suffix(['t', 's', 'n', 'r']))?;
        if t.kind != Kind::Word {
            return None;
        }
        let d: i8 = digits.parse().ok()?;
        return (1..=31).contains(&d).then_some(d);
    }
    let d: i8 = t.text.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(t: Option<&Token>) -> Option<i16> {
    let t = t?;
    if !t.is_four_digits() {
        return None;
    }
    let y: i16 = t.text.parse().ok()?;
    (1000..=2999).contains(&y).then_some(y)
}

fn day(y: i16, m: i8, d: i8) -> Option<PartialDate> {
    PartialDate::day(Date::new(y, m, d).ok()?).ok()
}

/// The years `a` to `b`, at year grain.
fn years(a: i16, b: i16) -> Option<DateSpan> {
    DateSpan::range(PartialDate::year(a).ok()?, PartialDate::year(b).ok()?).ok()
}

fn single(p: PartialDate) -> Option<DateSpan> {
    Some(DateSpan::single(p))
}

/// Context a sentence gives its dates.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub published: Option<Date>,
    /// The sentence speaks of what is to come ("will", "is scheduled to"), so "Tuesday" is the next one.
    pub future: bool,
    /// The last day the text named before this sentence: what "four days earlier" counts from.
    pub anchor: Option<Date>,
}

impl Context {
    /// The year of a month or day given without one: the publication year, or the one before
    /// when that would put a past event after publication (a January article's "December 30").
    fn year_for(&self, month: i8, day: Option<i8>) -> Option<i16> {
        let p = self.published?;
        let (pm, pd) = (p.month(), p.day());
        let later = month > pm || (month == pm && day.is_some_and(|d| d > pd));
        let earlier = month < pm || (month == pm && day.is_some_and(|d| d < pd));
        Some(if later && !self.future {
            p.year() - 1
        } else if earlier && self.future {
            p.year() + 1
        } else {
            p.year()
        })
    }
}

/// Whether the clause a date stands in speaks of what is to come ("will meet Friday", "is
/// scheduled to end in September"): a future word before it in its clause, and no say-verb
/// nearer ("said Monday" is past whatever follows).
fn clause_future(toks: &[Token], i: usize) -> bool {
    let from = i.saturating_sub(30);
    for (k, t) in toks[from..i].iter().enumerate().rev().map(|(k, t)| (from + k, t)) {
        // "at Fort Hood, Texas in April": a comma between two names ends no clause.
        // But "in the Gulf, Navy officials decided in May" is two clauses: the name after the
        // comma must end there ("Texas in April", "Texas.").
        let in_name = t.is_punct(',')
            && k > 0
            && toks[k - 1].is_capitalized()
            && toks.get(k + 1).is_some_and(|n| n.is_capitalized() && n.kind == Kind::Word)
            && toks.get(k + 2).is_none_or(|n| n.kind != Kind::Word || n.is_any(&["in", "on", "at", "by", "during"]));
        if (t.is_punct(',') && !in_name) || t.is_punct(';') || t.is_punct(':') || t.has(super::tokens::class::SAY) {
            return false;
        }
        if t.has(super::tokens::class::FUTURE) {
            return true;
        }
    }
    false
}

/// Every date in a sentence's tokens. `cx.future` says the whole text speaks of what is to come;
/// otherwise each date's own clause decides.
pub fn find(toks: &[Token], cx: Context) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut i = 0;
    // "On Sept. 26 the unit, which had arrived four days earlier, attacked": a day named earlier
    // in the sentence anchors what counts from it, as one named in an earlier sentence does.
    let mut anchor = cx.anchor;
    while i < toks.len() {
        // Most words start no date: ask that first, before looking back over the clause.
        if !could_start(&toks[i]) {
            i += 1;
            continue;
        }
        // Whether the clause speaks of what is to come is asked only where a date stands: most
        // words that could start one ("the", "a") do not.
        let past = Context { anchor, ..cx };
        let found = at(toks, i, past).and_then(|m| {
            if !cx.future && clause_future(toks, i) {
                at(toks, i, Context { future: true, ..past })
            } else {
                Some(m)
            }
        });
        if let Some(m) = found {
            i = m.end;
            let told = m.start > 0 && toks[m.start - 1].has(super::tokens::class::SAY);
            if let Some(v) = m.value.filter(|v| !told && !v.is_range() && v.grain() == crate::model::Grain::Day) {
                anchor = Some(v.first_day());
            }
            out.push(m);
        } else {
            i += 1;
        }
    }
    merge_ranges(toks, out)
}

/// Words a date may start with, for [`super::tokens::class::DATE`] (numbers start dates too:
/// "6 January", "two days ago"): month and weekday names, and the words relative dates begin with.
pub fn starts() -> Vec<&'static str> {
    const RELATIVE: [&str; 32] = [
        "fiscal",
        "end",
        "beginning",
        "start",
        "middle",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "q1",
        "q2",
        "q3",
        "q4",
        "that",
        "weekend",
        "dec",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "tomorrow",
        "the",
        "last",
        "next",
        "this",
        "past",
        "earlier",
        "new",
        "on",
        "a",
        "an",
    ];
    let names = MONTHS.iter().map(|m| m.0).chain(WEEKDAYS.iter().chain(SHORT_WEEKDAYS.iter()).map(|d| d.0));
    names.chain(RELATIVE).collect()
}

/// A date that starts at token `i`.
/// Whether a date may begin at this token: a number, a word dates start with, or a hyphenated
/// form ("mid-January").
fn could_start(t: &Token) -> bool {
    use super::tokens::class::{DATE, HOLIDAY, NUMBER};
    !(t.kind == Kind::Punct
        || t.kind == Kind::Word
            && !t.has(DATE | NUMBER | HOLIDAY)
            && !t.text.starts_with(|c: char| c.is_ascii_digit())
            && !t.text.contains('-')
            && !t.text.starts_with("FY"))
}

fn at(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
    let t = &toks[i];
    if !could_start(t) {
        return None;
    }
    // "that" starts a date only as "that day", "that same day": asked first, as it is common.
    if t.is("that") && !toks.get(i + 1).is_some_and(|n| n.is_any(&["day", "same"])) {
        return None;
    }
    let found =
        |end: usize, value: Option<DateSpan>, relative: bool| Some(DateMention { start: i, end, value, relative });
    // Skip the period after an abbreviated month: "Jan. 6".
    let after_month = |j: usize| if toks.get(j).is_some_and(|t| t.is_punct('.')) { j + 1 } else { j };
    // A year after `j`, with or without a comma before it: (the year, one past it).
    let year_at = |j: usize| -> Option<(i16, usize)> {
        let comma = toks.get(j).is_some_and(|t| t.is_punct(','));
        let k = if comma { j + 1 } else { j };
        year_number(toks.get(k)).map(|y| (y, k + 1))
    };
    // "Tues 9th Aug, 2015", "Monday, Jan. 6": a weekday before a date is part of it.
    if any_weekday(t).is_some() && (t.is_capitalized() || t.text.len() <= 5) {
        let j = if toks.get(i + 1).is_some_and(|n| n.is_punct(',') || n.is_punct('.')) { i + 2 } else { i + 1 };
        if j < toks.len()
            && (month_of(&toks[j]).is_some()
                || day_number(Some(&toks[j])).is_some() && toks.get(j + 1).and_then(any_month).is_some())
        {
            if let Some(m) = at(toks, j, cx) {
                return found(m.end, m.value, m.relative);
            }
        }
    }
    if let Some(m) = month_of(t).or_else(|| any_month(t).filter(|_| year_at(i + 1).is_some() && t.text.len() > 3)) {
        let full = full_month(t);
        let j = after_month(i + 1);
        if j == i + 1 && !full && !toks.get(j).is_some_and(|n| n.kind == Kind::Number) {
            return None; // "Mar" without a period or number is not a month.
        }
        if let Some(d) = day_number(toks.get(j)) {
            // Month D[, YYYY]
            if let Some((y, end)) = year_at(j + 1) {
                return found(end, day(y, m, d).and_then(single), false);
            }
            // "Jan. 2-3", "Jan. 2 and 3"
            return found(j + 1, cx.year_for(m, Some(d)).and_then(|y| day(y, m, d)).and_then(single), true);
        }
        // Month YYYY: "September 2025", "May 2020".
        if let Some((y, end)) = year_at(j) {
            return found(end, PartialDate::month(y, m).ok().and_then(single), false);
        }
        if t.is("may") && !may_is_month(toks, i) {
            return None;
        }
        if !full {
            return None;
        }
        let value = cx.year_for(m, None).and_then(|y| PartialDate::month(y, m).ok()).and_then(single);
        return found(i + 1, value, true);
    }
    // D Month [YYYY], and "12-14 June 2021"
    if let Some(d) = day_number(Some(t)) {
        let (d2, mi) = match (toks.get(i + 1), day_number(toks.get(i + 2))) {
            (Some(sep), Some(d2)) if (sep.is_punct('-') || sep.is_punct('\u{2013}')) && d2 > d => (Some(d2), i + 3),
            _ => (None, i + 1),
        };
        // "the 6th of January": an ordinal day "of" its month.
        let of = d2.is_none() && t.kind == Kind::Word && toks.get(mi).is_some_and(|o| o.is("of"));
        let mi = if of { mi + 1 } else { mi };
        if let Some(m) = toks.get(mi).and_then(any_month).filter(|_| !of || full_month(&toks[mi])) {
            if !full_month(&toks[mi])
                && !toks.get(mi + 1).is_some_and(|n| n.is_punct('.') || n.is_punct(',') || n.kind == Kind::Number)
            {
                return None;
            }
            // A period after a month written in full ends the sentence ("on the 5th of May.")
            // unless a year follows it.
            let j = after_month(mi + 1);
            let (year, end, relative) = match year_at(j) {
                Some((y, end)) => (Some(y), end, false),
                None if full_month(&toks[mi]) => (cx.year_for(m, Some(d)), mi + 1, true),
                None => (cx.year_for(m, Some(d)), j, true),
            };
            let value = year.and_then(|y| {
                let first = day(y, m, d)?;
                match d2 {
                    Some(d2) => DateSpan::range(first, day(y, m, d2)?).ok(),
                    None => Some(DateSpan::single(first)),
                }
            });
            return found(end, value, relative);
        }
    }
    // A numeric date in American order with its year, 5/6/2024 or 05/06/2024: May 6 (as the
    // federal and news sources this reads write it). Not "24/7", and no year means no date; an
    // impossible one (2/30/2024) is none, and neither is its year (below).
    let touching = |k: usize| k > 0 && toks.get(k).is_some_and(|x| x.start == toks[k - 1].end);
    let slash = |k: usize| toks.get(k).is_some_and(|x| x.is_punct('/')) && touching(k);
    if t.kind == Kind::Number && !(i > 0 && slash(i - 1)) && slash(i + 1) && slash(i + 3) && touching(i + 4) {
        let number = |k: usize| day_number(toks.get(k).filter(|x| x.kind == Kind::Number && touching(k)));
        if let (Some(m), Some(d), Some(y)) = (day_number(Some(t)), number(i + 2), year_number(toks.get(i + 4))) {
            if let Some(v) = day(y, m, d) {
                return found(i + 5, Some(DateSpan::single(v)), false);
            }
        }
    }
    // An ISO date, 2024-12-25 (tokens: 2024 - 12 - 25).
    if t.is_four_digits()
        && toks.get(i + 1).is_some_and(|x| x.is_punct('-'))
        && toks.get(i + 3).is_some_and(|x| x.is_punct('-'))
    {
        let part = |k: usize| {
            toks.get(k).filter(|x| x.kind == Kind::Number && x.text.len() == 2).and_then(|x| x.text.parse::<i8>().ok())
        };
        if let (Some(y), Some(m), Some(d)) = (year_number(Some(t)), part(i + 2), part(i + 4)) {
            if let Some(v) = day(y, m, d) {
                return found(i + 5, Some(DateSpan::single(v)), false);
            }
        }
    }
    // A year: after a preposition ("in 2019", "since 2014"), or standing where a count could not
    // ("2014 was good"); never a count ("1500 people", "2,000 troops", "1500 were killed").
    if let Some(y) = year_number(Some(t)) {
        // The year of a numeric date that is none ("2/30/2024"): no year either.
        if i > 0 && slash(i - 1) {
            return None;
        }
        let prev = i.checked_sub(1).map(|p| &toks[p]);
        let prep = prev.is_some_and(|p| {
            p.is_any(&YEAR_PREPOSITIONS) || p.is_any(&["and", "to", "or"]) && i >= 2 && toks[i - 2].is_four_digits()
        });
        let next = toks.get(i + 1);
        let next_counts = next.is_some_and(|n| {
            n.kind == Kind::Word
                && !n.is_capitalized()
                // "the 2012 attack" is a year's: a count takes the plural ("2000 attacks").
                && (super::quantities::counted(n.text).is_some()
                    && (n.text.ends_with('s')
                        || n.is_any(&["children", "people", "personnel", "police", "men", "women", "staff", "militia"]))
                    || n.is_any(&[
                        "were", "are", "have", "of", "more", "other", "people", "killed", "dead", "wounded", "injured",
                        "times", "percent", "dollars",
                    ]))
        });
        let prev_counts = prev.is_some_and(|p| {
            p.is_punct('$')
                || p.is_any(&[
                    "about", "around", "some", "nearly", "over", "than", "least", "killed", "killing", "detained",
                    "captured", "of", "up", "to",
                ]) && !prep
        });
        let plausible = (1900..=2100).contains(&y);
        if (prep || (plausible && !prev_counts)) && !next_counts {
            // "1998-99", "the 2014–15 season": a span of years, the second written short.
            let short_end = toks
                .get(i + 2)
                .filter(|n| n.kind == Kind::Number && n.text.len() == 2 && touching(i + 1) && touching(i + 2));
            if let Some(n) = short_end.filter(|_| toks[i + 1].is_punct('-') || toks[i + 1].is_punct('\u{2013}')) {
                let end = n.text.parse::<i16>().ok().map(|nn| y - y % 100 + nn).filter(|&e| e > y);
                if let Some(e) = end {
                    return found(i + 3, years(y, e), false);
                }
            }
            return found(i + 1, PartialDate::year(y).ok().and_then(single), false);
        }
        return None;
    }
    relative(toks, i, cx)
}

/// "May" is the month only where a month can stand: after "in", "of", "since", "until",
/// "early", "late", "mid", "last", "next", "this".
fn may_is_month(toks: &[Token], i: usize) -> bool {
    i > 0
        && toks[i - 1].is_any(&[
            "in", "of", "since", "until", "early", "late", "mid", "last", "next", "this", "during", "through",
        ])
}

/// Words after "the following day", "the previous week" that make it count from something
/// other than the last day named ("the following week of talks", "the day after it fell").
const RELATING: &[&str] = &["of", "after", "before", "that", "when", "as", "than"];

fn resolved(cx: Context, f: impl FnOnce(Date) -> Option<DateSpan>) -> Option<DateSpan> {
    cx.published.and_then(f)
}

fn days(p: Date, from_back: i64, to_back: i64) -> Option<DateSpan> {
    let a = p.checked_sub(from_back.days()).ok()?;
    let b = p.checked_sub(to_back.days()).ok()?;
    let (a, b) = (PartialDate::day(a).ok()?, PartialDate::day(b).ok()?);
    if a == b {
        return Some(DateSpan::single(a));
    }
    DateSpan::range(a, b).ok()
}

fn month_back(p: Date, back: i32) -> Option<DateSpan> {
    let first = p.first_of_month().checked_sub(back.months()).ok()?;
    PartialDate::month(first.year(), first.month()).ok().map(DateSpan::single)
}

/// The calendar quarter `back` quarters before the one `p` is in, as its three months.
fn quarter_back(p: Date, back: i32) -> Option<DateSpan> {
    let first = p.first_of_month().checked_sub(((p.month() as i32 - 1) % 3).months()).ok()?;
    let first = first.checked_sub((3 * back).months()).ok()?;
    let last = first.checked_add(2.months()).ok()?;
    let month = |d: Date| PartialDate::month(d.year(), d.month()).ok();
    DateSpan::range(month(first)?, month(last)?).ok()
}

fn year_back(p: Date, back: i16) -> Option<DateSpan> {
    PartialDate::year(p.year().checked_sub(back)?).ok().map(DateSpan::single)
}

/// The Monday-to-Sunday week `back` weeks before the one `p` (the publication date, or a day
/// named) is in.
fn week_back(p: Date, back: i64) -> Option<DateSpan> {
    let monday = p.checked_sub((p.weekday().to_monday_zero_offset() as i64).days()).ok()?;
    let start = monday.checked_sub((7 * back).days()).ok()?;
    // "This week" in news is the week so far: it ends with the publication day.
    let end = start.checked_add(6.days()).ok()?.min(if back == 0 { p } else { Date::MAX });
    DateSpan::range(PartialDate::day(start).ok()?, PartialDate::day(end).ok()?).ok()
}

/// Relative dates: yesterday, today, weekdays, last week, this month, a decade ago…
/// An ordinal's number: "fifth" is 5, "25th" is 25 (up to the hundredth, as anniversaries go).
fn ordinal(word: &str) -> Option<i64> {
    let w = word.to_ascii_lowercase();
    if let Some(d) = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)) {
        if let Ok(n) = d.parse::<i64>() {
            return (1..=100).contains(&n).then_some(n);
        }
    }
    const UNITS: [&str; 9] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    const TEENS: [&str; 10] = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"];
    if let Some(k) = UNITS.iter().position(|u| *u == w) {
        return Some(k as i64 + 1);
    }
    if let Some(k) = TEENS.iter().position(|u| *u == w) {
        return Some(k as i64 + 10);
    }
    if w == "hundredth" {
        return Some(100);
    }
    // "twentieth", "twenty-fifth".
    let (tens, unit) = w.split_once('-').unwrap_or((&w, ""));
    let stem = tens.strip_suffix("ieth").or_else(|| tens.strip_suffix('y'))?;
    let t = TENS.iter().position(|p| *p == stem)? as i64;
    let u = if unit.is_empty() {
        if !tens.ends_with("ieth") {
            return None;
        }
        0
    } else {
        if tens.ends_with("ieth") {
            return None;
        }
        UNITS.iter().position(|x| *x == unit)? as i64 + 1
    };
    Some((t + 2) * 10 + u)
}

fn relative(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
    let t = &toks[i];
    let w = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word || t.kind == Kind::Number);
    let found = |end: usize, value: Option<DateSpan>| Some(DateMention { start: i, end, value, relative: true });
    if t.is("yesterday") {
        return found(i + 1, resolved(cx, |p| days(p, 1, 1)));
    }
    if t.is("today") || t.is("tonight") {
        return found(i + 1, resolved(cx, |p| days(p, 0, 0)));
    }
    // "were killed overnight", "Overnight, jets struck …", "an overnight raid": the night before
    // the report, from the day before publication to its day. Not "an overnight stay", "Peace
    // will not come overnight", "prices doubled overnight", and not where a day is named beside
    // it ("overnight Tuesday", "Monday overnight", "overnight on Saturday": that day's date).
    if t.is("overnight") {
        let next = toks.get(i + 1);
        let day = |k: usize| toks.get(k).is_some_and(|n| any_weekday(n).is_some() || month_of(n).is_some());
        let named_day = day(i + 1) || next.is_some_and(|n| n.is_any(&["on", "into"])) && day(i + 2);
        let adverb = next.is_none_or(|n| {
            n.kind == Kind::Punct
                || n.is_any(&["in", "at", "near", "and", "when", "after", "as", "across", "along", "on", "into"])
                || n.has(super::tokens::class::OUTCOME)
                || n.has(super::tokens::class::EVENT)
        });
        // "an overnight drone attack", "Overnight air raids": its noun within three words.
        let event = (i + 1..(i + 4).min(toks.len())).take_while(|&k| toks[k].kind == Kind::Word).any(|k| {
            toks[k].is_any(&[
                "raid",
                "raids",
                "attack",
                "attacks",
                "strike",
                "strikes",
                "airstrike",
                "airstrikes",
                "shelling",
                "bombardment",
                "fighting",
                "clashes",
                "assault",
                "operation",
                "operations",
                "battle",
            ])
        });
        let day_before = i > 0 && any_weekday(&toks[i - 1]).is_some();
        // Change that comes slowly, said not to come overnight; a stay overnight.
        let figurative = toks[i.saturating_sub(4)..i].iter().any(|w| {
            w.is_any(&[
                "not",
                "never",
                "n't",
                "won't",
                "will",
                "can",
                "could",
                "would",
                "cannot",
                "happen",
                "happened",
                "come",
                "change",
                "changed",
                "become",
                "became",
                "built",
                "doubled",
                "tripled",
                "stay",
                "stayed",
                "disappear",
                "disappeared",
                "vanish",
                "vanished",
                "transformed",
                "famous",
                "success",
            ])
        });
        if (adverb || event) && !named_day && !day_before && !figurative {
            return found(i + 1, resolved(cx, |p| days(p, 1, 0)));
        }
        return None;
    }
    // "the fifth anniversary of the attack", "the 25th anniversary of that bombing": the day
    // as many years before publication (statements of remembrance are issued on the day).
    if t.is("the") && w(i + 2).is_some_and(|a| a.is("anniversary")) {
        if let Some(n) = w(i + 1).and_then(|o| ordinal(o.text)) {
            return found(
                i + 3,
                resolved(cx, |p| {
                    let d = p.checked_sub(jiff::Span::new().years(n)).ok()?;
                    PartialDate::day(d).ok().map(DateSpan::single)
                }),
            );
        }
    }
    // "the day before yesterday", "the day after tomorrow"
    if t.is("the") && w(i + 1).is_some_and(|n| n.is("day")) {
        if w(i + 2).is_some_and(|n| n.is("before")) && w(i + 3).is_some_and(|n| n.is("yesterday")) {
            return found(i + 4, resolved(cx, |p| days(p, 2, 2)));
        }
        if w(i + 2).is_some_and(|n| n.is("after")) && w(i + 3).is_some_and(|n| n.is("tomorrow")) {
            return found(i + 4, resolved(cx, |p| days(p, -2, -2)));
        }
    }
    // "last Monday" is the one before publication, "next fri" the one after, whatever the tense.
    if t.is_any(&["last", "next", "this", "on"]) {
        if let Some(wd) = w(i + 1)
            .and_then(any_weekday)
            .filter(|_| !t.is("on") || toks[i + 1].is_capitalized() || toks[i + 1].text.len() > 3)
        {
            if !t.is("on") || weekday_of(&toks[i + 1]).is_none() {
                let dir = if t.is("next") {
                    1
                } else if t.is("last") {
                    -1
                } else if cx.future {
                    1
                } else {
                    0
                };
                return found(
                    i + 2,
                    resolved(cx, |p| {
                        let d = match dir {
                            1 => p.nth_weekday(1, wd).ok()?,
                            -1 => p.nth_weekday(-1, wd).ok()?,
                            _ if p.weekday() == wd => p,
                            _ => p.nth_weekday(-1, wd).ok()?,
                        };
                        PartialDate::day(d).ok().map(DateSpan::single)
                    }),
                );
            }
        }
    }
    if t.is("tomorrow") {
        return found(
            i + 1,
            resolved(cx, |p| p.checked_add(1.days()).ok().and_then(|d| PartialDate::day(d).ok()).map(DateSpan::single)),
        );
    }
    // Not a weekday inside another name, capitalised words on both sides: "the Good Friday
    // Agreement", "Black Friday Sale" (but "On Friday President Biden said", "Tuesday Jan. 6").
    let name_word = |n: &Token| {
        n.kind == Kind::Word && n.is_capitalized() && month_of(n).is_none() && !n.has(super::tokens::class::DATE)
    };
    let names_more = i > 0 && name_word(&toks[i - 1]) && toks.get(i + 1).is_some_and(name_word);
    if let Some(wd) = weekday_of(t).filter(|_| !names_more) {
        let future = cx.future;
        return found(
            i + 1,
            resolved(cx, |p| {
                let d = if future {
                    p.nth_weekday(1, wd).ok()?
                } else if p.weekday() == wd {
                    p
                } else {
                    p.nth_weekday(-1, wd).ok()?
                };
                PartialDate::day(d).ok().map(DateSpan::single)
            }),
        );
    }
    // "the weekend", "over the weekend", "last weekend", "this weekend": the Saturday and Sunday
    // before publication (up to it, if it falls on one), or the next in future tense.
    // (Not "a weekend curfew": a kind of day, not a date.)
    let weekend_at = if t.is_any(&["the", "this", "last"]) && w(i + 1).is_some_and(|n| n.is("weekend")) {
        Some(i + 1)
    } else if t.is("this") && w(i + 1).is_some_and(|n| n.is("past")) && w(i + 2).is_some_and(|n| n.is("weekend")) {
        // "this past weekend": the last one.
        Some(i + 2)
    } else {
        None
    };
    if let Some(k) = weekend_at {
        let future = cx.future && !t.is("last") && k == i + 1;
        return found(
            k + 1,
            resolved(cx, |p| {
                let sat = if future {
                    p.nth_weekday(1, Weekday::Saturday).ok()?
                } else if p.weekday() == Weekday::Saturday {
                    p
                } else {
                    p.nth_weekday(-1, Weekday::Saturday).ok()?
                };
                let sun = sat.checked_add(1.days()).ok()?;
                let end = if future { sun } else { sun.min(p) };
                let back = |d: Date| p.since(d).ok().map(|s| s.get_days() as i64);
                days(p, back(sat)?, back(end)?)
            }),
        );
    }
    // "that day", "the same day", "later that same day": the last day the text named (not "the
    // same day as the vote", "that day when…": a day some event names).
    if t.is_any(&["the", "that"]) {
        let k = if w(i + 1).is_some_and(|n| n.is("same")) { i + 2 } else { i + 1 };
        if (t.is("that") || k == i + 2)
            && w(k).is_some_and(|d| d.is("day"))
            && !w(k + 1).is_some_and(|n| n.is_any(&["as", "of", "that", "when", "in", "after", "before"]))
        {
            return found(k + 1, Some(DateSpan::single(PartialDate::day(cx.anchor?).ok()?)));
        }
    }
    // "the previous day", "the day before", "the following day", "the next day", "the day
    // after": a day from the last day the text named (not "the day before the attack").
    if t.is("the") {
        let (step, end) = match (w(i + 1), w(i + 2)) {
            (Some(a), Some(b)) if a.is_any(&["previous", "prior"]) && b.is("day") => (1, i + 3),
            (Some(a), Some(b)) if a.is_any(&["following", "next"]) && b.is("day") => (-1, i + 3),
            (Some(a), Some(b)) if a.is("day") && b.is("before") => (1, i + 3),
            (Some(a), Some(b)) if a.is("day") && b.is("after") => (-1, i + 3),
            _ => (0, i),
        };
        // "the following day(,) troops left" stands alone; "the day before the attack", "the
        // next day of talks", "the day after it fell" count from something else.
        let adjective = w(i + 1).is_some_and(|a| a.is_any(&["previous", "prior", "following", "next"]));
        let on_its_own = toks.get(end).is_none_or(|n| n.kind == Kind::Punct || adjective && !n.is_any(RELATING));
        if step != 0 && on_its_own {
            let anchor = cx.anchor?;
            return found(end, days(anchor, step, step));
        }
        // "the following week", "the previous month", "the prior year": the one before or after
        // the last day the text named.
        if let (Some(a), Some(unit)) = (w(i + 1), w(i + 2)) {
            let back = if a.is_any(&["previous", "prior", "preceding"]) {
                1
            } else if a.is("following") {
                -1
            } else {
                0
            };
            if back != 0 && toks.get(i + 3).is_none_or(|n| n.kind == Kind::Punct || !n.is_any(RELATING)) {
                if unit.is("week") {
                    return found(i + 3, week_back(cx.anchor?, i64::from(back)));
                }
                if unit.is("month") {
                    return found(i + 3, month_back(cx.anchor?, back));
                }
                if unit.is("year") {
                    return found(i + 3, year_back(cx.anchor?, back as i16));
                }
            }
        }
    }
    // "the 1990s": the decade's years.
    if let Some(decade) = t.text.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0')) {
        if let Ok(y) = decade.parse::<i16>() {
            if (1000..=2990).contains(&y) {
                let span = PartialDate::year(y).ok().zip(PartialDate::year(y + 9).ok());
                return found(i + 1, span.and_then(|(a, b)| DateSpan::range(a, b).ok()));
            }
        }
    }
    // "the end of the year", "the beginning of this month": that year or month (its end or start
    // is no grain a date here has).
    if t.is_any(&["end", "beginning", "start", "middle"])
        && w(i + 1).is_some_and(|o| o.is("of"))
        && w(i + 2).is_some_and(|d| d.is_any(&["the", "this"]))
    {
        if let Some(unit) = w(i + 3) {
            if unit.is("year") {
                return found(i + 4, resolved(cx, |p| year_back(p, 0)));
            }
            if unit.is("month") {
                return found(i + 4, resolved(cx, |p| month_back(p, 0)));
            }
        }
    }
    // "summer 2014", "the spring of 2003", "in the fall of 2019".
    let at_season = if t.is("the") { i + 1 } else { i };
    if let Some(sn) = toks.get(at_season).filter(|s| s.kind == Kind::Word).and_then(season) {
        let y_at = if w(at_season + 1).is_some_and(|o| o.is("of")) { at_season + 2 } else { at_season + 1 };
        if let Some(y) = year_number(toks.get(y_at)) {
            return found(y_at + 1, season_span(y, sn));
        }
    }
    // "mid-2015": that year.
    if let Some(y) = t.text.strip_prefix("mid-").or_else(|| t.text.strip_prefix("Mid-")) {
        // "mid-December", "mid-March 2019": that month (as "in December" is).
        if let Some(&(_, m)) = MONTHS[..12].iter().find(|(name, _)| y.eq_ignore_ascii_case(name)) {
            if let Some(year) = year_number(toks.get(i + 1)) {
                return found(i + 2, PartialDate::month(year, m).ok().and_then(single));
            }
            return found(i + 1, cx.year_for(m, None).and_then(|y| PartialDate::month(y, m).ok()).and_then(single));
        }
        if let Some(y) = y.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y) && y.to_string().len() == 4) {
            return found(i + 1, PartialDate::year(y).ok().map(DateSpan::single));
        }
        // "the mid-1990s": the decade (its middle is no grain a date here has).
        if let Some(y) =
            y.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0')).and_then(|d| d.parse::<i16>().ok())
        {
            if (1000..=2990).contains(&y) {
                let span = PartialDate::year(y).ok().zip(PartialDate::year(y + 9).ok());
                return found(i + 1, span.and_then(|(a, b)| DateSpan::range(a, b).ok()));
            }
        }
    }
    if let Some(m) = holiday_at(toks, i, cx) {
        return Some(m);
    }
    // "New Year's Day": the last January 1 on or before publication.
    // ("Year's" is two tokens, "Year" and "'s": a unit of the calendar in the possessive.)
    if t.is("new") && w(i + 1).is_some_and(|n| n.is("year")) && w(i + 2).is_some_and(|n| n.is("'s") || n.is("’s")) {
        let end = if w(i + 3).is_some_and(|n| n.is("day") || n.is("eve")) { i + 4 } else { i + 3 };
        let eve = w(i + 3).is_some_and(|n| n.is("eve"));
        return found(
            end,
            resolved(cx, |p| {
                let d = if eve { Date::new(p.year() - 1, 12, 31).ok()? } else { Date::new(p.year(), 1, 1).ok()? };
                PartialDate::day(d).ok().map(DateSpan::single)
            }),
        );
    }
    // "the third quarter", "the first half of 2023", "the first nine months of the year",
    // "third-quarter": a part of a year, as its months.
    if let Some(m) = year_part(toks, i, cx) {
        return Some(m);
    }
    if let Some(m) = fiscal_year(toks, i, cx) {
        return Some(m);
    }
    // "over the past week", "in the past 24 hours", "the past three days", "the last two months":
    // a span that ends on the publication day and starts that long before it, as a clock counts
    // back ("the past 24 hours" reach into the day before, "the past week" to the same weekday a
    // week before). Not "last week", "last year": those are the calendar's (below).
    let rolling = t.is("past") || (t.is("the") && w(i + 1).is_some_and(|n| n.is("past") || n.is("last")));
    // "over the next five years", "in the coming 48 hours" in a clause of what is to come: the
    // span that starts on the publication day. (In a story of the past, "the next two days"
    // count from its events, which no day here names.)
    let ahead = t.is("the")
        && w(i + 1).is_some_and(|n| n.is_any(&["next", "coming"]))
        && numbers::read(toks, i + 2).is_some()
        && (cx.future || clause_future(toks, i));
    if rolling || ahead {
        let j = if t.is("the") { i + 2 } else { i + 1 };
        let (count, k) = match numbers::read(toks, j) {
            // Whole counts only: "the past 1.5 years" is no span this reads.
            Some(n) if n.qualifier == crate::model::Qualifier::Exact && (1.0..=1000.0).contains(&n.value) => {
                if n.value.fract() != 0.0 {
                    return None;
                }
                (n.value as i64, n.end)
            }
            // "in past years", "over the last months": plural without a count is vague.
            None if w(j).is_some_and(|u| u.text.ends_with('s')) => return None,
            Some(_) => return None,
            None => (1, j),
        };
        let unit = w(k)?;
        // "the last week of December" is a week of December (not "the past week of fighting").
        if w(k + 1).is_some_and(|n| n.is("of"))
            && w(k + 2).is_some_and(|m| m.has(super::tokens::class::DATE) && m.is_capitalized())
        {
            return None;
        }
        // Only a unit makes it a span: "the past" alone, "the last time" are none.
        let span = if unit.is_any(&["day", "days"]) {
            count.days()
        } else if unit.is_any(&["hour", "hours"]) {
            ((count + 23) / 24).days()
        } else if unit.is_any(&["week", "weeks"]) {
            (7 * count).days()
        } else if unit.is_any(&["fortnight", "fortnights"]) {
            (14 * count).days()
        } else if unit.is_any(&["month", "months"]) {
            count.months()
        } else if unit.is_any(&["year", "years"]) {
            count.years()
        } else if unit.is_any(&["decade", "decades"]) {
            (10 * count).years()
        } else {
            return None;
        };
        return found(
            k + 1,
            resolved(cx, |p| {
                let (from, to) = if ahead { (p, p.checked_add(span).ok()?) } else { (p.checked_sub(span).ok()?, p) };
                DateSpan::range(PartialDate::day(from).ok()?, PartialDate::day(to).ok()?).ok()
            }),
        );
    }
    if t.is_any(&["this", "last", "next"]) || (t.is("earlier") && w(i + 1).is_some_and(|n| n.is("this"))) {
        let (k, j) = if t.is("earlier") { ("this", i + 2) } else { (t.text, i + 1) };
        let unit = w(j)?;
        // "the last week of December": a part of what comes after.
        if w(j + 1).is_some_and(|n| n.is("of")) {
            return None;
        }
        let n = match () {
            _ if k.eq_ignore_ascii_case("this") => 0,
            _ if k.eq_ignore_ascii_case("next") => -1,
            _ => 1,
        };
        if unit.is("week") {
            return found(j + 1, resolved(cx, |p| week_back(p, n)));
        }
        if unit.is("month") {
            return found(j + 1, resolved(cx, |p| month_back(p, n as i32)));
        }
        if unit.is("year") {
            return found(j + 1, resolved(cx, |p| year_back(p, n as i16)));
        }
        // "last quarter", "this quarter", "next quarter": the calendar's, as its months.
        if unit.is("quarter") {
            return found(j + 1, resolved(cx, |p| quarter_back(p, n as i32)));
        }
        // "last summer", "this spring", "next winter".
        if let Some(sn) = season(unit).filter(|_| !w(j + 1).is_some_and(|o| o.is("of"))) {
            return found(j + 1, resolved(cx, |p| season_span(season_year(p, sn, n as i8), sn)));
        }
        if unit.is("night") && k.eq_ignore_ascii_case("last") {
            return found(j + 1, resolved(cx, |p| days(p, 1, 1)));
        }
        if unit.is_any(&["morning", "afternoon", "evening"]) && k.eq_ignore_ascii_case("this") {
            return found(j + 1, resolved(cx, |p| days(p, 0, 0)));
        }
        return None;
    }
    // "two days ago", "a decade ago", "three years ago"
    if let Some(n) = numbers::read(toks, i).filter(|n| n.qualifier == crate::model::Qualifier::Exact).or_else(|| {
        (t.is("a") || t.is("an")).then_some(numbers::Number {
            start: i,
            end: i + 1,
            value: 1.0,
            qualifier: crate::model::Qualifier::Exact,
            spelled: true,
        })
    }) {
        let unit = w(n.end)?;
        // No relative date in news counts 10,000 of anything; past that the arithmetic below
        // could leave the calendar (or the integer) it is done in.
        if !(0.0..=10_000.0).contains(&n.value) {
            return None;
        }
        let count = n.value as i64;
        // "Four days earlier, six strikes targeted a camp": counted from the day named last.
        // Not "two days before the attack": that counts from an event no date names.
        if let Some(dir) = w(n.end + 1).filter(|a| a.is_any(&["earlier", "later", "before", "after"])) {
            let back = if dir.is_any(&["earlier", "before"]) { 1 } else { -1 };
            // "two days before the attack" counts from an event, "two days earlier than
            // planned" from a plan: neither is a day the text named.
            let next = toks.get(n.end + 2);
            if dir.is_any(&["before", "after"]) && next.is_some_and(|x| x.kind != Kind::Punct)
                || next.is_some_and(|x| x.is("than"))
            {
                return None;
            }
            let anchor = cx.anchor?;
            // "three months later", "two years earlier": that month or year, counted from the
            // day named last.
            if unit.is_any(&["month", "months"]) {
                let m = anchor.first_of_month().checked_sub((back * count).months()).ok()?;
                return found(n.end + 2, PartialDate::month(m.year(), m.month()).ok().map(DateSpan::single));
            }
            if unit.is_any(&["year", "years"]) {
                let y = anchor.year().checked_sub(i16::try_from(back * count).ok()?)?;
                return found(n.end + 2, PartialDate::year(y).ok().map(DateSpan::single));
            }
            let step = if unit.is_any(&["day", "days"]) {
                1
            } else if unit.is_any(&["week", "weeks"]) {
                7
            } else {
                return None;
            };
            return found(n.end + 2, days(anchor, back * step * count, back * step * count));
        }
        if !w(n.end + 1).is_some_and(|a| a.is("ago")) {
            return None;
        }
        // "Ten years ago yesterday", "five years ago today": that day, so many years back.
        if unit.is_any(&["year", "years"]) {
            if let Some(back) = w(n.end + 2).and_then(|d| {
                if d.is("yesterday") {
                    Some(1)
                } else if d.is("today") {
                    Some(0)
                } else {
                    None
                }
            }) {
                return found(
                    n.end + 3,
                    resolved(cx, |p| {
                        let d = p.checked_sub(jiff::Span::new().years(count).days(back)).ok()?;
                        PartialDate::day(d).ok().map(DateSpan::single)
                    }),
                );
            }
        }
        let value = if unit.is_any(&["day", "days"]) {
            resolved(cx, |p| days(p, count, count))
        } else if unit.is_any(&["week", "weeks"]) {
            resolved(cx, |p| days(p, 7 * count, 7 * count))
        } else if unit.is_any(&["fortnight", "fortnights"]) {
            resolved(cx, |p| days(p, 14 * count, 14 * count))
        } else if unit.is_any(&["month", "months"]) {
            resolved(cx, |p| month_back(p, count as i32))
        } else if unit.is_any(&["year", "years"]) {
            resolved(cx, |p| year_back(p, count as i16))
        } else if unit.is_any(&["decade", "decades"]) {
            resolved(cx, |p| year_back(p, 10 * count as i16))
        } else {
            return None;
        };
        return found(n.end + 2, value);
    }
    None
}

/// Where a clock time ending right before token `k` begins ("8 a.m.", "11 p.m."; the tokenizer
/// gives "a", ".", "m", "." apart), else `k`.
fn clock_before(toks: &[Token], k: usize) -> usize {
    let w = |j: usize| k.checked_sub(j).and_then(|i| toks.get(i));
    let dotted = w(1).is_some_and(|t| t.is_punct('.'))
        && w(2).is_some_and(|t| t.is("m"))
        && w(3).is_some_and(|t| t.is_punct('.'))
        && w(4).is_some_and(|t| t.is_any(&["a", "p"]))
        && w(5).is_some_and(|t| t.kind == Kind::Number);
    if dotted {
        k - 5
    } else {
        k
    }
}

/// Joins "Jan. 2 and Jan. 3", "from December 30 to Monday", "Jan. 2-3" into ranges.
fn merge_ranges(toks: &[Token], dates: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(dates.len());
    let mut k = 0;
    while k < dates.len() {
        let a = dates[k];
        // "Jan. 2-3" / "Jan. 2 and 3" / "Jan. 2 to 3": the second day borrows the month.
        if let Some(v) = a.value.filter(|v| v.grain() == crate::model::Grain::Day && !v.is_range()) {
            let sep = toks.get(a.end);
            let d2 = day_number(toks.get(a.end + 1));
            let next_is_month = toks.get(a.end + 2).is_some_and(|t| month_of(t).is_some());
            let joins =
                sep.is_some_and(|s| s.is_punct('-') || s.is_punct('\u{2013}') || s.is_any(&["and", "to", "through"]));
            if let Some(d2) = d2.filter(|_| joins && !next_is_month) {
                // "Feb. 12-15, 2024": the year after the second day is both days'.
                let comma = toks.get(a.end + 2).is_some_and(|t| t.is_punct(','));
                let at = if comma { a.end + 3 } else { a.end + 2 };
                let year = year_number(toks.get(at));
                let end = if year.is_some() { at + 1 } else { a.end + 2 };
                let from = v.first_day();
                let from = year.and_then(|y| Date::new(y, from.month(), from.day()).ok()).unwrap_or(from);
                if let Some(to) = Date::new(from.year(), from.month(), d2).ok().filter(|&t| t > from) {
                    if let (Ok(f), Ok(t)) = (PartialDate::day(from), PartialDate::day(to)) {
                        if let Ok(r) = DateSpan::range(f, t) {
                            out.push(DateMention {
                                start: a.start,
                                end,
                                value: Some(r),
                                relative: a.relative && year.is_none(),
                            });
                            // The year read here is no date of its own.
                            if year.is_some() && dates.get(k + 1).is_some_and(|b| b.start < end) {
                                k += 1;
                            }
                            k += 1;
                            continue;
                        }
                    }
                }
            }
        }
        if let Some(b) = dates.get(k + 1) {
            // "between 8 a.m. Friday and 8 a.m. Saturday": a clock time before each day is its hour.
            let between = &toks[a.end..clock_before(toks, b.start).max(a.end)];
            let joined = matches!(between, [s] if s.is_any(&["and", "to", "through", "until"]) || s.is_punct('-') || s.is_punct('\u{2013}'));
            // "Jan. 2 and Jan. 3" is a span of days; "June 5 and yesterday" two dates.
            let and = matches!(between, [s] if s.is("and"));
            let adjacent = match (a.value, b.value) {
                (Some(x), Some(y)) => x.last_day().tomorrow().is_ok_and(|d| d == y.first_day()),
                _ => false,
            };
            let a_start = clock_before(toks, a.start);
            let framed = a_start > 0 && toks[a_start - 1].is_any(&["between", "from"]);
            if joined && (!and || adjacent || framed) {
                // "from Jan. 1 to Jan. 5, 2020": the year the end gives is the start's too, when
                // the start gives none of its own.
                let a_value = match (a.value, b.value) {
                    (Some(x), Some(y)) if a.relative && !b.relative => {
                        let month = toks[a.start..a.end].iter().any(|t| month_of(t).is_some());
                        month.then(|| in_year_before(x, y)).flatten().or(a.value)
                    }
                    _ => a.value,
                };
                let value = match (a_value, b.value) {
                    (Some(x), Some(y)) => DateSpan::range(x.from(), y.to())
                        .ok()
                        // Only a month (and day) given no year: "from Monday through Friday" read
                        // on a Wednesday is no range that runs into next year.
                        .or_else(|| {
                            let month = toks[b.start..b.end].iter().any(|t| month_of(t).is_some());
                            (b.relative && month).then(|| in_year_after(x, y)).flatten()
                        }),
                    _ => None,
                };
                if let Some(v) = value {
                    out.push(DateMention {
                        start: a.start,
                        end: b.end,
                        value: Some(v),
                        relative: a.relative || b.relative,
                    });
                    k += 2;
                    continue;
                }
                if a.value.is_none() || b.value.is_none() {
                    out.push(DateMention { start: a.start, end: b.end, value: None, relative: true });
                    k += 2;
                    continue;
                }
            }
        }
        out.push(a);
        k += 1;
    }
    out
}

/// "From Jan. 1 to Jan. 5, 2020": the start, given no year, in the year of the end `y` (or the
/// one before, where it would fall after the end: "Dec. 28 to Jan. 3, 2020").
fn in_year_before(x: DateSpan, y: DateSpan) -> Option<DateSpan> {
    let (from, end) = (x.from(), y.from().first_day());
    let place = |year: i16| -> Option<PartialDate> {
        match from.grain() {
            Grain::Day => {
                PartialDate::day(Date::new(year, from.first_day().month(), from.first_day().day()).ok()?).ok()
            }
            Grain::Month => PartialDate::month(year, from.first_day().month()).ok(),
            Grain::Year => None,
        }
    };
    let moved = place(end.year()).filter(|m| m.first_day() <= end).or_else(|| place(end.year() - 1))?;
    Some(DateSpan::single(moved))
}

/// "From Jan. 3 through Jan. 9", read on Jan. 8: the end, given no year, was taken for last
/// year's Jan. 9, a day past; but a range ends after it starts, so the end is the first such day
/// or month after the start: the range `x` to `y`.
fn in_year_after(x: DateSpan, y: DateSpan) -> Option<DateSpan> {
    let (from, to) = (x.from(), y.to());
    let start = x.to().first_day();
    (start.year()..=start.year() + 1).find_map(|year| {
        let moved = match to.grain() {
            Grain::Day => PartialDate::day(Date::new(year, to.first_day().month(), to.first_day().day()).ok()?).ok()?,
            Grain::Month => PartialDate::month(year, to.first_day().month()).ok()?,
            Grain::Year => return None,
        };
        (moved.first_day() > start).then(|| DateSpan::range(from, moved).ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn dates(s: &str, published: &str, future: bool) -> Vec<(String, Option<String>)> {
        let toks = tokenize(s);
        let cx = Context { published: Some(published.parse().unwrap()), future, anchor: None };
        find(&toks, cx)
            .into_iter()
            .map(|m| (s[toks[m.start].start..toks[m.end - 1].end].to_string(), m.value.map(|v| v.to_string())))
            .collect()
    }

    fn one(s: &str, published: &str) -> Option<String> {
        let d = dates(s, published, false);
        assert_eq!(d.len(), 1, "{s}: {d:?}");
        d[0].1.clone()
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(one("said Jan. 6", "2025-01-07").as_deref(), Some("2025-01-06"));
        assert_eq!(one("on January 6, 2025, forces", "2025-03-01").as_deref(), Some("2025-01-06"));
        assert_eq!(one("on 6 January", "2025-03-01").as_deref(), Some("2025-01-06"));
        assert_eq!(one("on the 6th of January", "2025-03-01").as_deref(), Some("2025-01-06"));
        assert_eq!(one("the 21st of March 2016", "2025-03-01").as_deref(), Some("2016-03-21"));
        assert_eq!(one("end in September 2025.", "2025-01-07").as_deref(), Some("2025-09"));
        assert_eq!(one("defeated in 2019", "2025-01-07").as_deref(), Some("2019"));
        assert_eq!(one("On Jan. 2 and Jan. 3, the", "2025-01-07").as_deref(), Some("2025-01-02/2025-01-03"));
        assert_eq!(one("from December 30 to Monday", "2025-01-07").as_deref(), Some("2024-12-30/2025-01-06"));
        assert_eq!(one("between Jan. 21 and Feb. 12", "2026-02-13").as_deref(), Some("2026-01-21/2026-02-12"));
        assert_eq!(one("on Jan. 2-3", "2025-01-07").as_deref(), Some("2025-01-02/2025-01-03"));
        assert_eq!(one("in Mindanao, Feb. 12-15, 2023.", "2024-02-15").as_deref(), Some("2023-02-12/2023-02-15"));
        // A range runs on past the day of publication: its end is not last year's.
        assert_eq!(
            one("From Jan. 3 through Jan. 9 strikes hit", "2025-01-08").as_deref(),
            Some("2025-01-03/2025-01-09")
        );
        assert_eq!(one("from November to February, troops trained", "2025-01-08").as_deref(), Some("2024-11/2025-02"));
        // Weekdays are the past week's: two days, not a range into next year.
        let d = dates("strikes hit from Monday through Friday", "2025-01-08", false);
        assert!(d.iter().all(|(_, v)| v.as_deref().is_some_and(|v| !v.contains('/'))), "{d:?}");
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        // 2025-01-07 is a Tuesday.
        assert_eq!(one("said Monday", "2025-01-07").as_deref(), Some("2025-01-06"));
        assert_eq!(one("said Tuesday", "2025-01-07").as_deref(), Some("2025-01-07"));
        assert_eq!(dates("will meet Friday", "2025-01-07", true)[0].1.as_deref(), Some("2025-01-10"));
        assert_eq!(one("yesterday", "2025-01-07").as_deref(), Some("2025-01-06"));
        // The night before the report, as news says "overnight".
        assert_eq!(one("seven people were killed overnight.", "2025-01-07").as_deref(), Some("2025-01-06/2025-01-07"));
        assert_eq!(one("An overnight raid killed 11", "2025-01-07").as_deref(), Some("2025-01-06/2025-01-07"));
        assert!(dates("an overnight stay", "2025-01-07", false).is_empty());
        assert_eq!(
            one("between 8 a.m. Friday and 8 a.m. Saturday", "2015-06-20").as_deref(),
            Some("2015-06-19/2015-06-20")
        );
        assert!(dates("Peace will not come overnight.", "2025-01-07", false).is_empty());
        assert!(dates("Prices doubled overnight after the announcement.", "2025-01-07", false).is_empty());
        assert_eq!(one("An overnight drone attack killed 3", "2025-01-07").as_deref(), Some("2025-01-06/2025-01-07"));
        assert_eq!(one("attacked overnight Tuesday", "2025-01-08").as_deref(), Some("2025-01-07"));
        assert_eq!(one("last week", "2025-01-07").as_deref(), Some("2024-12-30/2025-01-05"));
        // A span counted back from publication, as a clock counts: the past week starts on the
        // same weekday a week before.
        assert_eq!(one("over the past week", "2025-01-07").as_deref(), Some("2024-12-31/2025-01-07"));
        assert_eq!(one("the past three days", "2025-01-07").as_deref(), Some("2025-01-04/2025-01-07"));
        assert_eq!(one("in the past month", "2014-12-18").as_deref(), Some("2014-11-18/2014-12-18"));
        assert_eq!(one("the last two months", "2017-07-26").as_deref(), Some("2017-05-26/2017-07-26"));
        assert_eq!(one("over the past year", "2014-12-29").as_deref(), Some("2013-12-29/2014-12-29"));
        assert_eq!(one("over the past decade", "2024-08-05").as_deref(), Some("2014-08-05/2024-08-05"));
        assert_eq!(one("in the past three years", "2019-08-14").as_deref(), Some("2016-08-14/2019-08-14"));
        assert_eq!(one("over past 48 hours", "2022-12-20").as_deref(), Some("2022-12-18/2022-12-20"));
        assert_eq!(one("the past month", "2025-03-31").as_deref(), Some("2025-02-28/2025-03-31"));
        assert_eq!(one("the last week of December", "2025-01-07").as_deref(), Some("2024-12"));
        assert!(dates("the last time", "2025-01-07", false).is_empty());
        // From a review: vague plurals and fractions are no span; "of" a month is.
        assert!(dates("In past years, militants", "2025-01-07", false).is_empty());
        assert!(dates("over the last months", "2025-01-07", false).is_empty());
        assert!(dates("in the past 1.5 years", "2025-01-07", false).is_empty());
        assert_eq!(one("During the past week of fighting", "2025-01-07").as_deref(), Some("2024-12-31/2025-01-07"));
        assert_eq!(one("this week", "2025-01-07").as_deref(), Some("2025-01-06/2025-01-07"));
        assert_eq!(one("On 2024-12-25 it happened", "2025-01-07").as_deref(), Some("2024-12-25"));
        assert_eq!(one("in the past 24 hours", "2024-09-03").as_deref(), Some("2024-09-02/2024-09-03"));
        assert_eq!(one("earlier this month", "2025-01-07").as_deref(), Some("2025-01"));
        // A range's year given once, at its end, is its start's too.
        assert_eq!(one("from Jan. 1 to Jan. 5, 2020", "2025-01-08").as_deref(), Some("2020-01-01/2020-01-05"));
        assert_eq!(one("from Dec. 28 to Jan. 3, 2020", "2025-01-08").as_deref(), Some("2019-12-28/2020-01-03"));
        // Years written short after a hyphen; a full month's period ends the sentence.
        assert_eq!(one("in 1998-99", "2025-01-08").as_deref(), Some("1998/1999"));
        assert_eq!(one("the 2014\u{2013}15 season", "2025-01-08").as_deref(), Some("2014/2015"));
        let toks = tokenize("It happened on the 5th of May.");
        let m = find(&toks, Context { published: Some("2025-01-08".parse().unwrap()), future: false, anchor: None });
        assert_eq!((toks[m[0].start].text, toks[m[0].end - 1].text), ("5th", "May"));
        // The U.S. government's fiscal year: October 1 of the year before to September 30.
        assert_eq!(one("418 migrants in Fiscal Year 2020", "2022-08-12").as_deref(), Some("2019-10-01/2020-09-30"));
        assert_eq!(one("the FY21 budget", "2022-08-12").as_deref(), Some("2020-10-01/2021-09-30"));
        assert_eq!(one("so far this fiscal year", "2022-10-12").as_deref(), Some("2022-10-01/2023-09-30"));
        assert!(dates("FYI, the fiscal cliff", "2022-08-12", false).is_empty());
        // From a review: a fiscal year over two years is another government's: both years.
        assert_eq!(one("in FY 2022-23", "2024-08-12").as_deref(), Some("2022/2023"));
        assert_eq!(one("in FY2022-23", "2024-08-12").as_deref(), Some("2022/2023"));
        assert_eq!(one("Britain's fiscal year 2023-24", "2024-08-12").as_deref(), Some("2023/2024"));
        assert_eq!(one("last month", "2025-01-07").as_deref(), Some("2024-12"));
        assert_eq!(one("this year", "2025-01-07").as_deref(), Some("2025"));
        assert_eq!(one("just a decade ago", "2025-01-07").as_deref(), Some("2015"));
        assert_eq!(one("two days ago", "2025-01-07").as_deref(), Some("2025-01-05"));
        assert_eq!(one("on New Year’s day", "2025-01-07").as_deref(), Some("2025-01-01"));
        assert_eq!(one("last year's elections", "2025-01-07").as_deref(), Some("2024"));
        assert_eq!(one("last week’s raid", "2025-01-07").as_deref(), Some("2024-12-30/2025-01-05"));
        assert_eq!(one("2019's attack", "2025-01-07").as_deref(), Some("2019"));
        assert_eq!(one("in March", "2025-01-07").as_deref(), Some("2024-03"));
        assert_eq!(one("in Saturday's fighting", "2016-04-10").as_deref(), Some("2016-04-09"));
        assert_eq!(one("after Friday\u{2019}s attack", "2016-04-10").as_deref(), Some("2016-04-08"));
        assert_eq!(one("yesterday's launch", "2017-03-06").as_deref(), Some("2017-03-05"));
        // 2020-03-11 is a Wednesday.
        assert_eq!(one("over the weekend", "2020-03-11").as_deref(), Some("2020-03-07/2020-03-08"));
        assert_eq!(one("over the weekend", "2020-03-08").as_deref(), Some("2020-03-07/2020-03-08"));
        assert_eq!(one("in the 1990s", "2020-03-11").as_deref(), Some("1990/1999"));
        assert_eq!(one("in mid-2015", "2020-03-11").as_deref(), Some("2015"));
        assert_eq!(one("in mid-December", "2020-03-11").as_deref(), Some("2019-12"));
        assert_eq!(one("in mid-July", "2020-08-11").as_deref(), Some("2020-07"));
        assert_eq!(one("in mid-May 2019", "2020-08-11").as_deref(), Some("2019-05"));
        assert_eq!(one("on the fifth anniversary of the attack", "2021-07-01").as_deref(), Some("2016-07-01"));
        assert_eq!(one("the twenty-fifth anniversary of", "2021-07-01").as_deref(), Some("1996-07-01"));
        assert_eq!(one("the twentieth anniversary of", "2021-07-01").as_deref(), Some("2001-07-01"));
        assert_eq!(one("the seventieth anniversary of", "2021-07-01").as_deref(), Some("1951-07-01"));
        assert_eq!(one("Ten years ago yesterday, 19 airmen were killed", "2006-06-26").as_deref(), Some("1996-06-25"));
        assert_eq!(one("Ten years ago, they came", "2006-06-26").as_deref(), Some("1996"));
        assert!(dates("the anniversary of the attack", "2021-07-01", false).is_empty());
        assert_eq!(one("in mid-March 2019", "2020-03-11").as_deref(), Some("2019-03"));
        assert_eq!(one("this past weekend", "2020-03-11").as_deref(), Some("2020-03-07/2020-03-08"));
        assert_eq!(one("in the mid-1990s", "2020-03-11").as_deref(), Some("1990/1999"));
        assert_eq!(one("by the end of the year", "2025-01-07").as_deref(), Some("2025"));
        assert_eq!(one("at the beginning of this month", "2025-01-07").as_deref(), Some("2025-01"));
        assert!(dates("the end of the operation", "2025-01-07", false).is_empty());
        // Seasons, as months.
        assert_eq!(one("in the spring of 2003", "2020-03-11").as_deref(), Some("2003-03/2003-05"));
        assert_eq!(one("during summer 2014", "2020-03-11").as_deref(), Some("2014-06/2014-08"));
        assert_eq!(one("last summer", "2025-01-07").as_deref(), Some("2024-06/2024-08"));
        assert_eq!(one("last summer", "2024-07-15").as_deref(), Some("2023-06/2023-08"));
        assert_eq!(one("last summer", "2024-10-01").as_deref(), Some("2024-06/2024-08"));
        assert_eq!(one("this winter", "2025-01-07").as_deref(), Some("2024-12/2025-02"));
        assert_eq!(one("last winter", "2025-01-07").as_deref(), Some("2023-12/2024-02"));
        assert_eq!(one("last winter", "2025-04-07").as_deref(), Some("2024-12/2025-02"));
        assert_eq!(one("next spring", "2025-01-07").as_deref(), Some("2025-03/2025-05"));
        assert_eq!(one("next spring", "2025-04-07").as_deref(), Some("2026-03/2026-05"));
        assert!(dates("the fall of Mosul", "2025-01-07", false).is_empty());
        assert_eq!(one("on Christmas Day", "2020-03-11").as_deref(), Some("2019-12-25"));
        assert_eq!(one("on Christmas Eve", "2020-12-30").as_deref(), Some("2020-12-24"));
        assert_eq!(one("on Christmas Day 2016", "2020-12-30").as_deref(), Some("2016-12-25"));
        assert!(dates("a weekend curfew", "2020-03-11", false).is_empty());
        assert!(dates("2000 children", "2020-03-11", false).is_empty());
    }

    #[test]
    fn false_friends_are_not_dates() {
        assert!(dates("ISIS may attempt a comeback", "2025-01-07", false).is_empty());
        assert!(dates("killed 1500 people", "2025-01-07", false).is_empty());
        assert!(dates("F-15s and F-16s flew 24/7", "2025-01-07", false).is_empty());
        assert!(dates("the second raid", "2025-01-07", false).is_empty());
        assert_eq!(one("in May 2023", "2025-01-07").as_deref(), Some("2023-05"));
        assert_eq!(one("during May", "2023-06-06").as_deref(), Some("2023-05"));
        assert!(dates("1500 were killed", "2025-01-07", false).is_empty());
        assert_eq!(one("2014 was good", "2025-01-07").as_deref(), Some("2014"));
        assert_eq!(one("the 2012 attack on its consulate", "2014-10-15").as_deref(), Some("2012"));
        assert!(dates("the 2000 attacks", "2014-10-15", false).is_empty());
        assert_eq!(one("May 2020 was", "2025-01-07").as_deref(), Some("2020-05"));
        assert_eq!(one("on 22 May", "2017-06-15").as_deref(), Some("2017-05-22"));
        assert_eq!(one("on 25th march 2015", "2017-06-15").as_deref(), Some("2015-03-25"));
        assert_eq!(one("12-14 June 2021", "2021-07-01").as_deref(), Some("2021-06-12/2021-06-14"));
        assert_eq!(one("last fri", "2026-09-23").as_deref(), Some("2026-09-18"));
        assert_eq!(one("Tues 9th Aug, 2015", "2016-01-01").as_deref(), Some("2015-08-09"));
        assert_eq!(dates("June 5 and yesterday", "2026-09-23", false).len(), 2);
    }

    #[test]
    fn without_publication_relative_dates_stay_open() {
        let toks = tokenize("said Tuesday");
        let m = find(&toks, Context { published: None, future: false, anchor: None });
        assert_eq!(m.len(), 1);
        assert!(m[0].value.is_none() && m[0].relative);
    }

    /// "Four days earlier" counts from the day the text named last; with none, it is no date.
    #[test]
    fn days_earlier_count_from_the_last_day_named() {
        let toks = tokenize("Four days earlier, six strikes hit. Two days later the raid began.");
        let anchor = Some("2017-09-26".parse().unwrap());
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        // Each counted day is the next one's anchor: two days after the 22nd.
        assert_eq!(got, ["2017-09-22", "2017-09-24"]);
        let toks = tokenize("Three months later, the town fell. Two years earlier, it had been taken.");
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, ["2017-12", "2015"]);
        assert!(find(&toks, Context { published: None, future: false, anchor: None }).is_empty());
        // Counted from an event no date names: not a date.
        assert!(find(&tokenize("two days before the attack"), Context { published: None, future: false, anchor })
            .is_empty());
        assert!(find(
            &tokenize("arrived two days earlier than planned"),
            Context { published: None, future: false, anchor }
        )
        .is_empty());
        // "The previous day", "the following day", "the day before": one day from the anchor.
        let toks =
            tokenize("Two were hurt the previous day. The raid ended the following day. It began the day before.");
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, ["2017-09-25", "2017-09-26", "2017-09-25"]);
        assert!(
            find(&tokenize("the day before the attack"), Context { published: None, future: false, anchor }).is_empty()
        );
        // No comma needed after "the next day"; but "the next day of talks" is not one.
        let cx = Context { published: None, future: false, anchor };
        assert_eq!(find(&tokenize("The next day troops withdrew."), cx).len(), 1);
        assert!(find(&tokenize("on the next day of talks"), cx).is_empty());
        // Anchored on a day named earlier in the same sentence.
        let toks = tokenize("On Sept. 26, 2017 the unit, which had arrived four days earlier, attacked.");
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor: None })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, ["2017-09-26", "2017-09-22"]);
        // Counts past any calendar are no date, and no panic.
        for s in ["10,000,000 days earlier, it began.", "99999999999999 years ago", "5000000 decades ago"] {
            let cx = Context { published: Some("2017-09-29".parse().unwrap()), future: false, anchor };
            assert!(find(&tokenize(s), cx).iter().all(|m| m.value.is_none()), "{s}");
        }
    }

    /// Holidays fall where their rule puts them in the year publication or the text gives.
    #[test]
    fn holidays_fall_on_their_days() {
        // 2025-01-08 is a Wednesday: the last of each is in 2024 (Easter 2024: March 31).
        for (s, want) in [
            ("on Christmas", "2024-12-25"),
            ("Christmas Eve 2016", "2016-12-24"),
            ("on Thanksgiving", "2024-11-28"),
            ("Thanksgiving Day 2023", "2023-11-23"),
            ("Memorial Day", "2024-05-27"),
            ("Labor Day weekend", "2024-09-02"),
            ("Veterans' Day", "2024-11-11"),
            ("Easter Sunday", "2024-03-31"),
            ("on Easter 2019", "2019-04-21"),
            ("Easter Monday 2019", "2019-04-22"),
            ("Good Friday", "2024-03-29"),
        ] {
            assert_eq!(one(s, "2025-01-08").as_deref(), Some(want), "{s}");
        }
        // In future tense, the next one.
        assert_eq!(dates("will meet on Christmas", "2025-01-08", false)[0].1.as_deref(), Some("2025-12-25"));
        // A holiday's name used for a thing, or written in lowercase, is no holiday.
        for s in ["a Christmas market", "Thanksgiving dinner", "a memorial day", "a good friday", "Christmas Island"] {
            assert!(dates(s, "2025-01-08", false).is_empty(), "{s}");
        }
    }

    /// Numeric dates in American order need their year; a quarter or half is its months.
    #[test]
    fn numeric_dates_and_parts_of_a_year() {
        assert_eq!(one("on 5/6/2024", "2025-01-08").as_deref(), Some("2024-05-06"));
        assert_eq!(one("05/06/2024", "2025-01-08").as_deref(), Some("2024-05-06"));
        assert!(dates("open 24/7", "2025-01-08", false).is_empty());
        for (s, want) in [
            ("in the third quarter", "2024-07/2024-09"),
            ("the first quarter of 2024", "2024-01/2024-03"),
            ("the first half of 2023", "2023-01/2023-06"),
            ("the fourth quarter of last year", "2024-10/2024-12"),
            ("third-quarter profits", "2024-07/2024-09"),
            ("in Q3 2024", "2024-07/2024-09"),
            ("the first nine months of 2024", "2024-01/2024-09"),
        ] {
            assert_eq!(one(s, "2025-01-08").as_deref(), Some(want), "{s}");
        }
        // The calendar's quarter before, of, or after publication.
        assert_eq!(one("profits fell last quarter", "2025-01-08").as_deref(), Some("2024-10/2024-12"));
        assert_eq!(one("sales this quarter", "2025-05-08").as_deref(), Some("2025-04/2025-06"));
        assert_eq!(one("next quarter", "2025-11-08").as_deref(), Some("2026-01/2026-03"));
        // A weekday that begins another name is none.
        assert!(dates("the Good Friday Agreement", "2025-01-08", false).is_empty());
        assert_eq!(one("On Friday President Biden said", "2025-01-08").as_deref(), Some("2025-01-03"));
        assert_eq!(one("said Friday Iraqi forces", "2025-01-08").as_deref(), Some("2025-01-03"));
        // A part of something else, or a half or count of months with no year to be of.
        for s in [
            "the second half of the century",
            "the first quarter of the game",
            "Iraqi forces scored in the first half.",
            "spent the first three months training",
        ] {
            assert!(dates(s, "2025-01-08", false).is_empty(), "{s}");
        }
        // A quarter without a year: the last one over, or the next to end in a future clause.
        assert_eq!(one("profits fell in the third quarter", "2025-08-01").as_deref(), Some("2024-07/2024-09"));
        assert_eq!(
            dates("will rise in the third quarter", "2025-08-01", false)[0].1.as_deref(),
            Some("2025-07/2025-09")
        );
        // Impossible numeric dates are none, and their year is no year either.
        for s in ["on 2/30/2024", "13/40/2024", "10/5/6/2024"] {
            assert!(dates(s, "2025-01-08", false).is_empty(), "{s}");
        }
    }

    /// "The following week" counts from the last day named; "the next five years" from
    /// publication, only where the clause speaks of what is to come.
    #[test]
    fn weeks_months_and_years_around_a_day() {
        let anchor = Some("2025-01-03".parse().unwrap());
        let toks = tokenize("The following week troops came. The previous month, they left. The prior year.");
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, ["2025-01-06/2025-01-12", "2024-12", "2024"]);
        let toks = tokenize("Later that day, a bomb went off. On the same day, two died. The same day as the vote.");
        let got: Vec<String> = find(&toks, Context { published: None, future: false, anchor })
            .into_iter()
            .map(|m| m.value.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(got, ["2025-01-03", "2025-01-03"]);
        assert!(find(&toks, Context { published: None, future: false, anchor: None }).is_empty());
        assert_eq!(one("will grow over the next five years", "2025-01-08").as_deref(), Some("2025-01-08/2030-01-08"));
        assert!(dates("Over the next two days, troops advanced.", "2025-01-08", false).is_empty());
    }

    /// A comma inside a place name ("Fort Hood, Texas") does not end the future clause.
    #[test]
    fn a_place_name_comma_keeps_the_tense() {
        let d = dates("Soldiers will deploy after training at Fort Hood, Texas in April.", "2008-09-30", false);
        assert_eq!(d, [("April".to_string(), Some("2009-04".to_string()))]);
        let d = dates("Soldiers trained, and in April they left.", "2008-09-30", false);
        assert_eq!(d, [("April".to_string(), Some("2008-04".to_string()))]);
        let d = dates("The carrier will remain in the Gulf, Navy officials decided in May.", "2008-09-30", false);
        assert_eq!(d, [("May".to_string(), Some("2008-05".to_string()))]);
    }
}
