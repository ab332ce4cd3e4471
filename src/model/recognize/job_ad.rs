//! A job ad read as a stack: which loaded roles it most resembles, and what the
//! person has and lacks of it.

use crate::model::catalog::{Catalog, RoleIdx, TechId};
use crate::model::fit::weight;
use crate::model::profile::Profile;

/// How much a role's stack looks like the ad's technologies.
#[derive(Debug, Clone, PartialEq)]
pub struct Resemblance {
    /// The role.
    pub role: RoleIdx,
    /// 0–1: the harmonic mean of the share of the ad the role lists and the
    /// (priority-weighted) share of the role the ad asks for.
    pub score: f32,
    /// How many of the ad's technologies the role lists.
    pub shared: usize,
}

/// Roles whose stacks best match `asked`, best first, at most `limit`; roles
/// sharing nothing are left out.
#[must_use]
pub fn resembling_roles(catalog: &Catalog, asked: &[TechId], limit: usize) -> Vec<Resemblance> {
    if asked.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Resemblance> = (0..catalog.roles.len())
        .filter_map(|ri| {
            let role = RoleIdx(ri);
            let (mut total, mut got, mut shared) = (0.0f32, 0.0f32, 0usize);
            for item in catalog.role(role).techs() {
                let w = weight(item.priority);
                total += w;
                if asked.contains(&item.tech) {
                    got += w;
                    shared += 1;
                }
            }
            if shared == 0 || total == 0.0 {
                return None;
            }
            let of_ad = shared as f32 / asked.len() as f32;
            let of_role = got / total;
            Some(Resemblance {
                role,
                score: 2.0 * of_ad * of_role / (of_ad + of_role),
                shared,
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.role.cmp(&b.role)));
    out.truncate(limit);
    out
}

/// The ad's technologies split into those the person has ticked and those
/// they lack, each in the ad's order.
#[must_use]
pub fn has_and_lacks(
    catalog: &Catalog,
    profile: &Profile,
    asked: &[TechId],
) -> (Vec<TechId>, Vec<TechId>) {
    asked
        .iter()
        .partition(|&&t| profile.is_ticked(catalog.tech(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    #[test]
    fn the_role_listing_the_ad_stack_comes_first() {
        let cat = test_catalog(
            r#"[{"id":"back","title":"Backend","stack":{"A":["Go","PostgreSQL","Kafka"]}},
                {"id":"front","title":"Frontend","stack":{"A":["React","CSS","PostgreSQL"]}},
                {"id":"none","title":"None","stack":{"A":["Excel"]}}]"#,
        );
        let ad: Vec<TechId> = ["go", "kafka", "postgresql"]
            .iter()
            .filter_map(|n| cat.find_tech(n))
            .collect();
        let roles = resembling_roles(&cat, &ad, 5);
        assert_eq!(roles.len(), 2);
        assert_eq!(cat.role(roles[0].role).role.id, "back");
        assert_eq!(roles[0].shared, 3);
        assert!((roles[0].score - 1.0).abs() < 1e-6);
        let mut profile = Profile::default();
        profile.set_ticked(cat.tech(ad[0]), true);
        let (has, lacks) = has_and_lacks(&cat, &profile, &ad);
        assert_eq!(has, vec![ad[0]]);
        assert_eq!(lacks, vec![ad[1], ad[2]]);
    }
}
