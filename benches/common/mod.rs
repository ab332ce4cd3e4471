//! What both benchmark files share: a CPU-time measurement for Criterion, so
//! figures stay meaningful on a machine shared with other work (wall time
//! grows when another process holds the core; CPU time barely does).

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time of the measuring thread, in nanoseconds, from
/// `/proc/thread-self/schedstat` (Linux; the kernel's exact run time, not
/// tick-sampled). Everything the benchmarks time runs on that one thread.
pub struct CpuTime {
    wall: WallTime,
}

/// CPU time measurement.
pub const CPU_TIME: CpuTime = CpuTime { wall: WallTime };

fn thread_cpu_ns() -> u64 {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    text.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("/proc/thread-self/schedstat is unreadable: {text:?}"))
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, like wall time: the same units and scaling.
        self.wall.formatter()
    }
}

/// A label for benchmark ids, so wall- and CPU-time runs of one benchmark
/// are stored apart (`target/criterion/<label>_<group>/...`).
pub trait Label {
    /// `wall` or `cpu`.
    const LABEL: &'static str;
}

impl Label for WallTime {
    const LABEL: &'static str = "wall";
}

impl Label for CpuTime {
    const LABEL: &'static str = "cpu";
}
