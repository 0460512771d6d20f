//! Whether any two ids' hashes are equal: the fast first step of the check
//! for repeated ids, done on all cores.

use rayon::prelude::*;

/// Whether two of `hashes` are equal.
///
/// The hashes are spread by their top bits into buckets of about a thousand
/// (a few KiB, in cache), which are then sorted and scanned. At 10^6 ids
/// this takes a fraction of the instructions of sorting the whole list,
/// whose passes miss the cache. Every step runs on all cores: each part of
/// the list counts its hashes per bucket, then copies them to its own
/// stretch of each bucket (a counting sort split by part), so no step
/// waits on one thread.
pub(super) fn any_equal(hashes: Vec<u64>) -> bool {
    let bits = (hashes.len() >> 10).max(1).ilog2().clamp(1, 16);
    let buckets = 1usize << bits;
    let bucket = |h: u64| (h >> (64 - bits)) as usize;
    let part = hashes.len().div_ceil(rayon::current_num_threads().max(1) * 2).max(1);
    let parts: Vec<&[u64]> = hashes.chunks(part).collect();
    let counts: Vec<Vec<usize>> = parts
        .par_iter()
        .map(|part| {
            let mut count = vec![0usize; buckets];
            for &h in *part {
                count[bucket(h)] += 1;
            }
            count
        })
        .collect();
    let mut spread = vec![0u64; hashes.len()];
    // slots[p][b]: where part p puts its hashes of bucket b.
    let mut slots: Vec<Vec<&mut [u64]>> = parts.iter().map(|_| Vec::with_capacity(buckets)).collect();
    let mut ends = Vec::with_capacity(buckets);
    let mut rest = spread.as_mut_slice();
    for b in 0..buckets {
        for (slot, count) in slots.iter_mut().zip(&counts) {
            let (piece, tail) = std::mem::take(&mut rest).split_at_mut(count[b]);
            slot.push(piece);
            rest = tail;
        }
        ends.push(hashes.len() - rest.len());
    }
    parts.into_par_iter().zip(slots).for_each(|(part, mut slots)| {
        let mut next = vec![0usize; buckets];
        for &h in part {
            let b = bucket(h);
            slots[b][next[b]] = h;
            next[b] += 1;
        }
    });
    let mut pieces = Vec::with_capacity(buckets);
    let (mut rest, mut start) = (spread.as_mut_slice(), 0);
    for end in ends {
        let (piece, tail) = std::mem::take(&mut rest).split_at_mut(end - start);
        pieces.push(piece);
        (rest, start) = (tail, end);
    }
    pieces.into_par_iter().any(|piece| {
        piece.sort_unstable();
        piece.windows(2).any(|w| w[0] == w[1])
    })
}

#[cfg(test)]
mod tests {
    use super::any_equal;

    #[test]
    fn any_equal_finds_a_repeat_in_any_bucket() {
        // Hashes spread over every top-bit bucket, from a fixed LCG.
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let hashes: Vec<u64> = (0..50_000)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                x
            })
            .collect();
        assert!(!any_equal(hashes.clone()));
        for at in [0, 1, 24_999, 49_999] {
            let mut repeated = hashes.clone();
            repeated.push(hashes[at]);
            assert!(any_equal(repeated), "repeat of {at}");
        }
        // Repeats within one part and across parts, on any number of threads.
        for threads in [1, 2, 3, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut repeated = hashes.clone();
            repeated.insert(1, hashes[0]);
            assert!(pool.install(|| any_equal(repeated)), "{threads} threads");
            assert!(!pool.install(|| any_equal(hashes.clone())), "{threads} threads");
        }
        assert!(!any_equal(Vec::new()));
        assert!(!any_equal(vec![7]));
        assert!(any_equal(vec![7, 7]));
    }
}
