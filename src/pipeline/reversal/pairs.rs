//! Tests 2 and 3 of Wang & Triantaphyllou (2008): every pair of
//! alternatives ranked alone, the 3-cycles of the "beats" relation and the
//! order by pairwise wins.
//!
//! A pair alone needs no full ranking; per leaf `j` with weight `w_j`:
//!
//! - TOPSIS: one of the two is the ideal and the other the anti-ideal, so
//!   `D+_a = D-_b = sqrt(sum_{j: b better} w_j^2 d_j^2)` and
//!   `D-_a = D+_b = sqrt(sum_{j: a better} w_j^2 d_j^2)`, with
//!   `d_j = |t_a - t_b| / sqrt(t_a^2 + t_b^2)` under vector normalisation
//!   and `d_j = 1` (when `t_a != t_b`) under min-max; `t` is the score, or
//!   `|x - target|` for a target leaf (a cost).
//! - AHP: benefit priorities `x_a / (x_a + x_b)`, cost
//!   `x_b / (x_a + x_b)`; a leaf whose alternatives are compared pairwise
//!   gives `v / (1 + v)` for the judgment `v` of a over b (both methods of
//!   deriving priorities agree on a 2 x 2 matrix), and `1/2` each when the
//!   two were not compared. Ideal synthesis divides by the larger of the
//!   two first.
//!
//! Scores that tie alone ([`crate::math::ranking::TIE_TOLERANCE`]) give no
//! edge.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::Direction;
use crate::math::ahp::Synthesis;
use crate::math::ranking::tied;
use crate::math::topsis::Normalization;
use crate::model::Problem;
use crate::pipeline::{Method, RankOptions};

/// Cycles listed at most.
pub(super) const CYCLES_LISTED: usize = 20;

/// Scores two alternatives ranked alone, in closed form.
pub(super) struct PairScorer<'a> {
    options: &'a RankOptions,
    weights: &'a [f64],
    directions: Vec<Direction>,
    /// Rows in base order, row-major.
    values: Vec<f64>,
    cols: usize,
    /// Per leaf, the judgments between rows (`(a, b)` -> `v`), for leaves
    /// whose alternatives are compared pairwise.
    judged: Vec<Option<HashMap<(usize, usize), f64>>>,
}

impl<'a> PairScorer<'a> {
    /// A scorer for the problem's alternatives `order` (problem indices),
    /// under leaf weights `weights`.
    pub(super) fn new(problem: &Problem, options: &'a RankOptions, weights: &'a [f64], order: &[usize]) -> Self {
        let cols = problem.scores.cols();
        let values = order
            .iter()
            .flat_map(|&i| problem.scores.row(i).iter().copied())
            .collect();
        let position: HashMap<usize, usize> = order.iter().enumerate().map(|(p, &i)| (i, p)).collect();
        let judged = (0..cols)
            .map(|column| {
                let (_, judgments) = problem.alternative_comparisons.iter().find(|(c, _)| *c == column)?;
                Some(
                    judgments
                        .iter()
                        .filter_map(|&(a, b, v)| Some(((*position.get(&a)?, *position.get(&b)?), v)))
                        .collect(),
                )
            })
            .collect();
        PairScorer {
            options,
            weights,
            directions: problem.criteria.directions(),
            values,
            cols,
            judged,
        }
    }

    fn row(&self, p: usize) -> &[f64] {
        &self.values[p * self.cols..(p + 1) * self.cols]
    }

    /// The scores of rows `a` and `b` ranked alone (comparable with each
    /// other only).
    pub(super) fn scores(&self, a: usize, b: usize) -> (f64, f64) {
        match self.options.method {
            Method::Topsis => self.topsis(a, b),
            Method::Ahp => self.ahp(a, b),
        }
    }

    fn topsis(&self, a: usize, b: usize) -> (f64, f64) {
        let (mut sa, mut sb) = (0.0, 0.0);
        for (j, ((&xa, &xb), direction)) in self.row(a).iter().zip(self.row(b)).zip(&self.directions).enumerate() {
            let (ta, tb, more_is_better) = match *direction {
                Direction::Benefit => (xa, xb, true),
                Direction::Cost => (xa, xb, false),
                // Halved, as TOPSIS does, so that the difference cannot overflow.
                Direction::Target(t) => ((xa / 2.0 - t / 2.0).abs(), (xb / 2.0 - t / 2.0).abs(), false),
            };
            if ta == tb {
                continue;
            }
            let d = match self.options.normalization {
                Normalization::MinMax => 1.0,
                Normalization::Vector => {
                    let scale = ta.abs().max(tb.abs());
                    let (ua, ub) = (ta / scale, tb / scale);
                    (ua - ub).abs() / (ua * ua + ub * ub).sqrt()
                }
            };
            let term = self.weights[j] * self.weights[j] * d * d;
            if (ta > tb) == more_is_better {
                sa += term;
            } else {
                sb += term;
            }
        }
        let (da, db) = (sa.sqrt(), sb.sqrt());
        if da + db > 0.0 {
            (da / (da + db), db / (da + db))
        } else {
            (0.5, 0.5)
        }
    }

    fn ahp(&self, a: usize, b: usize) -> (f64, f64) {
        let (mut sa, mut sb) = (0.0, 0.0);
        for (j, ((&xa, &xb), direction)) in self.row(a).iter().zip(self.row(b)).zip(&self.directions).enumerate() {
            let (pa, pb) = match &self.judged[j] {
                Some(judgments) => match (judgments.get(&(a, b)), judgments.get(&(b, a))) {
                    (Some(v), _) => (v / (1.0 + v), 1.0 / (1.0 + v)),
                    (None, Some(v)) => (1.0 / (1.0 + v), v / (1.0 + v)),
                    (None, None) => (0.5, 0.5),
                },
                None => local_pair(xa, xb, direction),
            };
            let scale = match self.options.synthesis {
                Synthesis::Distributive => 1.0,
                Synthesis::Ideal => 1.0 / pa.max(pb),
            };
            sa += self.weights[j] * pa * scale;
            sb += self.weights[j] * pb * scale;
        }
        (sa, sb)
    }
}

/// AHP local priorities of two scores under one leaf (scores `rank` has
/// accepted: `>= 0` for a benefit, `> 0` for a cost), scaled as
/// [`crate::ahp::priorities_from_scores`] does so that none overflows.
fn local_pair(xa: f64, xb: f64, direction: &Direction) -> (f64, f64) {
    let (ua, ub) = match direction {
        Direction::Cost => {
            let min = xa.min(xb);
            (min / xa, min / xb)
        }
        _ => {
            let max = xa.max(xb);
            if max == 0.0 {
                return (0.5, 0.5);
            }
            (xa / max, xb / max)
        }
    };
    (ua / (ua + ub), ub / (ua + ub))
}

/// The "beats" relation of the pairs ranked alone, as bit rows: row `a`
/// of `out` holds the rows `a` beats (strictly), row `a` of `into` the rows
/// that beat `a`.
pub(super) struct Beats {
    words: usize,
    out: Vec<u64>,
    into: Vec<u64>,
}

impl Beats {
    /// Ranks every pair of the `m` rows alone, on all cores.
    pub(super) fn new(scorer: &PairScorer<'_>, m: usize) -> Self {
        let words = m.div_ceil(64);
        let rows: Vec<(Vec<u64>, Vec<u64>)> = (0..m)
            .into_par_iter()
            .map(|a| {
                let (mut out, mut into) = (vec![0u64; words], vec![0u64; words]);
                for b in (0..m).filter(|&b| b != a) {
                    let (sa, sb) = scorer.scores(a, b);
                    if !tied(sa, sb) {
                        let row = if sa > sb { &mut out } else { &mut into };
                        row[b / 64] |= 1 << (b % 64);
                    }
                }
                (out, into)
            })
            .collect();
        let (out, into): (Vec<Vec<u64>>, Vec<Vec<u64>>) = rows.into_iter().unzip();
        Beats {
            words,
            out: out.concat(),
            into: into.concat(),
        }
    }

    fn out(&self, a: usize) -> &[u64] {
        &self.out[a * self.words..(a + 1) * self.words]
    }

    fn into(&self, a: usize) -> &[u64] {
        &self.into[a * self.words..(a + 1) * self.words]
    }

    /// How many pairs each row wins.
    pub(super) fn wins(&self, m: usize) -> Vec<u32> {
        (0..m)
            .map(|a| self.out(a).iter().map(|w| w.count_ones()).sum())
            .collect()
    }

    /// The number of 3-cycles `a > b > c > a`, and the first
    /// [`CYCLES_LISTED`] of them, each starting at its row that comes first
    /// (best in the base ranking), in that order.
    pub(super) fn cycles(&self, m: usize) -> (u64, Vec<[usize; 3]>) {
        // Each cycle is counted once per edge: for an edge a -> b, the c
        // with b -> c and c -> a.
        let through_edges: u64 = (0..m)
            .into_par_iter()
            .map(|a| {
                let into_a = self.into(a);
                ones(self.out(a))
                    .map(|b| {
                        self.out(b)
                            .iter()
                            .zip(into_a)
                            .map(|(x, y)| u64::from((x & y).count_ones()))
                            .sum::<u64>()
                    })
                    .sum::<u64>()
            })
            .sum();
        let mut listed = Vec::new();
        for a in 0..m {
            for b in ones(self.out(a)).filter(|&b| b > a) {
                let closing: Vec<u64> = self.out(b).iter().zip(self.into(a)).map(|(x, y)| x & y).collect();
                for c in ones(&closing).filter(|&c| c > a) {
                    listed.push([a, b, c]);
                    if listed.len() == CYCLES_LISTED {
                        return (through_edges / 3, listed);
                    }
                }
            }
        }
        (through_edges / 3, listed)
    }
}

/// The positions of the set bits of `words`, in order.
fn ones(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(k, &w)| {
        let mut rest = w;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let bit = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                k * 64 + bit
            })
        })
    })
}

/// The rows ordered by pairwise wins, most first, ties in row order (the
/// base order).
pub(super) fn by_wins(wins: &[u32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..wins.len()).collect();
    order.sort_by_key(|&p| (std::cmp::Reverse(wins[p]), p));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::ahp::Synthesis;
    use crate::pipeline::Scorer;

    fn problem(yaml: &str) -> Problem {
        Problem::from_yaml_str(yaml, "t.yaml").unwrap_or_else(|e| panic!("{e}"))
    }

    /// The closed form gives what scoring the two rows alone gives.
    fn agrees_with_the_scorer(p: &Problem, options: &RankOptions) {
        let weights = [0.5, 0.3, 0.2][..p.scores.cols()].to_vec();
        let m = p.alternatives.len();
        let order: Vec<usize> = (0..m).collect();
        let pairs = PairScorer::new(p, options, &weights, &order);
        for a in 0..m {
            for b in (0..m).filter(|&b| b != a) {
                let (sa, sb) = pairs.scores(a, b);
                let alone = Scorer::new(p, options, &[a, b]).unwrap().scores(&weights);
                let (sa, sb) = match options.method {
                    Method::Topsis => (sa, sb),
                    Method::Ahp => (sa / (sa + sb), sb / (sa + sb)),
                };
                assert!(
                    (sa - alone[0]).abs() < 1e-12 && (sb - alone[1]).abs() < 1e-12,
                    "{a} {b} {options:?}"
                );
            }
        }
    }

    #[test]
    fn topsis_pairs_in_closed_form() {
        let p = problem(
            "name: t\ncriteria: [{id: gain}, {id: price, direction: cost}, {id: fit, direction: target, target: 5}]\nalternatives:\n  - {id: a, scores: {gain: 7, price: 3, fit: 4}}\n  - {id: b, scores: {gain: 2, price: 9, fit: 8}}\n  - {id: c, scores: {gain: 7, price: 1, fit: 5}}\n  - {id: d, scores: {gain: 0, price: 4, fit: 1}}\n",
        );
        for normalization in Normalization::ALL {
            let options = RankOptions {
                normalization,
                ..RankOptions::default()
            };
            agrees_with_the_scorer(&p, &options);
        }
    }

    #[test]
    fn ahp_pairs_in_closed_form() {
        let p = problem(
            "name: t\ncriteria: [{id: gain}, {id: price, direction: cost}, {id: taste}]\nalternatives:\n  - {id: a, scores: {gain: 7, price: 3, taste: 1}}\n  - {id: b, scores: {gain: 2, price: 9, taste: 1}}\n  - {id: c, scores: {gain: 0, price: 1, taste: 1}}\nalternative_comparisons:\n  taste:\n    - [a, b, 3]\n    - [c, a, 2]\n    - [b, c, 5]\n",
        );
        for synthesis in Synthesis::ALL {
            let options = RankOptions {
                method: Method::Ahp,
                synthesis,
                ..RankOptions::default()
            };
            agrees_with_the_scorer(&p, &options);
        }
    }

    proptest::proptest! {
        /// Any positive scores: the closed form agrees with the scorer
        /// under every method.
        #[test]
        fn closed_forms_agree_on_random_scores(values in proptest::collection::vec(0.01f64..1e3, 12)) {
            let mut yaml = String::from("name: r\ncriteria: [{id: g}, {id: p, direction: cost}, {id: h}]\nalternatives:\n");
            for (i, row) in values.chunks(3).enumerate() {
                yaml.push_str(&format!("  - {{id: a{i}, scores: {{g: {}, p: {}, h: {}}}}}\n", row[0], row[1], row[2]));
            }
            let p = problem(&yaml);
            for normalization in Normalization::ALL {
                agrees_with_the_scorer(&p, &RankOptions { normalization, ..RankOptions::default() });
            }
            for synthesis in Synthesis::ALL {
                agrees_with_the_scorer(&p, &RankOptions { method: Method::Ahp, synthesis, ..RankOptions::default() });
            }
        }
    }

    #[test]
    fn cycles_are_counted_and_listed_as_by_brute_force() {
        // A relation on 70 rows (more than one word of bits) with ties:
        // for each pair, a beats b, b beats a, or neither.
        let m: usize = 70;
        let words = m.div_ceil(64);
        let (mut out, mut into) = (vec![0u64; m * words], vec![0u64; m * words]);
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for a in 0..m {
            for b in a + 1..m {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let (winner, loser) = match state % 3 {
                    0 => (a, b),
                    1 => (b, a),
                    _ => continue,
                };
                out[winner * words + loser / 64] |= 1 << (loser % 64);
                into[loser * words + winner / 64] |= 1 << (winner % 64);
            }
        }
        let beats = Beats { words, out, into };
        let edge = |a: usize, b: usize| beats.out(a)[b / 64] >> (b % 64) & 1 == 1;
        let mut all = Vec::new();
        for a in 0..m {
            for b in a + 1..m {
                for c in a + 1..m {
                    if edge(a, b) && edge(b, c) && edge(c, a) {
                        all.push([a, b, c]);
                    }
                }
            }
        }
        let (count, listed) = beats.cycles(m);
        assert_eq!(count, all.len() as u64);
        assert_eq!(listed, all[..CYCLES_LISTED]);
        let wins = beats.wins(m);
        assert_eq!(wins[0], (0..m).filter(|&b| edge(0, b)).count() as u32);
    }
}
