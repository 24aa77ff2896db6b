//! Command-line arguments as clap parses them, and nothing more: deciding what they mean is
//! [`crate::settings`]'s job. The doc comments here are the `--help` text, the man page and the
//! shell completions, so all three always agree.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  rows were printed (verify: every check passed)
  1  no rows (verify: a fault was found)
  2  an error: bad input, bad arguments, or a database problem

Database: --db PATH, else $CLAIMDB_DB, else ./claims.db if it exists, else the built-in sample
(the January 2025 article on operations against ISIS and its 34 hand-checked claims) in memory.";

/// Store, query and check claims from news reporting, each tied to the exact quote in its source.
#[derive(Debug, Parser)]
#[command(name = "claimdb", version, after_help = EXIT_STATUS_HELP, max_term_width = 100)]
pub struct Cli {
    /// The database file to use.
    #[arg(
        long,
        global = true,
        env = "CLAIMDB_DB",
        value_name = "PATH",
        hide_env_values = true,
        value_parser = clap::builder::TypedValueParser::map(clap::builder::OsStringValueParser::new(), PathBuf::from)
    )]
    pub db: Option<PathBuf>,

    /// How long to wait for another process's lock on the database before giving up, in
    /// milliseconds: a writer waits for another writer; readers never wait for a writer in WAL.
    #[arg(long, global = true, value_name = "MS", default_value_t = 5000,
          value_parser = clap::value_parser!(u64).range(0..=i32::MAX as u64))]
    pub busy_timeout: u64,

    #[command(subcommand)]
    pub command: Command,
}

/// How long a statement of the user's may run.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Stop a statement that spends longer than this many seconds finding its rows (0: no limit).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = seconds)]
    pub timeout: f64,
}

/// A number of seconds: finite, from 0 to a year.
fn seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if (0.0..=31_536_000.0).contains(&t) => Ok(t),
        Ok(_) => Err("expected from 0 (no limit) to 31536000 seconds".into()),
        Err(_) => Err(format!("`{s}` is not a number of seconds")),
    }
}

/// Output options shared by every command that prints rows.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, tsv when piped]
    #[arg(long, short = 'F', value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,

    /// Leave out the header line (csv, tsv, markdown).
    #[arg(long)]
    pub no_headers: bool,
}

/// `--format` as typed; [`crate::settings`] turns it into the renderer's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A table sized to the terminal.
    Table,
    /// One JSON array of objects.
    Json,
    /// One JSON object a line.
    Ndjson,
    Csv,
    /// Tab-separated; tabs, newlines and backslashes in values are written \t, \n and \\.
    Tsv,
    /// A GitHub-flavoured Markdown table.
    Markdown,
}

/// `check --format`: the row formats, and ClaimReview for publishing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A table sized to the terminal.
    Table,
    /// One JSON array of verdicts, each with its reading and evidence.
    Json,
    /// One verdict object a line.
    Ndjson,
    Csv,
    Tsv,
    Markdown,
    /// A JSON array of schema.org ClaimReview objects.
    Claimreview,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One record a line, each with its "type"; `import` reads it back.
    Ndjson,
    /// One JSON array of records.
    Json,
    /// One record type (pick it with --only); aliases are joined with `|`.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordType {
    Entities,
    Sources,
    Claims,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub const QUERY_HELP: &str = "\
query  := target [in PLACE] [by SPEAKER] [on DATE] [from SOURCE] [where cond]
          [select item, …] [group by field, …] [order by item [asc|desc], …] [limit N]
target := claims | troops | casualties | captures | strikes | operations | statements
          | milestones | sources | entities
cond   := cond or cond | cond and cond | not cond | ( cond ) | field op value
          | field in (value, …) | field between value and value | field ~ text | field is [not] null
op     := = | != | < | <= | > | >=
item   := field | count | sum(field) | min(field) | max(field) | avg(field)

Names match any alias (party = US, party = American); places include what lies inside them
(in Iraq finds the Hamrin Mountains); dates compare by the days they cover (on 2025-01-03 finds
a claim dated 2025-01-02/2025-01-03). `claimdb fields` lists every field.

Examples:
  claimdb query troops in Iraq
  claimdb q 'casualties where party = coalition'
  claimdb q 'statements by Kurilla'
  claimdb q 'claims where text ~ cave'
  claimdb q 'troops select location, sum(value) group by location' --format json";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a database, empty or holding the built-in sample.
    #[command(after_long_help = "Examples:
  claimdb init                   # ./claims.db, empty
  claimdb init --sample          # ./claims.db with the sample article and its claims
  claimdb init news.db --sample")]
    Init {
        /// Where to create it: a file, or a postgres:// URL [default: --db, $CLAIMDB_DB, else ./claims.db]
        path: Option<PathBuf>,
        /// Load the built-in sample article, its entities and its hand-checked claims.
        #[arg(long)]
        sample: bool,
    },

    /// Import entities, sources and claims from NDJSON, a JSON array or CSV, all or nothing.
    #[command(after_long_help = "Each NDJSON line or JSON array element is an object with a \"type\": \"entity\",
\"source\" or \"claim\" (see README.md for the fields). A CSV file holds one record type, told by its
header: a `quote` column means claims, `title` sources, `name` entities. Any bad record rejects the
whole import with its file, line and reason, and nothing is written. Records already present with
the same content are left as they are, so importing a file twice is harmless.

Examples:
  claimdb --db news.db import examples/sample/entities.ndjson examples/sample/claims.ndjson
  claimdb export | claimdb --db copy.db import -")]
    Import {
        /// Files to read; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Take the file for this import alone and load it in bulk: faster, but it waits for
        /// every other connection to close, and while it runs others wait up to their
        /// --busy-timeout and then fail. Without it, only a file the import creates is loaded so.
        #[arg(long)]
        exclusive: bool,
        /// Let a source's `text_file` name a file outside the imported file's folder.
        #[arg(long)]
        allow_outside: bool,
        /// The largest `text_file` read, in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = crate::import::DEFAULT_MAX_TEXT_BYTES)]
        max_text_bytes: u64,
    },

    /// Read news articles into claims: figures, dates, places, parties and who said what.
    #[command(
        after_long_help = "Each text is stored exactly as given, and every claim extracted from it points at the
exact characters it rests on. Extraction is rule-based and explainable (see README, \"Reading articles\"):
run `claimdb annotate FILE` to see every mention the recognisers found and why a claim was or was
not made. Relative dates (\"Tuesday\", \"last week\") are resolved against --published, never against
today; without it they stay unresolved and a warning says so.

Beside FILE, a NAME.meta.json with `title`, `publisher`, `url` and `published` fills what the flags
leave unset. Several files are one transaction: all are stored, or none. A text already stored
(same SHA-256) is refused, with the source that holds it.

Examples:
  claimdb --db news.db ingest article.txt --published 2025-01-06 --title 'Strikes in Syria'
  claimdb ingest article.txt --published 2025-01-06 --dry-run --format json
  claimdb --db news.db ingest corpus/*.txt"
    )]
    Ingest {
        /// Text files to read, one article each; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The source's id (one file only) [default: the file's name without extension].
        #[arg(long, value_name = "SLUG")]
        id: Option<String>,
        /// The source's title [default: the text's first line].
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        publisher: Option<String>,
        #[arg(long)]
        url: Option<String>,
        /// When it was published (YYYY-MM-DD, YYYY-MM or YYYY): what relative dates resolve against.
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// A gazetteer file extending the built-in one (same format: README, "Gazetteer").
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
        /// Print the claims it would store, and store nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Judge statements against the stored sources: supported, contradicted, conflicting or unverified.
    #[command(
        after_long_help = "Each statement is read by ingest's recognisers (figure, unit, party, place, date, speaker,
quotation) and compared with the stored claims about the same thing: figures as intervals
(\"around 2,500\" is 2,250 to 2,750), dates by their grain, quotations word for word. The verdict
comes with the claims that decide it and a reason; README, \"Checking a statement\", has the rules.

Exit status: 0 when every statement is supported, 1 when any is not, 2 on an error.

Examples:
  claimdb check 'Around 2,500 U.S. troops are in Iraq'
  claimdb check -f statements.txt --format json
  claimdb check --as-of 2024-12-31 'The U.S. has some 2,000 troops in Syria'
  claimdb check 'Kurilla said \"The enduring defeat of ISIS is a global effort\"' --format claimreview"
    )]
    Check {
        /// Statements, one an argument; `-` reads them from standard input, one a line.
        #[arg(value_name = "STATEMENT")]
        statements: Vec<String>,
        /// A file of statements, one a line (blank lines and lines starting with # are skipped).
        #[arg(long, short = 'f', value_name = "FILE")]
        file: Option<PathBuf>,
        /// Judge as of this date (YYYY-MM-DD, YYYY-MM or YYYY): later evidence is left out.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Output format [default: table on a terminal, tsv when piped]
        #[arg(long, short = 'F', value_enum, value_name = "FORMAT")]
        format: Option<CheckFormat>,
        /// Leave out the header line (csv, tsv, markdown).
        #[arg(long)]
        no_headers: bool,
        /// Also write the verdicts as a page, each quote linked to its place on its source's
        /// page (as `view --all` writes them).
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },

    /// List pairs of claims from different sources that cannot both be right.
    #[command(
        after_long_help = "Two claims conflict when they come from different sources, are about the same thing (kind,
what is counted, party, place), hold for overlapping times (a claim's date, else when it was said,
else its source's publication date), and give figures that cannot both hold. Figures that differ
at different times are a change, not a conflict, and are not listed.

Examples:
  claimdb conflicts
  claimdb conflicts 'troops in Iraq' --format json"
    )]
    Conflicts {
        /// Which claims to look among, in the query language [default: all].
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Write a source's page: its text with every claim highlighted, and its claims listed.
    #[command(
        after_long_help = "One self-contained HTML file (no scripts, fonts or images from anywhere): the source text with
every claim's words highlighted and labelled by kind, its reading (figure, date and grain, party,
place, speaker and role, curated or extracted) on hover and on keyboard focus, and a list of the
claims that jumps to each. A claim that conflicts with another source's is marked, with the other
quote and a link to its page. With --all, a page for every source and an index.html go into the
folder -o names; the links between them work from the file system.

Examples:
  claimdb view centcom-isis-2025-01 -o page.html
  claimdb --db news.db view --all -o pages/"
    )]
    View {
        /// The source's id (`claimdb sources` lists them).
        #[arg(value_name = "SOURCE", required_unless_present = "all", conflicts_with = "all")]
        source: Option<String>,
        /// A page for every source, and an index page, in the folder -o names.
        #[arg(long, requires = "output")]
        all: bool,
        /// Where to write: a file [default: standard output], or with --all a folder.
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
    },

    /// Lay out the claims a query matches by date, one line a claim.
    #[command(
        after_long_help = "Each claim is drawn over the days it holds for (its date, else when it was said, else its
source's publication date): a day is a dot, a range, a month or a year a bar as wide as its days,
so precision shows as width. The axis is sized to the terminal (--width otherwise). --html FILE
writes the same as a page with an SVG, each bar linked to its claim on its source's page (as
`view --all` names them).

Examples:
  claimdb timeline 'troops'
  claimdb timeline 'claims where location = Syria' --width 120
  claimdb timeline --html timeline.html"
    )]
    Timeline {
        /// Which claims, in the query language [default: all].
        #[arg(value_name = "QUERY")]
        query: Vec<String>,
        /// Columns to fill [default: the terminal's, else 100].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(40..))]
        width: Option<u16>,
        /// Write the timeline as an HTML page with an SVG instead.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
    },

    /// Show every mention the recognisers find in a text, claim or not.
    #[command(
        after_long_help = "One row a mention: kind (date, quantity, place, party, person, quote), text, start and
end (character offsets), and the normalised reading: a date's value and grain; a quantity's value,
low and high bounds, qualifier and unit; an entity's name; a quotation's speaker, role and said_on.

Examples:
  claimdb annotate article.txt --published 2025-01-06
  echo 'some 2,000 troops' | claimdb annotate -
  echo 'Jan. 6' | claimdb annotate - --published 2025-01-07 --format json"
    )]
    Annotate {
        /// A text file; `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// When it was published: what relative dates resolve against.
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// Its title, as `ingest --title`: a press statement's names who issued it, the speaker of
        /// its quotations that name no one.
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// A gazetteer file extending the built-in one.
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Copy the database to a new file, consistently, while others go on reading and writing.
    #[command(after_long_help = "Uses SQLite's online backup API from a read-only connection: the copy is the
database as of one moment, even while an import runs. The new file must not exist yet; it appears
whole or not at all.

Example:
  claimdb --db news.db backup news-2025-01-07.db")]
    Backup {
        /// Where to write the copy.
        path: PathBuf,
    },

    /// Copy a whole database between a file and a PostgreSQL server, either way.
    #[command(after_long_help = "Reads FROM as of one moment and writes TO in one transaction, checking every
record as an import does; `verify` passes on the copy. TO must be new: a file that does not exist
yet, or a server database that holds no claimdb schema.

Examples:
  claimdb copy --from claims.db --to postgres://newsroom@db.example.org/claims
  claimdb copy --from postgres:///claims --to claims-2025-01-07.db")]
    Copy {
        /// The database to copy: a file or a postgres:// URL.
        #[arg(long, value_name = "DB")]
        from: String,
        /// Where to copy it: a new file or a postgres:// URL of a database without claimdb's schema.
        #[arg(long, value_name = "DB")]
        to: String,
    },

    /// Bring a database file to this claimdb's schema, in one transaction.
    #[command(after_long_help = "Commands that only read never change a file, so a file of an older schema is
read after `claimdb migrate`; commands that write (import) migrate it themselves.

Example:
  claimdb --db old.db migrate")]
    Migrate,

    /// Write entities, sources and claims in the shapes `import` reads.
    #[command(after_long_help = "Examples:
  claimdb export > all.ndjson
  claimdb export --format csv --only claims > claims.csv
  claimdb export --source centcom-isis-2025-01 --format json")]
    Export {
        #[arg(long, short = 'F', value_enum, default_value = "ndjson")]
        format: ExportFormat,
        /// Export one record type only (required for csv).
        #[arg(long, value_enum)]
        only: Option<RecordType>,
        /// Export only this source and its claims (entities are always all exported).
        #[arg(long, value_name = "ID")]
        source: Option<String>,
    },

    /// Ask a question in the query language.
    #[command(visible_alias = "q", after_long_help = QUERY_HELP)]
    Query {
        /// The query; several arguments are joined with spaces.
        #[arg(value_name = "QUERY", required_unless_present = "file")]
        query: Vec<String>,
        /// Run each line of FILE as a query (`-` for stdin); blank lines and `#` comments are skipped.
        #[arg(short = 'f', long, value_name = "FILE", conflicts_with = "query")]
        file: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Show the SQL a query compiles to, its parameters, and SQLite's query plan.
    #[command(after_long_help = "Example:
  claimdb explain troops in Iraq")]
    Explain {
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
        /// Explain the query as `query --format FORMAT` runs it: tables and markdown select a
        /// readable subset of columns, the other formats every field.
        #[arg(long, short = 'F', value_enum, value_name = "FORMAT", default_value = "table")]
        format: FormatArg,
    },

    /// Run one SQL statement, read-only: SQLite itself refuses writes, ATTACH and setting pragmas.
    #[command(after_long_help = "Tables: claims, sources, entities, entity_aliases; the view claims_view has every
claim under its JSON keys; claims_fts is the full-text index. `claimdb explain` shows the SQL a query
becomes, a good place to start.

Examples:
  claimdb sql 'SELECT kind, count(*) FROM claims GROUP BY kind'
  claimdb sql \"SELECT id, quote FROM claims_view WHERE location = 'Syria'\" --format json")]
    Sql {
        /// The SQL statement; several arguments are joined with spaces.
        #[arg(value_name = "SQL", required = true)]
        sql: Vec<String>,
        #[command(flatten)]
        limits: LimitArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// An interactive prompt for queries, with history and completion.
    #[command(
        after_long_help = "Type a query and press Enter; Tab completes keywords, fields and names. Lines starting
with a dot are commands: .help, .format FORMAT, .explain QUERY, .fields, .quit. History is kept in
$XDG_STATE_HOME/claimdb/history (or ~/.local/state/claimdb/history).

Example:
  claimdb --db news.db shell"
    )]
    Shell {
        #[command(flatten)]
        limits: LimitArgs,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List every target and field of the query language, with its type and an example.
    #[command(after_long_help = "troops, casualties, captures, strikes, operations, statements and milestones are
claims of one kind and have the fields of claims.

Examples:
  claimdb fields
  claimdb fields entities --format json")]
    Fields {
        /// Show only this target's fields.
        #[arg(value_name = "TARGET")]
        target: Option<String>,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List every claim.
    #[command(after_long_help = "Tables show a readable subset of the fields; json, ndjson, csv and tsv give all
of them, under the keys documented in README.md.

Examples:
  claimdb list
  claimdb list --format json | jq '.[] | select(.kind == \"troops\")'")]
    List {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Show one claim with its sentence in context and the quote marked.
    #[command(after_long_help = "Examples:
  claimdb show cc16
  claimdb show cc16 --format json")]
    Show {
        /// The claim's id.
        id: String,
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List the sources with their claim counts.
    #[command(after_long_help = "Example:
  claimdb sources --format csv")]
    Sources {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// List the entities: people, organizations, countries, places and operations, with aliases.
    #[command(after_long_help = "Example:
  claimdb entities --format tsv | grep place")]
    Entities {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Check every quote against its source and every source against its hash.
    #[command(after_long_help = "Also runs SQLite's integrity check, the foreign-key check and the full-text index's
own check. Prints one row for each fault and exits 1 when there is one; exits 0 when all is well.

Example:
  claimdb --db news.db verify")]
    Verify {
        #[command(flatten)]
        output: OutputArgs,
    },

    /// Print a shell completion script.
    #[command(after_long_help = "Examples:
  claimdb completions bash > ~/.local/share/bash-completion/completions/claimdb
  claimdb completions zsh > ~/.zfunc/_claimdb
  claimdb completions fish > ~/.config/fish/completions/claimdb.fish")]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },

    /// Print the man page (roff).
    #[command(after_long_help = "Example:
  claimdb man > claimdb.1 && man ./claimdb.1")]
    Man,
}
