//! The three intervals of one node: where the winner, the order and the
//! shortlist stay (which pairs are checked: see the module docs above).
//!
//! Each scan wants, on each side of W, the crossing nearest to W over many
//! pairs. A pair is solved only if its difference may change sign nearer
//! than the nearest end found so far ([`Gap::may_cross`], three
//! evaluations of a quadratic); with a million alternatives the nearest
//! ends close in fast and almost every pair is passed over. Pairs crossing
//! within [`SAME_POINT`] of the end are all kept, whatever the order the
//! threads saw them in, so the result does not depend on the number of
//! threads.

use rayon::prelude::*;

use super::{Base, Family, Interval, Stability, Swap};
use crate::crossing::{Gap, Pencil};

/// Crossings this close in `t` are one point: which pair is reported
/// there follows the rules of the contract, not rounding.
const SAME_POINT: f64 = 1e-12;

/// Rounding allowed for in [`Pencil::range`] before two scores are taken
/// never to meet.
const RANGE_SLACK: f64 = 1e-12;

/// How far beyond an end the new leader is read off.
const BEYOND: f64 = 1e-9;

/// The node's intervals, with `k` the shortlist's size.
pub(super) fn stability(base: &Base<'_>, family: &Family, k: usize) -> Stability {
    let pencils = base.pencils(family);
    let ranges: Vec<(f64, f64)> = pencils.par_iter().map(Pencil::range).collect();
    let at = Scan {
        base,
        pencils: &pencils,
        ranges: &ranges,
        w: family.weight,
    };
    let top = at.top();
    let ranking = at.ranking();
    let shortlist = at.shortlist(k);
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
    /// Each pencil's [`Pencil::range`].
    ranges: &'a [(f64, f64)],
    w: f64,
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
    /// Over the pairs `(upper, lower, tag)` (places, `upper` above at W):
    /// on each side of W, the nearest point where `upper - lower` turns
    /// negative, with the tags of every pair turning there.
    fn nearest<T, I>(&self, pairs: I) -> [Option<(f64, Vec<T>)>; 2]
    where
        T: Copy + Send,
        I: ParallelIterator<Item = (usize, usize, T)>,
    {
        pairs
            .fold(Nearest::new, |mut acc, (upper, lower, tag)| {
                // Ranges apart by more than rounding: `lower` stays below.
                if self.ranges[lower].1 + RANGE_SLACK < self.ranges[upper].0 {
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
                let c = gap.crossings();
                if let Some(x) = c.iter().rev().find(|c| c.t <= self.w && c.rising) {
                    acc.add(0, x.t, tag);
                }
                if let Some(x) = c.iter().find(|c| c.t >= self.w && !c.rising) {
                    acc.add(1, x.t, tag);
                }
                acc
            })
            .reduce(Nearest::new, Nearest::merge)
            .into_ends()
    }

    /// The problem index of the alternative in place `k`.
    fn alternative(&self, k: usize) -> usize {
        self.base.index(k)
    }

    /// The winner's interval; at each end, who leads just beyond it.
    fn top(&self) -> Interval<usize> {
        let m = self.pencils.len();
        let ends = self.nearest((1..m).into_par_iter().map(|b| (0, b, b)));
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
        let ends = self.nearest((1..m).into_par_iter().map(|k| (k - 1, k, k)));
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
    fn shortlist(&self, k: usize) -> Interval<Swap> {
        let m = self.pencils.len();
        let mut out = Interval::whole();
        if k == 0 || k >= m {
            return out;
        }
        let pairs = (0..k * (m - k)).into_par_iter().map(|q| {
            let (i, o) = (q % k, k + q / k);
            (i, o, (i, o))
        });
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

/// Sets the end on side `s` (0 below, 1 above).
fn set<E>(interval: &mut Interval<E>, s: usize, t: f64, end: E) {
    if s == 0 {
        (interval.lo, interval.lo_end) = (t, Some(end));
    } else {
        (interval.hi, interval.hi_end) = (t, Some(end));
    }
}
