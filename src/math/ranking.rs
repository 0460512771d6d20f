//! Ranks from scores, with ties.

/// Scores within this relative distance are tied.
pub const TIE_TOLERANCE: f64 = 1e-12;

/// Orders alternatives by score, best first, and gives each its rank.
///
/// Returns `(index, rank)` pairs. Equal scores (to [`TIE_TOLERANCE`]
/// relative, compared with the first score of the tied run) share the
/// smaller rank, the next rank skips (1, 2, 2, 4), and tied alternatives
/// are listed in input order. Up to 2^32 - 1 scores, as [`crate::rank`]
/// allows.
///
/// ```
/// let order = innorank::ranking::rank_scores(&[0.2, 0.9, 0.5, 0.9]);
/// assert_eq!(order, vec![(1, 1), (3, 1), (2, 3), (0, 4)]);
/// ```
pub fn rank_scores(scores: &[f64]) -> Vec<(usize, usize)> {
    let mut entries: Vec<Entry> = (0..scores.len()).map(|i| Entry::new(i, scores[i], 0.0, 0.0)).collect();
    sort_and_rank(&mut entries);
    entries.iter().map(|e| (e.index as usize, e.rank as usize)).collect()
}

/// One ranked alternative, as stored: 32 bytes, so a million cost 32 MB.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Entry {
    pub(crate) index: u32,
    pub(crate) rank: u32,
    pub(crate) score: f64,
    pub(crate) d_plus: f64,
    pub(crate) d_minus: f64,
}

impl Entry {
    /// Alternative `index` (below 2^32: [`crate::rank`] checks) with its
    /// scores; its rank comes from [`sort_and_rank`].
    pub(crate) fn new(index: usize, score: f64, d_plus: f64, d_minus: f64) -> Self {
        Entry {
            index: index as u32,
            rank: 0,
            score,
            d_plus,
            d_minus,
        }
    }
}

/// Sorts `entries` best first and sets their ranks as [`rank_scores`]
/// describes. The parallel sort is unstable but the order it sorts by
/// (score, then index) is total, so the result is the same on any number
/// of threads.
pub(crate) fn sort_and_rank(entries: &mut [Entry]) {
    use rayon::slice::ParallelSliceMut;

    entries.par_sort_unstable_by_key(|e| (descending(e.score), e.index));
    let mut start = 0;
    while start < entries.len() {
        let head = entries[start].score;
        let mut end = start + 1;
        while end < entries.len() && tied(head, entries[end].score) {
            end += 1;
        }
        let run = &mut entries[start..end];
        // Nearly equal scores may have come out of index order.
        if run.len() > 1 {
            run.sort_unstable_by_key(|e| e.index);
        }
        for e in run {
            e.rank = start as u32 + 1;
        }
        start = end;
    }
}

/// A key that orders scores from highest to lowest, as `total_cmp` would
/// in reverse, but compares as a plain integer.
pub(crate) fn descending(score: f64) -> u64 {
    let bits = score.to_bits();
    if bits >> 63 == 1 { bits } else { !bits & !(1 << 63) }
}

/// Whether two scores are tied ([`TIE_TOLERANCE`] relative).
pub(crate) fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}

#[cfg(test)]
mod tests {
    use super::descending;

    #[test]
    fn descending_keys_reverse_total_order() {
        let values = [
            f64::NEG_INFINITY,
            -2.5,
            -1e-300,
            -0.0,
            0.0,
            5e-324,
            0.25,
            0.5,
            1.0,
            f64::MAX,
            f64::INFINITY,
        ];
        for a in values {
            for b in values {
                assert_eq!(descending(a).cmp(&descending(b)), b.total_cmp(&a), "{a} vs {b}");
            }
        }
    }
}
