// The trainee's own language and read-aloud on their page (see own_language.hpp).
//
// Sections: choices · the two buttons · the message · the language list.
#include "terminal/ui/screens/own_language.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "terminal/ui/ui.hpp"
#include "terminal/ui/widgets.hpp"

namespace ft::ui {
namespace {

// ---- choices ---------------------------------------------------------------------

// The languages the terminal has translations for, in the catalogue's order.
std::vector<std::string> languages(const Ui& ui) {
  std::vector<std::string> out;
  for (const char* code : kLanguages)
    if (ui.languages.count(code)) out.push_back(code);
  return out;
}

// "Українська" for uk: each language's name from its own file, so everyone finds their own.
std::string own_name(const Ui& ui, const std::string& code) { return ui.texts_in(code)("language.self"); }

void choose_language(Ui& ui, const Trainee& t, const std::string& code) {
  const std::string id = t.id;  // `t` lives in the state that execute() replaces
  MyPageDraft& d = ui.session.my_page;
  if (!ui.practising() && t.language.value != code) {
    Outcome out = ui.centre.execute(SetLanguage{id, code, std::nullopt}, Actor{id, Role::Trainee});
    if (!out.ok()) {
      d.message = ui.refusal(*out.refusal);
      return;
    }
  }
  ui.session.language = code;  // the page answers in the new language from this frame on
  d = MyPageDraft{};
}

void switch_read_aloud(Ui& ui, const Trainee& t, bool on) {
  const std::string id = t.id;
  if (ui.practising()) {
    ui.session.practice->read_aloud = on;
  } else {
    Outcome out = ui.centre.execute(SetLanguage{id, "", on}, Actor{id, Role::Trainee});
    if (!out.ok()) {
      ui.session.my_page.message = ui.refusal(*out.refusal);
      return;
    }
  }
  ui.session.my_page.message.clear();
  if (on) ui.speak_to(id, {ui.t("read_aloud.said_on")});  // so they hear at once that it works
}

}  // namespace

// ---- the two buttons -------------------------------------------------------------------

float own_settings_width(Ui& ui) {
  // As wide as the longest words in any language, so the column keeps its place when the language changes.
  float w = 0;
  for (const std::string& code : languages(ui)) {
    const Translations& tr = ui.texts_in(code);
    w = std::max(w, button_width(ui, "translate", tr("language.self")));
    w = std::max(w, button_width(ui, "volume-high", tr("read_aloud.button")));
    for (const char* state : {"read_aloud.on", "read_aloud.off"})
      w = std::max(w, button_width(ui, "volume-high", tr(state), ui.fonts.small));
  }
  return w + ui.m.pad;
}

void own_settings_buttons(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  const float y = pos.y + std::max(0.0f, (size.y - 2 * m.target - m.gap) * 0.5f);
  MyPageDraft& d = ui.session.my_page;

  ImGui::SetCursorPos(ImVec2(pos.x, y));
  if (touch_button(ui, "progress.language", "translate", ui.t("language.self"), ImVec2(size.x, m.target),
                   {.tone = d.choosing_language ? Tone::Primary : Tone::Neutral})) {
    d.choosing_language = !d.choosing_language;
    d.message.clear();
  }

  const bool on = ui.reads_aloud_to(t.id);
  ImGui::SetCursorPos(ImVec2(pos.x, y + m.target + m.gap));
  if (touch_button(ui, "progress.read_aloud", on ? "volume-high" : "volume-off", ui.t("read_aloud.button"),
                   ImVec2(size.x, m.target),
                   {.tone = on ? Tone::Success : Tone::Neutral, .sub = ui.t(on ? "read_aloud.on" : "read_aloud.off")}))
    switch_read_aloud(ui, t, !on);
}

// ---- the message -------------------------------------------------------------------------

float own_settings_message(Ui& ui, ImVec2 pos, float width) {
  const std::string& message = ui.session.my_page.message;
  if (message.empty()) return 0;
  const Metrics& m = ui.m;
  const std::string text = ui.icon("alert-circle") + "  " + message;
  ImFont* f = ui.fonts.bold;
  const float h = wrap_lines(f, text, width - 2 * m.pad).size() * f->FontSize * 1.2f + m.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 wp = ImGui::GetWindowPos();
  const ImVec2 a(wp.x + pos.x, wp.y + pos.y);
  framed_rect(dl, a, ImVec2(a.x + width, a.y + h), colour::danger_soft, colour::danger, m.radius, 3.0f);
  ImGui::SetCursorPos(ImVec2(pos.x + m.pad, pos.y + m.pad * 0.5f));
  label(text, f, colour::danger, width - 2 * m.pad);
  return h + m.gap;
}

// ---- the language list -------------------------------------------------------------------

void language_list(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size) {
  const Metrics& m = ui.m;
  const float x = pos.x + m.pad, w = size.x - 2 * m.pad;
  const auto codes = languages(ui);
  const int n = std::max<int>(1, int(codes.size()));
  const int cols = (w - (n - 1) * m.gap) / n >= 3 * m.target ? n : std::min(n, 2);
  const int rows = (n + cols - 1) / cols;
  const float tile_w = (w - (cols - 1) * m.gap) / cols;
  const float tile_h = m.target * 1.8f;
  const std::string note = ui.t("language.note");
  ImFont* nf = ui.fonts.small;
  const float note_h = wrap_lines(nf, note, w).size() * nf->FontSize + ImGui::GetStyle().ItemSpacing.y;
  const float height = m.pad + m.target + m.gap + rows * (tile_h + m.gap) + note_h + m.pad;
  if (height > size.y) ui.report_overflow("language.list");
  panel_background(pos, ImVec2(size.x, std::min(height, size.y)));
  float y = pos.y + m.pad;

  // The heading, and the way out beside it.
  const std::string close = ui.t("language.close");
  const float close_w = button_width(ui, "close", close);
  ImFont* tf = ui.fonts.title;
  const std::string heading = ui.icon("translate") + "  " + ui.t("language.choose");
  if (text_width(tf, heading) > w - close_w - m.gap) ui.report_overflow("language.choose");
  ImGui::SetCursorPos(ImVec2(x, y + (m.target - tf->FontSize) * 0.5f));
  label(heading, tf, colour::text, w - close_w - m.gap);
  ImGui::SetCursorPos(ImVec2(x + w - close_w, y));
  if (touch_button(ui, "language.close", "close", close, ImVec2(close_w, m.target), {.tone = Tone::Neutral}))
    ui.session.my_page = MyPageDraft{};
  y += m.target + m.gap;

  // One big tile per language, named in its own script, the current one marked.
  for (int i = 0; i < int(codes.size()); ++i) {
    const std::string& code = codes[i];
    ImGui::SetCursorPos(ImVec2(x + (i % cols) * (tile_w + m.gap), y + (i / cols) * (tile_h + m.gap)));
    const bool current = ui.session.language == code;
    if (touch_button(ui, "language.pick." + code, "earth", own_name(ui, code), ImVec2(tile_w, tile_h),
                     {.tone = Tone::Neutral, .selected = current, .stacked = true, .font = ui.fonts.title})) {
      choose_language(ui, t, code);
      return;  // the language changed: the rest is drawn in it next frame
    }
  }
  y += rows * (tile_h + m.gap);

  ImGui::SetCursorPos(ImVec2(x, y));
  label(note, nf, colour::muted, w);
}

}  // namespace ft::ui
