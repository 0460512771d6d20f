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
    use rayon::prelude::*;
    use rayon::slice::ParallelSliceMut;

    entries.par_sort_unstable_by_key(|e| (descending(e.score), e.index));
    // Runs of ties are ranked in parts on all cores, each part from its own
    // start. That is the ranking of one pass from the top unless a run of
    // the part before would reach past a part's start, which is checked
    // first (reading only): then one pass does it all.
    let part = entries.len().div_ceil(rayon::current_num_threads() * 4).max(RANK_PART);
    let crossed = entries.par_chunks(part).enumerate().skip(1).any(|(k, _)| {
        let before = (k - 1) * part;
        let head = before + last_run(&entries[before..k * part]);
        tied(entries[head].score, entries[k * part].score)
    });
    if crossed {
        rank_runs(entries, 0);
    } else {
        entries
            .par_chunks_mut(part)
            .enumerate()
            .for_each(|(k, chunk)| rank_runs(chunk, k * part));
    }
}

/// Entries ranked together at least (64 Ki: a few milliseconds).
const RANK_PART: usize = 1 << 16;

/// Ranks the runs of ties in `entries`, sorted best first, that start at
/// position `offset` of the whole ranking.
fn rank_runs(entries: &mut [Entry], offset: usize) {
    let mut start = 0;
    while start < entries.len() {
        let end = run_end(entries, start);
        let run = &mut entries[start..end];
        // Nearly equal scores may have come out of index order.
        if run.len() > 1 {
            run.sort_unstable_by_key(|e| e.index);
        }
        for e in run {
            e.rank = (offset + start) as u32 + 1;
        }
        start = end;
    }
}

/// Where the run of ties that starts at `start` ends: the first entry not
/// tied with the run's first score.
fn run_end(entries: &[Entry], start: usize) -> usize {
    let head = entries[start].score;
    let mut end = start + 1;
    while end < entries.len() && tied(head, entries[end].score) {
        end += 1;
    }
    end
}

/// The start of the last run of ties in `entries` (not empty), as one pass
/// from the top finds them.
fn last_run(entries: &[Entry]) -> usize {
    let (mut start, mut last) = (0, 0);
    while start < entries.len() {
        last = start;
        start = run_end(entries, start);
    }
    last
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
    use super::{Entry, descending, rank_runs, sort_and_rank};

    #[test]
    fn ranking_in_parts_is_ranking_in_one_pass() {
        let n = 140_000;
        // Ties within parts only; a run of ties across the parts' starts;
        // chains of near ties, each within the tolerance of the next but
        // not of the run's first score.
        let cases: [&dyn Fn(usize) -> f64; 4] = [
            &|i| (i as f64).sqrt(),
            &|i| ((i * 7_919) % n / 10) as f64,
            &|i| ((i * 7_919) % n / 1_000) as f64,
            &|i| 0.5 * (1.0 - (i % 50_000) as f64 * 0.6e-12),
        ];
        for score in cases {
            let entries: Vec<Entry> = (0..n).map(|i| Entry::new(i, score(i), 0.0, 0.0)).collect();
            let mut one_pass = entries.clone();
            one_pass.sort_unstable_by_key(|e| (descending(e.score), e.index));
            rank_runs(&mut one_pass, 0);
            for threads in [1, 2, 4] {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                let mut parts = entries.clone();
                pool.install(|| sort_and_rank(&mut parts));
                assert!(parts == one_pass, "{threads} threads");
            }
        }
    }

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
