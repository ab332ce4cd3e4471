//! Realistic synthetic datasets of any size, for tests and benchmarks: full
//! roles with 20+ technologies, salary tables and related ids. Deterministic
//! for a given seed, so measurements are repeatable.

use serde_json::{Value, json};

/// A small deterministic generator (`SplitMix64`), so no `rand` is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        #[allow(clippy::cast_possible_truncation)] // n is small; the modulo fits
        let r = (self.next() % n as u64) as usize;
        r
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const AREAS: &[&str] = &[
    "Payments",
    "Search",
    "Identity",
    "Logistics",
    "Streaming",
    "Healthcare",
    "Retail",
    "Telemetry",
    "Robotics",
    "Billing",
    "Maps",
    "Messaging",
    "Security",
    "Analytics",
];
const KINDS: &[&str] = &[
    "Engineer",
    "Developer",
    "Architect",
    "Analyst",
    "Specialist",
    "Lead",
    "Consultant",
];
const CATEGORIES: &[&str] = &[
    "Software Development",
    "Infrastructure & Operations",
    "Data & AI",
    "Security",
    "Architecture & Leadership",
    "Design & Communication",
];
const GROUPS: &[&str] = &[
    "Languages",
    "Frameworks",
    "Databases",
    "Message queues",
    "Cloud",
    "Observability",
    "Tools",
];
const WORDS: &[&str] = &[
    "designs",
    "builds",
    "reviews",
    "operates",
    "measures",
    "documents",
    "automates",
    "services",
    "pipelines",
    "interfaces",
    "reports",
    "systems",
    "teams",
    "customers",
    "reliability",
    "latency",
    "quality",
    "budgets",
    "releases",
    "incidents",
    "models",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| rng.pick(WORDS)).collect();
    s[0] = "Works";
    format!("{}.", s.join(" "))
}

/// The technology catalog used by synthetic roles: `count` entries with ids,
/// names and one alias each.
#[must_use]
pub fn technologies(count: usize) -> Vec<Value> {
    (0..count)
        .map(|i| {
            json!({
                "id": format!("tech-{i}"),
                "name": format!("Tech {i}"),
                "category": GROUPS[i % GROUPS.len()],
                "aliases": [format!("T{i}")],
                "hot": i % 7 == 0,
                "description": format!("Synthetic technology number {i}."),
            })
        })
        .collect()
}

/// One synthetic role.
fn role(rng: &mut Rng, i: usize, roles: usize, techs: usize) -> Value {
    let title = format!("{} {} {i}", rng.pick(AREAS), rng.pick(KINDS));
    let mut stack = serde_json::Map::new();
    let mut used = std::collections::HashSet::new();
    for g in 0..5 {
        let items: Vec<Value> = (0..5)
            .filter_map(|k| {
                let t = rng.below(techs);
                used.insert(t).then(|| {
                    let priority = ["core", "common", "optional"][k % 3];
                    json!({"name": format!("Tech {t}"), "priority": priority})
                })
            })
            .collect();
        stack.insert(GROUPS[g % GROUPS.len()].to_string(), Value::Array(items));
    }
    #[allow(clippy::cast_precision_loss)] // small integers
    let base = 40_000.0 + (rng.below(120) as f64) * 1_000.0;
    json!({
        "id": format!("role-{i}"),
        "title": title,
        "category": rng.pick(CATEGORIES),
        "summary": sentence(rng, 16),
        "description": format!("{}\n\n{}", sentence(rng, 60), sentence(rng, 50)),
        "responsibilities": (0..6).map(|_| sentence(rng, 10)).collect::<Vec<_>>(),
        "day_in_the_life": [
            {"when": "Morning", "what": sentence(rng, 12)},
            {"when": "Midday", "what": sentence(rng, 12)},
            {"when": "Afternoon", "what": sentence(rng, 12)},
            {"when": "Evening", "what": sentence(rng, 10)},
        ],
        "education": sentence(rng, 24),
        "stack": stack,
        "salary": [{
            "region": "United States", "currency": "USD", "period": "year",
            "source": "Synthetic figures for benchmarks", "as_of": "2025-01",
            "levels": [
                {"level": "Junior", "min": base, "median": base * 1.15, "max": base * 1.3},
                {"level": "Mid", "min": base * 1.3, "median": base * 1.5, "max": base * 1.75},
                {"level": "Senior", "min": base * 1.75, "max": base * 2.4, "open_ended": true},
            ],
        }],
        "related": (1..=3).map(|k| format!("role-{}", (i + k * 7) % roles)).collect::<Vec<_>>(),
        "tags": [rng.pick(WORDS), rng.pick(WORDS)],
    })
}

/// A whole dataset of `roles` roles as pretty JSON text (about 6 KB a role, since it is indented).
#[must_use]
pub fn dataset_json(roles: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let techs = 400;
    let doc = json!({
        "format": "career-atlas/1",
        "name": format!("Synthetic {roles}"),
        "description": "Generated for tests and benchmarks.",
        "technologies": technologies(techs),
        "roles": (0..roles.max(1)).map(|i| role(&mut rng, i, roles.max(1), techs)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReadContext, read_dataset};

    #[test]
    fn generated_datasets_are_valid_and_deterministic() {
        let text = dataset_json(50, 7);
        assert_eq!(text, dataset_json(50, 7));
        let out = read_dataset("s", text.as_bytes(), ReadContext::default());
        assert!(
            out.diagnostics.is_empty(),
            "{:#?}",
            &out.diagnostics[..3.min(out.diagnostics.len())]
        );
        let ds = out.dataset.unwrap();
        assert_eq!(ds.roles.len(), 50);
        assert!(
            ds.roles
                .iter()
                .all(|r| r.stack.iter().map(|g| g.items.len()).sum::<usize>() >= 20)
        );
    }
}
