//! Alternatives written in the problem file, their scores, and screening
//! rules.

use super::*;

impl Validator {
    /// Alternatives written in the problem file: ids, assets, and values in
    /// leaf order (derived leaves computed).
    pub(super) fn alternatives(
        &mut self,
        list: Vec<RawAlternative>,
        criteria: &Criteria,
        derived: &mut [Derived],
    ) -> (Alternatives, Vec<Vec<f64>>) {
        let mut alternatives = Alternatives::default();
        let mut rows = Vec::with_capacity(list.len());
        let mut ids: HashMap<String, FieldPath> = HashMap::new();
        for (i, alt) in list.into_iter().enumerate() {
            let path = FieldPath::root().key("alternatives").index(i);
            let id = alt.id.as_ref().map(|t| t.0.clone()).unwrap_or_default();
            if alt.id.is_none() {
                self.issue(path.clone(), DiagnosticKind::MissingKey("id"));
                self.alternatives_unknown = true;
            } else if !valid_alternative_id(&id) {
                self.issue(path.key("id"), DiagnosticKind::AlternativeId(id.clone()));
            } else if let Some(first) = ids.get(&id) {
                let first = FirstSeen::Path(first.clone());
                self.issue(path.key("id"), DiagnosticKind::DuplicateId { id: id.clone(), first });
            } else {
                ids.insert(id.clone(), path.key("id"));
            }
            if let Some(Ordered(assets)) = &alt.assets {
                for (dim, _) in assets {
                    if !self.core.iter().any(|(d, _)| d == dim) {
                        let kind = derive::unknown_dimension(dim, &self.core);
                        self.issue(path.key("assets").key(dim), kind);
                    }
                }
            }
            rows.push(self.scores(&alt, criteria, (i, &path), derived));
            alternatives.push(
                &id,
                alt.name.as_ref().map(|t| t.0.as_str()),
                alt.description.as_ref().map(|t| t.0.as_str()),
            );
        }
        (alternatives, rows)
    }

    /// One alternative's values as a row in leaf order: its scores (an
    /// interval as its midpoint, the interval kept), and the values of
    /// derived leaves computed from its assets and cost curves. `at`: the
    /// alternative's row and path.
    pub(super) fn scores(
        &mut self,
        alt: &RawAlternative,
        criteria: &Criteria,
        (row_index, path): (usize, &FieldPath),
        derived: &mut [Derived],
    ) -> Vec<f64> {
        let scores = &alt.scores;
        let mut row = vec![0.0; criteria.leaves.len()];
        // Leaves a misspelt score key was meant for: not also "missing".
        let mut misspelt = Vec::new();
        for (key, value) in &scores.0 {
            let at = path.key("scores").key(key);
            match criteria.leaf(key) {
                Some((criterion, leaf)) => {
                    if let Some((v, interval)) = self.score_cell(key, value, at, criterion, leaf, derived) {
                        row[leaf.column] = v;
                        if let Some((low, high)) = interval {
                            let column = leaf.column;
                            self.score_intervals.push(ScoreInterval {
                                row: row_index,
                                column,
                                low,
                                high,
                            });
                        }
                    }
                }
                None if criteria.nodes.iter().any(|n| n.id == *key) => {
                    self.issue(at, DiagnosticKind::ParentScored(key.clone()))
                }
                None => misspelt.extend(self.unknown_criterion(at, key, criteria)),
            }
        }
        for (criterion, leaf) in criteria.leaves() {
            if let Some(Derive::Shared { dimension }) = &leaf.derive {
                let Some((share, split)) = self.shared_value(alt, criterion, dimension, path) else {
                    continue;
                };
                row[leaf.column] = share;
                record(derived, leaf.column, |v| {
                    if let DerivedValues::Shared(s) = v {
                        s.push(split);
                    }
                });
            } else if !scores.0.iter().any(|(k, _)| *k == criterion.id)
                && !self.unscored.contains(&criterion.id)
                && !misspelt.contains(&criterion.id)
            {
                self.issue(path.key("scores"), DiagnosticKind::MissingScore(criterion.id.clone()));
            }
        }
        row
    }

    /// The value of one score `key: value` on a leaf and its interval, if
    /// written as one, or `None` after reporting it; a learning curve is
    /// also recorded in `derived`.
    fn score_cell(
        &mut self,
        key: &str,
        value: &RawValue,
        at: FieldPath,
        criterion: &Criterion,
        leaf: &Leaf,
        derived: &mut [Derived],
    ) -> Option<(f64, Option<(f64, f64)>)> {
        match &leaf.derive {
            Some(Derive::Shared { .. }) => {
                self.issue(at, DiagnosticKind::DerivedScored(key.to_owned()));
                None
            }
            Some(Derive::LearningCurve { .. }) => match derive::curve(value) {
                Ok((curve, volume)) => {
                    let cost = curve.average_cost(volume);
                    record(derived, leaf.column, |v| {
                        if let DerivedValues::Curves(c) = v {
                            c.push((curve, volume));
                        }
                    });
                    Some((cost, None))
                }
                Err(errors) => {
                    for (sub, kind) in errors {
                        self.issue(sub.map_or(at.clone(), |k| at.key(k)), kind);
                    }
                    None
                }
            },
            None => self.score(value, criterion, leaf, at),
        }
    }

    /// An alternative's share of core assets in `dimension`, with the
    /// split of its assets, or `None` after reporting that it lists none.
    fn shared_value(
        &mut self,
        alt: &RawAlternative,
        criterion: &Criterion,
        dimension: &str,
        path: &FieldPath,
    ) -> Option<(f64, crate::input::SharedAssets)> {
        let assets = alt
            .assets
            .as_ref()
            .and_then(|Ordered(a)| a.iter().find(|(d, _)| d == dimension))
            .map(|(_, list)| &list[..])
            .unwrap_or_default();
        if assets.iter().all(|a| a.0.trim().is_empty()) {
            self.issue(
                path.key("assets"),
                DiagnosticKind::MissingAssets {
                    criterion: criterion.id.clone(),
                    dimension: dimension.to_owned(),
                },
            );
            return None;
        }
        let core = self
            .core
            .iter()
            .find(|(d, _)| d == dimension)
            .map(|(_, c)| &c[..])
            .unwrap_or_default();
        Some(derive::shared(assets, core))
    }

    /// A score or bound on a leaf: a number, or one of its named levels.
    pub(super) fn level_or_number(
        &mut self,
        value: &RawValue,
        criterion: &Criterion,
        leaf: &Leaf,
        at: &FieldPath,
    ) -> Option<(f64, Option<String>)> {
        if let RawValue::Text(text) = value
            && text.trim().parse::<f64>().is_err()
        {
            return match level_value(leaf, &criterion.id, text.trim()) {
                Ok((v, name)) => Some((v, Some(name.to_owned()))),
                Err(kind) => {
                    self.issue(at.clone(), kind);
                    None
                }
            };
        }
        self.number_at(value, at.clone()).map(|v| (v, None))
    }

    /// A score: a number or a level within the leaf's scale, or an
    /// interval `[low, high]` of them (with its midpoint as the value).
    pub(super) fn score(
        &mut self,
        value: &RawValue,
        criterion: &Criterion,
        leaf: &Leaf,
        at: FieldPath,
    ) -> Option<(f64, Option<(f64, f64)>)> {
        let RawValue::List(ends) = value else {
            return self.scaled(value, criterion, leaf, at).map(|(v, _)| (v, None));
        };
        if ends.len() != 2 {
            self.issue(at, DiagnosticKind::IntervalLength(ends.len()));
            return None;
        }
        let low = self.scaled(&ends[0], criterion, leaf, at.index(0));
        let high = self.scaled(&ends[1], criterion, leaf, at.index(1));
        let ((low, low_level), (high, high_level)) = (low?, high?);
        let interval = format!("[{}, {}]", ends[0], ends[1]);
        if low_level != high_level {
            let criterion = criterion.id.clone();
            self.issue(at, DiagnosticKind::MixedInterval { interval, criterion });
            return None;
        }
        if low > high {
            self.issue(at, DiagnosticKind::InvertedInterval(interval));
            return None;
        }
        Some((crate::model::midpoint(low, high), Some((low, high))))
    }

    /// A number or a level within the leaf's scale, and whether it was a
    /// level, or `None` after reporting it.
    fn scaled(&mut self, value: &RawValue, criterion: &Criterion, leaf: &Leaf, at: FieldPath) -> Option<(f64, bool)> {
        let (v, level) = self.level_or_number(value, criterion, leaf, &at)?;
        in_scale(leaf, &criterion.id, v)
            .map_err(|kind| self.issue(at, kind))
            .ok()
            .map(|v| (v, level.is_some()))
    }

    pub(super) fn rule(&mut self, rule: &RawRule, criteria: &Criteria, path: &FieldPath) -> Option<ScreeningRule> {
        let Some(Text(id)) = &rule.criterion else {
            self.issue(path.clone(), DiagnosticKind::MissingKey("criterion"));
            return None;
        };
        let Some((criterion, leaf)) = criteria.leaf(id) else {
            if criteria.nodes.iter().any(|n| n.id == *id) {
                self.issue(path.key("criterion"), DiagnosticKind::RuleOnParent(id.clone()));
            } else {
                let _ = self.unknown_criterion(path.key("criterion"), id, criteria);
            }
            return None;
        };
        let bound = |value: &Option<RawValue>, field: &str, v: &mut Self| {
            value.as_ref().and_then(|s| {
                v.level_or_number(s, criterion, leaf, &path.key(field))
                    .map(|(value, level)| Bound { value, level })
            })
        };
        let min = bound(&rule.min, "min", self);
        let max = bound(&rule.max, "max", self);
        if rule.min.is_none() && rule.max.is_none() {
            self.issue(path.clone(), DiagnosticKind::RuleWithoutBound);
            return None;
        }
        if let (Some(lo), Some(hi)) = (&min, &max)
            && lo.value > hi.value
        {
            self.issue(
                path.clone(),
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
