//! Pairwise judgments: triples, matrices, groups of judges, and the
//! alternatives' comparisons under a leaf.

use super::criteria::Names;
use super::*;
use crate::diagnostic::Location;
use crate::diagnostic::nearest;
use crate::math::ahp::judgment_in_bounds;
use crate::model::JudgmentIntervals;

impl Validator {
    /// The judgments of a node's children, from its `comparisons` (and, for
    /// a group, its `judges` weights); `node` is the node's path.
    pub(super) fn judgments(
        &mut self,
        node: &FieldPath,
        ids: &Names,
        comparisons: &RawComparisons,
        judge_weights: Option<&Pairs>,
    ) -> Option<Judgments> {
        let path = &node.key("comparisons");
        match comparisons {
            RawComparisons::Single(list) => {
                let written = self.triples(path, ids, list)?;
                let matrix = self.pairwise(path, ids, &point_triples(&written))?;
                if judge_weights.is_some() {
                    self.issue(node.key("judges"), DiagnosticKind::JudgesWithoutGroup);
                }
                Some(Judgments::single(matrix, written))
            }
            RawComparisons::Group(judges) => self.group_judgments(node, ids, judges, judge_weights),
        }
    }

    /// The judgments of a group of judges, aggregated; `node` is the node's
    /// path.
    fn group_judgments(
        &mut self,
        node: &FieldPath,
        ids: &Names,
        judges: &[(String, Vec<Vec<RawValue>>)],
        judge_weights: Option<&Pairs>,
    ) -> Option<Judgments> {
        let path = &node.key("comparisons");
        if judges.is_empty() {
            self.issue(path.clone(), DiagnosticKind::EmptyList("judge"));
            return None;
        }
        let mut per_judge = Vec::new();
        let mut ok = true;
        for (judge, list) in judges {
            match self.triples(&path.key(judge), ids, list) {
                Some(t) => per_judge.push((judge.clone(), t)),
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        let names: Vec<&str> = per_judge.iter().map(|(j, _)| j.as_str()).collect();
        let weights = self.judge_weights(node, &names, judge_weights)?;
        let mut sets = Vec::with_capacity(per_judge.len());
        let mut written = Vec::with_capacity(per_judge.len());
        for ((judge, judgments), weight) in per_judge.into_iter().zip(weights) {
            sets.push(JudgmentSet::new(judge, point_triples(&judgments)).with_weight(weight));
            written.push(judgments);
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
            Ok(group) => Some(Judgments::group(group, written)),
            Err(e) => {
                self.issue(path.clone(), DiagnosticKind::Matrix(e));
                None
            }
        }
    }

    /// The weight of each of the `judges` (1 each without `judges:`
    /// weights), or `None` after reporting every bad, missing or unknown
    /// one; `node` is the node's path.
    fn judge_weights(&mut self, node: &FieldPath, judges: &[&str], judge_weights: Option<&Pairs>) -> Option<Vec<f64>> {
        let weights_path = node.key("judges");
        // A weight under a misspelt judge's name is reported as
        // unknown, not also as the judge's missing weight.
        let named = |name: &str| nearest(name, judges.iter().copied());
        let misspelt: Vec<String> = judge_weights
            .iter()
            .flat_map(|Ordered(weights)| weights)
            .filter(|(name, _)| !judges.contains(&name.as_str()))
            .filter_map(|(name, _)| named(name))
            .collect();
        if let Some(Ordered(weights)) = judge_weights {
            for (name, _) in weights {
                if !judges.contains(&name.as_str()) {
                    self.issue(
                        weights_path.key(name),
                        DiagnosticKind::UnknownJudge {
                            judge: name.clone(),
                            suggestion: named(name),
                        },
                    );
                }
            }
        }
        // Every judge's weight is checked before giving up, so all
        // bad weights are reported at once.
        let weights: Vec<Option<f64>> = judges
            .iter()
            .map(|judge| self.judge_weight(&weights_path, judge, judge_weights, &misspelt))
            .collect();
        weights.into_iter().collect()
    }

    /// One judge's weight, or `None` after reporting it bad or missing
    /// (unless a `misspelt` name was meant for it, reported already).
    fn judge_weight(
        &mut self,
        weights_path: &FieldPath,
        judge: &str,
        judge_weights: Option<&Pairs>,
        misspelt: &[String],
    ) -> Option<f64> {
        let Some(Ordered(weights)) = judge_weights else {
            return Some(1.0);
        };
        match weights.iter().find(|(name, _)| name == judge) {
            Some((_, w)) => match number(w) {
                Ok(w) if w > 0.0 => Some(w),
                Ok(w) => {
                    self.issue(weights_path.key(judge), DiagnosticKind::JudgeWeight(w));
                    None
                }
                Err(kind) => {
                    self.issue(weights_path.key(judge), kind);
                    None
                }
            },
            None if misspelt.iter().any(|m| m == judge) => None,
            None => {
                self.issue(
                    weights_path.clone(),
                    DiagnosticKind::MissingJudgeWeight(judge.to_owned()),
                );
                None
            }
        }
    }

    /// Checks a list of `[a, b, value]` judgments (`value` a number or an
    /// interval `[low, high]`) and returns them between indices, or `None`
    /// after reporting what is wrong (or when a name may be meant for one
    /// of `ids` whose own name is unknown).
    pub(super) fn triples(&mut self, path: &FieldPath, ids: &Names, list: &[Vec<RawValue>]) -> Option<Vec<Judgment>> {
        let before = self.issues.len();
        let mut unreadable = false;
        let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
        let mut triples = Vec::with_capacity(list.len());
        for (k, triple) in list.iter().enumerate() {
            let at = path.index(k);
            if triple.len() != 3 {
                self.issue(at, DiagnosticKind::TripleLength(triple.len()));
                continue;
            }
            let mut index = |slot: usize, v: &mut Self| -> Option<usize> {
                let name = triple[slot].to_string();
                let found = ids.iter().position(|i| *i == name);
                if found.is_none() && !v.unknown_name(at.index(slot), &name, ids) {
                    unreadable = true;
                }
                found
            };
            let a = index(0, self);
            let b = index(1, self);
            let value = self.judgment_value(&triple[2], &at.index(2));
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
                        first: path.index(first),
                    },
                );
                continue;
            }
            seen.insert(key, k);
            triples.push(Judgment { a, b, ..value });
        }
        (self.issues.len() == before && !unreadable).then_some(triples)
    }

    /// The value of a judgment at `at`: a number, a fraction, or an
    /// interval `[low, high]` of them (its point value the geometric mean),
    /// between items yet to be set; `None` after reporting it. A value off
    /// Saaty's scale, or an end of an interval off it, is a warning.
    fn judgment_value(&mut self, value: &RawValue, at: &FieldPath) -> Option<Judgment> {
        let bounded = |v: &mut Self, value: &RawValue, at: FieldPath| {
            let found = bounded_judgment(value).map_err(|kind| v.issue(at.clone(), kind)).ok()?;
            if !(1.0 / SCALE_MAX..=SCALE_MAX).contains(&found) {
                let location = Location {
                    path: at,
                    ..Location::default()
                };
                v.warnings.push(Warning::JudgmentOffScale { location, value: found });
            }
            Some(found)
        };
        let RawValue::List(ends) = value else {
            return bounded(self, value, at.clone()).map(|v| Judgment::point(0, 0, v));
        };
        if ends.len() != 2 {
            self.issue(at.clone(), DiagnosticKind::IntervalLength(ends.len()));
            return None;
        }
        let warned = self.warnings.len();
        let low = bounded(self, &ends[0], at.index(0));
        let high = bounded(self, &ends[1], at.index(1));
        let (low, high) = (low?, high?);
        if low > high {
            self.warnings.truncate(warned);
            let interval = format!("[{}, {}]", ends[0], ends[1]);
            self.issue(at.clone(), DiagnosticKind::InvertedInterval(interval));
            return None;
        }
        Some(Judgment::interval(0, 0, low, high))
    }

    pub(super) fn pairwise(
        &mut self,
        path: &FieldPath,
        ids: &[String],
        triples: &[(usize, usize, f64)],
    ) -> Option<PairwiseMatrix> {
        match PairwiseMatrix::from_judgments(ids.len(), triples) {
            Ok(m) => Some(m),
            Err(MatrixError::Disconnected { groups }) => {
                let groups = groups
                    .iter()
                    .map(|g| g.iter().map(|&i| ids[i].clone()).collect())
                    .collect();
                self.issue(path.clone(), DiagnosticKind::Disconnected(groups));
                None
            }
            Err(e) => {
                self.issue(path.clone(), DiagnosticKind::Matrix(e));
                None
            }
        }
    }

    pub(super) fn matrix(
        &mut self,
        path: &FieldPath,
        ids: &[String],
        rows: &[Vec<RawValue>],
    ) -> Option<PairwiseMatrix> {
        let before = self.issues.len();
        let n = ids.len();
        if rows.len() != n {
            self.issue(path.clone(), DiagnosticKind::MatrixRows { rows: rows.len(), n });
            return None;
        }
        let mut values = Vec::with_capacity(n);
        for (i, row) in rows.iter().enumerate() {
            if row.len() != n {
                self.issue(
                    path.index(i),
                    DiagnosticKind::MatrixRowLength {
                        found: row.len(),
                        expected: n,
                    },
                );
                continue;
            }
            let parsed: Vec<f64> = row
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    matrix_cell(v)
                        .map_err(|kind| self.issue(path.index(i).index(j), kind))
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
                    MatrixError::Diagonal { index, .. } => path.index(*index).index(*index),
                    MatrixError::NotReciprocal { row, col, .. } => path.index(*col).index(*row),
                    _ => path.clone(),
                };
                let kind = match e {
                    MatrixError::Diagonal { value, .. } => DiagnosticKind::MatrixDiagonal(value),
                    MatrixError::NotReciprocal { row, col, a_ij, a_ji } => DiagnosticKind::NotReciprocal {
                        a: ids[row].clone(),
                        b: ids[col].clone(),
                        a_ij,
                        a_ji,
                    },
                    other => DiagnosticKind::Matrix(other),
                };
                self.issue(at, kind);
                None
            }
        }
    }

    /// `alternative_comparisons: {leaf: [[a, b, value], ...]}`, as judgments
    /// between alternative indices per leaf column, and the interval of
    /// each judgment written as one.
    pub(super) fn alternative_comparisons(
        &mut self,
        by_leaf: &[(String, Vec<Vec<RawValue>>)],
        criteria: &Criteria,
        alternatives: &Alternatives,
    ) -> (Vec<LeafJudgments>, Vec<JudgmentIntervals>) {
        let ids = Names::alternatives(
            alternatives.ids().map(str::to_owned).collect(),
            self.alternatives_unknown,
        );
        let max = crate::math::ahp::RandomIndex::Saaty.max_n();
        let (mut out, mut intervals) = (Vec::new(), Vec::new());
        for (leaf_id, list) in by_leaf {
            let path = FieldPath::root().key("alternative_comparisons").key(leaf_id);
            let Some((_, leaf)) = criteria.leaf(leaf_id) else {
                let _ = self.unknown_criterion(path.clone(), leaf_id, criteria);
                continue;
            };
            if ids.len() > max {
                self.issue(path.clone(), DiagnosticKind::TooManyCompared { n: ids.len(), max });
                continue;
            }
            if let Some(written) = self.triples(&path, &ids, list)
                && self.pairwise(&path, &ids, &point_triples(&written)).is_some()
            {
                intervals.push(written.iter().map(|j| j.interval).collect());
                out.push((leaf.column, point_triples(&written)));
            }
        }
        (out, intervals)
    }
}

/// A judgment value (a number or a fraction string) within
/// [`crate::ahp::JUDGMENT_MIN`]..[`crate::ahp::JUDGMENT_MAX`]: beyond it,
/// products and reciprocals of judgments leave the range where `f64`
/// arithmetic is exact enough (1e-320 has no finite reciprocal, a matrix of
/// 1e308 overflows on the first product), so such a value is an error at its
/// position rather than NaN weights later. A fraction that overflows (`"1e300/1e-300"`)
/// is out of bounds too, not "not positive".
fn bounded_judgment(value: &RawValue) -> Result<f64, DiagnosticKind> {
    match judgment(value) {
        Ok(v) if judgment_in_bounds(v) => Ok(v),
        Ok(v) => Err(DiagnosticKind::JudgmentOutOfBounds(format_judgment(v))),
        Err(DiagnosticKind::NonPositiveJudgment(v)) if v == f64::INFINITY => {
            Err(DiagnosticKind::JudgmentOutOfBounds(format_judgment(v)))
        }
        Err(kind) => Err(kind),
    }
}

/// `(a, b, value)` of each judgment, as the matrix takes them.
fn point_triples(judgments: &[Judgment]) -> Vec<(usize, usize, f64)> {
    judgments.iter().map(Judgment::triple).collect()
}

/// A cell of a `matrix:`: a judgment; an interval belongs in
/// `comparisons`, where it names its pair.
fn matrix_cell(value: &RawValue) -> Result<f64, DiagnosticKind> {
    match value {
        RawValue::List(_) => Err(DiagnosticKind::Syntax(
            "expected a number; an interval judgment is written in `comparisons`, as `[a, b, [low, high]]`".into(),
        )),
        other => bounded_judgment(other),
    }
}

/// A judgment for a message: plain decimals for everyday values, scientific
/// notation for tiny or huge ones (`1e-320`, not 320 zeros).
fn format_judgment(v: f64) -> String {
    if v != 0.0 && !(1e-4..1e7).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}
