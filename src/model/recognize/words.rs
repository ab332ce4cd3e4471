//! Which technology names are also ordinary words, and the words around a
//! name that say it is meant as a technology.

/// Lower-case English words that some technology is also called (or that make
/// up a name of ordinary words only, like "The Graph" or "Core Data"). A name
/// made only of these, or of one or two letters, needs a cue in the text before
/// it counts. Curated from the bundled catalog and common stacks; the rule in
/// [`is_ambiguous`] covers short names without listing them.
const ORDINARY: &[&str] = &[
    "access",
    "airflow",
    "alchemy",
    "analyzer",
    "anchor",
    "angular",
    "apollo",
    "astro",
    "axe",
    "backstage",
    "balancers",
    "blueprints",
    "bootstrap",
    "bun",
    "calico",
    "chef",
    "chroma",
    "cloud",
    "combine",
    "common",
    "concurrency",
    "core",
    "cucumber",
    "cursor",
    "cypress",
    "dagger",
    "dart",
    "data",
    "descript",
    "detox",
    "device",
    "discord",
    "docs",
    "elastic",
    "elixir",
    "envoy",
    "espresso",
    "excel",
    "expectations",
    "express",
    "falco",
    "feast",
    "flask",
    "flutter",
    "flux",
    "foundry",
    "framer",
    "gin",
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
    "houdini",
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
    "load",
    "locust",
    "logic",
    "loom",
    "maze",
    "medium",
    "mermaid",
    "metal",
    "mocha",
    "move",
    "mural",
    "nest",
    "node",
    "notion",
    "nuclei",
    "on",
    "optimal",
    "overflow",
    "packer",
    "pact",
    "phoenix",
    "pip",
    "playwright",
    "poetry",
    "policy",
    "polygon",
    "prefect",
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
    "room",
    "ruby",
    "run",
    "rust",
    "salt",
    "sass",
    "segment",
    "semantic",
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
    "spark",
    "sphinx",
    "spring",
    "stack",
    "studio",
    "swift",
    "tailwind",
    "testing",
    "the",
    "torch",
    "tree",
    "truffle",
    "twitch",
    "unity",
    "unleash",
    "usability",
    "vale",
    "vault",
    "vector",
    "windows",
    "workshop",
    "yarn",
    "zap",
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
