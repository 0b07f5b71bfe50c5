// Touch helpers: a registry of the tap targets drawn in a frame (tests find
// them by a stable id and tap their centre), the tap rule (a press that
// turned into a drag is not a tap) and drag-to-scroll for lists, all with
// ImGui 1.86's public API as DESIGN.md §6 describes.
#pragma once
#include <imgui.h>

#include <map>
#include <string>

namespace ft::ui {

struct TargetRect {
  ImVec2 min, max;
  bool enabled = true;
  bool clipped = false;  // partly scrolled out of sight: smaller than drawn
  ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  float height() const { return max.y - min.y; }
  float width() const { return max.x - min.x; }
};

// Rects of the touch targets visible in the last frame, keyed by id
// ("board.tile.<trainee id>", "pin.key.7", ...). Cleared at each frame start.
struct TouchTargets {
  std::map<std::string, TargetRect> rects;
  void begin_frame() { rects.clear(); }
  // Records the item just submitted, clipped to what the window shows; an
  // item scrolled out of sight is not recorded (it cannot be tapped).
  void record_last_item(const std::string& id, bool enabled);
  const TargetRect* find(const std::string& id) const;
};

// Finger-friendly input settings: a drag threshold of about 20 px.
void configure_touch(ImGuiIO& io, float scale);

// True when the press that just ended moved further than the drag threshold:
// the finger scrolled a list, it did not tap.
bool press_was_drag();

// Call inside a scrolling child window after its content: scrolls it while
// the finger drags across it, and cancels the press of the item under the
// finger once the drag passed the threshold.
void drag_scroll();

}  // namespace ft::ui
