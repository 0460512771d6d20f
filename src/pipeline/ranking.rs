//! The ranking a report holds: the survivors of screening, best first,
//! over the model's alternatives (ranks and ties come from
//! [`crate::ranking`]).

use crate::math::ranking::Entry;
use crate::model::Alternatives;

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
