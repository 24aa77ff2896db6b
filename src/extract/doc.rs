//! A text as the stages after the recognisers read it: its tokens, sentences (and the tokens of
//! each), quotations, gazetteer names and paragraphs, found once and looked up by byte.

use super::gazetteer::Found;
use super::quotes::Quotation;
use super::tokens::Token;

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
