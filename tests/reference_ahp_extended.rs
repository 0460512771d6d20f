//! Reference tests for the AHP extensions: random-index tables, lambda-min
//! completion, group judgments, consistency repair and AHP synthesis.
//!
//! Every expected number below was computed outside innorank or copied from a
//! publication; the calls are given with each test. Reference environment
//! (computed 2026-11-27): Python 3.11.7 with AHPy 2.1, pymcdm 1.4.0, numpy 2.4.6,
//! scipy 1.17.1. The scripts (`ext_refs.py`, `ext_refs2.py`) are kept with the
//! reference notes, not in this repository. Floats are Python `repr` (they parse
//! to the same f64). Library cross-checks are asserted to 1e-9 unless a reference
//! is known to be less accurate (stated at the test); published figures to half a
//! unit of their last digit.

use crate::common::{assert_all_close, assert_close, from_rows};
use innorank::ahp::{AhpOptions, Completion, PairwiseMatrix, PriorityMethod, RandomIndex};

/// Tolerance for cross-checks against other libraries.
const LIB_TOL: f64 = 1e-9;

// ---------------------------------------------------------------------------
// 1. Random-index tables, each against the tool that uses it
// ---------------------------------------------------------------------------

/// Wikipedia leader example criteria (also in tests/reference_ahp.rs).
const M4_LEADER: &[&[f64]] = &[
    &[1.0, 4.0, 3.0, 7.0],
    &[0.25, 1.0, 0.3333333333333333, 3.0],
    &[0.3333333333333333, 3.0, 1.0, 5.0],
    &[0.14285714285714285, 0.3333333333333333, 0.2, 1.0],
];

/// A strongly inconsistent 5x5 matrix (also in tests/reference_ahp.rs).
const M5_INCONSISTENT: &[&[f64]] = &[
    &[1.0, 0.3333333333333333, 5.0, 0.14285714285714285, 9.0],
    &[3.0, 1.0, 0.1111111111111111, 6.0, 0.5],
    &[0.2, 9.0, 1.0, 3.0, 0.125],
    &[7.0, 0.16666666666666666, 0.3333333333333333, 1.0, 7.0],
    &[0.1111111111111111, 2.0, 8.0, 0.14285714285714285, 1.0],
];

/// Saaty (2008) drinks example, 7x7.
const M7_DRINKS: &[&[f64]] = crate::common::SAATY_2008_DRINKS;

/// 3x3, nearly consistent (also in tests/reference_ahp.rs).
const M3_CONSISTENTISH: &[&[f64]] = &[&[1.0, 3.0, 5.0], &[0.3333333333333333, 1.0, 2.0], &[0.2, 0.5, 1.0]];

fn cr(rows: &[&[f64]], ri: RandomIndex) -> f64 {
    from_rows(rows)
        .priorities_with(PriorityMethod::Eigen, ri)
        .consistency
        .cr
}

/// Donegan & Dodd (1991) is AHPy's default table. AHPy 2.1:
/// `ahpy.Compare(name, {(e_i, e_j): a_ij for i < j}, precision=15, random_index='dd').consistency_ratio`
/// (AHPy takes lambda_max from `numpy.linalg.eigvals`, CR rounded to 15 decimals).
#[test]
fn donegan_dodd_cr_matches_ahpy() {
    for (name, rows, want) in [
        ("m4_leader", M4_LEADER, 0.047637792386099),
        ("m5_inconsistent", M5_INCONSISTENT, 1.882394770149832),
        ("m7_drinks", M7_DRINKS, 0.023514796087327),
    ] {
        assert_close(name, cr(rows, RandomIndex::DoneganDodd), want, LIB_TOL);
    }
}

/// Between its tabulated sizes AHPy interpolates the Donegan-Dodd table
/// linearly. Reference: AHPy's RI recovered as CI / CR for random reciprocal
/// matrices on Saaty's scale (`numpy.random.default_rng(7)`), with
/// `ahpy.Compare(..., precision=15, random_index='dd')` and CI from numpy `eigvals`.
#[test]
fn donegan_dodd_interpolation_matches_ahpy() {
    for (n, want) in [
        (22, 1.5470200000000005),
        (35, 1.5874000000000004),
        (95, 1.6276000000000006),
    ] {
        let got = RandomIndex::DoneganDodd.value(n).expect("covered up to 100");
        assert_close(&format!("RI_dd({n})"), got, want, 1e-12);
    }
    assert_eq!(
        RandomIndex::DoneganDodd.value(101),
        None,
        "AHPy refuses n > 100 with 'dd'"
    );
}

/// Tummala & Ling (1998) is pymcdm's table. pymcdm 1.4.0:
/// `p = pymcdm.weights.subjective.AHP(matrix=A); p(); p.get_cr()`.
#[test]
fn tummala_ling_cr_matches_pymcdm() {
    for (name, rows, want) in [
        ("m3_consistentish", M3_CONSISTENTISH, 0.0031855475630624326),
        ("m4_leader", M4_LEADER, 0.04424691712938224),
        ("m5_inconsistent", M5_INCONSISTENT, 1.7865797123986804),
        ("m7_drinks", M7_DRINKS, 0.022097412717103262),
    ] {
        assert_close(name, cr(rows, RandomIndex::TummalaLing), want, LIB_TOL);
    }
}

/// Alonso & Lamata (2006) as used by the R package `ahp` (C. Glur,
/// https://github.com/gluc/ahp, `R/ahp_functions.R`, function `RI`): the
/// simulated values for n = 3..15, then `(1.7699 n - 4.3513) / (n - 1)`, the
/// paper's fitted mean eigenvalue `2.7699 n - 4.3513` turned into a CI.
/// Formula values computed with Python: `(1.7699*n - 4.3513)/(n - 1)`.
#[test]
fn alonso_lamata_matches_the_r_ahp_package_and_the_published_formula() {
    let table = [
        0.5247, 0.8816, 1.1086, 1.2479, 1.3417, 1.4057, 1.4499, 1.4854, 1.5140, 1.5365, 1.5551, 1.5713, 1.5838,
    ];
    for (k, &want) in table.iter().enumerate() {
        assert_eq!(RandomIndex::AlonsoLamata.value(k + 3), Some(want), "n = {}", k + 3);
    }
    for (n, want) in [
        (16, 1.5978066666666668),
        (20, 1.6340368421052631),
        (50, 1.717218367346939),
        (100, 1.7438252525252524),
    ] {
        assert_close(
            &format!("RI_al({n})"),
            RandomIndex::AlonsoLamata.value(n).unwrap(),
            want,
            1e-15,
        );
    }
    // CR with the table: CI / RI(4), CI of the leader matrix from numpy (0.039472674771121895).
    assert_close(
        "leader CR (alonso-lamata)",
        cr(M4_LEADER, RandomIndex::AlonsoLamata),
        0.039472674771121895 / 0.8816,
        LIB_TOL,
    );
}

// ---------------------------------------------------------------------------
// 2. Lambda-min completion (Bozóki, Fülöp & Rónyai 2010)
// ---------------------------------------------------------------------------
//
// Two references per matrix:
// * "exact": an independent scipy solution of the same problem, minimising
//   numpy's lambda_max over the log-entries of the missing pairs
//   (`scipy.optimize.minimize(method='BFGS', jac=analytic gradient, gtol=1e-14)`
//   polished by `scipy.optimize.root` on the gradient; final |gradient| <= 1e-16),
//   weights = numpy `eig` eigenvector of the completed matrix. Asserted to 1e-9.
// * AHPy 2.1: `c = ahpy.Compare('inc', comps, precision=15, random_index='saaty')`,
//   filled-in values `c._missing_comparisons`, weights `c.local_weights`,
//   lambda_max = numpy `eigvals` of `c._matrix`. AHPy stops its cyclic coordinates
//   once a whole cycle changes the values by less than `tolerance=1e-4` (norm), and
//   each one-dimensional step is `scipy.optimize.minimize_scalar(method='bounded')`
//   with its default `xatol=1e-5`, so AHPy's filled-in values carry errors up to
//   ~1e-5 and its weights up to ~2e-7 (1.4e-6 for the 8x8 case); they are asserted
//   at those accuracies (stated per test). Every AHPy lambda_max is slightly ABOVE
//   the exact minimum (by 3e-12 to 5e-11), as it must be for an inexact minimiser.

/// One incomplete matrix with its references.
struct LambdaMinCase {
    n: usize,
    judgments: &'static [(usize, usize, f64)],
    /// Missing pairs (row-major) and their exact lambda-min values.
    exact_values: &'static [(usize, usize, f64)],
    exact_weights: &'static [f64],
    exact_lambda: f64,
    ahpy_values: &'static [f64],
    ahpy_weights: &'static [f64],
    ahpy_lambda: f64,
    /// Accuracy of AHPy's weights and (relative) filled-in values.
    ahpy_weight_tol: f64,
    ahpy_value_rel_tol: f64,
}

fn check_lambda_min(case: &LambdaMinCase) {
    let m = PairwiseMatrix::from_judgments(case.n, case.judgments).unwrap();
    let options = AhpOptions {
        completion: Completion::LambdaMin,
        random_index: RandomIndex::Saaty,
        method: PriorityMethod::Eigen,
    };
    let s = m.solve(&options);
    assert_eq!(s.estimates.len(), case.exact_values.len());
    for (e, &(row, col, value)) in s.estimates.iter().zip(case.exact_values) {
        assert_eq!((e.row, e.col), (row, col));
        assert_close(&format!("exact a_{row}{col} (relative)"), e.value / value, 1.0, LIB_TOL);
    }
    assert_all_close("exact weights", &s.priorities.weights, case.exact_weights, LIB_TOL);
    assert_close(
        "exact lambda_max",
        s.priorities.consistency.lambda_max,
        case.exact_lambda,
        1e-10,
    );

    for (e, &value) in s.estimates.iter().zip(case.ahpy_values) {
        assert_close(
            &format!("AHPy a_{}{} (relative)", e.row, e.col),
            e.value / value,
            1.0,
            case.ahpy_value_rel_tol,
        );
    }
    assert_all_close(
        "AHPy weights",
        &s.priorities.weights,
        case.ahpy_weights,
        case.ahpy_weight_tol,
    );
    let lambda = s.priorities.consistency.lambda_max;
    assert!(
        lambda <= case.ahpy_lambda + 1e-12,
        "innorank {lambda} above AHPy {}",
        case.ahpy_lambda
    );
    assert_close("AHPy lambda_max", lambda, case.ahpy_lambda, 1e-9);

    // The completion is the minimum: Harker's completion cannot do better.
    let harker = m.priorities(PriorityMethod::Eigen).consistency.lambda_max;
    assert!(lambda <= harker + 1e-12, "lambda-min {lambda} above Harker {harker}");
}

/// 4x4 with pairs (0, 3) and (2, 3) missing (tests/reference_ahp.rs, Harker case).
#[test]
fn lambda_min_completion_matches_references_two_missing_of_four() {
    check_lambda_min(&LambdaMinCase {
        n: 4,
        judgments: &[(0, 1, 1.0), (0, 2, 5.0), (1, 2, 3.0), (1, 3, 4.0)],
        exact_values: &[(0, 3, 4.74252440598675), (2, 3, 1.124576887069)],
        exact_weights: &[
            0.4367015727147555,
            0.3683283714162719,
            0.10355339333662636,
            0.09141666253234633,
        ],
        exact_lambda: 4.021837276814374,
        ahpy_values: &[4.742509425145791, 1.1245752936061264],
        ahpy_weights: &[
            0.436701359664029,
            0.368328452358594,
            0.103553464124192,
            0.091416723853186,
        ],
        ahpy_lambda: 4.021837276816544,
        // AHPy's a_03 is 1.5e-5 (3.2e-6 relative) off; its weights 2.2e-7.
        ahpy_weight_tol: 1e-6,
        ahpy_value_rel_tol: 5e-6,
    });
}

/// Bozóki, Fülöp & Rónyai (2010), Sec. 3 example (also AHPy's
/// `test_incomplete_example_missing_comparisons`, which expects
/// (c, d) = 0.730297106886979): 4x4, pair (2, 3) missing.
#[test]
fn lambda_min_completion_matches_references_bfr_one_missing_of_four() {
    check_lambda_min(&LambdaMinCase {
        n: 4,
        judgments: &[(0, 1, 1.0), (0, 2, 5.0), (0, 3, 2.0), (1, 2, 3.0), (1, 3, 4.0)],
        exact_values: &[(2, 3, 0.730296743340222)],
        exact_weights: &[
            0.37378688434061585,
            0.3919925483369158,
            0.09848421768550748,
            0.13573634963696082,
        ],
        exact_lambda: 4.092367293939256,
        ahpy_values: &[0.7302971068998497],
        ahpy_weights: &[
            0.373786968754884,
            0.391992494936699,
            0.09848434317534,
            0.135736193133078,
        ],
        ahpy_lambda: 4.092367293942619,
        // AHPy's value is 3.6e-7 (5e-7 relative) off; its weights 1.6e-7.
        ahpy_weight_tol: 1e-6,
        ahpy_value_rel_tol: 1e-6,
    });
}

/// 5x5 with pairs (0, 3), (1, 4), (2, 3) missing.
#[test]
fn lambda_min_completion_matches_references_three_missing_of_five() {
    check_lambda_min(&LambdaMinCase {
        n: 5,
        judgments: &[
            (0, 1, 2.0),
            (0, 2, 3.0),
            (0, 4, 7.0),
            (1, 2, 2.0),
            (1, 3, 3.0),
            (2, 4, 3.0),
            (3, 4, 2.0),
        ],
        exact_values: &[
            (0, 3, 4.562296525335411),
            (1, 4, 5.0080209714540995),
            (2, 3, 1.5068787178346255),
        ],
        exact_weights: &[
            0.4411989378924705,
            0.26470112581648403,
            0.14502756313747883,
            0.09624247169366777,
            0.052829901459898895,
        ],
        exact_lambda: 5.019458781867294,
        ahpy_values: &[4.562288730166061, 5.008022353650889, 1.506878202278408],
        ahpy_weights: &[
            0.441198826417404,
            0.264701166671855,
            0.145027628946305,
            0.096242476064946,
            0.05282990189949,
        ],
        ahpy_lambda: 5.01945878186833,
        // AHPy's a_03 is 7.8e-6 (1.7e-6 relative) off; its weights 1.1e-7.
        ahpy_weight_tol: 1e-6,
        ahpy_value_rel_tol: 5e-6,
    });
}

/// 6x6 with pairs (0, 4), (1, 3), (2, 5) missing.
#[test]
fn lambda_min_completion_matches_references_three_missing_of_six() {
    check_lambda_min(&LambdaMinCase {
        n: 6,
        judgments: &[
            (0, 1, 3.0),
            (0, 2, 0.5),
            (0, 3, 5.0),
            (0, 5, 2.0),
            (1, 2, 0.2),
            (1, 4, 2.0),
            (1, 5, 1.0 / 3.0),
            (2, 3, 7.0),
            (2, 4, 4.0),
            (3, 4, 0.5),
            (3, 5, 0.25),
            (4, 5, 0.5),
        ],
        exact_values: &[
            (0, 4, 3.3477407252769633),
            (1, 3, 1.891884808287208),
            (2, 5, 2.1918508626504862),
        ],
        exact_weights: &[
            0.24678000488962226,
            0.0874006487525746,
            0.3737956837645044,
            0.04466610576939294,
            0.07515595696595742,
            0.17220159985794842,
        ],
        exact_lambda: 6.139947116672904,
        ahpy_values: &[3.3477406372550216, 1.891884731996448, 2.191851007995482],
        ahpy_weights: &[
            0.246779985514776,
            0.08740064491107,
            0.37379576364337,
            0.044666104374936,
            0.075155954089468,
            0.17220154746638,
        ],
        ahpy_lambda: 6.139947116673181,
        // AHPy's values are within 1.5e-7 (6.6e-8 relative); its weights 8e-8.
        ahpy_weight_tol: 1e-6,
        ahpy_value_rel_tol: 1e-6,
    });
}

/// Bozóki, Fülöp & Rónyai (2010), the incomplete version of Saaty's house
/// example: 8 items, 12 of 28 pairs missing (as in AHPy's
/// `test_incomplete_housing_missing_comparisons`, whose judgments are used here;
/// 'g' over 'a' 3 etc. are written in that orientation). A stress case for the
/// coordinate descent. AHPy's default tolerance leaves errors of up to 1.2e-4
/// (1.2e-5 relative) in its filled-in values and 1.4e-6 in its weights, so AHPy
/// is checked at 2e-5 relative and 2e-6; the exact scipy optimum at 1e-9.
#[test]
fn lambda_min_completion_matches_references_bfr_house_twelve_missing_of_eight() {
    check_lambda_min(&LambdaMinCase {
        n: 8,
        judgments: &[
            (0, 1, 5.0),
            (0, 2, 3.0),
            (0, 3, 7.0),
            (0, 4, 6.0),
            (0, 5, 6.0),
            (1, 3, 5.0),
            (1, 5, 3.0),
            (2, 4, 3.0),
            (2, 6, 6.0),
            (5, 3, 4.0),
            (6, 0, 3.0),
            (6, 4, 5.0),
            (7, 0, 4.0),
            (7, 1, 7.0),
            (7, 3, 8.0),
            (7, 5, 6.0),
        ],
        exact_values: &[
            (1, 2, 0.3300165542882728),
            (1, 4, 1.7197202737128685),
            (1, 6, 0.4663479442831028),
            (2, 3, 9.920630799338458),
            (2, 5, 4.8525306544345685),
            (2, 7, 0.5696133686239994),
            (3, 4, 0.5252702428138469),
            (3, 6, 0.14244101303781165),
            (4, 5, 0.9312069355891615),
            (4, 7, 0.1093095453157484),
            (5, 6, 0.2912098452671278),
            (6, 7, 0.403093534547053),
        ],
        exact_weights: &[
            0.18936955076860673,
            0.05668144038481136,
            0.21161535668178683,
            0.017493042174934324,
            0.03193366814140228,
            0.035355728140218756,
            0.15092704048062539,
            0.3066241732276144,
        ],
        exact_lambda: 9.298092250344148,
        ahpy_values: &[
            0.33001874739234155,
            1.7197409072174463,
            0.46635149797851727,
            9.920512799694704,
            4.852486480684206,
            0.5696073333456945,
            0.5252768106860435,
            0.14244381389563998,
            0.9311973615581909,
            0.10930828233913942,
            0.2912120784120815,
            0.4030898900305597,
        ],
        ahpy_weights: &[
            0.189369432219839,
            0.056681667431795,
            0.211614405765035,
            0.017493144762003,
            0.031933501026071,
            0.035355875384797,
            0.150926380315502,
            0.306625593094959,
        ],
        ahpy_lambda: 9.298092250397108,
        ahpy_weight_tol: 2e-6,
        ahpy_value_rel_tol: 2e-5,
    });
}

// ---------------------------------------------------------------------------
// 3. Group judgments
// ---------------------------------------------------------------------------
//
// AHPy 2.1 has no group aggregation (its `Compose` class only assembles a
// hierarchy of `Compare` objects; checked in ahpy/ahpy.py), and pymcdm 1.4.0 has
// none either, so the references are a direct numpy implementation of the
// published formulas (ext_refs2.py, function `group`):
// * AIJ: per pair, `exp(sum_k a_k ln a_ij^(k) / sum_k a_k)` over the judges who
//   judged it; weights = numpy `eig` eigenvector of that matrix.
// * AIP: `exp(sum_k a_k/sum(a) ln w^(k))` normalised, `w^(k)` each judge's own
//   eigenvector (Harker's matrix B for an incomplete judge: missing entries 0,
//   b_ii = 1 + missing in row i).
// * Saaty's compatibility S = mean of `a_ij w_j / w_i` over the judge's present
//   entries (diagonal included; all n^2 for a complete judge).
// * GCOMPI = 2/((n-1)(n-2)) sum_{i<j judged} ln^2(a_ij w_j / w_i), times
//   (n(n-1)/2)/m for a judge with m < n(n-1)/2 judged pairs.
// * Disagreement: max over judges and judgments of |ln a_ij^(k) - ln a_ij^AIJ|.

use innorank::ahp::{Aggregation, GroupJudgments, GroupPriorities, JudgmentSet};

/// Expected numpy results for one group.
struct GroupCase {
    aij: &'static [(usize, usize, f64)],
    aij_weights: &'static [f64],
    aij_lambda: f64,
    individual: &'static [&'static [f64]],
    aip_weights: &'static [f64],
    compat_aij: &'static [f64],
    gcompi_aij: &'static [f64],
    compat_aip: &'static [f64],
    gcompi_aip: &'static [f64],
    /// (judge index, row, col, distance)
    disagreement: (usize, usize, usize, f64),
}

fn check_group(n: usize, sets: Vec<JudgmentSet>, e: &GroupCase) {
    let total: f64 = sets.iter().map(|s| s.weight).sum();
    let shares: Vec<f64> = sets.iter().map(|s| s.weight / total).collect();
    let g = GroupJudgments::new(n, sets).unwrap();
    for &(i, j, v) in e.aij {
        assert_close(
            &format!("AIJ a_{i}{j}"),
            g.aggregated_judgments().get(i, j).unwrap(),
            v,
            LIB_TOL,
        );
    }
    let options = AhpOptions::default();
    let check_agreement = |p: &GroupPriorities, compat: &[f64], gcompi: &[f64]| {
        for (k, judge) in p.judges.iter().enumerate() {
            assert_close(&format!("judge {k} weight"), judge.weight, shares[k], 1e-15);
            assert_close(&format!("judge {k} S"), judge.compatibility, compat[k], LIB_TOL);
            assert_close(&format!("judge {k} GCOMPI"), judge.gcompi.unwrap(), gcompi[k], LIB_TOL);
            assert_all_close(
                &format!("judge {k} priorities"),
                judge.priorities.as_ref().unwrap(),
                e.individual[k],
                LIB_TOL,
            );
        }
        let consensus: f64 = gcompi.iter().zip(&shares).map(|(g, s)| g * s).sum();
        assert_close("consensus", p.consensus.unwrap(), consensus, LIB_TOL);
        let d = p.disagreement.as_ref().unwrap();
        assert_eq!(
            (d.judge_index, d.row, d.col),
            (e.disagreement.0, e.disagreement.1, e.disagreement.2)
        );
        assert_close("disagreement", d.distance, e.disagreement.3, LIB_TOL);
    };
    let aij = g.aggregate(Aggregation::Aij, &options).unwrap();
    assert_all_close("AIJ weights", &aij.weights, e.aij_weights, LIB_TOL);
    assert_close(
        "AIJ lambda_max",
        aij.consistency.unwrap().lambda_max,
        e.aij_lambda,
        LIB_TOL,
    );
    check_agreement(&aij, e.compat_aij, e.gcompi_aij);
    let aip = g.aggregate(Aggregation::Aip, &options).unwrap();
    assert_all_close("AIP weights", &aip.weights, e.aip_weights, LIB_TOL);
    check_agreement(&aip, e.compat_aip, e.gcompi_aip);
}

/// Three judges on three items, weights 0.5, 0.3, 0.2. (For n = 3 the eigenvector
/// equals the row geometric mean, so AIJ and AIP coincide, as numpy shows.)
#[test]
fn group_of_three_judges_on_three_items_matches_numpy() {
    let sets = vec![
        JudgmentSet::new("j1", vec![(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)]).with_weight(0.5),
        JudgmentSet::new("j2", vec![(0, 1, 3.0), (0, 2, 5.0), (1, 2, 1.0)]).with_weight(0.3),
        JudgmentSet::new("j3", vec![(0, 1, 0.5), (0, 2, 2.0), (1, 2, 3.0)]).with_weight(0.2),
    ];
    check_group(
        3,
        sets,
        &GroupCase {
            aij: &[
                (0, 1, 1.711769859409705),
                (0, 2, 3.7232911332721383),
                (1, 2, 1.7617295898720438),
            ],
            aij_weights: &[0.5456482395142349, 0.29713462239956534, 0.15721713808619975],
            aij_lambda: 3.0049386909400817,
            individual: &[
                &[0.5714285714285715, 0.28571428571428564, 0.14285714285714288],
                &[0.6586441863669917, 0.1851740071976712, 0.1561818064353371],
                &[0.29696133121249735, 0.5396145502210747, 0.16342411856642797],
            ],
            aip_weights: &[0.5456482395142348, 0.29713462239956545, 0.15721713808619978],
            compat_aij: &[1.0034085200025835, 1.0888483966218532, 1.2748802737028404],
            gcompi_aij: &[0.030637545326850427, 0.7794042888908491, 2.209751018653246],
            compat_aip: &[1.0034085200025833, 1.0888483966218534, 1.2748802737028402],
            gcompi_aip: &[0.030637545326850618, 0.7794042888908503, 2.2097510186532436],
            disagreement: (2, 0, 1, 1.2306750213283617),
        },
    );
}

/// Three judges on four items, weights 2, 1, 1; judge 3 gives two judgments in
/// reverse orientation ((1, 0, 2) and (3, 2, 2)).
#[test]
fn group_of_three_judges_on_four_items_matches_numpy() {
    let sets = vec![
        JudgmentSet::new(
            "j1",
            vec![
                (0, 1, 3.0),
                (0, 2, 5.0),
                (0, 3, 7.0),
                (1, 2, 2.0),
                (1, 3, 3.0),
                (2, 3, 2.0),
            ],
        )
        .with_weight(2.0),
        JudgmentSet::new(
            "j2",
            vec![
                (0, 1, 2.0),
                (0, 2, 3.0),
                (0, 3, 9.0),
                (1, 2, 1.0),
                (1, 3, 5.0),
                (2, 3, 3.0),
            ],
        ),
        JudgmentSet::new(
            "j3",
            vec![
                (1, 0, 2.0),
                (0, 2, 4.0),
                (0, 3, 6.0),
                (1, 2, 3.0),
                (1, 3, 2.0),
                (3, 2, 2.0),
            ],
        ),
    ];
    check_group(
        4,
        sets,
        &GroupCase {
            aij: &[
                (0, 1, 1.7320508075688774),
                (0, 2, 4.161791450287817),
                (0, 3, 7.172118557194015),
                (1, 2, 1.8612097182041991),
                (1, 3, 3.0800702882410227),
                (2, 3, 1.5650845800732873),
            ],
            aij_weights: &[
                0.5246621990860233,
                0.26393766141790237,
                0.13085892342337194,
                0.08054121607270254,
            ],
            aij_lambda: 4.010341018410244,
            individual: &[
                &[
                    0.5871656821710204,
                    0.2178764254153646,
                    0.12278629071088788,
                    0.07217160170272716,
                ],
                &[
                    0.5133914502462692,
                    0.23990244305857922,
                    0.19098633570962417,
                    0.0557197709855275,
                ],
                &[
                    0.3935488525875488,
                    0.38961248784348534,
                    0.08728250109259147,
                    0.12955615847637447,
                ],
            ],
            aip_weights: &[
                0.5263471445227447,
                0.26442476298993506,
                0.12899932205842865,
                0.08022877042889162,
            ],
            compat_aij: &[1.0173210383450908, 1.0795058655147467, 1.2624824990307006],
            gcompi_aij: &[0.09145689269377587, 0.4118191970529341, 1.2340015756894303],
            compat_aip: &[1.0170990502470765, 1.0819862226420887, 1.2605606342067146],
            gcompi_aip: &[0.09029071033897111, 0.42413150418160644, 1.2253443676500473],
            disagreement: (2, 0, 1, 1.2424533248940002),
        },
    );
}

/// Incomplete judges (weights 1, 2, 1): j2 leaves out (0, 3), j3 judges only a
/// chain. Pair (0, 3) is judged by j1 alone, so its AIJ value is j1's 7 (weights
/// renormalised over the judges of the pair); pair (1, 2) by all three.
#[test]
fn group_of_incomplete_judges_matches_numpy() {
    let sets = vec![
        JudgmentSet::new(
            "j1",
            vec![
                (0, 1, 3.0),
                (0, 2, 5.0),
                (0, 3, 7.0),
                (1, 2, 2.0),
                (1, 3, 3.0),
                (2, 3, 2.0),
            ],
        ),
        JudgmentSet::new(
            "j2",
            vec![(0, 1, 2.0), (0, 2, 4.0), (1, 2, 1.0), (1, 3, 4.0), (2, 3, 3.0)],
        )
        .with_weight(2.0),
        JudgmentSet::new("j3", vec![(0, 1, 4.0), (1, 2, 1.0 / 3.0), (2, 3, 5.0)]),
    ];
    check_group(
        4,
        sets,
        &GroupCase {
            aij: &[
                (0, 1, 2.6321480259049848),
                (0, 2, 4.308869380063767),
                (0, 3, 6.999999999999999),
                (1, 2, 0.9036020036098448),
                (1, 3, 3.634241185664279),
                (2, 3, 3.0800702882410227),
            ],
            aij_weights: &[
                0.5629788588946902,
                0.19694626382286964,
                0.17724722961080563,
                0.06282764767163443,
            ],
            aij_lambda: 4.058588056013301,
            individual: &[
                &[
                    0.5871656821710204,
                    0.2178764254153646,
                    0.12278629071088788,
                    0.07217160170272716,
                ],
                &[
                    0.5528960486987623,
                    0.2199404693082253,
                    0.1721075247572593,
                    0.055055957235753177,
                ],
                &[
                    0.465116279069766,
                    0.11627906976744191,
                    0.3488372093023269,
                    0.06976744186046518,
                ],
            ],
            aip_weights: &[
                0.5508223726695025,
                0.19172987916969694,
                0.19339817763478315,
                0.06404957052601735,
            ],
            compat_aij: &[1.0468764648658362, 1.0183533996234577, 1.208390939188778],
            gcompi_aij: &[0.24497443791903215, 0.10201736133839545, 1.2600054724006078],
            compat_aip: &[1.0659230819591223, 1.0238432031571774, 1.1680700019998755],
            gcompi_aip: &[0.3410689303048878, 0.13226466751469473, 1.0345945062789477],
            disagreement: (2, 1, 2, 0.9972460116410686),
        },
    );
}

// ---------------------------------------------------------------------------
// 4. Consistency repair
// ---------------------------------------------------------------------------

use innorank::ahp::{RepairOutcome, suggest_revisions};

/// Saaty (1990) house criteria, CR 0.169 with Saaty's RI (tests/reference_ahp.rs):
/// a published, moderately inconsistent matrix. The repair must reach CR <= 0.1,
/// lower CR at every step and change only a few judgments, each to a Saaty-scale
/// value.
#[test]
fn saaty_1990_house_matrix_is_repaired_in_few_steps() {
    let rows = crate::common::SAATY_1990_HOUSE;
    let m = from_rows(rows);
    let repair = suggest_revisions(&m, &AhpOptions::default(), 0.1);
    assert_close("CR before (Saaty 1990: 0.169)", repair.cr_before, 0.169, 5e-4);
    assert_eq!(repair.outcome, RepairOutcome::Consistent);
    assert!(repair.cr_after <= 0.1);
    assert!(repair.revisions.len() <= 3, "{:?}", repair.revisions);
    let scale: Vec<f64> = (1..=9).flat_map(|k| [k as f64, 1.0 / k as f64]).collect();
    let mut cr = repair.cr_before;
    for r in &repair.revisions {
        assert!(r.cr_after < cr);
        assert!(scale.iter().any(|s| (s - r.to).abs() < 1e-12), "{r:?}");
        cr = r.cr_after;
    }
}

// ---------------------------------------------------------------------------
// 5. Synthesis
// ---------------------------------------------------------------------------

use innorank::Direction;
use innorank::ahp::{LeafPriorities, Synthesis, priorities_from_scores, synthesize};

/// The AHPy README "Purchasing a vehicle" example (https://github.com/PhilipGriffith/AHPy,
/// itself the Wikipedia car example's judgments): vehicles Accord Sedan, Accord
/// Hybrid, Pilot, CR-V, Element, Odyssey compared pairwise (the 15 pairs in
/// `itertools.combinations` order) under Price, Fuel, Maintenance, Resale, Safety,
/// Style, Cargo, Passenger; criteria Cost (Price, Fuel, Maintenance, Resale),
/// Safety, Style, Capacity (Cargo, Passenger).
const VEHICLE_PAIRS: [(usize, usize); 15] = [
    (0, 1),
    (0, 2),
    (0, 3),
    (0, 4),
    (0, 5),
    (1, 2),
    (1, 3),
    (1, 4),
    (1, 5),
    (2, 3),
    (2, 4),
    (2, 5),
    (3, 4),
    (3, 5),
    (4, 5),
];

fn vehicles(values: [f64; 15]) -> PairwiseMatrix {
    let judgments: Vec<_> = VEHICLE_PAIRS.iter().zip(values).map(|(&(i, j), v)| (i, j, v)).collect();
    PairwiseMatrix::from_judgments(6, &judgments).unwrap()
}

/// The eight leaves in the order Price, Fuel, Maintenance, Resale, Safety, Style,
/// Cargo, Passenger; `measured` replaces Passenger, Fuel, Resale and Cargo by
/// their measured values (AHPy README, "normalized weights and the Compose class").
fn car_leaves(measured: bool) -> Vec<LeafPriorities> {
    let eigen = |upper: &[&[f64]]| {
        let n = upper.len() + 1;
        let mut j = Vec::new();
        for (i, row) in upper.iter().enumerate() {
            for (k, &v) in row.iter().enumerate() {
                j.push((i, i + 1 + k, v));
            }
        }
        PairwiseMatrix::from_judgments(n, &j)
            .unwrap()
            .priorities(PriorityMethod::Eigen)
            .weights
    };
    let criteria = eigen(&[&[3.0, 7.0, 3.0], &[9.0, 1.0], &[1.0 / 7.0]]); // Cost, Safety, Style, Capacity
    let cost = eigen(&[&[2.0, 5.0, 3.0], &[2.0, 2.0], &[0.5]]); // Price, Fuel, Maintenance, Resale
    let capacity = eigen(&[&[0.2]]); // Cargo, Passenger
    let o = AhpOptions::default();
    let matrix = |w: f64, values: [f64; 15]| LeafPriorities::from_matrix(w, &vehicles(values), &o);
    let scores = |w: f64, x: &[f64]| LeafPriorities::from_scores(w, x, &Direction::Benefit).unwrap();
    let third = 1.0 / 3.0;
    let (ninth, seventh, sixth, fifth, half) = (1.0 / 9.0, 1.0 / 7.0, 1.0 / 6.0, 0.2, 0.5);
    vec![
        matrix(
            criteria[0] * cost[0],
            [
                9.0, 9.0, 1.0, half, 5.0, 1.0, ninth, ninth, seventh, ninth, ninth, seventh, half, 5.0, 6.0,
            ],
        ),
        if measured {
            scores(criteria[0] * cost[1], &[31.0, 35.0, 22.0, 27.0, 25.0, 26.0])
        } else {
            matrix(
                criteria[0] * cost[1],
                [
                    1.0 / 1.13,
                    1.41,
                    1.15,
                    1.24,
                    1.19,
                    1.59,
                    1.3,
                    1.4,
                    1.35,
                    1.0 / 1.23,
                    1.0 / 1.14,
                    1.0 / 1.18,
                    1.08,
                    1.04,
                    1.0 / 1.04,
                ],
            )
        },
        matrix(
            criteria[0] * cost[2],
            [
                1.5, 4.0, 4.0, 4.0, 5.0, 4.0, 4.0, 4.0, 5.0, 1.0, 1.2, 1.0, 1.0, 3.0, 2.0,
            ],
        ),
        if measured {
            scores(criteria[0] * cost[3], &[0.52, 0.46, 0.44, 0.55, 0.48, 0.48])
        } else {
            matrix(
                criteria[0] * cost[3],
                [
                    3.0, 4.0, half, 2.0, 2.0, 2.0, fifth, 1.0, 1.0, sixth, half, half, 4.0, 4.0, 1.0,
                ],
            )
        },
        matrix(
            criteria[1],
            [
                1.0,
                5.0,
                7.0,
                9.0,
                third,
                5.0,
                7.0,
                9.0,
                third,
                2.0,
                9.0,
                1.0 / 8.0,
                2.0,
                1.0 / 8.0,
                ninth,
            ],
        ),
        matrix(
            criteria[2],
            [
                1.0, 7.0, 5.0, 9.0, 6.0, 7.0, 5.0, 9.0, 6.0, sixth, 3.0, third, 7.0, 5.0, fifth,
            ],
        ),
        if measured {
            scores(criteria[3] * capacity[0], &[14.0, 14.0, 87.6, 72.9, 74.6, 147.4])
        } else {
            matrix(
                criteria[3] * capacity[0],
                [
                    1.0, half, half, half, third, half, half, half, third, 1.0, 1.0, half, 1.0, half, half,
                ],
            )
        },
        if measured {
            scores(criteria[3] * capacity[1], &[5.0, 5.0, 8.0, 5.0, 4.0, 8.0])
        } else {
            matrix(
                criteria[3] * capacity[1],
                [
                    1.0, half, 1.0, 3.0, half, half, 1.0, 3.0, half, 2.0, 6.0, 1.0, 3.0, half, sixth,
                ],
            )
        },
    ]
}

/// Distributive synthesis of the AHPy README car example.
/// * Published (AHPy README, `criteria.target_weights` with `precision=3`): Odyssey
///   0.219, Accord Sedan 0.215, CR-V 0.167, Accord Hybrid 0.15, Element 0.144,
///   Pilot 0.106 (checked to 5e-4).
/// * AHPy 2.1 with every `Compare(..., precision=15)` (default 'dd' RI; RI does not
///   affect weights) and the same hierarchy: target weights below, equal to an
///   independent numpy synthesis (leaf global weight x local eigenvector, summed)
///   to < 1e-15. Checked to 1e-9. Ideal synthesis: numpy (local priorities divided
///   by their maximum before weighting), raw and normalised.
#[test]
fn ahpy_readme_car_example_global_weights() {
    let d = synthesize(&car_leaves(false), Synthesis::Distributive).unwrap();
    let ahpy_p15 = [
        0.21472427763472,
        0.14973901117564,
        0.106049765957875,
        0.166534658811908,
        0.143818792038328,
        0.219133494381529,
    ];
    assert_all_close("AHPy precision=15", &d.raw, &ahpy_p15, LIB_TOL);
    assert_all_close("normalised", &d.normalized, &ahpy_p15, LIB_TOL);
    assert_all_close(
        "README digits",
        &d.raw,
        &[0.215, 0.15, 0.106, 0.167, 0.144, 0.219],
        5e-4,
    );
    let i = synthesize(&car_leaves(false), Synthesis::Ideal).unwrap();
    assert_all_close(
        "ideal raw (numpy)",
        &i.raw,
        &[
            0.6335061032069685,
            0.4654560322544709,
            0.36382424835115823,
            0.5087226922278868,
            0.43776508148594023,
            0.6441295266948276,
        ],
        LIB_TOL,
    );
    assert_all_close(
        "ideal normalised (numpy)",
        &i.normalized,
        &[
            0.20747538443104338,
            0.15243841967564206,
            0.11915366783345874,
            0.16660839667442554,
            0.1433695399491826,
            0.21095459143624765,
        ],
        LIB_TOL,
    );
}

/// The same example with Passenger, Fuel, Resale and Cargo given as measured
/// values, which AHPy turns into priorities `x / sum x` (AHPy README, "Purchasing a
/// vehicle reprised"; AHPy's `Compare` with a dict of values). Published
/// (`precision=3`): Odyssey 0.218, Accord Sedan 0.21, Element 0.161, Accord Hybrid
/// 0.154, CR-V 0.149, Pilot 0.108 (see below for Pilot). AHPy 2.1 at `precision=15` and numpy agree to
/// < 1e-15; ideal mode from numpy.
#[test]
fn ahpy_readme_car_example_with_measured_values() {
    let d = synthesize(&car_leaves(true), Synthesis::Distributive).unwrap();
    assert_all_close(
        "AHPy precision=15",
        &d.raw,
        &[
            0.210024572064838,
            0.153978431751315,
            0.107477516745087,
            0.149288840628211,
            0.161409425181423,
            0.217821213629125,
        ],
        LIB_TOL,
    );
    // AHPy at precision=3 rounds every local weight to 3 decimals before it
    // synthesises, which moves Pilot to 0.108 (rerunning AHPy 2.1 with
    // precision=3 prints 0.108 too; the unrounded value is 0.107478): the README
    // digits are therefore checked to 1e-3, one unit of the last digit.
    assert_all_close(
        "README digits",
        &d.raw,
        &[0.21, 0.154, 0.108, 0.149, 0.161, 0.218],
        1e-3,
    );
    let i = synthesize(&car_leaves(true), Synthesis::Ideal).unwrap();
    assert_all_close(
        "ideal raw (numpy)",
        &i.raw,
        &[
            0.6822483403287283,
            0.5307421029566326,
            0.42027053678844994,
            0.5293258165898577,
            0.5469188804934322,
            0.6951572467837153,
        ],
        LIB_TOL,
    );
    // Measured values give local priorities x / sum x.
    let passenger = priorities_from_scores(&[5.0, 5.0, 8.0, 5.0, 4.0, 8.0], &Direction::Benefit).unwrap();
    assert_close("Pilot passenger share (AHPy README 0.229)", passenger[2], 0.229, 5e-4);
}

/// Belton, V. & Gear, T. (1983), "On a short-coming of Saaty's method of analytic
/// hierarchies", Omega 11(3), 228-230, doi:10.1016/0305-0483(83)90047-6: three
/// criteria of equal weight, alternatives scored A = (1, 9, 8), B = (9, 1, 9),
/// C = (1, 1, 1) (the consistent pairwise judgments of the paper are the ratios of
/// these scores). Distributive synthesis ranks B (0.470) above A (0.451); adding
/// D, a copy of B, makes A (0.365) beat B and D (0.289 each): rank reversal. In
/// ideal mode (Belton & Gear's proposal, adopted by Saaty as the "ideal mode";
/// Millet & Saaty 2000, EJOR 121, 205-212) B stays above A: raw scores
/// A = (1/9 + 1 + 8/9)/3 = 2/3 and B = (1 + 1/9 + 1)/3 = 19/27 before and after.
/// Expected values are these exact fractions (e.g. A distributive =
/// (1/11 + 9/11 + 8/18)/3 = 134/297); the paper's table could not be opened in the
/// session that wrote this test, so only the ranks and the rounded figures quoted
/// above are attributed to it.
#[test]
fn belton_gear_rank_reversal_under_distributive_but_not_ideal_synthesis() {
    let leaves = |alternatives: &[[f64; 3]]| -> Vec<LeafPriorities> {
        (0..3)
            .map(|c| {
                let scores: Vec<f64> = alternatives.iter().map(|a| a[c]).collect();
                LeafPriorities::from_scores(1.0 / 3.0, &scores, &Direction::Benefit).unwrap()
            })
            .collect()
    };
    let (a, b, c) = ([1.0, 9.0, 8.0], [9.0, 1.0, 9.0], [1.0, 1.0, 1.0]);
    let three = leaves(&[a, b, c]);
    let four = leaves(&[a, b, c, b]);

    let d3 = synthesize(&three, Synthesis::Distributive).unwrap();
    assert_all_close(
        "distributive ABC",
        &d3.raw,
        &[134.0 / 297.0, 31.0 / 66.0, 47.0 / 594.0],
        1e-15,
    );
    assert!(d3.raw[1] > d3.raw[0], "B ahead of A");
    let d4 = synthesize(&four, Synthesis::Distributive).unwrap();
    assert_all_close(
        "distributive ABCD",
        &d4.raw,
        &[148.0 / 405.0, 13.0 / 45.0, 23.0 / 405.0, 13.0 / 45.0],
        1e-15,
    );
    assert!(
        d4.raw[0] > d4.raw[1],
        "rank reversal: A ahead of B once B's copy is added"
    );

    let i3 = synthesize(&three, Synthesis::Ideal).unwrap();
    let i4 = synthesize(&four, Synthesis::Ideal).unwrap();
    assert_all_close("ideal ABC", &i3.raw, &[2.0 / 3.0, 19.0 / 27.0, 1.0 / 9.0], 1e-15);
    assert_all_close(
        "ideal ABCD",
        &i4.raw,
        &[2.0 / 3.0, 19.0 / 27.0, 1.0 / 9.0, 19.0 / 27.0],
        1e-15,
    );
    assert!(i3.raw[1] > i3.raw[0] && i4.raw[1] > i4.raw[0], "B stays ahead of A");
    // Normalised ideal scores: 0.45, 0.475, 0.075 for A, B, C (= raw / (40/27)).
    assert_all_close("ideal ABC normalised", &i3.normalized, &[0.45, 0.475, 0.075], 1e-15);
}
