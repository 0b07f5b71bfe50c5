// Tap targets and drag-scrolling (see touch.hpp).
#include "terminal/ui/touch.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace ft::ui {

void TouchTargets::record_last_item(const std::string& id, bool enabled) {
  const ImVec2 full_min = ImGui::GetItemRectMin(), full_max = ImGui::GetItemRectMax();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 cmin = dl->GetClipRectMin(), cmax = dl->GetClipRectMax();
  const ImVec2 min(std::max(full_min.x, cmin.x), std::max(full_min.y, cmin.y));
  const ImVec2 max(std::min(full_max.x, cmax.x), std::min(full_max.y, cmax.y));
  if (max.x - min.x < 1 || max.y - min.y < 1) return;  // scrolled out of sight
  const bool clipped = min.x != full_min.x || min.y != full_min.y || max.x != full_max.x || max.y != full_max.y;
  rects[id] = TargetRect{min, max, enabled, clipped};
}

const TargetRect* TouchTargets::find(const std::string& id) const {
  auto it = rects.find(id);
  return it == rects.end() ? nullptr : &it->second;
}

void configure_touch(ImGuiIO& io, float scale) {
  io.MouseDragThreshold = std::max(20.0f, 20.0f * scale);
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need a redraw twice a second
}

bool press_was_drag() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.MouseDragMaxDistanceSqr[0] > io.MouseDragThreshold * io.MouseDragThreshold;
}

void drag_scroll() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows)) return;
  if (!ImGui::IsMouseDragging(0, io.MouseDragThreshold)) return;
  // A press that began on the scrollbar drags the scrollbar, the other way round.
  const float bar_left = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - ImGui::GetStyle().ScrollbarSize - 2;
  if (io.MouseClickedPos[0].x >= bar_left) return;
  ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
  // The finger is scrolling: whatever it pressed first must not fire on release.
  if (ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}

}  // namespace ft::ui
