use super::*;

fn catalog() -> Catalog {
    let json = r#"{"format":"career-atlas/1","name":"t",
      "technologies":[{"id":"kubernetes","name":"Kubernetes","aliases":["k8s"]}],
      "roles":[
        {"id":"backend-developer","title":"Backend Developer","category":"Software Development",
         "summary":"Builds the server side of applications.","tags":["api"],
         "stack":{"Languages":["Go","Python"],"Databases":["PostgreSQL"]}},
        {"id":"devops-engineer","title":"DevOps Engineer","category":"Infrastructure",
         "summary":"Automates delivery.","stack":{"Platforms":["Kubernetes","Terraform"]}},
        {"id":"ux-designer","title":"Diseñador UX","category":"Design",
         "summary":"Designs interfaces.","stack":{"Tools":["Figma"]}}
      ]}"#;
    crate::model::catalog::test_catalog(json)
}

fn titles(cat: &Catalog, idx: &SearchIndex, q: &str) -> Vec<String> {
    idx.search(q)
        .iter()
        .map(|h| cat.role(h.role).role.title.clone())
        .collect()
}

#[test]
fn empty_query_lists_everything_in_order() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    assert_eq!(idx.search("  ").len(), 3);
}

#[test]
fn matches_title_technology_alias_and_tag() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    assert_eq!(titles(&cat, &idx, "backend"), ["Backend Developer"]);
    assert_eq!(titles(&cat, &idx, "postgresql"), ["Backend Developer"]);
    assert_eq!(titles(&cat, &idx, "k8s"), ["DevOps Engineer"]);
    assert_eq!(titles(&cat, &idx, "API"), ["Backend Developer"]);
}

#[test]
fn is_case_accent_and_typo_insensitive() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    assert_eq!(titles(&cat, &idx, "DISENADOR"), ["Diseñador UX"]);
    assert_eq!(titles(&cat, &idx, "kuberentes"), ["DevOps Engineer"]);
    assert_eq!(titles(&cat, &idx, "terrafrom"), ["DevOps Engineer"]);
}

#[test]
fn every_word_must_match_and_best_match_comes_first() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    assert_eq!(titles(&cat, &idx, "go postgresql"), ["Backend Developer"]);
    assert!(titles(&cat, &idx, "figma kubernetes").is_empty());
    assert!(titles(&cat, &idx, "zzzzqqq").is_empty());
    // "dev" is in two titles; both match, in some order, and nothing else.
    let dev = titles(&cat, &idx, "devops");
    assert_eq!(dev.first().map(String::as_str), Some("DevOps Engineer"));
}

#[test]
fn summary_matches_by_folded_substring_and_ranks_below_titles() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    assert_eq!(titles(&cat, &idx, "SERVER"), ["Backend Developer"]);
    assert_eq!(titles(&cat, &idx, "delivéry"), ["DevOps Engineer"]);
    // "design" is in the UX title's summary only, "Diseñador" is not a typo of it.
    assert_eq!(titles(&cat, &idx, "interfaces"), ["Diseñador UX"]);
    let hits = idx.search("automates");
    let title_hit = idx.search("devops");
    assert!(hits[0].score < title_hit[0].score);
}

#[test]
fn only_the_first_query_words_count() {
    let cat = catalog();
    let idx = SearchIndex::new(&cat);
    let mut essay = "backend ".repeat(MAX_QUERY_WORDS);
    essay.push_str("zzzzqqq");
    assert_eq!(titles(&cat, &idx, &essay), ["Backend Developer"]);
}

#[test]
fn typo_bounds_never_reject_a_word_within_reach() {
    // The cheap bounds must agree with the edit distance they stand for.
    let words = [
        "kubernetes",
        "kuberentes",
        "kafka",
        "kafak",
        "data",
        "4947",
        "dta",
        "terraform",
        "terrafrom",
        "go",
        "rust",
        "rsut",
        "c++",
        "c#",
        "figma",
        "fgima",
        "react",
        "raect",
        "engineer",
        "enginer",
        "postgres",
        "postgersql",
        "python",
        "pyhton",
    ];
    let mut m = Matcher::new(Config::DEFAULT);
    for q in words {
        let qw = QueryWord::new(q, &mut m);
        for w in words {
            let tw = TypoWord::new(fold(w));
            let expected = qw.max_edits > 0 && strsim::damerau_levenshtein(w, q) <= qw.max_edits;
            assert_eq!(qw.is_typo_of(&tw), expected, "{q} vs {w}");
        }
    }
}

#[test]
fn subsequence_prefilter_agrees_with_the_fuzzy_matcher() {
    let mut m = Matcher::new(Config::DEFAULT);
    let titles = [
        "Backend Developer 42",
        "Data Engineer",
        "C++ Game Programmer",
        "SRE",
    ];
    for t in titles {
        let hay = Utf32String::from(t);
        let lower = ascii_lower(t).unwrap();
        for q in [
            "data", "DEV", "c++", "eng", "gme", "sre", "zz", "42", "b4", "re",
        ] {
            let atom = Atom::new(
                q,
                CaseMatching::Ignore,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            );
            let fuzzy = atom.score(hay.slice(..), &mut m).is_some();
            let needle = ascii_lower(q).unwrap();
            assert_eq!(is_subsequence(&needle, &lower), fuzzy, "{q} in {t}");
        }
    }
}

#[test]
fn char_mask_only_rules_out_titles_missing_a_letter() {
    let hay = CharMask::of_hay("Backend Developer 42");
    assert!(hay.covers(CharMask::of_needle("BackDev4")));
    assert!(!hay.covers(CharMask::of_needle("kafka")));
    assert_eq!(CharMask::of_hay("Diseñador"), CharMask::ALL);
    assert!(hay.covers(CharMask::of_needle("c++-é")));
}
