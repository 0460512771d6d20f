//! What the benches share: a fixed stream of pseudo-random numbers, so that
//! every run measures the same data.

/// Uniform numbers in [0, 1) from a xorshift64* stream seeded with `seed`
/// (53 random bits each).
pub fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64 ^ seed;
    move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}
