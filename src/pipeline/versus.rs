//! The head-to-head of two ranked alternatives: why one ranks above the
//! other, criterion by criterion.
//!
//! Per leaf criterion j with global weight w_j, each alternative's *gap*
//! is how far it stands from the ideal on that criterion, in the units the
//! method scores in:
//!
//! - TOPSIS: the weighted normalised distance to the ideal value,
//!   `w_j |r_ij - r_j^+|` (Hwang & Yoon 1981); its squares summed give
//!   `D+^2`.
//! - AHP: the weighted shortfall from the best local priority among the
//!   survivors, `w_j (max_k p_kj - p_ij)` (Saaty 1980): the share of the
//!   synthesis the alternative gives up on that criterion.
//!
//! The alternative with the smaller gap is the closer to the ideal; the
//! difference of the gaps says by how much.

use crate::Error;
use crate::pipeline::rank::RankReport;
use crate::pipeline::scoring::Scorer;

/// Why two alternatives cannot be compared.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VersusError {
    /// The id names no ranked alternative (unknown, or screened out).
    #[error("`{id}` is not ranked (unknown id, or screened out)")]
    NotRanked {
        /// The id asked for.
        id: String,
    },
    /// Fewer than two alternatives were ranked.
    #[error("a head-to-head needs two ranked alternatives; {count} ranked")]
    TooFew {
        /// The number ranked.
        count: usize,
    },
    /// Scoring the survivors failed as ranking them would.
    #[error(transparent)]
    Rank(#[from] Error),
}

/// One criterion of a [`HeadToHead`].
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The leaf's id.
    pub criterion: String,
    /// Its global weight.
    pub weight: f64,
    /// The first alternative's gap to the ideal (see the module docs).
    pub gap_a: f64,
    /// The second alternative's gap.
    pub gap_b: f64,
}

impl Edge {
    /// `gap_b - gap_a`: positive when the first alternative is closer to
    /// the ideal, negative when the second is, 0 on a draw.
    pub fn advantage(&self) -> f64 {
        self.gap_b - self.gap_a
    }
}

/// Two ranked alternatives compared criterion by criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadToHead {
    /// The first alternative (index in the problem's alternatives).
    pub a: usize,
    /// The second alternative.
    pub b: usize,
    /// Their scores as ranked.
    pub scores: (f64, f64),
    /// Their ranks.
    pub ranks: (usize, usize),
    /// One entry per leaf, in column order.
    pub edges: Vec<Edge>,
}

/// The head-to-head of the ranked alternatives `a` and `b` (ids), or of
/// the top two when `pair` is `None`.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: v
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 5}}
///   - {id: b, scores: {cost: 4, gain: 6}}
/// "#, "v.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let h = innorank::pipeline::head_to_head(&report, None).unwrap();
/// // a wins on cost by far and loses on gain by a little.
/// assert_eq!(p.alternatives().id(h.a), "a");
/// assert!(h.edges[0].advantage() > 0.0 && h.edges[1].advantage() < 0.0);
/// ```
///
/// # Errors
///
/// [`VersusError::NotRanked`] for an id that is not ranked,
/// [`VersusError::TooFew`] when fewer than two are ranked, or what
/// [`crate::rank`] would return when scoring the survivors.
pub fn head_to_head(report: &RankReport<'_>, pair: Option<(&str, &str)>) -> Result<HeadToHead, VersusError> {
    let ranked: Vec<(usize, usize, f64)> = report.ranking.iter().map(|r| (r.index, r.rank, r.score)).collect();
    if ranked.len() < 2 {
        return Err(VersusError::TooFew { count: ranked.len() });
    }
    let find = |id: &str| {
        ranked
            .iter()
            .position(|&(i, _, _)| report.problem.alternatives().id(i) == id)
            .ok_or_else(|| VersusError::NotRanked { id: id.to_owned() })
    };
    let (pa, pb) = match pair {
        Some((a, b)) => (find(a)?, find(b)?),
        None => (0, 1),
    };
    let rows: Vec<usize> = ranked.iter().map(|&(i, _, _)| i).collect();
    let scorer = Scorer::new(report.problem, &report.options, &rows)?;
    let gaps = |p: usize| gaps(&scorer, p, report.weights.leaves.as_slice());
    let (ga, gb) = (gaps(pa), gaps(pb));
    let edges = report
        .leaf_weights()
        .zip(ga.into_iter().zip(gb))
        .map(|((id, weight), (gap_a, gap_b))| Edge {
            criterion: id.to_owned(),
            weight,
            gap_a,
            gap_b,
        })
        .collect();
    Ok(HeadToHead {
        a: ranked[pa].0,
        b: ranked[pb].0,
        scores: (ranked[pa].2, ranked[pb].2),
        ranks: (ranked[pa].1, ranked[pb].1),
        edges,
    })
}

/// Alternative `p`'s (position in the scorer) weighted gap to the ideal
/// on every leaf.
fn gaps(scorer: &Scorer, p: usize, weights: &[f64]) -> Vec<f64> {
    if let Some(d) = scorer.deviations() {
        return d.plus(p).iter().zip(weights).map(|(sq, w)| w * sq.sqrt()).collect();
    }
    let mut best = vec![0.0f64; weights.len()];
    for k in 0..scorer.len() {
        for (b, &x) in best.iter_mut().zip(scorer.local_priorities(k).unwrap_or_default()) {
            *b = b.max(x);
        }
    }
    let mine = scorer.local_priorities(p).unwrap_or_default();
    weights
        .iter()
        .zip(best)
        .zip(mine)
        .map(|((w, best), x)| w * (best - x))
        .collect()
}
