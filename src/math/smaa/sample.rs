//! Weight vectors and judgment values drawn at random.

use super::DrawRng;

/// Fills `out` with a weight vector uniform on the simplex
/// `{w >= 0, sum w = 1}`: the gaps between `0`, `n - 1` sorted uniform
/// numbers and `1` (Rubin's method; Tervonen & Lahdelma 2007, "Implementing
/// stochastic multicriteria acceptability analysis", *EJOR* 178(2),
/// 500-513, section 3.1). Drawing each weight uniformly and dividing by
/// the sum is not uniform on the simplex (it favours the centre).
///
/// ```
/// use innorank::smaa::{DrawRng, Purpose, uniform_simplex};
/// let mut w = [0.0; 4];
/// uniform_simplex(&mut DrawRng::new(0, 0, Purpose::Weights), &mut w);
/// assert!(w.iter().all(|&x| x >= 0.0) && (w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
/// ```
pub fn uniform_simplex(rng: &mut DrawRng, out: &mut [f64]) {
    let Some((last, cuts)) = out.split_last_mut() else {
        return;
    };
    for x in cuts.iter_mut() {
        *x = rng.uniform();
    }
    cuts.sort_unstable_by(f64::total_cmp);
    let mut previous = 0.0;
    for x in cuts.iter_mut() {
        let cut = *x;
        *x = cut - previous;
        previous = cut;
    }
    *last = 1.0 - previous;
}

/// Weight vectors uniform on the part of the simplex where the weights keep
/// a given order ("ordinal" preference information, Lahdelma & Salminen
/// 2001, section 3): a uniform vector sorted from largest to smallest and
/// handed out in that order. Leaves whose base weights are equal are not
/// ordered among themselves: each draw shares their values out at random.
///
/// The mean weights are the rank-order-centroid weights
/// `(1/n) sum_{k=i..n} 1/k` for the `i`-th heaviest leaf (Barron & Barrett
/// 1996).
///
/// ```
/// use innorank::smaa::{DrawRng, Ordinal, Purpose};
/// let ordinal = Ordinal::new(&[0.2, 0.5, 0.3]);
/// let mut w = [0.0; 3];
/// ordinal.draw(&mut DrawRng::new(1, 0, Purpose::Weights), &mut w);
/// assert!(w[1] >= w[2] && w[2] >= w[0]);
/// ```
#[derive(Debug, Clone)]
pub struct Ordinal {
    /// Leaf indices, heaviest base weight first (ties in index order).
    order: Vec<usize>,
    /// Ranges of `order` whose base weights are equal.
    ties: Vec<std::ops::Range<usize>>,
}

impl Ordinal {
    /// The order of the base weights `base` (one per leaf).
    pub fn new(base: &[f64]) -> Self {
        let mut order: Vec<usize> = (0..base.len()).collect();
        order.sort_by(|&a, &b| base[b].total_cmp(&base[a]).then(a.cmp(&b)));
        let mut ties = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let end = (start..order.len())
                .find(|&k| base[order[k]] != base[order[start]])
                .unwrap_or(order.len());
            if end - start > 1 {
                ties.push(start..end);
            }
            start = end;
        }
        Ordinal { order, ties }
    }

    /// Fills `out` (one weight per leaf) with a draw.
    ///
    /// # Panics
    ///
    /// If `out` does not have one entry per leaf of [`Ordinal::new`].
    pub fn draw(&self, rng: &mut DrawRng, out: &mut [f64]) {
        assert_eq!(out.len(), self.order.len(), "one weight per leaf");
        let mut sorted = vec![0.0; out.len()];
        uniform_simplex(rng, &mut sorted);
        sorted.sort_unstable_by(|a, b| b.total_cmp(a));
        for range in &self.ties {
            // Fisher-Yates within the tied leaves.
            for k in (range.start + 1..range.end).rev() {
                let j = range.start + rng.below(k - range.start + 1);
                sorted.swap(k, j);
            }
        }
        for (&leaf, &w) in self.order.iter().zip(&sorted) {
            out[leaf] = w;
        }
    }
}

/// A value log-uniform on `[low, high]` (`0 < low <= high`):
/// `exp(U(ln low, ln high))`, the uniform law of a ratio judgment's
/// logarithm, so `x` and `1 / x` are equally likely around the geometric
/// mean. Returns `low` when the bounds are equal.
///
/// ```
/// use innorank::smaa::{DrawRng, Purpose, log_uniform};
/// let v = log_uniform(&mut DrawRng::new(0, 0, Purpose::Weights), 2.0, 4.0);
/// assert!((2.0..=4.0).contains(&v));
/// ```
pub fn log_uniform(rng: &mut DrawRng, low: f64, high: f64) -> f64 {
    if low >= high {
        return low;
    }
    let (a, b) = (low.ln(), high.ln());
    (a + rng.uniform() * (b - a)).exp().clamp(low, high)
}

/// Saaty's 17-point scale, `1/9 ... 1/2, 1, 2 ... 9`, ascending.
pub const SAATY_SCALE: [f64; 17] = [
    1.0 / 9.0,
    1.0 / 8.0,
    1.0 / 7.0,
    1.0 / 6.0,
    1.0 / 5.0,
    1.0 / 4.0,
    1.0 / 3.0,
    1.0 / 2.0,
    1.0,
    2.0,
    3.0,
    4.0,
    5.0,
    6.0,
    7.0,
    8.0,
    9.0,
];

/// The interval of a point judgment `value` spread by `steps` steps of
/// [`SAATY_SCALE`]: from the `steps`-th scale value strictly below it to the
/// `steps`-th strictly above, clamped at the scale's ends (1/9 and 9). A
/// value beyond an end keeps itself as that side's bound, so the interval
/// always holds it. `steps = 0` gives `[value, value]`.
///
/// ```
/// use innorank::smaa::saaty_spread;
/// assert_eq!(saaty_spread(3.0, 1), (2.0, 4.0));
/// assert_eq!(saaty_spread(0.5, 1), (1.0 / 3.0, 1.0));
/// assert_eq!(saaty_spread(2.5, 1), (2.0, 3.0));
/// assert_eq!(saaty_spread(8.0, 2), (6.0, 9.0));
/// ```
pub fn saaty_spread(value: f64, steps: usize) -> (f64, f64) {
    if steps == 0 {
        return (value, value);
    }
    // Values read as fractions ("1/3") or as reciprocals are within an ulp
    // of the scale's; those count as on the scale.
    let same = |s: f64| (s - value).abs() <= 1e-9 * value.abs();
    let below: Vec<f64> = SAATY_SCALE.iter().copied().filter(|&s| s < value && !same(s)).collect();
    let above: Vec<f64> = SAATY_SCALE.iter().copied().filter(|&s| s > value && !same(s)).collect();
    let low = below
        .len()
        .checked_sub(steps)
        .map_or(SAATY_SCALE[0], |k| below[k])
        .min(value);
    let high = above.get(steps - 1).copied().unwrap_or(SAATY_SCALE[16]).max(value);
    (low, high)
}
