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
        if self.unresolved.contains(&path) {
            self.broken.insert(index);
        }
        if self.broken.contains(&index) {
            self.names_unknown = true;
            // Not scored by hand either: no "missing score" follow-ups.
            self.unscored.insert(id.clone());
        }
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
                        self.issue(path.key(field), DiagnosticKind::LeafField(field));
                    }
                }
                CriterionKind::Leaf(self.leaf(raw, &path))
            }
        };
        index
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
        let scale = raw.scale.as_ref().and_then(|s| {
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
        });
        let levels: Vec<(String, f64)> = raw
            .levels
            .as_ref()
            .map(|Ordered(pairs)| {
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
                            self.issue(path.key("rubric").key(key), DiagnosticKind::RubricKey(key.clone()));
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
                Err(problems) => {
                    for (key, kind) in problems {
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
        comparisons: Option<&RawComparisons>,
        judges: Option<&Pairs>,
        matrix: Option<&Vec<Vec<RawValue>>>,
        raw_children: &[RawCriterion],
    ) -> Weighting {
        let at = |field: &str| path.key(field);
        let weighted: Vec<bool> = raw_children.iter().map(|c| c.weight.is_some()).collect();
        let any_weight = weighted.iter().any(|&w| w);
        if comparisons.is_some() && matrix.is_some() {
            self.issue(at("matrix"), DiagnosticKind::ComparisonsAndMatrix);
            return Weighting::Equal;
        }
        if (comparisons.is_some() || matrix.is_some()) && any_weight {
            let field = if comparisons.is_some() { "comparisons" } else { "matrix" };
            self.issue(at(field), DiagnosticKind::JudgmentsAndWeights(field));
            return Weighting::Equal;
        }
        let ids = Names::criteria(
            children.iter().map(|&c| self.nodes[c].id.clone()).collect(),
            children.iter().any(|c| self.broken.contains(c)),
        );
        let n = children.len();
        if (comparisons.is_some() || matrix.is_some()) && n > crate::math::ahp::RandomIndex::Saaty.max_n() {
            let field = if comparisons.is_some() { "comparisons" } else { "matrix" };
            self.issue(
                at(field),
                DiagnosticKind::TooManyCompared {
                    n,
                    max: crate::math::ahp::RandomIndex::Saaty.max_n(),
                },
            );
            return Weighting::Equal;
        }
        if let Some(comparisons) = comparisons {
            let before = self.issues.len();
            let judged = self.judgments(path, &ids, comparisons, judges);
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
            return judged.map_or(Weighting::Equal, Weighting::Judgments);
        }
        if let Some(rows) = matrix {
            return self
                .matrix(&at("matrix"), &ids, rows)
                .map_or(Weighting::Equal, |matrix| {
                    Weighting::Judgments(Judgments { matrix, group: None })
                });
        }
        if any_weight {
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
