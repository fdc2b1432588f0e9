//! The `archiv` command line: parses arguments, calls the library, prints,
//! and turns the outcome into an exit code. Nothing else lives here.

use archiv::error::exit;
use archiv::index::writer::Progress;
use archiv::render::output::{self, Style};
use archiv::{Error, IndexOptions, SearchRequest, Sort, Target};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
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
#[command(name = "archiv", after_help = EXAMPLES)]
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
  archiv show 2025/1203_afp_bruessel_nato.txt --query Rutte
  archiv count Nato --by month
  archiv statements --by Rutte Frieden
  archiv people --top 20
  archiv split Unterstützungszusagen Verbraucher
  archiv completions bash > ~/.local/share/bash-completion/completions/archiv
  archiv man > archiv.1

Exit codes: 0 ok, 1 no match, 2 usage, 3 indexed with reported files,
4 no index, 5 incompatible, damaged or not an archiv index, 6 index locked,
7 I/O error, 8 query syntax, 9 unknown field, 10 mass delete refused.";

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
    /// `date:[2025-12-01 TO 2025-12-31]`. Any other colon is text, so
    /// pasted text works as a query (`2:1-Führung`). Versions of one
    /// story (updates, corrections, re-sends) are shown as one hit with
    /// "n more versions"; --all-versions shows each.
    Search(SearchArgs),
    /// Show one article whole: headline, date, agency, place, people, the
    /// body and the statements in it; --query marks words in it.
    ///
    /// ID is what `archiv search` prints under each hit (the path in the
    /// archive, `#LINE` for JSONL).
    Show(ShowArgs),
    /// Count the matching articles by month and by agency.
    ///
    /// Without a query, every article counts; --agency, --from and --to
    /// narrow as in `archiv search`.
    Count(CountArgs),
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
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `archiv completions bash > ~/.local/share/bash-completion/completions/archiv`;
    /// zsh: `archiv completions zsh > ~/.zfunc/_archiv` (with ~/.zfunc in $fpath);
    /// fish: `archiv completions fish > ~/.config/fish/completions/archiv.fish`.
    Completions(CompletionsArgs),
    /// Print the man page (roff) to stdout, or write one page per command.
    ///
    /// `archiv man > archiv.1 && man ./archiv.1`; `archiv man --out DIR`
    /// writes archiv.1, archiv-search.1, … into DIR.
    Man(ManArgs),
}

#[derive(Args, Debug)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
struct ManArgs {
    /// Write a page per command into this folder instead of printing archiv.1.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  archiv show 000_88151d1d0d9aa232.txt --query Frieden\n  archiv show 'feeds/reuters_wire.jsonl#3' --format json"
)]
struct ShowArgs {
    /// The article's id, as `archiv search` shows it.
    id: String,
    /// Mark these words in the article (same syntax as `archiv search`).
    #[arg(long, short = 'q', value_name = "QUERY")]
    query: Option<String>,
    #[command(flatten)]
    format: FormatArgs,
    #[command(flatten)]
    colour: ColourArgs,
}

#[derive(Args, Debug)]
struct CountArgs {
    /// The query (optional: without one, every article counts).
    query: Vec<String>,
    /// Only articles naming this person (full name or surname).
    #[arg(long)]
    person: Option<String>,
    /// What to count by (default: both, months first).
    #[arg(long, value_enum)]
    by: Option<CountBy>,
    /// Match whole words only: Hilfe does not find Militärhilfe.
    #[arg(long)]
    whole_words: bool,
    #[command(flatten)]
    scope: ScopeArgs,
    #[command(flatten)]
    format: ListFormatArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum CountBy {
    Month,
    Agency,
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
    /// Go on even if the run would delete more than half of the indexed
    /// files (otherwise refused with exit 10: an empty or unmounted archive).
    #[arg(long)]
    allow_mass_delete: bool,
    /// Report files larger than this and do not read them (bytes, or with
    /// K, M, G: 64M).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
    /// Follow symlinks that lead out of the archive folder (by default they
    /// are reported and not followed).
    #[arg(long)]
    follow_outside_links: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    #[command(flatten)]
    format: FormatArgs,
}

/// A size such as `64M`, `500K`, `2G` or `1000` (bytes; K, M, G are 1024-based).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let factor: u64 = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size: write e.g. 64M, 500K or 1000"
            ))
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a size: write e.g. 64M, 500K or 1000"))
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
    format: ListFormatArgs,
    #[command(flatten)]
    colour: ColourArgs,
}

#[derive(Args, Debug)]
struct ColourArgs {
    /// When to colour: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Markers around highlighted words in plain output, as OPEN,CLOSE.
    #[arg(long, default_value = "[,]", value_name = "OPEN,CLOSE")]
    highlight_markers: String,
}

#[derive(Args, Debug)]
struct ListFormatArgs {
    /// Output format: text for people, json for scripts (one object per
    /// line), csv for spreadsheets (a header line, then one row each).
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
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
    /// Show every version of a story as its own hit (default: one hit per
    /// story, with "n more versions").
    #[arg(long)]
    all_versions: bool,
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
    format: ListFormatArgs,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum ListFormat {
    Text,
    Json,
    Csv,
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
    let version = archiv::version_text();
    let matches = Cli::command()
        .version(version.clone())
        .long_version(version)
        .get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
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
            request.group_versions = !args.all_versions;
            request.explain = args.explain;
            run_search(&index_dir, request, &args.output, Target::Articles)
        }
        Command::Show(args) => run_show(&index_dir, args),
        Command::Count(args) => run_count(&index_dir, args),
        Command::Completions(args) => {
            let mut stdout = std::io::stdout().lock();
            clap_complete::generate(args.shell, &mut Cli::command(), "archiv", &mut stdout);
            Ok(exit::OK)
        }
        Command::Man(args) => run_man(args),
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
        group_versions: false,
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
    let style = style(output.format.format == ListFormat::Json, &output.colour)?;
    let started = Instant::now();
    let results = archiv::search(index_dir, &request)?;
    for note in &results.notes {
        eprintln!("archiv: {note}");
    }
    let mut stdout = std::io::stdout().lock();
    let written = match output.format.format {
        ListFormat::Csv => {
            let hits = results.hits.iter();
            match target {
                Target::Articles => write_csv(
                    &mut stdout,
                    output::ARTICLE_CSV_HEADER,
                    hits.map(output::article_record),
                ),
                Target::Statements => write_csv(
                    &mut stdout,
                    output::STATEMENT_CSV_HEADER,
                    hits.map(output::statement_record),
                ),
            }
        }
        _ => results.hits.iter().try_for_each(|hit| match target {
            Target::Articles => output::write_article(&mut stdout, hit, &style),
            Target::Statements => output::write_statement(&mut stdout, hit, &style),
        }),
    };
    if let Err(err) = written {
        return broken_pipe_or(err);
    }
    let _ = stdout.flush();
    let noun = match (target, results.total) {
        (Target::Articles, 1) => "article matches",
        (Target::Articles, _) => "articles match",
        (Target::Statements, 1) => "statement matches",
        (Target::Statements, _) => "statements match",
    };
    let folded: usize = results
        .hits
        .iter()
        .filter_map(|h| h.versions.as_ref().map(Vec::len))
        .sum();
    let versions = match folded {
        0 => String::new(),
        1 => " (and 1 more version of them)".to_string(),
        n => format!(" (and {n} more versions of them)"),
    };
    eprintln!(
        "{} {noun}; showing {}{versions} in {:.1} ms",
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

/// Writes a header line and one CSV record each.
fn write_csv(
    out: &mut dyn Write,
    header: &[&str],
    records: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header)?;
    for record in records {
        writer.write_record(&record)?;
    }
    writer.flush()
}

fn run_show(index_dir: &std::path::Path, args: ShowArgs) -> Result<i32, Error> {
    let style = style(args.format.format == Format::Json, &args.colour)?;
    let Some(article) = archiv::show(index_dir, &args.id, args.query.as_deref().unwrap_or(""))?
    else {
        eprintln!(
            "archiv: no article with id `{}` in the index\n  ids are what `archiv search` prints under each hit (the path in the archive, e.g. 2025/1203_afp_bruessel_nato.txt; feed.jsonl#3 for JSONL)",
            args.id
        );
        return Ok(exit::NO_MATCH);
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = archiv::render::show::write(&mut stdout, &article, &style) {
        return broken_pipe_or(err);
    }
    Ok(exit::OK)
}

fn run_count(index_dir: &std::path::Path, args: CountArgs) -> Result<i32, Error> {
    let filters = FilterArgs {
        scope: args.scope,
        limit: 0,
        offset: 0,
        whole_words: args.whole_words,
    };
    let query = if args.query.iter().all(|w| w.trim().is_empty()) {
        vec!["*".to_string()]
    } else {
        args.query
    };
    let request = search_request(query, args.person, SortArg::Relevance, &filters)?;
    let by: &[archiv::query::facets::By] = match args.by {
        Some(CountBy::Month) => &[archiv::query::facets::By::Month],
        Some(CountBy::Agency) => &[archiv::query::facets::By::Agency],
        None => &[
            archiv::query::facets::By::Month,
            archiv::query::facets::By::Agency,
        ],
    };
    let facets = archiv::count(index_dir, &request, by)?;
    let mut stdout = std::io::stdout().lock();
    let written = match args.format.format {
        ListFormat::Csv => write_csv(
            &mut stdout,
            &["by", "value", "articles"],
            facets
                .iter()
                .map(|f| vec![f.by.to_string(), f.value.clone(), f.articles.to_string()]),
        ),
        ListFormat::Json => facets.iter().try_for_each(|f| {
            let line = serde_json::to_string(f).map_err(std::io::Error::other)?;
            writeln!(stdout, "{line}")
        }),
        ListFormat::Text => {
            let mut last_by = "";
            facets.iter().try_for_each(|f| {
                if f.by != last_by {
                    if !last_by.is_empty() {
                        writeln!(stdout)?;
                    }
                    writeln!(stdout, "by {}:", f.by)?;
                    last_by = f.by;
                }
                writeln!(stdout, "{:>8}  {}", f.articles, f.value)
            })
        }
    };
    if let Err(err) = written {
        return broken_pipe_or(err);
    }
    Ok(if facets.is_empty() {
        exit::NO_MATCH
    } else {
        exit::OK
    })
}

fn run_man(args: ManArgs) -> Result<i32, Error> {
    let command = Cli::command().version(archiv::version_text());
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|err| Error::io("cannot create", &dir, err))?;
            clap_mangen::generate_to(command, &dir)
                .map_err(|err| Error::io("cannot write man pages to", &dir, err))?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            if let Err(err) = clap_mangen::Man::new(command).render(&mut stdout) {
                return broken_pipe_or(err);
            }
        }
    }
    Ok(exit::OK)
}

/// A closed pipe (`archiv search … | head`) is not an error.
fn broken_pipe_or(err: std::io::Error) -> Result<i32, Error> {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(exit::OK)
    } else {
        Err(Error::io("cannot write", "stdout", err))
    }
}

fn style(json: bool, output: &ColourArgs) -> Result<Style, Error> {
    if json {
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
        allow_mass_delete: args.allow_mass_delete,
        max_file_size: args.max_file_size,
        follow_outside_links: args.follow_outside_links,
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
    if args.format.format == ListFormat::Csv {
        let records = people
            .iter()
            .map(|p| vec![p.name.clone(), p.articles.to_string()]);
        if let Err(err) = write_csv(&mut stdout, &["name", "articles"], records) {
            return broken_pipe_or(err);
        }
    }
    for person in people
        .iter()
        .filter(|_| args.format.format != ListFormat::Csv)
    {
        let line = match args.format.format {
            ListFormat::Json => output::escape_json_line(
                serde_json::to_string(person).map_err(|e| Error::Internal(e.to_string()))?,
            ),
            _ => format!(
                "{:>6}  {}",
                person.articles,
                output::escape_controls(&person.name)
            ),
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

/// A progress bar on stderr, only on a terminal. The ETA shows once a
/// few files are done ([`eta_warmup`]): the first files carry the start-up
/// (threads, extraction tables), and an estimate from them reads hours.
struct Bar(Option<indicatif::ProgressBar>);

/// Files after which the ETA is shown: 2% of the run, at least 10.
fn eta_warmup(total: u64) -> u64 {
    (total / 50).max(10)
}

const BAR_TEMPLATE: &str = "{bar:40} {pos}/{len} files  {per_sec}";

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
            if let Ok(style) =
                indicatif::ProgressStyle::with_template(&format!("{BAR_TEMPLATE}  eta …"))
            {
                bar.set_style(style);
            }
        }
    }
    fn advance(&self) {
        if let Some(bar) = &self.0 {
            // Switched before the step is drawn, so the frame that shows
            // the warm-up count already has an ETA.
            if bar.position() + 1 == eta_warmup(bar.length().unwrap_or(0)) {
                bar.reset_eta();
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template(&format!("{BAR_TEMPLATE}  eta {{eta}}"))
                {
                    bar.set_style(style);
                }
            }
            bar.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
