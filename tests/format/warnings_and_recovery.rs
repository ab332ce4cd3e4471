//! Warnings; one mistake never hiding the next; hints that name the real mistake.

use super::*;

// ---- warnings ----

#[test]
fn unknown_field_suggests_the_closest_name() {
    let t = "{\"id\": \"a\", \"title\": \"A\", \"stack\": {},\n \"responsibilites\": []}";
    let w = one_warning(t, 2, "responsibilites", "did you mean `responsibilities`?");
    assert_eq!(w.column, 2);
    let t = r#"{"id": "a", "title": "A", "stack": {}, "zzz": 1}"#;
    one_warning(t, 1, "zzz", "known fields here");
}

#[test]
fn schema_key_is_accepted_and_ignored() {
    let t = r#"{"$schema": "./career-atlas-1.schema.json", "format": "career-atlas/1", "name": "x", "roles": [{"id": "a", "title": "A", "stack": {}}]}"#;
    let out = read(t);
    assert!(out.dataset.is_some());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}

#[test]
fn dangling_related_id_warns_unless_another_dataset_defines_it() {
    let t = r#"{"id": "a", "title": "A", "stack": {}, "related": ["ghost"]}"#;
    one_warning(t, 1, "related[0]", "\"ghost\"");
    let known = std::collections::HashSet::from(["ghost".to_string()]);
    let out = read_dataset(
        "f",
        t.as_bytes(),
        ReadContext {
            known_role_ids: Some(&known),
        },
    );
    assert!(out.diagnostics.is_empty());
}

#[test]
fn same_technology_twice_in_a_role_warns_even_through_an_alias() {
    let t = r#"{"id": "a", "title": "A", "stack": {"L": ["Go", "go"]}}"#;
    one_warning(t, 1, "stack.L[1]", "already in this role's stack");
    let t = "{\"format\": \"career-atlas/1\", \"name\": \"x\",\n\"technologies\": [{\"id\": \"postgresql\", \"name\": \"PostgreSQL\", \"aliases\": [\"Postgres\"]}],\n\"roles\": [{\"id\": \"a\", \"title\": \"A\", \"stack\": {\"DB\": [\"PostgreSQL\"],\n \"More\": [\"Postgres\"]}}]}";
    one_warning(
        t,
        4,
        "roles[0].stack.More[0]",
        "already in this role's stack",
    );
}

#[test]
fn a_role_with_neither_stack_nor_salary_warns() {
    one_warning(
        "[\n{\"id\": \"a\", \"title\": \"A\"}]",
        2,
        "[0]",
        "neither `stack` nor `salary`",
    );
}

#[test]
fn valid_files_yield_no_diagnostics_at_all() {
    let t = r#"{"format": "career-atlas/1", "name": "x", "as_of": "2025-06",
      "exchange_rates": {"base": "USD", "as_of": "2025-06-30", "rates": {"EUR": 0.92}},
      "technologies": [{"id": "go", "name": "Go", "aliases": ["Golang"], "hot": true}],
      "roles": [{"id": "a", "title": "A", "stack": {"L": ["Golang"]}}]}"#;
    let out = read(t);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    assert_eq!(
        out.dataset.unwrap().exchange_rates.unwrap().rates["EUR"],
        0.92
    );
}

#[test]
fn warnings_of_later_roles_survive_an_error_in_an_earlier_one() {
    let t = "[\n{\"id\": \"Bad\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"b\", \"title\": \"B\", \"stack\": {\"L\": [\"Go\", \"go\"]}}\n]";
    let out = read(t);
    let w: Vec<_> = out.diagnostics.iter().filter(|d| !d.is_error()).collect();
    assert_eq!(w.len(), 1, "{:#?}", out.diagnostics);
    assert_eq!((w[0].line, w[0].path.as_str()), (3, "[1].stack.L[1]"));
}

#[test]
fn oversized_text_and_deep_nesting_are_refused_with_a_reason() {
    let long = "x".repeat(career_atlas::model::format::MAX_STRING_BYTES + 1);
    one_error(
        &format!(r#"{{"id": "a", "title": "{long}", "stack": {{}}}}"#),
        1,
        "title",
        "at most 100000",
    );
    let deep = format!("{}{}", "[".repeat(600), "]".repeat(600));
    one_error(&deep, 1, "", "nests objects or arrays too deeply");
}

// ---- one mistake never hides the next ----

#[test]
fn a_type_error_does_not_hide_the_other_errors_of_its_role() {
    let t = "[\n{\"id\": \"Bad\",\n \"title\": 3,\n \"salary\": [{\"region\": \"US\", \"currency\": \"usd\", \"levels\": [{\"level\": \"J\", \"min\": \"85,000\", \"max\": -1}]}],\n \"tags\": \"x\", \"responsibilites\": []},\n{\"title\": 5, \"stack\": {\"L\": [{\"priority\": \"core\"}, \"Go\", \"go\"]}}\n]";
    let out = read(t);
    assert!(out.dataset.is_none());
    let found: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.path.as_str()))
        .collect();
    let (e, w) = (Severity::Error, Severity::Warning);
    assert_eq!(
        found,
        [
            (e, 2, "[0].id"),
            (e, 3, "[0].title"),
            (e, 4, "[0].salary[0].currency"),
            (e, 4, "[0].salary[0].levels[0].min"),
            (e, 4, "[0].salary[0].levels[0].max"),
            (e, 5, "[0].tags"),
            (w, 5, "[0].responsibilites"),
            (e, 6, "[1]"),
            (e, 6, "[1].title"),
            (e, 6, "[1].stack.L[0]"),
            (w, 6, "[1].stack.L[2]"),
        ],
        "{:#?}",
        out.diagnostics
    );
    let text: Vec<_> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(text[1].contains("found the number 3"), "{}", text[1]);
    assert!(text[3].contains("without quotes"), "{}", text[3]);
    assert!(text[4].contains("0 or more"), "{}", text[4]);
    assert!(
        text[7].contains("missing required field `id`"),
        "{}",
        text[7]
    );
    assert!(
        text[9].contains("missing required field `name`"),
        "{}",
        text[9]
    );
}

// ---- hints that name the real mistake ----

#[test]
fn comments_of_every_kind_and_place_are_named_as_comments() {
    let role = r#"{"id": "a", "title": "A", "stack": {"L": ["Go"]}}"#;
    for comment in ["// note\n", "/* note */", "# note\n"] {
        let places = [
            format!("{comment}{role}"),
            role.replacen(", \"title\"", &format!(", {comment}\"title\""), 1),
            role.replacen("\"a\",", &format!("\"a\" {comment},"), 1),
            role.replacen("[\"Go\"]", &format!("[{comment}\"Go\"]"), 1),
            format!("{role} {comment}"),
        ];
        for text in places {
            let e = one_error(&text, 1, "", "JSON has no comments; remove it");
            assert!(!e.message.contains("double quotes"), "{text}: {e:?}");
        }
    }
}

#[test]
fn nan_infinity_and_null_say_to_leave_the_field_out() {
    for figure in ["NaN", "Infinity", "-Infinity", "null"] {
        let t = format!(
            r#"{{"id": "a", "title": "A", "salary": [{{"region": "US", "currency": "USD", "levels": [{{"level": "J", "min": 1, "median": {figure}}}]}}]}}"#
        );
        let out = read(&t);
        let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{figure}: {errors:#?}");
        let m = &errors[0].message;
        assert!(m.contains("leave the field out"), "{figure}: {m}");
        assert!(!m.contains("or null"), "{figure}: {m}");
    }
}

#[test]
fn a_stack_group_written_twice_warns_and_shows_once() {
    let t = "{\"id\": \"a\", \"title\": \"A\", \"stack\": {\"Cloud\": [\"AWS\"], \"Data\": [\"SQL\"],\n \"Cloud\": [\"GCP\"]}}";
    let w = one_warning(t, 2, "stack.Cloud", "appears twice");
    assert!(w.message.contains("last one counts"), "{w:?}");
    let ds = read(t).dataset.unwrap();
    let groups: Vec<_> = ds.roles[0]
        .stack
        .iter()
        .map(|g| (g.name.as_str(), g.items[0].name.as_str()))
        .collect();
    assert_eq!(groups, [("Data", "SQL"), ("Cloud", "GCP")]);
}

#[test]
fn figures_far_apart_in_one_table_warn_in_any_currency() {
    let table = |currency: &str, low: &str, high: &str| {
        format!(
            "{{\"id\": \"a\", \"title\": \"A\", \"salary\": [{{\"region\": \"X\", \"currency\": \"{currency}\", \"levels\": [\n{{\"level\": \"J\", \"min\": {low}, \"max\": 90000}},\n{{\"level\": \"S\", \"min\": 100000, \"max\": {high}}}]}}]}}"
        )
    };
    let w = one_warning(
        &table("USD", "50000", "195000000000000"),
        3,
        "salary[0].levels[1].max",
        "more than 20 times",
    );
    for part in [
        "195000000000000",
        "salary[0].levels[1].max",
        "50000",
        "salary[0].levels[0].min",
    ] {
        assert!(w.message.contains(part), "{part}: {}", w.message);
    }
    // Too few zeros is caught as well, pointing at the highest figure.
    one_warning(
        &table("EUR", "50", "120000"),
        3,
        "salary[0].levels[1].max",
        "salary[0].levels[0].min",
    );
    // Yearly pay in rupiah runs to hundreds of millions: no warning.
    let idr = table("IDR", "120000000", "1500000000")
        .replace("90000}", "300000000}")
        .replace("100000,", "350000000,");
    let out = read(&idr);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}

#[test]
fn each_mistake_is_told_once_in_words_that_fit_it() {
    // Two blank technology names: two errors, and no "already in the stack".
    let out = read(r#"{"id": "a", "title": "A", "stack": {"L": ["", " "]}}"#);
    assert_eq!(out.diagnostics.len(), 2, "{:#?}", out.diagnostics);
    assert!(out.diagnostics.iter().all(Diagnostic::is_error));
    // A catalog id written twice names the entry it clashes with.
    let ds = format!(
        r#"{{"format": "career-atlas/1", "name": "n", "technologies": [{{"id": "nvda", "name": "NVIDIA"}}, {{"id": "nvda", "name": "Nvidia GPUs"}}], "roles": [{ROLE}]}}"#
    );
    one_warning(
        &ds,
        1,
        "technologies[1]",
        "\"nvda\" already names technologies[0] (`nvda`)",
    );
    // A key too short to be a typo gets the list of fields, not a guess.
    let w = one_warning(
        r#"{"id": "a", "title": "A", "stack": {}, "s": 1}"#,
        1,
        "s",
        "known fields here",
    );
    assert!(!w.message.contains("did you mean"), "{w:?}");
    // An address that starts right says what else an address needs.
    let link = r#"{"id": "a", "title": "A", "stack": {}, "links": [{"title": "t", "url": "https://a b"}]}"#;
    one_error(link, 1, "links[0].url", "and a host, with no spaces");
    // A number too large is quoted short.
    let huge = format!("1{}", "0".repeat(400));
    let e = one_error(
        &format!(
            r#"{{"id": "a", "title": "A", "stack": {{}}, "outlook": {{"growth_pct": {huge}}}}}"#
        ),
        1,
        "outlook.growth_pct",
        "is too large",
    );
    assert!(e.message.len() < 120, "{e:?}");
}
