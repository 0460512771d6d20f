//! From the file as written ([`RawProblem`]) to a [`Problem`] the
//! algorithms can trust. Every problem found is collected with its field
//! path; positions are added by the loader.

mod alternatives;
mod criteria;
mod judgments;
mod portfolio;
mod portfolio_refs;

use std::collections::HashMap;

use super::csv_input::{self, CsvSource};
use super::derive;
use super::diagnostic::DiagnosticKind;
use super::diagnostic::{Diagnostic, FieldPath, FirstSeen, Location, Segment};
use super::raw::{
    Ordered, Pairs, RawAlternative, RawComparisons, RawCriterion, RawDirection, RawProblem, RawRule, RawValue, Text,
};
use super::rules::{
    SCALE_MAX, excerpt, in_scale, judgment, level_value, number, valid_alternative_id, valid_criterion_id,
};
use super::{
    Alternatives, Bound, Criteria, Criterion, CriterionKind, Derive, Derived, DerivedValues, Judgment, Judgments, Leaf,
    LeafJudgments, Parent, Problem, ROOT_ID, ScoreInterval, ScreeningRule, Weighting,
};
use crate::math::ahp::MatrixError;
use crate::math::ahp::{GroupJudgments, JudgmentSet, PairwiseMatrix};
use crate::math::matrix::DataError;
use crate::{DecisionMatrix, Direction, Warning, Weights};

/// A check run on a validated problem before the loader returns it, from a
/// layer above (the pipeline knows what ranking needs; the loader does not):
/// its findings, each a field path and what is wrong there, are located in
/// the file (or the CSV row) like validation's own.
#[derive(Clone)]
pub struct Admission(std::sync::Arc<Check>);

/// The function an [`Admission`] runs.
type Check = dyn Fn(&Problem) -> Vec<Issue> + Send + Sync;

impl Admission {
    /// An admission check from a function of the problem.
    pub fn new(check: impl Fn(&Problem) -> Vec<(FieldPath, DiagnosticKind)> + Send + Sync + 'static) -> Self {
        Admission(std::sync::Arc::new(check))
    }

    /// What the check finds in `problem`.
    pub(crate) fn findings(&self, problem: &Problem) -> Vec<Issue> {
        (self.0)(problem)
    }
}

impl std::fmt::Debug for Admission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Admission(..)")
    }
}

/// An error found by validation, with the path of the field at fault: a
/// [`Diagnostic`] before it is located. The YAML positions are looked up
/// for all of them at once, after validation ([`super::yaml::locate`]).
pub type Issue = (FieldPath, DiagnosticKind);

/// Why validation failed: errors located by field path in the YAML, and
/// errors already located elsewhere (in a CSV file).
#[derive(Debug, Default)]
pub struct Rejected {
    pub issues: Vec<Issue>,
    pub located: Vec<Diagnostic>,
}

/// `source`: where the alternatives come from, or why they cannot be read
/// (the loader decides). `earlier`: errors already found (in `use`);
/// `unresolved`: the paths of criteria whose `use` is already reported
/// unknown, so nothing that names them or their sub-criteria is reported
/// again.
///
/// With `admit`, what it finds in the validated problem (for ranking
/// options: data they cannot rank, a negative benefit score under AHP,
/// ...) is reported too, at the field at fault: so `check` finds what
/// `rank` would refuse, located.
pub fn validate(
    mut raw: RawProblem,
    earlier: Vec<Issue>,
    unresolved: Vec<FieldPath>,
    source: Result<AlternativesSource, Issue>,
    admit: Option<&Admission>,
) -> Result<Problem, Rejected> {
    let mut v = Validator {
        issues: earlier,
        unresolved: unresolved.into_iter().collect(),
        ..Validator::default()
    };
    let name = v.header(&raw);
    let description = raw.description.take().map(|t| t.0);

    v.core = raw
        .core
        .take()
        .map(|Ordered(dims)| {
            dims.into_iter()
                .map(|(dim, names)| (dim, names.into_iter().map(|n| n.0.trim().to_owned()).collect()))
                .collect()
        })
        .unwrap_or_default();

    let criteria = v.criteria_tree(&raw);

    let portfolio_fields = match &source {
        Ok(AlternativesSource::List(list)) => portfolio::AltFields::of(list),
        _ => Vec::new(),
    };
    let mut located = Vec::new();
    let mut derived = derived_records(&criteria);
    let (alternatives, scores, score_text, csv_rows) =
        v.read_alternatives(source, &criteria, &mut derived, &mut located);
    let portfolio_fields = match csv_rows {
        Some(_) => portfolio::AltFields::from_csv(alternatives.len(), std::mem::take(&mut v.csv_portfolio)),
        None => portfolio_fields,
    };

    let (alternative_comparisons, alternative_intervals) = match &raw.alternative_comparisons {
        Some(Ordered(by_leaf)) => v.alternative_comparisons(by_leaf, &criteria, &alternatives),
        None => (Vec::new(), Vec::new()),
    };

    let screening = raw
        .screening
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| v.rule(rule, &criteria, &FieldPath::root().key("screening").index(i)))
        .collect();

    let before = v.issues.len();
    let portfolio = v.portfolio(
        raw.portfolio.take(),
        &criteria,
        &alternatives,
        &portfolio_fields,
        scores.as_ref(),
    );
    // What is wrong in a CSV row's portfolio cells is reported in the CSV.
    if csv_rows.is_some() {
        let (rest, moved) = in_csv_rows(v.issues.split_off(before), csv_rows.as_ref(), true);
        v.issues.extend(rest);
        located.extend(moved);
    }
    let scores = match scores {
        Some(scores) if v.issues.is_empty() && located.is_empty() => scores,
        _ => {
            // Without other errors, the only way to have no matrix.
            if v.issues.is_empty() && located.is_empty() {
                v.issue(
                    FieldPath::root().key("alternatives"),
                    DiagnosticKind::EmptyList("alternative"),
                );
            }
            return Err(Rejected {
                issues: v.issues,
                located,
            });
        }
    };
    let mut score_intervals = std::mem::take(&mut v.score_intervals);
    score_intervals.sort_unstable_by_key(|s| (s.row, s.column));
    let problem = Problem {
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
        alternative_intervals,
        score_intervals,
        warnings: v.warnings,
        portfolio,
    };
    admitted(problem, admit, csv_rows.as_ref())
}

/// An empty derivation record for every derived leaf, filled in as the
/// alternatives are read.
fn derived_records(criteria: &Criteria) -> Vec<Derived> {
    criteria
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
        .collect()
}

/// `problem`, or what `admit` finds in it, at the fields at fault (for
/// alternatives read from CSV, at the row's line: `csv_rows`).
fn admitted(problem: Problem, admit: Option<&Admission>, csv_rows: Option<&CsvRows>) -> Result<Problem, Rejected> {
    let Some(admit) = admit else {
        return Ok(problem);
    };
    let (issues, located) = in_csv_rows(admit.findings(&problem), csv_rows, false);
    if issues.is_empty() && located.is_empty() {
        Ok(problem)
    } else {
        Err(Rejected { issues, located })
    }
}

/// A CSV file's name and each row's line in it, to locate what is found
/// after reading; for a spreadsheet, how to name its cells.
type CsvRows = (String, Vec<u32>, Option<csv_input::SheetCells>);

/// Moves the issues about an alternative's score (`alternatives[3].scores.
/// cost`), and with `portfolio` its portfolio fields, into the CSV file the
/// alternatives came from, at the row's line and under the column's name,
/// as the reader reports its own errors.
fn in_csv_rows(issues: Vec<Issue>, csv: Option<&CsvRows>, portfolio: bool) -> (Vec<Issue>, Vec<Diagnostic>) {
    let Some((shown, lines, cells)) = csv else {
        return (issues, Vec::new());
    };
    let mut located = Vec::new();
    let mut rest = Vec::new();
    for (path, kind) in issues {
        let row_and_column = match path.segments() {
            [
                Segment::Key(list),
                Segment::Index(row),
                Segment::Key(scores),
                column @ ..,
            ] if list == "alternatives" && scores == "scores" && matches!(column.first(), Some(Segment::Key(_))) => {
                Some((*row, FieldPath::from(column.to_vec())))
            }
            [Segment::Key(list), Segment::Index(row), rest @ ..] if portfolio && list == "alternatives" => {
                portfolio::csv_column(rest).map(|column| (*row, FieldPath::column(&column)))
            }
            _ => None,
        };
        match row_and_column {
            Some((row, column)) => located.push(Diagnostic {
                location: Location {
                    source: shown.clone(),
                    line: lines.get(row).filter(|&&l| l > 0).map(|&l| l as usize),
                    column: None,
                    path: column,
                },
                kind,
            }),
            None => rest.push((path, kind)),
        }
    }
    match cells {
        Some(cells) => (rest, cells.locate(located)),
        None => (rest, located),
    }
}

impl Validator {
    /// `version` and `name`; the name, empty if missing.
    fn header(&mut self, raw: &RawProblem) -> String {
        if let Some(version) = &raw.version
            && !matches!(version, RawValue::Number(n) if *n == 1.0)
            && !matches!(version, RawValue::Text(t) if t == "1")
        {
            self.issue(
                FieldPath::root().key("version"),
                DiagnosticKind::Version(version.to_string()),
            );
        }
        match &raw.name {
            Some(name) => self.text(name, &FieldPath::root().key("name")),
            None => {
                self.issue(FieldPath::root(), DiagnosticKind::MissingKey("name"));
                String::new()
            }
        }
    }

    /// The criteria tree, root first.
    fn criteria_tree(&mut self, raw: &RawProblem) -> Criteria {
        self.nodes.push(placeholder(ROOT_ID));
        let raw_criteria = raw.criteria.as_deref().unwrap_or_default();
        match &raw.criteria {
            None => {
                self.issue(FieldPath::root(), DiagnosticKind::MissingKey("criteria"));
                // Every name the alternatives and rules use is then unknown.
                self.names_unknown = true;
            }
            Some(list) if list.is_empty() => self.issue(
                FieldPath::root().key("criteria"),
                DiagnosticKind::EmptyList("criterion"),
            ),
            Some(list) => self.collect_ids(list),
        }
        let children: Vec<usize> = raw_criteria
            .iter()
            .enumerate()
            .map(|(i, c)| self.criterion(c, FieldPath::root().key("criteria").index(i)))
            .collect();
        let weighting = self.weighting(
            &FieldPath::root(),
            &children,
            criteria::JudgmentFields::of_problem(raw),
            raw_criteria,
        );
        self.nodes[0].kind = CriterionKind::Parent(Parent { children, weighting });

        let leaves: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| matches!(self.nodes[i].kind, CriterionKind::Leaf(_)))
            .collect();
        Criteria {
            nodes: std::mem::take(&mut self.nodes),
            leaves,
        }
    }

    /// The alternatives and their scores, from the list in the file or the
    /// CSV source (with each row's line), errors located in the CSV
    /// going to `located`. No matrix when something is wrong.
    fn read_alternatives(
        &mut self,
        source: Result<AlternativesSource, Issue>,
        criteria: &Criteria,
        derived: &mut [Derived],
        located: &mut Vec<Diagnostic>,
    ) -> (
        Alternatives,
        Option<DecisionMatrix>,
        Option<crate::model::ScoreText>,
        Option<CsvRows>,
    ) {
        let source = match source {
            Ok(source) => source,
            Err((path, kind)) => {
                self.issue(path, kind);
                AlternativesSource::List(Vec::new())
            }
        };
        let mut csv_rows = None;
        let (alternatives, scores, score_text) = match source {
            // A CSV header is checked against the leaves: while a criterion's
            // name is unknown (reported already), every column would be.
            AlternativesSource::Csv(_) if self.names_unknown => (Alternatives::default(), None, None),
            AlternativesSource::Csv(_) if !derived.is_empty() => {
                self.issue(FieldPath::root().key("alternatives"), DiagnosticKind::DerivedWithCsv);
                (Alternatives::default(), None, None)
            }
            AlternativesSource::Csv(file) => match csv_input::read(&file, criteria) {
                Ok(read) => {
                    csv_rows = Some((file.display_name.clone(), read.lines, read.cells));
                    self.score_intervals = read.intervals;
                    self.csv_portfolio = read.portfolio;
                    (
                        read.alternatives,
                        Some(DecisionMatrix::from_row_major(criteria.leaves.len(), read.values)),
                        read.text,
                    )
                }
                Err(errors) => {
                    *located = errors;
                    (Alternatives::default(), None, None)
                }
            },
            AlternativesSource::List(list) => {
                let (alternatives, rows) = self.alternatives(list, criteria, derived);
                (alternatives, Some(DecisionMatrix::from_rows(rows)), None)
            }
        };
        // Every problem with the matrix gets its own report: the values are
        // checked one by one above, so what is left is a derived value that
        // came out non-finite, or no rows at all.
        let scores = match scores {
            Some(Ok(matrix)) => Some(matrix),
            Some(Err(error)) => {
                if let Some((path, kind)) = matrix_issue(error, criteria) {
                    self.issue(path, kind);
                }
                None
            }
            None => None,
        };
        (alternatives, scores, score_text, csv_rows)
    }
}

/// The report of a matrix that cannot be built from values that each
/// passed their own checks, at the value at fault. No rows or no leaves
/// give none here: an empty list is reported where it is written, and an
/// empty CSV file below.
fn matrix_issue(error: DataError, criteria: &Criteria) -> Option<Issue> {
    Some(match error {
        DataError::NonFinite { row, col, value } => {
            let criterion = criteria
                .leaves()
                .nth(col)
                .map(|(c, _)| c.id.clone())
                .unwrap_or_default();
            (
                FieldPath::root()
                    .key("alternatives")
                    .index(row)
                    .key("scores")
                    .key(&criterion),
                DiagnosticKind::NonFiniteDerived { criterion, value },
            )
        }
        DataError::EmptyMatrix => return None,
        other => (FieldPath::root().key("alternatives"), DiagnosticKind::Data(other)),
    })
}

/// Each node's field path in the file (`criteria[2].criteria[0]`), by node
/// index; the root's is empty.
pub(crate) fn node_paths(criteria: &Criteria) -> Vec<FieldPath> {
    let mut paths = vec![FieldPath::root(); criteria.nodes().len()];
    let mut stack = vec![0usize];
    while let Some(node) = stack.pop() {
        if let CriterionKind::Parent(parent) = &criteria.node(node).kind {
            for (i, &child) in parent.children.iter().enumerate() {
                paths[child] = paths[node].key("criteria").index(i);
                stack.push(child);
            }
        }
    }
    paths
}

/// Where the alternatives come from, once the options are applied (the
/// loader decides: [`super::load::alternatives_source`]).
#[derive(Debug)]
pub enum AlternativesSource {
    /// Listed in the problem file.
    List(Vec<RawAlternative>),
    /// Read from a CSV source.
    Csv(CsvSource),
}

/// Validates one criteria-library definition on its own: the criterion
/// becomes the only child of a root.
pub fn validate_entry(raw: RawCriterion) -> Result<(RawCriterion, Criteria), Vec<Issue>> {
    let mut v = Validator::default();
    v.collect_ids(std::slice::from_ref(&raw));
    v.nodes.push(placeholder(ROOT_ID));
    // Kept as before the paths were typed: an empty first key, so a
    // finding shows as `.id` and is placed at the document's start.
    let child = v.criterion(&raw, FieldPath::root().key(""));
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
    /// Paths of criteria whose `use` names nothing in the library.
    unresolved: std::collections::HashSet<FieldPath>,
    /// Every criterion id written in the tree.
    all_ids: std::collections::HashSet<String>,
    /// Nodes whose id or sub-tree is unknown (no id, an invalid id, an
    /// unknown `use`), already reported.
    broken: std::collections::HashSet<usize>,
    /// Whether some criterion's name is unknown (a broken node, or no
    /// `criteria` at all): a reference that matches no criterion may be
    /// meant for it, and is not reported again.
    names_unknown: bool,
    /// Whether some alternative has no id (already reported): a name that
    /// matches no alternative may be meant for it.
    alternatives_unknown: bool,
    nodes: Vec<Criterion>,
    ids: HashMap<String, FieldPath>,
    issues: Vec<Issue>,
    warnings: Vec<Warning>,
    /// Scores written as intervals, as they are read.
    score_intervals: Vec<ScoreInterval>,
    /// The portfolio cells of CSV alternatives: row, column, text.
    csv_portfolio: Vec<(usize, String, String)>,
}

impl Validator {
    fn issue(&mut self, path: FieldPath, kind: DiagnosticKind) {
        self.issues.push((path, kind));
    }

    fn text(&mut self, text: &Text, path: &FieldPath) -> String {
        if text.0.trim().is_empty() || text.0 == "~" {
            self.issue(path.clone(), DiagnosticKind::EmptyText);
        }
        text.0.clone()
    }

    fn number_at(&mut self, value: &RawValue, path: FieldPath) -> Option<f64> {
        number(value).map_err(|kind| self.issue(path, kind)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(yaml: &str) -> Problem {
        Problem::from_yaml_str(yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_non_finite_value_in_the_matrix_is_reported_at_its_score() {
        let p = problem("name: t\ncriteria: [{id: a}, {id: cost}]\nalternatives: [{id: x, scores: {a: 1, cost: 2}}]\n");
        let error = DataError::NonFinite {
            row: 3,
            col: 1,
            value: f64::INFINITY,
        };
        let (path, kind) = matrix_issue(error, &p.criteria).unwrap();
        assert_eq!(path, "alternatives[3].scores.cost");
        assert_eq!(
            kind.to_string(),
            "the value computed for `cost` is inf, expected a finite number"
        );
        // An empty matrix is reported where the list is written instead.
        assert!(matrix_issue(DataError::EmptyMatrix, &p.criteria).is_none());
    }

    #[test]
    fn node_paths_follow_the_file() {
        let p = problem(
            "name: t\ncriteria:\n  - {id: a}\n  - id: g\n    criteria: [{id: b}, {id: c}]\nalternatives: [{id: x, scores: {a: 1, b: 2, c: 3}}]\n",
        );
        let paths = node_paths(&p.criteria);
        let of = |id: &str| {
            let i = p.criteria.nodes().iter().position(|n| n.id == id).unwrap();
            paths[i].clone()
        };
        assert_eq!(
            [of("a"), of("g"), of("b"), of("c")],
            [
                "criteria[0]",
                "criteria[1]",
                "criteria[1].criteria[0]",
                "criteria[1].criteria[1]"
            ]
        );
    }
}
