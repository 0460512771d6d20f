//! Criteria: ids, leaves and parents, derived leaves, the source of each
//! node's weights.

use super::*;
use crate::diagnostic::nearest;

impl Validator {
    /// Adds a criterion (and its sub-tree) and returns its node index.
    ///
    /// A criterion without a usable id, or whose `use` is unknown, is
    /// reported once and marked broken: what names it elsewhere cannot be
    /// checked, so it is not reported again ([`Validator::unknown_criterion`],
    /// [`Names`]).
    pub(super) fn criterion(&mut self, raw: &RawCriterion, path: FieldPath) -> usize {
        let index = self.nodes.len();
        let id = self.criterion_id(raw, &path, index);
        if let Some(name) = &raw.name {
            self.text(name, &path.key("name"));
        }
        if let Some(w) = &raw.weight
            && let Some(w) = self.number_at(w, path.key("weight"))
            && w < 0.0
        {
            self.issue(path.key("weight"), DiagnosticKind::NegativeWeight(w));
        }
        let mut node = placeholder(&id);
        node.name = raw.name.as_ref().map(|t| t.0.clone());
        node.description = raw.description.as_ref().map(|t| t.0.clone());
        node.unit = raw.unit.as_ref().map(|t| t.0.clone());
        self.nodes.push(node);

        self.nodes[index].kind = match &raw.criteria {
            Some(sub) => self.parent_kind(raw, sub, &path),
            None => {
                for (field, given) in [
                    ("comparisons", raw.comparisons.is_some()),
                    ("matrix", raw.matrix.is_some()),
                ] {
                    if given {
                        self.issue(path.key(field), DiagnosticKind::LeafField(field));
                    }
                }
                CriterionKind::Leaf(self.leaf(raw, &path))
            }
        };
        index
    }

    /// The id of the criterion that will be node `index`, checked for form
    /// and uniqueness; marks the node broken when it cannot be named.
    fn criterion_id(&mut self, raw: &RawCriterion, path: &FieldPath, index: usize) -> String {
        let id = match &raw.id {
            Some(id) => id.0.clone(),
            None => {
                self.issue(path.clone(), DiagnosticKind::MissingId);
                self.broken.insert(index);
                String::new()
            }
        };
        if raw.id.is_none() {
            // Reported above; two criteria without id are not duplicates.
        } else if !valid_criterion_id(&id) {
            self.issue(path.key("id"), DiagnosticKind::CriterionId(id.clone()));
            self.broken.insert(index);
        } else if let Some(first) = self.ids.get(&id) {
            let first = FirstSeen::Path(first.clone());
            self.issue(path.key("id"), DiagnosticKind::DuplicateId { id: id.clone(), first });
        } else {
            self.ids.insert(id.clone(), path.key("id"));
        }
        if self.unresolved.contains(path) {
            self.broken.insert(index);
        }
        if self.broken.contains(&index) {
            self.names_unknown = true;
            // Not scored by hand either: no "missing score" follow-ups.
            self.unscored.insert(id.clone());
        }
        id
    }

    /// A parent criterion: its leaf-only fields reported, its sub-criteria
    /// added, the source of their weights.
    fn parent_kind(&mut self, raw: &RawCriterion, sub: &[RawCriterion], path: &FieldPath) -> CriterionKind {
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
                self.issue(path.key(field), DiagnosticKind::ParentField(field));
            }
        }
        if sub.is_empty() {
            self.issue(path.key("criteria"), DiagnosticKind::EmptyList("sub-criterion"));
        }
        let children: Vec<usize> = sub
            .iter()
            .enumerate()
            .map(|(i, c)| self.criterion(c, path.key("criteria").index(i)))
            .collect();
        let weighting = self.weighting(path, &children, JudgmentFields::of_criterion(raw), sub);
        CriterionKind::Parent(Parent { children, weighting })
    }

    pub(super) fn leaf(&mut self, raw: &RawCriterion, path: &FieldPath) -> Leaf {
        let target = raw.target.as_ref().and_then(|t| self.number_at(t, path.key("target")));
        let direction = match raw.direction.unwrap_or(RawDirection::Benefit) {
            RawDirection::Benefit => Direction::Benefit,
            RawDirection::Cost => Direction::Cost,
            RawDirection::Target => Direction::Target(target.unwrap_or(0.0)),
        };
        match (raw.direction, &raw.target) {
            (Some(RawDirection::Target), None) => self.issue(path.key("direction"), DiagnosticKind::MissingTarget),
            (Some(RawDirection::Target), Some(_)) => {}
            (_, Some(_)) => self.issue(path.key("target"), DiagnosticKind::UnexpectedTarget),
            _ => {}
        }
        let scale = raw.scale.as_ref().and_then(|s| self.leaf_scale(s, path));
        let levels = raw
            .levels
            .as_ref()
            .map(|levels| self.leaf_levels(levels, path))
            .unwrap_or_default();
        let column = self
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, CriterionKind::Leaf(_)))
            .count();
        let rubric = raw
            .rubric
            .as_ref()
            .map(|rubric| self.leaf_rubric(rubric, &levels, path))
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

    /// A leaf's `scale`, when both bounds are numbers in order.
    fn leaf_scale(&mut self, s: &crate::input::raw::RawScale, path: &FieldPath) -> Option<(f64, f64)> {
        let mut bound = |value: &Option<RawValue>, key: &'static str| match value {
            Some(value) => self.number_at(value, path.key("scale").key(key)),
            None => {
                self.issue(path.key("scale"), DiagnosticKind::MissingKey(key));
                None
            }
        };
        let min = bound(&s.min, "min");
        let max = bound(&s.max, "max");
        let (min, max) = (min?, max?);
        if min > max {
            self.issue(path.key("scale"), DiagnosticKind::InvertedScale { min, max });
            return None;
        }
        Some((min, max))
    }

    /// A leaf's named `levels` whose values are numbers.
    fn leaf_levels(&mut self, Ordered(pairs): &Pairs, path: &FieldPath) -> Vec<(String, f64)> {
        if pairs.is_empty() {
            self.issue(path.key("levels"), DiagnosticKind::EmptyList("level"));
        }
        pairs
            .iter()
            .filter_map(|(name, value)| {
                let value = self.number_at(value, path.key("levels").key(name))?;
                Some((name.clone(), value))
            })
            .collect()
    }

    /// A leaf's `rubric` entries whose keys are numbers or level names.
    fn leaf_rubric(
        &mut self,
        Ordered(entries): &Ordered<Text>,
        levels: &[(String, f64)],
        path: &FieldPath,
    ) -> Vec<(String, String)> {
        entries
            .iter()
            .filter(|(key, _)| {
                let known = key.parse::<f64>().is_ok() || levels.iter().any(|(n, _)| n == key);
                if !known {
                    self.issue(path.key("rubric").key(key), DiagnosticKind::RubricKey(key.clone()));
                }
                known
            })
            .map(|(key, text)| (key.clone(), text.0.clone()))
            .collect()
    }

    /// A derived leaf's derivation, and the direction it implies.
    pub(super) fn derivation(
        &mut self,
        raw: &RawCriterion,
        path: &FieldPath,
        direction: Direction,
    ) -> (Direction, Option<Derive>) {
        let Some(value) = &raw.derive else {
            if raw.baseline.is_some() {
                self.issue(path.key("baseline"), DiagnosticKind::UnexpectedBaseline);
            }
            return (direction, None);
        };
        let derive = match derive::parse(value, &self.core) {
            Ok(d) => d,
            Err(kind) => {
                self.issue(path.key("derive"), kind);
                // Not scored by hand either: no "missing score" follow-ups.
                self.unscored
                    .insert(raw.id.as_ref().map(|t| t.0.clone()).unwrap_or_default());
                return (direction, None);
            }
        };
        for (field, given) in [("levels", raw.levels.is_some()), ("scale", raw.scale.is_some())] {
            if given {
                self.issue(path.key(field), DiagnosticKind::DerivedField(field));
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
                path.key("direction"),
                DiagnosticKind::DerivedDirection { derive: name, expected },
            );
        }
        let derive = match (derive, &raw.baseline) {
            (Derive::LearningCurve { .. }, Some(pairs)) => match derive::baseline(pairs) {
                Ok(curve) => Derive::LearningCurve { baseline: Some(curve) },
                Err(errors) => {
                    for (key, kind) in errors {
                        let at = key.map_or(path.key("baseline"), |k| path.key("baseline").key(k));
                        self.issue(at, kind);
                    }
                    Derive::LearningCurve { baseline: None }
                }
            },
            (d @ Derive::Shared { .. }, Some(_)) => {
                self.issue(path.key("baseline"), DiagnosticKind::UnexpectedBaseline);
                d
            }
            (d, None) => d,
        };
        (implied, Some(derive))
    }

    /// The source of the local weights of `children`; `path` is the node's
    /// path (the root's for the top level).
    pub(super) fn weighting(
        &mut self,
        path: &FieldPath,
        children: &[usize],
        given: JudgmentFields<'_>,
        raw_children: &[RawCriterion],
    ) -> Weighting {
        let weighted: Vec<bool> = raw_children.iter().map(|c| c.weight.is_some()).collect();
        let any_weight = weighted.iter().any(|&w| w);
        if self.judgments_conflict(path, &given, any_weight) {
            return Weighting::Equal;
        }
        let ids = Names::criteria(
            children.iter().map(|&c| self.nodes[c].id.clone()).collect(),
            children.iter().any(|c| self.broken.contains(c)),
        );
        let n = children.len();
        let judged = given.comparisons.is_some() || given.matrix.is_some();
        if judged && n > crate::math::ahp::RandomIndex::Saaty.max_n() {
            let field = if given.comparisons.is_some() {
                "comparisons"
            } else {
                "matrix"
            };
            self.issue(
                path.key(field),
                DiagnosticKind::TooManyCompared {
                    n,
                    max: crate::math::ahp::RandomIndex::Saaty.max_n(),
                },
            );
            return Weighting::Equal;
        }
        if let Some(comparisons) = given.comparisons {
            return self.compared_weighting(path, &ids, comparisons, given.judges);
        }
        if let Some(rows) = given.matrix {
            return self
                .matrix(&path.key("matrix"), &ids, rows)
                .map_or(Weighting::Equal, |matrix| {
                    Weighting::Judgments(Judgments::from_matrix(matrix))
                });
        }
        if any_weight {
            return self.direct_weighting(path, &ids, &weighted, raw_children);
        }
        Weighting::Equal
    }

    /// Reports judgments given together with a matrix, or with weights on
    /// the children; true if so.
    fn judgments_conflict(&mut self, path: &FieldPath, given: &JudgmentFields<'_>, any_weight: bool) -> bool {
        if given.comparisons.is_some() && given.matrix.is_some() {
            self.issue(path.key("matrix"), DiagnosticKind::ComparisonsAndMatrix);
            return true;
        }
        if (given.comparisons.is_some() || given.matrix.is_some()) && any_weight {
            let field = if given.comparisons.is_some() {
                "comparisons"
            } else {
                "matrix"
            };
            self.issue(path.key(field), DiagnosticKind::JudgmentsAndWeights(field));
            return true;
        }
        false
    }

    /// Weights from pairwise `comparisons` of the children named `ids`.
    fn compared_weighting(
        &mut self,
        path: &FieldPath,
        ids: &Names,
        comparisons: &RawComparisons,
        judges: Option<&Pairs>,
    ) -> Weighting {
        let before = self.issues.len();
        let judged = self.judgments(path, ids, comparisons, judges);
        if ids.open {
            // A child without a known name cannot be judged by name:
            // that the judgments leave it unlinked only echoes that.
            let found = self.issues.split_off(before);
            self.issues.extend(
                found
                    .into_iter()
                    .filter(|(_, kind)| !matches!(kind, DiagnosticKind::Disconnected(_))),
            );
        }
        judged.map_or(Weighting::Equal, Weighting::Judgments)
    }

    /// Weights given directly on the children; `weighted` tells which have
    /// one.
    fn direct_weighting(
        &mut self,
        path: &FieldPath,
        ids: &Names,
        weighted: &[bool],
        raw_children: &[RawCriterion],
    ) -> Weighting {
        let prefix = path.key("criteria");
        if let Some(i) = weighted.iter().position(|&w| !w) {
            // Not about a child already reported for its missing id.
            if !ids[i].is_empty() {
                self.issue(prefix.index(i), DiagnosticKind::PartialWeights(ids[i].clone()));
            }
            return Weighting::Equal;
        }
        let values: Vec<f64> = raw_children
            .iter()
            .map(|c| c.weight.as_ref().and_then(|w| number(w).ok()).unwrap_or(0.0))
            .collect();
        if values.iter().any(|v| *v < 0.0) {
            return Weighting::Equal; // reported on the child already
        }
        match Weights::new(values) {
            Ok(w) => Weighting::Direct(w),
            Err(_) => {
                self.issue(prefix, DiagnosticKind::AllZeroWeights);
                Weighting::Equal
            }
        }
    }
}

/// A borrowed view of the judgments one node may carry: its pairwise
/// `comparisons` (with the `judges`' weights) or its `matrix`.
pub(super) struct JudgmentFields<'a> {
    pub(super) comparisons: Option<&'a RawComparisons>,
    pub(super) judges: Option<&'a Pairs>,
    pub(super) matrix: Option<&'a Vec<Vec<RawValue>>>,
}

impl<'a> JudgmentFields<'a> {
    /// The judgments of the top level.
    pub(super) fn of_problem(raw: &'a RawProblem) -> Self {
        JudgmentFields {
            comparisons: raw.comparisons.as_ref(),
            judges: raw.judges.as_ref(),
            matrix: raw.matrix.as_ref(),
        }
    }

    /// The judgments of a parent criterion.
    pub(super) fn of_criterion(raw: &'a RawCriterion) -> Self {
        JudgmentFields {
            comparisons: raw.comparisons.as_ref(),
            judges: raw.judges.as_ref(),
            matrix: raw.matrix.as_ref(),
        }
    }
}

/// The names one list of judgments may use: a node's criteria, or the
/// alternatives under a leaf. Derefs to the ids, in order.
pub(super) struct Names {
    ids: Vec<String>,
    /// Alternatives rather than criteria.
    alternatives: bool,
    /// Whether one of them has no known name (already reported): a name
    /// that matches nothing may be meant for it.
    open: bool,
}

impl std::ops::Deref for Names {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.ids
    }
}

impl Names {
    /// A node's children; `open` if one of them is broken.
    pub(super) fn criteria(ids: Vec<String>, open: bool) -> Self {
        Names {
            ids,
            alternatives: false,
            open,
        }
    }

    /// The alternatives; `open` if one of them has no id.
    pub(super) fn alternatives(ids: Vec<String>, open: bool) -> Self {
        Names {
            ids,
            alternatives: true,
            open,
        }
    }

    /// The ids a message lists (unnamed ones left out).
    fn listed(&self) -> Vec<String> {
        self.ids.iter().filter(|i| !i.is_empty()).cloned().collect()
    }
}

impl Validator {
    /// Collects every criterion id written in `criteria` (recursively), so
    /// a name in a judgment can be told apart from one naming nothing.
    pub(super) fn collect_ids(&mut self, criteria: &[RawCriterion]) {
        for c in criteria {
            self.all_ids.extend(c.id.as_ref().map(|t| t.0.clone()));
            self.collect_ids(c.criteria.as_deref().unwrap_or_default());
        }
    }

    /// Reports `name`, found at `at`, as not one of `names`, with the
    /// nearest of them as a suggestion. Returns false, reporting nothing,
    /// when the name may be meant for one of them whose own name is unknown
    /// (that one is reported already): the caller then drops what it was
    /// building without reporting more.
    pub(super) fn unknown_name(&mut self, at: FieldPath, name: &str, names: &Names) -> bool {
        if names.open && (names.alternatives || !self.all_ids.contains(name)) {
            return false;
        }
        let suggestion = nearest(name, names.iter().map(String::as_str));
        let kind = if names.alternatives {
            DiagnosticKind::UnknownAlternative {
                id: excerpt(name),
                suggestion,
                known: names.listed(),
            }
        } else {
            DiagnosticKind::NotSibling {
                id: excerpt(name),
                suggestion,
                siblings: names.listed(),
            }
        };
        self.issue(at, kind);
        true
    }

    /// Reports `name`, found at `at` (a score key, a screening rule, an
    /// `alternative_comparisons` key), as not a leaf criterion, with the
    /// nearest leaf as a suggestion, which is returned; nothing when some
    /// criterion's name is unknown and `name` may be meant for it.
    pub(super) fn unknown_criterion(&mut self, at: FieldPath, name: &str, criteria: &Criteria) -> Option<String> {
        if self.names_unknown {
            return None;
        }
        let suggestion = nearest(name, criteria.leaves().map(|(c, _)| c.id.as_str()));
        self.issue(
            at,
            DiagnosticKind::UnknownCriterion {
                id: excerpt(name),
                suggestion: suggestion.clone(),
            },
        );
        suggestion
    }
}
