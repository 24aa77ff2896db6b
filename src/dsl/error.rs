//! Query errors: what is wrong, where (a span), and hints. Rendered once, at the edge, as the
//! query with a caret under the span.

use crate::dsl::ast::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub reason: String,
    pub span: Span,
    pub hints: Vec<String>,
}

impl QueryError {
    pub fn new(reason: impl Into<String>, span: Span) -> QueryError {
        QueryError { reason: reason.into(), span, hints: Vec::new() }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> QueryError {
        self.hints.push(hint.into());
        self
    }

    /// The message with the query and a caret line:
    ///
    /// ```text
    /// unknown field `locaton` for claims (column 14)
    ///   claims where locaton = Iraq
    ///                ^^^^^^^
    ///   hint: did you mean `location`?
    /// ```
    pub fn render(&self, query: &str) -> String {
        // A span may end inside a character (a length limit counts bytes): round down to a
        // character's start, as a caret can only point at whole characters.
        let start = char_start(query, self.span.start);
        let end = char_start(query, self.span.end).max(start);
        let col = query[..start].chars().count();
        // The query as the terminal shows it, the caret under the span in screen columns.
        let (shown, carets) = crate::sanitize::caret_under(query, start, end);
        let mut out = format!("{} (column {})\n  {}\n  {}", self.reason, col + 1, shown, carets);
        for h in &self.hints {
            out.push_str("\n  hint: ");
            out.push_str(h);
        }
        out
    }
}

/// The start of the character holding byte `at` of `s` (or `s.len()` past the end).
fn char_start(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The closest of `candidates` to `word`, if one is close enough to be what was meant.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_sits_under_the_span() {
        let e = QueryError::new("unknown field `locaton`", Span::new(13, 20)).hint("did you mean `location`?");
        assert_eq!(
            e.render("claims where locaton = Iraq"),
            "unknown field `locaton` (column 14)\n  claims where locaton = Iraq\n               ^^^^^^^\n  hint: did you mean `location`?"
        );
    }

    #[test]
    fn columns_count_characters_and_controls_keep_alignment() {
        let e = QueryError::new("x", Span::new(9, 10));
        assert_eq!(e.render("“a”\tbc d"), "x (column 6)\n  “a” bc d\n       ^");
    }

    /// From a review: the caret sits under the span as the terminal shows it, whatever stands
    /// before it: Chinese characters take two columns, a combining mark none, and a direction
    /// mark is shown escaped (as `say` would), eight columns.
    #[test]
    fn the_caret_sits_under_wide_marked_and_escaped_characters() {
        let caret_col = |q: &str| {
            let at = q.find("locaton").unwrap();
            let out = QueryError::new("x", Span::new(at, at + 7)).render(q);
            let lines: Vec<&str> = out.lines().collect();
            let shown_at = unicode_width::UnicodeWidthStr::width(&lines[1][..lines[1].find("locaton").unwrap()]);
            (shown_at, lines[2].find('^').unwrap())
        };
        for q in [
            "claims where party = \"\u{5df4}\u{683c}\u{8fbe}\" and locaton = Iraq",
            "claims where party = \"e\u{301}e\u{301}\" and locaton = Iraq",
            "claims where party = \"\u{200f}x\" and locaton = Iraq",
        ] {
            let (text, caret) = caret_col(q);
            assert_eq!(text, caret, "{q:?}");
        }
    }

    /// Regression: a query over the length limit whose byte 10,000 fell inside a character
    /// panicked here (not a char boundary), in `query`, `explain` and the shell.
    #[test]
    fn spans_inside_a_character_render_without_panicking() {
        let q = "é".repeat(6);
        for (start, end) in [(1, 3), (3, 12), (11, 40), (0, 1)] {
            let out = QueryError::new("x", Span::new(start, end)).render(&q);
            assert!(out.contains('^'), "{out}");
        }
    }

    #[test]
    fn suggestions_are_close_words_only() {
        assert_eq!(did_you_mean("locaton", ["location", "party", "date"]), Some("location"));
        assert_eq!(did_you_mean("troop", ["troops", "claims"]), Some("troops"));
        assert_eq!(did_you_mean("zzz", ["troops", "claims"]), None);
    }
}
