//! Reading raw news text into the claim model's shapes. Each recogniser has a file of its own and
//! returns mentions with their `start..end` in the text and a typed reading; none sees another's
//! internals. Today: [`sentences`], the sentence bounds `show` quotes a claim's context in.

pub mod sentences;
