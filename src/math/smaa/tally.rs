//! Counting what each draw says: ranks with ties, then per alternative the
//! counts the estimators of [`super::Smaa`] need, all integers so that
//! tallies merge exactly, in any order.

use rayon::prelude::*;

use super::ranker::Ranker;

/// The percentages whose rank quantiles are reported (`rank_p05`,
/// `rank_p95`).
pub(super) const QUANTILES: [u64; 2] = [5, 95];

/// Up to this many alternatives, one pass counts every rank exactly;
/// beyond, rank quantiles are narrowed in [`BUCKETS`]-wide passes.
pub(super) const DENSE: usize = 1024;

/// Buckets per quantile and alternative in a narrowing pass.
pub(super) const BUCKETS: usize = 64;

/// Weight sums are kept in fixed point, `w * 2^64` as an integer: exact
/// and order-free addition (so any number of threads gives the same
/// bits), at a cost of at most `2^-64` per draw.
pub(super) const FIXED_ONE: f64 = 18_446_744_073_709_551_616.0;

/// Where each alternative's rank quantiles are searched: per alternative
/// and quantile, `BUCKETS` (or `m`) buckets of `step` ranks from `lo`.
#[derive(Debug, Clone)]
pub(super) struct Windows {
    /// Every rank has its own count (`m <= DENSE`): one histogram per
    /// alternative serves both quantiles and the acceptabilities.
    pub(super) dense: bool,
    pub(super) buckets: usize,
    pub(super) lo: Vec<u32>,
    pub(super) step: Vec<u32>,
    /// The quantile once a bucket of one rank holds it.
    pub(super) found: Vec<Option<u32>>,
}

impl Windows {
    /// Every rank `1..=m` in view.
    pub(super) fn new(m: usize) -> Self {
        let dense = m <= DENSE;
        let buckets = if dense { m.max(1) } else { BUCKETS };
        let step = m.div_ceil(buckets).max(1) as u32;
        let slots = m * QUANTILES.len();
        Windows {
            dense,
            buckets,
            lo: vec![1; slots],
            step: vec![step; slots],
            found: vec![None; slots],
        }
    }

    /// Whether every quantile is found.
    pub(super) fn done(&self) -> bool {
        self.found.iter().all(Option::is_some)
    }

    /// Narrows each window to the bucket holding its quantile, from the
    /// counts of a pass over `draws` draws: the quantile `q` is the
    /// smallest rank `r` with at least `q %` of the draws at `r` or better.
    pub(super) fn narrow(&mut self, tally: &Tally, draws: u64) {
        let q = QUANTILES.len();
        let last = self.buckets - 1;
        let targets = QUANTILES.map(|p| p * draws);
        if self.dense {
            // One histogram per alternative (a row), shared by its
            // quantiles: one scan finds both; rows in parallel.
            let found: Vec<_> = tally
                .buckets
                .par_chunks(self.buckets)
                .map(|row| reach(row, 0, targets, last))
                .collect();
            for (i, buckets) in found.into_iter().enumerate() {
                for (k, bucket) in buckets.into_iter().enumerate() {
                    self.settle_window(i * q + k, bucket);
                }
            }
            return;
        }
        for i in 0..self.found.len() / q {
            for (slot, target) in (i * q..(i + 1) * q).zip(targets) {
                let counts = &tally.buckets[slot * self.buckets..(slot + 1) * self.buckets];
                let [bucket] = reach(counts, tally.below[slot], [target], last);
                self.settle_window(slot, bucket);
            }
        }
    }

    /// Moves window `slot`, unless found, to its `bucket`: found when one
    /// rank wide.
    fn settle_window(&mut self, slot: usize, bucket: usize) {
        if self.found[slot].is_some() {
            return;
        }
        let bucket = bucket as u32;
        let lo = self.lo[slot] + bucket * self.step[slot];
        if self.step[slot] == 1 {
            self.found[slot] = Some(lo);
        } else {
            self.lo[slot] = lo;
            self.step[slot] = self.step[slot].div_ceil(self.buckets as u32);
        }
    }
}

/// For each of `targets` (ascending, in draws x percent), the first index
/// where `100 (below + counts[..=index].sum())` reaches it; `last` when
/// none does. Counts sum to at most `u32::MAX` draws: `u64` holds 100
/// times that.
fn reach<const K: usize>(counts: &[u32], below: u32, targets: [u64; K], last: usize) -> [usize; K] {
    let mut found = [last; K];
    let (mut cumulative, mut k) = (u64::from(below), 0);
    for (index, &c) in counts.iter().enumerate() {
        cumulative += u64::from(c);
        while k < K && 100 * cumulative >= targets[k] {
            found[k] = index;
            k += 1;
        }
        if k == K {
            break;
        }
    }
    found
}

/// The counts of a set of draws. A `full` tally counts everything; a
/// narrowing pass counts the quantile buckets only.
#[derive(Debug, Clone)]
pub(super) struct Tally {
    pub(super) m: usize,
    pub(super) ranks: usize,
    pub(super) leaves: usize,
    /// `counts[i * ranks + r - 1]`: draws that put `i` at rank `r` (in
    /// dense mode filled from `buckets` by [`Tally::settle`]).
    pub(super) counts: Vec<u32>,
    pub(super) rank_sum: Vec<u64>,
    /// `first[i * leaves + j]`: fixed-point sum of weight `j` over the draws
    /// that put `i` first.
    pub(super) first: Vec<u128>,
    /// `pairwise[i * m + k]`: draws where `i` ranks strictly above `k`.
    pub(super) pairwise: Vec<u32>,
    /// Per quantile slot: draws ranking the alternative above its window.
    pub(super) below: Vec<u32>,
    /// Dense: `buckets[i * m + r - 1]`, draws that put `i` at rank `r`;
    /// else per quantile slot, the draws in each bucket of its window.
    pub(super) buckets: Vec<u32>,
    dense: bool,
    /// Dense: the ranks of up to [`BLOCK`] draws not yet in `buckets`,
    /// `pending[d * m + i]` (each draw's ranks written in one sweep);
    /// counted alternative by alternative, each row of `buckets` is then
    /// touched once per block rather than once per draw (a draw's ranks
    /// scatter over the whole histogram).
    pending: Vec<u16>,
    pending_draws: usize,
}

/// Draws whose ranks are held before they are counted in dense mode.
const BLOCK: usize = 1024;

/// Alternatives counted together in [`Tally::flush`]: one cache line of
/// pending ranks.
const TILE: usize = 32;

impl Tally {
    pub(super) fn new(m: usize, ranks: usize, leaves: usize, pairwise: bool, full: bool, windows: &Windows) -> Self {
        let size = |len: usize| if full { len } else { 0 };
        let rows = if windows.dense { m } else { windows.lo.len() };
        Tally {
            m,
            ranks,
            leaves,
            counts: vec![0; size(m * ranks)],
            rank_sum: vec![0; size(m)],
            first: vec![0; size(m * leaves)],
            pairwise: vec![0; if pairwise { size(m * m) } else { 0 }],
            below: vec![0; windows.lo.len()],
            buckets: vec![0; rows * windows.buckets],
            dense: windows.dense,
            pending: vec![0; if windows.dense { m * BLOCK } else { 0 }],
            pending_draws: 0,
        }
    }

    /// Counts one draw, ranked by `ranker`, under `weights`.
    pub(super) fn add(&mut self, ranker: &Ranker, weights: &[f64], windows: &Windows) {
        let ranks = &ranker.ranks;
        if self.dense {
            let d = self.pending_draws;
            for (p, &rank) in self.pending[d * self.m..(d + 1) * self.m].iter_mut().zip(ranks) {
                // Dense means m <= 1,024: a rank fits.
                *p = rank as u16;
            }
            self.pending_draws += 1;
            if self.pending_draws == BLOCK {
                self.flush();
            }
        } else {
            self.add_windows(ranks, windows);
        }
        if !self.rank_sum.is_empty() {
            self.add_ranks(ranker, weights);
        }
    }

    fn add_windows(&mut self, ranks: &[u32], windows: &Windows) {
        let q = QUANTILES.len();
        for (i, &rank) in ranks.iter().enumerate() {
            for slot in i * q..(i + 1) * q {
                if windows.found[slot].is_some() {
                    continue;
                }
                let lo = windows.lo[slot];
                if rank < lo {
                    self.below[slot] += 1;
                } else {
                    let bucket = ((rank - lo) / windows.step[slot]) as usize;
                    if bucket < windows.buckets {
                        self.buckets[slot * windows.buckets + bucket] += 1;
                    }
                }
            }
        }
    }

    /// Counts what the rank histograms do not hold: without them (not
    /// dense) rank sums and acceptabilities; always the weights of the
    /// draws' first places and the pairwise wins.
    fn add_ranks(&mut self, ranker: &Ranker, weights: &[f64]) {
        let ranks = &ranker.ranks;
        if !self.dense {
            for (i, &rank) in ranks.iter().enumerate() {
                self.rank_sum[i] += u64::from(rank);
                if (rank as usize) <= self.ranks {
                    self.counts[i * self.ranks + rank as usize - 1] += 1;
                }
            }
        }
        // The first places lead the sorted order.
        for &i in ranker.order.iter().take_while(|&&i| ranks[i as usize] == 1) {
            let i = i as usize;
            let sums = &mut self.first[i * self.leaves..(i + 1) * self.leaves];
            for (sum, &w) in sums.iter_mut().zip(weights) {
                // Weights lie in [0, 1]: the product fits, the cast drops
                // only the bits below 2^-64.
                *sum += (w.clamp(0.0, 1.0) * FIXED_ONE) as u128;
            }
        }
        if !self.pairwise.is_empty() {
            for (row, &rank) in self.pairwise.chunks_exact_mut(self.m).zip(ranks) {
                for (c, &other) in row.iter_mut().zip(ranks) {
                    *c += u32::from(rank < other);
                }
            }
        }
    }

    /// Dense: counts the pending draws' ranks.
    pub(super) fn flush(&mut self) {
        let d = std::mem::take(&mut self.pending_draws);
        if d == 0 {
            return;
        }
        let m = self.m;
        let pending = &self.pending[..d * m];
        // Tiles of TILE alternatives: each cache line of `pending` is read
        // once, and the tile's histogram rows stay in L1 while its draws
        // are counted.
        for (tile, rows) in self.buckets.chunks_mut(TILE * m).enumerate() {
            let first = tile * TILE;
            let width = rows.len() / m;
            for ranks in pending.chunks_exact(m) {
                for (t, &rank) in ranks[first..first + width].iter().enumerate() {
                    rows[t * m + usize::from(rank) - 1] += 1;
                }
            }
        }
    }

    /// In dense mode, the acceptability counts and rank sums from the
    /// rank histograms.
    pub(super) fn settle(&mut self) {
        if self.dense && !self.counts.is_empty() {
            let rows = self.buckets.par_chunks_exact(self.m);
            let sums = self.rank_sum.par_iter_mut();
            let ranks = self.ranks;
            self.counts
                .par_chunks_exact_mut(ranks)
                .zip(sums)
                .zip(rows)
                .for_each(|((counts, sum), row)| {
                    counts.copy_from_slice(&row[..ranks]);
                    *sum = row.iter().zip(1u64..).map(|(&c, r)| u64::from(c) * r).sum();
                });
        }
    }

    /// Adds `other`'s counts (integers: the order of merging does not
    /// matter).
    pub(super) fn merge(&mut self, other: &Tally) {
        fn add<T: Copy + std::ops::AddAssign>(a: &mut [T], b: &[T]) {
            for (x, &y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        add(&mut self.counts, &other.counts);
        add(&mut self.rank_sum, &other.rank_sum);
        add(&mut self.first, &other.first);
        add(&mut self.pairwise, &other.pairwise);
        add(&mut self.below, &other.below);
        add(&mut self.buckets, &other.buckets);
    }
}
