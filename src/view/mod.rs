//! Pages to look at: a source's text with every claim highlighted where it stands, its reading
//! on hover and focus, a list of its claims, and the claims of other sources it conflicts with.
//! Written with maud, which checks the markup at compile time and escapes every piece of text:
//! an article holding `<script>` shows it as words.

use std::collections::BTreeSet;

use maud::{html, Markup, PreEscaped, DOCTYPE};

pub mod timeline;

use crate::check::evidence::{Evidence, SourceInfo};
use crate::model::Claim;

/// The page's own style: no fonts, scripts or images from anywhere.
const STYLE: &str = include_str!("page.css");

/// A claim of another source that cannot hold with one of this page's.
pub struct Conflict<'a> {
    pub claim: &'a str,
    pub other: &'a Evidence,
}

/// The file a source's page is written to, so pages can link to each other from a folder.
pub fn page_name(source: &str) -> String {
    format!("{source}.html")
}

/// The reading of a claim in one line: what a highlight shows on hover and focus.
pub fn reading(c: &Claim) -> String {
    let mut parts = vec![c.kind().as_str().to_string()];
    if let Some(q) = c.quantity() {
        parts.push(q.to_string());
    }
    if let Some(d) = c.date() {
        parts.push(format!("date {d} ({})", d.grain().as_str()));
    }
    if let Some(p) = c.party() {
        parts.push(format!("party {p}"));
    }
    if let Some(l) = c.location() {
        parts.push(format!("place {l}"));
    }
    if let Some(s) = c.attribution().speaker() {
        let role = s.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
        parts.push(format!("said by {}{role}", s.name));
    }
    parts.push(match c.origin().extractor() {
        Some(v) => format!("extracted (rules {v})"),
        None => "curated".into(),
    });
    parts.join(" · ")
}

/// A source's page.
pub fn source_page(source: &SourceInfo, claims: &[&Evidence], conflicts: &[Conflict], index: bool) -> String {
    let mut ordered: Vec<&Evidence> = claims.to_vec();
    ordered.sort_by_key(|e| (e.claim.span().start(), std::cmp::Reverse(e.claim.span().end())));
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (source.title) " — claimdb" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    @if index { nav { a href="index.html" { "All sources" } } }
                    h1 { (source.title) }
                    p.meta {
                        (source.id)
                        @if let Some(p) = &source.publisher { " · " (p) }
                        @if let Some(d) = source.published { " · published " (d.to_string()) }
                        @if let Some(u) = &source.url { " · " a href=(u) { (u) } }
                        " · " (ordered.len()) " claims"
                    }
                }
                main {
                    article.text aria-label="The source text, with its claims highlighted" {
                        (text_with_marks(&source.text, &ordered, conflicts))
                    }
                    aside aria-label="Claims" {
                        h2 { "Claims" }
                        ol.claims {
                            @for e in &ordered {
                                (claim_item(e, conflicts))
                            }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}

fn claim_item(e: &Evidence, conflicts: &[Conflict]) -> Markup {
    let c = &e.claim;
    let theirs: Vec<&Conflict> = conflicts.iter().filter(|x| x.claim == c.id()).collect();
    html! {
        li id={ "claim-" (c.id()) } data-claim=(c.id()) {
            a href={ "#span-" (c.id()) } {
                span.kind { (c.kind().as_str()) } " "
                q { (c.quote()) }
            }
            p.reading { (reading(c)) }
            @for x in theirs {
                p.conflict {
                    strong { "Conflicts with " }
                    q { (x.other.claim.quote()) }
                    " — "
                    a href={ (page_name(&x.other.source.id)) "#span-" (x.other.claim.id()) } { (x.other.source.id) }
                    " (" (reading(&x.other.claim)) ")"
                }
            }
        }
    }
}

/// The text cut at every claim's start and end; each piece inside claims is wrapped in one mark
/// a claim, outermost the claim that starts first (and is longest), so nested and overlapping
/// spans are both drawn: the pieces of one claim, read in order, are its quote.
fn text_with_marks(text: &str, claims: &[&Evidence], conflicts: &[Conflict]) -> Markup {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |c: usize| chars.get(c).map_or(text.len(), |x| x.0);
    let mut cuts: BTreeSet<usize> = [0, chars.len()].into_iter().collect();
    for e in claims {
        cuts.insert(e.claim.span().start().min(chars.len()));
        cuts.insert(e.claim.span().end().min(chars.len()));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut opened: BTreeSet<&str> = BTreeSet::new();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = visible(&text[byte(a)..byte(b)]);
        let covering: Vec<&&Evidence> =
            claims.iter().filter(|e| e.claim.span().start() <= a && b <= e.claim.span().end()).collect();
        let mut markup = html! { (piece) }.into_string();
        // Innermost first, so the outermost claim wraps the rest.
        for e in covering.iter().rev() {
            let c = &e.claim;
            let first = opened.insert(c.id());
            let conflicted = conflicts.iter().any(|x| x.claim == c.id());
            let class = format!("k-{}{}", c.kind().as_str(), if conflicted { " conflict" } else { "" });
            markup = html! {
                @if first {
                    mark id={ "span-" (c.id()) } class=(class) data-claim=(c.id()) data-kind=(c.kind().as_str())
                        data-first="" data-reading=(reading(c)) tabindex="0" aria-label=(reading(c)) {
                        (PreEscaped(&markup))
                    }
                } @else {
                    mark class=(class) data-claim=(c.id()) data-kind=(c.kind().as_str()) { (PreEscaped(&markup)) }
                }
            }
            .into_string();
        }
        out.push_str(&markup);
    }
    PreEscaped(out)
}

/// Checked statements as a page: each verdict with its reason, its reading, the evidence (each
/// quote linked to its highlighted place on its source's page, as `view --all` names pages), and
/// a misquote's changes.
pub fn checks_page(outcomes: &[crate::check::Outcome]) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Checked statements — claimdb" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header { h1 { "Checked statements" } p.meta { (outcomes.len()) " statements" } }
                main.index {
                    @for (i, o) in outcomes.iter().enumerate() {
                        section.check id={ "statement-" (i + 1) } {
                            h2 {
                                span class={ "verdict v-" (o.verdict.as_str()) } { (o.verdict.as_str()) } " "
                                q { (o.statement) }
                            }
                            p.reason { (o.reason) }
                            @if !o.changes.is_empty() {
                                p.diff {
                                    @for c in &o.changes {
                                        span.change {
                                            strong { (c.class.as_str()) ": " }
                                            @if !c.source.is_empty() { del title="the source's words" { (c.source) } }
                                            @if !c.said.is_empty() { " " ins title="the statement's words" { (c.said) } }
                                        }
                                        " "
                                    }
                                }
                            }
                            @if !o.evidence.is_empty() {
                                ol.evidence {
                                    @for c in &o.evidence {
                                        @let e = &c.evidence;
                                        li {
                                            span.kind { (c.bearing.as_str()) } " "
                                            a href={ (page_name(&e.source.id)) "#span-" (e.claim.id()) } { q { (e.claim.quote()) } }
                                            " — " (e.source.id)
                                            @if let Some((t, basis)) = e.time { " (" (t.to_string()) ", " (basis.as_str()) ")" }
                                            p.reading { (reading(&e.claim)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// Control characters as visible symbols (␀ for NUL, ␛ for ESC): a page shows them, it does not
/// act on them. Line ends and tabs stay.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c,
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c => c,
        })
        .collect()
}

/// The index of a folder of pages: each source with its claim count.
pub fn index_page(sources: &[(&SourceInfo, usize)]) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { "Sources — claimdb" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header { h1 { "Sources" } }
                main.index {
                    table {
                        thead { tr { th { "Source" } th { "Published" } th { "Publisher" } th { "Claims" } } }
                        tbody {
                            @for (s, n) in sources {
                                tr {
                                    td { a href=(page_name(&s.id)) { (s.title) } br; small { (s.id) } }
                                    td { @if let Some(d) = s.published { (d.to_string()) } }
                                    td { @if let Some(p) = &s.publisher { (p) } }
                                    td.n { (n) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_not_acted_on() {
        // The store refuses them in a text; a page would not act on one that got there anyway.
        assert_eq!(visible("a\u{7}b\u{1b}[31m\tc\n"), "a\u{2407}b\u{241b}[31m\tc\n");
    }
}
