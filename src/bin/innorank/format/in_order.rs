//! Long outputs formatted on all cores and written in order, the writing
//! overlapping the formatting.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Chunks formatted ahead of the one being written, per thread: enough to
/// keep every core busy while the writer waits for a slow chunk, few
/// enough that memory stays a handful of buffers.
const AHEAD_PER_THREAD: usize = 2;

/// Writes `len` items to `out` in order, formatted in parallel: `fill`
/// appends the items of a range to an empty buffer, `chunk` items per
/// task.
///
/// Each core takes the next chunk as soon as it is free, up to a few
/// chunks ahead of the writer, while this thread writes finished chunks in
/// order (and, on a thread of the pool, formats one itself when it has
/// nothing to write); buffers are reused, so memory stays that of a few
/// chunks. No core waits for the others between groups of chunks, and
/// writing (to a pipe or a file) overlaps formatting. The first error, in item order, stops the writing:
/// what comes before it is written, nothing after.
pub fn write_in_order<E>(
    out: &mut dyn Write,
    len: usize,
    chunk: usize,
    fill: impl Fn(Range<usize>, &mut Vec<u8>) -> Result<(), E> + Sync,
) -> anyhow::Result<()>
where
    E: std::error::Error + Send + Sync + 'static,
{
    let chunk = chunk.max(1);
    let threads = rayon::current_num_threads().max(1);
    let shared = Shared {
        state: Mutex::new(State {
            next: 0,
            written: 0,
            ready: BTreeMap::new(),
            spare: Vec::new(),
            stop: false,
            panicked: false,
        }),
        changed: Condvar::new(),
        chunks: len.div_ceil(chunk),
        ahead: AHEAD_PER_THREAD * threads,
    };
    let fill = |k: usize, buf: &mut Vec<u8>| fill(k * chunk..((k + 1) * chunk).min(len), buf);
    rayon::in_place_scope(|s| {
        let (shared, fill) = (&shared, &fill);
        for _ in 0..threads {
            s.spawn(move |_| while shared.take(fill) {});
        }
        // However the writing ends, the workers stop.
        let _stop = Stop(shared);
        shared.write(out, fill)
    })
}

/// What the workers and the writer share.
struct Shared<E> {
    state: Mutex<State<E>>,
    changed: Condvar,
    chunks: usize,
    /// Most chunks taken beyond the next one to write.
    ahead: usize,
}

struct State<E> {
    /// The next chunk to take.
    next: usize,
    /// Chunks written.
    written: usize,
    /// Chunks formatted, not yet written.
    ready: BTreeMap<usize, Result<Vec<u8>, E>>,
    /// Written buffers, to reuse.
    spare: Vec<Vec<u8>>,
    /// Take no more chunks: the writing ended.
    stop: bool,
    /// A chunk will never come: formatting it panicked.
    panicked: bool,
}

impl<E> Shared<E> {
    fn lock(&self) -> MutexGuard<'_, State<E>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether a chunk may be taken now; `false` also when none is left.
    fn can_take(&self, state: &State<E>) -> bool {
        !state.stop && state.next < self.chunks && state.next < state.written + self.ahead
    }

    /// Takes the next chunk, waiting until one may be taken, and formats
    /// it; `false` once none is left or the writing ended.
    fn take(&self, fill: impl Fn(usize, &mut Vec<u8>) -> Result<(), E>) -> bool {
        let mut state = self.lock();
        while !self.can_take(&state) {
            if state.stop || state.next >= self.chunks {
                return false;
            }
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        self.format(state, fill);
        true
    }

    /// Formats the next chunk, which `state` shows may be taken.
    fn format(&self, mut state: MutexGuard<'_, State<E>>, fill: impl Fn(usize, &mut Vec<u8>) -> Result<(), E>) {
        let k = state.next;
        state.next += 1;
        let mut buf = state.spare.pop().unwrap_or_default();
        drop(state);
        let claimed = Claimed(self);
        buf.clear();
        let done = fill(k, &mut buf).map(|()| buf);
        std::mem::forget(claimed);
        self.lock().ready.insert(k, done);
        self.changed.notify_all();
    }

    /// The writer: writes formatted chunks in order as they come, and on a
    /// thread of the pool formats the next chunk itself while the one to
    /// write is not ready.
    fn write(&self, out: &mut dyn Write, fill: impl Fn(usize, &mut Vec<u8>) -> Result<(), E>) -> anyhow::Result<()>
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        // A thread of the pool writing must also format (the pool may have
        // no other); a thread outside it leaves that to the pool's threads,
        // one per core.
        let helps = rayon::current_thread_index().is_some();
        let mut state = self.lock();
        while state.written < self.chunks && !state.panicked {
            let at = state.written;
            let Some(done) = state.ready.remove(&at) else {
                if helps && self.can_take(&state) {
                    self.format(state, &fill);
                    state = self.lock();
                } else {
                    state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
                }
                continue;
            };
            drop(state);
            let buf = done.map_err(anyhow::Error::from).and_then(|buf| {
                out.write_all(&buf)?;
                Ok(buf)
            })?;
            state = self.lock();
            state.spare.push(buf);
            state.written += 1;
            self.changed.notify_all();
        }
        // After a panic the scope passes it on when the workers are done.
        Ok(())
    }
}

/// Dropped only if formatting a chunk panicked: the writer must not wait
/// for it.
struct Claimed<'a, E>(&'a Shared<E>);

impl<E> Drop for Claimed<'_, E> {
    fn drop(&mut self) {
        let mut state = self.0.lock();
        (state.stop, state.panicked) = (true, true);
        self.0.changed.notify_all();
    }
}

/// Stops the workers when the writer is done, whatever the outcome.
struct Stop<'a, E>(&'a Shared<E>);

impl<E> Drop for Stop<'_, E> {
    fn drop(&mut self) {
        self.0.lock().stop = true;
        self.0.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::write_in_order;

    #[derive(Debug, thiserror::Error)]
    #[error("bad item {0}")]
    struct Bad(usize);

    /// Items `0..len` written one a line, in chunks of `chunk`, failing at
    /// `bad`.
    fn lines(len: usize, chunk: usize, bad: Option<usize>, threads: usize) -> (String, Option<String>) {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let mut out = Vec::new();
        let result = pool.install(|| {
            write_in_order(&mut out, len, chunk, |items, buf| {
                for i in items {
                    if Some(i) == bad {
                        return Err(Bad(i));
                    }
                    buf.extend_from_slice(format!("{i}\n").as_bytes());
                }
                Ok(())
            })
        });
        (String::from_utf8(out).unwrap(), result.err().map(|e| e.to_string()))
    }

    #[test]
    fn items_come_out_in_order_on_any_number_of_threads() {
        let want: String = (0..10_007).map(|i| format!("{i}\n")).collect();
        for threads in [1, 2, 3, 8] {
            for chunk in [1, 7, 1000, 20_000] {
                assert_eq!(
                    lines(10_007, chunk, None, threads),
                    (want.clone(), None),
                    "{threads} {chunk}"
                );
            }
        }
        assert_eq!(lines(0, 10, None, 2), (String::new(), None));
    }

    #[test]
    fn a_panic_while_formatting_reaches_the_caller_instead_of_hanging() {
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                pool.install(|| {
                    write_in_order(&mut Vec::new(), 1_000, 10, |items, _| {
                        assert!(!items.contains(&555), "item 555");
                        Ok::<(), Bad>(())
                    })
                })
            }));
            assert!(caught.is_err(), "{threads} threads");
        }
        // From a thread outside any pool, as the CLI calls it.
        let caught = std::panic::catch_unwind(|| {
            write_in_order(&mut Vec::new(), 1_000, 10, |items, _| {
                assert!(!items.contains(&5), "item 5");
                Ok::<(), Bad>(())
            })
        });
        assert!(caught.is_err());
    }

    #[test]
    fn an_error_stops_the_writing_after_the_chunks_before_it() {
        for threads in [1, 2, 4] {
            let (out, err) = lines(10_000, 100, Some(5_050), threads);
            let want: String = (0..5_000).map(|i| format!("{i}\n")).collect();
            assert_eq!((out, err.as_deref()), (want, Some("bad item 5050")), "{threads}");
        }
    }
}
