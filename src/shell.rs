//! `claimdb shell`: a prompt that runs queries one line at a time, with history, Tab completion of
//! keywords, fields and entity names, and a few dot commands. A bad line prints its error and the
//! prompt comes back; the exit status says whether any line failed, so a script piped into the
//! shell can tell.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use clap::ValueEnum;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use crate::cli::{FormatArg, QUERY_HELP};
use crate::columns::listing;
use crate::columns::{Target, TARGETS};
use crate::dsl::ast::Aggregate;
use crate::dsl::error::did_you_mean;
use crate::dsl::parse::KEYWORDS;
use crate::error::Error;
use crate::exit::Outcome;
use crate::print::{compile, defaults, explain, print, print_query, print_rows};
use crate::render::{Layout, Output};
use crate::store::Store;

const PROMPT: &str = "claimdb> ";

const DOT_COMMANDS: &[(&str, &str)] = &[
    (".help", "this text"),
    (".format FORMAT", "print rows as table, json, ndjson, csv, tsv or markdown"),
    (".explain QUERY", "show the SQL a query compiles to and its plan"),
    (".fields [TARGET]", "list the fields of every target, or of one"),
    (".quit", "leave (so does Ctrl-D)"),
];

pub fn run(mut store: Store, output: Output) -> Result<Outcome, Error> {
    let mut output = output;
    // At a terminal, Ctrl-C stops the statement running (the prompt comes back) instead of the
    // shell; while a line is typed, the line editor reads it as a key and drops the line.
    if std::io::stdin().is_terminal() {
        let interrupt = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupt);
        if ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed)).is_ok() {
            store.set_limits(store.timeout(), Some(interrupt));
        }
    }
    let store = &store;
    let helper = ShellHelper { names: entity_names(store)? };
    let start_error = |e: ReadlineError| Error::msg(format!("cannot start the shell: {e}"));
    // List, as bash does: Tab completes the common prefix, a second Tab lists the choices.
    let config = rustyline::Config::builder()
        .max_history_size(2000)
        .map_err(start_error)?
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut editor: Editor<ShellHelper, DefaultHistory> = Editor::with_config(config).map_err(start_error)?;
    editor.set_helper(Some(helper));
    // A terminal keeps history; piped input (a script) neither reads nor writes it, as sqlite3.
    let interactive = std::io::stdin().is_terminal();
    let history = if interactive { history_path() } else { None };
    if let Some(path) = &history {
        // A missing history file is the first run, not a fault.
        let _ = editor.load_history(path);
    }
    let (mut lines, mut failed) = (0, 0);
    let mut read_error = None;
    loop {
        let line = match editor.readline(PROMPT) {
            Ok(line) => line,
            // Ctrl-C drops the line being typed, as in a shell; Ctrl-D leaves.
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            // A line that is not UTF-8 is a bad line, not the end of the input.
            Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                lines += 1;
                failed += 1;
                eprintln!("claimdb: line {} is not valid UTF-8", lines);
                continue;
            }
            Err(e) => {
                read_error = Some(Error::msg(format!("cannot read input: {e}")));
                break;
            }
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let _ = editor.add_history_entry(line);
        lines += 1;
        match run_line(store, line, &mut output) {
            Ok(Step::Continue) => {}
            Ok(Step::Quit) => break,
            Err(e) if e.is_broken_pipe() => break,
            Err(e) => {
                failed += 1;
                crate::sanitize::say(format_args!("{e}"));
            }
        }
    }
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = editor.save_history(path) {
            eprintln!("claimdb: note: could not save history to {}: {e}", path.display());
        }
    }
    if let Some(e) = read_error {
        return Err(e);
    }
    // Piped input exits 2 when a line failed, so `claimdb shell < queries.txt` is checkable; at a
    // terminal each error was seen as it happened.
    if failed > 0 && !interactive {
        return Err(Error::msg(format!("{failed} of {lines} lines failed")));
    }
    Ok(Outcome::Found)
}

enum Step {
    Continue,
    Quit,
}

fn run_line(store: &Store, line: &str, output: &mut Output) -> Result<Step, Error> {
    // A terminal may have been resized since the last line; a table fits the width it has now.
    if output.width.is_some() {
        output.width = crate::settings::terminal_width().or(output.width);
    }
    let Some(command) = line.strip_prefix('.') else {
        let sql = compile(store, line, defaults(output))?;
        if print_query(store, &sql, output)? == 0 {
            eprintln!("(no rows)");
        }
        return Ok(Step::Continue);
    };
    let (name, rest) = command.split_once(char::is_whitespace).unwrap_or((command, ""));
    let (name, rest) = (name.to_ascii_lowercase(), rest.trim());
    let takes_no_argument = |what: &str| Error::msg(format!(".{what} takes no argument"));
    match name.as_str() {
        "help" | "quit" | "exit" if !rest.is_empty() => return Err(takes_no_argument(&name)),
        "help" => print(|out| write_help(out))?,
        "quit" | "exit" => return Ok(Step::Quit),
        "format" if rest.is_empty() => {
            let name = FormatArg::value_variants()
                .iter()
                .find(|f| crate::render::Format::from(**f) == output.format)
                .and_then(|f| f.to_possible_value())
                .expect("every format has a name");
            eprintln!("format: {}", name.get_name());
        }
        "format" => {
            let format = FormatArg::from_str(rest, true).map_err(|_| {
                Error::msg(format!("unknown format `{rest}`; use table, json, ndjson, csv, tsv or markdown"))
            })?;
            output.format = format.into();
        }
        "explain" if rest.is_empty() => {
            return Err(Error::msg(".explain needs a query, e.g. `.explain troops in Iraq`"))
        }
        "explain" => {
            explain(store, rest, defaults(output))?;
        }
        "fields" => {
            let target = (!rest.is_empty()).then_some(rest);
            print_rows(output, &listing(target)?, Layout::Across)?;
        }
        other => {
            let other = other.to_string();
            let names = DOT_COMMANDS.iter().map(|(c, _)| c.split(' ').next().unwrap_or(c).trim_start_matches('.'));
            let hint = did_you_mean(&other, names).map(|s| format!("; did you mean `.{s}`?")).unwrap_or_default();
            return Err(Error::msg(format!("unknown command `.{other}`{hint} (`.help` lists them)")));
        }
    }
    Ok(Step::Continue)
}

fn write_help(out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "Type a query and press Enter; Tab completes. Commands:")?;
    for (c, what) in DOT_COMMANDS {
        writeln!(out, "  {c:<18} {what}")?;
    }
    writeln!(out)?;
    writeln!(out, "{QUERY_HELP}")
}

/// `$CLAIMDB_HISTORY` (empty: keep none), else `$XDG_STATE_HOME/claimdb/history`, else
/// `~/.local/state/claimdb/history`.
fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMDB_HISTORY") {
        return (!p.is_empty()).then(|| PathBuf::from(p));
    }
    let state = std::env::var_os("XDG_STATE_HOME").filter(|p| !p.is_empty()).map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").filter(|p| !p.is_empty()).map(|h| PathBuf::from(h).join(".local/state"))
    })?;
    Some(state.join("claimdb").join("history"))
}

/// Every entity name and alias, for completion.
fn entity_names(store: &Store) -> Result<Vec<String>, Error> {
    let mut names: Vec<String> = store
        .entities()?
        .iter()
        .flat_map(|e| std::iter::once(e.name()).chain(e.aliases().iter().map(String::as_str)))
        // Completion writes its candidates to the terminal as they are: a name that would act on
        // it (possible only in a hand-edited file) is not offered.
        .filter(|n| matches!(crate::sanitize::sanitize_for_terminal(n), std::borrow::Cow::Borrowed(_)))
        .map(String::from)
        .collect();
    names.sort_unstable_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    Ok(names)
}

struct ShellHelper {
    names: Vec<String>,
}

impl Completer for ShellHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(complete(line, pos, &self.names))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}
impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// What Tab offers for the word ending at byte `pos`: where that word starts, and its completions.
/// At the start of a line: targets and dot commands. After it: keywords, the target's fields and
/// entity names, case-insensitively by prefix; a name with a space comes back quoted.
fn complete(line: &str, pos: usize, names: &[String]) -> (usize, Vec<String>) {
    let before = &line[..pos];
    // (After the separator's own length: a no-break space is two bytes.)
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "(),=!<>~".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[start..];
    // By bytes, on a char boundary: names hold curly quotes (`Michael “Erik” Kurilla`).
    let prefix_of = |cand: &str, w: &str| cand.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    if before.trim_start().starts_with('.') && !before.trim_start().contains(' ') {
        let cands = DOT_COMMANDS
            .iter()
            .map(|(c, _)| c.split(' ').next().unwrap_or(c).to_string())
            .filter(|c| prefix_of(c, word))
            .collect();
        return (start, cands);
    }
    if before[..start].trim().is_empty() {
        let cands = TARGETS.iter().map(|(n, _)| n.to_string()).filter(|n| prefix_of(n, word)).collect();
        return (start, cands);
    }
    // A word opened with a quote completes names only, inside the same quote.
    if let Some(q) = word.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let inner = &word[1..];
        let cands = names.iter().filter(|n| prefix_of(n, inner)).map(|n| format!("{q}{n}{q}")).collect();
        return (start, cands);
    }
    let target = line.split_whitespace().next().and_then(|t| TARGETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(t)));
    let fields: Vec<&str> = match target {
        Some((_, t)) => t.fields().iter().map(|f| f.name).collect(),
        None => Target::BASE.iter().flat_map(|t| t.fields().iter().map(|f| f.name)).collect(),
    };
    let mut cands: Vec<String> = Vec::new();
    let words = KEYWORDS.iter().copied().chain(["count"]).chain(Aggregate::ALL.iter().map(|a| a.as_str()));
    for c in words.chain(fields) {
        if prefix_of(c, word) && !cands.iter().any(|x| x == c) {
            cands.push(c.to_string());
        }
    }
    if !word.is_empty() {
        for n in names.iter().filter(|n| prefix_of(n, word)) {
            cands.push(if n.contains(char::is_whitespace) { format!("\"{n}\"") } else { n.clone() });
        }
    }
    (start, cands)
}

#[cfg(test)]
mod tests {
    use super::complete;

    fn names() -> Vec<String> {
        ["Hamrin Mountains", "Iraq", "Iran", "Kurilla", "Michael “Erik” Kurilla", "U.S."]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    /// Regression: a typed word as long as a name's bytes up to the middle of `“` panicked.
    #[test]
    fn words_ending_inside_a_multibyte_character_complete_nothing() {
        for word in ["Michaelxx", "Michaelxxx", "Michael “Erik”x", "Michael “Erik”xx"] {
            let line = format!("troops by {word}");
            assert_eq!(complete(&line, line.len(), &names()).1, Vec::<String>::new(), "{word}");
        }
        assert_eq!(complete("troops by Mich", 14, &names()).1, ["\"Michael “Erik” Kurilla\""]);
    }

    /// Regression: a space of more than one byte (a no-break space, an ideographic space, a
    /// line separator) before the word panicked.
    #[test]
    fn a_word_after_a_wide_space_completes() {
        for space in ['\u{a0}', '\u{3000}', '\u{2028}'] {
            let line = format!("troops in{space}Ir");
            assert_eq!(
                complete(&line, line.len(), &names()),
                (9 + space.len_utf8(), vec!["Iraq".to_string(), "Iran".to_string()])
            );
        }
    }

    #[test]
    fn first_word_completes_targets() {
        assert_eq!(complete("tro", 3, &names()), (0, vec!["troops".to_string()]));
        assert_eq!(complete("  s", 3, &names()).1, ["strikes", "statements", "sources"]);
    }

    #[test]
    fn later_words_complete_keywords_fields_and_names() {
        assert_eq!(complete("troops whe", 10, &names()), (7, vec!["where".to_string()]));
        assert_eq!(complete("troops where loc", 16, &names()).1, ["location"]);
        assert_eq!(complete("troops in Ir", 12, &names()), (10, vec!["Iraq".to_string(), "Iran".to_string()]));
        assert_eq!(complete("troops where location=Ham", 25, &names()), (22, vec!["\"Hamrin Mountains\"".to_string()]));
        // Fields belong to the target: sources have no `location`.
        assert!(complete("sources where loc", 17, &names()).1.is_empty());
    }

    #[test]
    fn quoted_words_complete_names_inside_the_quote() {
        assert_eq!(complete("claims in 'ham", 14, &names()), (10, vec!["'Hamrin Mountains'".to_string()]));
    }

    #[test]
    fn dot_commands_complete() {
        assert_eq!(complete(".fo", 3, &names()), (0, vec![".format".to_string()]));
    }
}
