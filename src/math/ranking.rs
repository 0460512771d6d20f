//! Ranks from scores, with ties, and the ranking a report holds.

use crate::model::Alternatives;

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
    index: u32,
    rank: u32,
    score: f64,
    d_plus: f64,
    d_minus: f64,
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
fn descending(score: f64) -> u64 {
    let bits = score.to_bits();
    if bits >> 63 == 1 { bits } else { !bits & !(1 << 63) }
}

fn tied(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}

/// The survivors of screening, best first: what [`crate::RankReport`]
/// holds. Entries are read as [`RankedAlternative`] values.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: r
/// criteria: [{id: cost, direction: cost}]
/// alternatives:
///   - {id: a, scores: {cost: 5}}
///   - {id: b, scores: {cost: 3}}
/// "#, "r.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let ids: Vec<&str> = report.ranking.iter().map(|r| r.id).collect();
/// assert_eq!(ids, ["b", "a"]);
/// assert_eq!(report.ranking.first().map(|r| r.rank), Some(1));
/// ```
#[derive(Debug, Clone)]
pub struct Ranking<'p> {
    alternatives: &'p Alternatives,
    entries: Vec<Entry>,
    distances: bool,
    satisfactory: Option<f64>,
}

impl<'p> Ranking<'p> {
    /// `entries` sorted by [`sort_and_rank`]; `distances` says whether
    /// their `d_plus` and `d_minus` mean anything (TOPSIS).
    pub(crate) fn new(
        alternatives: &'p Alternatives,
        entries: Vec<Entry>,
        distances: bool,
        satisfactory: Option<f64>,
    ) -> Self {
        Ranking {
            alternatives,
            entries,
            distances,
            satisfactory,
        }
    }

    /// An empty ranking.
    pub(crate) fn empty(alternatives: &'p Alternatives) -> Self {
        Ranking::new(alternatives, Vec::new(), false, None)
    }

    /// Number of ranked alternatives.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was ranked.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `i`-th best (0-based).
    pub fn get(&self, i: usize) -> Option<RankedAlternative<'p>> {
        self.entries.get(i).map(|e| self.view(e))
    }

    /// The best.
    pub fn first(&self) -> Option<RankedAlternative<'p>> {
        self.get(0)
    }

    /// Every ranked alternative, best first.
    pub fn iter(&self) -> Iter<'_, 'p> {
        self.range(0..self.len())
    }

    /// The alternatives at positions `range` (0-based, clamped to the
    /// length), best first.
    pub fn range(&self, range: std::ops::Range<usize>) -> Iter<'_, 'p> {
        let end = range.end.min(self.entries.len());
        Iter {
            ranking: self,
            entries: self.entries[range.start.min(end)..end].iter(),
        }
    }

    /// Keeps the best `n`.
    pub fn truncate(&mut self, n: usize) {
        self.entries.truncate(n);
    }

    fn view(&self, e: &Entry) -> RankedAlternative<'p> {
        let index = e.index as usize;
        RankedAlternative {
            index,
            id: self.alternatives.id(index),
            rank: e.rank as usize,
            score: e.score,
            d_plus: self.distances.then_some(e.d_plus),
            d_minus: self.distances.then_some(e.d_minus),
            satisfactory: self.satisfactory.map(|x| e.score >= x),
        }
    }
}

/// Iterator over a [`Ranking`], best first.
#[derive(Debug, Clone)]
pub struct Iter<'r, 'p> {
    ranking: &'r Ranking<'p>,
    entries: std::slice::Iter<'r, Entry>,
}

impl<'p> Iterator for Iter<'_, 'p> {
    type Item = RankedAlternative<'p>;

    fn next(&mut self) -> Option<Self::Item> {
        self.entries.next().map(|e| self.ranking.view(e))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_, '_> {}

impl DoubleEndedIterator for Iter<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.entries.next_back().map(|e| self.ranking.view(e))
    }
}

impl<'r, 'p> IntoIterator for &'r Ranking<'p> {
    type Item = RankedAlternative<'p>;
    type IntoIter = Iter<'r, 'p>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// One ranked alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedAlternative<'p> {
    /// Its index in [`crate::Problem::alternatives`].
    pub index: usize,
    /// Its id.
    pub id: &'p str,
    /// 1 is best; tied scores share the smaller rank.
    pub rank: usize,
    /// The method's score, in `[0, 1]`; higher is better: TOPSIS relative
    /// closeness, or the AHP synthesis score under [`crate::Method::Ahp`].
    pub score: f64,
    /// Distance to the ideal (TOPSIS only).
    pub d_plus: Option<f64>,
    /// Distance to the anti-ideal (TOPSIS only).
    pub d_minus: Option<f64>,
    /// Whether the score reaches the satisfactory level, when one was given.
    pub satisfactory: Option<bool>,
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
