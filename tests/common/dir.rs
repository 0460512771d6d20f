//! Temporary folders and files: one per test, unique in the whole run,
//! removed on drop (also when the test fails).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::cli::Cli;

/// An empty folder under the system temporary folder, removed on drop.
pub struct Dir(PathBuf);

impl Dir {
    /// A new folder; `name` only helps find it while the test runs.
    pub fn new(name: &str) -> Dir {
        let path = std::env::temp_dir().join(format!("innorank-test-{}-{}-{name}", std::process::id(), unique()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Dir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `file` in this folder (which need not exist).
    pub fn join(&self, file: impl AsRef<Path>) -> PathBuf {
        self.0.join(file)
    }

    /// Writes `file` (creating its folders) and returns its path.
    pub fn write(&self, file: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// Writes each `(file, contents)`.
    pub fn write_all(&self, files: &[(&str, &[u8])]) {
        for (file, contents) in files {
            self.write(file, contents);
        }
    }

    /// `innorank` run in this folder.
    pub fn innorank(&self) -> Cli {
        Cli::new().current_dir(&self.0)
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A file directly under the system temporary folder (so that files made
/// by one test sit side by side), uniquely named, removed on drop.
pub struct TempFile(PathBuf);

impl TempFile {
    pub fn new(name: &str, contents: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("innorank-test-{}-{}-{name}", std::process::id(), unique()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary folder")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A number no other [`Dir`] or [`TempFile`] of this run has.
fn unique() -> usize {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
