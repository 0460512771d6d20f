//! Rank correlations: how alike two rankings of the same alternatives are.
//!
//! Every coefficient here takes two rankings as *average ranks* (tied
//! alternatives share the mean of the positions they occupy: 1, 2.5, 2.5,
//! 4), made from competition ranks by [`average_ranks`]. `x` and `y` hold
//! the ranks of the same alternatives in the same order; `m` is their
//! length.
//!
//! * [`spearman`]: Spearman's rho as the Pearson correlation of the
//!   average ranks (the definition that stays right with ties; the
//!   shortcut `1 - 6 sum d^2 / (m^3 - m)` is exact only without them).
//! * [`weighted_spearman`]: `r_w = 1 - 6 sum (x - y)^2 ((m - x + 1) + (m - y + 1)) / (m^4 + m^3 - m^2 - m)`,
//!   which weighs disagreements near the top more (Pinto da Costa, J. &
//!   Soares, C. (2005), "A weighted rank measure of correlation", *Australian
//!   & New Zealand Journal of Statistics* 47(4), 515-529).
//! * [`ws`]: the WS similarity coefficient
//!   `WS = 1 - sum 2^-x_i |x_i - y_i| / max(|x_i - 1|, |x_i - m|)`, with `x`
//!   the reference ranking: asymmetric, and dominated by the top of the
//!   reference (Sałabun, W. & Urbaniak, K. (2020), "A new coefficient of
//!   rankings similarity in decision-making problems", *ICCS 2020*, LNCS
//!   12138, 632-645).
//! * [`kendall_tau_b`]: Kendall's tau-b,
//!   `(n_c - n_d) / sqrt((n_0 - n_1)(n_0 - n_2))` with `n_0 = m (m - 1) / 2`
//!   and `n_1`, `n_2` the pairs tied in `x`, in `y` (Kendall, M. G. (1945),
//!   "The treatment of ties in ranking problems", *Biometrika* 33(3),
//!   239-251), counted in `O(m log m)` by Knight's merge-sort method
//!   (Knight, W. R. (1966), *JASA* 61(314), 436-439).
//! * [`top_k_overlap`]: `|A ∩ B| / max(|A|, |B|)` for the alternatives with
//!   competition rank `<= k` under each ranking.
//!
//! A coefficient that is undefined (fewer than two alternatives, or a
//! ranking with every alternative tied where the formula divides by its
//! spread) is `None`, never NaN.
//!
//! ```
//! use innorank::correlation::{average_ranks, kendall_tau_b, spearman};
//!
//! let x = average_ranks(&[1, 2, 2, 4]);
//! assert_eq!(x, [1.0, 2.5, 2.5, 4.0]);
//! let y = average_ranks(&[1, 2, 3, 4]);
//! assert!((spearman(&x, &y).unwrap() - 0.9486832980505138).abs() < 1e-12);
//! assert!((kendall_tau_b(&x, &y).unwrap() - 0.9128709291752769).abs() < 1e-12);
//! assert_eq!(spearman(&[1.0], &[1.0]), None);
//! ```

use rayon::slice::ParallelSliceMut;

/// Average ranks from competition ranks (`1, 2, 2, 4` gives `1, 2.5, 2.5,
/// 4`): a run of `k` alternatives tied at rank `r` occupies the positions
/// `r .. r + k - 1` and each gets their mean `r + (k - 1) / 2`.
///
/// # Panics
///
/// If a rank is 0 or greater than the number of ranks (not a competition
/// ranking).
pub fn average_ranks(competition: &[usize]) -> Vec<f64> {
    let m = competition.len();
    let mut tied = vec![0usize; m + 1];
    for &r in competition {
        assert!((1..=m).contains(&r), "rank {r} outside 1..={m}");
        tied[r] += 1;
    }
    competition
        .iter()
        .map(|&r| r as f64 + (tied[r] - 1) as f64 / 2.0)
        .collect()
}

/// Spearman's rho: the Pearson correlation of the average ranks `x` and
/// `y`. `None` with fewer than two alternatives or when either ranking
/// ties every alternative (no spread to correlate).
///
/// # Panics
///
/// If `x` and `y` differ in length.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let m = compared(x, y)?;
    let mean = |v: &[f64]| v.iter().sum::<f64>() / m as f64;
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// The weighted Spearman coefficient r_w of Pinto da Costa & Soares
/// (2005) (formula in the module docs). Symmetric in `x` and `y`; `None`
/// with fewer than two alternatives.
///
/// # Panics
///
/// If `x` and `y` differ in length.
pub fn weighted_spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let m = compared(x, y)? as f64;
    let sum: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| (a - b) * (a - b) * ((m - a + 1.0) + (m - b + 1.0)))
        .sum();
    Some(1.0 - 6.0 * sum / (m.powi(4) + m.powi(3) - m * m - m))
}

/// The WS similarity coefficient of Sałabun & Urbaniak (2020) (formula in
/// the module docs), with `x` the reference ranking. `None` with fewer
/// than two alternatives.
///
/// # Panics
///
/// If `x` and `y` differ in length.
pub fn ws(x: &[f64], y: &[f64]) -> Option<f64> {
    let m = compared(x, y)? as f64;
    // max(|x - 1|, |x - m|) >= (m - 1) / 2 > 0 for any rank in [1, m].
    let sum: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| (-a).exp2() * (a - b).abs() / (a - 1.0).abs().max((a - m).abs()))
        .sum();
    Some(1.0 - sum)
}

/// Kendall's tau-b (formula in the module docs), in `O(m log m)`. `None`
/// with fewer than two alternatives or when either ranking ties every
/// alternative.
///
/// # Panics
///
/// If `x` and `y` differ in length.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let m = compared(x, y)?;
    // Sorted as integers: `key` keeps the order of the floats.
    let mut pairs: Vec<u128> = x
        .iter()
        .zip(y)
        .map(|(&a, &b)| u128::from(key(a)) << 64 | u128::from(key(b)))
        .collect();
    pairs.par_sort_unstable();
    let tied_x = tied_pairs(&pairs, |a, b| a >> 64 == b >> 64);
    let tied_xy = tied_pairs(&pairs, |a, b| a == b);
    let mut ys: Vec<u64> = pairs.iter().map(|&p| p as u64).collect();
    drop(pairs);
    let discordant = count_inversions(&mut ys);
    let tied_y = tied_pairs(&ys, |a, b| a == b);
    tau_b(m, tied_x, tied_y, tied_xy, discordant)
}

/// Kendall's tau-b of two competition rankings (each rank in `1..=m`), as
/// [`kendall_tau_b`] gives on their average ranks (the same order, the
/// same ties), in O(m log m) without a comparison sort: the alternatives
/// are bucketed by their rank in `a`.
///
/// # Panics
///
/// If `a` and `b` differ in length, or a rank is outside `1..=m`.
pub(crate) fn kendall_tau_b_competition(a: &[usize], b: &[usize]) -> Option<f64> {
    assert_eq!(a.len(), b.len(), "rankings of different lengths");
    let m = a.len();
    if m < 2 {
        return None;
    }
    // start[r]: where the alternatives ranked r in `a` begin.
    let mut start = vec![0usize; m + 2];
    for &r in a {
        start[r + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut ys = vec![0u32; m];
    for (&r, &y) in a.iter().zip(b) {
        ys[next[r]] = y as u32;
        next[r] += 1;
    }
    let (mut tied_x, mut tied_xy) = (0u64, 0u64);
    for r in 1..=m {
        let run = &mut ys[start[r]..start[r + 1]];
        if run.len() > 1 {
            run.sort_unstable();
            let k = run.len() as u64;
            tied_x += k * (k - 1) / 2;
            tied_xy += tied_pairs(run, |p, q| p == q);
        }
    }
    let discordant = count_inversions(&mut ys);
    let tied_y = tied_pairs(&ys, |p, q| p == q);
    tau_b(m, tied_x, tied_y, tied_xy, discordant)
}

/// tau-b from the counts: `m` alternatives, the pairs tied in x, in y and
/// in both, and the discordant pairs.
fn tau_b(m: usize, tied_x: u64, tied_y: u64, tied_xy: u64, discordant: u64) -> Option<f64> {
    let all = (m as u64) * (m as u64 - 1) / 2;
    let (nx, ny) = (all - tied_x, all - tied_y);
    if nx == 0 || ny == 0 {
        return None;
    }
    // Concordant minus discordant over the pairs tied in neither.
    let difference = (all - tied_x - tied_y + tied_xy) as f64 - 2.0 * discordant as f64;
    Some((difference / ((nx as f64).sqrt() * (ny as f64).sqrt())).clamp(-1.0, 1.0))
}

/// The number of alternatives two rankings rank, if at least two (no
/// coefficient is defined for fewer).
///
/// # Panics
///
/// If `x` and `y` differ in length.
fn compared(x: &[f64], y: &[f64]) -> Option<usize> {
    assert_eq!(x.len(), y.len(), "rankings of different lengths");
    (x.len() >= 2).then_some(x.len())
}

/// The pairs within runs of equal neighbours of a sorted slice:
/// `sum k (k - 1) / 2` over the runs.
fn tied_pairs<T>(sorted: &[T], equal: impl Fn(&T, &T) -> bool) -> u64 {
    let mut total = 0u64;
    let mut run = 1u64;
    for w in sorted.windows(2) {
        if equal(&w[0], &w[1]) {
            run += 1;
        } else {
            total += run * (run - 1) / 2;
            run = 1;
        }
    }
    total + run * (run - 1) / 2
}

/// A key whose integer order is the total order of the floats (`-0 < 0`;
/// ranks are never NaN).
fn key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 { !bits } else { bits | 1 << 63 }
}

/// Sorts `v` ascending and returns the pairs `i < j` with `v[i] > v[j]`
/// (strictly; equal values are not inversions): a bottom-up merge sort
/// between two buffers.
fn count_inversions<T: Copy + Ord>(v: &mut Vec<T>) -> u64 {
    let n = v.len();
    let mut from = std::mem::take(v);
    let mut to = from.clone();
    let mut inversions = 0u64;
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if from[j] < from[i] {
                    inversions += (mid - i) as u64;
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + mid - i].copy_from_slice(&from[i..mid]);
            let k = k + mid - i;
            to[k..k + end - j].copy_from_slice(&from[j..end]);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *v = from;
    inversions
}

/// The share of the top `k` two rankings have in common:
/// `|A ∩ B| / max(|A|, |B|)`, where `A` and `B` are the alternatives with
/// competition rank `<= k` in `a` and in `b` (ties at the cut can make a
/// set larger than `k`). `None` when both sets are empty (no alternative,
/// or `k = 0`).
///
/// # Panics
///
/// If `a` and `b` differ in length.
pub fn top_k_overlap(a: &[usize], b: &[usize], k: usize) -> Option<f64> {
    assert_eq!(a.len(), b.len(), "rankings of different lengths");
    let (mut in_a, mut in_b, mut both) = (0usize, 0usize, 0usize);
    for (&ra, &rb) in a.iter().zip(b) {
        in_a += usize::from(ra <= k);
        in_b += usize::from(rb <= k);
        both += usize::from(ra <= k && rb <= k);
    }
    let larger = in_a.max(in_b);
    (larger > 0).then(|| both as f64 / larger as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kendall's tau-b counted pair by pair, as its definition says.
    fn tau_b_by_pairs(x: &[f64], y: &[f64]) -> Option<f64> {
        let (mut s, mut nx, mut ny) = (0.0, 0.0, 0.0);
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                let (dx, dy) = ((x[i] - x[j]).signum(), (y[i] - y[j]).signum());
                let (dx, dy) = (if x[i] == x[j] { 0.0 } else { dx }, if y[i] == y[j] { 0.0 } else { dy });
                s += dx * dy;
                nx += dx.abs();
                ny += dy.abs();
            }
        }
        (nx > 0.0 && ny > 0.0).then(|| s / (nx * ny).sqrt())
    }

    #[test]
    fn knight_counts_agree_with_pair_by_pair() {
        let x = average_ranks(&[1, 2, 2, 4, 5, 5, 5, 8, 9, 10]);
        let y = average_ranks(&[3, 1, 5, 2, 5, 7, 7, 9, 7, 10]);
        let fast = kendall_tau_b(&x, &y).unwrap();
        assert!((fast - tau_b_by_pairs(&x, &y).unwrap()).abs() < 1e-12);
        let bucketed = kendall_tau_b_competition(&[1, 2, 2, 4, 5, 5, 5, 8, 9, 10], &[3, 1, 5, 2, 5, 7, 7, 9, 7, 10]);
        assert_eq!(bucketed, Some(fast));
    }

    #[test]
    fn inversions_are_strict() {
        let mut v = vec![30, 10, 20, 20, 5];
        assert_eq!(count_inversions(&mut v), 7);
        assert_eq!(v, [5, 10, 20, 20, 30]);
        let floats = [-2.0, -0.0, 0.0, 0.5, 1.0, 2.5, f64::MAX];
        assert!(floats.windows(2).all(|w| key(w[0]) < key(w[1])));
    }

    #[test]
    fn identical_rankings_score_one_and_reversed_minus_one() {
        let x = average_ranks(&[1, 2, 3, 4, 5]);
        let r: Vec<f64> = x.iter().rev().copied().collect();
        for f in [spearman, weighted_spearman, ws, kendall_tau_b] {
            assert!((f(&x, &x).unwrap() - 1.0).abs() < 1e-12);
        }
        assert!((spearman(&x, &r).unwrap() + 1.0).abs() < 1e-12);
        assert!((kendall_tau_b(&x, &r).unwrap() + 1.0).abs() < 1e-12);
        assert!((weighted_spearman(&x, &r).unwrap() + 1.0).abs() < 1e-12);
    }

    #[test]
    fn undefined_is_none() {
        let all_tied = average_ranks(&[1, 1, 1]);
        let y = average_ranks(&[1, 2, 3]);
        assert_eq!(spearman(&all_tied, &y), None);
        assert_eq!(kendall_tau_b(&all_tied, &y), None);
        assert!(ws(&all_tied, &y).is_some_and(f64::is_finite));
        for f in [spearman, weighted_spearman, ws, kendall_tau_b] {
            assert_eq!(f(&[1.0], &[1.0]), None);
            assert_eq!(f(&[], &[]), None);
        }
        assert_eq!(top_k_overlap(&[], &[], 3), None);
        assert_eq!(top_k_overlap(&[1, 1, 3], &[1, 2, 3], 1), Some(0.5));
        assert_eq!(top_k_overlap(&[1, 2, 2], &[3, 1, 1], 1), Some(0.0));
    }

    /// Competition ranks of `values` (higher first is irrelevant here:
    /// any consistent order with ties will do).
    fn competition(values: &[u8]) -> Vec<usize> {
        values
            .iter()
            .map(|&a| 1 + values.iter().filter(|&&b| b < a).count())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn bucketed_tau_b_is_tau_b_on_average_ranks(raw in proptest::collection::vec((0u8..7, 0u8..7), 0..60)) {
            let a = competition(&raw.iter().map(|p| p.0).collect::<Vec<_>>());
            let b = competition(&raw.iter().map(|p| p.1).collect::<Vec<_>>());
            let direct = kendall_tau_b(&average_ranks(&a), &average_ranks(&b));
            proptest::prop_assert_eq!(kendall_tau_b_competition(&a, &b), direct);
        }
    }
}
