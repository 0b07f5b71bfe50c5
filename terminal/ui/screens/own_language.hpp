// The trainee's own language and read-aloud, set on their own page (drawn by
// my_progress.cpp): a language button and a read-aloud switch beside the
// journey, and while choosing, the list of languages in place of the skills
// and the week. The button carries the `translate` icon, so a person who
// reads no Danish finds it; each language is named in its own script.
// A choice is written as the trainee (SetLanguage) and the page switches at
// once; in practice it holds for the session only and nothing is written.
#pragma once
#include <imgui.h>

#include "terminal/core/state.hpp"

namespace ft::ui {

class Ui;

// Width of the column that holds the language button and the read-aloud switch.
float own_settings_width(Ui& ui);

// The two buttons, one above the other, centred in [pos, pos + size] (window coordinates).
void own_settings_buttons(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size);

// A refusal of the last choice as a red box at the top of [pos, pos.x + width];
// returns the height it took with the gap below it (0 when there is none).
float own_settings_message(Ui& ui, ImVec2 pos, float width);

// The languages to choose from, in [pos, pos + size], while the list is open.
void language_list(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size);

}  // namespace ft::ui
