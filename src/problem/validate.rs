//! From the file as written ([`RawProblem`]) to a [`Problem`] the
//! algorithms can trust. Every problem found is collected with its field
//! path; positions are added by the loader.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::csv_input::{self, CsvSource};
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
    /// Skip unknown columns.
    pub ignore_extra_columns: bool,
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
                ignore_extra_columns: csv.ignore_extra_columns,
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
    let (alternatives, scores) = match source {
        Alternatives_::Csv(file) if !derived.is_empty() => {
            let _ = file;
            v.issue("alternatives", DiagnosticKind::DerivedWithCsv);
            (Alternatives::default(), None)
        }
        Alternatives_::Csv(file) => match csv_input::read(&file, &criteria) {
            Ok(read) => (
                read.alternatives,
                Some(DecisionMatrix::from_row_major(criteria.leaves.len(), read.values)),
            ),
            Err(problems) => {
                located = problems;
                (Alternatives::default(), None)
            }
        },
        Alternatives_::List(list) => {
            let (alternatives, rows) = v.alternatives(list, &criteria, &mut derived);
            (alternatives, Some(DecisionMatrix::from_rows(rows)))
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
    /// Alternatives written in the problem file: ids, assets, and values in
    /// leaf order (derived leaves computed).
    fn alternatives(
        &mut self,
        list: Vec<RawAlternative>,
        criteria: &Criteria,
        derived: &mut [Derived],
    ) -> (Alternatives, Vec<Vec<f64>>) {
        let mut alternatives = Alternatives::default();
        let mut rows = Vec::with_capacity(list.len());
        let mut ids: HashMap<String, String> = HashMap::new();
        for (i, alt) in list.into_iter().enumerate() {
            let path = format!("alternatives[{i}]");
            let id = alt.id.0.clone();
            if !valid_alternative_id(&id) {
                self.issue(format!("{path}.id"), DiagnosticKind::AlternativeId(id.clone()));
            } else if let Some(first) = ids.get(&id) {
                let first = first.clone();
                self.issue(
                    format!("{path}.id"),
                    DiagnosticKind::DuplicateId { id: id.clone(), first },
                );
            } else {
                ids.insert(id.clone(), format!("{path}.id"));
            }
            if let Some(Ordered(assets)) = &alt.assets {
                for (dim, _) in assets {
                    if !self.core.iter().any(|(d, _)| d == dim) {
                        let known = derive::dimensions(&self.core);
                        self.issue(
                            format!("{path}.assets.{dim}"),
                            DiagnosticKind::UnknownDimension {
                                dimension: dim.clone(),
                                known,
                            },
                        );
                    }
                }
            }
            rows.push(self.scores(&alt, criteria, &path, derived));
            alternatives.push(
                &id,
                alt.name.as_ref().map(|t| t.0.as_str()),
                alt.description.as_ref().map(|t| t.0.as_str()),
            );
        }
        (alternatives, rows)
    }

    /// `alternative_comparisons: {leaf: [[a, b, value], ...]}`, as judgments
    /// between alternative indices per leaf column.
    fn alternative_comparisons(
        &mut self,
        by_leaf: &[(String, Vec<Vec<Scalar>>)],
        criteria: &Criteria,
        alternatives: &Alternatives,
    ) -> Vec<LeafJudgments> {
        let ids: Vec<String> = alternatives.ids().map(str::to_owned).collect();
        let max = crate::ahp::RandomIndex::Saaty.max_n();
        let mut out = Vec::new();
        for (leaf_id, list) in by_leaf {
            let path = format!("alternative_comparisons.{leaf_id}");
            let Some((_, leaf)) = criteria.leaf(leaf_id) else {
                self.issue(path, DiagnosticKind::UnknownCriterion(excerpt(leaf_id)));
                continue;
            };
            if ids.len() > max {
                self.issue(path, DiagnosticKind::TooManyCompared { n: ids.len(), max });
                continue;
            }
            if let Some(triples) = self.triples(&path, &ids, list)
                && self.pairwise(&path, &ids, &triples).is_some()
            {
                out.push((leaf.column, triples));
            }
        }
        out
    }

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

    /// Adds a criterion (and its sub-tree) and returns its node index.
    fn criterion(&mut self, raw: &RawCriterion, path: String) -> usize {
        let id = match &raw.id {
            Some(id) => id.0.clone(),
            None => {
                self.issue(path.clone(), DiagnosticKind::MissingId);
                String::new()
            }
        };
        if raw.id.is_some() && !valid_criterion_id(&id) {
            self.issue(format!("{path}.id"), DiagnosticKind::CriterionId(id.clone()));
        } else if let Some(first) = self.ids.get(&id) {
            let first = first.clone();
            self.issue(
                format!("{path}.id"),
                DiagnosticKind::DuplicateId { id: id.clone(), first },
            );
        } else {
            self.ids.insert(id.clone(), format!("{path}.id"));
        }
        if let Some(name) = &raw.name {
            self.text(name, &format!("{path}.name"));
        }
        if let Some(w) = &raw.weight
            && let Some(w) = self.number_at(w, format!("{path}.weight"))
            && w < 0.0
        {
            self.issue(format!("{path}.weight"), DiagnosticKind::NegativeWeight(w));
        }
        let index = self.nodes.len();
        let mut node = placeholder(&id);
        node.name = raw.name.as_ref().map(|t| t.0.clone());
        node.description = raw.description.as_ref().map(|t| t.0.clone());
        node.unit = raw.unit.as_ref().map(|t| t.0.clone());
        self.nodes.push(node);

        self.nodes[index].kind = match &raw.criteria {
            Some(sub) => {
                for (field, given) in [
                    ("direction", raw.direction.is_some()),
                    ("target", raw.target.is_some()),
                    ("scale", raw.scale.is_some()),
                    ("levels", raw.levels.is_some()),
                    ("rubric", raw.rubric.is_some()),
                    ("derive", raw.derive.is_some()),
                    ("baseline", raw.baseline.is_some()),
                ] {
                    if given {
                        self.issue(format!("{path}.{field}"), DiagnosticKind::ParentField(field));
                    }
                }
                if sub.is_empty() {
                    self.issue(format!("{path}.criteria"), DiagnosticKind::EmptyList("sub-criterion"));
                }
                let children: Vec<usize> = sub
                    .iter()
                    .enumerate()
                    .map(|(i, c)| self.criterion(c, format!("{path}.criteria[{i}]")))
                    .collect();
                let weighting = self.weighting(
                    &path,
                    &children,
                    raw.comparisons.as_ref(),
                    raw.judges.as_ref(),
                    raw.matrix.as_ref(),
                    sub,
                );
                CriterionKind::Parent(Parent { children, weighting })
            }
            None => {
                for (field, given) in [
                    ("comparisons", raw.comparisons.is_some()),
                    ("matrix", raw.matrix.is_some()),
                ] {
                    if given {
                        self.issue(format!("{path}.{field}"), DiagnosticKind::LeafField(field));
                    }
                }
                CriterionKind::Leaf(self.leaf(raw, &path))
            }
        };
        index
    }

    fn leaf(&mut self, raw: &RawCriterion, path: &str) -> Leaf {
        let target = raw
            .target
            .as_ref()
            .and_then(|t| self.number_at(t, format!("{path}.target")));
        let direction = match raw.direction.unwrap_or(RawDirection::Benefit) {
            RawDirection::Benefit => Direction::Benefit,
            RawDirection::Cost => Direction::Cost,
            RawDirection::Target => Direction::Target(target.unwrap_or(0.0)),
        };
        match (raw.direction, &raw.target) {
            (Some(RawDirection::Target), None) => {
                self.issue(format!("{path}.direction"), DiagnosticKind::MissingTarget)
            }
            (Some(RawDirection::Target), Some(_)) => {}
            (_, Some(_)) => self.issue(format!("{path}.target"), DiagnosticKind::UnexpectedTarget),
            _ => {}
        }
        let scale = raw.scale.as_ref().and_then(|s| {
            let min = self.number_at(&s.min, format!("{path}.scale.min"));
            let max = self.number_at(&s.max, format!("{path}.scale.max"));
            let (min, max) = (min?, max?);
            if min > max {
                self.issue(format!("{path}.scale"), DiagnosticKind::InvertedScale { min, max });
                return None;
            }
            Some((min, max))
        });
        let levels: Vec<(String, f64)> = raw
            .levels
            .as_ref()
            .map(|Ordered(pairs)| {
                if pairs.is_empty() {
                    self.issue(format!("{path}.levels"), DiagnosticKind::EmptyList("level"));
                }
                pairs
                    .iter()
                    .filter_map(|(name, value)| {
                        let value = self.number_at(value, format!("{path}.levels.{name}"))?;
                        Some((name.clone(), value))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let column = self
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, CriterionKind::Leaf(_)))
            .count();
        let rubric = raw
            .rubric
            .as_ref()
            .map(|Ordered(entries)| {
                entries
                    .iter()
                    .filter(|(key, _)| {
                        let known = key.parse::<f64>().is_ok() || levels.iter().any(|(n, _)| n == key);
                        if !known {
                            self.issue(format!("{path}.rubric.{key}"), DiagnosticKind::RubricKey(key.clone()));
                        }
                        known
                    })
                    .map(|(key, text)| (key.clone(), text.0.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let (direction, derive) = self.derivation(raw, path, direction);
        Leaf {
            direction,
            scale,
            levels,
            column,
            rubric,
            derive,
        }
    }

    /// A derived leaf's derivation, and the direction it implies.
    fn derivation(&mut self, raw: &RawCriterion, path: &str, direction: Direction) -> (Direction, Option<Derive>) {
        let Some(value) = &raw.derive else {
            if raw.baseline.is_some() {
                self.issue(format!("{path}.baseline"), DiagnosticKind::UnexpectedBaseline);
            }
            return (direction, None);
        };
        let derive = match derive::parse(value, &self.core) {
            Ok(d) => d,
            Err(kind) => {
                self.issue(format!("{path}.derive"), kind);
                // Not scored by hand either: no "missing score" follow-ups.
                self.unscored
                    .insert(raw.id.as_ref().map(|t| t.0.clone()).unwrap_or_default());
                return (direction, None);
            }
        };
        for (field, given) in [("levels", raw.levels.is_some()), ("scale", raw.scale.is_some())] {
            if given {
                self.issue(format!("{path}.{field}"), DiagnosticKind::DerivedField(field));
            }
        }
        let (name, expected, implied) = match derive {
            Derive::Shared { .. } => ("shared", RawDirection::Benefit, Direction::Benefit),
            Derive::LearningCurve { .. } => ("learning_curve", RawDirection::Cost, Direction::Cost),
        };
        if raw.direction.is_some_and(|d| d != expected) {
            let expected = if expected == RawDirection::Benefit {
                "benefit"
            } else {
                "cost"
            };
            self.issue(
                format!("{path}.direction"),
                DiagnosticKind::DerivedDirection { derive: name, expected },
            );
        }
        let derive = match (derive, &raw.baseline) {
            (Derive::LearningCurve { .. }, Some(pairs)) => match derive::baseline(pairs) {
                Ok(curve) => Derive::LearningCurve { baseline: Some(curve) },
                Err(problems) => {
                    for (key, kind) in problems {
                        let at = key.map_or(format!("{path}.baseline"), |k| format!("{path}.baseline.{k}"));
                        self.issue(at, kind);
                    }
                    Derive::LearningCurve { baseline: None }
                }
            },
            (d @ Derive::Shared { .. }, Some(_)) => {
                self.issue(format!("{path}.baseline"), DiagnosticKind::UnexpectedBaseline);
                d
            }
            (d, None) => d,
        };
        (implied, Some(derive))
    }

    /// The source of the local weights of `children`; `path` is the node's
    /// path ("" for the root).
    fn weighting(
        &mut self,
        path: &str,
        children: &[usize],
        comparisons: Option<&RawComparisons>,
        judges: Option<&Pairs>,
        matrix: Option<&Vec<Vec<Scalar>>>,
        raw_children: &[RawCriterion],
    ) -> Weighting {
        let at = |field: &str| {
            if path.is_empty() {
                field.to_owned()
            } else {
                format!("{path}.{field}")
            }
        };
        let weighted: Vec<bool> = raw_children.iter().map(|c| c.weight.is_some()).collect();
        let any_weight = weighted.iter().any(|&w| w);
        if comparisons.is_some() && matrix.is_some() {
            self.issue(
                at("matrix"),
                DiagnosticKind::ConflictingWeights("give `comparisons` or `matrix`, not both".into()),
            );
            return Weighting::Equal;
        }
        if (comparisons.is_some() || matrix.is_some()) && any_weight {
            let field = if comparisons.is_some() { "comparisons" } else { "matrix" };
            self.issue(
                at(field),
                DiagnosticKind::ConflictingWeights(format!(
                    "`{field}` and `weight:` on sub-criteria both set this node's weights; keep one"
                )),
            );
            return Weighting::Equal;
        }
        let ids: Vec<String> = children.iter().map(|&c| self.nodes[c].id.clone()).collect();
        let n = children.len();
        if (comparisons.is_some() || matrix.is_some()) && n > crate::ahp::RandomIndex::Saaty.max_n() {
            let field = if comparisons.is_some() { "comparisons" } else { "matrix" };
            self.issue(
                at(field),
                DiagnosticKind::TooManyCompared {
                    n,
                    max: crate::ahp::RandomIndex::Saaty.max_n(),
                },
            );
            return Weighting::Equal;
        }
        if let Some(comparisons) = comparisons {
            return self
                .judgments(&at("comparisons"), &ids, comparisons, judges)
                .map_or(Weighting::Equal, Weighting::Judgments);
        }
        if let Some(rows) = matrix {
            return self
                .matrix(&at("matrix"), &ids, rows)
                .map_or(Weighting::Equal, |matrix| {
                    Weighting::Judgments(Judgments { matrix, group: None })
                });
        }
        if any_weight {
            let prefix = if path.is_empty() {
                "criteria".to_owned()
            } else {
                format!("{path}.criteria")
            };
            if let Some(i) = weighted.iter().position(|&w| !w) {
                self.issue(format!("{prefix}[{i}]"), DiagnosticKind::PartialWeights(ids[i].clone()));
                return Weighting::Equal;
            }
            let values: Vec<f64> = raw_children
                .iter()
                .map(|c| c.weight.as_ref().and_then(|w| number(w).ok()).unwrap_or(0.0))
                .collect();
            if values.iter().any(|v| *v < 0.0) {
                return Weighting::Equal; // reported on the child already
            }
            return match Weights::new(values) {
                Ok(w) => Weighting::Direct(w),
                Err(_) => {
                    self.issue(prefix, DiagnosticKind::AllZeroWeights);
                    Weighting::Equal
                }
            };
        }
        Weighting::Equal
    }

    fn judgments(
        &mut self,
        path: &str,
        ids: &[String],
        comparisons: &RawComparisons,
        judge_weights: Option<&Pairs>,
    ) -> Option<Judgments> {
        match comparisons {
            RawComparisons::Single(list) => {
                let triples = self.triples(path, ids, list)?;
                let matrix = self.pairwise(path, ids, &triples)?;
                if judge_weights.is_some() {
                    self.issue(
                        path.replace("comparisons", "judges"),
                        DiagnosticKind::JudgesWithoutGroup,
                    );
                }
                Some(Judgments { matrix, group: None })
            }
            RawComparisons::Group(judges) => {
                if judges.is_empty() {
                    self.issue(path, DiagnosticKind::EmptyList("judge"));
                    return None;
                }
                let mut per_judge = Vec::new();
                let mut ok = true;
                for (judge, list) in judges {
                    match self.triples(&format!("{path}.{judge}"), ids, list) {
                        Some(t) => per_judge.push((judge.clone(), t)),
                        None => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
                let weights_path = path.replace("comparisons", "judges");
                let weight_of = |v: &mut Self, judge: &str| -> Option<f64> {
                    let Some(Ordered(weights)) = judge_weights else {
                        return Some(1.0);
                    };
                    match weights.iter().find(|(name, _)| name == judge) {
                        Some((_, w)) => match number(w) {
                            Ok(w) if w > 0.0 => Some(w),
                            Ok(w) => {
                                v.issue(format!("{weights_path}.{judge}"), DiagnosticKind::JudgeWeight(w));
                                None
                            }
                            Err(kind) => {
                                v.issue(format!("{weights_path}.{judge}"), kind);
                                None
                            }
                        },
                        None => {
                            v.issue(
                                weights_path.clone(),
                                DiagnosticKind::MissingJudgeWeight(judge.to_owned()),
                            );
                            None
                        }
                    }
                };
                if let Some(Ordered(weights)) = judge_weights {
                    for (name, _) in weights {
                        if !per_judge.iter().any(|(j, _)| j == name) {
                            self.issue(
                                format!("{weights_path}.{name}"),
                                DiagnosticKind::UnknownJudge(name.clone()),
                            );
                        }
                    }
                }
                let mut sets = Vec::with_capacity(per_judge.len());
                for (judge, triples) in per_judge {
                    let weight = weight_of(self, &judge)?;
                    sets.push(JudgmentSet::new(judge, triples).with_weight(weight));
                }
                // Connectivity is checked on the union of the judges' pairs.
                let union: Vec<(usize, usize, f64)> = {
                    let mut seen = std::collections::HashSet::new();
                    sets.iter()
                        .flat_map(|s| s.judgments.iter().copied())
                        .filter(|&(a, b, _)| seen.insert((a.min(b), a.max(b))))
                        .collect()
                };
                self.pairwise(path, ids, &union)?;
                match GroupJudgments::new(ids.len(), sets) {
                    Ok(group) => Some(Judgments {
                        matrix: group.aggregated_judgments().clone(),
                        group: Some(group),
                    }),
                    Err(e) => {
                        self.issue(path, DiagnosticKind::Matrix(e.to_string()));
                        None
                    }
                }
            }
        }
    }

    /// Checks a list of `[a, b, value]` judgments and returns them as index
    /// triples, or `None` after reporting what is wrong.
    fn triples(&mut self, path: &str, ids: &[String], list: &[Vec<Scalar>]) -> Option<Vec<(usize, usize, f64)>> {
        let before = self.issues.len();
        let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
        let mut triples = Vec::with_capacity(list.len());
        let siblings = ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ");
        for (k, triple) in list.iter().enumerate() {
            let at = format!("{path}[{k}]");
            if triple.len() != 3 {
                self.issue(at, DiagnosticKind::TripleLength(triple.len()));
                continue;
            }
            let index = |slot: usize, v: &mut Self| -> Option<usize> {
                let name = triple[slot].to_string();
                let found = ids.iter().position(|i| *i == name);
                if found.is_none() {
                    v.issue(
                        format!("{at}[{slot}]"),
                        DiagnosticKind::NotSibling {
                            id: excerpt(&name),
                            siblings: siblings.clone(),
                        },
                    );
                }
                found
            };
            let a = index(0, self);
            let b = index(1, self);
            let value = judgment(&triple[2])
                .map_err(|kind| self.issue(format!("{at}[2]"), kind))
                .ok();
            let (Some(a), Some(b), Some(value)) = (a, b, value) else {
                continue;
            };
            if a == b {
                self.issue(at, DiagnosticKind::SelfComparison(ids[a].clone()));
                continue;
            }
            let key = (a.min(b), a.max(b));
            if let Some(&first) = seen.get(&key) {
                self.issue(
                    at,
                    DiagnosticKind::RepeatedPair {
                        a: ids[a].clone(),
                        b: ids[b].clone(),
                        first: format!("{path}[{first}]"),
                    },
                );
                continue;
            }
            seen.insert(key, k);
            if !(1.0 / SCALE_MAX..=SCALE_MAX).contains(&value) {
                self.warnings.push(Warning::JudgmentOffScale {
                    path: format!("{at}[2]"),
                    value,
                });
            }
            triples.push((a, b, value));
        }
        (self.issues.len() == before).then_some(triples)
    }

    fn pairwise(&mut self, path: &str, ids: &[String], triples: &[(usize, usize, f64)]) -> Option<PairwiseMatrix> {
        match PairwiseMatrix::from_judgments(ids.len(), triples) {
            Ok(m) => Some(m),
            Err(MatrixError::Disconnected { groups }) => {
                let groups = groups
                    .iter()
                    .map(|g| {
                        format!(
                            "[{}]",
                            g.iter().map(|&i| ids[i].as_str()).collect::<Vec<_>>().join(", ")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" and ");
                self.issue(path, DiagnosticKind::Disconnected(groups));
                None
            }
            Err(e) => {
                self.issue(path, DiagnosticKind::Matrix(e.to_string()));
                None
            }
        }
    }

    fn matrix(&mut self, path: &str, ids: &[String], rows: &[Vec<Scalar>]) -> Option<PairwiseMatrix> {
        let before = self.issues.len();
        let n = ids.len();
        if rows.len() != n {
            self.issue(
                path,
                DiagnosticKind::Matrix(format!(
                    "the matrix has {} rows; this node has {n} criteria",
                    rows.len()
                )),
            );
            return None;
        }
        let mut values = Vec::with_capacity(n);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n {
                self.issue(
                    format!("{path}[{i}]"),
                    DiagnosticKind::Matrix(format!("row has {} entries, expected {n}", row.len())),
                );
                continue;
            }
            let parsed: Vec<f64> = row
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    judgment(v)
                        .map_err(|kind| self.issue(format!("{path}[{i}][{j}]"), kind))
                        .unwrap_or(1.0)
                })
                .collect();
            values.push(parsed);
        }
        if self.issues.len() != before {
            return None;
        }
        match PairwiseMatrix::from_rows(values) {
            Ok(m) => Some(m),
            Err(e) => {
                let at = match &e {
                    MatrixError::Diagonal { index, .. } => format!("{path}[{index}][{index}]"),
                    MatrixError::NotReciprocal { row, col, .. } => format!("{path}[{col}][{row}]"),
                    _ => path.to_owned(),
                };
                let message = match &e {
                    MatrixError::Diagonal { value, .. } => format!("a diagonal entry must be 1, found {value}"),
                    MatrixError::NotReciprocal { row, col, a_ij, a_ji } => format!(
                        "must be the reciprocal of `{}` over `{}` ({a_ij}), found {a_ji}",
                        ids[*row], ids[*col]
                    ),
                    other => other.to_string(),
                };
                self.issue(at, DiagnosticKind::Matrix(message));
                None
            }
        }
    }

    /// One alternative's values as a row in leaf order: its scores, and the
    /// values of derived leaves computed from its assets and cost curves.
    fn scores(&mut self, alt: &RawAlternative, criteria: &Criteria, path: &str, derived: &mut [Derived]) -> Vec<f64> {
        let scores = &alt.scores;
        let mut row = vec![0.0; criteria.leaves.len()];
        for (key, value) in &scores.0 {
            let at = format!("{path}.scores.{key}");
            match criteria.leaf(key) {
                Some((criterion, leaf)) => match &leaf.derive {
                    Some(Derive::Shared { .. }) => self.issue(at, DiagnosticKind::DerivedScored(key.clone())),
                    Some(Derive::LearningCurve { .. }) => match derive::curve(value) {
                        Ok((curve, volume)) => {
                            row[leaf.column] = curve.average_cost(volume);
                            record(derived, leaf.column, |v| {
                                if let DerivedValues::Curves(c) = v {
                                    c.push((curve, volume));
                                }
                            });
                        }
                        Err(problems) => {
                            for (sub, kind) in problems {
                                self.issue(sub.map_or(at.clone(), |k| format!("{at}.{k}")), kind);
                            }
                        }
                    },
                    None => {
                        if let Some(v) = self.score(value, criterion, leaf, at) {
                            row[leaf.column] = v;
                        }
                    }
                },
                None if criteria.nodes.iter().any(|n| n.id == *key) => {
                    self.issue(at, DiagnosticKind::ParentScored(key.clone()))
                }
                None => self.issue(at, DiagnosticKind::UnknownCriterion(excerpt(key))),
            }
        }
        for (criterion, leaf) in criteria.leaves() {
            if let Some(Derive::Shared { dimension }) = &leaf.derive {
                let assets = alt
                    .assets
                    .as_ref()
                    .and_then(|Ordered(a)| a.iter().find(|(d, _)| d == dimension))
                    .map(|(_, list)| &list[..])
                    .unwrap_or_default();
                if assets.iter().all(|a| a.0.trim().is_empty()) {
                    self.issue(
                        format!("{path}.assets"),
                        DiagnosticKind::MissingAssets {
                            criterion: criterion.id.clone(),
                            dimension: dimension.clone(),
                        },
                    );
                    continue;
                }
                let core = self
                    .core
                    .iter()
                    .find(|(d, _)| d == dimension)
                    .map(|(_, c)| &c[..])
                    .unwrap_or_default();
                let (share, split) = derive::shared(assets, core);
                row[leaf.column] = share;
                record(derived, leaf.column, |v| {
                    if let DerivedValues::Shared(s) = v {
                        s.push(split);
                    }
                });
            } else if !scores.0.iter().any(|(k, _)| *k == criterion.id) && !self.unscored.contains(&criterion.id) {
                self.issue(
                    format!("{path}.scores"),
                    DiagnosticKind::MissingScore(criterion.id.clone()),
                );
            }
        }
        row
    }

    /// A score or bound on a leaf: a number, or one of its named levels.
    fn level_or_number(
        &mut self,
        value: &Scalar,
        criterion: &Criterion,
        leaf: &Leaf,
        at: &str,
    ) -> Option<(f64, Option<String>)> {
        if let Scalar::Text(text) = value
            && text.trim().parse::<f64>().is_err()
        {
            return match level_value(leaf, &criterion.id, text.trim()) {
                Ok((v, name)) => Some((v, Some(name.to_owned()))),
                Err(kind) => {
                    self.issue(at, kind);
                    None
                }
            };
        }
        self.number_at(value, at.to_owned()).map(|v| (v, None))
    }

    fn score(&mut self, value: &Scalar, criterion: &Criterion, leaf: &Leaf, at: String) -> Option<f64> {
        let (v, _) = self.level_or_number(value, criterion, leaf, &at)?;
        in_scale(leaf, &criterion.id, v)
            .map_err(|kind| self.issue(at, kind))
            .ok()
    }

    fn rule(&mut self, rule: &RawRule, criteria: &Criteria, path: &str) -> Option<ScreeningRule> {
        let id = &rule.criterion.0;
        let Some((criterion, leaf)) = criteria.leaf(id) else {
            let kind = if criteria.nodes.iter().any(|n| n.id == *id) {
                DiagnosticKind::RuleOnParent(id.clone())
            } else {
                DiagnosticKind::UnknownCriterion(excerpt(id))
            };
            self.issue(format!("{path}.criterion"), kind);
            return None;
        };
        let bound = |value: &Option<Scalar>, field: &str, v: &mut Self| {
            value.as_ref().and_then(|s| {
                v.level_or_number(s, criterion, leaf, &format!("{path}.{field}"))
                    .map(|(value, level)| Bound { value, level })
            })
        };
        let min = bound(&rule.min, "min", self);
        let max = bound(&rule.max, "max", self);
        if rule.min.is_none() && rule.max.is_none() {
            self.issue(path, DiagnosticKind::RuleWithoutBound);
            return None;
        }
        if let (Some(lo), Some(hi)) = (&min, &max)
            && lo.value > hi.value
        {
            self.issue(
                path,
                DiagnosticKind::InvertedRule {
                    min: lo.value,
                    max: hi.value,
                },
            );
            return None;
        }
        Some(ScreeningRule {
            criterion: id.clone(),
            column: leaf.column,
            min,
            max,
        })
    }
}
