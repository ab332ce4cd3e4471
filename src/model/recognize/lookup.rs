//! Finding a technology by what a person types: its name, an alias ("k8s",
//! "postgres"), a prefix, or a near miss ("kubernets").

use crate::model::catalog::{Catalog, TechId};

/// Technologies matching `query`, best first, at most `limit`: an exact name
/// or alias, then a name or alias starting with it, then one containing it,
/// then near misses (Jaro-Winkler ≥ 0.88).
#[must_use]
pub fn find_techs(catalog: &Catalog, query: &str, limit: usize) -> Vec<TechId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u8, usize, TechId)> = catalog
        .techs
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let rank = std::iter::once(&t.name)
                .chain(&t.aliases)
                .chain(std::iter::once(&t.key))
                .filter_map(|n| {
                    let n = n.to_lowercase();
                    if n == q {
                        Some(0)
                    } else if n.starts_with(&q) {
                        Some(1)
                    } else if n.contains(&q) {
                        Some(2)
                    } else if q.len() >= 4 && strsim::jaro_winkler(&n, &q) >= 0.88 {
                        Some(3)
                    } else {
                        None
                    }
                })
                .min()?;
            Some((rank, t.name.len(), TechId(i)))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, _, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    #[test]
    fn aliases_prefixes_and_typos_find_the_technology() {
        let cat = test_catalog(
            r#"{"format":"career-atlas/1","name":"t",
                "technologies":[
                  {"id":"kubernetes","name":"Kubernetes","aliases":["k8s"]},
                  {"id":"postgresql","name":"PostgreSQL","aliases":["Postgres"]},
                  {"id":"python","name":"Python"}],
                "roles":[{"id":"x","title":"X","stack":{"A":["Python"]}}]}"#,
        );
        let first = |q: &str| {
            find_techs(&cat, q, 5)
                .first()
                .map(|t| cat.tech(*t).name.clone())
        };
        assert_eq!(first("k8s").as_deref(), Some("Kubernetes"));
        assert_eq!(first("postgres").as_deref(), Some("PostgreSQL"));
        assert_eq!(first("pyth").as_deref(), Some("Python"));
        assert_eq!(first("kubernets").as_deref(), Some("Kubernetes"));
        assert!(find_techs(&cat, "  ", 5).is_empty());
    }
}
