//! TOPSIS in two passes (`innorank::column_stats`): statistics merged from
//! partitions in any order and grouping equal those of the whole, and
//! blocks scored with them score as the one-pass TOPSIS does.

use innorank::column_stats::{ColumnStats, StatsError};
use innorank::topsis::{Normalization, Topsis};
use innorank::{DataError, DecisionMatrix, Direction, Weights};
use proptest::prelude::*;

const CASES: u32 = 64;

/// A matrix of 1..=40 rows and 1..=5 columns with directions (targets
/// included) and weights; values mix magnitudes, zeros, repeats and
/// constant columns.
fn problem() -> impl Strategy<Value = (usize, Vec<f64>, Vec<Direction>, Vec<f64>)> {
    (1usize..=5, 1usize..=40).prop_flat_map(|(cols, rows)| {
        let value = prop_oneof![
            4 => -1e6..1e6f64,
            1 => Just(0.0),
            1 => Just(3.0),
            1 => -1e-3..1e-3f64,
        ];
        let direction = prop_oneof![
            Just(Direction::Benefit),
            Just(Direction::Cost),
            (-10.0..10.0f64).prop_map(Direction::Target),
        ];
        (
            Just(cols),
            proptest::collection::vec(value, rows * cols),
            proptest::collection::vec(direction, cols),
            proptest::collection::vec(0.01..1.0f64, cols),
        )
    })
}

/// Row counts at which to cut `rows` rows into partitions (some empty).
fn cuts(rows: usize) -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..=rows, 0..6).prop_map(|mut v| {
        v.sort_unstable();
        v
    })
}

/// The blocks of `data` between the cuts, empty ones included.
fn partitions<'a>(data: &'a [f64], cols: usize, cuts: &[usize]) -> Vec<&'a [f64]> {
    let rows = data.len() / cols;
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(rows);
    bounds.windows(2).map(|w| &data[w[0] * cols..w[1] * cols]).collect()
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) || (a - b).abs() < 1e-300
}

/// `a` equals `b`: count, min, max and largest magnitude exactly, the sum
/// of squares to 1e-12 relative.
fn assert_same(a: &ColumnStats, b: &ColumnStats) {
    assert_eq!(a.count(), b.count());
    assert_eq!(a.directions(), b.directions());
    for (x, y) in a.summaries().iter().zip(b.summaries()) {
        assert_eq!((x.min, x.max, x.largest), (y.min, y.max, y.largest));
        assert!(close(x.squares, y.squares, 1e-12), "{} vs {}", x.squares, y.squares);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant: merging the partitions' statistics left to right, right
    /// to left, and as a balanced tree gives the statistics of the whole.
    #[test]
    fn merged_partitions_are_the_whole((cols, data, directions, _w) in problem(), cut in cuts(40)) {
        let rows = data.len() / cols;
        let cut: Vec<usize> = cut.into_iter().map(|c| c.min(rows)).collect();
        let whole = ColumnStats::of_block(&data, &directions).unwrap();
        let parts: Vec<ColumnStats> = partitions(&data, cols, &cut)
            .into_iter()
            .map(|b| ColumnStats::of_block(b, &directions).unwrap())
            .collect();
        let empty = ColumnStats::empty(&directions);
        let left = parts.iter().fold(empty.clone(), |acc, p| acc.merge(p).unwrap());
        let right = parts.iter().rev().fold(empty.clone(), |acc, p| p.merge(&acc).unwrap());
        let mut level = parts.clone();
        while level.len() > 1 {
            level = level.chunks(2).map(|c| match c {
                [a, b] => a.merge(b).unwrap(),
                [a] => a.clone(),
                _ => unreachable!(),
            }).collect();
        }
        assert_same(&left, &whole);
        assert_same(&right, &whole);
        assert_same(&level[0], &whole);
        prop_assert_eq!(left.merge(&right).unwrap().count(), 2 * rows as u64);
    }

    /// Invariant: every block scored with the merged statistics gives the
    /// closeness, D+ and D- of the one-pass TOPSIS on the whole matrix
    /// (1e-12), and the same degenerate columns, under both normalisations.
    #[test]
    fn blocks_score_as_the_one_pass((cols, data, directions, w) in problem(), cut in cuts(40)) {
        let rows = data.len() / cols;
        let cut: Vec<usize> = cut.into_iter().map(|c| c.min(rows)).collect();
        let blocks = partitions(&data, cols, &cut);
        let stats = blocks.iter().fold(ColumnStats::empty(&directions), |acc, b| {
            acc.merge(&ColumnStats::of_block(b, &directions).unwrap()).unwrap()
        });
        let weights = Weights::new(w).unwrap();
        let matrix = DecisionMatrix::from_row_major(cols, data.clone()).unwrap();
        for normalization in Normalization::ALL {
            let topsis = Topsis::new(normalization);
            let whole = topsis.rank(&matrix, &weights, &directions).unwrap();
            let mut row = 0;
            for block in &blocks {
                let scored = topsis.score_block(block, &stats, &weights).unwrap();
                prop_assert_eq!(&scored.degenerate, &whole.degenerate);
                for i in 0..scored.closeness.len() {
                    prop_assert!((scored.closeness[i] - whole.closeness[row]).abs() < 1e-12);
                    prop_assert!((scored.d_plus[i] - whole.d_plus[row]).abs() < 1e-12);
                    prop_assert!((scored.d_minus[i] - whole.d_minus[row]).abs() < 1e-12);
                    row += 1;
                }
            }
            prop_assert_eq!(row, rows);
        }
    }
}

#[test]
fn extreme_magnitudes_merge_without_overflow() {
    let d = [Direction::Benefit];
    let big = [f64::MAX, f64::MAX / 2.0];
    let tiny = [5e-324, 1e-320];
    let stats = ColumnStats::of_block(&big[..1], &d)
        .unwrap()
        .merge(&ColumnStats::of_block(&big[1..], &d).unwrap())
        .unwrap();
    assert!(stats.summaries()[0].squares.is_finite());
    let w = Weights::new(vec![1.0]).unwrap();
    let topsis = Topsis::new(Normalization::Vector);
    let whole = topsis
        .rank(&DecisionMatrix::from_row_major(1, big.to_vec()).unwrap(), &w, &d)
        .unwrap();
    assert_eq!(topsis.score_block(&big, &stats, &w).unwrap().closeness, whole.closeness);
    let stats = ColumnStats::of_block(&tiny, &d).unwrap();
    assert_eq!(topsis.score_block(&tiny, &stats, &w).unwrap().closeness, vec![0.0, 1.0]);
}

#[test]
fn mismatches_are_typed_errors() {
    let benefit = ColumnStats::of_block(&[1.0, 2.0], &[Direction::Benefit, Direction::Cost]).unwrap();
    let target = ColumnStats::of_block(&[1.0, 2.0], &[Direction::Benefit, Direction::Target(0.5)]).unwrap();
    let err = benefit.merge(&target).unwrap_err();
    assert!(matches!(err, StatsError::DirectionsDiffer { col: 1, .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "column 1 is ranked as cost here but as target 0.5 in the other statistics"
    );
    assert!(matches!(
        ColumnStats::of_block(&[1.0, 2.0, 3.0], &[Direction::Benefit, Direction::Cost]),
        Err(StatsError::Data(DataError::RaggedRow { .. }))
    ));
    assert!(matches!(
        ColumnStats::of_block(&[1.0, f64::NAN], &[Direction::Benefit, Direction::Cost]),
        Err(StatsError::Data(DataError::NonFinite { row: 0, col: 1, .. }))
    ));
    let topsis = Topsis::default();
    let one = Weights::new(vec![1.0]).unwrap();
    assert!(matches!(
        topsis.score_block(&[1.0, 2.0], &benefit, &one),
        Err(StatsError::Data(DataError::CountMismatch { what: "weights", .. }))
    ));
    let none = ColumnStats::empty(&[Direction::Benefit]);
    assert_eq!(topsis.score_block(&[1.0], &none, &one), Err(StatsError::NoRows));
}

/// Blocks longer than one piece of parallel work (8192 rows) are cut and
/// merged inside `of_block`: still the one pass's scores.
#[test]
fn long_blocks_score_as_the_one_pass() {
    let d = [Direction::Benefit, Direction::Cost, Direction::Target(0.3)];
    let rows = 30_000;
    let data: Vec<f64> = (0..rows * 3)
        .map(|i| ((i * 7919) % 10_007) as f64 / 97.0 - 40.0)
        .collect();
    let w = Weights::new(vec![0.5, 0.3, 0.2]).unwrap();
    let matrix = DecisionMatrix::from_row_major(3, data.clone()).unwrap();
    let stats = ColumnStats::of_block(&data, &d).unwrap();
    assert_eq!(stats.count(), rows as u64);
    for normalization in Normalization::ALL {
        let topsis = Topsis::new(normalization);
        let whole = topsis.rank(&matrix, &w, &d).unwrap();
        let two = topsis.closeness_block(&data, &stats, &w).unwrap();
        let worst = two
            .iter()
            .zip(&whole.closeness)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-12, "{normalization:?}: {worst}");
    }
}
