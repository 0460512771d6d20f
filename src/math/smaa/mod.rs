//! Stochastic Multicriteria Acceptability Analysis (SMAA): how often each
//! alternative takes each rank when the weights (and uncertain scores) are
//! drawn at random instead of fixed.
//!
//! Lahdelma & Salminen 2001, "SMAA-2: Stochastic multicriteria
//! acceptability analysis for group decision making", *Operations
//! Research* 49(3), 444-454; the computations as in Tervonen & Lahdelma
//! 2007, "Implementing stochastic multicriteria acceptability analysis",
//! *EJOR* 178(2), 500-513. With `N` draws, for alternative `i`:
//!
//! - rank acceptability `b_i^r`: the share of draws that rank `i` at `r`;
//!   ties in a draw take competition ranks (all tied share the best), as
//!   the R package `smaa` does, so every row sums to 1 over all ranks;
//!   its standard error `sqrt(b (1 - b) / N)`;
//! - mean rank, and the rank quantiles `p05` / `p95`: the smallest `r`
//!   with at least 5 % / 95 % of the draws at rank `r` or better;
//! - holistic acceptability with linear meta-weights,
//!   `1 - (mean rank - 1) / (m - 1)` (1 when `m = 1`);
//! - central weight vector: the mean weights of the draws that rank `i`
//!   first;
//! - pairwise winning index `c_ik`: the share of draws where `i` ranks
//!   strictly above `k`;
//! - choice entropy `-sum_i b_i^1 log2 b_i^1` of the first-rank shares.
//!
//! [`simulate`] runs the draws in parallel and counts in integers (weight
//! sums in fixed point), so its result is the same, bit for bit, on any
//! number of threads. Memory is `O(m (R + n))` (`m` alternatives, `R`
//! ranks counted, `n` leaves; plus `m^2` counts with pairwise indices, and
//! `m^2` rank counts up to 1,024 alternatives): beyond 1,024 alternatives
//! the rank quantiles are found exactly by narrowing, in a few more passes
//! over the same draws.

mod closeness;
mod ranker;
mod rng;
mod sample;
mod tally;

use rayon::prelude::*;

pub(crate) use closeness::ClosenessKernel;

use ranker::Ranker;
pub use rng::{DrawRng, Purpose};
pub use sample::{Ordinal, SAATY_SCALE, log_uniform, saaty_spread, uniform_simplex};
use tally::{FIXED_ONE, Tally, Windows};

/// The size of a simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmaaConfig {
    /// The number of draws, at least 1 and at most `u32::MAX`.
    pub draws: u64,
    /// The number of alternatives ranked in each draw.
    pub alternatives: usize,
    /// The number of weights in each draw.
    pub leaves: usize,
    /// The ranks whose acceptability is counted (`1..=ranks`), at least 1.
    pub ranks: usize,
    /// Whether to count the pairwise winning indices (`m^2` counts).
    pub pairwise: bool,
}

/// The counts of a simulation and the SMAA estimators computed from them.
#[derive(Debug, Clone)]
pub struct Smaa {
    draws: u64,
    tally: Tally,
    quantiles: Vec<Option<u32>>,
}

/// Runs `config.draws` draws: `draw(k, weights, scores)` fills draw `k`'s
/// weight vector (one per leaf) and the alternatives' scores under it
/// (higher is better); each is ranked and counted. `draw` must depend on
/// `k` only (not on the order of calls) for the result to be reproducible.
/// `progress` is told, now and then, how many more draws are done; when
/// the rank quantiles need narrowing passes (over 1,024 alternatives) the
/// draws are made again, so the total can exceed `draws`.
///
/// ```
/// use innorank::smaa::{DrawRng, Purpose, SmaaConfig, simulate, uniform_simplex};
/// // Two alternatives: a scores w_0, b scores w_1; uniform weights.
/// let config = SmaaConfig { draws: 4000, alternatives: 2, leaves: 2, ranks: 2, pairwise: true };
/// let smaa = simulate(&config, |k, w, s| {
///     uniform_simplex(&mut DrawRng::new(0, k, Purpose::Weights), w);
///     s.copy_from_slice(w);
///     Ok::<(), ()>(())
/// }, &|_| {}).unwrap();
/// let b1 = smaa.acceptability(0)[0];
/// assert!((b1 - 0.5).abs() < 4.0 * smaa.standard_error(b1));
/// // a wins exactly when w_0 > 1/2: its central weights average 3/4.
/// let central = smaa.central_weights(0).unwrap();
/// assert!((central[0] - 0.75).abs() < 0.02);
/// assert_eq!(smaa.pairwise(0, 1), Some(b1));
/// ```
///
/// # Errors
///
/// The first error `draw` returns (in draw order within a thread).
///
/// # Panics
///
/// If `config.draws` is 0 or above `u32::MAX`, or `config.ranks` is 0.
pub fn simulate<E, F>(config: &SmaaConfig, draw: F, progress: &(dyn Fn(u64) + Sync)) -> Result<Smaa, E>
where
    E: Send,
    F: Fn(u64, &mut [f64], &mut [f64]) -> Result<(), E> + Sync,
{
    assert!(
        config.draws >= 1 && config.draws <= u64::from(u32::MAX),
        "1 to 2^32 - 1 draws"
    );
    assert!(config.ranks >= 1, "at least one rank counted");
    let mut windows = Windows::new(config.alternatives);
    let mut tally = pass(config, &draw, progress, &windows, true)?;
    tally.settle();
    windows.narrow(&tally, config.draws);
    while !windows.done() {
        let narrowing = pass(config, &draw, progress, &windows, false)?;
        tally.below = narrowing.below;
        tally.buckets = narrowing.buckets;
        windows.narrow(&tally, config.draws);
    }
    Ok(Smaa {
        draws: config.draws,
        tally,
        quantiles: windows.found,
    })
}

/// Blocks of draws per thread when tallies are small.
const BLOCKS_PER_THREAD: u64 = 2;

/// Draws every draw once, split into contiguous blocks, each counted in
/// its own tally.
fn pass<E, F>(
    config: &SmaaConfig,
    draw: &F,
    progress: &(dyn Fn(u64) + Sync),
    windows: &Windows,
    full: bool,
) -> Result<Tally, E>
where
    E: Send,
    F: Fn(u64, &mut [f64], &mut [f64]) -> Result<(), E> + Sync,
{
    const REPORT_EVERY: u64 = 256;
    // Several blocks per thread let idle threads take over work when a core
    // is busy elsewhere; each block has its own tally, so only while
    // tallies are small (dense histograms, at most 1,024 alternatives).
    let per_thread = if windows.dense { BLOCKS_PER_THREAD } else { 1 };
    let blocks = (rayon::current_num_threads() as u64 * per_thread).clamp(1, config.draws);
    let (m, n) = (config.alternatives, config.leaves);
    (0..blocks)
        .into_par_iter()
        .map(|b| {
            let range = (b * config.draws / blocks)..((b + 1) * config.draws / blocks);
            let mut tally = Tally::new(m, config.ranks, n, config.pairwise, full, windows);
            let (mut weights, mut scores, mut ranker) = (vec![0.0; n], vec![0.0; m], Ranker::default());
            for (done, k) in range.enumerate() {
                draw(k, &mut weights, &mut scores)?;
                ranker.rank(&scores);
                tally.add(&ranker, &weights, windows);
                if (done as u64 + 1).is_multiple_of(REPORT_EVERY) {
                    progress(REPORT_EVERY);
                }
            }
            tally.flush();
            Ok(tally)
        })
        // Tallies merge pairwise on the threads as they finish (integer
        // counts: any order gives the same sums).
        .try_reduce_with(|mut total, t| {
            total.merge(&t);
            Ok(total)
        })
        .expect("at least one block")
}

impl Smaa {
    /// The number of draws.
    pub fn draws(&self) -> u64 {
        self.draws
    }

    /// The number of alternatives.
    pub fn alternatives(&self) -> usize {
        self.tally.m
    }

    /// Alternative `i`'s rank acceptabilities `b^1 ..= b^R`.
    pub fn acceptability(&self, i: usize) -> Vec<f64> {
        let r = self.tally.ranks;
        let n = self.draws as f64;
        self.tally.counts[i * r..(i + 1) * r]
            .iter()
            .map(|&c| f64::from(c) / n)
            .collect()
    }

    /// The standard error of a share `b` of the draws: `sqrt(b (1 - b) /
    /// N)`.
    pub fn standard_error(&self, b: f64) -> f64 {
        (b * (1.0 - b) / self.draws as f64).max(0.0).sqrt()
    }

    /// Alternative `i`'s mean rank over the draws.
    pub fn mean_rank(&self, i: usize) -> f64 {
        self.tally.rank_sum[i] as f64 / self.draws as f64
    }

    /// Alternative `i`'s 5th and 95th percentile ranks: the smallest rank
    /// `r` such that at least 5 % (95 %) of the draws rank it at `r` or
    /// better.
    pub fn rank_quantiles(&self, i: usize) -> (u32, u32) {
        let at = |slot: usize| self.quantiles[slot].unwrap_or(self.tally.m as u32);
        (at(2 * i), at(2 * i + 1))
    }

    /// Alternative `i`'s holistic acceptability with linear meta-weights:
    /// `1 - (mean rank - 1) / (m - 1)`, 1 when only one alternative is
    /// ranked.
    pub fn holistic(&self, i: usize) -> f64 {
        let m = self.tally.m;
        if m <= 1 {
            return 1.0;
        }
        (1.0 - (self.mean_rank(i) - 1.0) / (m - 1) as f64).clamp(0.0, 1.0)
    }

    /// How many draws ranked `i` first (ties included).
    pub fn first_count(&self, i: usize) -> u32 {
        self.tally.counts[i * self.tally.ranks]
    }

    /// Alternative `i`'s central weight vector: the mean weights over the
    /// draws that rank it first (shared first places included); `None` if
    /// no draw does.
    pub fn central_weights(&self, i: usize) -> Option<Vec<f64>> {
        let count = f64::from(self.first_count(i));
        if count == 0.0 {
            return None;
        }
        let n = self.tally.leaves;
        let sums = &self.tally.first[i * n..(i + 1) * n];
        Some(sums.iter().map(|&s| s as f64 / FIXED_ONE / count).collect())
    }

    /// The pairwise winning index `c_ik`: the share of draws in which `i`
    /// ranks strictly above `k`; `None` when not counted.
    pub fn pairwise(&self, i: usize, k: usize) -> Option<f64> {
        let m = self.tally.m;
        let c = *self.tally.pairwise.get(i * m + k)?;
        Some(f64::from(c) / self.draws as f64)
    }

    /// The choice entropy `-sum_i b_i^1 log2 b_i^1` (0 log 0 = 0): 0 when
    /// one alternative always wins, `log2 m` when each wins equally often.
    pub fn choice_entropy(&self) -> f64 {
        let n = self.draws as f64;
        (0..self.tally.m)
            .map(|i| f64::from(self.first_count(i)) / n)
            .filter(|&b| b > 0.0)
            .map(|b| -b * b.log2())
            .sum::<f64>()
            .max(0.0)
            + 0.0 // no -0
    }
}
