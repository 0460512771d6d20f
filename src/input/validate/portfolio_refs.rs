//! The lists of the `portfolio:` section that name alternatives, platforms
//! and resources, and the alternatives' own portfolio fields.

use super::portfolio::{AltFields, Names, issue, root};
use super::*;
use crate::diagnostic::nearest;
use crate::input::raw::RawGroup;
use crate::model::portfolio::{GroupSpec, PlatformSpec, PortfolioIssue};

/// Per alternative: needed platforms, volume, resource uses.
pub(super) type Fields = (Vec<Vec<usize>>, Vec<Option<u64>>, Vec<Vec<f64>>);

impl Validator {
    /// The resources: ids and capacities.
    pub(super) fn resources(&mut self, raw: &crate::input::raw::RawPortfolio) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        for (i, r) in raw.resources.iter().enumerate() {
            let at = root().key("resources").index(i);
            let id = match &r.id {
                None => {
                    self.issue(at.clone(), DiagnosticKind::MissingKey("id"));
                    String::new()
                }
                Some(id) => self.text(id, &at.key("id")),
            };
            if out.iter().any(|(q, _)| *q == id && !id.is_empty()) {
                let first = FirstSeen::Path(root().key("resources"));
                self.issue(at.key("id"), DiagnosticKind::DuplicateId { id: id.clone(), first });
            }
            let capacity = self.non_negative(r.capacity.as_ref(), &at, "capacity").unwrap_or(0.0);
            out.push((id, capacity));
        }
        out
    }

    /// Each alternative's platforms (written, then priced assets it
    /// lacks), volume and resource uses.
    pub(super) fn alternative_fields(
        &mut self,
        fields: &[AltFields],
        names: &Names<'_>,
        priced: &[(String, String, usize)],
    ) -> Fields {
        let n = names.alternatives.len();
        let (mut needs, mut volumes, mut uses) = (
            vec![Vec::new(); n],
            vec![None; n],
            vec![vec![0.0; names.resources.len()]; n],
        );
        for (i, f) in fields.iter().enumerate().take(n) {
            let at = FieldPath::root().key("alternatives").index(i);
            for (j, p) in f.platforms.iter().flatten().enumerate() {
                match names.platforms.iter().position(|q| *q == p.0) {
                    Some(k) => needs[i].push(k),
                    None => {
                        let suggestion = nearest(&p.0, names.platforms.iter().map(String::as_str));
                        let kind = PortfolioIssue::Unknown {
                            what: "platform",
                            id: p.0.clone(),
                            suggestion,
                        };
                        self.issue(at.key("platforms").index(j), issue(kind));
                    }
                }
            }
            for (dim, assets) in f.assets.iter().flat_map(|Ordered(a)| a) {
                for asset in assets {
                    let folded = derive::fold(&asset.0);
                    if let Some(&(_, _, k)) = priced.iter().find(|(d, a, _)| d == dim && *a == folded) {
                        needs[i].push(k);
                    }
                }
            }
            needs[i].sort_unstable();
            needs[i].dedup();
            volumes[i] = f.volume.as_ref().and_then(|v| self.volume(v, at.key("volume")));
            for (key, value) in f.uses.iter().flat_map(|Ordered(u)| u) {
                let path = at.key("uses").key(key);
                let Some(r) = names.resources.iter().position(|q| q == key) else {
                    let suggestion = nearest(key, names.resources.iter().map(String::as_str));
                    let kind = PortfolioIssue::Unknown {
                        what: "resource",
                        id: key.clone(),
                        suggestion,
                    };
                    self.issue(path, issue(kind));
                    continue;
                };
                match self.number_at(value, path.clone()) {
                    Some(u) if u < 0.0 => self.issue(path, issue(PortfolioIssue::Negative(u))),
                    Some(u) => uses[i][r] = u,
                    None => {}
                }
            }
        }
        (needs, volumes, uses)
    }

    /// A positive whole volume.
    fn volume(&mut self, value: &RawValue, at: FieldPath) -> Option<u64> {
        let v = self.number_at(value, at.clone())?;
        if v >= 1.0 && v.fract() == 0.0 && v <= 1e15 {
            Some(v as u64)
        } else {
            self.issue(at, issue(PortfolioIssue::Volume(v)));
            None
        }
    }

    /// Every user of a learning platform has a volume.
    pub(super) fn learning_volumes(
        &mut self,
        platforms: &[PlatformSpec],
        needs: &[Vec<usize>],
        volumes: &[Option<u64>],
        fields: &[AltFields],
        alternatives: &Alternatives,
    ) {
        for (i, need) in needs.iter().enumerate() {
            for &k in need {
                if platforms[k].learning.is_some()
                    && volumes[i].is_none()
                    && fields.get(i).is_none_or(|f| f.volume.is_none())
                {
                    let kind = PortfolioIssue::VolumeMissing {
                        alternative: alternatives.id(i).to_owned(),
                        platform: platforms[k].id.clone(),
                    };
                    self.issue(FieldPath::root().key("alternatives").index(i), issue(kind));
                }
            }
        }
    }

    /// An alternative named in the section, reported at `at` if unknown.
    fn alternative(&mut self, id: &Text, at: FieldPath, names: &Names<'_>) -> Option<usize> {
        if let Some(&i) = names.alternatives.get(id.0.as_str()) {
            return Some(i);
        }
        if !self.alternatives_unknown {
            let suggestion = nearest(&id.0, names.alternatives.keys().copied());
            let kind = PortfolioIssue::Unknown {
                what: "alternative",
                id: id.0.clone(),
                suggestion,
            };
            self.issue(at, issue(kind));
        }
        None
    }

    /// A list of alternative ids.
    pub(super) fn ids(&mut self, list: &[Text], at: &FieldPath, names: &Names<'_>) -> Vec<usize> {
        list.iter()
            .enumerate()
            .filter_map(|(k, id)| self.alternative(id, at.index(k), names))
            .collect()
    }

    /// `[a, b, bonus]` triples.
    pub(super) fn synergies(&mut self, raw: &[Vec<RawValue>], names: &Names<'_>) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        for (k, triple) in raw.iter().enumerate() {
            let at = root().key("synergies").index(k);
            let [RawValue::Text(a), RawValue::Text(b), bonus] = triple.as_slice() else {
                let shown = triple.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                self.issue(at, issue(PortfolioIssue::Synergy(format!("[{shown}]"))));
                continue;
            };
            let a = self.alternative(&Text(a.clone()), at.index(0), names);
            let b = self.alternative(&Text(b.clone()), at.index(1), names);
            let bonus = self.number_at(bonus, at.index(2));
            if let (Some(a), Some(b), Some(bonus)) = (a, b, bonus) {
                if a == b {
                    self.issue(at, issue(PortfolioIssue::SelfPair(triple[0].to_string())));
                } else {
                    out.push((a, b, bonus));
                }
            }
        }
        out
    }

    /// Lists of ids: pairs (`len` 2) or sets of two or more (`len` 0).
    pub(super) fn pairs(
        &mut self,
        raw: &[Vec<Text>],
        key: &'static str,
        names: &Names<'_>,
        len: usize,
    ) -> Vec<Vec<usize>> {
        let mut out = Vec::new();
        for (k, list) in raw.iter().enumerate() {
            let at = root().key(key).index(k);
            if (len > 0 && list.len() != len) || list.len() < 2 {
                let expected = if len == 2 {
                    "a pair `[a, b]`"
                } else {
                    "a list of two or more ids"
                };
                self.issue(at, issue(PortfolioIssue::Shape(expected)));
                continue;
            }
            let ids = self.ids(list, &at, names);
            if ids.len() == list.len() {
                if len == 2 && ids[0] == ids[1] {
                    self.issue(at, issue(PortfolioIssue::SelfPair(list[0].0.clone())));
                } else {
                    out.push(ids);
                }
            }
        }
        out
    }

    /// Groups: `{ids}` alone is at most one.
    pub(super) fn groups(&mut self, raw: &[RawGroup], names: &Names<'_>) -> Vec<GroupSpec> {
        let mut out = Vec::new();
        for (k, g) in raw.iter().enumerate() {
            let at = root().key("groups").index(k);
            let ids = self.ids(&g.ids, &at.key("ids"), names);
            let min = g.min.as_ref().and_then(|v| self.count(v, at.key("min")));
            let max = g.max.as_ref().and_then(|v| self.count(v, at.key("max")));
            let (min, max) = match (g.min.is_some() || g.max.is_some(), min, max) {
                (false, _, _) => (None, Some(1)),
                (true, min, max) => (min, max),
            };
            let size = g.ids.len();
            let (lo, hi) = (min.unwrap_or(0), max.unwrap_or(size));
            if lo > hi || lo > size {
                self.issue(at, issue(PortfolioIssue::GroupBounds { min: lo, max: hi, size }));
                continue;
            }
            out.push(GroupSpec { ids, min, max });
        }
        out
    }

    /// A whole number `>= 0`.
    fn count(&mut self, value: &RawValue, at: FieldPath) -> Option<usize> {
        let v = self.number_at(value, at.clone())?;
        if v >= 0.0 && v.fract() == 0.0 && v < 1e9 {
            Some(v as usize)
        } else {
            self.issue(at, issue(PortfolioIssue::Count(value.to_string())));
            None
        }
    }
}
