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
mod relative;

pub use calendar::holiday_starts;
use calendar::*;
use relative::*;

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
