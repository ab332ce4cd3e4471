//! Where the person has been: Back and Forward across roles and technology
//! pages, and moving through the list with the arrow keys. Entries are role
//! keys and technology keys, not indices, so they survive datasets coming and
//! going.

use super::CareerAtlasApp;
use crate::model::{RoleIdx, RoleKey, TechId};
use crate::state::View;

/// A page Back and Forward can return to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    /// A role's page.
    Role(RoleKey),
    /// A technology's page, by its key.
    Tech(String),
    /// A view that is not about one role or technology (My skills, Best fit,
    /// Plan, Compare, Salaries): a link followed from it comes back to it.
    View(View),
}

/// Places visited before the current one, and those left by going Back.
#[derive(Debug, Default)]
pub(super) struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// True when Back would go somewhere.
    pub(super) fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// True when Forward would go somewhere.
    pub(super) fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// The dataset `old` is now called `new`: its roles' places follow.
    pub(super) fn rename_dataset(&mut self, old: &str, new: &str) {
        for place in self.back.iter_mut().chain(self.forward.iter_mut()) {
            if let Place::Role(key) = place
                && key.dataset == old
            {
                key.dataset = new.to_string();
            }
        }
    }
}

impl CareerAtlasApp {
    /// Where the person is now: the technology page or the view shown, or
    /// the selected role on the role page.
    fn current_place(&self) -> Option<Place> {
        match self.settings.view {
            View::Technology => self
                .selected_tech
                .map(|t| Place::Tech(self.catalog.tech(t).key.clone())),
            View::Role => self.selected.map(|r| Place::Role(self.catalog.role_key(r))),
            view => Some(Place::View(view)),
        }
    }

    /// Goes to a role, remembering where we were.
    pub(super) fn open(&mut self, role: RoleIdx) {
        if self.selected == Some(role) && self.settings.view == View::Role {
            return;
        }
        if let Some(current) = self.current_place() {
            self.history.back.push(current);
        }
        self.history.forward.clear();
        self.show(role);
    }

    /// Goes to a technology's page, remembering where we were.
    pub(super) fn open_tech(&mut self, tech: TechId) {
        if self.settings.view == View::Technology && self.selected_tech == Some(tech) {
            return;
        }
        if let Some(current) = self.current_place() {
            self.history.back.push(current);
        }
        self.history.forward.clear();
        self.show_tech(tech);
    }

    fn show_tech(&mut self, tech: TechId) {
        self.selected_tech = Some(tech);
        self.settings.tech = Some(self.catalog.tech(tech).key.clone());
        self.settings.view = View::Technology;
    }

    fn show(&mut self, role: RoleIdx) {
        self.set_selected(Some(role));
        self.salary_table = None;
        self.pending.scroll_list_to_selected = true;
        self.pending.scroll_detail_to_top = true;
    }

    /// Back (`forward` false) or Forward, skipping places whose dataset has gone since.
    pub(super) fn step_history(&mut self, forward: bool) {
        let current = self.current_place();
        loop {
            let next = if forward {
                self.history.forward.pop()
            } else {
                self.history.back.pop()
            };
            let Some(place) = next else { return };
            let arrived = match &place {
                Place::Role(key) => self.catalog.find_role(key).map(|role| {
                    self.show(role);
                    self.settings.view = View::Role;
                }),
                Place::Tech(key) => self.catalog.find_tech(key).map(|t| self.show_tech(t)),
                Place::View(view) => {
                    self.settings.view = *view;
                    Some(())
                }
            };
            if arrived.is_some() {
                if let Some(cur) = current {
                    if forward {
                        self.history.back.push(cur);
                    } else {
                        self.history.forward.push(cur);
                    }
                }
                return;
            }
        }
    }

    /// Selects the role `delta` rows below (negative: above) in the list.
    pub(super) fn move_selection(&mut self, delta: isize) {
        let order = self.panels.role_list.order();
        if order.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| order.iter().position(|&r| r == s));
        let next = match pos {
            None => 0,
            Some(p) => p.saturating_add_signed(delta).min(order.len() - 1),
        };
        let role = order[next];
        self.open(role);
    }
}
