//! The loader's last check for ranking: what `rank` with given options
//! would refuse in a problem's data, at the fields at fault, so `check`
//! and `rank` report it located like any other invalid input.

use crate::Direction;
use crate::diagnostic::{DiagnosticKind, FieldPath};
use crate::input::{Admission, node_paths};
use crate::model::Problem;
use crate::pipeline::rank::{RankOptions, Unrankable, unrankable};
use crate::pipeline::weigh_with;

/// One finding: the field at fault and what is wrong there.
type Issue = (FieldPath, DiagnosticKind);

/// The admission check for ranking with `options`, for
/// [`crate::problem::LoadOptions::admit`]: data those options cannot rank
/// (a negative benefit score under AHP, a target leaf without comparisons,
/// judgments `--aggregate aip` cannot combine) is refused at load.
///
/// ```
/// use innorank::{Method, RankOptions, problem::LoadOptions};
/// let yaml = "name: t\ncriteria: [{id: a}]\nalternatives:\n  - {id: x, scores: {a: -1}}\n  - {id: y, scores: {a: 1}}\n";
/// let ahp = RankOptions { method: Method::Ahp, ..Default::default() };
/// let options = LoadOptions { admit: Some(innorank::pipeline::rankable(ahp)), ..Default::default() };
/// assert!(innorank::Problem::from_bytes(yaml.as_bytes(), "t.yaml", &options).is_err());
/// assert!(innorank::Problem::from_bytes(yaml.as_bytes(), "t.yaml", &Default::default()).is_ok());
/// ```
pub fn rankable(options: RankOptions) -> Admission {
    Admission::new(move |problem| unrankable_issues(problem, &options))
}

/// What ranking with `options` would refuse in `problem`, as issues at the
/// fields at fault: the score (`alternatives[3].scores.cost`), the target
/// leaf (`criteria[1]`) or its comparisons (`alternative_comparisons.fit`).
fn unrankable_issues(problem: &Problem, options: &RankOptions) -> Vec<Issue> {
    let found = unrankable(problem, options);
    let weighing = weigh_with(&problem.criteria, &options.weighing).err();
    if found.is_empty() && weighing.is_none() {
        return Vec::new();
    }
    let paths = node_paths(&problem.criteria);
    let leaf_nodes = problem.criteria.leaf_nodes();
    // Weighing fails only where the aggregation asked for cannot combine a
    // node's group judgments (`--aggregate aip` and a judge whose own
    // judgments do not link every child).
    let weighing = weighing.map(|e| {
        let node = problem
            .criteria
            .nodes()
            .iter()
            .position(|n| n.id == e.node)
            .unwrap_or(0);
        let at = paths[node].key("comparisons");
        let kind = DiagnosticKind::Aggregation {
            aggregation: options.weighing.aggregation.name(),
            error: e.error,
        };
        (at, kind)
    });
    weighing
        .into_iter()
        .chain(found.into_iter().map(|u| {
            let node = leaf_nodes[u.column()];
            let criterion = problem.criteria.node(node).id.clone();
            match u {
                Unrankable::Score { row, value, column } => {
                    let cost =
                        matches!(problem.criteria.leaves().nth(column), Some((_, l)) if l.direction == Direction::Cost);
                    let kind = DiagnosticKind::AhpScore {
                        criterion: criterion.clone(),
                        direction: if cost { "cost" } else { "benefit" },
                        expected: if cost { "> 0" } else { ">= 0" },
                        formula: if cost { "(1/x) / sum(1/x)" } else { "x / sum(x)" },
                        value,
                    };
                    (
                        FieldPath::root()
                            .key("alternatives")
                            .index(row)
                            .key("scores")
                            .key(&criterion),
                        kind,
                    )
                }
                Unrankable::Target { .. } => (paths[node].clone(), DiagnosticKind::AhpTarget(criterion)),
                Unrankable::Priorities { error, .. } => (
                    FieldPath::root().key("alternative_comparisons").key(&criterion),
                    DiagnosticKind::AhpComparisons { criterion, error },
                ),
            }
        }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::LoadOptions;

    #[test]
    fn ranking_options_add_their_own_checks() {
        let yaml =
            "name: t\ncriteria: [{id: a}]\nalternatives:\n  - {id: x, scores: {a: -1}}\n  - {id: y, scores: {a: 1}}\n";
        let ahp = RankOptions {
            method: crate::Method::Ahp,
            ..Default::default()
        };
        let options = |rank_with: Option<RankOptions>| LoadOptions {
            admit: rank_with.map(rankable),
            ..Default::default()
        };
        assert!(Problem::from_bytes(yaml.as_bytes(), "t.yaml", &options(None)).is_ok());
        assert!(Problem::from_bytes(yaml.as_bytes(), "t.yaml", &options(Some(Default::default()))).is_ok());
        let errors = Problem::from_bytes(yaml.as_bytes(), "t.yaml", &options(Some(ahp))).unwrap_err();
        assert_eq!(
            errors.to_string(),
            "t.yaml:4:25: alternatives[0].scores.a: `--method ahp` needs scores >= 0 under benefit criterion `a` (its priorities are x / sum(x)), found -1"
        );
    }
}
