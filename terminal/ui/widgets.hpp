// The kiosk's building blocks, drawn with ImGui's draw lists so they stay
// readable at arm's length: touch buttons (icon beside or above words,
// wrapped text, recorded as tap targets), the screen frame and top bar,
// avatars, level pips, the PIN pad, an on-screen keyboard with æ ø å.
//
// Sections: text · buttons · screen frame · people and progress · PIN pad ·
// keyboard.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "terminal/ui/theme.hpp"

namespace ft::ui {

class Ui;

// ---- text
// Splits `text` into lines no wider than `width` at `font`'s size.
std::vector<std::string> wrap_lines(ImFont* font, const std::string& text, float width);
float text_width(ImFont* font, const std::string& text);
// Text at the cursor, wrapped to `wrap_width` (0: the rest of the region).
void label(const std::string& text, ImFont* font, ImU32 colour = colour::text, float wrap_width = 0);
// Text centred in [x, x + width] at the cursor's line, wrapped.
void label_centred(const std::string& text, ImFont* font, ImU32 colour, float width);

// ---- buttons
struct ButtonOpts {
  Tone tone = Tone::Primary;
  bool selected = false;  // a chosen option: outlined, with a tick
  bool enabled = true;
  bool stacked = false;    // icon above the words (grid tiles)
  ImFont* font = nullptr;  // the words' font; bold when unset
  std::string sub;         // a second line in smaller type
  std::string avatar_id;   // with avatar_name: a person's avatar instead of the icon
  std::string avatar_name;
  std::optional<bool> tick;  // the tick in the corner: shown when selected unless said otherwise
};
// A touch target of `size` (x <= 0: as wide as its words; y <= 0: the target
// height). Returns true on a tap: released on the button, not dragged.
bool touch_button(Ui& ui, const std::string& id, const std::string& icon, const std::string& text, ImVec2 size,
                  const ButtonOpts& opts = {});
// Width a non-stacked button needs for these words.
float button_width(Ui& ui, const std::string& icon, const std::string& text, ImFont* font = nullptr);
// What a button that can be selected needs beside its words for the tick in its corner.
float tick_room(const Ui& ui);

// ---- screen frame
// A full-display window with the top bar: a home button (except on the board),
// the title, the staff's name and navigation when a staff member is logged
// in, today's date and the clock. Returns the body's top-left and size.
struct Body {
  ImVec2 pos, size;
};
Body begin_screen(Ui& ui, const std::string& title, const std::string& icon, bool home_button = true);
void end_screen();
// A scrolling region that follows the finger (drag to scroll).
void begin_scroll(const char* id, ImVec2 size);
void end_scroll();
// While `on`, every scrolling list begun opens at its top (Ui::frame sets it
// for the first frame of a screen, or of another person on the same screen).
void scroll_lists_to_top(bool on);
// The short notice (ui.session.banner: an unknown card, a refused scan) as a
// warning strip of `size` at the cursor; a tap on it returns true. Its touch
// target is "notice.banner".
bool notice_banner(Ui& ui, ImVec2 size);
// A rounded white panel behind the next content of `size` at the cursor.
void panel_background(ImVec2 pos, ImVec2 size, ImU32 fill = colour::panel);
// Opaque fills drawn beneath everything else on a draw list, and without
// blending. ImGui blends every pixel it draws, and on a CPU rasteriser
// (Mesa's llvmpipe on the terminal) that is a sixth of a full board's
// drawing. For fills nothing shows through and that overlap nothing drawn
// before them (the board's tiles): all of them go first.
class OpaqueFills {
 public:
  explicit OpaqueFills(ImDrawList* dl);
  ~OpaqueFills();  // the list: the fills, then everything drawn on it meanwhile
  OpaqueFills(const OpaqueFills&) = delete;
  OpaqueFills& operator=(const OpaqueFills&) = delete;
  // A rounded rectangle without anti-aliasing (a fading edge needs
  // blending): its edge must lie under an outline, as framed_rect puts it.
  void add(ImVec2 a, ImVec2 b, ImU32 colour, float radius);

 private:
  ImDrawList* dl_;
  ImDrawListSplitter split_;
};

// A filled rounded rectangle outlined `thickness` wide, the outline wholly
// inside [a, b]. ImGui centres a stroke on its path, so an outline drawn on an
// item's own edge reaches past it and is cut off where a scrolling list
// clips, at the list's edges. With `fills`, the fill goes there.
void framed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 outline, float radius, float thickness,
                 OpaqueFills* fills = nullptr);

// ---- people and progress
void avatar(Ui& ui, ImVec2 centre, float radius, const std::string& id, const std::string& full_name);
// Four dots: filled up to `level`, the target dot ringed. Returns the width used.
float level_pips(ImDrawList* dl, ImVec2 pos, float dot, int level, int target);
void status_dot(ImDrawList* dl, ImVec2 centre, float radius, ImU32 colour);

// ---- PIN pad
// Dots for the digits typed so far.
void pin_dots(Ui& ui, size_t typed, size_t max_digits, float width);
// 1–9, erase, 0, OK as a 3×4 grid of `key` squares at the cursor. Physical
// digits, Backspace and Enter work too. Returns true when OK was tapped.
bool pin_pad(Ui& ui, const std::string& prefix, std::string& digits, size_t max_digits, ImVec2 key,
             bool ok_enabled = true);

// ---- keyboard
void text_box(Ui& ui, const std::string& text, const std::string& hint, ImVec2 size);
// A Danish on-screen keyboard editing `text` (physical keys work too).
// Returns the height it used.
float keyboard(Ui& ui, const std::string& prefix, std::string& text, size_t max_chars, float width);

}  // namespace ft::ui
