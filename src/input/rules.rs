//! The rules for one value, shared by the YAML validator and the CSV
//! reader: what a valid id, number, judgment or score cell is. A leaf:
//! depends only on the model and the diagnostics.

use super::Leaf;
use super::diagnostic::{DiagnosticKind, nearest};
use super::raw::RawValue;

/// Longest alternative id accepted.
const MAX_ALTERNATIVE_ID: usize = 64;

/// Saaty's scale runs from 1/9 to 9; values outside are allowed with a
/// warning.
pub(crate) const SCALE_MAX: f64 = 9.0;

pub(crate) fn valid_criterion_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

pub(crate) fn valid_alternative_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ALTERNATIVE_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.')
}

/// A finite number, from a YAML number or a numeric string.
pub(crate) fn number(value: &RawValue) -> Result<f64, DiagnosticKind> {
    match value {
        RawValue::Number(v) if v.is_finite() => Ok(*v),
        RawValue::Number(v) => Err(DiagnosticKind::NonFinite(yaml_spelling(*v))),
        RawValue::Text(text) => match text.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            Ok(v) if v.is_nan() || text.to_ascii_lowercase().contains("inf") => {
                Err(DiagnosticKind::NonFinite(excerpt(text)))
            }
            Ok(_) => Err(DiagnosticKind::OutOfRange(excerpt(text))),
            Err(_) => Err(DiagnosticKind::NotANumber(format!("`{}`", excerpt(text)))),
        },
        RawValue::Map(_) => Err(DiagnosticKind::NotANumber("a mapping".into())),
        RawValue::List(_) => Err(DiagnosticKind::NotANumber("a list".into())),
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
pub(crate) fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// A judgment value: a positive number or a fraction string like "1/3".
pub(crate) fn judgment(value: &RawValue) -> Result<f64, DiagnosticKind> {
    let v = match value {
        RawValue::Text(text) if text.contains('/') => {
            let (a, b) = text.split_once('/').expect("checked for '/'");
            match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
                (Ok(a), Ok(b)) if a.is_finite() && b.is_finite() && b != 0.0 => a / b,
                _ => return Err(DiagnosticKind::BadJudgment(excerpt(text))),
            }
        }
        RawValue::Text(text) if text.trim().parse::<f64>().is_err() => {
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
pub(crate) fn level_value<'l>(leaf: &'l Leaf, criterion: &str, name: &str) -> Result<(f64, &'l str), DiagnosticKind> {
    match leaf.levels.iter().find(|(n, _)| n == name) {
        Some((n, v)) => Ok((*v, n)),
        None if leaf.levels.is_empty() => Err(DiagnosticKind::NoLevels {
            level: excerpt(name),
            criterion: criterion.to_owned(),
        }),
        None => Err(DiagnosticKind::UnknownLevel {
            level: excerpt(name),
            criterion: criterion.to_owned(),
            suggestion: nearest(name, leaf.levels.iter().map(|(n, _)| n.as_str())),
            levels: leaf.levels.iter().map(|(n, _)| n.clone()).collect(),
        }),
    }
}

/// `value` if it lies within the leaf's scale (when it has one).
pub(crate) fn in_scale(leaf: &Leaf, criterion: &str, value: f64) -> Result<f64, DiagnosticKind> {
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
