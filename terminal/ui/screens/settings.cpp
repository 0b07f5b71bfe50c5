// Settings for staff: the language of the screens (any with a translation), the sync state (pending
// events, last success, last error, events that could not be delivered), and
// for supervisors the button that closes the kiosk.
#include <imgui.h>

#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

void draw(Ui& ui) {
  Body body = begin_screen(ui, ui.t("settings.title"), "settings", true);
  const Metrics& m = ui.m;
  const float col_w = (body.size.x - m.gap) * 0.5f;

  // Left: language.
  ImGui::SetCursorPos(body.pos);
  ImGui::BeginGroup();
  label(ui.icon("translate") + "  " + ui.t("settings.language"), ui.fonts.title, colour::text, col_w);
  for (const char* code : kLanguages) {  // each named in its own language, as on the trainee's page
    if (!ui.languages.count(code)) continue;
    if (touch_button(ui, std::string("settings.language.") + code, "earth", ui.texts_in(code)("language.self"),
                     ImVec2(col_w, m.target), {.tone = Tone::Neutral, .selected = ui.session.language == code}))
      ui.session.language = code;
  }
  label(ui.t("settings.language_note"), ui.fonts.small, colour::muted, col_w);
  if (ui.is_supervisor()) {
    ImGui::Dummy(ImVec2(1, m.gap));
    if (touch_button(ui, "settings.close", "power", ui.t("settings.close_kiosk"), ImVec2(col_w, m.target),
                     {.tone = Tone::Danger}))
      ui.session.close_confirmed = true;
  }
  ImGui::EndGroup();

  // Right: sync state, read from the ledger the sync engine keeps.
  ImGui::SetCursorPos(ImVec2(body.pos.x + col_w + m.gap, body.pos.y));
  ImGui::BeginGroup();
  label(ui.icon("sync") + "  " + ui.t("settings.sync"), ui.fonts.title, colour::text, col_w);
  const std::optional<SyncStatus> status = ui.centre.sync_status();
  const bool read = status.has_value();
  const SyncStatus st = status.value_or(SyncStatus{});
  auto row = [&](const std::string& icon, const std::string& text, ImU32 c) {
    label(ui.icon(icon) + "  " + text, ui.fonts.body, c, col_w);
  };
  if (!read) {
    row("sync-alert", ui.t("sync.unreadable"), colour::danger);
  } else if (!st.configured) {
    row("sync-alert", ui.t("sync.not_configured"), colour::warning);
  } else {
    row(st.pending ? "sync" : "cloud-check", ui.t("sync.pending", {{"count", std::to_string(st.pending)}}),
        st.pending ? colour::warning : colour::success);
    row("clock", st.last_success ? ui.t("sync.last_success", {{"time", *st.last_success}}) : ui.t("sync.never"),
        colour::text);
    if (st.last_error) row("alert", ui.t("sync.last_error", {{"error", *st.last_error}}), colour::danger);
    if (st.dead_letters)
      row("alert-circle", ui.t("sync.dead_letters", {{"count", std::to_string(st.dead_letters)}}), colour::danger);
  }
  ImGui::Dummy(ImVec2(1, m.gap));
  label(ui.t("settings.terminal", {{"id", ui.centre.terminal_id()}}), ui.fonts.small, colour::muted, col_w);
  label(ui.t("settings.events", {{"count", std::to_string(ui.centre.event_count())}}), ui.fonts.small, colour::muted,
        col_w);
  ImGui::EndGroup();
  end_screen();
}

void demo(Ui& ui) {
  ui.demo_staff_session(Role::Supervisor);
  ui.show(ScreenId::Settings);
}

}  // namespace

void register_settings_screen(ScreenRegistry& r) { r.add({ScreenId::Settings, "settings", Access::Staff, draw, demo}); }

}  // namespace ft::ui
