//! Names of the choices of an option (`--completion lambda-min`): every
//! option enum lists its choices, writes and parses their names the same
//! way, and says "did you mean" the same way when a name is unknown.

/// A name that does not match any of the choices of an option
/// (random index, completion, aggregation, synthesis mode).
///
/// ```
/// use innorank::ahp::RandomIndex;
/// let err = "dd".parse::<RandomIndex>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown random index `dd`; expected one of: saaty, donegan-dodd, tummala-ling, alonso-lamata"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{given}`; expected one of: {}", expected.join(", "))]
pub struct UnknownName {
    /// What was being parsed, e.g. `random index`.
    pub what: &'static str,
    /// The text given.
    pub given: String,
    /// The accepted names.
    pub expected: Vec<&'static str>,
}

/// The choice among `all` whose `name` equals `s` ignoring ASCII case.
pub(crate) fn parse_name<T: Copy>(
    s: &str,
    what: &'static str,
    all: &[T],
    name: impl Fn(T) -> &'static str,
) -> Result<T, UnknownName> {
    all.iter()
        .copied()
        .find(|&t| name(t).eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| UnknownName {
            what,
            given: s.to_owned(),
            expected: all.iter().map(|&t| name(t)).collect(),
        })
}

/// Gives an option enum its names: `ALL` (every choice, in the order
/// listed: the default first), `name()` (the name used on the command line
/// and in reports), `Display` (the name) and `FromStr` (a name, ignoring
/// ASCII case; else an [`UnknownName`] listing the choices). `what` names
/// the option in that error.
macro_rules! named_choices {
    ($ty:ident, $what:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every choice, the default first.
            pub const ALL: [$ty; [$($name),+].len()] = [$($ty::$variant),+];

            /// The name used on the command line and in reports.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::math::names::UnknownName;

            /// Parses a name, ignoring ASCII case.
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $crate::math::names::parse_name(s, $what, &$ty::ALL, |c| c.name())
            }
        }
    };
}

pub(crate) use named_choices;
