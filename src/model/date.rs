//! Dates with a precision: a day, a month, a year, or a range of them.
//!
//! News gives dates at the precision it knows ("in 2019", "September 2025", "Jan. 6"). Filling the
//! unknown parts with 01 would turn "2019" into a false "1 January 2019", so a [`PartialDate`] keeps
//! its grain, and every comparison goes through the span of days it covers
//! ([`DateSpan::first_day`] ..= [`DateSpan::last_day`]). Those two bounds are what the store indexes,
//! so "on 2025-01-03" and "2025-01" compare correctly at any precision.

use std::fmt;

use jiff::civil::Date;

/// How precisely a date is known (Wikidata's precision 9/10/11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grain {
    Year,
    Month,
    Day,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Year => "year",
            Grain::Month => "month",
            Grain::Day => "day",
        }
    }
}

/// A calendar date known to a year, a month or a day. Only valid dates can be built: the
/// variants are private, so `Month(2025, 13)` cannot be written outside this module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Repr {
    Year(i16),
    Month(i16, i8),
    Day(Date),
}

/// Why a date did not parse, and where in the input the fault lies (byte offsets), so a caller
/// can point a caret at the part that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub reason: String,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for DateError {}

fn err(reason: impl Into<String>, start: usize, end: usize) -> DateError {
    DateError { reason: reason.into(), start, end }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// A year known to the year only: 0001 to 9999.
    pub fn year(year: i16) -> Result<PartialDate, String> {
        if (1..=9999).contains(&year) {
            Ok(PartialDate(Repr::Year(year)))
        } else {
            Err(format!("{year} is not a year between 0001 and 9999"))
        }
    }

    /// A month of a year: `2025-09`.
    pub fn month(year: i16, month: i8) -> Result<PartialDate, String> {
        PartialDate::year(year)?;
        if (1..=12).contains(&month) {
            Ok(PartialDate(Repr::Month(year, month)))
        } else {
            Err(format!("{month} is not a month between 1 and 12"))
        }
    }

    /// A calendar day, within the years [`PartialDate::year`] accepts.
    pub fn day(date: Date) -> Result<PartialDate, String> {
        PartialDate::year(date.year())?;
        Ok(PartialDate(Repr::Day(date)))
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Offsets in errors are relative to `s`.
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(err(format!("`{s}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"), 0, s.len()));
        }
        let year_s = parts[0];
        if year_s.len() != 4 {
            return Err(err(format!("the year `{year_s}` must have four digits"), 0, year_s.len()));
        }
        let year: i16 = year_s.parse().expect("four ASCII digits fit in i16");
        if year == 0 {
            return Err(err("year 0000 is not a calendar year", 0, 4));
        }
        let Some(month_s) = parts.get(1) else {
            return Ok(PartialDate(Repr::Year(year)));
        };
        let month_at = 5;
        if month_s.len() != 2 {
            return Err(err(
                format!("the month `{month_s}` must have two digits (01 to 12)"),
                month_at,
                month_at + month_s.len(),
            ));
        }
        let month: i8 = month_s.parse().expect("two ASCII digits fit in i8");
        if !(1..=12).contains(&month) {
            return Err(err(format!("month {month_s} is not between 01 and 12"), month_at, month_at + 2));
        }
        let Some(day_s) = parts.get(2) else {
            return Ok(PartialDate(Repr::Month(year, month)));
        };
        let day_at = 8;
        if day_s.len() != 2 {
            return Err(err(format!("the day `{day_s}` must have two digits"), day_at, day_at + day_s.len()));
        }
        let day: i8 = day_s.parse().expect("two ASCII digits fit in i8");
        let days_in_month = Date::new(year, month, 1).expect("valid year and month").days_in_month();
        if day < 1 || day > days_in_month {
            return Err(err(
                format!("day {day_s} is not in {} {year}, which has {days_in_month} days", MONTHS[month as usize - 1]),
                day_at,
                day_at + 2,
            ));
        }
        Ok(PartialDate(Repr::Day(Date::new(year, month, day).expect("checked above"))))
    }

    pub fn grain(self) -> Grain {
        match self.0 {
            Repr::Year(_) => Grain::Year,
            Repr::Month(..) => Grain::Month,
            Repr::Day(_) => Grain::Day,
        }
    }

    /// The first day this date may mean.
    pub fn first_day(self) -> Date {
        match self.0 {
            Repr::Year(y) => Date::new(y, 1, 1).expect("valid year"),
            Repr::Month(y, m) => Date::new(y, m, 1).expect("valid month"),
            Repr::Day(d) => d,
        }
    }

    /// The last day this date may mean.
    pub fn last_day(self) -> Date {
        match self.0 {
            Repr::Year(y) => Date::new(y, 12, 31).expect("valid year"),
            Repr::Month(..) => self.first_day().last_of_month(),
            Repr::Day(d) => d,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Year(y) => write!(f, "{y:04}"),
            Repr::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Repr::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// A date or a range of dates of the same grain: `2025-01-06`, `2025-09`, `2019`,
/// `2025-01-02/2025-01-03`. A single date is a range whose ends are equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateSpan {
    from: PartialDate,
    to: PartialDate,
}

impl DateSpan {
    pub fn single(date: PartialDate) -> DateSpan {
        DateSpan { from: date, to: date }
    }

    /// A range; both ends must share a grain and come in order.
    pub fn range(from: PartialDate, to: PartialDate) -> Result<DateSpan, String> {
        if from.grain() != to.grain() {
            return Err(format!(
                "the ends of the range {from}/{to} must have the same precision (a {} and a {})",
                from.grain().as_str(),
                to.grain().as_str()
            ));
        }
        if from.first_day() > to.first_day() {
            return Err(format!("the range {from}/{to} ends before it starts"));
        }
        Ok(DateSpan { from, to })
    }

    /// Parses a date or a `from/to` range. Offsets in errors are relative to `s`.
    pub fn parse(s: &str) -> Result<DateSpan, DateError> {
        match s.split_once('/') {
            None => PartialDate::parse(s).map(DateSpan::single),
            Some((a, b)) => {
                let from = PartialDate::parse(a)?;
                let shift = a.len() + 1;
                let to = PartialDate::parse(b).map_err(|e| err(e.reason, e.start + shift, e.end + shift))?;
                DateSpan::range(from, to).map_err(|reason| err(reason, 0, s.len()))
            }
        }
    }

    pub fn from(self) -> PartialDate {
        self.from
    }

    pub fn to(self) -> PartialDate {
        self.to
    }

    pub fn is_range(self) -> bool {
        self.from != self.to
    }

    pub fn grain(self) -> Grain {
        self.from.grain()
    }

    pub fn first_day(self) -> Date {
        self.from.first_day()
    }

    pub fn last_day(self) -> Date {
        self.to.last_day()
    }

    /// Whether the two spans share at least one day.
    pub fn overlaps(self, other: DateSpan) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }
}

impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_range() {
            write!(f, "{}/{}", self.from, self.to)
        } else {
            write!(f, "{}", self.from)
        }
    }
}

impl std::str::FromStr for DateSpan {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateSpan::parse(s)
    }
}

/// ISO text of a day, the form the store keeps its date bounds in (it sorts as it compares).
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> DateSpan {
        DateSpan::parse(s).unwrap()
    }

    #[test]
    fn each_grain_covers_its_days() {
        let cases = [
            ("2019", "2019-01-01", "2019-12-31", Grain::Year),
            ("2025-09", "2025-09-01", "2025-09-30", Grain::Month),
            ("2024-02", "2024-02-01", "2024-02-29", Grain::Month),
            ("2025-01-06", "2025-01-06", "2025-01-06", Grain::Day),
            ("2025-01-02/2025-01-03", "2025-01-02", "2025-01-03", Grain::Day),
            ("2024-11/2025-02", "2024-11-01", "2025-02-28", Grain::Month),
        ];
        for (text, first, last, grain) in cases {
            let d = span(text);
            assert_eq!(iso(d.first_day()), first, "{text}");
            assert_eq!(iso(d.last_day()), last, "{text}");
            assert_eq!(d.grain(), grain, "{text}");
            assert_eq!(d.to_string(), text, "display round-trips {text}");
        }
    }

    #[test]
    fn a_year_is_never_filled_with_january_first() {
        assert_eq!(span("2019").to_string(), "2019");
        assert_ne!(span("2019"), span("2019-01-01"));
    }

    #[test]
    fn impossible_dates_say_which_part_is_wrong() {
        let e = DateSpan::parse("2025-02-30").unwrap_err();
        assert_eq!(e.reason, "day 30 is not in February 2025, which has 28 days");
        assert_eq!((e.start, e.end), (8, 10));
        let e = DateSpan::parse("2025-13").unwrap_err();
        assert_eq!(e.reason, "month 13 is not between 01 and 12");
        assert_eq!((e.start, e.end), (5, 7));
        let e = DateSpan::parse("25-01-01").unwrap_err();
        assert_eq!(e.reason, "the year `25` must have four digits");
        let e = DateSpan::parse("2025-01-02/2025-01-32").unwrap_err();
        assert_eq!((e.start, e.end), (19, 21), "offset shifted into the second half");
        assert!(DateSpan::parse("Jan 6").is_err());
        assert!(DateSpan::parse("").is_err());
        assert!(DateSpan::parse("2025--01").is_err());
        assert!(DateSpan::parse("0000").is_err());
    }

    #[test]
    fn ranges_must_be_ordered_and_of_one_grain() {
        assert!(DateSpan::parse("2025-01-03/2025-01-02").unwrap_err().reason.contains("ends before"));
        assert!(DateSpan::parse("2025-01/2025-01-03").unwrap_err().reason.contains("same precision"));
    }

    #[test]
    fn overlap_is_by_day() {
        assert!(span("2025-01").overlaps(span("2025-01-02/2025-01-03")));
        assert!(span("2025-01-03").overlaps(span("2025-01-02/2025-01-03")));
        assert!(!span("2025-01-04").overlaps(span("2025-01-02/2025-01-03")));
        assert!(!span("2024").overlaps(span("2025-01")));
    }
}
