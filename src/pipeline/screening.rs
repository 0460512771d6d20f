//! Screening: hard rules that reject alternatives before ranking.
//!
//! The first step of proposal screening: a proposal that breaks a hard
//! limit (too risky to carry alone, too costly, unrelated to the business)
//! is set aside, never silently dropped: each rejected alternative is
//! returned with every rule it broke.

use std::fmt;

use crate::model::{Bound, Problem, ScreeningRule};
use crate::readable::Readable;

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
        write!(f, "{} {}", self.criterion, Readable(self.value))?;
        if let Some(level) = &self.value_level {
            write!(f, " ({level})")?;
        }
        let (op, side) = match self.side {
            Side::Min => ("<", "min"),
            Side::Max => (">", "max"),
        };
        write!(f, " {op} {side} {}", Readable(self.bound.value))?;
        if let Some(level) = &self.bound.level {
            write!(f, " ({level})")?;
        }
        Ok(())
    }
}

/// The outcome of screening: indices only, so that screening a million
/// alternatives costs a few megabytes; [`breaches`] tells why one was
/// rejected.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Screening {
    /// Indices of the alternatives that passed, in input order.
    pub kept: Vec<usize>,
    /// Indices of the rejected alternatives, in input order.
    pub rejected: Vec<usize>,
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
/// let s = innorank::pipeline::screening::screen(&p);
/// assert_eq!((s.kept, s.rejected), (vec![0], vec![1]));
/// assert_eq!(innorank::pipeline::screening::breaches(&p, 1)[0].to_string(), "risk 9 > max 8");
/// ```
pub fn screen(problem: &Problem) -> Screening {
    let mut screening = Screening::default();
    if problem.screening.is_empty() {
        screening.kept = (0..problem.alternatives.len()).collect();
        return screening;
    }
    for row in 0..problem.alternatives.len() {
        let passes = problem
            .screening
            .iter()
            .all(|rule| broken(rule, problem.scores.get(row, rule.column)).next().is_none());
        if passes {
            screening.kept.push(row);
        } else {
            screening.rejected.push(row);
        }
    }
    screening
}

/// Every rule alternative `row` of `problem` breaks, in rule order (empty
/// if it passes).
pub fn breaches(problem: &Problem, row: usize) -> Vec<Breach> {
    problem
        .screening
        .iter()
        .flat_map(|rule| rule_breaches(problem, rule, row))
        .collect()
}

/// The bounds of `rule` that `value` breaks.
fn broken(rule: &ScreeningRule, value: f64) -> impl Iterator<Item = (Side, &Bound)> {
    let min = rule.min.as_ref().filter(|b| value < b.value).map(|b| (Side::Min, b));
    let max = rule.max.as_ref().filter(|b| value > b.value).map(|b| (Side::Max, b));
    min.into_iter().chain(max)
}

fn rule_breaches<'r>(problem: &'r Problem, rule: &'r ScreeningRule, row: usize) -> impl Iterator<Item = Breach> + 'r {
    let value = problem.scores.get(row, rule.column);
    let level = problem
        .criteria
        .leaf(&rule.criterion)
        .and_then(|(_, leaf)| leaf.level_name(value));
    broken(rule, value).map(move |(side, bound)| Breach {
        criterion: rule.criterion.clone(),
        value,
        value_level: level.map(str::to_owned),
        side,
        bound: bound.clone(),
    })
}
