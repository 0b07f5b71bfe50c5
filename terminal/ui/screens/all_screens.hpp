// One register function per screen file; all_screens.cpp calls them in the
// order `screenshot --list` shows them.
#pragma once

namespace ft::ui {

class ScreenRegistry;

void register_board_screen(ScreenRegistry& r);
void register_pin_screen(ScreenRegistry& r);
void register_my_progress_screen(ScreenRegistry& r);
void register_assess_screen(ScreenRegistry& r);
void register_trainee_screen(ScreenRegistry& r);
void register_dashboard_screen(ScreenRegistry& r);
void register_staff_login_screen(ScreenRegistry& r);
void register_settings_screen(ScreenRegistry& r);
void register_double_tap_screen(ScreenRegistry& r);
void register_morning_question_screen(ScreenRegistry& r);
void register_lockout_help_screen(ScreenRegistry& r);

void register_all_screens(ScreenRegistry& r);

}  // namespace ft::ui
