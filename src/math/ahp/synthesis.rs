//! AHP synthesis: the alternatives' overall scores from the leaves' global
//! weights and the alternatives' local priorities (see [`synthesize`]).

use serde::Serialize;

use super::{AhpOptions, PairwiseMatrix};
use crate::Direction;
use crate::math::ahp::MatrixError;

/// How leaves' local priorities are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Synthesis {
    /// Local priorities as they are (each leaf sums to 1); the default.
    #[default]
    Distributive,
    /// Local priorities divided by the leaf's best; rank-preserving when an
    /// alternative is added.
    Ideal,
}

crate::math::names::named_choices!(Synthesis, "synthesis", {
    Distributive => "distributive",
    Ideal => "ideal",
});

/// Local priorities of the alternatives from their scores under one leaf:
/// benefit `x_a / sum x`, cost `(1/x_a) / sum (1/x)`.
///
/// A benefit leaf takes scores `>= 0` (all zero: equal priorities, the leaf
/// separates nothing); a cost leaf needs them `> 0`.
///
/// Errors: a score outside those ranges or not finite
/// ([`MatrixError::NonPositiveScore`]), a target direction
/// ([`MatrixError::TargetScores`]), no scores ([`MatrixError::Empty`]).
///
/// ```
/// use innorank::{ahp::priorities_from_scores, Direction};
/// assert_eq!(priorities_from_scores(&[1.0, 3.0], &Direction::Benefit).unwrap(), vec![0.25, 0.75]);
/// assert_eq!(priorities_from_scores(&[1.0, 3.0], &Direction::Cost).unwrap(), vec![0.75, 0.25]);
/// assert!(priorities_from_scores(&[0.0, 3.0], &Direction::Cost).is_err());
/// ```
///
/// # Errors
///
/// [`MatrixError::NonPositiveScore`] for a negative score under a benefit
/// criterion or a score that is not positive under a cost criterion;
/// [`MatrixError::TargetScores`] for a target direction.
pub fn priorities_from_scores(scores: &[f64], direction: &Direction) -> Result<Vec<f64>, MatrixError> {
    if scores.is_empty() {
        return Err(MatrixError::Empty);
    }
    let usable = |x: f64| match direction {
        Direction::Cost => x.is_finite() && x > 0.0,
        _ => x.is_finite() && x >= 0.0,
    };
    if let Some((index, &value)) = scores.iter().enumerate().find(|(_, x)| !usable(**x)) {
        return Err(MatrixError::NonPositiveScore { index, value });
    }
    // Scaled first so that any finite scores give finite priorities: a
    // benefit score as `x / max x`, a cost score as `min x / x`, each in
    // [0, 1]. The ratios are unchanged, and neither a sum of scores near
    // f64::MAX nor the reciprocal of a subnormal cost can overflow.
    let values: Vec<f64> = match direction {
        Direction::Benefit => {
            let max = scores.iter().copied().fold(0.0, f64::max);
            if max == 0.0 {
                // Every alternative scores 0 here: the leaf does not separate them.
                return Ok(vec![1.0 / scores.len() as f64; scores.len()]);
            }
            scores.iter().map(|x| x / max).collect()
        }
        Direction::Cost => {
            let min = scores.iter().copied().fold(f64::INFINITY, f64::min);
            scores.iter().map(|x| min / x).collect()
        }
        Direction::Target(_) => return Err(MatrixError::TargetScores),
    };
    let sum: f64 = values.iter().sum();
    if sum == 0.0 {
        // Every alternative scores 0 here: the leaf does not separate them.
        return Ok(vec![1.0 / values.len() as f64; values.len()]);
    }
    Ok(values.into_iter().map(|v| v / sum).collect())
}

/// One leaf criterion: its global weight and the alternatives' local
/// priorities under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeafPriorities {
    /// The leaf's global weight (product of local weights along its path).
    pub weight: f64,
    /// The alternatives' local priorities, in alternative order.
    pub local: Vec<f64>,
}

impl LeafPriorities {
    /// Local priorities from scores ([`priorities_from_scores`]).
    ///
    /// # Errors
    ///
    /// As [`priorities_from_scores`].
    pub fn from_scores(weight: f64, scores: &[f64], direction: &Direction) -> Result<Self, MatrixError> {
        Ok(LeafPriorities {
            weight,
            local: priorities_from_scores(scores, direction)?,
        })
    }

    /// Local priorities from a pairwise comparison matrix of the
    /// alternatives, derived as `options` say.
    pub fn from_matrix(weight: f64, matrix: &PairwiseMatrix, options: &AhpOptions) -> Self {
        LeafPriorities {
            weight,
            local: matrix.priorities_with_options(options).weights,
        }
    }
}

/// The alternatives' overall scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisScores {
    /// The mode used.
    #[serde(serialize_with = "serialize_name")]
    pub mode: Synthesis,
    /// `sum_l W_l p_l(a)` (with `p_l` divided by its maximum in ideal mode).
    pub raw: Vec<f64>,
    /// `raw` divided by its sum.
    pub normalized: Vec<f64>,
}

fn serialize_name<S: serde::Serializer>(mode: &Synthesis, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(mode.name())
}

/// Combines the leaves' local priorities into global scores.
///
/// Local priorities of the alternatives under a leaf criterion come either
/// from a pairwise comparison matrix of the alternatives
/// ([`LeafPriorities::from_matrix`]) or from their scores
/// ([`priorities_from_scores`]): a benefit score `x` gives `x / sum x`, a cost
/// score `(1/x) / sum (1/x)` (ratio-scale scores, so they must be positive).
///
/// The global score of alternative `a` is `sum_l W_l p_l(a)` over the leaves
/// `l`, `W_l` the leaf's global weight and `p_l` its local priorities
/// ([`Synthesis`]):
///
/// * [`Synthesis::Distributive`] (default) uses the local priorities as they
///   are (summing to 1 under each leaf). Adding or removing an alternative
///   changes every other alternative's share and can reverse their ranks
///   (Belton & Gear 1983, "On a short-coming of Saaty's method of analytic
///   hierarchies", *Omega* 11(3), 228-230).
/// * [`Synthesis::Ideal`] divides each leaf's local priorities by their
///   largest value first, so the best alternative under a leaf scores 1 and
///   adding an alternative that is not better than the ideal leaves the other
///   alternatives' scores unchanged (Belton & Gear 1983; Saaty 1994,
///   *Fundamentals of Decision Making and Priority Theory*; Millet & Saaty
///   2000, "On the relativity of relative measures - accommodating both rank
///   preservation and rank reversals in the AHP", *EJOR* 121(1), 205-212).
///
/// Both raw scores and scores normalised to sum 1 are reported (for the
/// distributive mode with leaf weights and local priorities each summing to 1
/// they coincide).
///
/// Errors: no leaves or no alternatives ([`MatrixError::Empty`]); leaves of
/// different lengths ([`MatrixError::LeafLength`]); a negative or non-finite
/// leaf weight ([`MatrixError::InvalidLeafWeight`]); a negative or non-finite
/// local priority, or a leaf whose priorities are all 0
/// ([`MatrixError::InvalidLocalPriority`]).
///
/// ```
/// use innorank::ahp::{synthesize, LeafPriorities, Synthesis};
/// let leaves = [
///     LeafPriorities { weight: 0.5, local: vec![0.8, 0.2] },
///     LeafPriorities { weight: 0.5, local: vec![0.25, 0.75] },
/// ];
/// let d = synthesize(&leaves, Synthesis::Distributive).unwrap();
/// assert!((d.raw[0] - 0.525).abs() < 1e-12);
/// let i = synthesize(&leaves, Synthesis::Ideal).unwrap();
/// // (0.5 * 1 + 0.5 * 1/3, 0.5 * 1/4 + 0.5 * 1)
/// assert!((i.raw[0] - 2.0 / 3.0).abs() < 1e-12);
/// assert!((i.normalized.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// ```
///
/// # Errors
///
/// A [`MatrixError`]: leaves of different lengths
/// ([`MatrixError::LeafLength`]), a negative or non-finite leaf weight, or
/// local priorities that are negative, non-finite or all zero.
pub fn synthesize(leaves: &[LeafPriorities], mode: Synthesis) -> Result<SynthesisScores, MatrixError> {
    let Some(first) = leaves.first() else {
        return Err(MatrixError::Empty);
    };
    let m = first.local.len();
    if m == 0 {
        return Err(MatrixError::Empty);
    }
    let mut raw = vec![0.0; m];
    for (leaf, l) in leaves.iter().enumerate() {
        if l.local.len() != m {
            return Err(MatrixError::LeafLength {
                leaf,
                len: l.local.len(),
                expected: m,
            });
        }
        if !(l.weight.is_finite() && l.weight >= 0.0) {
            return Err(MatrixError::InvalidLeafWeight { leaf, value: l.weight });
        }
        if let Some((index, &value)) = l.local.iter().enumerate().find(|(_, p)| !(p.is_finite() && **p >= 0.0)) {
            return Err(MatrixError::InvalidLocalPriority { leaf, index, value });
        }
        let best = l.local.iter().copied().fold(0.0, f64::max);
        if best == 0.0 {
            return Err(MatrixError::InvalidLocalPriority {
                leaf,
                index: 0,
                value: 0.0,
            });
        }
        let scale = match mode {
            Synthesis::Distributive => 1.0,
            Synthesis::Ideal => 1.0 / best,
        };
        for (r, p) in raw.iter_mut().zip(&l.local) {
            *r += l.weight * p * scale;
        }
    }
    let total: f64 = raw.iter().sum();
    let normalized = if total > 0.0 {
        raw.iter().map(|r| r / total).collect()
    } else {
        vec![1.0 / m as f64; m]
    };
    Ok(SynthesisScores { mode, raw, normalized })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_must_be_positive_and_not_a_target() {
        assert_eq!(
            priorities_from_scores(&[1.0, -2.0], &Direction::Cost),
            Err(MatrixError::NonPositiveScore { index: 1, value: -2.0 })
        );
        assert!(matches!(
            priorities_from_scores(&[1.0, f64::NAN], &Direction::Benefit),
            Err(MatrixError::NonPositiveScore { index: 1, .. })
        ));
        // Zero is a valid benefit score, not a valid cost.
        assert_eq!(
            priorities_from_scores(&[0.0, 2.0], &Direction::Benefit),
            Ok(vec![0.0, 1.0])
        );
        assert_eq!(
            priorities_from_scores(&[0.0, 0.0], &Direction::Benefit),
            Ok(vec![0.5, 0.5])
        );
        assert!(priorities_from_scores(&[0.0, 2.0], &Direction::Cost).is_err());
        assert_eq!(
            priorities_from_scores(&[1.0, 2.0], &Direction::Target(1.5)),
            Err(MatrixError::TargetScores)
        );
        assert_eq!(
            priorities_from_scores(&[], &Direction::Benefit),
            Err(MatrixError::Empty)
        );
    }

    #[test]
    fn extreme_finite_scores_give_finite_priorities() {
        // x / sum x would overflow the sum; 1 / 5e-324 overflows.
        let benefit = priorities_from_scores(&[1e308, 1.5e308, 5e-324], &Direction::Benefit).unwrap();
        assert!((benefit[0] - 0.4).abs() < 1e-15 && (benefit[1] - 0.6).abs() < 1e-15);
        let cost = priorities_from_scores(&[5e-324, 1e-323, 1e308], &Direction::Cost).unwrap();
        assert!((cost[0] - 2.0 / 3.0).abs() < 1e-15 && (cost[1] - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(cost[2], 0.0);
        for p in benefit.iter().chain(&cost) {
            assert!(p.is_finite());
        }
    }

    #[test]
    fn cost_priorities_are_the_normalised_reciprocals() {
        let p = priorities_from_scores(&[2.0, 4.0, 4.0], &Direction::Cost).unwrap();
        assert_eq!(p, vec![0.5, 0.25, 0.25]);
    }

    #[test]
    fn matrix_leaf_uses_the_matrix_priorities() {
        let m = PairwiseMatrix::from_judgments(2, &[(0, 1, 3.0)]).unwrap();
        let leaf = LeafPriorities::from_matrix(0.4, &m, &AhpOptions::default());
        assert!((leaf.local[0] - 0.75).abs() < 1e-12);
        assert_eq!(leaf.weight, 0.4);
    }

    #[test]
    fn invalid_leaves_are_typed_errors() {
        let ok = LeafPriorities {
            weight: 1.0,
            local: vec![0.5, 0.5],
        };
        assert_eq!(synthesize(&[], Synthesis::Ideal), Err(MatrixError::Empty));
        let short = LeafPriorities {
            weight: 1.0,
            local: vec![1.0],
        };
        assert_eq!(
            synthesize(&[ok.clone(), short], Synthesis::Ideal),
            Err(MatrixError::LeafLength {
                leaf: 1,
                len: 1,
                expected: 2
            })
        );
        let negative = LeafPriorities {
            weight: -0.1,
            local: vec![0.5, 0.5],
        };
        assert!(matches!(
            synthesize(&[ok.clone(), negative], Synthesis::Distributive),
            Err(MatrixError::InvalidLeafWeight { leaf: 1, .. })
        ));
        let zeros = LeafPriorities {
            weight: 0.5,
            local: vec![0.0, 0.0],
        };
        assert!(matches!(
            synthesize(&[ok, zeros], Synthesis::Ideal),
            Err(MatrixError::InvalidLocalPriority { leaf: 1, .. })
        ));
    }

    #[test]
    fn distributive_raw_equals_normalised_for_normalised_inputs() {
        let leaves = [
            LeafPriorities {
                weight: 0.3,
                local: vec![0.2, 0.3, 0.5],
            },
            LeafPriorities {
                weight: 0.7,
                local: vec![0.6, 0.3, 0.1],
            },
        ];
        let s = synthesize(&leaves, Synthesis::Distributive).unwrap();
        for (r, n) in s.raw.iter().zip(&s.normalized) {
            assert!((r - n).abs() < 1e-15);
        }
    }

    #[test]
    fn names_round_trip() {
        for m in Synthesis::ALL {
            assert_eq!(m.name().parse::<Synthesis>(), Ok(m));
        }
    }
}
