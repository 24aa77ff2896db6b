//! The calendar's named spans: seasons, holidays and parts of a year ("last summer",
//! "Thanksgiving", "the third quarter"), as the days or months they cover.

use super::*;

/// A season's months, as the northern hemisphere's news means them: (first, last); winter runs
/// from December into the next year's February.
pub(super) fn season(t: &Token) -> Option<(i8, i8)> {
    match t.text.to_ascii_lowercase().as_str() {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "fall" | "autumn" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

/// The season that starts in `year`, as a range of months.
pub(super) fn season_span(year: i16, (first, last): (i8, i8)) -> Option<DateSpan> {
    let end_year = if last < first { year.checked_add(1)? } else { year };
    DateSpan::range(PartialDate::month(year, first).ok()?, PartialDate::month(end_year, last).ok()?).ok()
}

/// "last summer" (`which` 1), "this spring" (0), "next winter" (-1), said on `p`: the year that
/// season starts in. Last: the latest one over before `p`'s month; this: the one `p` is in, else
/// this year's; next: the first one to start after `p`'s month.
pub(super) fn season_year(p: Date, (first, last): (i8, i8), which: i8) -> i16 {
    let (y, m) = (p.year(), p.month());
    let winter = last < first;
    // Between seasons' ends and starts: for winter, spring to fall.
    let between = m > last && m < first;
    let this = if winter && m <= last { y - 1 } else { y };
    match which {
        0 => this,
        1 if winter => {
            if between {
                y - 1
            } else {
                this - 1
            }
        }
        1 => {
            if m > last {
                y
            } else {
                y - 1
            }
        }
        _ if winter => {
            if between {
                y
            } else {
                this + 1
            }
        }
        _ => {
            if m < first {
                y
            } else {
                y + 1
            }
        }
    }
}

/// How a holiday falls in a year.
#[derive(Debug, Clone, Copy)]
enum Holiday {
    /// Month and day.
    Fixed(i8, i8),
    /// The nth (from the end when negative) weekday of a month.
    Nth(i8, i8, Weekday),
    /// Days from Easter Sunday.
    Easter(i64),
}

impl Holiday {
    fn on(self, y: i16) -> Option<Date> {
        match self {
            Holiday::Fixed(m, d) => Date::new(y, m, d).ok(),
            Holiday::Nth(m, n, wd) => Date::new(y, m, 1).ok()?.nth_weekday_of_month(n, wd).ok(),
            Holiday::Easter(off) => easter(y)?.checked_add(off.days()).ok(),
        }
    }
}

/// Holidays by their words (lowercase; an apostrophe between them is skipped: "Veterans' Day")
/// and how they fall: the fixed days, the American ones fixed by weekday, and Easter's. A name of
/// one word counts only after a preposition of time ("on Thanksgiving", not "Thanksgiving
/// dinner"). Longer names come before the shorter they begin with.
const HOLIDAYS: [(&[&str], Holiday); 14] = [
    (&["christmas", "eve"], Holiday::Fixed(12, 24)),
    (&["christmas", "day"], Holiday::Fixed(12, 25)),
    (&["christmas"], Holiday::Fixed(12, 25)),
    (&["thanksgiving", "day"], Holiday::Nth(11, 4, Weekday::Thursday)),
    (&["thanksgiving"], Holiday::Nth(11, 4, Weekday::Thursday)),
    (&["memorial", "day"], Holiday::Nth(5, -1, Weekday::Monday)),
    (&["labor", "day"], Holiday::Nth(9, 1, Weekday::Monday)),
    (&["veterans", "day"], Holiday::Fixed(11, 11)),
    (&["veteran's", "day"], Holiday::Fixed(11, 11)),
    (&["veteran’s", "day"], Holiday::Fixed(11, 11)),
    (&["easter", "sunday"], Holiday::Easter(0)),
    (&["easter", "monday"], Holiday::Easter(1)),
    (&["easter"], Holiday::Easter(0)),
    (&["good", "friday"], Holiday::Easter(-2)),
];

/// The first words of holidays' names, for [`crate::extract::tokens::class::HOLIDAY`]: a
/// date's possible start to the date recogniser only, so "Labor Department" stays a name to
/// the others.
pub fn holiday_starts() -> Vec<&'static str> {
    HOLIDAYS.iter().map(|(words, _)| words[0]).collect()
}

/// A holiday named at token `i`: one past its last word, and how it falls. Its words are
/// capitalised, and no capitalised word goes on after them: "Good Friday Agreement", "Easter
/// Rising", "Christmas Island" are names of other things.
fn holiday(toks: &[Token], i: usize) -> Option<(usize, Holiday)> {
    if !toks[i].is_capitalized() {
        return None;
    }
    let alone = i > 0
        && toks[i - 1].is_any(&["on", "at", "over", "since", "before", "after", "until", "by", "during"])
        && toks.get(i + 1).is_none_or(|n| {
            n.kind != Kind::Word || n.is_any(&["and", "or", "when", "morning", "night", "evening", "afternoon"])
        });
    HOLIDAYS.iter().find_map(|&(words, h)| {
        let mut k = i;
        for (n, word) in words.iter().enumerate() {
            if n > 0 && toks.get(k).is_some_and(|a| a.is_punct('\'') || a.is_punct('\u{2019}')) {
                k += 1;
            }
            toks.get(k).filter(|t| t.kind == Kind::Word && t.is(word) && t.is_capitalized())?;
            k += 1;
        }
        if words.len() == 1 && !alone {
            return None;
        }
        let named_on = toks.get(k).is_some_and(|n| {
            n.kind == Kind::Word && n.is_capitalized() && month_of(n).is_none() && any_weekday(n).is_none()
        });
        (!named_on).then_some((k, h))
    })
}

/// Easter Sunday of a year in the Gregorian calendar (the anonymous Gregorian computus).
fn easter(y: i16) -> Option<Date> {
    let y32 = i32::from(y);
    let (a, b, c) = (y32 % 19, y32 / 100, y32 % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// A part of a year at token `i`: "the third quarter" (and "third-quarter", "Q3"), "the first
/// half of 2023", "the first nine months of the year", with "of 2023", "of the year", "of this
/// year", "of last year", or a year after it. A quarter may stand without a year (then the last
/// one over, or the next in a clause of what is to come, as financial news means it); a half or
/// a count of months needs one ("scored in the first half", "spent the first three months
/// training" are no dates). As its months: no grain here is a quarter.
pub(super) fn year_part(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
    let w = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word || t.kind == Kind::Number);
    let t = &toks[i];
    // "first" to "fourth" (and "final", of quarters): which part.
    let nth = |word: &str| -> Option<i8> {
        let n = if word.eq_ignore_ascii_case("final") { 4 } else { ordinal(word)? };
        (1..=4).contains(&n).then_some(n as i8)
    };
    let quarter = |q: i8| (3 * q - 2, 3 * q);
    // (first month, last month, one past the words, whether a year must follow).
    let (first, last, mut k, needs_year) = if let [b'q' | b'Q', q @ b'1'..=b'4'] = t.text.as_bytes() {
        let (a, b) = quarter((q - b'0') as i8);
        (a, b, i + 1, false)
    } else if let Some((n, q)) = t.text.split_once('-') {
        // "third-quarter profits".
        let (a, b) = quarter(nth(n).filter(|_| q.eq_ignore_ascii_case("quarter"))?);
        (a, b, i + 1, false)
    } else if t.is("the") {
        // The words after "the" asked before the ordinal is read: "the" is common, and few of
        // its phrases are parts of a year.
        let (o, unit) = (w(i + 1)?, w(i + 2)?);
        let n = if unit.is_any(&["quarter", "half"]) || o.is("first") { nth(o.text) } else { None };
        match n {
            Some(n) if unit.is("quarter") => {
                let (a, b) = quarter(n);
                (a, b, i + 3, false)
            }
            Some(n) if unit.is("half") && n <= 2 => (6 * n - 5, 6 * n, i + 3, true),
            // "the first nine months", "the first 6 months".
            Some(1) => {
                let count = numbers::read(toks, i + 2).filter(|c| c.qualifier == crate::model::Qualifier::Exact)?;
                if !(2.0..=11.0).contains(&count.value) || count.value.fract() != 0.0 || !w(count.end)?.is("months") {
                    return None;
                }
                (1, count.value as i8, count.end + 1, true)
            }
            _ => return None,
        }
    } else {
        return None;
    };
    // Its year: a numeral (not relative), or counted from publication.
    let (year, relative) = if w(k).is_some_and(|o| o.is("of")) {
        if let Some(y) = year_number(toks.get(k + 1)) {
            k += 2;
            (Some(y), false)
        } else {
            // "of the year", "of this year", "of last year", "of next year"; nothing else: "the
            // second half of the century", "the first quarter of the game" are of no year.
            let (d, u) = (w(k + 1)?, w(k + 2)?);
            let back = match () {
                _ if d.is_any(&["the", "this"]) => 0,
                _ if d.is("last") => 1,
                _ if d.is("next") => -1,
                _ => return None,
            };
            if !u.is("year") {
                return None;
            }
            k += 3;
            (cx.published.and_then(|p| p.year().checked_sub(back)), true)
        }
    } else if let Some(y) = year_number(toks.get(k)) {
        // "the fourth quarter 2024".
        k += 1;
        (Some(y), false)
    } else if needs_year {
        return None;
    } else {
        // The last such quarter over (one not yet over is no past), or the next to end.
        (cx.year_for(last, None), true)
    };
    let value = year.and_then(|y| {
        let (a, b) = (PartialDate::month(y, first).ok()?, PartialDate::month(y, last).ok()?);
        DateSpan::range(a, b).ok()
    });
    Some(DateMention { start: i, end: k, value, relative })
}

/// The U.S. government's fiscal year at token `i`, as federal texts count it, October 1 of the
/// year before to September 30: "Fiscal Year 2021", "fiscal 2021", "FY2021", "FY 2021", "FY21",
/// and "this fiscal year", "last fiscal year", "next fiscal year" counted from publication. (Other
/// governments' years start in other months; a text that names one of them is still read the
/// U.S. way, which the README says.)
pub(super) fn fiscal_year(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
    let w = |j: usize| toks.get(j).filter(|t| t.kind == Kind::Word || t.kind == Kind::Number);
    let t = &toks[i];
    // Two digits are this century's up to 50 ("FY21"), else the last ("FY99").
    let short = |digits: &str| -> Option<i16> {
        let n: i16 = digits.parse().ok()?;
        match digits.len() {
            2 => Some(if n <= 50 { 2000 + n } else { 1900 + n }),
            4 if (1900..=2999).contains(&n) => Some(n),
            _ => None,
        }
    };
    let (year, end, relative) = if t.is("fiscal") {
        let k = if w(i + 1).is_some_and(|y| y.is("year")) { i + 2 } else { i + 1 };
        let y = year_number(toks.get(k))?;
        // "fiscal year 2022-23", "FY 2019-20": a year that spans two, as governments other than
        // the U.S. count it (India's, Britain's, Australia's start in April or July): both years,
        // no month guessed.
        if let Some(m) = two_years(toks, k, y) {
            return Some(DateMention { start: i, ..m });
        }
        (y, k + 1, false)
    } else if let Some(rest) = t.text.strip_prefix("FY") {
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        if rest.is_empty() {
            let y = year_number(toks.get(i + 1))?;
            if let Some(m) = two_years(toks, i + 1, y) {
                return Some(DateMention { start: i, ..m });
            }
            (y, i + 2, false)
        } else if rest.bytes().all(|b| b.is_ascii_digit()) {
            let y = short(rest)?;
            if let Some(m) = two_years(toks, i, y) {
                return Some(DateMention { start: i, ..m });
            }
            (y, i + 1, false)
        } else if let Some((a, b)) = rest.split_once('-') {
            // "FY2022-23", one word: the two years.
            let y = short(a)?;
            let e = year_after(y, b)?;
            return Some(DateMention { start: i, end: i + 1, value: years(y, e), relative: false });
        } else {
            return None;
        }
    } else if t.is_any(&["this", "last", "next"]) && w(i + 1)?.is("fiscal") && w(i + 2)?.is("year") {
        let p = cx.published?;
        let current = p.year() + i16::from(p.month() >= 10);
        let year = match () {
            _ if t.is("this") => current,
            _ if t.is("last") => current - 1,
            _ => current + 1,
        };
        (year, i + 3, true)
    } else {
        return None;
    };
    let value = day(year - 1, 10, 1).zip(day(year, 9, 30)).and_then(|(a, b)| DateSpan::range(a, b).ok());
    Some(DateMention { start: i, end, value, relative })
}

/// "2022-23" after the year `y` at token `k`: the two years, as a span of years (a fiscal year
/// that is not the U.S. government's).
fn two_years(toks: &[Token], k: usize, y: i16) -> Option<DateMention> {
    let (sep, n) = (toks.get(k + 1)?, toks.get(k + 2)?);
    let touching = sep.start == toks[k].end && n.start == sep.end;
    if !(sep.is_punct('-') || sep.is_punct('\u{2013}')) || n.kind != Kind::Number || !touching {
        return None;
    }
    let e = year_after(y, n.text)?;
    Some(DateMention { start: k, end: k + 3, value: years(y, e), relative: false })
}

/// The year after `y` written with its last two digits ("23" after 2022, "00" after 1999).
fn year_after(y: i16, digits: &str) -> Option<i16> {
    if digits.len() != 2 {
        return None;
    }
    let e = y - y % 100 + digits.parse::<i16>().ok()?;
    let e = if e <= y { e + 100 } else { e };
    (e == y + 1).then_some(e)
}

/// Holidays news dates events by ("Christmas Day", "on Thanksgiving", "Memorial Day 2019",
/// "Easter Sunday") at token `i`: that year's when a year follows, else the last one on or
/// before publication (the next in future tense).
pub(super) fn holiday_at(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
    let (end, on) = holiday(toks, i)?;
    let found =
        |end: usize, value: Option<DateSpan>, relative: bool| Some(DateMention { start: i, end, value, relative });
    if let Some(y) = year_number(toks.get(end)) {
        return found(end + 1, on.on(y).and_then(|d| PartialDate::day(d).ok()).map(DateSpan::single), false);
    }
    let future = cx.future;
    let value = resolved(cx, |p| {
        let this_year = on.on(p.year())?;
        let d = if future && this_year >= p || !future && this_year <= p {
            this_year
        } else if future {
            on.on(p.year() + 1)?
        } else {
            on.on(p.year() - 1)?
        };
        PartialDate::day(d).ok().map(DateSpan::single)
    });
    found(end, value, true)
}
