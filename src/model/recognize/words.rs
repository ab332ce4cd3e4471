//! Which technology names are also ordinary words, and the words around a
//! name that say it is meant as a technology.

/// Lower-case English words that some technology is also called (or that make
/// up a name of ordinary words only, like "The Graph" or "Core Data"). A name
/// made only of these, or of one or two letters, needs a cue in the text before
/// it counts. Curated from the bundled catalog and common stacks; the rule in
/// [`is_ambiguous`] covers short names without listing them.
const ORDINARY: &[&str] = &[
    "access",
    "aha",
    "airflow",
    "alchemy",
    "allure",
    "analyzer",
    "anchor",
    "angular",
    "anvil",
    "apollo",
    "arm",
    "astro",
    "athena",
    "aurora",
    "axe",
    "backstage",
    "balancers",
    "beam",
    "blueprint",
    "blueprints",
    "bootstrap",
    "bro",
    "bun",
    "calico",
    "can",
    "cassandra",
    "chef",
    "chroma",
    "cloud",
    "combine",
    "common",
    "compass",
    "concurrency",
    "consul",
    "core",
    "cosmos",
    "cucumber",
    "cursor",
    "cypress",
    "dagger",
    "dart",
    "dash",
    "data",
    "descript",
    "detox",
    "dev",
    "device",
    "discord",
    "docs",
    "elastic",
    "electron",
    "elixir",
    "envoy",
    "espresso",
    "evidently",
    "excel",
    "exchange",
    "expectations",
    "expo",
    "express",
    "falco",
    "feast",
    "flare",
    "flask",
    "flutter",
    "flux",
    "forge",
    "foundry",
    "framer",
    "gatekeeper",
    "gemini",
    "gin",
    "glue",
    "go",
    "graph",
    "great",
    "greenhouse",
    "gremlin",
    "group",
    "harbor",
    "heap",
    "helm",
    "hex",
    "hibernate",
    "hilt",
    "hive",
    "houdini",
    "hydra",
    "instruments",
    "jest",
    "julia",
    "karate",
    "kernel",
    "label",
    "lambda",
    "lattice",
    "library",
    "lighthouse",
    "linear",
    "litmus",
    "load",
    "locust",
    "logic",
    "loki",
    "loom",
    "lucid",
    "make",
    "maya",
    "maze",
    "medium",
    "mermaid",
    "metal",
    "mocha",
    "monday",
    "move",
    "mural",
    "nest",
    "nexus",
    "node",
    "notion",
    "nuclei",
    "on",
    "optimal",
    "optimism",
    "oracle",
    "outlook",
    "overflow",
    "packer",
    "pact",
    "phoenix",
    "photon",
    "pip",
    "playwright",
    "poetry",
    "policy",
    "polygon",
    "posit",
    "prefect",
    "premiere",
    "presto",
    "puppet",
    "rails",
    "ray",
    "react",
    "read",
    "realm",
    "remix",
    "responder",
    "rest",
    "rider",
    "room",
    "ruby",
    "run",
    "rust",
    "salt",
    "sap",
    "sass",
    "segment",
    "semantic",
    "sentinel",
    "shader",
    "shell",
    "sign",
    "single",
    "sketch",
    "slack",
    "sliver",
    "snort",
    "snowflake",
    "soap",
    "spanner",
    "spark",
    "sphinx",
    "spring",
    "stack",
    "studio",
    "substrate",
    "swagger",
    "swift",
    "tableau",
    "tailwind",
    "teams",
    "tempo",
    "testing",
    "the",
    "torch",
    "transformers",
    "tree",
    "triton",
    "truffle",
    "twitch",
    "unity",
    "unleash",
    "usability",
    "vale",
    "vault",
    "vector",
    "windows",
    "word",
    "workshop",
    "yarn",
    "zap",
    "zephyr",
    "zoom",
];

/// Words near a name that mark it as a technology ("Go programming",
/// "languages: …", "Rust developer").
const CUE_WORDS: &[&str] = &[
    "programming",
    "programmer",
    "language",
    "languages",
    "lang",
    "framework",
    "frameworks",
    "developer",
    "developers",
    "development",
    "engineer",
    "engineers",
    "coding",
    "library",
    "libraries",
    "sdk",
    "toolkit",
    "stack",
    "tools",
    "tooling",
    "skills",
    "technologies",
    "tech",
];

/// True when `name` is also an ordinary word, a name made of ordinary words
/// only, or one or two letters, so finding it in text proves little alone.
pub(super) fn is_ambiguous(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if name.chars().all(char::is_alphabetic) && letters <= 2 {
        return true;
    }
    let mut words = name.split([' ', '-']).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some()
        && words.all(|w| {
            let lower = w.to_lowercase();
            ORDINARY.binary_search(&lower.as_str()).is_ok()
        })
}

/// True when `word` (any case) is one of the cue words.
pub(super) fn is_cue_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    CUE_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_sorted_for_binary_search() {
        assert!(
            ORDINARY.windows(2).all(|w| w[0] < w[1]),
            "keep ORDINARY sorted"
        );
    }

    #[test]
    fn short_and_ordinary_names_are_ambiguous() {
        for name in [
            "Go", "R", "C", "Swift", "Rust", "Spring", "Dart", "Express", "Rails",
        ] {
            assert!(is_ambiguous(name), "{name}");
        }
        for name in ["Flask", "Julia", "Chef", "The Graph", "Core Data", "REST"] {
            assert!(is_ambiguous(name), "{name}");
        }
        for name in [
            "Golang",
            "C++",
            "C#",
            ".NET",
            "Node.js",
            "Kubernetes",
            "k6",
            "Spring Boot",
        ] {
            assert!(!is_ambiguous(name), "{name}");
        }
    }
}
