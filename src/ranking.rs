//! Ranks from scores, with ties.

/// Scores within this relative distance are tied.
pub const TIE_TOLERANCE: f64 = 1e-12;

/// Orders alternatives by score, best first, and gives each its rank.
///
/// Returns `(index, rank)` pairs. Equal scores (to [`TIE_TOLERANCE`]
/// relative, compared with the first score of the tied run) share the
/// smaller rank, the next rank skips (1, 2, 2, 4), and tied alternatives
/// are listed in input order.
///
/// ```
/// let order = innorank::ranking::rank_scores(&[0.2, 0.9, 0.5, 0.9]);
/// assert_eq!(order, vec![(1, 1), (3, 1), (2, 3), (0, 4)]);
/// ```
pub fn rank_scores(scores: &[f64]) -> Vec<(usize, usize)> {
    use rayon::slice::ParallelSliceMut;

    // Best first, equal scores by index: a total order, so the parallel
    // unstable sort gives the same result every time.
    let mut order: Vec<(f64, usize)> = scores.iter().copied().zip(0..).collect();
    order.par_sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ranked = Vec::with_capacity(order.len());
    let mut start = 0;
    while start < order.len() {
        let head = order[start].0;
        let mut end = start + 1;
        while end < order.len() && tied(head, order[end].0) {
            end += 1;
        }
        // Nearly equal scores may have come out of index order.
        if end - start > 1 {
            order[start..end].sort_unstable_by_key(|&(_, i)| i);
        }
        ranked.extend(order[start..end].iter().map(|&(_, i)| (i, start + 1)));
        start = end;
    }
    ranked
}

fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}
