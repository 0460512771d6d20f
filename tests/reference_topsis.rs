//! Reference tests for TOPSIS.
//!
//! Published examples are checked to half a unit of the last digit published;
//! library cross-checks to 1e-9. Cross-check references were computed 2026-11-27 with
//! * pymcdm 1.4.0: `pymcdm.methods.TOPSIS(normalization_function=
//!   pymcdm.normalizations.vector_normalization)` (and `minmax_normalization`),
//!   called as `topsis(matrix, weights, types)` with types 1 (benefit) / -1 (cost);
//!   D+ and D- read from `topsis._method(...)`. pymcdm normalises a cost column as
//!   `1 - x / |x|` (vector) or `(max - x) / (max - min)` (min-max) and then takes the
//!   column max as ideal; both mirror/shift the column, so distances equal those of
//!   the textbook form (ideal = column min for cost). Distances are Euclidean.
//! * scikit-criteria 0.10: `VectorScaler(target="matrix")` then
//!   `skcriteria.agg.topsis.TOPSIS()` (Euclidean `scipy.spatial.distance.cdist`,
//!   ideal = min for MIN objectives). Agrees with pymcdm (vector) to <= 2.3e-16 on
//!   every case here.

use innorank::topsis::{Normalization, Topsis, TopsisScores};
use innorank::{DecisionMatrix, Direction, Weights};

/// Tolerance for cross-checks against other libraries.
const LIB_TOL: f64 = 1e-9;

fn assert_all_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= tol,
            "{what}[{i}]: got {g:.17}, want {w:.17} (|diff| {:.3e} > tol {tol:e})",
            (g - w).abs()
        );
    }
}

fn run(rows: &[&[f64]], weights: &[f64], directions: &[Direction], normalization: Normalization) -> TopsisScores {
    let m = DecisionMatrix::from_rows(rows.iter().map(|r| r.to_vec()).collect()).unwrap();
    let w = Weights::new(weights.to_vec()).unwrap();
    Topsis::new(normalization).rank(&m, &w, directions).unwrap()
}

/// 1-based ranks by descending closeness (no ties in these cases).
fn ranks(closeness: &[f64]) -> Vec<usize> {
    closeness
        .iter()
        .map(|c| 1 + closeness.iter().filter(|other| *other > c).count())
        .collect()
}

fn directions(types: &[i8]) -> Vec<Direction> {
    types
        .iter()
        .map(|&t| if t > 0 { Direction::Benefit } else { Direction::Cost })
        .collect()
}

/// Expected closeness and distances for one normalisation.
struct Expected {
    closeness: &'static [f64],
    d_plus: &'static [f64],
    d_minus: &'static [f64],
}

fn check(rows: &[&[f64]], weights: &[f64], dirs: &[Direction], normalization: Normalization, e: &Expected) {
    let r = run(rows, weights, dirs, normalization);
    let what = normalization.name();
    assert_all_close(&format!("{what} closeness"), &r.closeness, e.closeness, LIB_TOL);
    assert_all_close(&format!("{what} D+"), &r.d_plus, e.d_plus, LIB_TOL);
    assert_all_close(&format!("{what} D-"), &r.d_minus, e.d_minus, LIB_TOL);
    assert!(
        r.degenerate.is_empty(),
        "{what}: unexpected degenerate columns {:?}",
        r.degenerate
    );
}

// ---------------------------------------------------------------------------
// Published examples
// ---------------------------------------------------------------------------

/// Tzeng, G.-H. & Huang, J.-J. (2011). *Multiple Attribute Decision Making: Methods
/// and Applications*. CRC Press, TOPSIS example: 4
/// alternatives, 3 benefit criteria, weights 0.3, 0.4, 0.3, vector normalisation.
/// Published closeness 0.5037, 0.6581, 0.7482, 0.3340 (4 decimals), ranks 3, 2, 1, 4,
/// as reproduced in scikit-criteria's tests/agg/test_topsis.py
/// (https://github.com/quatrope/scikit-criteria, `test_TOPSIS_tzeng2011multiple`).
#[test]
fn tzeng_huang_2011_example_matches_published_closeness() {
    let rows: &[&[f64]] = &[&[5.0, 8.0, 4.0], &[7.0, 6.0, 8.0], &[8.0, 8.0, 6.0], &[7.0, 4.0, 6.0]];
    let r = run(rows, &[0.3, 0.4, 0.3], &[Direction::Benefit; 3], Normalization::Vector);
    assert_all_close("closeness", &r.closeness, &[0.5037, 0.6581, 0.7482, 0.3340], 5e-5);
    assert_eq!(ranks(&r.closeness), vec![3, 2, 1, 4]);
}

/// pymcdm 1.4.0 documentation, `pymcdm.methods.TOPSIS` docstring example
/// (https://pymcdm.readthedocs.io, source pymcdm/methods/topsis.py): matrix
/// [[1, 3000], [2, 3750], [5, 4500]], weights 0.5, 0.5, types [-1, 1] (cost,
/// benefit), default min-max normalisation; printed preferences 0.500, 0.617, 0.500.
#[test]
fn pymcdm_docstring_example_matches_published_minmax_preferences() {
    let rows: &[&[f64]] = &[&[1.0, 3000.0], &[2.0, 3750.0], &[5.0, 4500.0]];
    let r = run(
        rows,
        &[0.5, 0.5],
        &[Direction::Cost, Direction::Benefit],
        Normalization::MinMax,
    );
    assert_all_close("closeness", &r.closeness, &[0.500, 0.617, 0.500], 5e-4);
}

// ---------------------------------------------------------------------------
// Cross-checks against pymcdm 1.4.0 and scikit-criteria 0.10
// ---------------------------------------------------------------------------

/// Tzeng & Huang (2011) example at full precision; weights [0.3, 0.4, 0.3].
const TZENG_HUANG_2011_ROWS: &[&[f64]] = &[&[5.0, 8.0, 4.0], &[7.0, 6.0, 8.0], &[8.0, 8.0, 6.0], &[7.0, 4.0, 6.0]];
const TZENG_HUANG_2011_WEIGHTS: &[f64] = &[0.3, 0.4, 0.3];
const TZENG_HUANG_2011_TYPES: &[i8] = &[1, 1, 1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 0.0e+00, ranks [3, 2, 1, 4]. Computed 2026-11-27.
const TZENG_HUANG_2011_VECTOR: Expected = Expected {
    closeness: &[
        0.5037196585795188,
        0.6580847719618138,
        0.7482486599406238,
        0.333997436943342,
    ],
    d_plus: &[
        0.11749568082557484,
        0.06353612341035178,
        0.04866642633922877,
        0.1306595832586102,
    ],
    d_minus: &[
        0.1192569587999888,
        0.1222880756898294,
        0.14464506240101263,
        0.06552522218559163,
    ],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const TZENG_HUANG_2011_MINMAX: Expected = Expected {
    closeness: &[
        0.4852813742385703,
        0.6483712952255928,
        0.7767908047326835,
        0.3629773449415502,
    ],
    d_plus: &[0.4242640687119285, 0.223606797749979, 0.15, 0.4387482193696061],
    d_minus: &[0.4, 0.412310562561766, 0.5220153254455275, 0.24999999999999997],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_tzeng_huang_2011() {
    check(
        TZENG_HUANG_2011_ROWS,
        TZENG_HUANG_2011_WEIGHTS,
        &directions(TZENG_HUANG_2011_TYPES),
        Normalization::Vector,
        &TZENG_HUANG_2011_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_tzeng_huang_2011() {
    check(
        TZENG_HUANG_2011_ROWS,
        TZENG_HUANG_2011_WEIGHTS,
        &directions(TZENG_HUANG_2011_TYPES),
        Normalization::MinMax,
        &TZENG_HUANG_2011_MINMAX,
    );
}

/// pymcdm docstring example at full precision; weights [0.5, 0.5].
const PYMCDM_DOCSTRING_ROWS: &[&[f64]] = &[&[1.0, 3000.0], &[2.0, 3750.0], &[5.0, 4500.0]];
const PYMCDM_DOCSTRING_WEIGHTS: &[f64] = &[0.5, 0.5];
const PYMCDM_DOCSTRING_TYPES: &[i8] = &[-1, 1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 0.0e+00, ranks [1, 2, 3]. Computed 2026-11-27.
const PYMCDM_DOCSTRING_VECTOR: Expected = Expected {
    closeness: &[0.7621405801238009, 0.7221778332293296, 0.23785941987619905],
    d_plus: &[0.11396057645963797, 0.10761081070267327, 0.36514837167011077],
    d_minus: &[0.36514837167011077, 0.27972621122582214, 0.11396057645963797],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const PYMCDM_DOCSTRING_MINMAX: Expected = Expected {
    closeness: &[0.5, 0.6172177814626812, 0.5],
    d_plus: &[0.5, 0.2795084971874737, 0.5],
    d_minus: &[0.5, 0.45069390943299864, 0.5],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_pymcdm_docstring() {
    check(
        PYMCDM_DOCSTRING_ROWS,
        PYMCDM_DOCSTRING_WEIGHTS,
        &directions(PYMCDM_DOCSTRING_TYPES),
        Normalization::Vector,
        &PYMCDM_DOCSTRING_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_pymcdm_docstring() {
    check(
        PYMCDM_DOCSTRING_ROWS,
        PYMCDM_DOCSTRING_WEIGHTS,
        &directions(PYMCDM_DOCSTRING_TYPES),
        Normalization::MinMax,
        &PYMCDM_DOCSTRING_MINMAX,
    );
}

/// 5 alternatives x 3 criteria (benefit, cost, benefit); weights [0.1796, 0.3823, 0.4381].
const M5X3_ROWS: &[&[f64]] = &[
    &[5.606, 955.417, 0.18],
    &[9.538, 380.648, 0.431],
    &[8.449, 468.279, 0.545],
    &[1.248, 778.162, 0.534],
    &[3.968, 809.586, 0.323],
];
const M5X3_WEIGHTS: &[f64] = &[0.1796, 0.3823, 0.4381];
const M5X3_TYPES: &[i8] = &[1, -1, 1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 1.1e-16, ranks [5, 2, 1, 3, 4]. Computed 2026-11-27.
const M5X3_VECTOR: Expected = Expected {
    closeness: &[
        0.1946953358852965,
        0.797741529395704,
        0.8994203176407721,
        0.5460365529536437,
        0.3374995592564164,
    ],
    d_plus: &[
        0.22282587479084753,
        0.05250888182337282,
        0.02496875743744163,
        0.14009643318727144,
        0.1605990184529332,
    ],
    d_minus: &[
        0.053871733853710566,
        0.20710388824499487,
        0.2232797640508628,
        0.16851086570163135,
        0.08181443303500624,
    ],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const M5X3_MINMAX: Expected = Expected {
    closeness: &[
        0.13842313966812503,
        0.791304274903444,
        0.900138060141561,
        0.5795466918412974,
        0.3349233257702993,
    ],
    d_plus: &[
        0.5876576019947158,
        0.13683123287671234,
        0.06288043061737368,
        0.3199038353926096,
        0.40860814400381973,
    ],
    d_minus: &[
        0.09441457177322074,
        0.5188181955598568,
        0.5667932038675048,
        0.4409507688762191,
        0.20576935536807495,
    ],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_m5x3() {
    check(
        M5X3_ROWS,
        M5X3_WEIGHTS,
        &directions(M5X3_TYPES),
        Normalization::Vector,
        &M5X3_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_m5x3() {
    check(
        M5X3_ROWS,
        M5X3_WEIGHTS,
        &directions(M5X3_TYPES),
        Normalization::MinMax,
        &M5X3_MINMAX,
    );
}

/// 8 alternatives x 4 criteria (cost, benefit, benefit, cost); weights [0.1905, 0.4846, 0.1645, 0.1604].
const M8X4_ROWS: &[&[f64]] = &[
    &[20.464, 1.246, 5071.129, 26.434],
    &[34.004, 2.321, 1939.505, 23.86],
    &[20.999, 2.144, 3811.328, 30.504],
    &[27.305, 2.173, 3113.923, 64.323],
    &[48.697, 2.208, 2958.124, 33.108],
    &[23.838, 1.778, 5456.047, 74.289],
    &[22.726, 2.811, 3354.549, 68.563],
    &[14.288, 0.761, 2009.537, 81.911],
];
const M8X4_WEIGHTS: &[f64] = &[0.1905, 0.4846, 0.1645, 0.1604];
const M8X4_TYPES: &[i8] = &[-1, 1, 1, -1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 5.6e-17, ranks [7, 3, 2, 4, 5, 6, 1, 8]. Computed 2026-11-27.
const M8X4_VECTOR: Expected = Expected {
    closeness: &[
        0.44986763994863055,
        0.6399946969444954,
        0.6953038619674271,
        0.6131537028725597,
        0.5602108639212209,
        0.5325350074622618,
        0.7555237527833295,
        0.2993524727009462,
    ],
    d_plus: &[
        0.13344859524963834,
        0.083842197032653,
        0.06457263729691198,
        0.08356922906687496,
        0.10467488374195459,
        0.10414822805044587,
        0.060203062228932076,
        0.19146715477072393,
    ],
    d_minus: &[
        0.10912683739202153,
        0.14904936406673017,
        0.14735206156490613,
        0.13245772966951538,
        0.13333664304392823,
        0.11864541364035525,
        0.18605015424643476,
        0.08180456504653731,
    ],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const M8X4_MINMAX: Expected = Expected {
    closeness: &[
        0.4357337054829507,
        0.6418964105973044,
        0.688147677625018,
        0.6123111544070087,
        0.5819805901159288,
        0.5302058949761783,
        0.7563773151068569,
        0.2624934314090351,
    ],
    d_plus: &[
        0.3720315421394912,
        0.2288926198457073,
        0.18027061857752097,
        0.22900448224090184,
        0.2663001200627254,
        0.2860774798738521,
        0.16463034899754742,
        0.5353115836002207,
    ],
    d_minus: &[
        0.2872875519735283,
        0.41028728959751354,
        0.39779343816776547,
        0.36168695715459315,
        0.370751925287461,
        0.32286477124133833,
        0.511129172615791,
        0.19052816671272144,
    ],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_m8x4() {
    check(
        M8X4_ROWS,
        M8X4_WEIGHTS,
        &directions(M8X4_TYPES),
        Normalization::Vector,
        &M8X4_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_m8x4() {
    check(
        M8X4_ROWS,
        M8X4_WEIGHTS,
        &directions(M8X4_TYPES),
        Normalization::MinMax,
        &M8X4_MINMAX,
    );
}

/// 10 alternatives x 6 criteria (B, C, B, B, C, B), magnitudes 1e-3 to 1e5; weights [0.2123, 0.2104, 0.2016, 0.092, 0.0553, 0.2284].
const M10X6_ROWS: &[&[f64]] = &[
    &[0.186, 28.681, 100127.447, 5.075, 0.002, 201.594],
    &[0.579, 20.974, 93457.715, 1.796, 0.005, 230.859],
    &[0.531, 63.68, 93783.779, 7.694, 0.004, 276.992],
    &[0.796, 34.272, 20149.008, 7.814, 0.004, 159.895],
    &[0.992, 63.516, 67130.967, 6.413, 0.001, 297.438],
    &[0.474, 14.085, 86050.007, 7.52, 0.003, 270.532],
    &[0.398, 79.176, 92216.481, 2.531, 0.009, 280.178],
    &[0.783, 87.008, 62857.29, 6.311, 0.01, 85.812],
    &[0.95, 44.393, 67968.392, 2.024, 0.008, 152.193],
    &[0.971, 32.537, 76180.972, 3.798, 0.007, 118.824],
];
const M10X6_WEIGHTS: &[f64] = &[0.2123, 0.2104, 0.2016, 0.092, 0.0553, 0.2284];
const M10X6_TYPES: &[i8] = &[1, -1, 1, 1, -1, 1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 1.1e-16, ranks [7, 2, 5, 8, 3, 1, 9, 10, 6, 4]. Computed 2026-11-27.
const M10X6_VECTOR: Expected = Expected {
    closeness: &[
        0.5609589854190979,
        0.6788348123340924,
        0.5718423832840376,
        0.5351256868545534,
        0.6349855103457209,
        0.7189729375426535,
        0.45687297855460424,
        0.36002811205145574,
        0.569023628176671,
        0.6100210936917901,
    ],
    d_plus: &[
        0.08531662628529887,
        0.05663402706249541,
        0.07724857470895088,
        0.08522042805443375,
        0.06839923763205624,
        0.051077797580366256,
        0.10618679084257333,
        0.12414922912170206,
        0.07594626381344557,
        0.07156072129054583,
    ],
    d_minus: &[
        0.10900833072752159,
        0.11970521902481406,
        0.10317230697817137,
        0.09809885985763159,
        0.11898849510381432,
        0.13067621975068244,
        0.0893232586482142,
        0.06984246248160793,
        0.10027282562790868,
        0.11193823245540281,
    ],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const M10X6_MINMAX: Expected = Expected {
    closeness: &[
        0.5512076703521704,
        0.6662908345401682,
        0.6231848511374131,
        0.49275025058040656,
        0.6788954918500677,
        0.7113498042457868,
        0.5189380430092098,
        0.3773224129306839,
        0.5547478624277734,
        0.5758525905962225,
    ],
    d_plus: &[
        0.24358949505044078,
        0.1635330643885123,
        0.19054136377173647,
        0.26282300517372553,
        0.1664843512443855,
        0.14453288751428614,
        0.26350164044883256,
        0.3344804708937788,
        0.22044945887313255,
        0.22090191783901478,
    ],
    d_minus: &[
        0.29917712317939205,
        0.326513602933835,
        0.3151213314433678,
        0.25531033146065135,
        0.3519896876397074,
        0.35618697909324054,
        0.2842482629048371,
        0.20268431203672455,
        0.27466205271926786,
        0.2999121032805196,
    ],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_m10x6() {
    check(
        M10X6_ROWS,
        M10X6_WEIGHTS,
        &directions(M10X6_TYPES),
        Normalization::Vector,
        &M10X6_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_m10x6() {
    check(
        M10X6_ROWS,
        M10X6_WEIGHTS,
        &directions(M10X6_TYPES),
        Normalization::MinMax,
        &M10X6_MINMAX,
    );
}

/// 12 alternatives x 5 criteria (C, B, B, C, B); weights [0.2345, 0.1276, 0.2053, 0.2411, 0.1915].
const M12X5_ROWS: &[&[f64]] = &[
    &[285.764, 2.534, 73.575, 0.165, 10288.27],
    &[144.122, 3.406, 25.472, 0.797, 9527.297],
    &[275.554, 2.431, 40.83, 0.731, 14809.836],
    &[142.431, 3.907, 70.742, 0.242, 10306.219],
    &[226.216, 3.828, 54.939, 0.207, 8974.411],
    &[173.405, 2.501, 72.515, 0.38, 5685.254],
    &[180.522, 2.924, 71.346, 0.566, 6214.001],
    &[282.444, 2.475, 55.548, 0.481, 5603.76],
    &[223.138, 3.312, 26.447, 0.468, 7341.781],
    &[92.682, 1.664, 72.75, 0.807, 7587.502],
    &[234.868, 1.126, 69.903, 0.53, 12843.214],
    &[118.985, 2.128, 35.883, 0.878, 8153.519],
];
const M12X5_WEIGHTS: &[f64] = &[0.2345, 0.1276, 0.2053, 0.2411, 0.1915];
const M12X5_TYPES: &[i8] = &[-1, 1, 1, -1, 1];

/// pymcdm 1.4.0 `TOPSIS(normalization_function=vector_normalization)`; scikit-criteria
/// 0.10 (VectorScaler + TOPSIS) agrees to 2.2e-16, ranks [3, 11, 10, 1, 2, 4, 6, 9, 8, 7, 5, 12]. Computed 2026-11-27.
const M12X5_VECTOR: Expected = Expected {
    closeness: &[
        0.5978479550296681,
        0.38175740942018843,
        0.38521095426905905,
        0.7729515812317884,
        0.6249166216954538,
        0.5615759824920921,
        0.48608566973069045,
        0.3874258803411536,
        0.4181293741718391,
        0.4617161521678048,
        0.5069010645854154,
        0.3573923321622715,
    ],
    d_plus: &[
        0.07059507063141768,
        0.09791129263129102,
        0.09879625971913639,
        0.03267582863964973,
        0.05881083517743822,
        0.06805310522016658,
        0.07720288865256886,
        0.09455978720383315,
        0.08625076978036672,
        0.09387317745398994,
        0.07483143846249644,
        0.10565766517331339,
    ],
    d_minus: &[
        0.10494816361130692,
        0.06045905280134256,
        0.06190318735977924,
        0.11123985602762704,
        0.0979831967076196,
        0.08716901424079361,
        0.07302232225391002,
        0.059804858916860305,
        0.06197937958936354,
        0.08052027282701125,
        0.07692601442995432,
        0.05876250978170147,
    ],
};

/// pymcdm 1.4.0 `TOPSIS(normalization_function=minmax_normalization)`. Computed 2026-11-27.
const M12X5_MINMAX: Expected = Expected {
    closeness: &[
        0.5645241334197181,
        0.40402950621180317,
        0.39565105319829375,
        0.7645583289637327,
        0.5827634881675606,
        0.5627446478253644,
        0.5163078291464621,
        0.36971755081206786,
        0.37517390849846055,
        0.5256270096376562,
        0.523428569687,
        0.39668968083843975,
    ],
    d_plus: &[
        0.2603944522711671,
        0.32299555889786985,
        0.3317780267802836,
        0.11511339918274113,
        0.2181220759625053,
        0.2347450127310684,
        0.25271378351519785,
        0.33382948860781064,
        0.3177039437550973,
        0.28337824333022665,
        0.2515054510549283,
        0.3329594768174429,
    ],
    d_minus: &[
        0.33755935471244497,
        0.21897012944484853,
        0.21720617934119038,
        0.37381194133189144,
        0.30465594028671095,
        0.30211522594546925,
        0.26975442817665457,
        0.19582112920317693,
        0.19076384924569245,
        0.31399607832702403,
        0.2762338028272147,
        0.2189281111160229,
    ],
};

#[test]
fn vector_topsis_matches_pymcdm_and_skcriteria_for_m12x5() {
    check(
        M12X5_ROWS,
        M12X5_WEIGHTS,
        &directions(M12X5_TYPES),
        Normalization::Vector,
        &M12X5_VECTOR,
    );
}

#[test]
fn minmax_topsis_matches_pymcdm_for_m12x5() {
    check(
        M12X5_ROWS,
        M12X5_WEIGHTS,
        &directions(M12X5_TYPES),
        Normalization::MinMax,
        &M12X5_MINMAX,
    );
}

/// Target criterion: column 3 is "closest to 3.2 is best". The reference transforms
/// that column to |x - 3.2| in Python (giving [1.1, 0.2999999999999998, 0.8499999999999996, 0.0, 1.4500000000000002, 0.25, 0.6999999999999997, 0.6000000000000001])
/// and passes it to pymcdm 1.4.0 as a cost column (types [1, -1, -1, 1]); the other
/// columns are the 8x4 case's first, second and fourth columns, here benefit, cost,
/// benefit. scikit-criteria agrees (vector) to 2.2e-16. Computed 2026-11-27.
const TARGET_ROWS: &[&[f64]] = &[
    &[20.464, 1.246, 2.1, 26.434],
    &[34.004, 2.321, 3.5, 23.86],
    &[20.999, 2.144, 4.05, 30.504],
    &[27.305, 2.173, 3.2, 64.323],
    &[48.697, 2.208, 1.75, 33.108],
    &[23.838, 1.778, 2.95, 74.289],
    &[22.726, 2.811, 3.9, 68.563],
    &[14.288, 0.761, 2.6, 81.911],
];
const TARGET_WEIGHTS: &[f64] = &[0.1905, 0.4846, 0.1645, 0.1604];
const TARGET_DIRECTIONS: [Direction; 4] = [
    Direction::Benefit,
    Direction::Cost,
    Direction::Target(3.2),
    Direction::Benefit,
];

const TARGET_VECTOR: Expected = Expected {
    closeness: &[
        0.518130005141165,
        0.4106556262602254,
        0.31900364232748485,
        0.49779548142903357,
        0.36337112052674586,
        0.561857050866335,
        0.2795942446174396,
        0.6760201231128056,
    ],
    d_plus: &[
        0.12625403973476193,
        0.15066244219941052,
        0.15720003063200302,
        0.13114074229756015,
        0.16973989498032688,
        0.10630126787500796,
        0.19168421054029985,
        0.09286865272765754,
    ],
    d_minus: &[
        0.13575447102911825,
        0.10498170901791429,
        0.07363825339241618,
        0.12998940975826742,
        0.09688309441463967,
        0.13631650809330606,
        0.07439391155702973,
        0.19378079482427546,
    ],
};

const TARGET_MINMAX: Expected = Expected {
    closeness: &[
        0.5744425083503667,
        0.33327912466836346,
        0.306444744764554,
        0.4208779038997309,
        0.37267870202954934,
        0.5315050607492198,
        0.2344336820625473,
        0.719726563421052,
    ],
    d_plus: &[
        0.27685190468490717,
        0.4116964974613226,
        0.3998393280538242,
        0.35749024023428577,
        0.4027986202387257,
        0.2792594089099354,
        0.5130086817048684,
        0.20229590719188414,
    ],
    d_minus: &[
        0.3737109689980751,
        0.2057980383990385,
        0.17666748237772242,
        0.2598066003483432,
        0.2392943894229662,
        0.3168183403108536,
        0.1570948347180962,
        0.5194846142201085,
    ],
};

#[test]
fn target_criterion_is_ranked_as_distance_cost_vector() {
    check(
        TARGET_ROWS,
        TARGET_WEIGHTS,
        &TARGET_DIRECTIONS,
        Normalization::Vector,
        &TARGET_VECTOR,
    );
}

#[test]
fn target_criterion_is_ranked_as_distance_cost_minmax() {
    check(
        TARGET_ROWS,
        TARGET_WEIGHTS,
        &TARGET_DIRECTIONS,
        Normalization::MinMax,
        &TARGET_MINMAX,
    );
}
