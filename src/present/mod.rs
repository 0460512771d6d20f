//! Presentation: charts (SVG) and the decision report (HTML), drawn from
//! the pipeline's reports.
//!
//! This layer sits above the pipeline and below the command line: the
//! geometry of a chart (scales, ticks, where a bar ends) is numeric work,
//! so it lives in the library and the binary only writes the result to a
//! file.
//!
//! - [`svg`]: the one module that writes SVG syntax.
//! - [`scale`]: linear and logarithmic scales, nice ticks.
//! - [`palette`]: the Okabe-Ito colour-blind-safe palette.
//! - [`chart`]: one file per chart.
//! - [`report`]: the self-contained HTML decision report.

pub mod chart;
pub mod palette;
pub mod report;
pub mod scale;
pub mod svg;
