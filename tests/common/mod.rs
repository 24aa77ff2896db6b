//! The test harness: a temporary directory to run the real `claimdb` binary in, with no
//! `CLAIMDB_DB` leaking in from the environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What a run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().expect("claimdb was killed by a signal"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Asserts the exit status, showing both streams when it is wrong.
    pub fn expect(self, code: i32) -> Run {
        assert_eq!(self.code, code, "exit status\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_claimdb"));
        c.args(args).current_dir(self.dir.path()).env_remove("CLAIMDB_DB").env_remove("COLUMNS");
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).stdin(Stdio::null()).output().expect("claimdb runs"))
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        pipe(self.command(args), stdin)
    }
    /// `claimdb init --sample` at `name`.
    pub fn sample_db(&self, name: &str) -> PathBuf {
        self.run(&["init", name, "--sample"]).expect(0);
        self.path(name)
    }
}

/// Runs `cmd` with `stdin` written to its standard input.
pub fn pipe(mut cmd: Command, stdin: impl AsRef<[u8]>) -> Run {
    use std::io::Write;
    let mut child =
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("claimdb runs");
    child.stdin.take().unwrap().write_all(stdin.as_ref()).unwrap();
    Run::from(child.wait_with_output().unwrap())
}

/// The project's own files, for tests that read the sample directly.
pub fn project_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}
