//! Command-line arguments.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::parser::ValueSource;
use clap::{ArgMatches, Args, Parser, Subcommand, ValueEnum};

use innorank::ahp::{Aggregation, AhpOptions, Completion, PriorityMethod, RandomIndex, Synthesis};
use innorank::pipeline::{CompareMethod, CompareOptions, WeighOptions};
use innorank::template::Template;
use innorank::topsis::Normalization;
use innorank::{Method, RankOptions};

/// Weight criteria with AHP and rank alternatives with TOPSIS.
#[derive(Debug, Parser)]
#[command(name = "innorank", version, about, propagate_version = true)]
#[command(
    after_help = "Examples:\n  innorank rank examples/innovation-proposals.yaml\n  innorank weights examples/innovation-proposals.yaml\n  innorank check problem.yaml\n  cat problem.yaml | innorank rank - --format json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Screen, weigh and rank the alternatives of a problem file.
    #[command(
        after_help = "Examples:\n  innorank rank examples/innovation-proposals.yaml\n  innorank rank problem.yaml --format json --top 3\n  innorank rank problem.yaml --satisfactory 0.6 --normalization minmax\n  innorank rank - --format csv < problem.yaml > ranking.csv\n  innorank rank problem.yaml --method ahp --synthesis ideal"
    )]
    Rank(RankArgs),
    /// Show the AHP weights of every node, with lambda_max, CI and CR.
    #[command(
        after_help = "Examples:\n  innorank weights examples/innovation-proposals.yaml\n  innorank weights problem.yaml --ahp-method geometric --format json\n  innorank weights problem.yaml --strict --cr-threshold 0.05\n  innorank weights problem.yaml --suggest --ri donegan-dodd"
    )]
    Weights(WeightsArgs),
    /// Show the average-cost curves of `derive: learning_curve` criteria and
    /// where each falls below the baseline.
    #[command(
        after_help = "Examples:\n  innorank cost examples/related-diversification.yaml\n  innorank cost problem.yaml --volumes 1000,50000,1000000 --format csv"
    )]
    Cost(CostArgs),
    /// List the criteria library, or show one definition with its rubric.
    #[command(
        after_help = "Examples:\n  innorank criteria\n  innorank criteria risk\n  innorank criteria --criteria-dir our-criteria/ relatedness --format json"
    )]
    Criteria(CriteriaArgs),
    /// Write a commented starting problem file built from the criteria library.
    #[command(
        after_help = "Examples:\n  innorank init --template innovation -o proposals.yaml\n  innorank init --template diversification > options.yaml"
    )]
    Init(InitArgs),
    /// Validate a problem file without printing a ranking.
    ///
    /// Reports every problem `rank` with the same options would refuse,
    /// located (FILE:LINE:COLUMN: field.path: message), and exits 2; else
    /// prints a one-line summary. Without --method it checks for the
    /// default method, TOPSIS, which ranks any valid file (so data no
    /// method can rank, such as a cost curve whose `fixed` + `unit_cost`
    /// overflows, is always reported); with --method ahp it also
    /// reports scores AHP cannot use (negative under a benefit criterion,
    /// zero or negative under a cost one) and target criteria without
    /// `alternative_comparisons`. The weighting options (--aggregate, ...)
    /// are checked as `rank` uses them, and --strict exits 3 on an
    /// inconsistent node. `--format json` prints `{"valid": true, ...}`, or
    /// `{"valid": false, "errors": [...]}` with exit 2.
    #[command(
        after_help = "Examples:\n  innorank check problem.yaml\n  innorank check - < problem.yaml && echo valid\n  innorank check problem.yaml --method ahp --format json"
    )]
    Check(CheckArgs),
    /// Choose the set of screened proposals to fund under a budget: shared
    /// platforms paid once, synergies, pooled learning, requires, groups,
    /// resources; with why each shelved proposal is out and the set funding
    /// down the ranking would give.
    #[command(
        after_help = "Examples:\n  innorank portfolio examples/innovation-cluster.yaml\n  innorank portfolio problem.yaml --budget 4000 --next 3\n  innorank portfolio problem.yaml --frontier 2000:6000:1000 --format json"
    )]
    Portfolio(PortfolioArgs),
    /// Rank the survivors with TOPSIS (vector, min-max) and AHP
    /// (distributive, ideal) and show how alike the rankings are.
    ///
    /// Prints the ranks side by side and, for every ordered pair of
    /// methods, Spearman's rho, the weighted Spearman r_w, the WS
    /// similarity (the first method of the pair is the reference), Kendall's
    /// tau-b and the overlap of the top K, all on average ranks. A method
    /// that cannot rank the problem is skipped with the reason.
    #[command(
        after_help = "Examples:\n  innorank compare examples/innovation-proposals.yaml\n  innorank compare problem.yaml --methods topsis-vector,ahp-ideal --shortlist 5\n  innorank compare problem.yaml --format json"
    )]
    Compare(CompareArgs),
    /// Check whether the ranking method reverses ranks: leave-one-out, a
    /// worse copy of each alternative, pairs ranked alone (3-cycles and
    /// the order by pairwise wins).
    ///
    /// Exit code 0 whatever the verdicts; with --strict a failed check (or
    /// an inconsistent node) exits 3 after the output is printed.
    #[command(
        after_help = "Examples:\n  innorank reversal examples/innovation-proposals.yaml\n  innorank reversal problem.yaml --normalization minmax --strict\n  innorank reversal problem.yaml --method ahp --synthesis distributive --format json"
    )]
    Reversal(ReversalArgs),
    /// How sure is the ranking: SMAA, the share of random weight draws
    /// that put each alternative at each rank.
    ///
    /// Each of --draws draws picks leaf weights (--weights: judgments drawn
    /// in their intervals, uniform, ordinal, or replayed from
    /// --weights-from), ranks the alternatives that survive screening with
    /// the method chosen, and counts: rank acceptabilities b1..bR with
    /// standard errors, mean rank, 5th-95th percentile rank, holistic
    /// acceptability, central weights, confidence, choice entropy and
    /// (--pairwise) pairwise winning indices.
    #[command(
        after_help = "Examples:\n  innorank robustness examples/innovation-proposals.yaml\n  innorank robustness problem.yaml --draws 50000 --seed 7 --format json\n  innorank robustness problem.yaml --weights uniform --pairwise --format csv\n  innorank robustness problem.yaml --draws-out draws.csv\n  innorank robustness problem.yaml --weights-from draws.csv"
    )]
    Robustness(RobustnessArgs),
    /// How far each criterion's weight can move, one at a time, before the
    /// winner, the order or the shortlist changes (exact crossings).
    ///
    /// For every node of the criteria tree (pre-order, the root left out)
    /// with weight W: its weight goes to t in [0, 1], the leaves under it
    /// keep their proportions and so do the others. Prints, per node, the
    /// interval of t on which the winner is never beaten (and who leads
    /// beyond each end), on which the whole order stays, and on which the
    /// first K stay the same set, and the margin min(W - lo, hi - W) / W of
    /// the winner's interval; the node with the smallest margin is the
    /// critical criterion.
    #[command(
        after_help = "Examples:\n  innorank sensitivity examples/innovation-proposals.yaml\n  innorank sensitivity problem.yaml --shortlist 5 --format json\n  innorank sensitivity problem.yaml --curve cost --steps 20 --format csv\n  innorank sensitivity problem.yaml --judgments --method ahp"
    )]
    Sensitivity(SensitivityArgs),
    /// Write one self-contained HTML decision report: criteria tree,
    /// weights and consistency, ranking, head-to-head of the top two,
    /// weight sensitivity, robustness (with --draws), cost curves.
    #[command(
        after_help = "Examples:\n  innorank report examples/innovation-proposals.yaml -o report.html\n  innorank report problem.yaml -o report.html --draws 2000 --versus a,b"
    )]
    Report(ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell,
    /// elvish).
    #[command(
        after_help = "Examples:\n  innorank completions bash > ~/.local/share/bash-completion/completions/innorank\n  innorank completions zsh > ~/.zfunc/_innorank\n  innorank completions fish > ~/.config/fish/completions/innorank.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page of innorank or of one command (roff), or write
    /// every page into a folder.
    #[command(
        after_help = "Examples:\n  innorank man | man -l -\n  innorank man rank | man -l -\n  innorank man --dir ~/.local/share/man/man1"
    )]
    Man(ManArgs),
    /// Print the JSON Schema of the problem file (or of `rank --format
    /// json` with --output rank), for editors and pipelines.
    #[command(
        after_help = "Examples:\n  innorank schema > problem.schema.json\n  innorank schema --output rank > rank.schema.json"
    )]
    Schema(SchemaArgs),
}

/// Arguments every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Problem file (YAML), or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Do not print warnings on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// Also use the criteria definitions in this folder (`*.yaml`); they win
    /// over built-in ones with the same id.
    #[arg(long, value_name = "DIR")]
    pub criteria_dir: Option<PathBuf>,
    /// Read the alternatives from this CSV file (header: id[,name],<leaf ids>),
    /// or spreadsheet (.xlsx, .xls, .ods: the same header in the first
    /// row), replacing the problem's own; `-` reads CSV from standard input.
    #[arg(long, value_name = "FILE.csv")]
    pub alternatives: Option<PathBuf>,
    /// The sheet of a spreadsheet to read [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// CSV field separator: `,`, `;`, `|` or `tab` [default: `;` or tab if
    /// the header line has one and no comma, else `,`].
    #[arg(long, value_name = "CHAR", value_parser = innorank::problem::csv_delimiter)]
    pub delimiter: Option<u8>,
    /// Skip CSV columns that are not `id`, `name` or a leaf criterion.
    #[arg(long)]
    pub ignore_extra_columns: bool,
    /// Let `alternatives: {csv: FILE}` name a file outside the problem's folder.
    #[arg(long)]
    pub allow_outside_paths: bool,
    /// Refuse problem files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = innorank::problem::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
    /// Refuse CSV alternatives larger than this many bytes; a pipe is read
    /// up to it and no further.
    #[arg(long, value_name = "BYTES", default_value_t = innorank::problem::DEFAULT_MAX_CSV_SIZE)]
    pub max_csv_size: u64,
}

/// Arguments of the AHP weighting.
#[derive(Debug, Args)]
pub struct AhpArgs {
    /// How priorities are derived from comparisons.
    #[arg(long, default_value = PriorityMethod::default().name(), value_parser = choice::<PriorityMethod>(PRIORITY_METHODS))]
    pub ahp_method: PriorityMethod,
    /// A node whose consistency ratio exceeds this is inconsistent.
    #[arg(long, value_name = "X", default_value_t = innorank::ahp::DEFAULT_CR_THRESHOLD, value_parser = non_negative)]
    pub cr_threshold: f64,
    /// Exit with code 3 when a node is inconsistent: the output is printed
    /// as usual (it names each inconsistent node with its CR), then the
    /// error goes to standard error.
    #[arg(long)]
    pub strict: bool,
    /// How missing judgments are estimated: harker (as Expert Choice) or
    /// lambda-min (Bozóki et al. 2010, as AHPy).
    #[arg(long, value_name = "harker|lambda-min", default_value = "harker", value_parser = parse::<Completion>)]
    pub completion: Completion,
    /// Random-index table for CR: saaty, donegan-dodd (AHPy's default),
    /// tummala-ling (pymcdm), alonso-lamata (R ahp).
    #[arg(long, value_name = "TABLE", default_value = "saaty", value_parser = parse::<RandomIndex>)]
    pub ri: RandomIndex,
    /// How group judgments are combined: aij (the judgments) or aip (the
    /// judges' priorities).
    #[arg(long, value_name = "aij|aip", default_value = "aij", value_parser = parse::<Aggregation>)]
    pub aggregate: Aggregation,
}

impl AhpArgs {
    /// The weighting options these flags describe.
    pub fn weighing(&self) -> WeighOptions {
        WeighOptions {
            ahp: AhpOptions {
                method: self.ahp_method,
                completion: self.completion,
                random_index: self.ri,
            },
            aggregation: self.aggregate,
            cr_threshold: self.cr_threshold,
        }
    }
}

/// Parses an option value with the library's own names (its `FromStr`).
fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

/// Parses an option value with the library's own names (its `FromStr`),
/// accepting exactly the names of `values` and listing each with its line
/// of help in `--help`.
fn choice<T>(values: &'static [(&'static str, &'static str)]) -> impl TypedValueParser<Value = T>
where
    T: std::str::FromStr + Clone + Send + Sync + 'static,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    PossibleValuesParser::new(values.iter().map(|&(name, help)| PossibleValue::new(name).help(help)))
        .try_map(|name| name.parse::<T>())
}

/// `--method`: each [`Method::name`] with its help.
const METHODS: &[(&str, &str)] = &[
    ("topsis", "Closeness to the ideal solution"),
    ("ahp", "AHP synthesis of the alternatives' local priorities"),
];

/// `--normalization`: each [`Normalization::name`] with its help.
const NORMALIZATIONS: &[(&str, &str)] = &[("vector", "x / sqrt(sum x^2)"), ("minmax", "(x - min) / (max - min)")];

/// `--ahp-method`: each [`PriorityMethod::name`] with its help.
const PRIORITY_METHODS: &[(&str, &str)] = &[
    ("eigen", "Principal right eigenvector"),
    ("geometric", "Row geometric mean"),
];

/// `init --template`: each [`Template::name`] with its help.
const TEMPLATES: &[(&str, &str)] = &[
    ("innovation", "Screening and ranking innovation proposals"),
    (
        "diversification",
        "Related-diversification options with derived relatedness and cost curves",
    ),
];

/// How the alternatives are ranked: shared by `rank` and `check`, so that
/// `check` accepts the same options and finds what `rank` would refuse.
#[derive(Debug, Args)]
pub struct MethodArgs {
    /// Ranking method.
    #[arg(long, default_value = Method::default().name(), value_parser = choice::<Method>(METHODS))]
    pub method: Method,
    /// AHP synthesis (with --method ahp only; refused with topsis):
    /// distributive, or ideal (which keeps ranks when a copy of an
    /// alternative is added).
    #[arg(long, value_name = "distributive|ideal", default_value = "distributive", value_parser = parse::<Synthesis>)]
    pub synthesis: Synthesis,
    /// How TOPSIS normalises each criterion's column (with --method topsis
    /// only; refused with ahp).
    #[arg(long, default_value = Normalization::default().name(), value_parser = choice::<Normalization>(NORMALIZATIONS))]
    pub normalization: Normalization,
}

impl MethodArgs {
    /// The ranking options these flags and the weighting flags describe
    /// (no `--satisfactory`, no `--explain`).
    pub fn options(&self, ahp: &AhpArgs) -> RankOptions {
        RankOptions {
            method: self.method,
            normalization: self.normalization,
            synthesis: self.synthesis,
            weighing: ahp.weighing(),
            ..RankOptions::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
    /// Show only the best N alternatives (N >= 1).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub top: Option<usize>,
    /// Mark alternatives whose score is at least X as satisfactory. Scores
    /// of every method are in [0, 1], so X must be too.
    #[arg(long, value_name = "X", value_parser = unit_interval, allow_negative_numbers = true)]
    pub satisfactory: Option<f64>,
    /// Show how derived values were computed (shared assets, cost curves).
    #[arg(long)]
    pub explain: bool,
    /// Print the table in one piece, however wide. Without it a table is
    /// fitted to COLUMNS when set, else to the terminal's width (standard
    /// output's, or standard error's when the output is piped or
    /// redirected), else to 100 columns: value columns that do not fit go
    /// on in a second table with the same rows, and long names are
    /// shortened.
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
    /// The head-to-head of --explain (every format) and --plot: these two
    /// ranked alternatives instead of the top two.
    #[arg(long, value_name = "A,B", value_delimiter = ',', num_args = 1)]
    pub versus: Option<Vec<String>>,
    /// Write the output to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `robustness`: SMAA options (see the command's help).
#[derive(Debug, Args)]
pub struct RobustnessArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
    /// Number of draws.
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=u64::from(u32::MAX)), conflicts_with = "weights_from")]
    pub draws: u64,
    /// Report the acceptability of ranks 1..R [default: 10, or the number
    /// ranked if fewer].
    #[arg(long, value_name = "R", value_parser = clap::value_parser!(u64).range(1..))]
    pub ranks: Option<u64>,
    /// Seed of the random draws (ChaCha8, one stream per draw: the same
    /// seed prints the same numbers on any machine and number of threads).
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// How each draw's weights are drawn: judgments (each pairwise judgment
    /// log-uniform in its interval; the default when the problem has
    /// judgments), uniform (uniform on the simplex of the leaf weights; the
    /// default without judgments), ordinal (uniform, keeping the order of
    /// the leaf weights).
    #[arg(long, value_name = "judgments|uniform|ordinal", value_parser = ["judgments", "uniform", "ordinal"], conflicts_with = "weights_from")]
    pub weights: Option<String>,
    /// Replay weight vectors: a CSV whose header names every leaf (any
    /// order), one row per draw (values >= 0, not all 0, scaled to sum 1).
    #[arg(long, value_name = "FILE.csv")]
    pub weights_from: Option<PathBuf>,
    /// Write each draw's leaf weights to this CSV (replayable with
    /// --weights-from).
    #[arg(long, value_name = "FILE.csv")]
    pub draws_out: Option<PathBuf>,
    /// Under the judgments model, a judgment given as one value v is drawn
    /// from [the K-th Saaty-scale value below v, the K-th above] (17-point
    /// scale 1/9 .. 9, clamped at its ends).
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub judgment_spread: usize,
    /// Also count the pairwise winning indices (how often each alternative
    /// beats each other; at most 1,000 ranked alternatives; CSV/JSON only
    /// for more than a few).
    #[arg(long)]
    pub pairwise: bool,
    /// Print the table in one piece, however wide.
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    /// Score by this method instead of the section's `value: topsis|ahp`
    /// (no effect when `value` is a leaf).
    #[arg(long, value_parser = choice::<Method>(METHODS))]
    pub method: Option<Method>,
    /// AHP synthesis of the values (with an AHP value).
    #[arg(long, value_name = "distributive|ideal", default_value = "distributive", value_parser = parse::<Synthesis>)]
    pub synthesis: Synthesis,
    /// How TOPSIS normalises each criterion's column (with a TOPSIS value).
    #[arg(long, default_value = Normalization::default().name(), value_parser = choice::<Normalization>(NORMALIZATIONS))]
    pub normalization: Normalization,
    /// Use this budget instead of the file's.
    #[arg(long, value_name = "X", value_parser = non_negative)]
    pub budget: Option<f64>,
    /// Also solve for each budget FROM, FROM+STEP, ... up to TO.
    #[arg(long, value_name = "FROM:TO:STEP", value_parser = sweep)]
    pub frontier: Option<Budgets>,
    /// Also list the K best portfolios (the optimum first, then maximal
    /// ones), each with its gap to the optimum.
    #[arg(long, value_name = "K", value_parser = at_least_one)]
    pub next: Option<usize>,
    /// Stop each solve after S seconds with the best portfolio found and
    /// status `time_limit` (with the bound).
    #[arg(long, value_name = "S", value_parser = positive)]
    pub time_limit: Option<f64>,
    /// Also re-solve under N weight draws of `robustness`'s default model
    /// (same --seed) and report each proposal's core index: the share of
    /// draws whose optimum funds it (`value: topsis` or `ahp` only).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub robust: Option<u64>,
    /// Seed of the weight draws of --robust (as `robustness --seed`).
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
    /// Print the tables in one piece, however wide.
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

/// The budgets of `--frontier`, ascending.
#[derive(Debug, Clone)]
pub struct Budgets(pub Vec<f64>);

/// `FROM:TO:STEP`: the budgets FROM, FROM+STEP, ... up to and including TO.
fn sweep(s: &str) -> Result<Budgets, String> {
    let parts: Vec<f64> = s
        .split(':')
        .map(|p| p.trim().parse::<f64>().map_err(|_| format!("`{p}` is not a number")))
        .collect::<Result<_, _>>()?;
    let [from, to, step] = parts[..] else {
        return Err("expected FROM:TO:STEP, like 2000:6000:500".to_owned());
    };
    if !(from.is_finite() && to.is_finite() && from >= 0.0 && step > 0.0 && step.is_finite() && from <= to) {
        return Err("need 0 <= FROM <= TO and STEP > 0".to_owned());
    }
    let count = ((to - from) / step + 1e-9).floor() as usize + 1;
    if count > 1000 {
        return Err(format!("{count} budgets; at most 1000"));
    }
    Ok(Budgets((0..count).map(|k| from + step * k as f64).collect()))
}

/// A number > 0.
fn positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
        _ => Err(format!("`{s}` is not a number > 0")),
    }
}

#[derive(Debug, Args)]
pub struct WeightsArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    /// For each inconsistent node, propose the fewest revised judgments
    /// (most deviating first, each to the nearest scale value) that bring CR
    /// under the threshold. Nothing is changed. Not shown in --format csv
    /// (refused there).
    #[arg(long)]
    pub suggest: bool,
    /// Print the tables in one piece, however wide (see `rank --wide`).
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Which kind of problem to start.
    #[arg(long, value_parser = choice::<Template>(TEMPLATES))]
    pub template: Template,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists (with --output only; ignored
    /// with a warning otherwise).
    #[arg(long)]
    pub force: bool,
    /// Also use the criteria definitions in this folder (`*.yaml`).
    #[arg(long, value_name = "DIR")]
    pub criteria_dir: Option<PathBuf>,
    /// Where the first line (`# yaml-language-server: $schema=...`) points
    /// editors for the schema: a path relative to the problem file or a
    /// URL. Write the file with `innorank schema > problem.schema.json`.
    #[arg(long, value_name = "PATH|URL", default_value = innorank::problem::SCHEMA_FILE)]
    pub schema: String,
}

#[derive(Debug, Args)]
pub struct CriteriaArgs {
    /// A criterion id (a family or one of its sub-criteria); all if omitted.
    pub id: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also use the criteria definitions in this folder (`*.yaml`).
    #[arg(long, value_name = "DIR")]
    pub criteria_dir: Option<PathBuf>,
}

/// The volumes `cost` shows without `--volumes`, as the option takes them.
const DEFAULT_VOLUMES: &str = "1000,10000,100000,1000000";

#[derive(Debug, Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub common: Common,
    /// Volumes to evaluate the average cost at, separated by commas.
    #[arg(long, value_name = "Q,...", value_delimiter = ',', default_value = DEFAULT_VOLUMES, value_parser = clap::value_parser!(u64).range(1..))]
    pub volumes: Vec<u64>,
    /// Print the table in one piece, however wide (see `rank --wide`).
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
}

/// `compare --methods`: each [`CompareMethod::name`] with its help.
const COMPARE_METHODS: &[(&str, &str)] = &[
    ("topsis-vector", "TOPSIS, vector normalisation"),
    ("topsis-minmax", "TOPSIS, min-max normalisation"),
    ("ahp-distributive", "AHP synthesis, distributive mode"),
    ("ahp-ideal", "AHP synthesis, ideal mode"),
];

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    /// The methods to compare, separated by commas [default: all four].
    #[arg(long, value_name = "METHOD,...", value_delimiter = ',', value_parser = choice::<CompareMethod>(COMPARE_METHODS))]
    pub methods: Vec<CompareMethod>,
    /// K of the top-K overlap: the alternatives ranked K or better.
    #[arg(long, value_name = "K", default_value_t = innorank::pipeline::DEFAULT_SHORTLIST, value_parser = at_least_one)]
    pub shortlist: usize,
    /// Print the table in one piece, however wide (see `rank --wide`).
    #[arg(long)]
    pub wide: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

impl CompareArgs {
    /// The comparison options these flags describe.
    pub fn options(&self) -> CompareOptions {
        let defaults = CompareOptions::default();
        CompareOptions {
            methods: if self.methods.is_empty() {
                defaults.methods
            } else {
                self.methods.clone()
            },
            shortlist: self.shortlist,
            rank: RankOptions {
                weighing: self.ahp.weighing(),
                ..defaults.rank
            },
        }
    }
}

#[derive(Debug, Args)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
    /// K: the shortlist whose membership is followed (capped at the number
    /// ranked).
    #[arg(long, value_name = "K", default_value_t = 3, value_parser = at_least_one)]
    pub shortlist: usize,
    /// Print instead every ranked alternative's score (the first 50 by
    /// rank) as NODE's weight goes from 0 to 1: the data of a gradient plot.
    #[arg(long, value_name = "NODE")]
    pub curve: Option<String>,
    /// With --curve: the scores at N + 1 evenly spaced weights, plus the
    /// node's weight and every crossing.
    #[arg(long, value_name = "N", default_value_t = 100, requires = "curve", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub steps: u32,
    /// Also, for every pairwise judgment (per judge in a panel), the range
    /// of its value in [1/9, 9] that keeps the winner, and the nearest
    /// Saaty-scale value that changes it. Not with --curve or --format csv.
    #[arg(long, conflicts_with = "curve")]
    pub judgments: bool,
    #[command(flatten)]
    pub plot: PlotArgs,
}

#[derive(Debug, Args)]
pub struct ReversalArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
    /// Check up to N ranked alternatives (the checks take time quadratic
    /// in N).
    #[arg(long, value_name = "N", default_value_t = innorank::pipeline::DEFAULT_MAX_ALTERNATIVES, value_parser = at_least_one)]
    pub max_alternatives: usize,
    /// Print the table in one piece, however wide (see `rank --wide`).
    #[arg(long)]
    pub wide: bool,
}

/// `innorank completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `innorank man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (`rank`, ...); the main page if
    /// omitted.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,
    /// Write every page into this folder instead (innorank.1,
    /// innorank-rank.1, ...), creating it if needed.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `innorank schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema: of the problem file, or of `rank --format json`.
    #[arg(long, value_name = "problem|rank", default_value = "problem", value_parser = ["problem", "rank"])]
    pub output: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// JSON (stable fields).
    Json,
    /// CSV, one row per alternative.
    Csv,
    /// A Markdown table for reports.
    Markdown,
    /// An Excel workbook (`rank` only; to a file: -o FILE or redirected).
    Xlsx,
}

impl Cli {
    /// Options that parse but do not apply to the rest of the command line:
    /// an error (exit 2) when the run would not do what the option asks
    /// (`--synthesis` with TOPSIS ranks as if it were not given), warnings
    /// for options that change nothing and whose outcome is already what
    /// was asked. `matches` are the ones this `Cli` was built from; only
    /// options typed on the command line count, not defaults.
    pub fn validate(&self, matches: &ArgMatches) -> Result<Vec<String>, String> {
        let given = |id: &str| {
            matches.subcommand().is_some_and(|(_, m)| {
                // `value_source` wants a known id: check it first.
                m.ids().any(|known| known.as_str() == id) && m.value_source(id) == Some(ValueSource::CommandLine)
            })
        };
        let mut warnings = Vec::new();
        match &self.command {
            Command::Rank(RankArgs { ranking, .. })
            | Command::Check(CheckArgs { ranking, .. })
            | Command::Reversal(ReversalArgs { ranking, .. })
            | Command::Robustness(RobustnessArgs { ranking, .. })
            | Command::Sensitivity(SensitivityArgs { ranking, .. })
            | Command::Report(ReportArgs { ranking, .. }) => {
                if ranking.method != Method::Ahp && given("synthesis") {
                    return Err("--synthesis applies to --method ahp only".to_owned());
                }
                if ranking.method != Method::Topsis && given("normalization") {
                    return Err("--normalization applies to --method topsis only".to_owned());
                }
            }
            Command::Weights(args) => {
                if args.suggest && args.common.format == Format::Csv {
                    return Err(
                        "--suggest is not shown in --format csv; use --format json, table or markdown".to_owned(),
                    );
                }
            }
            Command::Init(args) => {
                if args.force && args.output.is_none() {
                    warnings.push("--force applies with --output only; ignored".to_owned());
                }
            }
            Command::Cost(_) | Command::Criteria(_) | Command::Compare(_) | Command::Portfolio(_) => {}
            Command::Completions(_) | Command::Man(_) | Command::Schema(_) => {}
        }
        if self.format() == Some(Format::Xlsx) && !matches!(self.command, Command::Rank(_)) {
            return Err("--format xlsx applies to rank only".to_owned());
        }
        if let Command::Sensitivity(args) = &self.command
            && args.judgments
            && args.common.format == Format::Csv
        {
            return Err("--judgments is not shown in --format csv; use --format json, table or markdown".to_owned());
        }
        Ok(warnings)
    }

    /// The output format asked for, for the commands that have one.
    fn format(&self) -> Option<Format> {
        match &self.command {
            Command::Rank(a) => Some(a.common.format),
            Command::Weights(a) => Some(a.common.format),
            Command::Cost(a) => Some(a.common.format),
            Command::Check(a) => Some(a.common.format),
            Command::Compare(a) => Some(a.common.format),
            Command::Reversal(a) => Some(a.common.format),
            Command::Robustness(a) => Some(a.common.format),
            Command::Sensitivity(a) => Some(a.common.format),
            Command::Portfolio(a) => Some(a.common.format),
            Command::Report(a) => Some(a.common.format),
            Command::Criteria(a) => Some(a.format),
            Command::Init(_) | Command::Completions(_) | Command::Man(_) | Command::Schema(_) => None,
        }
    }

    /// Whether warnings are silenced (`--quiet`).
    pub fn quiet(&self) -> bool {
        match &self.command {
            Command::Rank(a) => a.common.quiet,
            Command::Weights(a) => a.common.quiet,
            Command::Cost(a) => a.common.quiet,
            Command::Check(a) => a.common.quiet,
            Command::Portfolio(a) => a.common.quiet,
            Command::Compare(a) => a.common.quiet,
            Command::Reversal(a) => a.common.quiet,
            Command::Robustness(a) => a.common.quiet,
            Command::Sensitivity(a) => a.common.quiet,
            Command::Report(a) => a.common.quiet,
            Command::Criteria(_) | Command::Init(_) => false,
            Command::Completions(_) | Command::Man(_) | Command::Schema(_) => false,
        }
    }
}

/// The `--plot` option, shared by the commands that draw a chart.
#[derive(Debug, Args)]
pub struct PlotArgs {
    /// Also draw the command's chart as SVG into this file.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

/// `report`: the options of `rank`, where to write, and what to add.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    #[command(flatten)]
    pub ranking: MethodArgs,
    /// Write the report to this file (`-` for standard output).
    #[arg(long, short, value_name = "FILE.html")]
    pub output: PathBuf,
    /// Mark alternatives whose score is at least X as satisfactory.
    #[arg(long, value_name = "X", value_parser = unit_interval, allow_negative_numbers = true)]
    pub satisfactory: Option<f64>,
    /// The head-to-head of these two ranked alternatives instead of the
    /// top two.
    #[arg(long, value_name = "A,B", value_delimiter = ',', num_args = 1)]
    pub versus: Option<Vec<String>>,
    /// Add a robustness section: SMAA with this many weight draws.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=u64::from(u32::MAX)))]
    pub draws: Option<u64>,
    /// Seed of the SMAA draws.
    #[arg(long, value_name = "S", default_value_t = 0)]
    pub seed: u64,
}

/// `--top`: a count of at least 1 (`--top 0` would show nothing).
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("expected a whole number >= 1, found `{s}`")),
    }
}

/// `--satisfactory`: a level scores can reach, in [0, 1].
pub fn unit_interval(s: &str) -> Result<f64, String> {
    finite(s).and_then(|v| {
        if (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(format!(
                "expected a number in [0, 1] (the range of scores), found `{s}`"
            ))
        }
    })
}

fn finite(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("expected a finite number, found `{s}`")),
    }
}

fn non_negative(s: &str) -> Result<f64, String> {
    finite(s).and_then(|v| {
        if v >= 0.0 {
            Ok(v)
        } else {
            Err(format!("expected a number >= 0, found `{s}`"))
        }
    })
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::Cli;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// What `validate` says about a command line that parses.
    fn validate(args: &[&str]) -> Result<Vec<String>, String> {
        let matches = Cli::command()
            .try_get_matches_from(std::iter::once("innorank").chain(args.iter().copied()))
            .unwrap();
        Cli::from_arg_matches(&matches).unwrap().validate(&matches)
    }

    #[test]
    fn options_that_do_not_apply_are_refused_or_warned() {
        let refused = |args: &[&str], message: &str| assert_eq!(validate(args), Err(message.to_owned()), "{args:?}");
        let accepted = |args: &[&str]| assert_eq!(validate(args), Ok(Vec::new()), "{args:?}");
        refused(
            &["rank", "f.yaml", "--synthesis", "ideal"],
            "--synthesis applies to --method ahp only",
        );
        refused(
            &["rank", "f.yaml", "--method", "topsis", "--synthesis", "distributive"],
            "--synthesis applies to --method ahp only",
        );
        refused(
            &["rank", "f.yaml", "--method", "ahp", "--normalization", "vector"],
            "--normalization applies to --method topsis only",
        );
        refused(
            &["weights", "f.yaml", "--suggest", "--format", "csv"],
            "--suggest is not shown in --format csv; use --format json, table or markdown",
        );
        accepted(&["rank", "f.yaml"]);
        accepted(&["rank", "f.yaml", "--method", "ahp", "--synthesis", "ideal"]);
        accepted(&["rank", "f.yaml", "--normalization", "minmax", "--top", "1"]);
        accepted(&["weights", "f.yaml", "--suggest", "--format", "json"]);
        accepted(&["cost", "f.yaml", "--volumes", "5"]);
        accepted(&["check", "f.yaml"]);
        accepted(&[
            "sensitivity",
            "f.yaml",
            "--judgments",
            "--method",
            "ahp",
            "--synthesis",
            "ideal",
        ]);
        refused(
            &["sensitivity", "f.yaml", "--judgments", "--format", "csv"],
            "--judgments is not shown in --format csv; use --format json, table or markdown",
        );
        refused(
            &["sensitivity", "f.yaml", "--normalization", "minmax", "--method", "ahp"],
            "--normalization applies to --method topsis only",
        );
        accepted(&["criteria", "risk"]);
        accepted(&["init", "--template", "innovation", "-o", "x.yaml", "--force"]);
        assert_eq!(
            validate(&["init", "--template", "innovation", "--force"]),
            Ok(vec!["--force applies with --output only; ignored".to_owned()])
        );
    }

    #[test]
    fn out_of_range_values_are_refused_with_the_range() {
        let error = |args: &[&str]| {
            Cli::command()
                .try_get_matches_from(std::iter::once("innorank").chain(args.iter().copied()))
                .unwrap_err()
                .to_string()
        };
        assert!(error(&["rank", "f", "--top", "0"]).contains("expected a whole number >= 1, found `0`"));
        for x in ["2", "-0.1", "1.0000001"] {
            assert!(
                error(&["rank", "f", "--satisfactory", x]).contains(&format!(
                    "expected a number in [0, 1] (the range of scores), found `{x}`"
                )),
                "{x}"
            );
        }
        for x in ["0", "1", "0.6"] {
            assert!(validate(&["rank", "f", "--satisfactory", x]).is_ok());
        }
    }

    #[test]
    fn listed_option_values_are_the_library_names() {
        use innorank::ahp::PriorityMethod;
        use innorank::template::Template;
        use innorank::topsis::Normalization;

        fn same<T>(listed: &[(&str, &str)], all: &[T], name: fn(T) -> &'static str)
        where
            T: std::str::FromStr + Copy + PartialEq + std::fmt::Debug,
            T::Err: std::fmt::Debug,
        {
            let listed: Vec<&str> = listed.iter().map(|&(n, _)| n).collect();
            assert_eq!(listed, all.iter().map(|&t| name(t)).collect::<Vec<_>>());
            for &t in all {
                assert_eq!(name(t).parse::<T>().unwrap(), t);
            }
        }
        same(super::METHODS, &innorank::Method::ALL, innorank::Method::name);
        same(super::NORMALIZATIONS, &Normalization::ALL, Normalization::name);
        same(super::PRIORITY_METHODS, &PriorityMethod::ALL, PriorityMethod::name);
        same(super::TEMPLATES, &Template::ALL, Template::name);
        same(
            super::COMPARE_METHODS,
            &innorank::pipeline::CompareMethod::ALL,
            innorank::pipeline::CompareMethod::name,
        );
    }

    #[test]
    fn cost_volumes_default_is_what_the_option_accepts() {
        // The help shows the default as typed; typed back, it parses to the
        // same volumes.
        let matches = Cli::command().try_get_matches_from(["innorank", "cost", "f"]).unwrap();
        let typed = Cli::command()
            .try_get_matches_from(["innorank", "cost", "f", "--volumes", super::DEFAULT_VOLUMES])
            .unwrap();
        let volumes = |m: &clap::ArgMatches| match Cli::from_arg_matches(m).unwrap().command {
            super::Command::Cost(c) => c.volumes,
            _ => unreachable!(),
        };
        assert_eq!(volumes(&matches), [1_000, 10_000, 100_000, 1_000_000]);
        assert_eq!(volumes(&typed), volumes(&matches));
    }
}
