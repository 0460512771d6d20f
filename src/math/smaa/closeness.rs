//! TOPSIS closeness of every alternative under one weight vector, laid out
//! for the vector units.
//!
//! [`Deviations::closeness`] sums `w_j^2 plus_ij` along a row, a chain of
//! additions that cannot be split across vector lanes without changing the
//! rounding. Here the lanes are alternatives instead: blocks of [`LANES`]
//! alternatives, each block storing criterion by criterion the lanes'
//! values, so every lane makes the same operations in the same order as
//! [`Deviations::closeness`] and the results are the same bits, while the
//! compiler turns each step into one vector instruction per few lanes.

use crate::math::topsis::Deviations;

/// Alternatives per block.
const LANES: usize = 8;

/// The squared distances of [`Deviations`] in blocks of [`LANES`]
/// alternatives: per block, `cols x LANES` distances to the ideal, then as
/// many to the anti-ideal (lanes past the last alternative hold zeros).
#[derive(Debug, Clone)]
pub(crate) struct ClosenessKernel {
    rows: usize,
    cols: usize,
    blocks: Vec<f64>,
}

impl ClosenessKernel {
    pub(crate) fn new(deviations: &Deviations) -> Self {
        let rows = deviations.rows();
        let cols = if rows > 0 { deviations.plus(0).len() } else { 0 };
        let block = 2 * cols * LANES;
        let mut blocks = vec![0.0; rows.div_ceil(LANES) * block];
        for i in 0..rows {
            let base = i / LANES * block + i % LANES;
            for (j, (&p, &m)) in deviations.plus(i).iter().zip(deviations.minus(i)).enumerate() {
                blocks[base + j * LANES] = p;
                blocks[base + (cols + j) * LANES] = m;
            }
        }
        ClosenessKernel { rows, cols, blocks }
    }

    /// Every alternative's closeness under `weights` (one per criterion,
    /// `>= 0`) into `out` (one per alternative): the values of
    /// [`Deviations::closeness`], bit for bit.
    ///
    /// # Panics
    ///
    /// If `out` does not have one entry per alternative or (with any
    /// alternative) `weights` one per criterion.
    pub(crate) fn closeness_into(&self, weights: &[f64], out: &mut [f64]) {
        assert_eq!(out.len(), self.rows, "one score per alternative");
        if self.rows == 0 {
            return;
        }
        assert_eq!(weights.len(), self.cols, "one weight per criterion");
        if self.cols == 0 {
            out.fill(0.5);
            return;
        }
        for (block, out) in self
            .blocks
            .chunks_exact(2 * self.cols * LANES)
            .zip(out.chunks_mut(LANES))
        {
            let (plus, minus) = block.split_at(self.cols * LANES);
            let (mut p, mut m) = ([0.0; LANES], [0.0; LANES]);
            for ((&w, dp), dm) in weights
                .iter()
                .zip(plus.chunks_exact(LANES))
                .zip(minus.chunks_exact(LANES))
            {
                let w2 = w * w;
                for l in 0..LANES {
                    p[l] += w2 * dp[l];
                    m[l] += w2 * dm[l];
                }
            }
            let mut c = [0.0; LANES];
            for l in 0..LANES {
                let (dp, dm) = (p[l].sqrt(), m[l].sqrt());
                let total = dp + dm;
                // Both 0: ideal and anti-ideal at once, as in TOPSIS.
                c[l] = if total > 0.0 { dm / total } else { 0.5 };
            }
            out.copy_from_slice(&c[..out.len()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClosenessKernel;
    use crate::math::matrix::{DecisionMatrix, Direction};
    use crate::math::topsis::{Normalization, Topsis};

    /// Same bits as `Deviations::closeness` for every alternative, for
    /// block-filling and ragged row counts, with zero weights and a
    /// constant column (both distances 0 in a lane).
    #[test]
    fn same_bits_as_row_closeness() {
        let mut state = 3u64;
        let mut next = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let directions = [Direction::Benefit, Direction::Cost, Direction::Benefit];
        for rows in [1, 7, 8, 9, 100] {
            let values: Vec<f64> = (0..rows * 3).map(|k| if k % 3 == 2 { 4.0 } else { next() }).collect();
            let matrix = DecisionMatrix::from_row_major(3, values).unwrap();
            let deviations = Topsis::new(Normalization::Vector)
                .deviations(&matrix, &directions)
                .unwrap();
            let kernel = ClosenessKernel::new(&deviations);
            for weights in [[0.2, 0.3, 0.5], [0.0, 0.0, 1.0], [next(), next(), next()]] {
                let mut out = vec![0.0; rows];
                kernel.closeness_into(&weights, &mut out);
                for (i, c) in out.iter().enumerate() {
                    assert_eq!(
                        c.to_bits(),
                        deviations.closeness(i, &weights).to_bits(),
                        "row {i} of {rows}"
                    );
                }
            }
        }
    }
}
