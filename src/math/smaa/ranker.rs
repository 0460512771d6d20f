//! Competition ranks of one draw's scores, by a bucket sort on the score
//! itself: one counting pass over [`SPREAD`]` x m` buckets spread evenly
//! between the draw's lowest and highest score, then one insertion-sort
//! pass over the whole array, which only moves scores within a bucket.
//!
//! A bucket index is `floor((highest - s) * buckets / (highest - lowest))`:
//! floating-point subtraction and multiplication by a positive number are
//! monotone under rounding, so a higher score never lands in a later
//! bucket, and the insertion pass gives the exact descending order. The
//! scores of a draw are continuous (closeness, synthesis scores), so
//! buckets hold one or two scores; when one holds more than
//! [`BUCKET_MAX`] a comparison sort takes over, so clustered scores cost
//! `O(m log m)` at worst.

use crate::math::ranking::TIE_TOLERANCE;

/// Below this many alternatives a comparison sort is as fast.
const BUCKETS_FROM: usize = 64;

/// Buckets per alternative.
const SPREAD: usize = 2;

/// The most scores a bucket may hold for the insertion pass.
const BUCKET_MAX: u32 = 32;

/// Competition ranks of one draw's scores (ties, as
/// [`crate::ranking::rank_scores`] finds them, share the best rank: 1, 2,
/// 2, 4), with the buffers kept from draw to draw.
#[derive(Debug, Default)]
pub(super) struct Ranker {
    /// The alternatives from the highest score to the lowest.
    pub(super) order: Vec<u32>,
    /// Their scores, in that order.
    sorted: Vec<f64>,
    /// Per bucket, its count, then where it starts, then where it ends.
    starts: Vec<u32>,
    /// Each alternative's bucket.
    bucket: Vec<u32>,
    /// Each alternative's rank (1 is best).
    pub(super) ranks: Vec<u32>,
}

impl Ranker {
    /// Ranks `scores` (finite; higher is better).
    pub(super) fn rank(&mut self, scores: &[f64]) {
        let m = scores.len();
        self.order.resize(m, 0);
        self.sorted.resize(m, 0.0);
        self.ranks.resize(m, 0);
        let bucketed = m >= BUCKETS_FROM
            && bucket_sort(
                scores,
                &mut self.bucket,
                &mut self.starts,
                &mut self.order,
                &mut self.sorted,
            );
        if !bucketed {
            for (k, o) in (0u32..).zip(self.order.iter_mut()) {
                *o = k;
            }
            self.order
                .sort_unstable_by(|&a, &b| scores[b as usize].total_cmp(&scores[a as usize]));
            for (s, &i) in self.sorted.iter_mut().zip(&self.order) {
                *s = scores[i as usize];
            }
        }
        competition_ranks(&self.sorted, &self.order, &mut self.ranks);
    }
}

/// Sorts the alternatives into `order` and their scores into `sorted`
/// (both `scores.len()` long), highest first; `false` (nothing done) when
/// the scores do not spread over a finite, non-empty range or crowd into
/// one bucket.
fn bucket_sort(
    scores: &[f64],
    bucket: &mut Vec<u32>,
    starts: &mut Vec<u32>,
    order: &mut [u32],
    sorted: &mut [f64],
) -> bool {
    let m = scores.len();
    let buckets = SPREAD * m;
    let (lo, hi) = bounds(scores);
    let range = hi - lo;
    let scale = buckets as f64 / range;
    if !(range > 0.0 && range.is_finite() && scale.is_finite()) {
        return false;
    }
    let last = (buckets - 1) as f64;
    bucket.resize(m, 0);
    for (b, &s) in bucket.iter_mut().zip(scores) {
        let x = (hi - s) * scale;
        *b = nearest(if x < last { x } else { last });
    }
    starts.clear();
    starts.resize(buckets, 0);
    for &b in bucket.iter() {
        starts[b as usize] += 1;
    }
    let (mut next, mut most) = (0, 0);
    for c in starts.iter_mut() {
        most = most.max(*c);
        (*c, next) = (next, next + *c);
    }
    if most > BUCKET_MAX {
        return false;
    }
    for ((&b, &s), i) in bucket.iter().zip(scores).zip(0u32..) {
        let slot = &mut starts[b as usize];
        order[*slot as usize] = i;
        sorted[*slot as usize] = s;
        *slot += 1;
    }
    insertion_sort(order, sorted);
    true
}

/// `x` (in `[0, 2^31)`) rounded to the nearest integer, ties to even, by
/// adding `2^52`: the sum's last bits are the integer, in a form the
/// vector units convert two or four at a time (a float-to-integer cast
/// goes one by one, with checks for NaN and range). Rounding is monotone,
/// as bucket sorting needs.
fn nearest(x: f64) -> u32 {
    const SHIFT: f64 = 4_503_599_627_370_496.0; // 2^52
    (x + SHIFT).to_bits() as u32
}

/// The lowest and the highest of `scores` (not empty, no NaN), in four
/// independent chains of comparisons.
fn bounds(scores: &[f64]) -> (f64, f64) {
    let (mut lo, mut hi) = ([scores[0]; 4], [scores[0]; 4]);
    let chunks = scores.chunks_exact(4);
    for &s in chunks.remainder() {
        lo[0] = if s < lo[0] { s } else { lo[0] };
        hi[0] = if s > hi[0] { s } else { hi[0] };
    }
    for chunk in chunks {
        for l in 0..4 {
            lo[l] = if chunk[l] < lo[l] { chunk[l] } else { lo[l] };
            hi[l] = if chunk[l] > hi[l] { chunk[l] } else { hi[l] };
        }
    }
    let low = lo.iter().copied().fold(lo[0], |a, b| if b < a { b } else { a });
    let high = hi.iter().copied().fold(hi[0], |a, b| if b > a { b } else { a });
    (low, high)
}

/// Sorts `order` (and its scores, `sorted`) by descending score; linear
/// when every score is near its place.
fn insertion_sort(order: &mut [u32], sorted: &mut [f64]) {
    for k in 1..sorted.len() {
        let s = sorted[k];
        if sorted[k - 1] >= s {
            continue;
        }
        let item = order[k];
        let mut j = k;
        while j > 0 && sorted[j - 1] < s {
            order[j] = order[j - 1];
            sorted[j] = sorted[j - 1];
            j -= 1;
        }
        order[j] = item;
        sorted[j] = s;
    }
}

/// Competition ranks from the descending order: a run of scores tied
/// with its first (to [`TIE_TOLERANCE`] relative, the rule of
/// [`crate::ranking::rank_scores`]) shares the run's first position.
fn competition_ranks(sorted: &[f64], order: &[u32], ranks: &mut [u32]) {
    if !near_ties(sorted) {
        for (&i, rank) in order.iter().zip(1..) {
            ranks[i as usize] = rank;
        }
        return;
    }
    let mut k = 0;
    // A run's head is read from memory, not carried from the previous
    // score: the tie test (rarely true, so well predicted) stays off the
    // loop's critical path.
    while k < sorted.len() {
        let (head, rank) = (sorted[k], k as u32 + 1);
        ranks[order[k] as usize] = rank;
        k += 1;
        while k < sorted.len() && tied(head, sorted[k]) {
            ranks[order[k] as usize] = rank;
            k += 1;
        }
    }
}

/// Whether two neighbours of the descending `sorted` are within twice the
/// tie tolerance: without such a pair no score is tied with the head of
/// its run (a tie with the head bounds the gap to the neighbour above,
/// `sorted[k - 1] - sorted[k] <= head - sorted[k] <= TIE |head|`, and
/// `|head| <= 2 max(|sorted[k - 1]|, |sorted[k]|)` then), so every score
/// has its own rank. One branch-free pass, instead of a tie test per
/// score against its run's head.
fn near_ties(sorted: &[f64]) -> bool {
    let mut near = false;
    for pair in sorted.windows(2) {
        let (x, y) = (pair[0].abs(), pair[1].abs());
        near |= pair[0] - pair[1] <= 2.0 * TIE_TOLERANCE * if x > y { x } else { y };
    }
    near
}

/// [`crate::math::ranking::tied`] for scores that are not NaN, without
/// `f64::max`'s NaN handling.
fn tied(a: f64, b: f64) -> bool {
    let (x, y) = (a.abs(), b.abs());
    (a - b).abs() <= TIE_TOLERANCE * if x > y { x } else { y }
}

#[cfg(test)]
mod tests {
    use super::Ranker;
    use crate::math::ranking::rank_scores;

    /// A fixed pseudo-random stream in [0, 1).
    fn stream(seed: u64) -> impl FnMut() -> f64 {
        let mut state = seed;
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn check(scores: &[f64], what: &str) {
        let mut ranker = Ranker::default();
        ranker.rank(scores);
        for (index, rank) in rank_scores(scores) {
            assert_eq!(ranker.ranks[index] as usize, rank, "{what}: alternative {index}");
        }
        let sorted = ranker
            .order
            .windows(2)
            .all(|w| scores[w[0] as usize] >= scores[w[1] as usize]);
        assert!(sorted, "{what}: order not descending");
    }

    /// The bucket path (64 scores and more) and the comparison path give
    /// `rank_scores`' ranks, ties and near-ties included.
    #[test]
    fn ranks_match_rank_scores() {
        let mut next = stream(7);
        for m in [1, 2, 50, 63, 64, 255, 256, 300, 1000] {
            // Few distinct values (exact ties), values within 1e-13 of each
            // other (tolerance ties), zeros and ones.
            let scores: Vec<f64> = (0..m)
                .map(|i| match i % 4 {
                    0 => (next() * 8.0).floor() / 8.0,
                    1 => 0.5 + next() * 1e-13,
                    2 => next(),
                    _ => f64::from(u8::from(next() > 0.5)),
                })
                .collect();
            check(&scores, &format!("m = {m}"));
        }
    }

    /// Scores all equal, clustered in one bucket, negative, huge or
    /// subnormal in range still rank exactly.
    #[test]
    fn degenerate_spreads_rank_exactly() {
        let mut next = stream(11);
        type Case = (&'static str, fn(f64) -> f64);
        let cases: [Case; 6] = [
            ("equal", |_| 0.25),
            ("one outlier", |u| if u < 0.01 { 1e6 } else { u * 1e-3 }),
            ("negative", |u| -u),
            ("huge", |u| (u - 0.5) * f64::MAX),
            ("subnormal", |u| u * 1e-310),
            ("crowded", |u| if u < 0.5 { 0.5 + u * 1e-9 } else { u }),
        ];
        for (what, f) in &cases {
            let scores: Vec<f64> = (0..500).map(|_| f(next())).collect();
            check(&scores, what);
        }
    }

    /// The local tie test is `ranking::tied` on values that are not NaN.
    #[test]
    fn tie_test_matches_ranking() {
        let values = [
            0.0,
            -0.0,
            1.0,
            1.0 + 1e-13,
            1.0 - 1e-12,
            -1.0,
            -1.0 - 1e-12,
            0.5,
            1e-300,
            f64::MAX,
        ];
        for a in values {
            for b in values {
                assert_eq!(super::tied(a, b), crate::math::ranking::tied(a, b), "{a} vs {b}");
            }
        }
    }
}
