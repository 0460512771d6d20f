//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use innorank::RankOptions;
use innorank::ahp::{Aggregation, AhpOptions, Completion, PriorityMethod, RandomIndex, Synthesis, WeighOptions};
use innorank::topsis::Normalization;

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
    /// replacing the problem's own; `-` reads standard input.
    #[arg(long, value_name = "FILE.csv")]
    pub alternatives: Option<PathBuf>,
    /// CSV field separator: `,`, `;`, `|` or `tab` [default: `;` or tab if
    /// the header line has one and no comma, else `,`].
    #[arg(long, value_name = "CHAR", value_parser = delimiter)]
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
    #[arg(long, value_enum, default_value_t = AhpMethod::Eigen)]
    pub ahp_method: AhpMethod,
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
                method: self.ahp_method.into(),
                completion: self.completion,
                random_index: self.ri,
            },
            aggregation: self.aggregate,
            cr_threshold: self.cr_threshold,
        }
    }
}

/// Parses an option value with the library's own names.
fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse::<T>().map_err(|e| e.to_string())
}

/// How the alternatives are ranked: shared by `rank` and `check`, so that
/// `check` accepts the same options and finds what `rank` would refuse.
#[derive(Debug, Args)]
pub struct MethodArgs {
    /// Ranking method.
    #[arg(long, value_enum, default_value_t = Method::Topsis)]
    pub method: Method,
    /// AHP synthesis (with --method ahp): distributive, or ideal (which
    /// keeps ranks when a copy of an alternative is added).
    #[arg(long, value_name = "distributive|ideal", default_value = "distributive", value_parser = parse::<Synthesis>)]
    pub synthesis: Synthesis,
    /// How TOPSIS normalises each criterion's column.
    #[arg(long, value_enum, default_value_t = NormalizationArg::Vector)]
    pub normalization: NormalizationArg,
}

impl MethodArgs {
    /// The ranking options these flags and the weighting flags describe
    /// (no `--satisfactory`, no `--explain`).
    pub fn options(&self, ahp: &AhpArgs) -> RankOptions {
        RankOptions {
            method: self.method.into(),
            normalization: self.normalization.into(),
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
    /// Show only the best N alternatives.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Mark alternatives whose score is at least X as satisfactory.
    #[arg(long, value_name = "X", value_parser = finite)]
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
}

#[derive(Debug, Args)]
pub struct WeightsArgs {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub ahp: AhpArgs,
    /// For each inconsistent node, propose the fewest revised judgments
    /// (most deviating first, each to the nearest scale value) that bring CR
    /// under the threshold. Nothing is changed.
    #[arg(long)]
    pub suggest: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Which kind of problem to start.
    #[arg(long, value_enum)]
    pub template: TemplateArg,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Also use the criteria definitions in this folder (`*.yaml`).
    #[arg(long, value_name = "DIR")]
    pub criteria_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateArg {
    /// Screening and ranking innovation proposals.
    Innovation,
    /// Related-diversification options with derived relatedness and cost curves.
    Diversification,
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

#[derive(Debug, Args)]
pub struct CostArgs {
    #[command(flatten)]
    pub common: Common,
    /// Volumes to evaluate the average cost at.
    #[arg(long, value_delimiter = ',', default_values_t = [1_000u64, 10_000, 100_000, 1_000_000], value_parser = clap::value_parser!(u64).range(1..))]
    pub volumes: Vec<u64>,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// Closeness to the ideal solution.
    Topsis,
    /// AHP synthesis of the alternatives' local priorities.
    Ahp,
}

impl From<Method> for innorank::Method {
    fn from(m: Method) -> Self {
        match m {
            Method::Topsis => innorank::Method::Topsis,
            Method::Ahp => innorank::Method::Ahp,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NormalizationArg {
    /// x / sqrt(sum x^2).
    Vector,
    /// (x - min) / (max - min).
    Minmax,
}

impl From<NormalizationArg> for Normalization {
    fn from(n: NormalizationArg) -> Self {
        match n {
            NormalizationArg::Vector => Normalization::Vector,
            NormalizationArg::Minmax => Normalization::MinMax,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AhpMethod {
    /// Principal right eigenvector.
    Eigen,
    /// Row geometric mean.
    Geometric,
}

impl From<AhpMethod> for PriorityMethod {
    fn from(m: AhpMethod) -> Self {
        match m {
            AhpMethod::Eigen => PriorityMethod::Eigen,
            AhpMethod::Geometric => PriorityMethod::Geometric,
        }
    }
}

/// A CSV separator: one of `,`, `;`, `|`, or a tab (`tab`, `\t`).
fn delimiter(s: &str) -> Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "|" => Ok(b'|'),
        "tab" | "\t" | "\\t" => Ok(b'\t'),
        _ => Err(format!(
            "expected `,`, `;`, `|` or `tab`, found `{}`",
            s.escape_default()
        )),
    }
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
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
