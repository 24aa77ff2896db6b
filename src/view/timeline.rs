//! The timeline: claims laid out by the days they hold for, one line a claim, on an axis sized
//! to the terminal (or an SVG for a page). A day is a dot; a range, a month or a year is a bar
//! as wide as its days, so precision shows as width.

use jiff::civil::Date;
use maud::{html, PreEscaped, DOCTYPE};

use crate::text::{fit_columns, shorten};

/// One claim on the timeline.
pub struct Item {
    pub id: String,
    pub source: String,
    /// What the line says: the figure, or the kind and the quote.
    pub label: String,
    pub first: Date,
    pub last: Date,
}

fn day(d: Date) -> i64 {
    i64::from(d.since((jiff::Unit::Day, Date::constant(1970, 1, 1))).map_or(0, |s| s.get_days()))
}

/// The first and last day over all items.
fn bounds(items: &[Item]) -> Option<(Date, Date)> {
    let first = items.iter().map(|i| i.first).min()?;
    let last = items.iter().map(|i| i.last).max()?;
    Some((first, last))
}

/// The timeline as text lines, `width` characters wide at most: labels on the left, the axis
/// on the right, an axis line with the first and last day and the years between at the foot.
pub fn lines(items: &[Item], width: usize) -> Vec<String> {
    let Some((from, to)) = bounds(items) else { return Vec::new() };
    let width = width.max(40);
    let label_w = (width * 2 / 5).clamp(16, 48);
    let axis_w = width - label_w - 1;
    let (d0, d1) = (day(from), day(to));
    let span = (d1 - d0).max(1) as f64;
    let col = |d: Date| (((day(d) - d0) as f64 / span) * (axis_w - 1) as f64).round() as usize;
    let mut out = Vec::with_capacity(items.len() + 2);
    for it in items {
        let mut row = vec![' '; axis_w];
        let (a, b) = (col(it.first), col(it.last).max(col(it.first)));
        if it.first == it.last {
            row[a] = '●';
        } else {
            for c in row.iter_mut().take(b + 1).skip(a) {
                *c = '━';
            }
        }
        // As the terminal shows it: escaped where a quote could act on it, cut and padded by
        // screen columns (a Chinese quote's characters take two each).
        let (label, used) = fit_columns(&crate::sanitize::sanitize_for_terminal(&it.label), label_w);
        let pad = label_w.saturating_sub(used);
        out.push(format!("{label}{} {}", " ".repeat(pad), row.iter().collect::<String>().trim_end()));
    }
    // The axis: a rule with a tick at each new year, then the years and the end days under it.
    let mut rule = vec!['─'; axis_w];
    let mut marks = vec![' '; axis_w];
    let put = |marks: &mut Vec<char>, at: usize, text: &str| {
        let at = at.min(axis_w.saturating_sub(text.chars().count()));
        if marks[at..(at + text.chars().count()).min(axis_w)].iter().all(|c| *c == ' ') {
            for (i, ch) in text.chars().enumerate() {
                if at + i < axis_w {
                    marks[at + i] = ch;
                }
            }
        }
    };
    put(&mut marks, 0, &from.to_string());
    let end = to.to_string();
    put(&mut marks, axis_w - end.chars().count(), &end);
    for y in (from.year() + 1)..=to.year() {
        let at = col(Date::constant(y, 1, 1));
        rule[at] = '┼';
        put(&mut marks, at, &y.to_string());
    }
    rule[0] = '├';
    rule[axis_w - 1] = '┤';
    out.push(format!("{} {}", " ".repeat(label_w), rule.iter().collect::<String>()));
    out.push(format!("{} {}", " ".repeat(label_w), marks.iter().collect::<String>().trim_end()));
    out
}

/// The timeline as a page: an inline SVG, each bar linked to its claim on its source's page.
pub fn page(items: &[Item], title: &str) -> String {
    let (row_h, label_w, axis_w) = (22.0, 420.0, 760.0);
    let Some((from, to)) = bounds(items) else {
        return html! { (DOCTYPE) html lang="en" { head { meta charset="utf-8"; title { (title) } } body { p { "No dated claims." } } } }
            .into_string();
    };
    let (d0, d1) = (day(from), day(to));
    let span = (d1 - d0).max(1) as f64;
    let x = |d: Date| label_w + (day(d) - d0) as f64 / span * axis_w;
    let height = row_h * (items.len() as f64 + 2.0);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped("body{font:14px system-ui,sans-serif;margin:1.5rem}text{font:12px system-ui,sans-serif}a:focus rect,a:hover rect{stroke:#000;stroke-width:2}")) }
            }
            body {
                h1 { (title) }
                svg xmlns="http://www.w3.org/2000/svg" width=(label_w + axis_w + 20.0) height=(height) role="img" aria-label=(title) {
                    @for (i, it) in items.iter().enumerate() {
                        @let y = row_h * i as f64;
                        a href={ (super::page_name(&it.source)) "#span-" (it.id) } {
                            title { (it.label) " (" (it.first.to_string()) @if it.first != it.last { " to " (it.last.to_string()) } ")" }
                            text x="0" y=(y + 15.0) { (shorten(&it.label, 64)) }
                            @if it.first == it.last {
                                circle cx=(x(it.first)) cy=(y + 11.0) r="5" fill="#1f77b4" {}
                            } @else {
                                rect x=(x(it.first)) y=(y + 5.0) width=((x(it.last) - x(it.first)).max(3.0)) height="12" fill="#1f77b4" {}
                            }
                        }
                    }
                    @let base = row_h * items.len() as f64 + 6.0;
                    line x1=(label_w) y1=(base) x2=(label_w + axis_w) y2=(base) stroke="#444" {}
                    text x=(label_w) y=(base + 16.0) { (from.to_string()) }
                    text x=(label_w + axis_w) y=(base + 16.0) text-anchor="end" { (to.to_string()) }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, first: &str, last: &str) -> Item {
        Item {
            id: label.into(),
            source: "s".into(),
            label: label.into(),
            first: first.parse().unwrap(),
            last: last.parse().unwrap(),
        }
    }

    #[test]
    fn a_month_is_a_month_wide_and_a_day_is_a_dot() {
        let items = [
            item("day", "2025-01-06", "2025-01-06"),
            item("month", "2025-01-01", "2025-01-31"),
            item("later", "2025-12-31", "2025-12-31"),
        ];
        let out = lines(&items, 80);
        assert_eq!(out.len(), 5);
        assert!(out[0].ends_with('●') && !out[0].contains('━'), "{}", out[0]);
        let bar = out[1].chars().filter(|c| *c == '━').count();
        // 31 of 365 days on an axis of 80 - 32 - 1 = 47 columns: about 4.
        assert!((3..=6).contains(&bar), "{}", out[1]);
        assert!(out[2].ends_with('●'));
        assert!(out[4].contains("2025-01-01") && out[4].contains("2025-12-31"), "{}", out[4]);
        assert!(out.iter().all(|l| l.chars().count() <= 80), "{out:#?}");
    }

    /// From a review: a label in wide characters ("我们不会撤军", emoji) once pushed its row's dot
    /// twenty columns past the axis; labels are cut and padded by screen columns.
    #[test]
    fn wide_labels_keep_the_axis_in_line() {
        use unicode_width::UnicodeWidthStr;
        let items = [
            item("statement · \u{6211}\u{4eec}\u{4e0d}\u{4f1a}\u{64a4}\u{519b}\u{1F600}\u{1F600}\u{1F600} and more words here", "2025-01-06", "2025-01-06"),
            item("day", "2025-01-06", "2025-01-06"),
            item("later", "2025-12-31", "2025-12-31"),
        ];
        let out = lines(&items, 80);
        let dot_at = |l: &str| l[..l.find('\u{25CF}').unwrap()].width();
        assert_eq!(dot_at(&out[0]), dot_at(&out[1]), "{out:#?}");
    }
}
