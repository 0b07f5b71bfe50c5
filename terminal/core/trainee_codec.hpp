// One trainee's folded state as JSON, losslessly, whole or in parts: the
// municipal server keeps each trainee's fold in projection rows
// (sync/server/projection.hpp) — one for the person, one per day, one per
// stage change, assessment and note — so that folding an event rewrites only
// the rows it touches. Every field is kept (registers with their hlc and
// event id, the days with their stamps), so folding some events, encoding,
// decoding and folding the rest gives exactly the state of folding them all
// (tests/unit/trainee_codec_test.cpp).
#pragma once
#include "terminal/core/event.hpp"
#include "terminal/core/state.hpp"

namespace ft {

// The person: id, registers, flags, enrolment and internship confirmation.
Json trainee_core_to_json(const Trainee& t);
void trainee_core_from_json(const Json& j, Trainee& t);
// One day: its attendance, its absence and the jobcentre's mark on it, any may be missing.
Json trainee_day_to_json(const Trainee& t, Day day);
void trainee_day_from_json(const Json& j, Day day, Trainee& t);
// The kinds of history item, each keyed by its event id.
enum class TraineeItem { Stage, Assessment, Note, Agreement, Approval };
inline constexpr TraineeItem kTraineeItems[] = {TraineeItem::Stage, TraineeItem::Assessment, TraineeItem::Note,
                                                TraineeItem::Agreement, TraineeItem::Approval};
const char* trainee_item_name(TraineeItem kind);  // "stage", "assessment", "note", "agreement", "approval"
Json stage_to_json(const StageChange& c);
Json assessment_to_json(const Assessment& a);
Json note_to_json(const Note& n);
Json agreement_to_json(const Agreement& a);
Json approval_to_json(const Approval& a);
// Appends the item to its list; call sort_history() after the last one.
void trainee_item_from_json(TraineeItem kind, const Json& j, Trainee& t);
void sort_history(Trainee& t);

// The whole trainee in one object.
Json trainee_to_json(const Trainee& t);
// Throws Json exceptions on text that trainee_to_json did not write.
Trainee trainee_from_json(const Json& j);

}  // namespace ft
