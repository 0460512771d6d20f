//! A spinner on standard error while a problem loads, for large CSV and
//! spreadsheet files: shown only if loading takes longer than
//! [`SHOW_AFTER`], never with `--quiet` or when standard error is not a
//! terminal. The reader itself is not touched (no counter in its loop), so
//! loading costs the same with or without it.

use std::io::IsTerminal as _;
use std::sync::mpsc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::Common;

/// Loads faster than this show nothing.
const SHOW_AFTER: Duration = Duration::from_millis(700);

/// Shows the spinner until dropped.
pub struct Loading {
    done: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Starts the spinner for loading the problem of `common`; a no-op with
/// `--quiet` or when standard error is not a terminal.
pub fn loading(common: &Common) -> Loading {
    if common.quiet || !std::io::stderr().is_terminal() {
        return Loading {
            done: None,
            thread: None,
        };
    }
    let file = common.alternatives.as_deref().unwrap_or(&common.file);
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let what = format!(
        "reading {}{}",
        file.display(),
        if size > 0 {
            format!(" ({})", indicatif::HumanBytes(size))
        } else {
            String::new()
        }
    );
    let (done, wait) = mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        if wait.recv_timeout(SHOW_AFTER) != Err(mpsc::RecvTimeoutError::Timeout) {
            return;
        }
        let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}, {elapsed}") {
            spinner.set_style(style);
        }
        spinner.set_message(what);
        spinner.enable_steady_tick(Duration::from_millis(120));
        // Until loading ends (or the sender is gone).
        let _ = wait.recv();
        spinner.finish_and_clear();
    });
    Loading {
        done: Some(done),
        thread: Some(thread),
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        drop(self.done.take());
        // The spinner is cleared before anything else is written.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
