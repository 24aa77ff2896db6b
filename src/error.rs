//! The one error type commands return; `main` prints it once as `claimdb: …` and exits 2.

use std::fmt;
use std::io;

#[derive(Debug)]
pub enum Error {
    /// A message for the user, already saying what is wrong and where.
    Msg(String),
    /// The database named holds no claimdb database yet (a server database without the schema):
    /// a message as `Msg`, and a reader that can do without one may go on.
    Missing(String),
    Io(io::Error),
    Sqlite(rusqlite::Error),
}

impl Error {
    pub fn msg(m: impl Into<String>) -> Error {
        Error::Msg(m.into())
    }

    /// A closed pipe (`claimdb list | head`) is not an error: the reader has what it wanted.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Msg(m) | Error::Missing(m) => f.write_str(m),
            Error::Io(e) => write!(f, "{e}"),
            Error::Sqlite(e) => write!(f, "database error: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Sqlite(e)
    }
}

impl From<String> for Error {
    fn from(m: String) -> Self {
        Error::Msg(m)
    }
}
