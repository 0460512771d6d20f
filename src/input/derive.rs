//! Derived criteria: values computed from what an alternative brings
//! (`assets`, cost-curve parameters) instead of scored by hand.

use std::collections::HashSet;

use super::diagnostic::{DiagnosticKind, nearest};
use super::raw::{Ordered, Pairs, RawValue, Text};
use super::{Derive, SharedAssets};
use crate::math::learning_curve::{CostCurve, CurveError};

/// Problems with a curve, each with the key it concerns (if any).
type CurveProblems = Vec<(Option<String>, DiagnosticKind)>;

/// Names are compared after case folding, ignoring surrounding spaces and
/// runs of inner whitespace (`" Gear  machining"` is `gear machining`).
pub fn fold(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Reads `derive:` on a leaf: `learning_curve` or `{shared: DIM}`, with DIM
/// a dimension of `core`.
pub fn parse(value: &RawValue, core: &[(String, Vec<String>)]) -> Result<Derive, DiagnosticKind> {
    match value {
        RawValue::Text(t) if t == "learning_curve" => Ok(Derive::LearningCurve { baseline: None }),
        RawValue::Map(Ordered(pairs)) if pairs.len() == 1 && pairs[0].0 == "shared" => match &pairs[0].1 {
            RawValue::Text(dim) if core.iter().any(|(d, _)| d == dim) => Ok(Derive::Shared { dimension: dim.clone() }),
            RawValue::Text(dim) => Err(unknown_dimension(dim, core)),
            other => Err(DiagnosticKind::UnknownDerive(other.to_string())),
        },
        other => Err(DiagnosticKind::UnknownDerive(match other {
            RawValue::Map(_) => "a mapping other than `{shared: DIMENSION}`".to_owned(),
            RawValue::List(_) => "a list".to_owned(),
            other => format!("`{other}`"),
        })),
    }
}

/// `dim` is not a dimension of `core`: the report, with the nearest one.
pub fn unknown_dimension(dim: &str, core: &[(String, Vec<String>)]) -> DiagnosticKind {
    DiagnosticKind::UnknownDimension {
        dimension: dim.to_owned(),
        suggestion: nearest(dim, core.iter().map(|(d, _)| d.as_str())),
        known: core.iter().map(|(d, _)| d.clone()).collect(),
    }
}

/// The share of `assets` the core has in one dimension, and which.
pub fn shared(assets: &[Text], core: &[String]) -> (f64, SharedAssets) {
    let core: HashSet<String> = core.iter().map(|c| fold(c)).collect();
    let mut seen = HashSet::new();
    let mut split = SharedAssets::default();
    for asset in assets {
        let key = fold(&asset.0);
        if key.is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        let name = asset.0.trim().to_owned();
        if core.contains(&key) {
            split.shared.push(name);
        } else {
            split.new.push(name);
        }
    }
    let total = split.shared.len() + split.new.len();
    let share = if total == 0 {
        0.0
    } else {
        split.shared.len() as f64 / total as f64
    };
    (share, split)
}

/// Field names of a cost curve as an alternative gives it.
const CURVE_KEYS: [&str; 4] = ["fixed", "unit_cost", "volume", "learning_rate"];
/// Field names of a baseline curve.
const BASELINE_KEYS: [&str; 3] = ["fixed", "unit_cost", "learning_rate"];

/// Reads `{fixed, unit_cost, volume, learning_rate}`; errors come back
/// with the key they concern.
pub fn curve(value: &RawValue) -> Result<(CostCurve, u64), CurveProblems> {
    let RawValue::Map(pairs) = value else {
        return Err(vec![(None, DiagnosticKind::CurveExpected(value.to_string()))]);
    };
    let numbers = numbers(pairs, &CURVE_KEYS)?;
    let volume = numbers[2];
    if !(volume >= 1.0 && volume.fract() == 0.0 && volume <= u64::MAX as f64) {
        return Err(vec![(Some("volume".into()), DiagnosticKind::Volume(volume))]);
    }
    let curve = CostCurve::new(numbers[0], numbers[1], numbers[3]).map_err(curve_error)?;
    Ok((curve, volume as u64))
}

/// Reads a leaf's `baseline: {fixed, unit_cost, learning_rate}`.
pub fn baseline(pairs: &Pairs) -> Result<CostCurve, CurveProblems> {
    let n = numbers(pairs, &BASELINE_KEYS)?;
    CostCurve::new(n[0], n[1], n[2]).map_err(curve_error)
}

/// A refused curve, at the key at fault (`unit_cost` when `fixed +
/// unit_cost` is too large: the first-unit cost is what makes the sum
/// overflow once `fixed` is accepted).
fn curve_error(e: CurveError) -> CurveProblems {
    let key = match e {
        CurveError::Fixed(_) => "fixed",
        CurveError::UnitCost(_) | CurveError::TooLarge { .. } => "unit_cost",
        CurveError::LearningRate(_) => "learning_rate",
    };
    vec![(Some(key.to_owned()), DiagnosticKind::Curve(e))]
}

/// The values of exactly `keys`, in that order.
fn numbers(pairs: &Pairs, keys: &[&str]) -> Result<Vec<f64>, CurveProblems> {
    let mut errors = Vec::new();
    // Keys an unknown key looks like a typo of: their absence is not
    // reported again.
    let mut misspelt = Vec::new();
    for (k, _) in &pairs.0 {
        if !keys.contains(&k.as_str()) {
            let kind = DiagnosticKind::unknown_key(k, keys);
            if let DiagnosticKind::UnknownKey {
                suggestion: Some(meant),
                ..
            } = &kind
            {
                misspelt.push(meant.clone());
            }
            errors.push((Some(k.clone()), kind));
        }
    }
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        match pairs.0.iter().find(|(k, _)| k == key) {
            Some((_, RawValue::Number(v))) if v.is_finite() => values.push(*v),
            Some((_, other)) => errors.push((Some((*key).to_owned()), DiagnosticKind::NonFinite(other.to_string()))),
            None if misspelt.iter().any(|m| m == key) => {}
            None => errors.push((None, DiagnosticKind::MissingCurveKey((*key).to_owned()))),
        }
    }
    if errors.is_empty() { Ok(values) } else { Err(errors) }
}
