//! A text as the stages after the recognisers read it: its tokens, sentences (and the tokens of
//! each), quotations, gazetteer names and paragraphs, found once and looked up by byte.

use super::gazetteer::Found;
use super::quotes::Quotation;
use super::tokens::Token;

/// Each sentence's tokens (`start..end` indices into `toks`), found in one walk: a binary search
/// over every token for every sentence, several times a sentence, was a twelfth of the time on
/// long texts.
pub(super) fn sentence_tokens(toks: &[Token], sents: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let tok_at = |byte: usize| toks.partition_point(|t| t.start < byte);
    let mut out = Vec::with_capacity(sents.len());
    let mut k = 0;
    let mut first = |byte: usize| {
        if k > 0 && toks[k - 1].start >= byte {
            k = tok_at(byte);
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

impl Doc<'_> {
    /// The first token that starts at or after `byte`.
    pub fn tok_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.start < byte)
    }

    /// The quotation `byte` is inside, if any. Quotations come in text order and never nest: the
    /// one a byte may be in is the last that opens before it.
    pub fn quote_at(&self, byte: usize) -> Option<usize> {
        let i = self.quotations.partition_point(|q| q.open <= byte).checked_sub(1)?;
        (byte < self.quotations[i].close).then_some(i)
    }

    /// The sentence that starts at or before `byte` (none before the first).
    pub fn sentence_of(&self, byte: usize) -> Option<usize> {
        self.sents.partition_point(|x| x.0 <= byte).checked_sub(1)
    }
}
