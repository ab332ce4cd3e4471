//! Which technology names are also ordinary words, and the words around a
//! name that say it is meant as a technology.

/// Lower-case English words (and first names, places, myths) that some
/// technology is also called, or that make up a name of ordinary words only,
/// like "The Graph" or "Core Data". A name made only of these, or of one or two
/// letters, needs a cue in the text before it counts.
///
/// This list is the one place that set is known. It was curated by reading
/// every single-word name and alias of the bundled catalog (982 technologies)
/// and keeping those a dictionary lists or a person is called: the catalog has
/// more proper nouns than a word-list crate would know ("Vagrant", "Nomad",
/// "Sentry" are in dictionaries; "Claude", "Hugo" are names), and a word-list
/// crate would also flag "Kafka" or "Docker", which prose never means
/// otherwise. When a dataset adds a name that is also a word, add the word
/// here (kept sorted). The rule in [`is_ambiguous`] covers short names
/// without listing them.
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
    "assembly",
    "astro",
    "athena",
    "aurora",
    "axe",
    "backstage",
    "balancers",
    "beam",
    "bedrock",
    "blender",
    "blueprint",
    "blueprints",
    "bootstrap",
    "bro",
    "bun",
    "calico",
    "can",
    "cassandra",
    "celery",
    "chef",
    "chroma",
    "claude",
    "cloud",
    "combine",
    "common",
    "compass",
    "concurrency",
    "confluence",
    "consul",
    "core",
    "cosign",
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
    "discourse",
    "docs",
    "dovetail",
    "echidna",
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
    "frida",
    "ganache",
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
    "hardhat",
    "haystack",
    "heap",
    "helm",
    "hex",
    "hibernate",
    "hilt",
    "hive",
    "honeycomb",
    "houdini",
    "hugo",
    "hydra",
    "iceberg",
    "insomnia",
    "inspect",
    "instruments",
    "jaeger",
    "jest",
    "julia",
    "kali",
    "karate",
    "kernel",
    "kinesis",
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
    "lookback",
    "loom",
    "lottie",
    "lucid",
    "make",
    "markdown",
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
    "newman",
    "nexus",
    "node",
    "nomad",
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
    "pandas",
    "parquet",
    "phoenix",
    "photon",
    "pinecone",
    "pip",
    "playwright",
    "poetry",
    "polars",
    "policy",
    "polygon",
    "posit",
    "postman",
    "prefect",
    "premiere",
    "presto",
    "prettier",
    "pulsar",
    "puppet",
    "rails",
    "ray",
    "react",
    "read",
    "realm",
    "remix",
    "responder",
    "rest",
    "retrofit",
    "rider",
    "room",
    "ruby",
    "run",
    "rust",
    "salt",
    "sap",
    "sass",
    "scrum",
    "scylla",
    "segment",
    "semantic",
    "sentinel",
    "sentry",
    "shader",
    "shell",
    "sigma",
    "sign",
    "single",
    "sketch",
    "slack",
    "slither",
    "sliver",
    "snort",
    "snowflake",
    "soap",
    "spanner",
    "spark",
    "sphinx",
    "spinnaker",
    "spring",
    "stack",
    "studio",
    "substrate",
    "superset",
    "swagger",
    "swift",
    "synapse",
    "tableau",
    "tailwind",
    "teams",
    "tempo",
    "testing",
    "thanos",
    "the",
    "torch",
    "transformers",
    "tree",
    "triton",
    "truffle",
    "twitch",
    "unity",
    "unleash",
    "unreal",
    "usability",
    "vagrant",
    "vale",
    "vault",
    "vector",
    "whimsical",
    "windows",
    "word",
    "workday",
    "workshop",
    "xray",
    "yarn",
    "zap",
    "zephyr",
    "zoom",
];

/// The words of [`ORDINARY`] that are also people's or places' names
/// ("my friend Ruby", "Claude Martin", "Phoenix, AZ"): written with a capital
/// they are still names, so their case is no cue, nor is a number after them
/// ("Apollo 11"), nor "in" before them ("lives in Phoenix").
const PROPER: &[&str] = &[
    "apollo",
    "athena",
    "cassandra",
    "claude",
    "frida",
    "gemini",
    "houdini",
    "hugo",
    "jaeger",
    "julia",
    "kali",
    "loki",
    "lottie",
    "maya",
    "newman",
    "phoenix",
    "ruby",
    "thanos",
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
    "cookbook",
    "cookbooks",
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

/// True when every word of the ambiguous `name` is a person's or place's
/// name (see [`PROPER`]), so neither its capital nor "in" before it is a cue.
pub(super) fn is_proper(name: &str) -> bool {
    let mut words = name.split([' ', '-']).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some()
        && words.all(|w| PROPER.binary_search(&w.to_lowercase().as_str()).is_ok())
}

/// True when some word of `name` is an ordinary word (see [`ORDINARY`]).
pub(super) fn is_ordinary(name: &str) -> bool {
    name.split([' ', '-'])
        .any(|w| ORDINARY.binary_search(&w.to_lowercase().as_str()).is_ok())
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
        assert!(PROPER.windows(2).all(|w| w[0] < w[1]), "keep PROPER sorted");
        assert!(PROPER.iter().all(|w| ORDINARY.contains(w)));
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
