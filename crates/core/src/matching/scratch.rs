//! The dense solver's large working matrices (a transposed or negated copy of the caller's
//! matrix), in memory that is cheap to fill.
//!
//! A 5000 × 500 matrix is 20 MB, and fresh memory at that size costs more than the copy: on
//! the benchmark VM, faulting in 5,000 new 4 KiB pages took ~10 ms, more than the solve. numpy
//! advises its large arrays for transparent huge pages, and malloc keeps freed memory for the
//! next array, which is why scipy's own transposing copy was cheaper than ours. On Linux a
//! matrix of 4 MB or more is therefore an anonymous map advised for huge pages (the kernel
//! still zeroes it: ~2 ms for 20 MB), and a thread keeps its last one, up to 32 MB (malloc's
//! own limit for what it keeps), for its next solve. Elsewhere, or when the map is refused, it
//! is an ordinary vector, and the answer is the same either way.

use std::ops::{Deref, DerefMut};

/// A `[T]` of a fixed length whose every cell the caller writes before reading it: a kept map
/// still holds the last solve's numbers.
pub(crate) struct Scratch<T: bytemuck::Pod> {
    cells: Cells<T>,
}

enum Cells<T> {
    Heap(Vec<T>),
    /// The map, and how many of its bytes are the matrix.
    #[cfg(target_os = "linux")]
    Mapped(memmap2::MmapMut, usize),
}

/// numpy's threshold for advising huge pages; below it the heap's reused memory is cheaper.
#[cfg(target_os = "linux")]
const LARGE: usize = 4 << 20;

/// The largest map a thread keeps between solves: glibc's ceiling for the memory it keeps
/// from one `free` (its largest dynamic mmap threshold on 64-bit systems).
#[cfg(target_os = "linux")]
const KEEP: usize = 32 << 20;

#[cfg(target_os = "linux")]
thread_local! {
    static SPARE: std::cell::RefCell<Option<memmap2::MmapMut>> =
        const { std::cell::RefCell::new(None) };
}

impl<T: bytemuck::Pod> Scratch<T> {
    /// `len` cells, for the caller to overwrite.
    pub(crate) fn for_overwrite(len: usize) -> Self {
        #[cfg(target_os = "linux")]
        if let Some(bytes) = len
            .checked_mul(std::mem::size_of::<T>())
            .filter(|&b| b >= LARGE)
            && let Some(map) = Self::mapped(bytes)
        {
            return Self {
                cells: Cells::Mapped(map, bytes),
            };
        }
        Self {
            cells: Cells::Heap(vec![T::zeroed(); len]),
        }
    }

    /// The thread's kept map when it is large enough, else a new one advised for huge pages;
    /// only a map whose first `bytes` view as `T` (a map is page-aligned, so the check only
    /// makes the views below infallible).
    #[cfg(target_os = "linux")]
    fn mapped(bytes: usize) -> Option<memmap2::MmapMut> {
        let kept = SPARE
            .try_with(|s| s.borrow_mut().take_if(|m| m.len() >= bytes))
            .ok()
            .flatten();
        let map = match kept {
            Some(map) => map,
            None => {
                let map = memmap2::MmapOptions::new().len(bytes).map_anon().ok()?;
                // Advice only: refused (no transparent huge pages) the map still works.
                let _ = map.advise(memmap2::Advice::HugePage);
                map
            }
        };
        bytemuck::try_cast_slice::<u8, T>(&map[..bytes])
            .is_ok()
            .then_some(map)
    }
}

#[cfg(target_os = "linux")]
impl<T: bytemuck::Pod> Drop for Scratch<T> {
    fn drop(&mut self) {
        if let Cells::Mapped(map, _) = std::mem::replace(&mut self.cells, Cells::Heap(Vec::new()))
            && map.len() <= KEEP
        {
            // A thread being torn down keeps nothing: the map is simply unmapped.
            let _ = SPARE.try_with(|s| *s.borrow_mut() = Some(map));
        }
    }
}

impl<T: bytemuck::Pod> Deref for Scratch<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.cells {
            Cells::Heap(v) => v,
            // Checked in `mapped`: the cast cannot fail.
            #[cfg(target_os = "linux")]
            Cells::Mapped(m, bytes) => bytemuck::cast_slice(&m[..*bytes]),
        }
    }
}

impl<T: bytemuck::Pod> DerefMut for Scratch<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.cells {
            Cells::Heap(v) => v,
            #[cfg(target_os = "linux")]
            Cells::Mapped(m, bytes) => bytemuck::cast_slice_mut(&mut m[..*bytes]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_and_large_matrices_hold_what_is_written() {
        for len in [
            0,
            1,
            7,
            1 << 10,
            (4 << 20) / 8,
            (4 << 20) / 8 + 3,
            3 << 20,
            1 << 20,
            5 << 20,
        ] {
            let mut s = Scratch::<f64>::for_overwrite(len);
            assert_eq!(s.len(), len);
            for (k, x) in s.iter_mut().enumerate() {
                *x = k as f64;
            }
            assert!(s.iter().enumerate().all(|(k, &x)| x == k as f64));
        }
        let mut wide = Scratch::<i128>::for_overwrite(1 << 20);
        assert_eq!(wide.len(), 1 << 20);
        wide.iter_mut().for_each(|x| *x = -1);
        assert!(wide.iter().all(|&x| x == -1));
    }
}
