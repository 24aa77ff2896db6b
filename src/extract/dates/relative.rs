//! Dates told relative to the publication date or to a date told before: "yesterday", "on
//! Tuesday", "last week", "over the past week", "earlier this month", "a decade ago", "three
//! years ago", "the following day", "two days later", "the weekend", "overnight".

use super::*;

/// Words after "the following day", "the previous week" that make it count from something
/// other than the last day named ("the following week of talks", "the day after it fell").
pub(super) const RELATING: &[&str] = &["of", "after", "before", "that", "when", "as", "than"];

pub(super) fn resolved(cx: Context, f: impl FnOnce(Date) -> Option<DateSpan>) -> Option<DateSpan> {
    cx.published.and_then(f)
}

pub(super) fn days(p: Date, from_back: i64, to_back: i64) -> Option<DateSpan> {
    let a = p.checked_sub(from_back.days()).ok()?;
    let b = p.checked_sub(to_back.days()).ok()?;
    let (a, b) = (PartialDate::day(a).ok()?, PartialDate::day(b).ok()?);
    if a == b {
        return Some(DateSpan::single(a));
    }
    DateSpan::range(a, b).ok()
}

pub(super) fn month_back(p: Date, back: i32) -> Option<DateSpan> {
    let first = p.first_of_month().checked_sub(back.months()).ok()?;
    PartialDate::month(first.year(), first.month()).ok().map(DateSpan::single)
}

/// The calendar quarter `back` quarters before the one `p` is in, as its three months.
pub(super) fn quarter_back(p: Date, back: i32) -> Option<DateSpan> {
    let first = p.first_of_month().checked_sub(((p.month() as i32 - 1) % 3).months()).ok()?;
    let first = first.checked_sub((3 * back).months()).ok()?;
    let last = first.checked_add(2.months()).ok()?;
    let month = |d: Date| PartialDate::month(d.year(), d.month()).ok();
    DateSpan::range(month(first)?, month(last)?).ok()
}

pub(super) fn year_back(p: Date, back: i16) -> Option<DateSpan> {
    PartialDate::year(p.year().checked_sub(back)?).ok().map(DateSpan::single)
}

/// The Monday-to-Sunday week `back` weeks before the one `p` (the publication date, or a day
/// named) is in.
pub(super) fn week_back(p: Date, back: i64) -> Option<DateSpan> {
    let monday = p.checked_sub((p.weekday().to_monday_zero_offset() as i64).days()).ok()?;
    let start = monday.checked_sub((7 * back).days()).ok()?;
    // "This week" in news is the week so far: it ends with the publication day.
    let end = start.checked_add(6.days()).ok()?.min(if back == 0 { p } else { Date::MAX });
    DateSpan::range(PartialDate::day(start).ok()?, PartialDate::day(end).ok()?).ok()
}

/// Relative dates: yesterday, today, weekdays, last week, this month, a decade ago…
/// An ordinal's number: "fifth" is 5, "25th" is 25 (up to the hundredth, as anniversaries go).
pub(super) fn ordinal(word: &str) -> Option<i64> {
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

pub(super) fn relative(toks: &[Token], i: usize, cx: Context) -> Option<DateMention> {
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
                || n.has(crate::extract::tokens::class::OUTCOME)
                || n.has(crate::extract::tokens::class::EVENT)
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
        n.kind == Kind::Word
            && n.is_capitalized()
            && month_of(n).is_none()
            && !n.has(crate::extract::tokens::class::DATE)
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
            && w(k + 2).is_some_and(|m| m.has(crate::extract::tokens::class::DATE) && m.is_capitalized())
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
pub(super) fn clock_before(toks: &[Token], k: usize) -> usize {
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
