//! Where two scores that depend on one weight cross, exactly.
//!
//! One-at-a-time sensitivity moves a group S of leaf weights to a share
//! `t` in `[0, 1]`: a leaf `l` in S weighs `t * w_l / W`, any other leaf
//! `(1 - t) * w_l / (1 - W)` (`W` the group's weight). Every weight is
//! then `t * c` or `(1 - t) * c`, so with `s = t / (1 - t)` (a monotone
//! map of `(0, 1)` onto `(0, inf)`) a score difference has a closed form:
//!
//! - **TOPSIS.** `D+^2(t) = t^2 A + (1 - t)^2 B` and
//!   `D-^2(t) = t^2 C + (1 - t)^2 D`, with `A, C` the squared distances
//!   over S (divided by `W^2`) and `B, D` over the rest (divided by
//!   `(1 - W)^2`). Closeness `D- / (D+ + D-)` of `a` exceeds that of `b`
//!   exactly when `D-_a D+_b > D-_b D+_a`, and both sides being `>= 0`,
//!   when `D-_a^2 D+_b^2 - D-_b^2 D+_a^2 > 0`. That difference is a
//!   quartic in `t`, but divided by `(1 - t)^4` it is the quadratic
//!   `alpha x^2 + beta x + gamma` in `x = s^2`, with
//!   `alpha = C_a A_b - C_b A_a`,
//!   `beta = C_a B_b + D_a A_b - C_b B_a - D_b A_a`,
//!   `gamma = D_a B_b - D_b B_a`. Its positive roots are the crossings;
//!   no quartic solver is needed.
//! - **AHP synthesis.** The raw score is `t * in + (1 - t) * out`, the
//!   printed one that divided by a positive sum common to all
//!   alternatives, which does not change the order: the difference,
//!   divided by `(1 - t)`, is the line `(in_a - in_b) s + (out_a - out_b)`.
//!
//! Only roots where the difference changes sign are crossings: a double
//! root (a touching, [`sign_changes`] drops it) and roots at `t = 0` or
//! `t = 1` (`x = 0` or infinite) are not. Roots come from the
//! cancellation-free quadratic formula, polished by Newton steps, so they
//! are good to a few ulps in `x`, far below 1e-9 in `t`.
//!
//! This is the weight-stability analysis of Triantaphyllou & Sanchez
//! (1997), "A sensitivity analysis approach for some deterministic
//! multi-criteria decision-making methods", *Decision Sciences* 28(1),
//! 151-194, in the "change one weight, renormalise the rest" form that
//! Expert Choice plots as its gradient view.

/// A coefficient below this many ulps of the terms it was computed from is
/// rounding noise: an exact zero leading coefficient computed as 1e-17
/// would otherwise put a spurious crossing next to `t = 1`.
const NOISE: f64 = 64.0 * f64::EPSILON;

/// Newton steps that polish each root of the quadratic.
const POLISH: usize = 3;

/// One alternative's score as a function of the share `t`, in the form
/// [`crossings`] compares.
///
/// ```
/// use innorank::crossing::{Pencil, crossings};
/// // AHP: a scores 0.2 + 0.6 t, b scores 0.5 - 0.2 t: equal at t = 0.375.
/// let a = Pencil::linear(0.8, 0.2);
/// let b = Pencil::linear(0.3, 0.5);
/// let c = crossings(&a, &b);
/// assert_eq!(c.len(), 1);
/// assert!((c[0].t - 0.375).abs() < 1e-12 && c[0].rising);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pencil {
    /// TOPSIS: `D+^2 = t^2 plus_in + (1 - t)^2 plus_out`, `D-^2` alike.
    Topsis {
        /// Squared distance to the ideal over the group, per unit share.
        plus_in: f64,
        /// ... over the other leaves.
        plus_out: f64,
        /// Squared distance to the anti-ideal over the group.
        minus_in: f64,
        /// ... over the other leaves.
        minus_out: f64,
    },
    /// AHP: raw score `t * inside + (1 - t) * outside`.
    Linear {
        /// The score with all weight on the group.
        inside: f64,
        /// The score with all weight on the other leaves.
        outside: f64,
    },
}

impl Pencil {
    /// A TOPSIS pencil. An alternative at distance 0 from both the ideal
    /// and the anti-ideal for every `t` inside `(0, 1)` scores 0.5
    /// throughout (the rule of [`crate::topsis::Topsis::rank`]); it is
    /// stored as distance 1 from both, which scores 0.5 and compares the
    /// same way, so [`crossings`] needs no special case.
    pub fn topsis(plus_in: f64, plus_out: f64, minus_in: f64, minus_out: f64) -> Self {
        if plus_in + plus_out + minus_in + minus_out > 0.0 {
            Pencil::Topsis {
                plus_in,
                plus_out,
                minus_in,
                minus_out,
            }
        } else {
            Pencil::Topsis {
                plus_in: 1.0,
                plus_out: 1.0,
                minus_in: 1.0,
                minus_out: 1.0,
            }
        }
    }

    /// An AHP pencil.
    pub fn linear(inside: f64, outside: f64) -> Self {
        Pencil::Linear { inside, outside }
    }

    /// The score at share `t` (TOPSIS: the closeness; AHP: the raw
    /// synthesis, before the division common to all alternatives).
    pub fn score(&self, t: f64) -> f64 {
        let (u, v) = (t * t, (1.0 - t) * (1.0 - t));
        match *self {
            Pencil::Topsis {
                plus_in,
                plus_out,
                minus_in,
                minus_out,
            } => {
                let p = (u * plus_in + v * plus_out).sqrt();
                let m = (u * minus_in + v * minus_out).sqrt();
                if p + m > 0.0 { m / (p + m) } else { 0.5 }
            }
            Pencil::Linear { inside, outside } => t * inside + (1.0 - t) * outside,
        }
    }
}

/// A point where the score of `a` minus the score of `b` changes sign.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Crossing {
    /// The share, strictly inside `(0, 1)`.
    pub t: f64,
    /// `true`: `a` is below `b` just before `t` and above it just after;
    /// `false`: the other way round.
    pub rising: bool,
}

/// At most two items, without allocating: the crossings of two scores and
/// the sign changes of a quadratic, computed millions of times per node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UpToTwo<T> {
    items: [T; 2],
    len: usize,
}

impl<T: Copy + Default> UpToTwo<T> {
    fn new() -> Self {
        UpToTwo {
            items: [T::default(); 2],
            len: 0,
        }
    }

    fn push(&mut self, item: T) {
        self.items[self.len] = item;
        self.len += 1;
    }

    /// The items, in order.
    pub fn as_slice(&self) -> &[T] {
        &self.items[..self.len]
    }
}

impl<T> std::ops::Deref for UpToTwo<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.items[..self.len]
    }
}

/// Every point in `(0, 1)` where `a`'s score minus `b`'s changes sign,
/// in increasing `t` (at most two).
///
/// # Panics
///
/// If one pencil is [`Pencil::Topsis`] and the other [`Pencil::Linear`]:
/// scores of different methods are not compared.
pub fn crossings(a: &Pencil, b: &Pencil) -> UpToTwo<Crossing> {
    let mut out = UpToTwo::new();
    let (roots, squared) = match (*a, *b) {
        (
            Pencil::Topsis {
                plus_in: aa,
                plus_out: ba,
                minus_in: ca,
                minus_out: da,
            },
            Pencil::Topsis {
                plus_in: ab,
                plus_out: bb,
                minus_in: cb,
                minus_out: db,
            },
        ) => {
            let alpha = difference(ca * ab, cb * aa, 0.0, 0.0);
            let beta = difference(ca * bb, cb * ba, da * ab, db * aa);
            let gamma = difference(da * bb, db * ba, 0.0, 0.0);
            (sign_changes(alpha, beta, gamma), true)
        }
        (
            Pencil::Linear {
                inside: ia,
                outside: oa,
            },
            Pencil::Linear {
                inside: ib,
                outside: ob,
            },
        ) => {
            let roots = sign_changes(0.0, difference(ia, ib, 0.0, 0.0), difference(oa, ob, 0.0, 0.0));
            (roots, false)
        }
        _ => panic!("crossings of scores of different methods"),
    };
    for &(x, rising) in roots.iter() {
        if let Some(t) = share(if squared { x.sqrt() } else { x }) {
            out.push(Crossing { t, rising });
        }
    }
    out
}

/// `(p + q) - (r + s)`, or 0 when it is within rounding of the terms.
fn difference(p: f64, r: f64, q: f64, s: f64) -> f64 {
    let d = (p - r) + (q - s);
    let scale = p.abs() + q.abs() + r.abs() + s.abs();
    if d.abs() <= NOISE * scale { 0.0 } else { d }
}

/// `t = s / (1 + s)` when it lies strictly inside `(0, 1)`.
fn share(s: f64) -> Option<f64> {
    let t = if s.is_finite() { s / (1.0 + s) } else { 1.0 };
    (t > 0.0 && t < 1.0).then_some(t)
}

/// The roots `x > 0` of `c2 x^2 + c1 x + c0` where it changes sign, in
/// increasing order, each with whether it rises there (negative before,
/// positive after). A double root (discriminant zero to rounding) is a
/// touching, not a sign change, and is left out.
///
/// ```
/// use innorank::crossing::sign_changes;
/// // (x - 1)(x - 4): falls through 1, rises through 4.
/// assert_eq!(sign_changes(1.0, -5.0, 4.0).as_slice(), [(1.0, false), (4.0, true)]);
/// // (x - 2)^2 touches 0 at 2 but keeps its sign.
/// assert!(sign_changes(1.0, -4.0, 4.0).is_empty());
/// // Linear: 3 - x falls through 3.
/// assert_eq!(sign_changes(0.0, -1.0, 3.0).as_slice(), [(3.0, false)]);
/// ```
pub fn sign_changes(c2: f64, c1: f64, c0: f64) -> UpToTwo<(f64, bool)> {
    let mut out = UpToTwo::new();
    if c2 == 0.0 {
        let x = -c0 / c1;
        if c1 != 0.0 && x > 0.0 && x.is_finite() {
            out.push((x, c1 > 0.0));
        }
        return out;
    }
    let disc = c1 * c1 - 4.0 * c2 * c0;
    if disc <= NOISE * (c1 * c1 + (4.0 * c2 * c0).abs()) {
        return out;
    }
    // The root of the larger magnitude from the formula without
    // cancellation, the other from the product of the roots c0 / c2.
    let q = -0.5 * (c1 + c1.signum() * disc.sqrt());
    let (mut lo, mut hi) = (q / c2, c0 / q);
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    let polish = |mut x: f64| {
        for _ in 0..POLISH {
            let d = 2.0 * c2 * x + c1;
            if d == 0.0 {
                break;
            }
            let next = x - (c2 * x * x + c1 * x + c0) / d;
            if !next.is_finite() {
                break;
            }
            x = next;
        }
        x
    };
    // Between the roots the quadratic has the sign of -c2.
    for (x, rising) in [(polish(lo), c2 < 0.0), (polish(hi), c2 > 0.0)] {
        if x > 0.0 && x.is_finite() {
            out.push((x, rising));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topsis_crossing_matches_the_closeness_difference() {
        // a: ideal on the group, anti-ideal elsewhere; b the mirror image.
        let a = Pencil::topsis(0.0, 1.0, 1.0, 0.0);
        let b = Pencil::topsis(1.0, 0.0, 0.0, 1.0);
        let c = crossings(&a, &b);
        // Symmetric: they cross at t = 1/2, a rising.
        assert_eq!(c.len(), 1);
        assert!((c[0].t - 0.5).abs() < 1e-15 && c[0].rising);
        assert!(a.score(0.4) < b.score(0.4) && a.score(0.6) > b.score(0.6));
    }

    #[test]
    fn identical_and_touching_scores_do_not_cross() {
        let a = Pencil::topsis(0.3, 0.2, 0.1, 0.4);
        assert!(crossings(&a, &a).is_empty());
        assert!(crossings(&Pencil::linear(1.0, 0.0), &Pencil::linear(1.0, 0.0)).is_empty());
        // Equal at t = 0 only (outside equal): a root at x = 0 is no crossing.
        assert!(crossings(&Pencil::linear(0.7, 0.5), &Pencil::linear(0.3, 0.5)).is_empty());
    }

    #[test]
    fn a_row_at_no_distance_scores_one_half() {
        let zero = Pencil::topsis(0.0, 0.0, 0.0, 0.0);
        assert_eq!(zero.score(0.3), 0.5);
        // b's closeness is 0.5 where D+^2 = D-^2: t^2 = (1 - t)^2 * 0.25, t = 1/3.
        let b = Pencil::topsis(1.0, 0.0, 0.0, 0.25);
        let c = crossings(&zero, &b);
        assert_eq!(c.len(), 1);
        assert!((c[0].t - 1.0 / 3.0).abs() < 1e-14, "{c:?}");
    }

    #[test]
    fn noise_in_the_leading_coefficient_is_no_root_near_one() {
        assert_eq!(difference(0.1 * 0.3, 0.03, 0.0, 0.0), 0.0);
        assert_eq!(sign_changes(0.0, 2.0, -1.0).as_slice(), [(0.5, true)]);
    }
}
