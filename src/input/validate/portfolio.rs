//! The `portfolio:` section and the alternatives' portfolio fields
//! (`platforms`, `volume`, `uses`), validated into a [`Portfolio`].

use super::*;
use crate::diagnostic::nearest;
use crate::input::raw::{RawPlatform, RawPortfolio};
use crate::math::learning_curve::CostCurve;
use crate::model::portfolio::{PlatformSpec, Portfolio, PortfolioIssue, ValueSource};

/// An alternative's portfolio fields as written, kept before the list is
/// consumed by the score validation.
#[derive(Debug, Clone, Default)]
pub(super) struct AltFields {
    pub platforms: Option<Vec<Text>>,
    pub volume: Option<RawValue>,
    pub uses: Option<Pairs>,
    pub assets: Option<Ordered<Vec<Text>>>,
}

impl AltFields {
    /// The fields of `rows` CSV rows from their non-empty portfolio cells
    /// (row, column, text): `platforms` separated by `;`, `volume`,
    /// `uses.<resource>`.
    /// No cell, no fields: an empty list, not one empty entry per row (a
    /// million rows without portfolio columns would cost ~100 MB).
    pub fn from_csv(rows: usize, cells: Vec<(usize, String, String)>) -> Vec<AltFields> {
        if cells.is_empty() {
            return Vec::new();
        }
        let mut out = vec![AltFields::default(); rows];
        for (row, column, text) in cells {
            let Some(fields) = out.get_mut(row) else { continue };
            if column == "platforms" {
                let ids = text.split(';').map(str::trim).filter(|t| !t.is_empty());
                fields.platforms = Some(ids.map(|t| Text(t.to_owned())).collect());
            } else if column == "volume" {
                fields.volume = Some(RawValue::Text(text));
            } else if let Some(resource) = column.strip_prefix("uses.") {
                let uses = fields.uses.get_or_insert_with(Ordered::default);
                uses.0.push((resource.to_owned(), RawValue::Text(text)));
            }
        }
        out
    }

    /// The fields of each alternative of a list; an empty list when no
    /// alternative has any (the common case of a problem without a
    /// `portfolio:` section costs a scan, not a copy of every field).
    pub fn of(list: &[RawAlternative]) -> Vec<AltFields> {
        let given =
            |a: &RawAlternative| a.platforms.is_some() || a.volume.is_some() || a.uses.is_some() || a.assets.is_some();
        if !list.iter().any(given) {
            return Vec::new();
        }
        list.iter()
            .map(|a| AltFields {
                platforms: a.platforms.clone(),
                volume: a.volume.clone(),
                uses: a.uses.clone(),
                assets: a.assets.clone(),
            })
            .collect()
    }
}

/// The CSV column of an issue at `alternatives[i].<rest>` about a
/// portfolio field: `platforms`, `volume`, `uses.<resource>`; an issue at
/// the alternative itself (a missing volume) goes to `volume`.
pub(super) fn csv_column(rest: &[Segment]) -> Option<String> {
    match rest {
        [] => Some("volume".to_owned()),
        [Segment::Key(k), ..] if k == "platforms" || k == "volume" => Some(k.clone()),
        [Segment::Key(k), Segment::Key(resource)] if k == "uses" => Some(format!("uses.{resource}")),
        _ => None,
    }
}

pub(super) fn issue(kind: PortfolioIssue) -> DiagnosticKind {
    DiagnosticKind::Portfolio(kind)
}

pub(super) fn root() -> FieldPath {
    FieldPath::root().key("portfolio")
}

/// Names the section refers to, resolved to indices.
pub(super) struct Names<'a> {
    pub alternatives: HashMap<&'a str, usize>,
    pub platforms: Vec<String>,
    pub resources: Vec<String>,
}

impl Validator {
    /// The validated section, `None` without one (portfolio fields on an
    /// alternative are then reported) or when something is wrong.
    pub(super) fn portfolio(
        &mut self,
        raw: Option<RawPortfolio>,
        criteria: &Criteria,
        alternatives: &Alternatives,
        fields: &[AltFields],
        scores: Option<&DecisionMatrix>,
    ) -> Option<Portfolio> {
        let before = self.issues.len();
        let Some(raw) = raw else {
            self.fields_without_section(fields);
            return None;
        };
        let budget = self.amount(raw.budget.as_ref(), "budget");
        let cost = self.cost_leaf(&raw, criteria);
        let value = self.value_source(raw.value.as_ref(), criteria);
        let mut platforms = self.platforms(&raw.platforms, value);
        let priced = self.priced_assets(&raw, &mut platforms);
        let mut names = Names {
            alternatives: alternatives.ids().enumerate().map(|(i, id)| (id, i)).collect(),
            platforms: platforms.iter().map(|p| p.id.clone()).collect(),
            resources: Vec::new(),
        };
        let resources = self.resources(&raw);
        names.resources = resources.iter().map(|(id, _)| id.clone()).collect();
        let (needs, volumes, uses) = self.alternative_fields(fields, &names, &priced);
        let synergies = self.synergies(&raw.synergies, &names);
        let requires = self.pairs(&raw.requires, "requires", &names, 2);
        let together = self.pairs(&raw.together, "together", &names, 0);
        let groups = self.groups(&raw.groups, &names);
        let must = self.ids(&raw.must, &root().key("must"), &names);
        let must_not = self.ids(&raw.must_not, &root().key("must_not"), &names);
        for (k, t) in raw.must_not.iter().enumerate() {
            if let Some(&i) = names.alternatives.get(t.0.as_str())
                && must.contains(&i)
            {
                let kind = PortfolioIssue::MustAndMustNot(t.0.clone());
                self.issue(root().key("must_not").index(k), issue(kind));
            }
        }
        if let (Some(scores), Some(cost)) = (scores, cost) {
            self.negative_costs(scores, cost, criteria);
        }
        self.learning_volumes(&platforms, &needs, &volumes, fields, alternatives);
        if self.issues.len() > before {
            return None;
        }
        Some(Portfolio {
            budget: budget?,
            cost: cost?,
            value: value?,
            platforms,
            needs,
            volumes,
            synergies,
            requires: requires.into_iter().map(|p| (p[0], p[1])).collect(),
            together,
            groups,
            resources,
            uses,
            must,
            must_not,
        })
    }

    /// Portfolio fields on alternatives of a file without the section.
    fn fields_without_section(&mut self, fields: &[AltFields]) {
        for (i, f) in fields.iter().enumerate() {
            let at = FieldPath::root().key("alternatives").index(i);
            for (key, given) in [
                ("platforms", f.platforms.is_some()),
                ("volume", f.volume.is_some()),
                ("uses", f.uses.is_some()),
            ] {
                if given {
                    self.issue(at.key(key), issue(PortfolioIssue::NoSection(key.to_owned())));
                }
            }
        }
    }

    /// Every alternative's own cost (the leaf in column `cost`) is `>= 0`.
    fn negative_costs(&mut self, scores: &DecisionMatrix, cost: usize, criteria: &Criteria) {
        let id = criteria
            .leaves()
            .nth(cost)
            .map(|(c, _)| c.id.clone())
            .unwrap_or_default();
        for row in 0..scores.rows() {
            let c = scores.get(row, cost);
            if c < 0.0 {
                let at = FieldPath::root().key("alternatives").index(row).key("scores").key(&id);
                self.issue(at, issue(PortfolioIssue::Negative(c)));
            }
        }
    }

    /// A required number `>= 0` of the section.
    fn amount(&mut self, value: Option<&RawValue>, key: &'static str) -> Option<f64> {
        self.non_negative(value, &root(), key)
    }

    /// A required number `>= 0` at `at.key`.
    pub(super) fn non_negative(&mut self, value: Option<&RawValue>, at: &FieldPath, key: &'static str) -> Option<f64> {
        let Some(value) = value else {
            self.issue(at.clone(), DiagnosticKind::MissingKey(key));
            return None;
        };
        let v = self.number_at(value, at.key(key))?;
        if v < 0.0 {
            self.issue(at.key(key), issue(PortfolioIssue::Negative(v)));
            return None;
        }
        Some(v)
    }

    /// The column of the leaf named `id`, reported at `at` if none.
    fn leaf_column(&mut self, id: &str, at: FieldPath, criteria: &Criteria) -> Option<usize> {
        if let Some((_, leaf)) = criteria.leaf(id) {
            return Some(leaf.column);
        }
        if !self.names_unknown {
            let suggestion = nearest(id, criteria.leaves().map(|(c, _)| c.id.as_str()));
            let what = "leaf criterion";
            self.issue(
                at,
                issue(PortfolioIssue::Unknown {
                    what,
                    id: id.to_owned(),
                    suggestion,
                }),
            );
        }
        None
    }

    fn cost_leaf(&mut self, raw: &RawPortfolio, criteria: &Criteria) -> Option<usize> {
        match &raw.cost {
            None => {
                self.issue(root(), DiagnosticKind::MissingKey("cost"));
                None
            }
            Some(id) => self.leaf_column(&id.0, root().key("cost"), criteria),
        }
    }

    fn value_source(&mut self, value: Option<&RawValue>, criteria: &Criteria) -> Option<ValueSource> {
        let at = root().key("value");
        match value {
            None => Some(ValueSource::Topsis),
            Some(RawValue::Text(t)) if t == "topsis" => Some(ValueSource::Topsis),
            Some(RawValue::Text(t)) if t == "ahp" => Some(ValueSource::Ahp),
            Some(RawValue::Text(t)) => self.leaf_column(t, at, criteria).map(ValueSource::Leaf),
            Some(RawValue::Map(Ordered(pairs))) if pairs.len() == 1 && pairs[0].0 == "leaf" => match &pairs[0].1 {
                RawValue::Text(t) => self.leaf_column(t, at.key("leaf"), criteria).map(ValueSource::Leaf),
                other => {
                    self.issue(at.key("leaf"), issue(PortfolioIssue::Value(other.to_string())));
                    None
                }
            },
            Some(other) => {
                self.issue(at, issue(PortfolioIssue::Value(other.to_string())));
                None
            }
        }
    }

    fn platforms(&mut self, raw: &[RawPlatform], value: Option<ValueSource>) -> Vec<PlatformSpec> {
        let mut out: Vec<PlatformSpec> = Vec::new();
        for (i, p) in raw.iter().enumerate() {
            let at = root().key("platforms").index(i);
            let id = match &p.id {
                None => {
                    self.issue(at.clone(), DiagnosticKind::MissingKey("id"));
                    String::new()
                }
                Some(id) => self.text(id, &at.key("id")),
            };
            if out.iter().any(|q| q.id == id && !id.is_empty()) {
                let first = FirstSeen::Path(root().key("platforms"));
                self.issue(at.key("id"), DiagnosticKind::DuplicateId { id: id.clone(), first });
            }
            let fixed_cost = self
                .non_negative(p.fixed_cost.as_ref(), &at, "fixed_cost")
                .unwrap_or(0.0);
            let learning = p.learning.as_ref().and_then(|l| {
                let at = at.key("learning");
                if matches!(value, Some(ValueSource::Topsis | ValueSource::Ahp)) {
                    self.issue(at.clone(), issue(PortfolioIssue::LearningNeedsMoney));
                }
                let unit_cost = self.required_number(l.unit_cost.as_ref(), &at, "unit_cost")?;
                let rate = self.required_number(l.learning_rate.as_ref(), &at, "learning_rate")?;
                match CostCurve::new(0.0, unit_cost, rate) {
                    Ok(_) => Some((unit_cost, rate)),
                    Err(e) => {
                        self.issue(at, issue(PortfolioIssue::Curve(e)));
                        None
                    }
                }
            });
            out.push(PlatformSpec {
                id,
                name: p.name.as_ref().map(|t| t.0.clone()),
                fixed_cost,
                learning,
            });
        }
        out
    }

    fn required_number(&mut self, value: Option<&RawValue>, at: &FieldPath, key: &'static str) -> Option<f64> {
        match value {
            None => {
                self.issue(at.clone(), DiagnosticKind::MissingKey(key));
                None
            }
            Some(v) => self.number_at(v, at.key(key)),
        }
    }

    /// The priced assets the core lacks, as platforms appended to
    /// `platforms`: `(dimension, folded asset name, platform index)`.
    fn priced_assets(&mut self, raw: &RawPortfolio, platforms: &mut Vec<PlatformSpec>) -> Vec<(String, String, usize)> {
        let Some(Ordered(by_dim)) = &raw.asset_costs else {
            return Vec::new();
        };
        let at = root().key("asset_costs");
        if self.core.is_empty() {
            self.issue(at, issue(PortfolioIssue::AssetsNeeded));
            return Vec::new();
        }
        let mut priced = Vec::new();
        for (dim, Ordered(assets)) in by_dim {
            let Some((_, core)) = self.core.iter().find(|(d, _)| d == dim) else {
                let kind = derive::unknown_dimension(dim, &self.core);
                self.issue(at.key(dim), kind);
                continue;
            };
            let owned: Vec<String> = core.iter().map(|a| derive::fold(a)).collect();
            for (asset, price) in assets {
                let path = at.key(dim).key(asset);
                let Some(price) = self.number_at(price, path.clone()) else {
                    continue;
                };
                if price < 0.0 {
                    self.issue(path, issue(PortfolioIssue::Negative(price)));
                    continue;
                }
                let folded = derive::fold(asset);
                if owned.contains(&folded) {
                    continue;
                }
                priced.push((dim.clone(), folded, platforms.len()));
                platforms.push(PlatformSpec {
                    id: format!("{dim}:{asset}"),
                    name: None,
                    fixed_cost: price,
                    learning: None,
                });
            }
        }
        priced
    }
}
