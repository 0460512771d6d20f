//! Screening: hard rules that reject alternatives before ranking.
//!
//! The first step of proposal screening: a proposal that breaks a hard
//! limit (too risky to carry alone, too costly, unrelated to the business)
//! is set aside, never silently dropped: each rejected alternative is
//! returned with every rule it broke.

use std::fmt;

use crate::problem::{Bound, Problem, ScreeningRule};

/// An alternative that broke a rule, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Breach {
    /// The leaf criterion.
    pub criterion: String,
    /// The alternative's raw value.
    pub value: f64,
    /// The level name of that value, if the leaf has one for it.
    pub value_level: Option<String>,
    /// Which bound, `min` or `max`.
    pub side: Side,
    /// The bound broken.
    pub bound: Bound,
}

/// Which side of a rule was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The value is below `min`.
    Min,
    /// The value is above `max`.
    Max,
}

impl fmt::Display for Breach {
    /// `risk 9 > max 8`, or with levels `relatedness 1 (none) < min 3 (low)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.criterion, self.value)?;
        if let Some(level) = &self.value_level {
            write!(f, " ({level})")?;
        }
        let (op, side) = match self.side {
            Side::Min => ("<", "min"),
            Side::Max => (">", "max"),
        };
        write!(f, " {op} {side} {}", self.bound.value)?;
        if let Some(level) = &self.bound.level {
            write!(f, " ({level})")?;
        }
        Ok(())
    }
}

/// The outcome of screening.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Screening {
    /// Indices of the alternatives that passed, in input order.
    pub kept: Vec<usize>,
    /// Rejected alternatives with every rule each broke, in input order.
    pub rejected: Vec<(usize, Vec<Breach>)>,
}

/// Applies every rule of `problem` to every alternative. Bounds are
/// inclusive and compare the raw score.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: s
/// criteria: [{id: risk, direction: cost}]
/// screening: [{criterion: risk, max: 8}]
/// alternatives:
///   - {id: a, scores: {risk: 8}}
///   - {id: b, scores: {risk: 9}}
/// "#, "s.yaml").unwrap();
/// let s = innorank::screening::screen(&p);
/// assert_eq!(s.kept, vec![0]);
/// assert_eq!(s.rejected[0].1[0].to_string(), "risk 9 > max 8");
/// ```
pub fn screen(problem: &Problem) -> Screening {
    if problem.screening.is_empty() {
        return Screening {
            kept: (0..problem.alternatives.len()).collect(),
            rejected: Vec::new(),
        };
    }
    let mut screening = Screening::default();
    for row in 0..problem.alternatives.len() {
        let breaches: Vec<Breach> = problem
            .screening
            .iter()
            .flat_map(|rule| breaches(problem, rule, row))
            .collect();
        if breaches.is_empty() {
            screening.kept.push(row);
        } else {
            screening.rejected.push((row, breaches));
        }
    }
    screening
}

fn breaches(problem: &Problem, rule: &ScreeningRule, row: usize) -> Vec<Breach> {
    let value = problem.scores.get(row, rule.column);
    let level = || {
        problem
            .criteria
            .leaf(&rule.criterion)
            .and_then(|(_, leaf)| leaf.level_name(value))
            .map(str::to_owned)
    };
    let mut out = Vec::new();
    if let Some(min) = rule.min.as_ref().filter(|b| value < b.value) {
        out.push(Breach {
            criterion: rule.criterion.clone(),
            value,
            value_level: level(),
            side: Side::Min,
            bound: min.clone(),
        });
    }
    if let Some(max) = rule.max.as_ref().filter(|b| value > b.value) {
        out.push(Breach {
            criterion: rule.criterion.clone(),
            value,
            value_level: level(),
            side: Side::Max,
            bound: max.clone(),
        });
    }
    out
}
