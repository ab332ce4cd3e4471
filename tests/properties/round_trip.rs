//! (c) Valid datasets round-trip; (d) catalog and search.

use super::*;

// ---------------------------------------------------------------------------
// (c) valid datasets round-trip; (d) catalog and search
// ---------------------------------------------------------------------------

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z0-9 ,.()+#/-]{0,16}",
        1 => any::<String>(),
    ]
}

fn non_blank() -> impl Strategy<Value = String> {
    any_text().prop_filter("not blank", |s| !s.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    option::of(any_text())
}

fn valid_id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,4}){0,2}"
}

fn valid_url() -> impl Strategy<Value = String> {
    "(https?|HTTPS?)://[a-z0-9.-]{1,12}(/[^\\s]{0,8})?"
}

fn valid_currency() -> impl Strategy<Value = String> {
    "[A-Z]{3}"
}

/// A date as the format asks, or (only a warning) anything else.
fn as_of() -> impl Strategy<Value = Option<String>> {
    option::of(prop_oneof![
        "[0-9]{4}",
        "[0-9]{4}-(0[1-9]|1[0-2])",
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        any_text(),
    ])
}

/// A finite figure of 0 or more (−0 included: it is not below 0).
fn figure() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        3 => (0u32..500_000).prop_map(f64::from),
        2 => 0.0f64..1e9,
        2 => POSITIVE | NORMAL | SUBNORMAL | ZERO,
        1 => Just(-0.0),
    ]
}

fn positive() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL};
    prop_oneof![1e-6f64..1e6, POSITIVE | NORMAL | SUBNORMAL]
}

fn any_finite() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        -100.0f64..500.0,
        POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO
    ]
}

fn level() -> impl Strategy<Value = Level> {
    (
        non_blank(),
        vec(figure(), 7),
        vec(any::<bool>(), 7),
        any::<bool>(),
        opt_text(),
    )
        .prop_map(|(level, mut xs, mut given, open_ended, note)| {
            xs.sort_by(f64::total_cmp);
            if !given.contains(&true) {
                given[3] = true;
            }
            let at = |i: usize| given[i].then_some(xs[i]);
            Level {
                level,
                min: at(0),
                p10: at(1),
                p25: at(2),
                median: at(3),
                p75: at(4),
                p90: at(5),
                max: at(6),
                open_ended,
                note,
            }
        })
}

fn salary_table() -> impl Strategy<Value = SalaryTable> {
    (
        non_blank(),
        valid_currency(),
        select(&[Period::Year, Period::Month, Period::Hour][..]),
        opt_text(),
        as_of(),
        opt_text(),
        vec(level(), 1..4),
    )
        .prop_map(
            |(region, currency, period, source, as_of, note, levels)| SalaryTable {
                region,
                currency,
                period,
                source,
                as_of,
                note,
                levels,
            },
        )
}

fn tech_ref() -> impl Strategy<Value = TechRef> {
    (
        prop_oneof![
            non_blank(),
            select(&["Go", "go", "Postgres", "PostgreSQL", "k8s", "Kubernetes"][..])
                .prop_map(str::to_string),
        ],
        select(&Priority::ALL[..]),
        opt_text(),
    )
        .prop_map(|(name, priority, note)| TechRef {
            name,
            priority,
            note,
        })
}

fn outlook() -> impl Strategy<Value = Outlook> {
    (
        opt_text(),
        opt_text(),
        option::of(any_finite()),
        option::of(figure()),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(
                occupation,
                period,
                growth_pct,
                openings_per_year,
                entry_education,
                work_experience,
                source,
                note,
            )| {
                Outlook {
                    occupation,
                    period,
                    growth_pct,
                    openings_per_year,
                    entry_education,
                    work_experience,
                    source,
                    note,
                }
            },
        )
}

fn role() -> impl Strategy<Value = Role> {
    let words = (
        valid_id(),
        non_blank(),
        opt_text(),
        opt_text(),
        opt_text(),
        vec(any_text(), 0..3),
        vec((any_text(), any_text()), 0..3),
        opt_text(),
    );
    let rest = (
        vec((any_text(), vec(tech_ref(), 0..4)), 0..3),
        vec(salary_table(), 0..3),
        opt_text(),
        option::of(outlook()),
        vec(valid_id(), 0..3),
        vec((any_text(), valid_url()), 0..3),
        vec(any_text(), 0..3),
    );
    (words, rest).prop_map(
        |(
            (id, title, category, summary, description, responsibilities, day, education),
            (stack, salary, salary_note, outlook, related, links, tags),
        )| Role {
            schema: None,
            id,
            title,
            category,
            summary,
            description,
            responsibilities,
            day_in_the_life: day
                .into_iter()
                .map(|(when, what)| DayEntry { when, what })
                .collect(),
            education,
            stack: stack
                .into_iter()
                .map(|(name, items)| StackGroup { name, items })
                .collect(),
            salary,
            salary_note,
            outlook,
            related,
            links: links
                .into_iter()
                .map(|(title, url)| Link { title, url })
                .collect(),
            tags,
        },
    )
}

fn technology() -> impl Strategy<Value = Technology> {
    (
        prop_oneof![valid_id(), non_blank()],
        prop_oneof![
            non_blank(),
            select(&["Go", "PostgreSQL", "Kubernetes"][..]).prop_map(str::to_string),
        ],
        opt_text(),
        vec(
            prop_oneof![
                any_text(),
                select(&["Postgres", "k8s", "go"][..]).prop_map(str::to_string)
            ],
            0..3,
        ),
        any::<bool>(),
        opt_text(),
        option::of(figure()),
        option::of(valid_url()),
        option::of(select(&TechStatus::ALL[..])),
    )
        .prop_map(
            |(id, name, category, aliases, hot, description, effort_hours, url, status)| {
                Technology {
                    id,
                    name,
                    category,
                    aliases,
                    hot,
                    description,
                    effort_hours,
                    url,
                    status,
                }
            },
        )
}

fn source_ref() -> impl Strategy<Value = SourceRef> {
    (non_blank(), opt_text(), opt_text(), option::of(valid_url())).prop_map(
        |(name, detail, date, url)| SourceRef {
            name,
            detail,
            date,
            url,
        },
    )
}

fn exchange_rates() -> impl Strategy<Value = ExchangeRates> {
    (
        valid_currency(),
        as_of(),
        opt_text(),
        btree_map(valid_currency(), positive(), 0..4),
    )
        .prop_map(|(base, as_of, source, rates)| ExchangeRates {
            base,
            as_of,
            source,
            rates,
        })
}

/// Any dataset the format calls valid (warnings allowed).
fn dataset() -> impl Strategy<Value = Dataset> {
    let meta = (
        non_blank(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        as_of(),
        opt_text(),
    );
    let body = (
        vec(source_ref(), 0..2),
        vec(technology(), 0..3),
        option::of(exchange_rates()),
        vec(role(), 1..4),
    );
    (meta, body).prop_map(
        |(
            (name, description, author, version, license, source, as_of, attribution),
            (sources, technologies, exchange_rates, mut roles),
        )| {
            // Ids are unique within a dataset.
            for (i, r) in roles.iter_mut().enumerate() {
                r.id = format!("{}-{i}", r.id);
            }
            Dataset {
                schema: None,
                format: FORMAT_TAG.to_string(),
                name,
                description,
                author,
                version,
                license,
                source,
                as_of,
                sources,
                attribution,
                technologies,
                exchange_rates,
                roles: roles.into_iter().map(std::sync::Arc::new).collect(),
            }
        },
    )
}

/// Search words: anything, and the words searches are made of.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "\\PC{0,40}",
        1 => "[a-z]{1,12}( [a-z]{1,8}){0,3}",
        1 => select(&["dev", "kuberentes", "postgres", "C++", "C#", "  ", "ÄÖÜ", "\u{1F600}"][..])
            .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(config(192))]

    /// (c) Any valid dataset, written by `serde_json` and read back, is equal.
    #[test]
    fn valid_datasets_round_trip(
        ds in dataset(),
        pretty in any::<bool>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        check_round_trip(&ds, pretty, crlf, bom)?;
    }

    /// Save as role file: read → write → read gives an equal dataset, and
    /// any subset of its roles comes back as it was, with no error.
    #[test]
    fn exported_datasets_read_back_equal(ds in dataset(), keep in vec(any::<bool>(), 1..5)) {
        use career_atlas::model::export::{Part, encode, roles_file};
        let bytes = encode(&ds).unwrap();
        let back = read_dataset("other", &bytes, ReadContext::default());
        prop_assert_eq!(back.error_count(), 0, "{:?}", back.diagnostics);
        prop_assert_eq!(back.dataset.as_ref(), Some(&ds));
        let roles: Vec<_> = ds
            .roles
            .iter()
            .zip(keep.iter().cycle())
            .filter(|(_, k)| **k)
            .map(|(r, _)| std::sync::Arc::clone(r))
            .collect();
        if !roles.is_empty() {
            let part = Part { dataset: ds.clone(), roles: roles.clone() };
            let subset = roles_file("Part", &[part], &[]).dataset;
            let bytes = encode(&subset).unwrap();
            let back = read_dataset("other", &bytes, ReadContext::default());
            prop_assert_eq!(back.error_count(), 0, "{:?}", back.diagnostics);
            let back = back.dataset.unwrap();
            prop_assert_eq!(&back, &subset);
            prop_assert_eq!(&back.roles, &roles);
        }
    }

    /// (d) Catalog and search on any valid datasets and any query: no panic,
    /// hits in range and best first.
    #[test]
    fn catalog_and_search_never_panic(
        sets in vec((dataset(), any::<bool>()), 1..4),
        mut queries in vec(query(), 1..4),
    ) {
        // Also search for what the datasets contain, exactly and with a typo.
        for (ds, _) in &sets {
            for role in ds.roles.iter().take(2) {
                queries.push(role.title.clone());
                let mut typo: Vec<char> = role.title.chars().collect();
                if typo.len() > 2 {
                    typo.swap(1, 2);
                }
                queries.push(typo.into_iter().collect());
                queries.extend(role.stack.iter().flat_map(|g| &g.items).take(1).map(|t| t.name.clone()));
            }
        }
        search_all(&sets, &queries)?;
    }
}

#[test]
fn search_survives_very_long_words() {
    let long = "a".repeat(5_000);
    let mixed: String = "Kubernetes ".repeat(400);
    let json = serde_json::json!([
        {"id": "a", "title": long, "tags": [long], "summary": mixed, "stack": {"S": [long, mixed]}},
        {"id": "b", "title": mixed, "category": long}
    ]);
    let bytes = serde_json::to_vec(&json).unwrap();
    let ds = read_dataset("x", &bytes, ReadContext::default())
        .dataset
        .unwrap();
    let queries = vec![
        long.clone(),
        mixed.clone(),
        "a".repeat(3_000),
        format!("{long} {long}"),
    ];
    search_all(&[(ds, true)], &queries).unwrap();
}
