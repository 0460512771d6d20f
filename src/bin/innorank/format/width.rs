//! How wide a table may be: the terminal's width, `COLUMNS`, or none
//! with `--wide`.

/// The width a table is fitted to when neither `COLUMNS` nor a terminal
/// tells: a table written to a file or a CI log is still read by people,
/// and 100 columns fit a laptop's terminal, an editor and a code review.
const DEFAULT_WIDTH: usize = 100;

/// The width the table is fitted to: none with `--wide`; else `COLUMNS`
/// when it holds a positive number; else the terminal's width, from
/// standard output or, when that is piped or redirected
/// (`innorank rank ... | less`), from standard error; else
/// [`DEFAULT_WIDTH`].
pub fn table_width(wide: bool) -> Option<usize> {
    if wide {
        return None;
    }
    Some(terminal_width())
}

/// `COLUMNS` when it holds a positive number, else the terminal's width
/// (of standard output, else of standard error), else [`DEFAULT_WIDTH`]
/// (see [`table_width`]).
pub fn terminal_width() -> usize {
    known_width()
        .or_else(|| width_of(std::io::stderr()))
        .unwrap_or(DEFAULT_WIDTH)
}

/// The width of text meant to be read where it is printed: `COLUMNS` or the
/// width of the terminal standard output is; `None` when output goes to a
/// file or a pipe, so a one-line summary (`check`) stays one line for the
/// program that reads it.
pub fn known_width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or_else(|| width_of(std::io::stdout()))
}

/// The width of the terminal `stream` writes to, if it is one.
fn width_of(stream: impl std::os::fd::AsFd) -> Option<usize> {
    terminal_size::terminal_size_of(stream)
        .map(|(terminal_size::Width(w), _)| usize::from(w))
        .filter(|&w| w > 0)
}
