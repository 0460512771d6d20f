//! Located errors in an input file.
//!
//! One idea, one name: an error in the input is a [`Diagnostic`], its
//! [`Location`] as precise as the stage that found it knows. The YAML guards
//! know line and column; validation knows only the field path (an `Issue`
//! until the loader looks up the path's position); the CSV reader knows the
//! row's line and the column's name. [`Diagnostics`] is what loading
//! returns: every error found, in order.

use std::fmt;

use crate::math::ahp::MatrixError;
use crate::math::learning_curve::CurveError;
use crate::math::matrix::DataError;

pub use crate::location::{FieldPath, Location, Segment};

/// Where something given twice was first given: a CSV line, or a field of
/// the YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstSeen {
    /// 1-based line of a CSV file.
    Line(u32),
    /// A field of the YAML.
    Path(FieldPath),
}

impl fmt::Display for FirstSeen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FirstSeen::Line(line) => write!(f, "line {line}"),
            FirstSeen::Path(path) => write!(f, "{path}"),
        }
    }
}

/// One problem found in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// What is wrong.
    pub kind: DiagnosticKind,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = &self.location;
        write!(f, "{}", l.source)?;
        if let Some(line) = l.line {
            write!(f, ":{line}")?;
            if let Some(column) = l.column {
                write!(f, ":{column}")?;
            }
        }
        if !l.path.shows_empty() {
            write!(f, ": {}", l.path)?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// Every problem found in one input, in the order found. Never empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics(pub(crate) Vec<Diagnostic>);

impl Diagnostics {
    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false for a value returned by the loader.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The one typo suggestion of every "unknown ..." message: the candidate
/// nearest to `word` when it looks like a misspelling of it (at most two
/// edits away, and fewer edits than the candidate is long, so `a` does not
/// suggest `b`). Ties go to the candidate that sorts first, so the choice
/// does not depend on the order candidates are listed in.
pub(crate) fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let length = word.chars().count();
    candidates
        .into_iter()
        // More than two characters apart in length is more than two edits:
        // skipping those keeps a huge unknown word cheap.
        .filter(|c| c.chars().count().abs_diff(length) <= 2)
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, c)| d <= 2 && d < c.chars().count())
        .min()
        .map(|(_, c)| c.to_owned())
}

/// Levenshtein distance, for typo suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// ` (did you mean `x`?)` when there is a suggestion, else nothing: the
/// suffix every "unknown ..." message puts after the unknown word.
pub(crate) fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion
        .as_ref()
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default()
}

/// `` `a`, `b`, `c` ``: names as every message lists them.
fn ticked(names: &[String]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// `[a, b] and [c]`: groups of names that are not linked to each other.
fn groups(groups: &[Vec<String>]) -> String {
    groups
        .iter()
        .map(|g| format!("[{}]", g.join(", ")))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The dimensions of `core` as a message lists them, or what to do when
/// there are none.
fn dimensions(names: &[String]) -> String {
    if names.is_empty() {
        "none (add `core:` to the problem)".to_owned()
    } else {
        ticked(names)
    }
}

impl DiagnosticKind {
    /// An I/O error reading the input.
    pub(crate) fn io(e: &std::io::Error) -> Self {
        DiagnosticKind::Io {
            kind: e.kind(),
            message: e.to_string(),
        }
    }

    /// `key` is not one of `expected`: the report, with the nearest of
    /// them when it looks like a typo. Every unknown-key report is made
    /// here, whichever mapping it is about.
    pub(crate) fn unknown_key(key: &str, expected: &[&str]) -> Self {
        DiagnosticKind::UnknownKey {
            key: key.to_owned(),
            expected: expected.iter().map(|&k| k.to_owned()).collect(),
            suggestion: nearest(key, expected.iter().copied()),
        }
    }

    /// Whether this reports something absent (a missing score, bound,
    /// target...): after a misspelt key in the same mapping, such a report
    /// is only an echo of the typo.
    pub fn is_missing(&self) -> bool {
        matches!(
            self,
            DiagnosticKind::MissingScore(_)
                | DiagnosticKind::RuleWithoutBound
                | DiagnosticKind::MissingTarget
                | DiagnosticKind::MissingId
                | DiagnosticKind::MissingAssets { .. }
                | DiagnosticKind::MissingCurveKey(_)
                | DiagnosticKind::MissingKey(_)
        )
    }
}

/// What is wrong with the input. Messages name the user's own values in
/// backticks.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The file cannot be read.
    #[error("cannot read the file: {message}")]
    Io {
        /// What kind of failure (not found, permission denied, ...), for
        /// callers that act on it.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
    /// The input is larger than the size limit.
    #[error("the file is larger than {limit} bytes; raise the limit with --max-size or put alternatives in a CSV file")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Bytes that are not UTF-8.
    #[error("the file is not valid UTF-8 (save it as UTF-8)")]
    InvalidUtf8,
    /// A NUL byte.
    #[error("the file contains a NUL byte")]
    NulByte,
    /// Nothing but whitespace and comments.
    #[error("the file is empty")]
    Empty,
    /// Lists and mappings nested deeper than the limit.
    #[error("lists and mappings are nested more than {limit} levels deep")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// Aliases that expand beyond the budget.
    #[error("aliases expand to more than {budget} bytes and nodes (the limit grows with the file's size)")]
    AliasBudget {
        /// The budget.
        budget: u64,
    },
    /// A line longer than the limit.
    #[error("the line is longer than {limit} bytes; break it into several lines")]
    LineTooLong {
        /// The limit.
        limit: usize,
    },
    /// More values than a problem file may hold.
    #[error(
        "the file holds more than {limit} values; put large alternative sets in a CSV file (`alternatives: {{csv: FILE}}`)"
    )]
    TooManyValues {
        /// The limit.
        limit: u64,
    },
    /// More than one YAML document.
    #[error("a problem file holds one YAML document; found another here")]
    MultipleDocuments,
    /// A YAML merge key.
    #[error("merge keys (`<<`) are not supported; write the fields out")]
    MergeKey,
    /// A YAML tag.
    #[error("tags such as `{0}` are not supported")]
    Tag(String),
    /// A key repeated in one mapping.
    #[error("duplicate key `{key}` (first given on line {first_line})")]
    DuplicateKey {
        /// The key.
        key: String,
        /// Line of its first occurrence.
        first_line: usize,
    },
    /// A key the format does not know.
    #[error(
        "unknown key `{key}`{}; expected one of {}",
        did_you_mean(suggestion),
        ticked(expected)
    )]
    UnknownKey {
        /// The key found.
        key: String,
        /// The keys allowed here.
        expected: Vec<String>,
        /// The nearest allowed key, if close.
        suggestion: Option<String>,
    },
    /// YAML syntax or shape error reported by the parser (the YAML or CSV
    /// parser's own words).
    #[error("{0}")]
    Syntax(String),
    /// A tab in the indentation of a YAML line.
    #[error("tabs are not allowed in YAML indentation; use spaces")]
    TabIndent,
    /// Text, a list or a mapping where a number must be.
    #[error("expected a number, found {0}")]
    NotANumber(
        /// What was found: the text in backticks (cut to a readable
        /// length), `a list` or `a mapping`.
        String,
    ),
    /// An unsupported `version`.
    #[error("unsupported format version `{0}`; only 1 exists")]
    Version(String),
    /// An empty required text.
    #[error("must not be empty")]
    EmptyText,
    /// `use` naming nothing in the library.
    #[error(
        "`{name}` is not in the criteria library{}; it has {}",
        did_you_mean(suggestion),
        ticked(known)
    )]
    UnknownLibraryCriterion {
        /// The name given.
        name: String,
        /// The nearest id in the library (families and sub-criteria), if close.
        suggestion: Option<String>,
        /// The library's ids.
        known: Vec<String>,
    },
    /// `derive:` with an unknown form.
    #[error("unknown derivation {0}; expected `learning_curve` or `{{shared: DIMENSION}}`")]
    UnknownDerive(String),
    /// A dimension not in `core`.
    #[error(
        "`{dimension}` is not a dimension of `core`{}; it has {}",
        did_you_mean(suggestion),
        dimensions(known)
    )]
    UnknownDimension {
        /// The name given.
        dimension: String,
        /// The nearest dimension, if close.
        suggestion: Option<String>,
        /// The dimensions of `core` (none when it has none).
        known: Vec<String>,
    },
    /// A direction that a derived leaf cannot have.
    #[error("a `{derive}` criterion is a {expected} criterion; remove `direction` or set it to `{expected}`")]
    DerivedDirection {
        /// The derivation.
        derive: &'static str,
        /// The direction it needs.
        expected: &'static str,
    },
    /// A key that makes no sense on a derived criterion.
    #[error("`{0}` is not allowed on a derived criterion (its values are computed)")]
    DerivedField(&'static str),
    /// A score given for a criterion computed from assets.
    #[error("`{0}` is computed from `assets`; do not score it")]
    DerivedScored(String),
    /// An alternative with no assets in a dimension a criterion needs.
    #[error("`{criterion}` needs this alternative's `assets.{dimension}`, which lists nothing")]
    MissingAssets {
        /// The derived leaf.
        criterion: String,
        /// The dimension.
        dimension: String,
    },
    /// A cost-curve score that is not a mapping.
    #[error("a `learning_curve` score is `{{fixed, unit_cost, volume, learning_rate}}`, found {0}")]
    CurveExpected(String),
    /// A missing cost-curve key.
    #[error("missing `{0}`")]
    MissingCurveKey(String),
    /// An invalid cost-curve parameter.
    #[error("{0}")]
    Curve(#[source] CurveError),
    /// A volume that is not a positive integer.
    #[error("`volume` must be a whole number >= 1, found {0}")]
    Volume(f64),
    /// `baseline` on a leaf that is not a learning curve.
    #[error("`baseline` is only allowed with `derive: learning_curve`")]
    UnexpectedBaseline,
    /// A rubric entry for a value the criterion cannot take.
    #[error("rubric entry `{0}` is neither a number nor a level of this criterion")]
    RubricKey(String),
    /// A CSV row with a different number of fields than the header.
    #[error("the row has {found} fields, the header has {expected}")]
    RaggedRow {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A CSV column the problem does not know.
    #[error(
        "unknown column `{column}`{}; columns are `id`, `name` and the leaf criteria (or pass --ignore-extra-columns)",
        did_you_mean(suggestion)
    )]
    UnknownColumn {
        /// The header.
        column: String,
        /// The nearest missing column, if one is close.
        suggestion: Option<String>,
    },
    /// A CSV column given twice.
    #[error("duplicate column `{column}` (also column {first})")]
    DuplicateColumn {
        /// The header.
        column: String,
        /// 1-based position of the first one.
        first: usize,
    },
    /// A required CSV column missing.
    #[error("missing column `{0}`")]
    MissingColumn(String),
    /// An empty CSV cell.
    #[error("empty cell")]
    EmptyCell,
    /// A CSV source larger than the limit.
    #[error("the CSV file is larger than {limit} bytes; raise the limit with --max-csv-size")]
    CsvTooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A file in another encoding than UTF-8, or not text at all.
    #[error("the file is {found}; save it as {save_as} and try again")]
    Encoding {
        /// What the file is (`UTF-16 (Excel "Unicode Text")`...).
        found: &'static str,
        /// The format to save it in.
        save_as: &'static str,
    },
    /// A number with a decimal point or thousands separator in a file that
    /// writes decimals with a comma.
    #[error(
        "`{0}` is not a number: a `;`-separated file writes decimals with a comma and no thousands separator, like `1234,5`"
    )]
    DecimalComma(String),
    /// A CSV header read as one column that holds another separator.
    #[error("the header is one column, `{header}`; the file looks separated by {separator}: pass --delimiter {flag}")]
    OneColumn {
        /// The header's text.
        header: String,
        /// The separator found (`` `;` ``, `tabs`).
        separator: &'static str,
        /// How to pass it to --delimiter.
        flag: &'static str,
    },
    /// A CSV delimiter that cannot separate fields.
    #[error("unsupported delimiter `{0}`; use `,`, `;`, `|` or tab")]
    Delimiter(String),
    /// Standard input named for both the problem and its alternatives.
    #[error(
        "standard input cannot give both the problem and the alternatives (`--alternatives -`); save one of them to a file"
    )]
    StdinTwice,
    /// Error collection stopped.
    #[error("more than {0} problems; stopped looking")]
    TooManyErrors(usize),
    /// A CSV path that leaves the problem's folder.
    #[error("`{0}` is outside the problem file's folder; pass --allow-outside-paths to allow it")]
    OutsidePath(String),
    /// CSV alternatives with derived criteria.
    #[error(
        "criteria derived from `assets` or cost curves need the alternatives written in the problem file, not in CSV"
    )]
    DerivedWithCsv,
    /// No alternatives at all.
    #[error("no alternatives: give `alternatives:` (a list or `{{csv: FILE}}`) or --alternatives FILE.csv")]
    NoAlternatives,
    /// `judges:` without group comparisons.
    #[error("`judges` weighs the judges of group `comparisons` (a map from judge to judgments)")]
    JudgesWithoutGroup,
    /// A judge weight that is not positive.
    #[error("a judge's weight must be > 0, found {0}")]
    JudgeWeight(f64),
    /// A judge without a weight when weights are given.
    #[error("`judges` gives no weight for `{0}`; give every judge a weight or none")]
    MissingJudgeWeight(String),
    /// A weight for a judge who gave no judgments.
    #[error("`{judge}` is not one of the judges in `comparisons`{}", did_you_mean(suggestion))]
    UnknownJudge {
        /// The name given.
        judge: String,
        /// The nearest judge, if close.
        suggestion: Option<String>,
    },
    /// A required key that is absent (`id` of an alternative, `criterion`
    /// of a screening rule, a bound of a scale, the problem's `name`).
    #[error("missing `{0}`")]
    MissingKey(&'static str),
    /// A criterion without `id` (and without `use`).
    #[error("missing `id` (or `use` to take a criterion from the library)")]
    MissingId,
    /// A criterion id that is not `[a-z0-9_-]+`.
    #[error("criterion id `{0}` must be lowercase letters, digits, `_` or `-`")]
    CriterionId(String),
    /// An alternative id with other characters or too long.
    #[error("alternative id `{0}` must be 1-64 letters, digits, `_`, `-` or `.`")]
    AlternativeId(String),
    /// An id used twice.
    #[error("duplicate id `{id}` (also at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it is first used.
        first: FirstSeen,
    },
    /// An empty list that must not be.
    #[error("must list at least one {0}")]
    EmptyList(&'static str),
    /// A parent node with a leaf-only key.
    #[error("`{0}` is not allowed on a parent criterion (one with sub-criteria)")]
    ParentField(&'static str),
    /// A leaf node with a parent-only key.
    #[error("`{0}` is only allowed on a criterion with sub-criteria")]
    LeafField(&'static str),
    /// A target criterion without `target`.
    #[error("a target criterion needs `target`")]
    MissingTarget,
    /// `target` on a criterion that is not a target one.
    #[error("`target` is only allowed with `direction: target`")]
    UnexpectedTarget,
    /// A scale with min > max, or a non-finite bound.
    #[error("scale min {min} is greater than max {max}")]
    InvertedScale {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// A NaN or infinite number.
    #[error("must be a finite number, found `{0}`")]
    NonFinite(String),
    /// A number too large for f64.
    #[error("number `{0}` is out of range")]
    OutOfRange(String),
    /// Both `comparisons` and `matrix` at one node.
    #[error("give `comparisons` or `matrix`, not both")]
    ComparisonsAndMatrix,
    /// Judgments (`comparisons` or `matrix`, named) and `weight:` on the
    /// sub-criteria of one node.
    #[error("`{0}` and `weight:` on sub-criteria both set this node's weights; keep one")]
    JudgmentsAndWeights(&'static str),
    /// `weight:` on some children but not all.
    #[error("`weight` is given on some sub-criteria of this node but not on `{0}`; give it on all or none")]
    PartialWeights(String),
    /// Every weight zero.
    #[error("the weights of this node are all zero")]
    AllZeroWeights,
    /// A negative weight.
    #[error("weight must be >= 0, found {0}")]
    NegativeWeight(f64),
    /// A judgment naming something that is not a child of the node.
    #[error(
        "`{id}` is not compared here{}; this node's criteria are {}",
        did_you_mean(suggestion),
        ticked(siblings)
    )]
    NotSibling {
        /// The id found.
        id: String,
        /// The nearest of the node's criteria, if close.
        suggestion: Option<String>,
        /// The node's children (those with a known name).
        siblings: Vec<String>,
    },
    /// A criterion compared with itself.
    #[error("`{0}` is compared with itself")]
    SelfComparison(String),
    /// A pair judged twice.
    #[error("the pair `{a}`, `{b}` is already judged at {first}")]
    RepeatedPair {
        /// First item.
        a: String,
        /// Second item.
        b: String,
        /// Path of the first judgment.
        first: FieldPath,
    },
    /// A zero or negative judgment.
    #[error("a judgment must be positive, found {0}")]
    NonPositiveJudgment(f64),
    /// A judgment beyond the bound innorank computes with
    /// ([`crate::ahp::JUDGMENT_MIN`]..[`crate::ahp::JUDGMENT_MAX`]); the value
    /// as formatted for the message.
    #[error("judgment {0} is out of range; expected a value between 1e-6 and 1e6 (Saaty's scale runs from 1/9 to 9)")]
    JudgmentOutOfBounds(String),
    /// A judgment string that is not a number or fraction.
    #[error("`{0}` is not a number or a fraction like \"1/3\"")]
    BadJudgment(String),
    /// A judgment list that is not `[a, b, value]`.
    #[error("a judgment is a list `[a, b, value]`; found {0} items")]
    TripleLength(usize),
    /// Judgments that do not make a valid pairwise matrix.
    #[error("{0}")]
    Matrix(#[source] MatrixError),
    /// A `matrix:` whose number of rows is not the node's number of
    /// criteria.
    #[error("the matrix has {rows} rows; this node has {n} criteria")]
    MatrixRows {
        /// Rows given.
        rows: usize,
        /// Criteria compared.
        n: usize,
    },
    /// A `matrix:` row of the wrong length.
    #[error("row has {found} entries, expected {expected}")]
    MatrixRowLength {
        /// Entries given.
        found: usize,
        /// The node's number of criteria.
        expected: usize,
    },
    /// A `matrix:` diagonal entry other than 1.
    #[error("a diagonal entry must be 1, found {0}")]
    MatrixDiagonal(f64),
    /// A `matrix:` entry that is not the reciprocal of its mirror.
    #[error("must be the reciprocal of `{a}` over `{b}` ({a_ij}), found {a_ji}")]
    NotReciprocal {
        /// The row's criterion.
        a: String,
        /// The column's criterion.
        b: String,
        /// The mirror entry.
        a_ij: f64,
        /// The entry found.
        a_ji: f64,
    },
    /// Group judgments the aggregation asked for cannot combine.
    #[error("`--aggregate {aggregation}`: {error}")]
    Aggregation {
        /// The aggregation's name on the command line.
        aggregation: &'static str,
        /// Why it fails.
        #[source]
        error: MatrixError,
    },
    /// Scores that do not make a decision matrix.
    #[error("{0}")]
    Data(#[source] DataError),
    /// Judgments that leave children unlinked.
    #[error(
        "the judgments do not link all criteria: {} are not compared with each other; add a judgment between the groups",
        groups(.0)
    )]
    Disconnected(Vec<Vec<String>>),
    /// Too many children compared.
    #[error("{n} criteria compared at one node; AHP supports at most {max} (group them under sub-criteria)")]
    TooManyCompared {
        /// Number of children.
        n: usize,
        /// The limit.
        max: usize,
    },
    /// A score key, rule or comparison key that is not a leaf criterion.
    #[error("`{id}` is not a leaf criterion{}", did_you_mean(suggestion))]
    UnknownCriterion {
        /// The name found.
        id: String,
        /// The nearest leaf, if close.
        suggestion: Option<String>,
    },
    /// A name in `alternative_comparisons` that is no alternative's id.
    #[error(
        "`{id}` is not an alternative{}; the alternatives are {}",
        did_you_mean(suggestion),
        ticked(known)
    )]
    UnknownAlternative {
        /// The name found.
        id: String,
        /// The nearest alternative id, if close.
        suggestion: Option<String>,
        /// The alternatives' ids (those with an id).
        known: Vec<String>,
    },
    /// A score given for a parent criterion.
    #[error("`{0}` has sub-criteria; score its leaves instead")]
    ParentScored(String),
    /// A screening rule naming a parent.
    #[error("`{0}` has sub-criteria; a screening rule must name a leaf criterion")]
    RuleOnParent(String),
    /// A leaf without a score.
    #[error("missing score for `{0}`")]
    MissingScore(String),
    /// A level name unknown to the criterion.
    #[error(
        "`{level}` is not a level of `{criterion}`{}; its levels are {}",
        did_you_mean(suggestion),
        ticked(levels)
    )]
    UnknownLevel {
        /// The level found.
        level: String,
        /// The criterion.
        criterion: String,
        /// Its levels.
        levels: Vec<String>,
        /// The nearest level, if one is close.
        suggestion: Option<String>,
    },
    /// A level name on a criterion without levels.
    #[error("`{level}` is not a number, and `{criterion}` has no named levels")]
    NoLevels {
        /// The text found.
        level: String,
        /// The criterion.
        criterion: String,
    },
    /// A score outside the criterion's scale.
    #[error("score {value} is outside the scale {min}..{max} of `{criterion}`")]
    OutOfScale {
        /// The score.
        value: f64,
        /// The criterion.
        criterion: String,
        /// Scale minimum.
        min: f64,
        /// Scale maximum.
        max: f64,
    },
    /// A derived value (an average cost, a share) that is not a finite
    /// number: it cannot be ranked by any method.
    #[error("the value computed for `{criterion}` is {value}, expected a finite number")]
    NonFiniteDerived {
        /// The derived leaf.
        criterion: String,
        /// The value computed.
        value: f64,
    },
    /// A score that AHP ranking (`--method ahp`) cannot turn into a priority.
    #[error(
        "`--method ahp` needs scores {expected} under {direction} criterion `{criterion}` (its priorities are {formula}), found {value}"
    )]
    AhpScore {
        /// The leaf.
        criterion: String,
        /// `benefit` or `cost`.
        direction: &'static str,
        /// `>= 0` or `> 0`.
        expected: &'static str,
        /// How the priorities are computed.
        formula: &'static str,
        /// The score found.
        value: f64,
    },
    /// A target leaf that AHP ranking cannot rank from scores.
    #[error(
        "`--method ahp` cannot rank target criterion `{0}` from scores; compare the alternatives under it in `alternative_comparisons`"
    )]
    AhpTarget(String),
    /// Comparisons of the alternatives that AHP ranking cannot use once
    /// screening has removed some alternatives.
    #[error("`--method ahp` under `{criterion}`: among the alternatives left after screening, {error}")]
    AhpComparisons {
        /// The leaf.
        criterion: String,
        /// What is wrong, with indices among the survivors.
        #[source]
        error: MatrixError,
    },
    /// A screening rule with no bound.
    #[error("a screening rule needs `min`, `max` or both")]
    RuleWithoutBound,
    /// A screening rule with min > max.
    #[error("min {min} is greater than max {max}")]
    InvertedRule {
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// An interval (a judgment or a score) that is not `[low, high]`.
    #[error("an interval is written `[low, high]`; found {0} items")]
    IntervalLength(usize),
    /// An interval whose low end is above its high end; the interval as
    /// written.
    #[error("interval {0} has low > high; write the low end first")]
    InvertedInterval(String),
    /// A score interval with a level name at one end and a number at the
    /// other.
    #[error(
        "interval {interval} mixes a level name and a number; write both ends as numbers or both as levels of `{criterion}`"
    )]
    MixedInterval {
        /// The interval as written.
        interval: String,
        /// The criterion.
        criterion: String,
    },
    /// A CSV cell written as a YAML interval `[low, high]`.
    #[error("`{0}`: an interval in a CSV cell is written LOW..HIGH, like `110..140`")]
    CsvInterval(String),
    /// An error in the `portfolio:` section or an alternative's portfolio
    /// fields.
    #[error("{0}")]
    Portfolio(#[source] crate::model::portfolio::PortfolioIssue),
    /// A spreadsheet (xlsx, xls, ods) that cannot be read.
    #[error("cannot read the spreadsheet: {0}")]
    Spreadsheet(String),
    /// `--sheet` names no sheet of the workbook.
    #[error("no sheet `{sheet}`; the sheets are {sheets}")]
    UnknownSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheets, ticked and joined.
        sheets: String,
    },
}

#[cfg(test)]
mod tests {
    use super::{FieldPath, Segment, nearest};

    #[test]
    fn field_paths_show_as_serde_yaml_shows_them() {
        let p = FieldPath::root()
            .key("criteria")
            .index(1)
            .key("comparisons")
            .index(0)
            .index(2);
        assert_eq!(p.to_string(), "criteria[1].comparisons[0][2]");
        assert_eq!(p.last(), Some(&Segment::Index(2)));
        assert_eq!(FieldPath::root().parent(), None);
        let shown: Vec<String> = p.ancestors().map(|a| a.to_string()).collect();
        assert_eq!(
            shown,
            [
                "criteria[1].comparisons[0][2]",
                "criteria[1].comparisons[0]",
                "criteria[1].comparisons",
                "criteria[1]",
                "criteria",
                ""
            ]
        );
        assert!(p.starts_with(&FieldPath::root().key("criteria").index(1)));
        assert!(
            !FieldPath::root()
                .key("criteria_x")
                .starts_with(&FieldPath::root().key("criteria"))
        );
        // A CSV column is a one-key path; no column is the root.
        assert_eq!(FieldPath::column("cost").to_string(), "cost");
        assert!(FieldPath::column("").is_root());
        // Equal to its text, and to nothing else (not a prefix of it).
        assert_eq!(p, "criteria[1].comparisons[0][2]");
        assert_ne!(p, "criteria[1].comparisons[0]");
        assert_ne!(p, "criteria[1].comparisons[0][2]x");
    }

    #[test]
    fn nearest_suggests_close_words_only() {
        assert_eq!(nearest("riks", ["cost", "risk"]).as_deref(), Some("risk"));
        assert_eq!(nearest("quality", ["cost", "risk"]), None);
        // One edit, but the whole of a one-letter word: not a typo.
        assert_eq!(nearest("a", ["b"]), None);
        // Ties go to the candidate that sorts first, whatever the order.
        assert_eq!(nearest("p", ["p2", "p1"]).as_deref(), Some("p1"));
        // A huge word is dismissed by its length alone.
        assert_eq!(nearest(&"x".repeat(1 << 20), ["risk"]), None);
    }
}
