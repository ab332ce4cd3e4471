//! Where the person has been: Back and Forward between roles, and moving
//! through the list with the arrow keys. Entries are role keys, not indices,
//! so they survive datasets coming and going.

use super::CareerAtlasApp;
use crate::model::{RoleIdx, RoleKey};

/// Roles visited before the current one, and those left by going Back.
#[derive(Debug, Default)]
pub(super) struct History {
    back: Vec<RoleKey>,
    forward: Vec<RoleKey>,
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
}

impl CareerAtlasApp {
    /// Goes to a role, remembering where we were.
    pub(super) fn open(&mut self, role: RoleIdx) {
        if self.selected == Some(role) {
            return;
        }
        if let Some(current) = self.selected {
            self.history.back.push(self.catalog.role_key(current));
        }
        self.history.forward.clear();
        self.show(role);
    }

    fn show(&mut self, role: RoleIdx) {
        self.set_selected(Some(role));
        self.salary_table = 0;
        self.pending.scroll_list_to_selected = true;
        self.pending.scroll_detail_to_top = true;
    }

    /// Back (`forward` false) or Forward, skipping roles whose dataset has gone since.
    pub(super) fn step_history(&mut self, forward: bool) {
        let History {
            back,
            forward: ahead,
        } = &mut self.history;
        let (from, to) = if forward {
            (ahead, back)
        } else {
            (back, ahead)
        };
        while let Some(key) = from.pop() {
            if let Some(role) = self.catalog.find_role(&key) {
                if let Some(cur) = self.selected {
                    to.push(self.catalog.role_key(cur));
                }
                self.show(role);
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
