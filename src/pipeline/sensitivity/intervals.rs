//! The three intervals of one node: where the winner, the order and the
//! shortlist stay (which pairs are checked: see the module docs above).
//!
//! Each scan wants, on each side of W, the crossing nearest to W over many
//! pairs. A pair is solved only if its difference may change sign nearer
//! than the nearest end found so far ([`Gap::may_cross`], three
//! evaluations of a quadratic); with a million alternatives the nearest
//! ends close in fast and almost every pair is passed over. Before that,
//! a few thousand pairs of each scan bound the window the ends can lie
//! in, and a pair whose scores stay apart over that window (each score is
//! monotone in the weight) is passed over with two comparisons. Pairs
//! crossing within [`SAME_POINT`] of the end are all kept, whatever the
//! order the threads saw them in, so the result does not depend on the
//! number of threads.

use rayon::prelude::*;

use super::{Base, Family, Interval, Stability, Swap};
use crate::crossing::{Gap, Pencil};

/// Crossings this close in `t` are one point: which pair is reported
/// there follows the rules of the contract, not rounding.
const SAME_POINT: f64 = 1e-12;

/// Rounding allowed for in [`Pencil::range_between`] before two scores
/// are taken never to meet.
const RANGE_SLACK: f64 = 1e-12;

/// Pairs of each scan solved to find [`Scan::window`].
const SEED: usize = 4096;

/// How far beyond an end the new leader is read off.
const BEYOND: f64 = 1e-9;

/// The node's intervals, with `k` the shortlist's size.
pub(super) fn stability(base: &Base<'_>, family: &Family, k: usize) -> Stability {
    let pencils = base.pencils(family);
    let mut at = Scan {
        base,
        pencils: &pencils,
        ranges: Vec::new(),
        w: family.weight,
        k: k.min(pencils.len()),
    };
    let (t0, t1) = at.window();
    at.ranges = pencils.par_iter().map(|p| p.range_between(t0, t1)).collect();
    let top = at.top();
    let ranking = at.ranking();
    let shortlist = at.shortlist();
    let w = family.weight;
    let below = top.lo_end.map(|_| (w - top.lo) / w);
    let above = top.hi_end.map(|_| (top.hi - w) / w);
    let margin = match (below, above) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    Stability {
        top,
        ranking,
        shortlist,
        margin,
    }
}

/// The scores of one node's family, read at W; alternatives are named by
/// their place in the ranking (0 = first).
struct Scan<'a> {
    base: &'a Base<'a>,
    /// By place.
    pencils: &'a [Pencil],
    /// Each pencil's score bounds over [`Scan::window`] (empty: not
    /// known yet).
    ranges: Vec<(f64, f64)>,
    w: f64,
    /// The shortlist's size.
    k: usize,
}

/// The nearest ends found so far on each side (below W, above W), with
/// every pair `T` crossing within [`SAME_POINT`] of them.
struct Nearest<T> {
    ends: [Option<f64>; 2],
    found: [Vec<(f64, T)>; 2],
    /// [`Nearest::window`] in [`Gap::x`], kept until an end moves.
    xs: Option<[(f64, f64); 2]>,
}

impl<T: Copy> Nearest<T> {
    fn new() -> Self {
        Nearest {
            ends: [None, None],
            found: [Vec::new(), Vec::new()],
            xs: None,
        }
    }

    /// Where a new crossing must lie to matter on each side (the two
    /// windows meet at W).
    fn window(&self, w: f64) -> [(f64, f64); 2] {
        let slack = 2.0 * SAME_POINT;
        [
            (self.ends[0].map_or(0.0, |t| t - slack), w),
            (w, self.ends[1].map_or(1.0, |t| t + slack)),
        ]
    }

    /// Takes the end `t` of pair `tag` on side `s` (0 below, 1 above).
    fn add(&mut self, s: usize, t: f64, tag: T) {
        let nearer = |a: f64, b: f64| if s == 0 { a > b } else { a < b };
        match self.ends[s] {
            Some(best) if nearer(best, t + if s == 0 { SAME_POINT } else { -SAME_POINT }) => return,
            Some(best) if !nearer(t, best) => {}
            _ => (self.ends[s], self.xs) = (Some(t), None),
        }
        let best = self.ends[s].expect("just set");
        self.found[s].retain(|(u, _)| (u - best).abs() <= SAME_POINT);
        self.found[s].push((t, tag));
    }

    fn merge(mut self, other: Self) -> Self {
        for s in 0..2 {
            for &(t, tag) in &other.found[s] {
                self.add(s, t, tag);
            }
        }
        self
    }

    /// On each side: the end, and every pair at it.
    fn into_ends(self) -> [Option<(f64, Vec<T>)>; 2] {
        let [lo, hi] = self.ends;
        let [flo, fhi] = self.found;
        let pick = |end: Option<f64>, found: Vec<(f64, T)>| {
            end.map(|e| {
                let tags = found
                    .into_iter()
                    .filter(|(t, _)| (t - e).abs() <= SAME_POINT)
                    .map(|(_, tag)| tag)
                    .collect();
                (e, tags)
            })
        };
        [pick(lo, flo), pick(hi, fhi)]
    }
}

impl Scan<'_> {
    /// Where the three scans' ends must lie, from [`SEED`] pairs of each
    /// (those ranked closest, so crossing nearest): no end found over all
    /// pairs can be farther from W than the nearest end of a few, so
    /// [`Pencil::range_between`] over this window lets each scan pass over
    /// pairs whose scores stay apart in it (almost all, with a million
    /// alternatives) before solving any quadratic.
    fn window(&self) -> (f64, f64) {
        let m = self.pencils.len();
        let seed = |n: usize| 0..n.min(SEED);
        let windows = [
            self.solve(seed(m.saturating_sub(1)).into_par_iter().map(top_pair), &[])
                .window(self.w),
            self.solve(seed(m.saturating_sub(1)).into_par_iter().map(ranking_pair), &[])
                .window(self.w),
            self.solve(
                seed(self.shortlist_pairs())
                    .into_par_iter()
                    .map(|q| self.shortlist_pair(q)),
                &[],
            )
            .window(self.w),
        ];
        windows
            .iter()
            .fold((self.w, self.w), |(a, b), [(lo, _), (_, hi)]| (a.min(*lo), b.max(*hi)))
    }

    /// Over the pairs `(upper, lower, tag)` (places, `upper` above at W):
    /// on each side of W, the nearest point where `upper - lower` turns
    /// negative, with the tags of every pair turning there.
    fn nearest<T, I>(&self, pairs: I) -> [Option<(f64, Vec<T>)>; 2]
    where
        T: Copy + Send,
        I: ParallelIterator<Item = (usize, usize, T)>,
    {
        self.solve(pairs, &self.ranges).into_ends()
    }

    /// The nearest ends over `pairs`, passing over pairs whose `ranges`
    /// (score bounds per place over the window searched; none when empty)
    /// keep `lower` below.
    fn solve<T, I>(&self, pairs: I, ranges: &[(f64, f64)]) -> Nearest<T>
    where
        T: Copy + Send,
        I: ParallelIterator<Item = (usize, usize, T)>,
    {
        pairs
            .fold(Nearest::new, |mut acc, (upper, lower, tag)| {
                // Ranges apart by more than rounding: `lower` stays below.
                if !ranges.is_empty() && ranges[lower].1 + RANGE_SLACK < ranges[upper].0 {
                    return acc;
                }
                let gap = Gap::new(&self.pencils[upper], &self.pencils[lower]);
                let xs = match acc.xs {
                    Some(xs) => xs,
                    None => *acc.xs.insert(acc.window(self.w).map(|(a, b)| (gap.x(a), gap.x(b)))),
                };
                if !gap.may_cross_either(xs[0].0, xs[0].1, xs[1].1) {
                    return acc;
                }
                // A pair tied at W crosses there: rounding may put the root
                // on either side, so within SAME_POINT it is W itself.
                let c = gap.crossings();
                if let Some(x) = c.iter().rev().find(|c| c.t <= self.w + SAME_POINT && c.rising) {
                    acc.add(0, x.t.min(self.w), tag);
                }
                if let Some(x) = c.iter().find(|c| c.t >= self.w - SAME_POINT && !c.rising) {
                    acc.add(1, x.t.max(self.w), tag);
                }
                acc
            })
            .reduce(Nearest::new, Nearest::merge)
    }

    /// The problem index of the alternative in place `k`.
    fn alternative(&self, k: usize) -> usize {
        self.base.index(k)
    }

    /// The winner's interval; at each end, who leads just beyond it.
    fn top(&self) -> Interval<usize> {
        let m = self.pencils.len();
        let ends = self.nearest((0..m.saturating_sub(1)).into_par_iter().map(top_pair));
        let mut out = Interval::whole();
        for (s, end) in ends.into_iter().enumerate() {
            let Some((t, tied)) = end else { continue };
            let probe = if s == 0 {
                (t - BEYOND).max(0.0)
            } else {
                (t + BEYOND).min(1.0)
            };
            let next = tied
                .into_iter()
                .max_by(|&a, &b| {
                    let (sa, sb) = (self.pencils[a].score(probe), self.pencils[b].score(probe));
                    sa.total_cmp(&sb).then(b.cmp(&a))
                })
                .expect("an end has a pair");
            set(&mut out, s, t, self.alternative(next));
        }
        out
    }

    /// The order's interval; at each end, the adjacent pair that swaps
    /// (the highest ranked if several swap there).
    fn ranking(&self) -> Interval<(usize, usize)> {
        let m = self.pencils.len();
        let ends = self.nearest((0..m.saturating_sub(1)).into_par_iter().map(ranking_pair));
        let mut out = Interval::whole();
        for (s, end) in ends.into_iter().enumerate() {
            if let Some((t, tied)) = end {
                let k = tied.into_iter().min().expect("an end has a pair");
                set(&mut out, s, t, (self.alternative(k - 1), self.alternative(k)));
            }
        }
        out
    }

    /// The shortlist's interval: every inside-outside pair; at each end,
    /// the pair that swaps (the highest ranked inside, then outside, if
    /// several swap there).
    fn shortlist(&self) -> Interval<Swap> {
        let mut out = Interval::whole();
        let pairs = (0..self.shortlist_pairs())
            .into_par_iter()
            .map(|q| self.shortlist_pair(q));
        for (s, end) in self.nearest(pairs).into_iter().enumerate() {
            if let Some((t, tied)) = end {
                let (i, o) = tied.into_iter().min().expect("an end has a pair");
                let swap = Swap {
                    enters: self.alternative(o),
                    leaves: self.alternative(i),
                };
                set(&mut out, s, t, swap);
            }
        }
        out
    }
}

impl Scan<'_> {
    /// How many inside-outside pairs the shortlist has (none when it holds
    /// every alternative or none).
    fn shortlist_pairs(&self) -> usize {
        self.k * (self.pencils.len() - self.k)
    }

    /// Pair `q` of the shortlist, the outside alternatives ranked closest
    /// first.
    fn shortlist_pair(&self, q: usize) -> (usize, usize, (usize, usize)) {
        let (i, o) = (q % self.k, self.k + q / self.k);
        (i, o, (i, o))
    }
}

/// Pair `q` of the top's scan: the winner and place `q + 1`.
fn top_pair(q: usize) -> (usize, usize, usize) {
    (0, q + 1, q + 1)
}

/// Pair `q` of the order's scan: places `q` and `q + 1`.
fn ranking_pair(q: usize) -> (usize, usize, usize) {
    (q, q + 1, q + 1)
}

/// Sets the end on side `s` (0 below, 1 above).
fn set<E>(interval: &mut Interval<E>, s: usize, t: f64, end: E) {
    if s == 0 {
        (interval.lo, interval.lo_end) = (t, Some(end));
    } else {
        (interval.hi, interval.hi_end) = (t, Some(end));
    }
}
