//! The random numbers of SMAA: one independent, portable stream per draw.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

/// What a stream is used for: the weights and the uncertain scores of a
/// draw get separate streams, so that replaying a run's weights
/// (`--weights-from`) draws the same scores as the run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The weight vector of a draw.
    Weights = 0,
    /// The uncertain scores of a draw.
    Scores = 1,
    /// The uncertain scores of a confidence-factor draw.
    Confidence = 2,
}

/// The random numbers of one draw: ChaCha with 8 rounds
/// (`rand_chacha::ChaCha8Rng`) keyed by `seed` (expanded by
/// `SeedableRng::seed_from_u64`, a documented PCG32 expansion) on stream
/// `4 * draw + purpose`.
///
/// Each draw has its own stream, so draw `k` gives the same numbers
/// whichever thread computes it and whatever was drawn before: the result
/// does not depend on the number of threads. ChaCha's output is fixed by
/// its specification, so it does not depend on the platform either.
///
/// ```
/// use innorank::smaa::{DrawRng, Purpose};
/// let a = DrawRng::new(7, 3, Purpose::Weights).uniform();
/// let b = DrawRng::new(7, 3, Purpose::Weights).uniform();
/// let c = DrawRng::new(7, 4, Purpose::Weights).uniform();
/// assert!(a == b && a != c && (0.0..1.0).contains(&a));
/// ```
#[derive(Debug, Clone)]
pub struct DrawRng(ChaCha8Rng);

impl DrawRng {
    /// The stream of draw `draw` (below 2^62) for `purpose` under `seed`.
    pub fn new(seed: u64, draw: u64, purpose: Purpose) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(draw.wrapping_mul(4).wrapping_add(purpose as u64));
        DrawRng(rng)
    }

    /// A uniform number in `[0, 1)`: the top 53 bits of the next 64-bit
    /// output times 2^-53, every value a multiple of 2^-53.
    pub fn uniform(&mut self) -> f64 {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        (self.0.next_u64() >> 11) as f64 * SCALE
    }

    /// A uniform index in `0..n` (`n >= 1`), by the multiply-shift map of
    /// a 64-bit output (Lemire 2019, without the rejection step: the bias
    /// is below `n / 2^64`, far under anything Monte Carlo can see).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }
}
