//! Role fit: how much of a role's stack a person already knows, and what to
//! learn next.
//!
//! Fit is the weighted share of a role's technologies the person knows: core
//! technologies weigh 3, common 2, optional 1; a technology counts fully from
//! "Used it" upwards and half while "Learning". A role without a stack has no
//! fit (there is nothing to compare).

use super::catalog::{Catalog, RoleIdx, TechId};
use super::profile::{Proficiency, Profile};
use super::types::Priority;

/// The formula in one sentence, for the app.
pub const FORMULA: &str = "Fit is the share of a role’s technologies you know, weighted core ×3, common ×2, optional ×1; “Learning” counts half, “Used it” and above count fully.";

/// Fit at or above which a role counts as a good fit.
pub const GOOD_FIT: f32 = 0.7;

/// Weight of a priority in the fit.
#[must_use]
pub fn weight(priority: Priority) -> f32 {
    match priority {
        Priority::Core => 3.0,
        Priority::Common => 2.0,
        Priority::Optional => 1.0,
    }
}

/// How much a proficiency counts towards fit (0 to 1).
#[must_use]
pub fn credit(level: Proficiency) -> f32 {
    match level {
        Proficiency::NotYet => 0.0,
        Proficiency::Learning => 0.5,
        Proficiency::UsedIt | Proficiency::AtWork | Proficiency::CouldTeach => 1.0,
    }
}

/// Every technology's credit for one profile, indexed by [`TechId`]; computed
/// once per profile change so scoring all roles is a pass over their stacks.
#[must_use]
pub fn credits(catalog: &Catalog, profile: &Profile) -> Vec<f32> {
    catalog
        .techs
        .iter()
        .map(|t| credit(profile.level(t)))
        .collect()
}

/// The fit of one role (0 to 1), or `None` when it lists no technology.
#[must_use]
pub fn role_fit(catalog: &Catalog, credits: &[f32], role: RoleIdx) -> Option<f32> {
    let (mut got, mut total) = (0.0, 0.0);
    for item in catalog.role(role).techs() {
        let w = weight(item.priority);
        total += w;
        got += w * credits.get(item.tech.0).copied().unwrap_or(0.0);
    }
    (total > 0.0).then(|| got / total)
}

/// Fits of every role, indexed by [`RoleIdx`].
#[must_use]
pub fn all_fits(catalog: &Catalog, credits: &[f32]) -> Vec<Option<f32>> {
    (0..catalog.roles.len())
        .map(|i| role_fit(catalog, credits, RoleIdx(i)))
        .collect()
}

/// The technologies a role needs that the person does not know fully, most
/// important first (core before common before optional, then stack order).
#[must_use]
pub fn missing(catalog: &Catalog, credits: &[f32], role: RoleIdx) -> Vec<(TechId, Priority)> {
    let mut out: Vec<(TechId, Priority)> = catalog
        .role(role)
        .techs()
        .filter(|i| credits.get(i.tech.0).copied().unwrap_or(0.0) < 1.0)
        .map(|i| (i.tech, i.priority))
        .collect();
    out.sort_by_key(|(_, p)| *p);
    out
}

/// A technology worth learning: how many roles it would lift to a good fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Opener {
    /// The technology.
    pub tech: TechId,
    /// Roles that would reach [`GOOD_FIT`] with it learnt.
    pub roles: usize,
}

/// True when learning one technology of this weight (known `have`, 0–1) lifts
/// a role of this `fit` and total stack weight to [`GOOD_FIT`].
fn lifts(fit: f32, total: f32, weight: f32, have: f32) -> bool {
    let gain = weight * (1.0 - have) / total;
    gain > 0.0 && fit < GOOD_FIT && fit + gain >= GOOD_FIT - 1e-6
}

/// How many roles learning `tech` alone would lift to a good fit: the
/// technology page's figure, counted as [`best_openers`] counts.
#[must_use]
pub fn roles_raised(
    catalog: &Catalog,
    credits: &[f32],
    fits: &[Option<f32>],
    tech: TechId,
) -> usize {
    catalog
        .roles_using(tech)
        .iter()
        .filter(|&&role| {
            let Some(Some(fit)) = fits.get(role.0).copied() else {
                return false;
            };
            let entry = catalog.role(role);
            let total: f32 = entry.techs().map(|i| weight(i.priority)).sum();
            entry.techs().filter(|i| i.tech == tech).any(|i| {
                let have = credits.get(tech.0).copied().unwrap_or(0.0);
                lifts(fit, total, weight(i.priority), have)
            })
        })
        .count()
}

/// Technologies that, learnt alone, would lift the most roles to a good fit.
#[must_use]
pub fn best_openers(
    catalog: &Catalog,
    credits: &[f32],
    fits: &[Option<f32>],
    limit: usize,
) -> Vec<Opener> {
    let mut counts = vec![0usize; catalog.techs.len()];
    for (ri, fit) in fits.iter().enumerate() {
        let Some(fit) = *fit else { continue };
        if fit >= GOOD_FIT {
            continue;
        }
        let entry = catalog.role(RoleIdx(ri));
        let total: f32 = entry.techs().map(|i| weight(i.priority)).sum();
        for item in entry.techs() {
            let have = credits.get(item.tech.0).copied().unwrap_or(0.0);
            if lifts(fit, total, weight(item.priority), have) {
                counts[item.tech.0] += 1;
            }
        }
    }
    let mut out: Vec<Opener> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .map(|(t, roles)| Opener {
            tech: TechId(t),
            roles,
        })
        .collect();
    out.sort_by(|a, b| {
        b.roles
            .cmp(&a.roles)
            .then_with(|| catalog.tech(a.tech).name.cmp(&catalog.tech(b.tech).name))
    });
    out.truncate(limit);
    out
}

/// Roles ranked by fit, best first; roles without a stack last. Ties keep
/// catalog order.
#[must_use]
pub fn ranking(fits: &[Option<f32>]) -> Vec<RoleIdx> {
    let mut order: Vec<RoleIdx> = (0..fits.len()).map(RoleIdx).collect();
    order.sort_by(|a, b| {
        let fa = fits[a.0].unwrap_or(-1.0);
        let fb = fits[b.0].unwrap_or(-1.0);
        fb.total_cmp(&fa).then(a.cmp(b))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(json: &str) -> Catalog {
        crate::model::catalog::test_catalog(json)
    }

    const ROLES: &str = r#"[
      {"id":"a","title":"A","stack":{"L":["Go", {"name":"Rust","priority":"common"}, {"name":"Zig","priority":"optional"}]}},
      {"id":"b","title":"B","stack":{"L":["Go", "Python"]}},
      {"id":"empty","title":"Empty"}
    ]"#;

    fn set(cat: &Catalog, p: &mut Profile, name: &str, level: Proficiency) {
        let t = cat.tech(cat.find_tech(name).unwrap()).clone();
        p.set_level(&t, level);
    }

    #[test]
    fn empty_profile_fits_nothing_and_a_role_without_stack_has_no_fit() {
        let cat = catalog(ROLES);
        let fits = all_fits(&cat, &credits(&cat, &Profile::default()));
        assert_eq!(fits, [Some(0.0), Some(0.0), None]);
    }

    #[test]
    fn core_weighs_more_than_common_more_than_optional() {
        let cat = catalog(ROLES);
        let mut p = Profile::default();
        set(&cat, &mut p, "Go", Proficiency::UsedIt);
        let f = all_fits(&cat, &credits(&cat, &p));
        assert!((f[0].unwrap() - 3.0 / 6.0).abs() < 1e-6);
        let mut p = Profile::default();
        set(&cat, &mut p, "Rust", Proficiency::UsedIt);
        assert!((all_fits(&cat, &credits(&cat, &p))[0].unwrap() - 2.0 / 6.0).abs() < 1e-6);
        let mut p = Profile::default();
        set(&cat, &mut p, "Zig", Proficiency::CouldTeach);
        assert!((all_fits(&cat, &credits(&cat, &p))[0].unwrap() - 1.0 / 6.0).abs() < 1e-6);
    }

    #[test]
    fn learning_counts_half() {
        let cat = catalog(ROLES);
        let mut p = Profile::default();
        set(&cat, &mut p, "Python", Proficiency::Learning);
        assert!((all_fits(&cat, &credits(&cat, &p))[1].unwrap() - 0.25).abs() < 1e-6);
    }

    #[test]
    fn ranking_puts_best_first_keeps_ties_in_order_and_stackless_last() {
        let cat = catalog(ROLES);
        let mut p = Profile::default();
        set(&cat, &mut p, "Go", Proficiency::UsedIt);
        let fits = all_fits(&cat, &credits(&cat, &p));
        // A: 3/6 = 0.5, B: 3/6 = 0.5 — a tie keeps catalog order.
        assert_eq!(ranking(&fits), [RoleIdx(0), RoleIdx(1), RoleIdx(2)]);
        set(&cat, &mut p, "Python", Proficiency::UsedIt);
        let fits = all_fits(&cat, &credits(&cat, &p));
        assert_eq!(ranking(&fits), [RoleIdx(1), RoleIdx(0), RoleIdx(2)]);
    }

    #[test]
    fn missing_lists_core_first_and_openers_count_roles_lifted() {
        let cat = catalog(ROLES);
        let mut p = Profile::default();
        set(&cat, &mut p, "Go", Proficiency::UsedIt);
        let cr = credits(&cat, &p);
        let names: Vec<_> = missing(&cat, &cr, RoleIdx(0))
            .iter()
            .map(|(t, _)| cat.tech(*t).name.clone())
            .collect();
        assert_eq!(names, ["Rust", "Zig"]);
        let fits = all_fits(&cat, &cr);
        let openers = best_openers(&cat, &cr, &fits, 5);
        // Python lifts B to 100%; Rust lifts A to 5/6; Zig only to 4/6.
        let lifted: Vec<_> = openers
            .iter()
            .map(|o| (cat.tech(o.tech).name.as_str(), o.roles))
            .collect();
        assert_eq!(lifted, [("Python", 1), ("Rust", 1)]);
    }
}
