//! Exit statuses, grep's way: 0 found, 1 nothing found, 2 error. This is their one mapping.

/// What a command found. Errors are not here: they are `Err` and always exit 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Rows were printed, every statement was supported, verify was clean.
    Found,
    /// No rows, or verify found a fault.
    NothingFound,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound => 1,
        }
    }

    /// `Found` when any rows came back.
    pub fn from_count(n: usize) -> Outcome {
        if n > 0 {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

/// The status for an error of any kind.
pub const ERROR: u8 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    /// grep's statuses, which README and `--help` promise: 0 found, 1 nothing, 2 error.
    #[test]
    fn outcomes_map_to_greps_statuses() {
        assert_eq!(Outcome::Found.code(), 0);
        assert_eq!(Outcome::NothingFound.code(), 1);
        assert_eq!(ERROR, 2);
        assert_eq!(Outcome::from_count(3), Outcome::Found);
        assert_eq!(Outcome::from_count(0), Outcome::NothingFound);
    }
}
