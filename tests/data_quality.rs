//! Editorial checks on the bundled dataset that go beyond `data_lint`: relations
//! that point both ways, catalog aliases that really name their entry, no
//! discontinued product flagged as in demand, survey cells large enough to
//! publish, BLS tables of the primary period (or a stated reason), and every
//! role as complete as the best. Each check is shown to fail on a copy of the
//! bundled dataset with one defect planted in it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use career_atlas::model::Dataset;
use career_atlas::model::bundled_dataset;
use career_atlas::model::catalog::no_address_reason;
use career_atlas::model::types::TechStatus;

/// Roles that many others point to; a link *to* one of them need not be
/// returned (data/SOURCES.md, "Related roles").
const HUBS: [&str; 3] = ["software-engineer", "backend-developer", "devops-engineer"];

/// Aliases found naming a different technology from their entry (a part, a
/// sibling or predecessor product, the maker, a language the tool reads;
/// data/SOURCES.md, "Aliases"). None may come back, on that entry or on any
/// other; a part that became an entry of its own is listed by that name.
const FALSE_ALIASES: [(&str, &str); 63] = [
    ("Vim", "Neovim"),
    ("JSDoc", "TypeDoc"),
    ("Hibernate", "JPA"),
    ("Bicep", "ARM templates"),
    ("JTAG", "SWD"),
    ("NetFlow", "sFlow"),
    ("NetFlow", "IPFIX"),
    ("Bash", "Shell"),
    ("Terraform", "HCL"),
    ("Remix", "React Router 7"),
    (".NET", ".NET Framework"),
    ("Entity Framework Core", "Entity Framework"),
    ("Looker", "LookML"),
    ("Qlik Sense", "QlikView"),
    ("PyTorch", "Torch"),
    ("GitHub Copilot", "Copilot"),
    ("Cucumber", "Gherkin"),
    ("Zephyr Scale", "Zephyr Squad"),
    ("CodeQL", "GitHub Advanced Security"),
    ("Open Policy Agent", "Gatekeeper"),
    ("CIS Benchmarks", "CIS Controls"),
    ("Android", "Android SDK"),
    ("MkDocs", "Material for MkDocs"),
    ("UART", "RS-232"),
    // Parts of a product, or members of a family, named as the whole.
    ("Foundry", "Forge"),
    ("Foundry", "Anvil"),
    ("Foundry", "Foundry Forge"),
    ("Sigstore", "cosign"),
    ("Azure Monitor", "Application Insights"),
    ("Azure Monitor", "Log Analytics"),
    ("Azure DevOps", "Azure Pipelines"),
    ("Azure DevOps", "Azure Repos"),
    ("Azure DevOps", "Azure Boards"),
    ("VMware vSphere", "VMware ESXi"),
    ("Kubeflow", "Kubeflow Pipelines"),
    ("DirectX", "Direct3D"),
    ("Ray", "Ray Serve"),
    ("Ray", "Ray Train"),
    ("Apache Spark", "Spark SQL"),
    ("Selenium", "Selenium Grid"),
    ("Kotlin Coroutines", "Kotlin Flow"),
    ("Apollo GraphQL", "Apollo Client"),
    ("Apollo GraphQL", "Apollo Server"),
    ("Photon Engine", "Photon PUN"),
    ("Photon Engine", "Photon Fusion"),
    ("Testing Library", "React Testing Library"),
    ("SolarWinds", "SolarWinds Orion"),
    ("SAS", "SAS Enterprise Guide"),
    ("axe", "axe DevTools"),
    ("Google Workspace", "Google Workspace Admin"),
    ("Workday", "Workday HCM"),
    ("Optimal Workshop", "OptimalSort"),
    ("Optimal Workshop", "Treejack"),
    ("F5 BIG-IP", "F5 LTM"),
    ("Keil MDK", "Keil uVision"),
    ("Keil MDK", "Keil µVision"),
    ("STM32", "STM32Cube"),
    ("STM32", "STM32 HAL"),
    // A successor that is a different protocol, another company's service
    // running the product, and general ideas that are not this product.
    ("Spanning Tree Protocol", "Rapid Spanning Tree Protocol"),
    ("OpenSearch", "Amazon OpenSearch Service"),
    ("Databricks", "Azure Databricks"),
    ("The Graph", "Subgraphs"),
    ("Kotlin Coroutines", "Coroutines"),
];

/// Short names that left an entry with the part they name, now an entry of
/// its own: each may be an alias of that entry only.
const MOVED_ALIASES: [(&str, &str); 2] = [
    ("ESXi", "VMware ESXi"),
    ("RSTP", "Rapid Spanning Tree Protocol"),
];

/// Products that are discontinued or in maintenance mode and so must never be
/// flagged "hot" (in demand).
const DISCONTINUED: [&str; 8] = [
    "Adobe XD",
    "InVision",
    "Truffle",
    "Ganache",
    "web3.js",
    "Realm",
    "Opsgenie",
    "TorchServe",
];

/// Stack entries without an official site or documentation of their own:
/// concepts and practices, generic instruments and a de facto interface that
/// no body publishes. Every other technology a bundled stack lists carries its
/// address (issue 16, "where to learn"); the app says why these have none,
/// from their category (data/FORMAT.md, "No official site").
const NO_ADDRESS: [&str; 9] = [
    "Data governance",
    "Data modelling",
    "Event-driven architecture",
    "Logic analyzer",
    "Microservices",
    "Multi-factor authentication",
    "Oscilloscope",
    "SPI",
    "Usability testing",
];

const SURVEY_SOURCE: &str = "Stack Overflow Developer Survey 2025";
const SURVEY_REGION_SUFFIX: &str = "(Stack Overflow survey)";
const BLS_PRIMARY: &str = "BLS OEWS May 2025 (national, all industries), released 15 May 2026";
const MIN_RESPONDENTS: u64 = 30;

fn one_way_relations(ds: &Dataset) -> Vec<String> {
    let related: HashMap<&str, HashSet<&str>> = ds
        .roles
        .iter()
        .map(|r| {
            (
                r.id.as_str(),
                r.related.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    for role in &ds.roles {
        for to in &role.related {
            if HUBS.contains(&to.as_str()) {
                continue;
            }
            let back = related
                .get(to.as_str())
                .is_some_and(|set| set.contains(role.id.as_str()));
            if !back {
                problems.push(format!("{} → {to} is one-way", role.id));
            }
        }
    }
    problems
}

fn false_aliases(ds: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    let deny: HashSet<String> = FALSE_ALIASES
        .iter()
        .map(|(_, a)| a.to_lowercase())
        .collect();
    let mut owners: HashMap<String, &str> = HashMap::new();
    for t in &ds.technologies {
        owners.insert(t.name.to_lowercase(), &t.id);
        owners.insert(t.id.to_lowercase(), &t.id);
    }
    for t in &ds.technologies {
        for alias in &t.aliases {
            let key = alias.to_lowercase();
            if let Some((_, owner)) = MOVED_ALIASES
                .iter()
                .find(|(moved, _)| moved.eq_ignore_ascii_case(alias))
                && *owner != t.name
            {
                problems.push(format!(
                    "{}: alias {alias:?} names {owner}, an entry of its own",
                    t.name
                ));
            }
            if deny.contains(&key) {
                problems.push(format!(
                    "{}: alias {alias:?} names another technology",
                    t.name
                ));
            }
            if let Some(other) = owners.get(&key)
                && *other != t.id
            {
                problems.push(format!(
                    "{}: alias {alias:?} is the name of {other}",
                    t.name
                ));
            }
        }
    }
    problems
}

fn hot_discontinued(ds: &Dataset) -> Vec<String> {
    ds.technologies
        .iter()
        .filter(|t| {
            t.hot
                && (t.status.is_some_and(|s| s != TechStatus::Active)
                    || DISCONTINUED.iter().any(|d| d.eq_ignore_ascii_case(&t.name)))
        })
        .map(|t| format!("{} is discontinued but flagged hot", t.name))
        .collect()
}

/// Technologies listed in a stack that have no `url`, outside [`NO_ADDRESS`];
/// entries of [`NO_ADDRESS`] that have one now (the list must shrink); and
/// entries of [`NO_ADDRESS`] whose category gives no reason for having none.
fn stack_techs_without_address(ds: &Dataset) -> Vec<String> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, t) in ds.technologies.iter().enumerate() {
        for n in [&t.id, &t.name].into_iter().chain(&t.aliases) {
            by_name.entry(n.to_lowercase()).or_insert(i);
        }
    }
    let listed: HashSet<usize> = ds
        .roles
        .iter()
        .flat_map(|r| r.stack.iter().flat_map(|g| g.items.iter()))
        .filter_map(|item| by_name.get(&item.name.trim().to_lowercase()).copied())
        .collect();
    let mut problems: Vec<String> = listed
        .into_iter()
        .map(|i| &ds.technologies[i])
        .filter_map(
            |t| match (t.url.is_some(), NO_ADDRESS.contains(&t.name.as_str())) {
                (false, false) => Some(format!("{} is in a stack but has no url", t.name)),
                (true, true) => Some(format!("{} has a url now: take it off NO_ADDRESS", t.name)),
                // The app gives the reason its category implies; an entry
                // whose category implies none would only show "No official
                // site in the catalog", which for bundled data means a gap.
                (false, true) if no_address_reason(t.category.as_deref()).is_none() => Some(
                    format!("{} has no url and its category gives no reason why", t.name),
                ),
                _ => None,
            },
        )
        .collect();
    problems.sort();
    problems
}

/// The number written before "respondents", e.g. "1,234 respondents" → 1234.
fn respondents(note: &str) -> Option<u64> {
    let head = &note[..note.find(" respondents")?];
    let digits: String = head
        .rsplit(|c: char| !(c.is_ascii_digit() || c == ','))
        .next()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn survey_tables(ds: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    for role in &ds.roles {
        for (i, t) in role.salary.iter().enumerate() {
            if !t.source.as_deref().unwrap_or("").starts_with(SURVEY_SOURCE) {
                continue;
            }
            let at = format!("{} salary[{i}] ({})", role.id, t.region);
            match t.note.as_deref().and_then(respondents) {
                None => problems.push(format!("{at}: no respondent count in the note")),
                Some(n) if n < MIN_RESPONDENTS => {
                    problems.push(format!("{at}: {n} respondents; at least {MIN_RESPONDENTS}"));
                }
                Some(_) => {}
            }
            // Survey medians and BLS percentiles measure different things; a
            // region of their own keeps them out of one ranking.
            if !t.region.ends_with(SURVEY_REGION_SUFFIX) {
                problems.push(format!("{at}: region does not say it is the survey"));
            }
            if t.levels.iter().any(|l| l.median.is_none()) {
                problems.push(format!("{at}: a level without a median"));
            }
        }
    }
    problems
}

fn bls_periods(ds: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    for role in &ds.roles {
        for (i, t) in role.salary.iter().enumerate() {
            let source = t.source.as_deref().unwrap_or("");
            if !source.starts_with("BLS OEWS") {
                continue;
            }
            let primary = source.starts_with(BLS_PRIMARY) && t.as_of.as_deref() == Some("2025-05");
            let reason = t
                .note
                .as_deref()
                .is_some_and(|n| n.contains("year-over-year"));
            if !primary && !reason {
                problems.push(format!(
                    "{} salary[{i}]: BLS table of {:?} without a reason in its note",
                    role.id, t.as_of
                ));
            }
            if t.region.ends_with(SURVEY_REGION_SUFFIX) {
                problems.push(format!(
                    "{} salary[{i}]: BLS table in a survey region",
                    role.id
                ));
            }
        }
        let first_bls = role
            .salary
            .iter()
            .find(|t| t.source.as_deref().unwrap_or("").starts_with("BLS OEWS"));
        if let Some(t) = first_bls
            && t.as_of.as_deref() != Some("2025-05")
        {
            problems.push(format!("{}: first BLS table is not May 2025", role.id));
        }
    }
    problems
}

fn completeness(ds: &Dataset) -> Vec<String> {
    let mut problems = Vec::new();
    if ds.roles.len() < 45 {
        problems.push(format!("{} roles; at least 45", ds.roles.len()));
    }
    for role in &ds.roles {
        let paragraphs = role
            .description
            .as_deref()
            .unwrap_or("")
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count();
        let techs: usize = role.stack.iter().map(|g| g.items.len()).sum();
        for (what, have, need) in [
            ("description paragraphs", paragraphs, 2),
            ("responsibilities", role.responsibilities.len(), 5),
            ("day-in-the-life entries", role.day_in_the_life.len(), 3),
            ("stack groups", role.stack.len(), 4),
            ("technologies", techs, 12),
            ("related roles", role.related.len(), 3),
        ] {
            if have < need {
                problems.push(format!("{}: {have} {what}; at least {need}", role.id));
            }
        }
        if !role
            .links
            .iter()
            .any(|l| l.url.starts_with("https://www.bls.gov/ooh/"))
        {
            problems.push(format!(
                "{}: no BLS Occupational Outlook Handbook link",
                role.id
            ));
        }
        if role.outlook.is_some()
            && !role.links.iter().any(|l| {
                l.url
                    .starts_with("https://www.onetonline.org/link/summary/")
            })
        {
            problems.push(format!("{}: no O*NET OnLine link", role.id));
        }
    }
    problems
}

fn all_checks(ds: &Dataset) -> Vec<String> {
    [
        one_way_relations(ds),
        false_aliases(ds),
        hot_discontinued(ds),
        stack_techs_without_address(ds),
        survey_tables(ds),
        bls_periods(ds),
        completeness(ds),
    ]
    .concat()
}

#[test]
fn the_bundled_dataset_passes_every_quality_check() {
    let problems = all_checks(&bundled_dataset());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_discontinued_products_and_false_aliases_are_still_in_the_catalog() {
    // The checks above would pass vacuously if these entries were renamed.
    let ds = bundled_dataset();
    let names: HashSet<&str> = ds.technologies.iter().map(|t| t.name.as_str()).collect();
    for (entry, _) in FALSE_ALIASES {
        assert!(names.contains(entry), "{entry} is not in the catalog");
    }
    for (alias, entry) in MOVED_ALIASES {
        let t = ds.technologies.iter().find(|t| t.name == entry);
        assert!(
            t.is_some_and(|t| t.aliases.iter().any(|a| a == alias)),
            "{entry} is not in the catalog with its alias {alias}"
        );
    }
    for product in DISCONTINUED {
        assert!(names.contains(product), "{product} is not in the catalog");
        let t = ds.technologies.iter().find(|t| t.name == product).unwrap();
        assert!(
            t.status.is_some_and(|s| s != TechStatus::Active),
            "{product} has no deprecated or discontinued status"
        );
    }
}

#[test]
fn the_roles_issue_16_asked_for_are_bundled() {
    let ds = bundled_dataset();
    for id in [
        "systems-administrator",
        "soc-analyst",
        "business-systems-analyst",
        "bi-analyst",
        "it-project-manager",
        "software-architect",
        "cloud-engineer",
        "cross-platform-mobile-developer",
        "data-architect",
        "ai-research-scientist",
        "computer-hardware-engineer",
        "devsecops-engineer",
    ] {
        assert!(ds.roles.iter().any(|r| r.id == id), "missing {id}");
    }
}

#[test]
fn respondent_counts_are_read_from_the_note() {
    assert_eq!(respondents("3,897 respondents, all countries"), Some(3897));
    assert_eq!(respondents("Based on 29 respondents."), Some(29));
    assert_eq!(respondents("no count here"), None);
}

fn role_mut<'a>(ds: &'a mut Dataset, id: &str) -> &'a mut career_atlas::model::types::Role {
    let role = ds.roles.iter_mut().find(|r| r.id == id).unwrap();
    Arc::make_mut(role)
}

fn tech_mut<'a>(ds: &'a mut Dataset, name: &str) -> &'a mut career_atlas::model::types::Technology {
    ds.technologies.iter_mut().find(|t| t.name == name).unwrap()
}

fn fails_with(ds: &Dataset, expected: &str) {
    let problems = all_checks(ds).join("\n");
    assert!(
        problems.contains(expected),
        "no {expected:?} among:\n{problems}"
    );
}

#[test]
fn a_one_way_relation_is_caught_but_a_link_to_a_hub_is_allowed() {
    let mut ds = bundled_dataset();
    role_mut(&mut ds, "technical-writer")
        .related
        .push("blockchain-engineer".into());
    role_mut(&mut ds, "technical-writer")
        .related
        .push("software-engineer".into());
    let problems = one_way_relations(&ds);
    assert_eq!(
        problems,
        ["technical-writer → blockchain-engineer is one-way"]
    );
}

#[test]
fn a_false_alias_and_an_alias_that_is_another_name_are_caught() {
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "Vim").aliases.push("Neovim".into());
    fails_with(&ds, "Vim: alias \"Neovim\" names another technology");
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "MySQL").aliases.push("PostgreSQL".into());
    fails_with(&ds, "MySQL: alias \"PostgreSQL\" is the name of postgresql");
    // A part named as its whole: on the product, or moved back from its own entry.
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "Azure DevOps")
        .aliases
        .push("Azure Boards".into());
    fails_with(
        &ds,
        "Azure DevOps: alias \"Azure Boards\" names another technology",
    );
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "VMware ESXi").aliases.clear();
    tech_mut(&mut ds, "VMware vSphere")
        .aliases
        .push("ESXi".into());
    fails_with(
        &ds,
        "VMware vSphere: alias \"ESXi\" names VMware ESXi, an entry of its own",
    );
}

#[test]
fn a_discontinued_product_flagged_hot_is_caught() {
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "InVision").hot = true;
    fails_with(&ds, "InVision is discontinued but flagged hot");
}

#[test]
fn a_stack_technology_without_an_address_is_caught() {
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "PostgreSQL").url = None;
    fails_with(&ds, "PostgreSQL is in a stack but has no url");
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "Microservices").url = Some("https://example.org/".into());
    fails_with(&ds, "Microservices has a url now: take it off NO_ADDRESS");
    let mut ds = bundled_dataset();
    tech_mut(&mut ds, "Oscilloscope").category = Some("Embedded".into());
    fails_with(
        &ds,
        "Oscilloscope has no url and its category gives no reason why",
    );
}

#[test]
fn a_survey_table_under_30_respondents_or_without_a_count_is_caught() {
    let mut ds = bundled_dataset();
    let role = role_mut(&mut ds, "backend-developer");
    let i = role
        .salary
        .iter()
        .position(|t| t.source.as_deref().unwrap_or("").starts_with(SURVEY_SOURCE))
        .unwrap();
    role.salary[i].note = Some("29 respondents in this country.".into());
    fails_with(&ds, "29 respondents; at least 30");
    role_mut(&mut ds, "backend-developer").salary[i].note = None;
    fails_with(&ds, "no respondent count in the note");
    let role = role_mut(&mut ds, "backend-developer");
    role.salary[i].note = Some("500 respondents".into());
    role.salary[i].region = "United States".into();
    fails_with(&ds, "region does not say it is the survey");
}

#[test]
fn a_bls_table_of_another_period_without_a_reason_is_caught() {
    let mut ds = bundled_dataset();
    let table = &mut role_mut(&mut ds, "devops-engineer").salary[0];
    table.as_of = Some("2024-05".into());
    table.source = Some("BLS OEWS May 2024; SOC 15-1252 Software Developers".into());
    table.note = Some("Percentiles of all workers.".into());
    fails_with(
        &ds,
        "devops-engineer salary[0]: BLS table of Some(\"2024-05\") without a reason",
    );
    fails_with(&ds, "devops-engineer: first BLS table is not May 2025");
    // The labelled year-over-year tables pass.
    let ds = bundled_dataset();
    let yoy = ds
        .roles
        .iter()
        .flat_map(|r| &r.salary)
        .filter(|t| t.as_of.as_deref() == Some("2024-05"))
        .count();
    assert!(yoy > 0);
    assert!(bls_periods(&ds).is_empty());
}

#[test]
fn an_incomplete_role_is_caught() {
    let mut ds = bundled_dataset();
    let role = role_mut(&mut ds, "cloud-engineer");
    role.responsibilities.truncate(4);
    role.day_in_the_life.truncate(2);
    role.stack.truncate(3);
    role.links.clear();
    for expected in [
        "cloud-engineer: 4 responsibilities; at least 5",
        "cloud-engineer: 2 day-in-the-life entries; at least 3",
        "cloud-engineer: 3 stack groups; at least 4",
        "cloud-engineer: no BLS Occupational Outlook Handbook link",
        "cloud-engineer: no O*NET OnLine link",
    ] {
        fails_with(&ds, expected);
    }
    ds.roles.truncate(44);
    fails_with(&ds, "44 roles; at least 45");
}
