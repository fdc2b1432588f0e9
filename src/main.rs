//! The `archiv` command line: parses arguments, calls the library, prints,
//! and turns the outcome into an exit code. Nothing else lives here.

use archiv::error::exit;
use archiv::index::writer::Progress;
use archiv::render::output::{self, Style};
use archiv::{Error, IndexOptions, SearchRequest, Sort, Target};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

/// Full-text search for German news archives.
///
/// Index a folder of agency copy (dpa-AFX, Reuters, AFP, … as .txt, .json
/// or .jsonl), then search it with German-aware matching: inflected forms
/// (Angriff finds Angriffe), umlaut spellings (Rueckzug finds Rückzug),
/// ß/ss, the parts of hyphenated words, and the parts of compounds (Hilfe
/// finds Militärhilfe, ranked below articles that say Hilfe).
#[derive(Parser, Debug)]
#[command(name = "archiv", version, after_help = EXAMPLES)]
struct Cli {
    /// Index folder [default: $XDG_DATA_HOME/archiv/index or ~/.local/share/archiv/index]
    #[arg(long, global = true, env = "ARCHIV_INDEX", value_name = "DIR")]
    index: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "\
Examples:
  archiv index sample-corpus
  archiv search Rutte Frieden
  archiv search '\"Nato-Generalsekretär\" -China' --from 2025-12-01 --to 2025-12-31
  archiv search 'agency:dpa-afx Nato' --sort date --format json
  archiv statements --by Rutte Frieden
  archiv people --top 20
  archiv split Unterstützungszusagen Verbraucher

Exit codes: 0 ok, 1 no match, 2 usage, 3 indexed with reported files,
4 no index, 5 incompatible or damaged index, 6 index locked, 7 I/O error,
8 query syntax, 9 unknown field.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Build or refresh the index from an archive folder.
    ///
    /// Incremental: only new and changed files are read, vanished files are
    /// removed. One summary line on stdout; reported files on stderr.
    Index(IndexArgs),
    /// Search articles: ranked hits with highlighted passages.
    ///
    /// All words must match. Syntax: `a OR b`, `-word`, `"a phrase"`,
    /// `field:value` (headline, body, people, agency, place),
    /// `date:[2025-12-01 TO 2025-12-31]`.
    Search(SearchArgs),
    /// Search what people said: quoted and reported statements.
    Statements(StatementsArgs),
    /// List the people named in the articles, most frequent first.
    People(PeopleArgs),
    /// Show what the index holds: documents, archive, last run.
    Status(FormatArgs),
    /// Show how words split into compound parts, as the index at --index
    /// splits them (with the lexicon alone where there is no index).
    ///
    /// Non-final parts are shown in dictionary form (Unterstützungs- →
    /// unterstützung), the last one as written; `-` reads words from stdin,
    /// one a line.
    Split(SplitArgs),
}

#[derive(Args, Debug)]
struct SplitArgs {
    /// Words to split; `-` reads them from stdin.
    #[arg(required = true)]
    words: Vec<String>,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Args, Debug)]
struct IndexArgs {
    /// The archive folder (searched recursively).
    archive: PathBuf,
    /// Build a fresh index beside the live one and swap it in when done.
    #[arg(long)]
    rebuild: bool,
    /// If another `archiv index` is running, wait for it instead of exiting.
    #[arg(long)]
    wait: bool,
    /// Make progress durable every N files.
    #[arg(long, default_value_t = 2000, value_name = "N")]
    commit_every: usize,
    /// Skip people and statement extraction (faster, for testing).
    #[arg(long)]
    no_extract: bool,
    /// Do not split compounds (faster; then Hilfe does not find Militärhilfe).
    #[arg(long)]
    no_decompound: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    format: FormatArgs,
}

/// Which articles count: by agency and date.
#[derive(Args, Debug, Default)]
struct ScopeArgs {
    /// Only this agency (e.g. dpa-AFX, Reuters).
    #[arg(long)]
    agency: Option<String>,
    /// Only from this day on (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Only up to this day (YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
}

#[derive(Args, Debug)]
struct FilterArgs {
    #[command(flatten)]
    scope: ScopeArgs,
    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    limit: usize,
    /// Skip this many hits (for paging).
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Match whole words only: Hilfe does not find Militärhilfe.
    #[arg(long)]
    whole_words: bool,
}

#[derive(Args, Debug)]
struct OutputArgs {
    #[command(flatten)]
    format: FormatArgs,
    /// When to colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Markers around highlighted words in plain output, as OPEN,CLOSE.
    #[arg(long, default_value = "[,]", value_name = "OPEN,CLOSE")]
    highlight_markers: String,
}

#[derive(Args, Debug)]
struct FormatArgs {
    /// Output format: text for people, json for scripts (one object per line).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args, Debug)]
struct SearchArgs {
    /// The query; several words are joined. Quote a query with `-word`
    /// (exclusion) so it is not read as a flag: 'Nato -China'.
    #[arg(required = true)]
    query: Vec<String>,
    /// Only articles naming this person (full name or surname).
    #[arg(long)]
    person: Option<String>,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    sort: SortArg,
    /// Show why each hit ranks where it does: the score of each query word
    /// by field (in JSON: an `explain` object).
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args, Debug)]
struct StatementsArgs {
    /// Words the statement must contain (optional with --by).
    query: Vec<String>,
    /// Only statements by this person (full name, surname or alias).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// Order of statements.
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    sort: SortArg,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args, Debug)]
struct PeopleArgs {
    /// Only names (or name parts) starting with this, e.g. `Rut`.
    prefix: Option<String>,
    /// How many people to list.
    #[arg(long, default_value_t = 20, value_name = "N")]
    top: usize,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    format: FormatArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SortArg {
    Relevance,
    Date,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() {
    let cli = Cli::parse();
    let index_dir = cli.index.clone().unwrap_or_else(archiv::default_index_dir);
    let code = match run(cli.command, index_dir) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("archiv: {err}");
            err.exit_code()
        }
    };
    std::process::exit(code);
}

fn run(command: Command, index_dir: PathBuf) -> Result<i32, Error> {
    match command {
        Command::Index(args) => run_index(args, index_dir),
        Command::Search(args) => {
            let mut request = search_request(args.query, args.person, args.sort, &args.filters)?;
            request.explain = args.explain;
            run_search(&index_dir, request, &args.output, Target::Articles)
        }
        Command::Statements(args) => {
            let request = search_request(args.query, args.by, args.sort, &args.filters)?;
            run_search(&index_dir, request, &args.output, Target::Statements)
        }
        Command::People(args) => run_people(&index_dir, args),
        Command::Status(args) => run_status(&index_dir, args.format),
        Command::Split(args) => run_split(&index_dir, args),
    }
}

fn search_request(
    query: Vec<String>,
    person: Option<String>,
    sort: SortArg,
    filters: &FilterArgs,
) -> Result<SearchRequest, Error> {
    let parse_date =
        |v: &Option<String>| v.as_deref().map(archiv::query::parse_user_date).transpose();
    Ok(SearchRequest {
        query: query.join(" "),
        agency: filters.scope.agency.clone(),
        person,
        from: parse_date(&filters.scope.from)?,
        to: parse_date(&filters.scope.to)?,
        limit: filters.limit,
        offset: filters.offset,
        sort: match sort {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Date => Sort::Date,
        },
        target: Target::Articles,
        whole_words: filters.whole_words,
        explain: false,
    })
}

fn run_search(
    index_dir: &std::path::Path,
    mut request: SearchRequest,
    output: &OutputArgs,
    target: Target,
) -> Result<i32, Error> {
    if target == Target::Statements && request.query.trim().is_empty() && request.person.is_none() {
        return Err(Error::Usage(
            "say whose statements (--by NAME) or what they are about (QUERY), or both".into(),
        ));
    }
    request.target = target;
    let style = style(output)?;
    let started = Instant::now();
    let results = archiv::search(index_dir, &request)?;
    let mut stdout = std::io::stdout().lock();
    for hit in &results.hits {
        let written = match target {
            Target::Articles => output::write_article(&mut stdout, hit, &style),
            Target::Statements => output::write_statement(&mut stdout, hit, &style),
        };
        if let Err(err) = written {
            return broken_pipe_or(err);
        }
    }
    let _ = stdout.flush();
    let what = if target == Target::Articles {
        "articles"
    } else {
        "statements"
    };
    eprintln!(
        "{} {what} match; showing {} in {:.1} ms",
        results.total,
        results.hits.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(if results.total == 0 {
        exit::NO_MATCH
    } else {
        exit::OK
    })
}

/// A closed pipe (`archiv search … | head`) is not an error.
fn broken_pipe_or(err: std::io::Error) -> Result<i32, Error> {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(exit::OK)
    } else {
        Err(Error::io("cannot write", "stdout", err))
    }
}

fn style(output: &OutputArgs) -> Result<Style, Error> {
    if output.format.format == Format::Json {
        return Ok(Style::Json);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match output.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && std::io::stdout().is_terminal(),
    };
    if color {
        return Ok(Style::Color);
    }
    let (open, close) = output.highlight_markers.split_once(',').ok_or_else(|| {
        Error::Usage(format!(
            "--highlight-markers wants OPEN,CLOSE (e.g. '[,]' or '**,**'), not `{}`",
            output.highlight_markers
        ))
    })?;
    Ok(Style::Plain {
        open: open.to_string(),
        close: close.to_string(),
    })
}

fn run_index(args: IndexArgs, index_dir: PathBuf) -> Result<i32, Error> {
    let options = IndexOptions {
        archive: args.archive,
        index_dir,
        rebuild: args.rebuild,
        wait: args.wait,
        commit_every: args.commit_every,
        extract: !args.no_extract,
        decompound: !args.no_decompound,
        writer_memory: 200_000_000,
    };
    let progress = Bar::new(!args.quiet && std::io::stderr().is_terminal());
    let summary = archiv::index(&options, &progress)?;
    for report in &summary.reports {
        let is_error = report.severity == archiv::ingest::Severity::Skipped;
        if is_error || !args.quiet {
            eprintln!("archiv: {report}");
        }
    }
    if !args.quiet {
        match args.format.format {
            Format::Json => println!(
                "{}",
                serde_json::to_string(&summary).map_err(|e| Error::Internal(e.to_string()))?
            ),
            Format::Text => println!("{summary}"),
        }
    }
    Ok(if summary.has_failures() {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

fn run_people(index_dir: &std::path::Path, args: PeopleArgs) -> Result<i32, Error> {
    let filters = FilterArgs {
        scope: args.scope,
        limit: 0,
        offset: 0,
        whole_words: false,
    };
    let request = search_request(Vec::new(), None, SortArg::Relevance, &filters)?;
    let people = archiv::people(index_dir, &request, args.prefix.as_deref(), args.top)?;
    let mut stdout = std::io::stdout().lock();
    for person in &people {
        let line = match args.format.format {
            Format::Json => {
                serde_json::to_string(person).map_err(|e| Error::Internal(e.to_string()))?
            }
            Format::Text => format!("{:>6}  {}", person.articles, person.name),
        };
        if let Err(err) = writeln!(stdout, "{line}") {
            return broken_pipe_or(err);
        }
    }
    Ok(if people.is_empty() {
        exit::NO_MATCH
    } else {
        exit::OK
    })
}

fn run_status(index_dir: &std::path::Path, format: Format) -> Result<i32, Error> {
    let status = archiv::index::status::read(index_dir)?;
    match format {
        Format::Json => println!(
            "{}",
            serde_json::to_string(&status).map_err(|e| Error::Internal(e.to_string()))?
        ),
        Format::Text => print!("{status}"),
    }
    Ok(exit::OK)
}

fn run_split(index_dir: &std::path::Path, args: SplitArgs) -> Result<i32, Error> {
    let words = if args.words == ["-"] {
        std::io::read_to_string(std::io::stdin())
            .map_err(|err| Error::io("cannot read", "stdin", err))?
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        args.words
    };
    let (splits, source) = archiv::split_words(index_dir, &words)?;
    eprintln!("archiv split: {source}");
    let mut stdout = std::io::stdout().lock();
    for split in &splits {
        let line = match args.format.format {
            Format::Json => {
                serde_json::to_string(split).map_err(|e| Error::Internal(e.to_string()))?
            }
            Format::Text => match &split.parts {
                Some(parts) => format!("{}\t{}", split.word, parts.join(" + ")),
                None => format!("{}\t(whole)", split.word),
            },
        };
        if let Err(err) = writeln!(stdout, "{line}") {
            return broken_pipe_or(err);
        }
    }
    Ok(exit::OK)
}

/// A progress bar on stderr, only on a terminal.
struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    fn new(visible: bool) -> Bar {
        Bar(visible.then(indicatif::ProgressBar::hidden))
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {per_sec}  eta {eta}",
            ) {
                bar.set_style(style);
            }
        }
    }
    fn advance(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
