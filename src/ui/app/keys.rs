//! The viewer's keyboard shortcuts (presenter mode has its own, in
//! `ui::presenter::keys`): each key becomes a [`Command`].

use egui::{Key, Modifiers};

use super::super::files::Purpose;
use super::super::time_panel;
use super::{App, Command};
use crate::control::TimeCommand;

impl App {
    /// Read the viewer's shortcuts (not the presenter's) into commands.
    pub(super) fn keyboard(&mut self, ctx: &egui::Context) {
        // Typing goes to a text field; a focused button keeps Space (and
        // Enter) for itself, and every other shortcut still works.
        if ctx.text_edit_focused() {
            return;
        }
        let widget_focused = ctx.memory(|m| m.focused().is_some());
        // In the map the arrows move between places and Esc leaves it
        // (`map_access`); Page Up and Page Down still change the step.
        let in_map = super::super::map_access::keyboard_in_map(ctx, &self.map.access);
        let mut cmds = Vec::new();
        // The arrow pointing the way time runs on the axis, as the user
        // sees it, moves later (right to left in Arabic by default).
        let (later, earlier) = time_panel::visual_step_keys(&self.settings);
        let menu_open = egui::Popup::is_any_open(ctx);
        ctx.input_mut(|i| {
            let mut key = |m: Modifiers, k: Key, c: Command| {
                if i.consume_key(m, k) {
                    cmds.push(c);
                }
            };
            key(
                Modifiers::SHIFT,
                later,
                Command::Time(TimeCommand::DayBy(1)),
            );
            key(
                Modifiers::SHIFT,
                earlier,
                Command::Time(TimeCommand::DayBy(-1)),
            );
            if !in_map {
                key(Modifiers::NONE, later, Command::Time(TimeCommand::NextStep));
                key(
                    Modifiers::NONE,
                    earlier,
                    Command::Time(TimeCommand::PrevStep),
                );
            }
            key(
                Modifiers::NONE,
                Key::PageDown,
                Command::Time(TimeCommand::NextStep),
            );
            key(
                Modifiers::NONE,
                Key::PageUp,
                Command::Time(TimeCommand::PrevStep),
            );
            key(
                Modifiers::NONE,
                Key::Home,
                Command::Time(TimeCommand::First),
            );
            key(Modifiers::NONE, Key::End, Command::Time(TimeCommand::Last));
            if !widget_focused {
                key(
                    Modifiers::NONE,
                    Key::Space,
                    Command::Time(TimeCommand::TogglePlay),
                );
            }
            key(Modifiers::NONE, Key::Plus, Command::ZoomBy(1.25));
            key(Modifiers::NONE, Key::Equals, Command::ZoomBy(1.25));
            key(Modifiers::NONE, Key::Minus, Command::ZoomBy(0.8));
            // Esc closes an open menu first, then a window, then clears
            // the selection.
            if !menu_open && !in_map {
                key(Modifiers::NONE, Key::Escape, Command::Escape);
            }
            key(Modifiers::COMMAND, Key::Q, Command::Quit);
            key(
                Modifiers::SHIFT,
                Key::Questionmark,
                Command::ToggleShortcuts,
            );
            key(Modifiers::NONE, Key::Questionmark, Command::ToggleShortcuts);
            key(Modifiers::NONE, Key::F1, Command::ToggleShortcuts);
        });
        let present = ctx.input_mut(|i| {
            if i.consume_key(Modifiers::SHIFT, Key::F5) {
                Some(true)
            } else if i.consume_key(Modifiers::NONE, Key::F5) {
                Some(false)
            } else {
                None
            }
        });
        if let Some(from_current) = present {
            cmds.push(Command::StartPresenting { from_current });
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::T)) {
            cmds.push(Command::ToggleTable);
        }
        let find = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::F));
        if find {
            cmds.push(Command::Find);
        }
        let shot = ctx.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::S));
        if shot {
            cmds.push(Command::ChoosePath(Purpose::SaveScreenshot));
        }
        self.commands.extend(cmds);
    }
}
