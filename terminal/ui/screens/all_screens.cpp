// The list of screens: one line per screen file.
#include "terminal/ui/screens/all_screens.hpp"

namespace ft::ui {

void register_all_screens(ScreenRegistry& r) {
  register_board_screen(r);
  register_pin_screen(r);
  register_my_progress_screen(r);
  register_assess_screen(r);
  register_trainee_screen(r);
  register_dashboard_screen(r);
  register_staff_login_screen(r);
  register_settings_screen(r);
  register_double_tap_screen(r);
  register_morning_question_screen(r);
  register_lockout_help_screen(r);
}

}  // namespace ft::ui
