//! Things worth knowing that do not stop a ranking.

use crate::location::Location;

/// A warning about the input or the result. Shown on standard error and
/// listed in the JSON `warnings`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Warning {
    /// A judgment outside Saaty's 1/9..9 scale (but within the bound
    /// innorank accepts, [`crate::ahp::JUDGMENT_MIN`]..[`crate::ahp::JUDGMENT_MAX`]).
    /// Shown like an error, `FILE:LINE:COLUMN: field.path: message`, once the
    /// loader has located it.
    JudgmentOffScale {
        /// Where the value is: the field path, and the file, line and column
        /// once located by the loader.
        location: Location,
        /// The value.
        value: f64,
    },
    /// A comparison matrix whose CR is above the threshold.
    Inconsistent {
        /// Node id.
        node: String,
        /// Its consistency ratio.
        cr: f64,
        /// The threshold.
        threshold: f64,
    },
    /// Missing judgments were estimated.
    Estimated {
        /// Node id.
        node: String,
        /// How many pairs.
        count: usize,
    },
    /// A leaf whose values are all zero (vector normalisation undefined).
    AllZeroColumn {
        /// Leaf id.
        criterion: String,
    },
    /// A leaf with the same value for every alternative.
    ConstantColumn {
        /// Leaf id.
        criterion: String,
    },
    /// No criterion separates the alternatives.
    NoDiscrimination,
    /// Only one alternative to rank.
    SingleAlternative {
        /// Its id.
        id: String,
    },
    /// Screening left nothing to rank.
    NothingLeft,
    /// A proposal named in a `portfolio:` list that screening rejects:
    /// left out of that list.
    PortfolioScreenedOut {
        /// The proposal.
        id: String,
        /// The list (`synergies`, `requires`, ...).
        list: String,
    },
    /// `robustness --weights judgments` on a problem without pairwise
    /// judgments: every draw has the problem's own weights.
    NoJudgmentsToDraw,
    /// `sensitivity --curve` plots only the first alternatives by rank.
    CurveCapped {
        /// How many it plots.
        shown: usize,
        /// How many are ranked.
        ranked: usize,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::JudgmentOffScale { location, value } => write!(
                f,
                "{}: judgment {value} is outside Saaty's scale 1/9..9",
                located(location)
            ),
            Warning::Inconsistent { node, cr, threshold } => write!(
                f,
                "node `{node}` is inconsistent: CR {cr:.4} > {threshold} (see `innorank weights`)"
            ),
            Warning::Estimated { node, count } => write!(
                f,
                "node `{node}`: {count} missing judgment(s) estimated by Harker's method"
            ),
            Warning::AllZeroColumn { criterion } => write!(
                f,
                "criterion `{criterion}` is zero for every alternative; it does not affect the ranking"
            ),
            Warning::ConstantColumn { criterion } => write!(
                f,
                "criterion `{criterion}` has the same value for every alternative; it does not affect the ranking"
            ),
            Warning::NoDiscrimination => write!(f, "no criterion separates the alternatives; every score is 0.5"),
            Warning::SingleAlternative { id } => write!(
                f,
                "only one alternative to rank (`{id}`); its score says nothing about the others"
            ),
            Warning::NothingLeft => write!(f, "every alternative was screened out; nothing to rank"),
            Warning::PortfolioScreenedOut { id, list } => {
                write!(f, "`{id}` is screened out; it is left out of portfolio `{list}`")
            }
            Warning::NoJudgmentsToDraw => write!(
                f,
                "no pairwise judgments to draw: every draw uses the problem's own weights"
            ),
            Warning::CurveCapped { shown, ranked } => {
                write!(f, "the curve shows the first {shown} of {ranked} ranked alternatives")
            }
        }
    }
}

impl Warning {
    /// Where in the input the warning points, for warnings about a value in
    /// the file; the loader fills in file, line and column from the path.
    pub fn location_mut(&mut self) -> Option<&mut Location> {
        match self {
            Warning::JudgmentOffScale { location, .. } => Some(location),
            _ => None,
        }
    }
}

/// `FILE:LINE:COLUMN: path`, as errors show it, leaving out what is not
/// known (a problem built in code has no file).
fn located(l: &Location) -> String {
    let mut out = String::new();
    if !l.source.is_empty() {
        out.push_str(&l.source);
        if let Some(line) = l.line {
            out.push_str(&format!(":{line}"));
            if let Some(column) = l.column {
                out.push_str(&format!(":{column}"));
            }
        }
    }
    if !l.path.shows_empty() {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&l.path.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_scale_judgment_shows_its_position_like_an_error() {
        let mut w = Warning::JudgmentOffScale {
            location: Location {
                path: crate::problem::FieldPath::root().key("comparisons").index(0).index(2),
                ..Location::default()
            },
            value: 20.0,
        };
        assert_eq!(
            w.to_string(),
            "comparisons[0][2]: judgment 20 is outside Saaty's scale 1/9..9"
        );
        let l = w.location_mut().unwrap();
        (l.source, l.line, l.column) = ("p.yaml".into(), Some(4), Some(12));
        assert_eq!(
            w.to_string(),
            "p.yaml:4:12: comparisons[0][2]: judgment 20 is outside Saaty's scale 1/9..9"
        );
        assert_eq!(Warning::NothingLeft.location_mut(), None);
    }
}
