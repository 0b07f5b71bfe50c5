// The kiosk's building blocks (see widgets.hpp).
//
// Sections: text · buttons · screen frame · people and progress · PIN pad ·
// keyboard.
#include "terminal/ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

#include "terminal/core/text.hpp"
#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/ui.hpp"

namespace ft::ui {

// ---- text -------------------------------------------------------------------------

float text_width(ImFont* font, const std::string& text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str(), text.c_str() + text.size()).x;
}

std::vector<std::string> wrap_lines(ImFont* font, const std::string& text, float width) {
  std::vector<std::string> lines;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const char* nl = std::find(s, end, '\n');
    const char* brk = font->CalcWordWrapPositionA(1.0f, s, nl, std::max(1.0f, width));
    if (brk == s) {  // a single word wider than the line: keep it whole (the caller sees it overflow)
      brk = s;
      while (brk < nl && *brk != ' ') ++brk;
    }
    std::string line(s, brk);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    s = brk;
    while (s < end && *s == ' ') ++s;
    if (s < end && *s == '\n') ++s;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

void label(const std::string& text, ImFont* font, ImU32 colour, float wrap_width) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  const float wrap = wrap_width > 0 ? ImGui::GetCursorPosX() + wrap_width : 0.0f;
  ImGui::PushTextWrapPos(wrap);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void label_centred(const std::string& text, ImFont* font, ImU32 colour, float width) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  for (const auto& line : wrap_lines(font, text, width)) {
    ImGui::SetCursorPosX(x0 + std::max(0.0f, (width - text_width(font, line)) * 0.5f));
    ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// ---- buttons ------------------------------------------------------------------------

float button_width(Ui& ui, const std::string& icon, const std::string& text, ImFont* font) {
  if (!font) font = ui.fonts.bold;
  float w = 2 * ui.m.pad + text_width(font, text);
  if (!icon.empty()) w += font->FontSize + (text.empty() ? 0.0f : ui.m.gap * 0.5f);
  return std::max(w, ui.m.target);
}

float tick_room(const Ui& ui) { return ui.fonts.bold->FontSize + 8 + ui.m.gap * 0.25f; }

bool touch_button(Ui& ui, const std::string& id, const std::string& icon, const std::string& text, ImVec2 size,
                  const ButtonOpts& o) {
  ImFont* font = o.font ? o.font : ui.fonts.bold;
  if (size.y <= 0) size.y = ui.m.target;
  if (size.x <= 0) size.x = button_width(ui, icon, text, font);
  // Whole pixels: ImGui floors positions, so fractional sizes would eat into the 16 px gaps.
  size = ImVec2(std::floor(size.x), std::floor(size.y));
  if (!o.enabled) ImGui::BeginDisabled();
  const bool pressed = ImGui::InvisibleButton(id.c_str(), size);
  const bool held = ImGui::IsItemActive();
  if (!o.enabled) ImGui::EndDisabled();
  ui.targets.record_last_item(id, o.enabled);

  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ToneColours tc = tone_colours(o.tone);
  ImU32 fill = held ? tc.pressed : tc.fill;
  ImU32 ink = tc.text;
  if (o.selected && (o.tone == Tone::Neutral || o.tone == Tone::Ghost)) fill = held ? tc.pressed : colour::selected;
  if (!o.enabled) {
    fill = colour::disabled;
    ink = colour::muted;
  }
  if (o.tone == Tone::Ghost || o.tone == Tone::Neutral)
    framed_rect(dl, a, b, fill, o.selected ? colour::primary : colour::border, ui.m.radius, o.selected ? 4.0f : 1.5f);
  else
    dl->AddRectFilled(a, b, fill, ui.m.radius);
  const bool ticked = o.tick.value_or(o.selected) && size.x >= 3 * ui.m.target;  // small buttons: the outline only
  if (ticked) {
    ImFont* f = ui.fonts.bold;
    const std::string tick = ui.icon("checkbox-marked-circle");
    dl->AddText(f, f->FontSize, ImVec2(b.x - f->FontSize - 8, a.y + 6), colour::primary, tick.c_str());
  }

  const float pad = std::min(ui.m.pad, size.x * 0.08f);
  const bool person = !o.avatar_name.empty();
  const std::string glyph = person ? std::string("  ") : icon.empty() ? std::string() : ui.icon(icon);
  ImFont* small = ui.fonts.small;
  if (o.stacked) {
    ImFont* icon_font = ui.fonts.title;
    const float inner_w = size.x - 2 * pad;
    auto lines = wrap_lines(font, text, inner_w);
    auto sub_lines = o.sub.empty() ? std::vector<std::string>() : wrap_lines(small, o.sub, inner_w);
    const float line_h = font->FontSize * 1.1f;
    float content_h = (glyph.empty() ? 0 : icon_font->FontSize * 1.1f) + lines.size() * line_h;
    content_h += sub_lines.size() * small->FontSize * 1.15f;
    float y = a.y + std::max(pad * 0.4f, (size.y - content_h) * 0.5f);
    if (content_h > size.y - pad * 0.3f) ui.report_overflow(id);
    if (person) {
      const float r = icon_font->FontSize * 0.55f;
      avatar(ui, ImVec2(a.x + size.x * 0.5f, y + r), r, o.avatar_id, o.avatar_name);
      y += icon_font->FontSize * 1.1f;
    } else if (!glyph.empty()) {
      dl->AddText(icon_font, icon_font->FontSize, ImVec2(a.x + (size.x - icon_font->FontSize) * 0.5f, y), ink,
                  glyph.c_str());
      y += icon_font->FontSize * 1.1f;
    }
    for (const auto& line : lines) {
      const float w = text_width(font, line);
      if (w > inner_w + 1) ui.report_overflow(id);
      dl->AddText(font, font->FontSize, ImVec2(a.x + (size.x - w) * 0.5f, y), ink, line.c_str());
      y += line_h;
    }
    for (const auto& line : sub_lines) {
      const float w = text_width(small, line);
      if (w > inner_w + 1) ui.report_overflow(id);
      dl->AddText(small, small->FontSize, ImVec2(a.x + (size.x - w) * 0.5f, y),
                  o.enabled ? (o.tone == Tone::Ghost || o.tone == Tone::Neutral ? colour::muted : ink) : ink,
                  line.c_str());
      y += small->FontSize * 1.15f;
    }
    return pressed && o.enabled && !press_was_drag();
  }

  // Icon beside the words, the block centred; words wrap when the button is narrow.
  const float icon_w =
      glyph.empty() ? 0.0f
                    : (person ? font->FontSize * 1.6f : font->FontSize) + (text.empty() ? 0.0f : ui.m.gap * 0.5f);
  // The tick sits in the right-hand corner: the words are centred in what is left of the button.
  const float tick_w = ticked ? std::max(0.0f, tick_room(ui) - pad) : 0.0f;
  const float inner_w = size.x - 2 * pad - icon_w - tick_w;
  auto lines = wrap_lines(font, text, inner_w);
  float text_w = o.sub.empty() ? 0.0f : text_width(small, o.sub);
  for (const auto& l : lines) text_w = std::max(text_w, text_width(font, l));
  if (text_w > inner_w + 1) ui.report_overflow(id);
  const float line_h = font->FontSize * 1.1f;
  float block_h = lines.size() * line_h + (o.sub.empty() ? 0 : small->FontSize * 1.1f);
  if (block_h > size.y - 4) ui.report_overflow(id);
  const float x = a.x + std::max(pad, (size.x - tick_w - icon_w - text_w) * 0.5f);
  float y = a.y + (size.y - block_h) * 0.5f;
  if (person)
    avatar(ui, ImVec2(x + font->FontSize * 0.8f, a.y + size.y * 0.5f), font->FontSize * 0.8f, o.avatar_id,
           o.avatar_name);
  else if (!glyph.empty())
    dl->AddText(font, font->FontSize, ImVec2(x, a.y + (size.y - font->FontSize * 1.1f) * 0.5f), ink, glyph.c_str());
  for (const auto& line : lines) {
    dl->AddText(font, font->FontSize, ImVec2(x + icon_w, y), ink, line.c_str());
    y += line_h;
  }
  if (!o.sub.empty()) dl->AddText(small, small->FontSize, ImVec2(x + icon_w, y), ink, o.sub.c_str());
  return pressed && o.enabled && !press_was_drag();
}

// ---- screen frame -----------------------------------------------------------------

Body begin_screen(Ui& ui, const std::string& title, const std::string& icon, bool home_button) {
  const ImGuiIO& io = ImGui::GetIO();
  const float W = io.DisplaySize.x, H = io.DisplaySize.y;
  const Metrics& m = ui.m;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(W, H));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  // No background of its own: the frame is cleared to the same colour, and a
  // full-screen blended quad more costs llvmpipe half of each frame's draw.
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(W, m.bar), colour::bar);
  const float y = (m.bar - m.target) * 0.5f;
  float left = m.pad;

  if (home_button) {
    ImGui::SetCursorPos(ImVec2(left, y));
    const std::string words = ui.t("nav.home");
    const float w = button_width(ui, "home", words);
    if (touch_button(ui, "nav.home", "home", words, ImVec2(w, m.target), {.tone = Tone::Neutral})) ui.go_home();
    left += w + m.gap;
  }

  // Right: the clock and date, then (right to left) the staff navigation.
  const std::string clock = format_clock(ui.centre.minutes_now());
  const std::string date = ui.date_long(ui.centre.today());
  ImFont* tf = ui.fonts.title;
  ImFont* sf = ui.fonts.small;
  const float clock_w = std::max(text_width(tf, clock), text_width(sf, date));
  float right = W - m.pad - clock_w;
  dl->AddText(tf, tf->FontSize, ImVec2(W - m.pad - text_width(tf, clock), m.bar * 0.5f - tf->FontSize * 0.62f),
              colour::on_dark, clock.c_str());
  dl->AddText(sf, sf->FontSize, ImVec2(W - m.pad - text_width(sf, date), m.bar * 0.5f + tf->FontSize * 0.42f),
              colour::on_dark, date.c_str());
  right -= m.gap;

  if (ui.session.staff) {
    struct Nav {
      const char* id;
      const char* icon;
      const char* key;
      std::optional<ScreenId> screen;  // none: log out
    };
    std::vector<Nav> navs = {{"nav.logout", "logout", "nav.logout", std::nullopt},
                             {"nav.settings", "settings", "nav.settings", ScreenId::Settings}};
    if (ui.is_supervisor()) navs.push_back({"nav.dashboard", "view-dashboard", "nav.dashboard", ScreenId::Dashboard});
    navs.push_back({"nav.assess", "star", "nav.assess", ScreenId::Assess});
    // Words beside the icons when they fit beside a readable title; icons alone otherwise.
    float words_w = 0;
    for (const auto& n : navs) words_w += button_width(ui, n.icon, ui.t(n.key), sf) + m.gap;
    const bool with_words = right - left - words_w > W * 0.22f;
    for (const auto& n : navs) {
      const std::string words = with_words ? ui.t(n.key) : std::string();
      const float w = button_width(ui, n.icon, words, sf);
      right -= w;
      ImGui::SetCursorPos(ImVec2(right, y));
      const bool here = n.screen && *n.screen == ui.session.screen;
      if (touch_button(ui, n.id, n.icon, words, ImVec2(w, m.target),
                       {.tone = Tone::Neutral, .selected = here, .font = sf})) {
        if (n.screen)
          ui.show(*n.screen);
        else
          ui.go_home();
      }
      right -= m.gap;
    }
  }

  // Title between the two sides, one line; too long is a bug the tests catch.
  std::string heading = icon.empty() ? title : ui.icon(icon) + "  " + title;
  if (text_width(tf, heading) > right - left) ui.report_overflow("title");
  dl->PushClipRect(ImVec2(left, 0), ImVec2(std::max(left, right), m.bar), true);
  dl->AddText(tf, tf->FontSize, ImVec2(left, (m.bar - tf->FontSize) * 0.5f), colour::on_dark, heading.c_str());
  dl->PopClipRect();

  // Practice: a stripe under the bar on every screen says plainly that nothing is saved.
  if (ui.session.practice) {
    const float h = m.target * 0.75f;
    dl->AddRectFilled(ImVec2(0, m.bar), ImVec2(W, m.bar + h), colour::warning);
    ImFont* bf = ui.fonts.bold;
    const std::string text = ui.icon("school") + "  " + ui.t("practice.banner");
    if (text_width(bf, text) > W - 2 * m.pad) ui.report_overflow("practice.banner");
    dl->AddText(bf, bf->FontSize, ImVec2(m.pad, m.bar + (h - bf->FontSize) * 0.5f), colour::on_dark, text.c_str());
    return Body{ImVec2(m.pad, m.bar + h + m.pad), ImVec2(W - 2 * m.pad, H - m.bar - h - 2 * m.pad)};
  }
  return Body{ImVec2(m.pad, m.bar + m.pad), ImVec2(W - 2 * m.pad, H - m.bar - 2 * m.pad)};
}

void end_screen() { ImGui::End(); }

namespace {
bool lists_start_at_top = false;
}

void scroll_lists_to_top(bool on) { lists_start_at_top = on; }

void begin_scroll(const char* id, ImVec2 size) {
  if (lists_start_at_top) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoSavedSettings);
}

bool notice_banner(Ui& ui, ImVec2 size) {
  const Metrics& m = ui.m;
  const ImVec2 start = ImGui::GetCursorPos();
  const bool tapped = ImGui::InvisibleButton("notice.banner", size);
  ui.targets.record_last_item("notice.banner", true);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  framed_rect(ImGui::GetWindowDrawList(), a, b, colour::warning_soft, colour::warning, m.radius, 3.0f);
  const std::string text = ui.icon("alert") + "  " + ui.session.banner;
  const auto lines = wrap_lines(ui.fonts.body, text, size.x - 2 * m.pad);
  if (lines.size() > 2) ui.report_overflow("notice.banner");
  const float line_h = ui.fonts.body->FontSize * 1.2f;
  ImGui::SetCursorPos(ImVec2(start.x + m.pad, start.y + std::max(2.0f, (size.y - lines.size() * line_h) * 0.5f)));
  label(text, ui.fonts.body, colour::text, size.x - 2 * m.pad);
  ImGui::SetCursorPos(ImVec2(start.x, start.y + size.y));
  return tapped && !press_was_drag();
}

void end_scroll() {
  drag_scroll();
  ImGui::EndChild();
}

void panel_background(ImVec2 pos, ImVec2 size, ImU32 fill) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 a(ImGui::GetWindowPos().x + pos.x - ImGui::GetScrollX(),
                 ImGui::GetWindowPos().y + pos.y - ImGui::GetScrollY());
  framed_rect(dl, a, ImVec2(a.x + size.x, a.y + size.y), fill, colour::border, ImGui::GetStyle().ChildRounding, 1.0f);
}

OpaqueFills::OpaqueFills(ImDrawList* dl) : dl_(dl) {
  split_.Split(dl_, 2);
  split_.SetCurrentChannel(dl_, 0);
  dl_->AddCallback(draw_without_blending, nullptr);
  split_.SetCurrentChannel(dl_, 1);
  dl_->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // the backend blends again from here
}

OpaqueFills::~OpaqueFills() { split_.Merge(dl_); }

void OpaqueFills::add(ImVec2 a, ImVec2 b, ImU32 colour, float radius) {
  split_.SetCurrentChannel(dl_, 0);
  const ImDrawListFlags flags = dl_->Flags;
  dl_->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  dl_->AddRectFilled(a, b, colour, radius);
  dl_->Flags = flags;
  split_.SetCurrentChannel(dl_, 1);
}

void framed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 outline, float radius, float thickness,
                 OpaqueFills* fills) {
  // The fill's edge lies under the outline, so no sliver of it shows outside
  // the outline, and an edge without anti-aliasing (OpaqueFills) is hidden.
  const float fill_in = std::max(1.0f, thickness * 0.5f);
  const ImVec2 fa(a.x + fill_in, a.y + fill_in), fb(b.x - fill_in, b.y - fill_in);
  if (fills)
    fills->add(fa, fb, fill, std::max(0.0f, radius - fill_in));
  else
    dl->AddRectFilled(fa, fb, fill, std::max(0.0f, radius - fill_in));
  const float in = thickness * 0.5f;
  dl->AddRect(ImVec2(a.x + in, a.y + in), ImVec2(b.x - in, b.y - in), outline, std::max(0.0f, radius - in), 0,
              thickness);
}

// ---- people and progress --------------------------------------------------------------

void avatar(Ui& ui, ImVec2 c, float r, const std::string& id, const std::string& full_name) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(c, r, avatar_colour(id), 48);
  const std::string letters = initials(full_name);
  ImFont* f = r > ui.fonts.title->FontSize ? ui.fonts.title : ui.fonts.bold;
  const float size = std::min(f->FontSize, r * 0.95f);
  const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, letters.c_str());
  add_scaled_text(dl, f, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), colour::on_dark, letters.c_str());
}

float level_pips(ImDrawList* dl, ImVec2 pos, float d, int level, int target) {
  const float r = d * 0.5f, step = d * 1.4f;
  for (int i = 1; i <= 4; ++i) {
    const ImVec2 c(pos.x + r + (i - 1) * step, pos.y + r);
    const ImU32 fill = i <= level ? (level >= target ? colour::success : colour::primary) : colour::neutral;
    dl->AddCircleFilled(c, r, fill, 24);
    dl->AddCircle(c, r, i == target ? colour::text : colour::border, 24, i == target ? 3.0f : 1.0f);
  }
  return 3 * step + d;
}

void status_dot(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
  dl->AddCircleFilled(c, r, col, 32);
  dl->AddCircle(c, r, colour::text, 32, 1.5f);
}

// ---- PIN pad --------------------------------------------------------------------

void pin_dots(Ui& ui, size_t typed, size_t max_digits, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = ui.m.target * 0.16f, step = r * 3.2f;
  const size_t shown = std::max(typed, max_digits);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float x0 = p.x + (width - (shown - 1) * step) * 0.5f;
  for (size_t i = 0; i < shown; ++i) {
    const ImVec2 c(x0 + i * step, p.y + r + 4);
    if (i < typed)
      dl->AddCircleFilled(c, r, colour::text, 24);
    else
      dl->AddCircle(c, r, colour::muted, 24, 3.0f);
  }
  ImGui::Dummy(ImVec2(width, 2 * r + 8));
}

bool pin_pad(Ui& ui, const std::string& prefix, std::string& digits, size_t max_digits, ImVec2 key, bool ok_enabled) {
  // Physical keys (a USB keypad) do the same as the screen. Enter comes as a
  // key held down, or as '\r' among the characters when it was pressed and
  // released within one frame (kiosk.cpp).
  const ImGuiIO& io = ImGui::GetIO();
  bool enter = false;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c >= '0' && c <= '9' && digits.size() < max_digits) digits += char(c);
    enter = enter || c == '\r';
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !digits.empty()) digits.pop_back();
  bool ok = ok_enabled && (enter || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));

  const float x0 = ImGui::GetCursorPosX();
  const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x0);
    const std::string k = keys[i];
    if (k == "erase") {
      if (touch_button(ui, prefix + ".erase", "backspace", "", key,
                       {.tone = Tone::Neutral, .enabled = !digits.empty()}))
        digits.clear();  // one tap clears all: a trainee who mistyped starts over
    } else if (k == "ok") {
      if (touch_button(ui, prefix + ".ok", "check", ui.t("pin.ok"), key,
                       {.tone = Tone::Success, .enabled = ok_enabled && !digits.empty()}))
        ok = true;
    } else if (touch_button(ui, prefix + ".key." + k, "", k, key, {.tone = Tone::Ghost, .font = ui.fonts.title})) {
      if (digits.size() < max_digits) digits += k;
    }
  }
  return ok && !digits.empty();
}

// ---- keyboard ---------------------------------------------------------------------

void text_box(Ui& ui, const std::string& text, const std::string& hint, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  framed_rect(dl, p, ImVec2(p.x + size.x, p.y + size.y), colour::panel, colour::primary, ui.m.radius, 3.0f);
  ImFont* f = ui.fonts.body;
  const bool empty = text.empty();
  const std::string shown = empty ? hint : text + "|";
  auto lines = wrap_lines(f, shown, size.x - 2 * ui.m.pad);
  // Show the end of a long text: the part being typed.
  const size_t fit = std::max<size_t>(1, size_t((size.y - ui.m.pad) / (f->FontSize * 1.15f)));
  const size_t first = lines.size() > fit ? lines.size() - fit : 0;
  float y = p.y + ui.m.pad * 0.5f;
  for (size_t i = first; i < lines.size(); ++i) {
    dl->AddText(f, f->FontSize, ImVec2(p.x + ui.m.pad, y), empty ? colour::muted : colour::text, lines[i].c_str());
    y += f->FontSize * 1.15f;
  }
  ImGui::Dummy(size);
}

namespace {

void pop_utf8(std::string& s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty()) s.pop_back();
}

std::string upper(const std::string& k) {
  if (k == "æ") return "Æ";
  if (k == "ø") return "Ø";
  if (k == "å") return "Å";
  if (k.size() == 1 && k[0] >= 'a' && k[0] <= 'z') return std::string(1, char(k[0] - 'a' + 'A'));
  return k;
}

}  // namespace

float keyboard(Ui& ui, const std::string& prefix, std::string& text, size_t max_chars, float width) {
  const ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c >= 0x20 && utf8_length(text) < max_chars) text += utf8_of(c);
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) pop_utf8(text);

  static const std::vector<std::vector<std::string>> rows = {
      {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "-"},
      {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
      {"a", "s", "d", "f", "g", "h", "j", "k", "l", "æ", "ø"},
      {"z", "x", "c", "v", "b", "n", "m", ",", ".", "/", "&"},
  };
  const float gap = ui.m.gap;
  const float key_w = std::max(ui.m.target * 0.8f, (width - 10 * gap) / 11.0f);
  const float key_h = ui.m.target;
  const ImVec2 start = ImGui::GetCursorPos();
  const bool shift =
      ui.session.keyboard_shift || text.empty() || (text.size() >= 2 && text.substr(text.size() - 2) == ". ");
  for (const auto& row : rows) {
    ImGui::SetCursorPosX(start.x);
    bool first = true;
    for (const auto& k : row) {
      if (!first) ImGui::SameLine();
      first = false;
      const std::string shown = shift ? upper(k) : k;
      if (touch_button(ui, prefix + ".key." + k, "", shown, ImVec2(key_w, key_h), {.tone = Tone::Ghost}) &&
          utf8_length(text) < max_chars) {
        text += shown;
        ui.session.keyboard_shift = false;
      }
    }
  }
  ImGui::SetCursorPosX(start.x);
  if (touch_button(ui, prefix + ".shift", "apple-keyboard-shift", "", ImVec2(key_w * 1.5f, key_h),
                   {.tone = Tone::Neutral, .selected = ui.session.keyboard_shift}))
    ui.session.keyboard_shift = !ui.session.keyboard_shift;
  ImGui::SameLine();
  const float space_w = width - 2 * (key_w * 1.5f + gap) - (key_w * 1.5f + gap);
  if (touch_button(ui, prefix + ".space", "", ui.t("keyboard.space"), ImVec2(std::max(key_w, space_w), key_h),
                   {.tone = Tone::Ghost}) &&
      utf8_length(text) < max_chars)
    text += " ";
  ImGui::SameLine();
  if (touch_button(ui, prefix + ".erase", "backspace", "", ImVec2(key_w * 1.5f, key_h), {.tone = Tone::Neutral}))
    pop_utf8(text);
  ImGui::SameLine();
  if (touch_button(ui, prefix + ".clear", "delete", "", ImVec2(key_w * 1.5f, key_h), {.tone = Tone::Neutral}))
    text.clear();
  return ImGui::GetCursorPosY() - start.y;
}

}  // namespace ft::ui
