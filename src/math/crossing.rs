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
//! cancellation-free quadratic formula (each root from the larger of
//! `|b| +- sqrt(disc)`, the other as `c / q`), so a simple root is good to
//! a few ulps in `x` times its condition, far below 1e-9 in `t`.
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

    /// Bounds `(low, high)` of [`Pencil::score`] over `t` in `[t0, t1]`
    /// (within `[0, 1]`), from the two ends alone: the score is monotone
    /// in `t`. AHP: it is linear. TOPSIS: closeness falls as `D+^2 / D-^2`
    /// grows, and with `x = (t / (1 - t))^2` that ratio is
    /// `(x a + b) / (x c + d)`, a linear-fractional function whose pole
    /// lies at `x <= 0`, so monotone for `x >= 0`, and `x` rises with `t`.
    /// Inside a narrow window two scores apart at both ends cannot meet.
    ///
    /// ```
    /// use innorank::crossing::Pencil;
    /// let p = Pencil::topsis(0.04, 0.01, 0.01, 0.09);
    /// let (low, high) = p.range_between(0.2, 0.3);
    /// assert!((0..=100).map(|i| p.score(0.2 + 0.001 * i as f64)).all(|s| s >= low - 1e-15 && s <= high + 1e-15));
    /// ```
    pub fn range_between(&self, t0: f64, t1: f64) -> (f64, f64) {
        let (a, b) = (self.score(t0.clamp(0.0, 1.0)), self.score(t1.clamp(0.0, 1.0)));
        if a <= b { (a, b) } else { (b, a) }
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
            } => closeness(
                (u * plus_in + v * plus_out).sqrt(),
                (u * minus_in + v * minus_out).sqrt(),
            ),
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
/// in increasing `t` (at most two): [`Gap::crossings`].
///
/// # Panics
///
/// If one pencil is [`Pencil::Topsis`] and the other [`Pencil::Linear`]:
/// scores of different methods are not compared.
pub fn crossings(a: &Pencil, b: &Pencil) -> UpToTwo<Crossing> {
    Gap::new(a, b).crossings()
}

/// The sign of one score minus another as the polynomial
/// `c2 x^2 + c1 x + c0` in `x = s^2` (TOPSIS) or `x = s` (AHP), where
/// `s = t / (1 - t)` (see the [module docs](self)).
///
/// ```
/// use innorank::crossing::{Gap, Pencil};
/// let gap = Gap::new(&Pencil::linear(0.8, 0.2), &Pencil::linear(0.3, 0.5));
/// // The scores cross at t = 0.375, between 0.3 and 0.4 but not below 0.3.
/// assert!(gap.may_cross(0.3, 0.4));
/// assert!(!gap.may_cross(0.1, 0.3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gap {
    c: [f64; 3],
    squared: bool,
}

impl Gap {
    /// `a`'s score minus `b`'s.
    ///
    /// # Panics
    ///
    /// If one pencil is [`Pencil::Topsis`] and the other [`Pencil::Linear`].
    pub fn new(a: &Pencil, b: &Pencil) -> Self {
        match (*a, *b) {
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
            ) => Gap {
                c: [
                    difference(ca * ab, cb * aa, 0.0, 0.0),
                    difference(ca * bb, cb * ba, da * ab, db * aa),
                    difference(da * bb, db * ba, 0.0, 0.0),
                ],
                squared: true,
            },
            (
                Pencil::Linear {
                    inside: ia,
                    outside: oa,
                },
                Pencil::Linear {
                    inside: ib,
                    outside: ob,
                },
            ) => Gap {
                c: [0.0, difference(ia, ib, 0.0, 0.0), difference(oa, ob, 0.0, 0.0)],
                squared: false,
            },
            _ => panic!("crossings of scores of different methods"),
        }
    }

    /// Every point in `(0, 1)` where the difference changes sign, in
    /// increasing `t`.
    pub fn crossings(&self) -> UpToTwo<Crossing> {
        let mut out = UpToTwo::new();
        let [c2, c1, c0] = self.c;
        for &(x, rising) in sign_changes(c2, c1, c0).iter() {
            if let Some(t) = share(if self.squared { x.sqrt() } else { x }) {
                out.push(Crossing { t, rising });
            }
        }
        out
    }

    /// The variable of the polynomial at share `t`: `s^2` or `s` with
    /// `s = t / (1 - t)`, infinite at `t = 1`. It depends only on the
    /// method, so a scan over many pairs computes it once per `t`.
    pub fn x(&self, t: f64) -> f64 {
        let s = if t >= 1.0 {
            f64::INFINITY
        } else {
            t.max(0.0) / (1.0 - t)
        };
        if self.squared { s * s } else { s }
    }

    /// The polynomial's sign at `x` (at infinity: its leading term's).
    fn sign(&self, x: f64) -> f64 {
        let [c2, c1, c0] = self.c;
        let (v, size) = if x.is_infinite() {
            (
                if c2 != 0.0 {
                    c2
                } else if c1 != 0.0 {
                    c1
                } else {
                    c0
                },
                0.0,
            )
        } else {
            ((c2 * x + c1) * x + c0, (c2 * x * x).abs() + (c1 * x).abs() + c0.abs())
        };
        // Within rounding of zero: unknown, which `may_cross` reads as maybe.
        if v.abs() <= NOISE * size {
            0.0
        } else if v > 0.0 {
            1.0
        } else if v < 0.0 {
            -1.0
        } else {
            0.0
        }
    }

    /// Whether the difference may change sign for `t` strictly between
    /// `t0 < t1`: `false` only when it keeps one strict sign at both ends
    /// and its extremum (where two roots could hide) does not lie between
    /// them with the other sign. Three evaluations, no square root: a scan
    /// that only wants crossings nearer than the nearest found so far
    /// passes over most pairs with this.
    pub fn may_cross(&self, t0: f64, t1: f64) -> bool {
        self.may_cross_x(self.x(t0), self.x(t1))
    }

    /// As [`Gap::may_cross`], with the ends already turned into [`Gap::x`].
    pub fn may_cross_x(&self, x0: f64, x1: f64) -> bool {
        self.may_cross_signs(x0, self.sign(x0), x1, self.sign(x1))
    }

    /// Whether the difference may change sign between `x0 < x1` or between
    /// `x1 < x2` (in [`Gap::x`]): [`Gap::may_cross_x`] on both windows, with
    /// the sign at the shared `x1` computed once.
    pub fn may_cross_either(&self, x0: f64, x1: f64, x2: f64) -> bool {
        let f1 = self.sign(x1);
        self.may_cross_signs(x0, self.sign(x0), x1, f1) || self.may_cross_signs(x1, f1, x2, self.sign(x2))
    }

    fn may_cross_signs(&self, x0: f64, f0: f64, x1: f64, f1: f64) -> bool {
        if f0 == 0.0 || f1 == 0.0 || f0 != f1 {
            return true;
        }
        let [c2, c1, _] = self.c;
        if c2 == 0.0 {
            return false;
        }
        let vertex = -c1 / (2.0 * c2);
        vertex > x0 && vertex < x1 && self.sign(vertex) != f0
    }
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
    // Descartes' rule of signs: no sign change among the coefficients, no
    // positive root. Most pairs of alternatives end here.
    let (mut last, mut changes) = (0.0, 0);
    for c in [c2, c1, c0] {
        if c != 0.0 {
            if last != 0.0 && (c > 0.0) != (last > 0.0) {
                changes += 1;
            }
            last = c;
        }
    }
    if changes == 0 {
        return out;
    }
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
    for (x, rising) in [(lo, c2 < 0.0), (hi, c2 > 0.0)] {
        if x > 0.0 && x.is_finite() {
            out.push((x, rising));
        }
    }
    out
}

/// TOPSIS closeness from the two distances; 0.5 when both are zero (the
/// alternative is the ideal and the anti-ideal at once).
fn closeness(plus: f64, minus: f64) -> f64 {
    if plus + minus > 0.0 {
        minus / (plus + minus)
    } else {
        0.5
    }
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

    /// The score is monotone in `t`, so the window's ends bound it: checked
    /// densely on pseudo-random pencils and windows, degenerate ones too.
    #[test]
    fn window_ends_bound_the_scores_inside() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut unit = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for case in 0..2_000 {
            let mut v = [unit(), unit(), unit(), unit()];
            v[case % 5 % 4] *= f64::from(u8::from(case % 7 != 0));
            let p = if case % 3 == 0 {
                Pencil::linear(v[0], v[1])
            } else {
                Pencil::topsis(v[0], v[1], v[2], v[3])
            };
            let (a, b) = if case % 11 == 0 { (0.0, 1.0) } else { (unit(), unit()) };
            let (t0, t1) = (a.min(b), a.max(b));
            let (low, high) = p.range_between(t0, t1);
            for k in 0..=200 {
                let s = p.score(t0 + (t1 - t0) * f64::from(k) / 200.0);
                assert!(
                    low - 1e-15 <= s && s <= high + 1e-15,
                    "{p:?} on [{t0}, {t1}] at {k}: {s} outside [{low}, {high}]"
                );
            }
        }
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
