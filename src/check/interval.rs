//! A figure as the interval of values it allows, and how a statement's interval relates to a
//! source's: README, "Figures: intervals, not strings".

use crate::model::Qualifier;

/// How far either side of an approximate figure it reaches: "some 2,000" is 1,800 to 2,200.
pub const TOLERANCE: f64 = 0.10;

/// The values a figure allows, `high` possibly infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// How what a source says bears on what a statement says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The source's interval lies inside the statement's: the source implies it.
    Implied,
    /// The two cannot both hold.
    Disjoint,
    /// They meet, but the source does not imply the statement ("10 injured" against "at least
    /// seven").
    Open,
}

impl Interval {
    /// The interval of a figure: its bounds when it has both, else what its qualifier allows.
    /// `ceiling` is the most a vague count allows ("dozens": 99), for an `at_least` figure that
    /// came from one.
    pub fn of(value: f64, low: Option<f64>, high: Option<f64>, q: Qualifier, ceiling: Option<f64>) -> Interval {
        if let (Some(low), Some(high)) = (low, high) {
            return Interval { low, high };
        }
        match q {
            Qualifier::Exact => Interval { low: value, high: value },
            Qualifier::Approximate => {
                let t = tolerance(value);
                Interval { low: (value - t).max(0.0), high: value + t }
            }
            Qualifier::AtLeast => {
                let low = low.unwrap_or(value);
                Interval { low, high: high.or(ceiling).filter(|c| *c >= low).unwrap_or(f64::INFINITY) }
            }
            Qualifier::AtMost => Interval { low: low.unwrap_or(0.0), high: high.unwrap_or(value) },
        }
    }

    /// For a figure its words bound strictly ("more than 5,000", "fewer than 5"): counts are
    /// whole, so the bound moves by one.
    pub fn strict(self, yes: bool) -> Interval {
        if !yes {
            return self;
        }
        match (self.high.is_infinite(), self.low == 0.0) {
            (true, _) => Interval { low: self.low + 1.0, ..self },
            (false, true) if self.high >= 1.0 => Interval { high: self.high - 1.0, ..self },
            _ => self,
        }
    }

    pub fn contains(self, other: Interval) -> bool {
        self.low <= other.low && other.high <= self.high
    }

    pub fn meets(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    /// How a source's interval bears on this one, a statement's.
    pub fn fit(self, source: Interval) -> Fit {
        if self.contains(source) {
            Fit::Implied
        } else if self.meets(source) {
            Fit::Open
        } else {
            Fit::Disjoint
        }
    }
}

/// Ten percent of the figure, and never less than one: "about 7" is 6 to 8.
pub fn tolerance(value: f64) -> f64 {
    (value.abs() * TOLERANCE).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Qualifier::*;

    fn iv(v: f64, q: Qualifier) -> Interval {
        Interval::of(v, None, None, q, None)
    }

    #[test]
    fn the_tolerance_table_holds() {
        assert_eq!(iv(2000.0, Approximate), Interval { low: 1800.0, high: 2200.0 });
        assert_eq!(iv(2500.0, Approximate), Interval { low: 2250.0, high: 2750.0 });
        assert_eq!(iv(7.0, Approximate), Interval { low: 6.0, high: 8.0 });
        assert_eq!(iv(7.0, AtLeast).high, f64::INFINITY);
        assert_eq!(iv(30.0, AtMost), Interval { low: 0.0, high: 30.0 });
        assert_eq!(Interval::of(20.0, Some(20.0), Some(30.0), Exact, None), Interval { low: 20.0, high: 30.0 });
        assert_eq!(Interval::of(12.0, Some(12.0), None, AtLeast, Some(99.0)), Interval { low: 12.0, high: 99.0 });
    }

    #[test]
    fn more_than_and_fewer_than_leave_the_figure_out() {
        assert_eq!(iv(5000.0, AtLeast).strict(true).fit(iv(5000.0, Exact)), Fit::Disjoint);
        assert_eq!(iv(5.0, AtMost).strict(true).fit(iv(5.0, Exact)), Fit::Disjoint);
        assert_eq!(iv(5.0, AtMost).strict(true).fit(iv(4.0, Exact)), Fit::Implied);
    }

    #[test]
    fn implied_disjoint_or_open() {
        // "at least 5 injured" is implied by "at least seven"; "5 injured" cannot hold with it;
        // "10 injured" may, but is not shown.
        assert_eq!(iv(5.0, AtLeast).fit(iv(7.0, AtLeast)), Fit::Implied);
        assert_eq!(iv(5.0, Exact).fit(iv(7.0, AtLeast)), Fit::Disjoint);
        assert_eq!(iv(10.0, Exact).fit(iv(7.0, AtLeast)), Fit::Open);
        assert_eq!(iv(2500.0, Approximate).fit(iv(2500.0, Exact)), Fit::Implied);
        assert_eq!(iv(2000.0, Approximate).fit(iv(2500.0, Approximate)), Fit::Disjoint);
        assert_eq!(iv(2300.0, Approximate).fit(iv(2500.0, Approximate)), Fit::Open);
    }
}
