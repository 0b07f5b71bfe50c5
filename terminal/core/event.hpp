// Events are the truth: every change to the centre is one immutable event.
// The same struct travels from decide() to the store, over the wire and back
// into evolve(); its JSON form (to_json/from_json) is the wire format that
// sync/PROTOCOL.md documents.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "terminal/core/hlc.hpp"

namespace ft {

using Json = nlohmann::json;

constexpr int kEventSchemaVersion = 1;

// Event type names, stable on the wire.
namespace ev {
inline constexpr const char* kCentreNamed = "CentreNamed";
inline constexpr const char* kTraineeEnrolled = "TraineeEnrolled";
inline constexpr const char* kTraineeUpdated = "TraineeUpdated";  // name, display name, language, badge
inline constexpr const char* kPinSet = "PinSet";
inline constexpr const char* kStaffAdded = "StaffAdded";
inline constexpr const char* kCheckedIn = "CheckedIn";
inline constexpr const char* kCheckedOut = "CheckedOut";
inline constexpr const char* kCheckoutProposed = "CheckoutProposed";   // the trainee's answer next morning
inline constexpr const char* kCheckoutConfirmed = "CheckoutConfirmed"; // staff confirm the proposal
inline constexpr const char* kAbsenceRecorded = "AbsenceRecorded";
inline constexpr const char* kAbsenceHandled = "AbsenceHandled";  // the jobcentre acted on a no-show or lateness (server)
inline constexpr const char* kSkillAssessed = "SkillAssessed";
inline constexpr const char* kStageChanged = "StageChanged";
inline constexpr const char* kInternshipConfirmed = "InternshipConfirmed";
inline constexpr const char* kHostRegistered = "HostRegistered";        // a host firm: cvr, name, staff
inline constexpr const char* kInternshipAgreed = "InternshipAgreed";    // an agreement or its extension
inline constexpr const char* kInternshipApproved = "InternshipApproved";  // the jobcentre's weeks (server only)
inline constexpr const char* kNoteAdded = "NoteAdded";
inline constexpr const char* kLockLifted = "LockLifted";
inline constexpr const char* kTraineeRedacted = "TraineeRedacted";
}  // namespace ev

// The actor of the events the municipal server writes for the jobcentre
// (referrals, staff, approvals). The server refuses it, and any jobcentre-only
// type, from a terminal: only the server speaks for the jobcentre.
inline constexpr const char* kJobcentreActor = "jobcentre";

// The terminal id of the events the municipal server writes. No terminal can
// push under it (the server takes a push only under the pusher's own id, and
// join never hands this one out), so it, not the self-declared actor, is what
// says an event is the jobcentre's.
inline constexpr const char* kServerTerminalId = "server";

namespace ev {
// The types only the jobcentre makes: the server refuses them from a
// terminal, and the fold counts them only when they come from the server.
inline bool is_jobcentre_only(std::string_view type) {
  return type == kInternshipApproved || type == kAbsenceHandled;
}
}  // namespace ev

struct Event {
  std::string event_id;     // UUIDv7, unique everywhere
  std::string terminal_id;  // where it happened ("server" for jobcentre-side events)
  std::int64_t terminal_seq = 0;  // gap-free per terminal, never reused
  std::string actor_id;     // staff id, trainee id or "admin"
  Hlc hlc = 0;
  std::int64_t wall_ms = 0;  // the terminal's wall clock, for people; ordering uses hlc
  std::string type;
  Json payload = Json::object();
  int schema = kEventSchemaVersion;
};

// Total order used wherever an order is needed: (hlc, terminal_id, event_id).
bool event_before(const Event& a, const Event& b);

Json event_to_json(const Event& e);
// Strict: every field present with its type, sizes bounded. Returns the error in `error`.
std::optional<Event> event_from_json(const Json& j, std::string& error);

}  // namespace ft
