//! What both benchmark files share: a CPU-time measurement for Criterion, so
//! figures stay meaningful on a machine shared with other work (wall time
//! grows when another process holds the core; CPU time barely does).

use criterion::SamplingMode;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// CPU time of the measuring thread, in nanoseconds, from
/// `/proc/thread-self/schedstat` (Linux). Everything the benchmarks time runs
/// on that one thread. The kernel brings this figure up to date at every
/// scheduler tick (4 ms on the machine of `docs/performance.md`) and context
/// switch, so a single reading is only that precise: CPU-time groups use
/// [`SamplingMode::Flat`], which keeps every sample tens of milliseconds long,
/// and the rounding averages out over the samples.
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

/// How benchmark groups differ by measurement.
pub trait Label {
    /// `wall` or `cpu`: the first part of benchmark ids, so wall- and CPU-time
    /// runs of one benchmark are stored apart (`target/criterion/<label>_<group>/...`).
    const LABEL: &'static str;
    /// Sampling mode of the groups (see [`CpuTime`] for why it differs).
    const SAMPLING: SamplingMode;
}

impl Label for WallTime {
    const LABEL: &'static str = "wall";
    const SAMPLING: SamplingMode = SamplingMode::Auto;
}

impl Label for CpuTime {
    const LABEL: &'static str = "cpu";
    const SAMPLING: SamplingMode = SamplingMode::Flat;
}
