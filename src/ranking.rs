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
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut ranked = Vec::with_capacity(order.len());
    let mut start = 0;
    while start < order.len() {
        let head = scores[order[start]];
        let mut end = start + 1;
        while end < order.len() && tied(head, scores[order[end]]) {
            end += 1;
        }
        order[start..end].sort_unstable();
        ranked.extend(order[start..end].iter().map(|&i| (i, start + 1)));
        start = end;
    }
    ranked
}

fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}
