//! The three intervals of one node: where the winner, the order and the
//! shortlist stay (which pairs are checked: see the module docs above).

use rayon::prelude::*;

use super::{Base, Family, Interval, Stability, Swap};
use crate::crossing::{Pencil, crossings};

/// Crossings this close in `t` are one point: which pair is reported
/// there follows the rules of the contract, not rounding.
const SAME_POINT: f64 = 1e-12;

/// How far beyond an end the new leader is read off.
const BEYOND: f64 = 1e-9;

/// Which way from W an end lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Below,
    Above,
}

const SIDES: [Side; 2] = [Side::Below, Side::Above];

/// The node's intervals, with `k` the shortlist's size.
pub(super) fn stability(base: &Base<'_>, family: &Family, k: usize) -> Stability {
    let pencils = base.pencils(family);
    let at = Scan {
        base,
        pencils: &pencils,
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

/// The scores of one node's family, read at W.
struct Scan<'a> {
    base: &'a Base<'a>,
    pencils: &'a [Pencil],
    w: f64,
}

impl Scan<'_> {
    /// Where `upper - lower` (`>= 0` at W, `upper` ranked above) first
    /// turns negative on `side` of W: a crossing at or beyond W where the
    /// difference changes sign that way.
    fn end(&self, upper: usize, lower: usize, side: Side) -> Option<f64> {
        let c = crossings(&self.pencils[upper], &self.pencils[lower]);
        match side {
            Side::Above => c.iter().find(|c| c.t >= self.w && !c.rising).map(|c| c.t),
            Side::Below => c.iter().rev().find(|c| c.t <= self.w && c.rising).map(|c| c.t),
        }
    }

    /// The winner's interval; at each end, who leads just beyond it.
    fn top(&self) -> Interval<usize> {
        let order = &self.base.order;
        let mut out = Interval::whole();
        let Some((&leader, rest)) = order.split_first() else {
            return out;
        };
        for side in SIDES {
            let ends: Vec<(f64, usize)> = rest
                .par_iter()
                .filter_map(|&b| Some((self.end(leader, b, side)?, b)))
                .collect();
            let Some((t, tied)) = nearest(ends, side) else {
                continue;
            };
            let probe = match side {
                Side::Below => (t - BEYOND).max(0.0),
                Side::Above => (t + BEYOND).min(1.0),
            };
            let place = &self.base.place;
            let next = tied
                .into_iter()
                .max_by(|&a, &b| {
                    let (sa, sb) = (self.pencils[a].score(probe), self.pencils[b].score(probe));
                    sa.total_cmp(&sb).then(place[b].cmp(&place[a]))
                })
                .expect("an end has a pair");
            set(&mut out, side, t, self.base.index(next));
        }
        out
    }

    /// The order's interval; at each end, the adjacent pair that swaps
    /// (the highest ranked if several swap there).
    fn ranking(&self) -> Interval<(usize, usize)> {
        let order = &self.base.order;
        let mut out = Interval::whole();
        for side in SIDES {
            let ends: Vec<(f64, usize)> = (1..order.len())
                .into_par_iter()
                .filter_map(|k| Some((self.end(order[k - 1], order[k], side)?, k)))
                .collect();
            if let Some((t, tied)) = nearest(ends, side) {
                let k = tied.into_iter().min().expect("an end has a pair");
                let pair = (self.base.index(order[k - 1]), self.base.index(order[k]));
                set(&mut out, side, t, pair);
            }
        }
        out
    }

    /// The shortlist's interval: every inside-outside pair; at each end,
    /// the pair that swaps (the highest ranked if several swap there).
    fn shortlist(&self, k: usize) -> Interval<Swap> {
        let order = &self.base.order;
        let mut out = Interval::whole();
        if k == 0 || k >= order.len() {
            return out;
        }
        let (inside, outside) = order.split_at(k);
        for side in SIDES {
            // For each one outside, its nearest crossing with one inside
            // (the best ranked inside at that point).
            let ends: Vec<(f64, (usize, usize))> = outside
                .par_iter()
                .enumerate()
                .filter_map(|(o, &out_p)| {
                    let mut best: Option<(f64, usize)> = None;
                    for (i, &in_p) in inside.iter().enumerate() {
                        if let Some(t) = self.end(in_p, out_p, side) {
                            let closer = best.is_none_or(|(b, _)| match side {
                                Side::Above => t < b - SAME_POINT,
                                Side::Below => t > b + SAME_POINT,
                            });
                            if closer {
                                best = Some((t, i));
                            }
                        }
                    }
                    best.map(|(t, i)| (t, (i, o + k)))
                })
                .collect();
            if let Some((t, tied)) = nearest(ends, side) {
                let (i, o) = tied.into_iter().min().expect("an end has a pair");
                let swap = Swap {
                    enters: self.base.index(order[o]),
                    leaves: self.base.index(order[i]),
                };
                set(&mut out, side, t, swap);
            }
        }
        out
    }
}

/// The end nearest to W among `ends`, with every candidate at that point.
fn nearest<T>(ends: Vec<(f64, T)>, side: Side) -> Option<(f64, Vec<T>)> {
    let best = ends.iter().map(|e| e.0).reduce(match side {
        Side::Below => f64::max,
        Side::Above => f64::min,
    })?;
    let tied = ends
        .into_iter()
        .filter(|(t, _)| (t - best).abs() <= SAME_POINT)
        .map(|(_, x)| x)
        .collect();
    Some((best, tied))
}

fn set<E>(interval: &mut Interval<E>, side: Side, t: f64, end: E) {
    match side {
        Side::Below => (interval.lo, interval.lo_end) = (t, Some(end)),
        Side::Above => (interval.hi, interval.hi_end) = (t, Some(end)),
    }
}
