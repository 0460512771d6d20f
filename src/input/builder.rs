//! Building a problem in code. The builder assembles the same structure a
//! problem file gives and validates it the same way, so a problem built
//! here behaves exactly like one loaded from YAML.

use super::diagnostic::{Diagnostic, Diagnostics, Location};
use super::load::CsvPlan;
use super::raw::{
    Ordered, RawAlternative, RawAlternatives, RawComparisons, RawCriterion, RawDirection, RawProblem, RawRule,
    RawValue, Text,
};
use super::{LoadOptions, Problem, library::CriteriaLibrary, validate};

/// Builds a [`Problem`] in code.
///
/// ```
/// use innorank::problem::{CriterionBuilder, ProblemBuilder};
///
/// let problem = ProblemBuilder::new("Supplier choice")
///     .criterion(CriterionBuilder::leaf("price").cost())
///     .criterion(CriterionBuilder::leaf("quality"))
///     .compare("quality", "price", 2.0)
///     .alternative("s1", &[("price", 100.0), ("quality", 7.0)])
///     .alternative("s2", &[("price", 80.0), ("quality", 5.0)])
///     .build()
///     .unwrap();
/// let report = innorank::rank(&problem, &Default::default()).unwrap();
/// assert_eq!(report.ranking.first().unwrap().id, "s1");
/// ```
#[derive(Debug, Clone)]
pub struct ProblemBuilder {
    raw: RawProblem,
    options: LoadOptions,
}

/// A criterion for [`ProblemBuilder::criterion`].
#[derive(Debug, Clone)]
pub struct CriterionBuilder {
    raw: RawCriterion,
}

fn text(s: &str) -> Text {
    Text(s.to_owned())
}

fn triple(a: &str, b: &str, value: f64) -> Vec<RawValue> {
    vec![
        RawValue::Text(a.to_owned()),
        RawValue::Text(b.to_owned()),
        RawValue::Number(value),
    ]
}

fn push_judgment(comparisons: &mut Option<RawComparisons>, a: &str, b: &str, value: f64) {
    match comparisons {
        Some(RawComparisons::Single(list)) => list.push(triple(a, b, value)),
        _ => *comparisons = Some(RawComparisons::Single(vec![triple(a, b, value)])),
    }
}

impl ProblemBuilder {
    /// An empty problem called `name`.
    pub fn new(name: &str) -> Self {
        ProblemBuilder {
            raw: RawProblem {
                version: None,
                name: Some(text(name)),
                description: None,
                core: None,
                criteria: Some(Vec::new()),
                comparisons: None,
                judges: None,
                matrix: None,
                alternative_comparisons: None,
                alternatives: Some(RawAlternatives::List(Vec::new())),
                screening: Vec::new(),
                portfolio: None,
            },
            options: LoadOptions::default(),
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: &str) -> Self {
        self.raw.description = Some(text(description));
        self
    }

    /// Uses this criteria library for [`CriterionBuilder::from_library`]
    /// (the built-in one otherwise).
    pub fn library(mut self, library: std::sync::Arc<CriteriaLibrary>) -> Self {
        self.options.library = Some(library);
        self
    }

    /// Adds a top-level criterion.
    pub fn criterion(mut self, criterion: CriterionBuilder) -> Self {
        self.raw.criteria.get_or_insert_default().push(criterion.raw);
        self
    }

    /// Adds a judgment among the top-level criteria: `a` is `value` times as
    /// important as `b`.
    pub fn compare(mut self, a: &str, b: &str, value: f64) -> Self {
        push_judgment(&mut self.raw.comparisons, a, b, value);
        self
    }

    /// Adds an alternative with its scores on the leaf criteria.
    pub fn alternative(self, id: &str, scores: &[(&str, f64)]) -> Self {
        self.named_alternative(id, None, scores)
    }

    /// Adds an alternative with a display name.
    pub fn named_alternative(mut self, id: &str, name: Option<&str>, scores: &[(&str, f64)]) -> Self {
        let Some(RawAlternatives::List(list)) = &mut self.raw.alternatives else {
            unreachable!("the builder only writes a list");
        };
        list.push(RawAlternative {
            id: Some(text(id)),
            name: name.map(text),
            description: None,
            scores: Ordered(
                scores
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), RawValue::Number(*v)))
                    .collect(),
            ),
            assets: None,
            platforms: None,
            volume: None,
            uses: None,
        });
        self
    }

    /// Adds a screening rule: keep alternatives whose score on `criterion`
    /// lies within `min..=max` (either bound optional).
    pub fn screen(mut self, criterion: &str, min: Option<f64>, max: Option<f64>) -> Self {
        self.raw.screening.push(RawRule {
            criterion: Some(text(criterion)),
            min: min.map(RawValue::Number),
            max: max.map(RawValue::Number),
        });
        self
    }

    /// Validates and returns the problem; errors found carry field paths.
    ///
    /// # Errors
    ///
    /// Every problem found in what was built, as [`Diagnostics`] located by
    /// field path (source `(builder)`).
    pub fn build(mut self) -> Result<Problem, Diagnostics> {
        let criteria = self.raw.criteria.get_or_insert_default();
        let (issues, unresolved) = super::load::resolve_library(criteria, self.options.library.as_ref());
        let source = super::load::alternatives_source(self.raw.alternatives.take(), &CsvPlan::default());
        validate::validate(self.raw, issues, unresolved, source, None).map_err(|rejected| {
            Diagnostics(
                rejected
                    .issues
                    .into_iter()
                    .map(|(path, kind)| Diagnostic {
                        location: Location {
                            source: "(builder)".to_owned(),
                            path,
                            ..Location::default()
                        },
                        kind,
                    })
                    .chain(rejected.located)
                    .collect(),
            )
        })
    }
}

impl CriterionBuilder {
    /// A leaf criterion (benefit unless told otherwise).
    pub fn leaf(id: &str) -> Self {
        CriterionBuilder {
            raw: RawCriterion {
                id: Some(text(id)),
                ..RawCriterion::default()
            },
        }
    }

    /// A parent criterion grouping `children`.
    pub fn parent(id: &str, children: Vec<CriterionBuilder>) -> Self {
        CriterionBuilder {
            raw: RawCriterion {
                id: Some(text(id)),
                criteria: Some(children.into_iter().map(|c| c.raw).collect()),
                ..RawCriterion::default()
            },
        }
    }

    /// The library's definition of `id` (a family or a sub-criterion).
    pub fn from_library(id: &str) -> Self {
        CriterionBuilder {
            raw: RawCriterion {
                use_: Some(text(id)),
                ..RawCriterion::default()
            },
        }
    }

    /// Sets the display name.
    pub fn name(mut self, name: &str) -> Self {
        self.raw.name = Some(text(name));
        self
    }

    /// Less is better.
    pub fn cost(mut self) -> Self {
        self.raw.direction = Some(RawDirection::Cost);
        self
    }

    /// More is better (the default).
    pub fn benefit(mut self) -> Self {
        self.raw.direction = Some(RawDirection::Benefit);
        self
    }

    /// The closer to `target` the better.
    pub fn target(mut self, target: f64) -> Self {
        self.raw.direction = Some(RawDirection::Target);
        self.raw.target = Some(RawValue::Number(target));
        self
    }

    /// A direct weight relative to the siblings (give it on all or none).
    pub fn weight(mut self, weight: f64) -> Self {
        self.raw.weight = Some(RawValue::Number(weight));
        self
    }

    /// Scores outside `min..=max` are refused.
    pub fn scale(mut self, min: f64, max: f64) -> Self {
        self.raw.scale = Some(super::raw::RawScale {
            min: Some(RawValue::Number(min)),
            max: Some(RawValue::Number(max)),
        });
        self
    }

    /// A judgment among this parent's children.
    pub fn compare(mut self, a: &str, b: &str, value: f64) -> Self {
        push_judgment(&mut self.raw.comparisons, a, b, value);
        self
    }
}
