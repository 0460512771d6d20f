//! From the file as written ([`RawProblem`]) to a [`Problem`] the
//! algorithms can trust. Every problem found is collected with its field
//! path; positions are added by the loader.

mod alternatives;
mod criteria;
mod judgments;

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::csv_input::{self, CsvSettings, CsvSource};
use super::derive;
use super::diagnostic::Diagnostic;
use super::diagnostic::DiagnosticKind;
use super::raw::{
    Ordered, Pairs, RawAlternative, RawAlternatives, RawComparisons, RawCriterion, RawDirection, RawProblem, RawRule,
    Scalar, Text,
};
use super::{
    Alternatives, Bound, Criteria, Criterion, CriterionKind, Derive, Derived, DerivedValues, Judgments, Leaf,
    LeafJudgments, Parent, Problem, ROOT_ID, ScreeningRule, Weighting,
};
use crate::ahp::{GroupJudgments, JudgmentSet, PairwiseMatrix};
use crate::error::MatrixError;
use crate::{DecisionMatrix, Direction, Warning, Weights};

/// A problem found, with the path of the field at fault.
pub type Issue = (String, DiagnosticKind);

/// Longest alternative id accepted.
const MAX_ALTERNATIVE_ID: usize = 64;

/// Saaty's scale runs from 1/9 to 9; values outside are allowed with a
/// warning.
const SCALE_MAX: f64 = 9.0;

/// Where alternatives in CSV come from.
#[derive(Debug, Clone, Default)]
pub struct CsvPlan {
    /// A file named on the command line, replacing the problem's own.
    pub replacement: Option<CsvSource>,
    /// The folder `{csv: FILE}` paths start from.
    pub base_dir: PathBuf,
    /// Allow `{csv: FILE}` to leave that folder.
    pub allow_outside: bool,
    /// How to read the CSV.
    pub settings: CsvSettings,
}

/// Why validation failed: problems located by field path in the YAML, and
/// problems already located elsewhere (in a CSV file).
#[derive(Debug, Default)]
pub struct Rejected {
    pub issues: Vec<Issue>,
    pub located: Vec<Diagnostic>,
}

/// `earlier`: problems already found (in `use`); `unscored`: criteria whose
/// definition is already reported broken, so their scores are not checked.
pub fn validate(
    raw: RawProblem,
    earlier: Vec<Issue>,
    unscored: Vec<String>,
    csv: &CsvPlan,
) -> Result<Problem, Rejected> {
    let mut v = Validator {
        issues: earlier,
        unscored: unscored.into_iter().collect(),
        ..Validator::default()
    };
    if let Some(version) = &raw.version
        && !matches!(version, Scalar::Number(n) if *n == 1.0)
        && !matches!(version, Scalar::Text(t) if t == "1")
    {
        v.issue("version", DiagnosticKind::Version(version.to_string()));
    }
    let name = v.text(&raw.name, "name");
    let description = raw.description.map(|t| t.0);

    v.core = raw
        .core
        .map(|Ordered(dims)| {
            dims.into_iter()
                .map(|(dim, names)| (dim, names.into_iter().map(|n| n.0.trim().to_owned()).collect()))
                .collect()
        })
        .unwrap_or_default();

    // Criteria tree, root first.
    v.nodes.push(placeholder(ROOT_ID));
    if raw.criteria.is_empty() {
        v.issue("criteria", DiagnosticKind::EmptyList("criterion"));
    }
    let children: Vec<usize> = raw
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| v.criterion(c, format!("criteria[{i}]")))
        .collect();
    let weighting = v.weighting(
        "",
        &children,
        raw.comparisons.as_ref(),
        raw.judges.as_ref(),
        raw.matrix.as_ref(),
        &raw.criteria,
    );
    v.nodes[0].kind = CriterionKind::Parent(Parent { children, weighting });

    let leaves: Vec<usize> = (0..v.nodes.len())
        .filter(|&i| matches!(v.nodes[i].kind, CriterionKind::Leaf(_)))
        .collect();
    let criteria = Criteria {
        nodes: std::mem::take(&mut v.nodes),
        leaves,
    };

    // Alternatives.
    let mut located = Vec::new();
    let mut derived: Vec<Derived> = criteria
        .leaves()
        .filter_map(|(_, leaf)| {
            let values = match leaf.derive.as_ref()? {
                Derive::Shared { .. } => DerivedValues::Shared(Vec::new()),
                Derive::LearningCurve { .. } => DerivedValues::Curves(Vec::new()),
            };
            Some(Derived {
                column: leaf.column,
                values,
            })
        })
        .collect();
    let source = match (&csv.replacement, raw.alternatives) {
        (Some(file), _) => Alternatives_::Csv(file.clone()),
        (None, Some(RawAlternatives::Csv(file))) => match csv_path(&file, csv) {
            Ok(path) => Alternatives_::Csv(CsvSource {
                shown: path.display().to_string(),
                path,
                stdin: false,
                settings: csv.settings.clone(),
            }),
            Err(kind) => {
                v.issue("alternatives.csv", kind);
                Alternatives_::List(Vec::new())
            }
        },
        (None, Some(RawAlternatives::List(list))) => {
            if list.is_empty() {
                v.issue("alternatives", DiagnosticKind::EmptyList("alternative"));
            }
            Alternatives_::List(list)
        }
        (None, None) => {
            v.issue("", DiagnosticKind::NoAlternatives);
            Alternatives_::List(Vec::new())
        }
    };
    let (alternatives, scores, score_text) = match source {
        Alternatives_::Csv(file) if !derived.is_empty() => {
            let _ = file;
            v.issue("alternatives", DiagnosticKind::DerivedWithCsv);
            (Alternatives::default(), None, None)
        }
        Alternatives_::Csv(file) => match csv_input::read(&file, &criteria) {
            Ok(read) => (
                read.alternatives,
                Some(DecisionMatrix::from_row_major(criteria.leaves.len(), read.values)),
                read.text,
            ),
            Err(problems) => {
                located = problems;
                (Alternatives::default(), None, None)
            }
        },
        Alternatives_::List(list) => {
            let (alternatives, rows) = v.alternatives(list, &criteria, &mut derived);
            (alternatives, Some(DecisionMatrix::from_rows(rows)), None)
        }
    };

    let alternative_comparisons = match &raw.alternative_comparisons {
        Some(Ordered(by_leaf)) => v.alternative_comparisons(by_leaf, &criteria, &alternatives),
        None => Vec::new(),
    };

    let screening = raw
        .screening
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| v.rule(rule, &criteria, &format!("screening[{i}]")))
        .collect();

    if !v.issues.is_empty() || !located.is_empty() {
        return Err(Rejected {
            issues: v.issues,
            located,
        });
    }
    let scores = scores
        .filter(|_| !alternatives.is_empty())
        .and_then(Result::ok)
        .ok_or_else(|| Rejected {
            issues: vec![(String::from("alternatives"), DiagnosticKind::EmptyList("alternative"))],
            located: Vec::new(),
        })?;
    Ok(Problem {
        name,
        description,
        criteria,
        alternatives,
        scores,
        score_text,
        screening,
        core: v.core,
        derived,
        alternative_comparisons,
        warnings: v.warnings,
    })
}

/// Where the alternatives come from, once the options are applied.
enum Alternatives_ {
    List(Vec<RawAlternative>),
    Csv(CsvSource),
}

/// The file a problem's `{csv: FILE}` names: relative to the problem's
/// folder, and inside it unless allowed otherwise.
fn csv_path(file: &str, plan: &CsvPlan) -> Result<PathBuf, DiagnosticKind> {
    let path = Path::new(file);
    let escapes = path.is_absolute() || path.components().any(|c| matches!(c, Component::ParentDir));
    if escapes && !plan.allow_outside {
        return Err(DiagnosticKind::OutsidePath(excerpt(file)));
    }
    Ok(plan.base_dir.join(path))
}

/// Validates one criteria-library definition on its own: the criterion
/// becomes the only child of a root.
pub fn validate_entry(raw: RawCriterion) -> Result<(RawCriterion, Criteria), Vec<Issue>> {
    let mut v = Validator::default();
    v.nodes.push(placeholder(ROOT_ID));
    let child = v.criterion(&raw, String::new());
    v.nodes[0].kind = CriterionKind::Parent(Parent {
        children: vec![child],
        weighting: Weighting::Equal,
    });
    if !v.issues.is_empty() {
        return Err(v.issues);
    }
    let leaves = (0..v.nodes.len())
        .filter(|&i| matches!(v.nodes[i].kind, CriterionKind::Leaf(_)))
        .collect();
    Ok((raw, Criteria { nodes: v.nodes, leaves }))
}

fn placeholder(id: &str) -> Criterion {
    Criterion {
        id: id.to_owned(),
        name: None,
        description: None,
        unit: None,
        kind: CriterionKind::Parent(Parent {
            children: Vec::new(),
            weighting: Weighting::Equal,
        }),
    }
}

fn valid_criterion_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

pub(super) fn valid_alternative_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ALTERNATIVE_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
}

/// A finite number, from a YAML number or a numeric string.
fn number(value: &Scalar) -> Result<f64, DiagnosticKind> {
    match value {
        Scalar::Number(v) if v.is_finite() => Ok(*v),
        Scalar::Number(v) => Err(DiagnosticKind::NonFinite(yaml_spelling(*v))),
        Scalar::Text(text) => match text.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            Ok(v) if v.is_nan() || text.to_ascii_lowercase().contains("inf") => {
                Err(DiagnosticKind::NonFinite(excerpt(text)))
            }
            Ok(_) => Err(DiagnosticKind::OutOfRange(excerpt(text))),
            Err(_) => Err(DiagnosticKind::Syntax(format!(
                "expected a number, found `{}`",
                excerpt(text)
            ))),
        },
        Scalar::Map(_) => Err(DiagnosticKind::Syntax("expected a number, found a mapping".into())),
    }
}

fn yaml_spelling(v: f64) -> String {
    match v {
        v if v.is_nan() => ".nan".into(),
        v if v > 0.0 => ".inf".into(),
        _ => "-.inf".into(),
    }
}

/// At most 40 characters of user text, for messages.
pub(super) fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// A judgment value: a positive number or a fraction string like "1/3".
fn judgment(value: &Scalar) -> Result<f64, DiagnosticKind> {
    let v = match value {
        Scalar::Text(text) if text.contains('/') => {
            let (a, b) = text.split_once('/').expect("checked for '/'");
            match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
                (Ok(a), Ok(b)) if a.is_finite() && b.is_finite() && b != 0.0 => a / b,
                _ => return Err(DiagnosticKind::BadJudgment(excerpt(text))),
            }
        }
        Scalar::Text(text) if text.trim().parse::<f64>().is_err() => {
            return Err(DiagnosticKind::BadJudgment(excerpt(text)));
        }
        other => number(other)?,
    };
    if v > 0.0 && v.is_finite() {
        Ok(v)
    } else {
        Err(DiagnosticKind::NonPositiveJudgment(v))
    }
}

/// The value of the level `name` of a leaf, or why the word is not a score
/// of it.
pub(super) fn level_value<'l>(leaf: &'l Leaf, criterion: &str, name: &str) -> Result<(f64, &'l str), DiagnosticKind> {
    match leaf.levels.iter().find(|(n, _)| n == name) {
        Some((n, v)) => Ok((*v, n)),
        None if leaf.levels.is_empty() => Err(DiagnosticKind::NoLevels {
            level: excerpt(name),
            criterion: criterion.to_owned(),
        }),
        None => Err(DiagnosticKind::UnknownLevel {
            level: excerpt(name),
            criterion: criterion.to_owned(),
            levels: leaf
                .levels
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// `value` if it lies within the leaf's scale (when it has one).
pub(super) fn in_scale(leaf: &Leaf, criterion: &str, value: f64) -> Result<f64, DiagnosticKind> {
    match leaf.scale {
        Some((min, max)) if !(min..=max).contains(&value) => Err(DiagnosticKind::OutOfScale {
            value,
            criterion: criterion.to_owned(),
            min,
            max,
        }),
        _ => Ok(value),
    }
}

/// Appends to the derivation record of the leaf in `column`.
fn record(derived: &mut [Derived], column: usize, push: impl FnOnce(&mut DerivedValues)) {
    if let Some(d) = derived.iter_mut().find(|d| d.column == column) {
        push(&mut d.values);
    }
}

#[derive(Default)]
struct Validator {
    core: Vec<(String, Vec<String>)>,
    /// Leaves whose definition is already reported broken (a bad `derive`,
    /// an unknown `use`): their scores are not checked, to avoid follow-up
    /// errors per alternative.
    unscored: std::collections::HashSet<String>,
    nodes: Vec<Criterion>,
    ids: HashMap<String, String>,
    issues: Vec<Issue>,
    warnings: Vec<Warning>,
}

impl Validator {
    fn issue(&mut self, path: impl Into<String>, kind: DiagnosticKind) {
        self.issues.push((path.into(), kind));
    }

    fn text(&mut self, text: &Text, path: &str) -> String {
        if text.0.trim().is_empty() || text.0 == "~" {
            self.issue(path, DiagnosticKind::EmptyText);
        }
        text.0.clone()
    }

    fn number_at(&mut self, value: &Scalar, path: String) -> Option<f64> {
        number(value).map_err(|kind| self.issue(path, kind)).ok()
    }
}
