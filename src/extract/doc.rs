//! A text as the stages after the recognisers read it: its tokens, sentences (and the tokens of
//! each), quotations, gazetteer names and paragraphs, found once and looked up by byte.

use super::gazetteer::Found;
use super::quotes::Quotation;
use super::tokens::Token;

/// The first token that starts at or after `byte`.
fn first_token_at(toks: &[Token], byte: usize) -> usize {
    toks.partition_point(|t| t.start < byte)
}

/// Each sentence's tokens (`start..end` indices into `toks`), found in one walk: a binary search
/// over every token for every sentence, several times a sentence, was a twelfth of the time on
/// long texts.
pub(super) fn sentence_tokens(toks: &[Token], sents: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(sents.len());
    let mut k = 0;
    let mut first = |byte: usize| {
        if k > 0 && toks[k - 1].start >= byte {
            k = first_token_at(toks, byte);
        }
        while k < toks.len() && toks[k].start < byte {
            k += 1;
        }
        k
    };
    for &(s, e) in sents {
        let a = first(s);
        let mut b = first(e);
        // A token the splitter cut through ("-U.S.May", split after "U.") is in neither
        // sentence: no claim may reach past its sentence's end.
        if b > a && toks[b - 1].end > e {
            b -= 1;
        }
        out.push((a, b));
    }
    out
}

/// Where each sentence's paragraph starts (bytes): after the last line break before it.
pub(super) fn paragraph_starts(text: &str, sents: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sents.len());
    let mut start = 0;
    let mut scanned = 0;
    for &(s, _) in sents {
        if let Some(nl) = text[scanned..s].rfind('\n') {
            start = scanned + nl + 1;
        }
        scanned = s;
        out.push(start);
    }
    out
}

/// Borrowed views of what the recognisers found in one text; copied freely between stages.
#[derive(Clone, Copy)]
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token<'a>],
    /// Sentences (bytes).
    pub sents: &'a [(usize, usize)],
    /// Each sentence's tokens (indices into `toks`).
    pub sent_toks: &'a [(usize, usize)],
    pub quotations: &'a [Quotation],
    /// Gazetteer names, in text order, never overlapping.
    pub names: &'a [Found],
    /// Where each sentence's paragraph starts (bytes).
    pub para: &'a [usize],
}

impl<'a> Doc<'a> {
    /// The first token that starts at or after `byte`.
    pub fn tok_at(&self, byte: usize) -> usize {
        first_token_at(self.toks, byte)
    }

    /// The sentence token `k` is in (the first before the first sentence).
    pub fn sentence_at_token(&self, k: usize) -> usize {
        self.sent_toks.partition_point(|&(a, _)| a <= k).saturating_sub(1)
    }

    /// The first token of the sentence token `k` is in: how far back a look-back for words about
    /// `k` may go ("Gen." before a name, "statement Friday" before "said").
    pub fn sentence_start(&self, k: usize) -> usize {
        self.sent_toks.get(self.sentence_at_token(k)).map_or(0, |&(a, _)| a.min(k))
    }

    /// The quotation `byte` is inside (between its marks), if any. Quotations come in text order and
    /// never nest: the one a byte may be in is the last that opens before it.
    pub fn quote_at(&self, byte: usize) -> Option<usize> {
        let i = self.quotations.partition_point(|q| q.open <= byte).checked_sub(1)?;
        (byte < self.quotations[i].close).then_some(i)
    }

    /// The gazetteer names within `s..e` (bytes). Names come in text order: they are one slice.
    pub fn names_in(&self, s: usize, e: usize) -> impl Iterator<Item = &'a Found> {
        let names = self.names;
        let a = names.partition_point(|f| f.start < s);
        let b = names.partition_point(|f| f.start < e);
        names[a..b.max(a)].iter().filter(move |f| f.end <= e)
    }

    /// The quotation whose words (inside its marks) hold `start..end` (bytes), if any.
    pub fn quotation_holding(&self, start: usize, end: usize) -> Option<usize> {
        self.quote_at(start).filter(|&qi| self.quotations[qi].start <= start && end <= self.quotations[qi].end)
    }

    /// The sentence that starts at or before `byte` (none before the first).
    pub fn sentence_of(&self, byte: usize) -> Option<usize> {
        self.sents.partition_point(|x| x.0 <= byte).checked_sub(1)
    }
}
