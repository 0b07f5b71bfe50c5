// The internship agreement on the supervisor's stage panel (trainee.cpp),
// touch-first: a registered host firm as a button, the start (today, next
// Monday, or as agreed), weeks and hours a week with − and + steppers, and
// the purpose typed on the on-screen keyboard. Core (AgreeInternship) checks
// the terms; this draws them and builds the command. Also the one-line
// summaries of an agreement that the review and the dashboard show.
#pragma once
#include <imgui.h>

#include <string>

#include "terminal/core/commands.hpp"
#include "terminal/core/internship.hpp"

namespace ft::ui {

class Ui;

// True when the centre has registered host firms (else the old free-text host is asked for).
bool has_registered_hosts(const Ui& ui);
// Fills the draft from the trainee's current agreement and approval, once per choice of stage.
void fill_agreement_draft(Ui& ui, const Trainee& t);
// The host, start, weeks, hours and purpose choices in [pos, pos + size] (window coordinates).
void agreement_fields(Ui& ui, const Trainee& t, ImVec2 pos, ImVec2 size);
bool agreement_ready(const Ui& ui);
AgreeInternship agreement_command(const Ui& ui, const Trainee& t);

// "Elite Miljø A/S · 30 h/week · until 3 Mar (31 d) · approved 13 weeks" (one line on the review).
std::string agreement_summary(Ui& ui, const InternshipView& v, Day today);
// Short, for a table cell: "31 d left" or "awaiting", "4 d over".
std::string agreement_short(Ui& ui, const InternshipView& v);

}  // namespace ft::ui
