// Host firms (værtsvirksomheder) for internships: the CVR number's check and
// the ratio rule. Pure functions; the firms themselves are folded into
// State::hosts from HostRegistered events.
//
// The ratio (rimelighedskravet, BEK om en aktiv beskæftigelsesindsats § 92,
// the rule DOMAIN.md calls merforanstaltningsreglen): people in internship
// and wage-subsidised jobs together may be at most
//   1 for every 5 ordinary staff in a firm of 0-50 staff, always at least 1,
//   and beyond that 1 for every 10 ordinary staff over 50.
// So 4 staff: 1, 5: 1, 50: 10, 51: 10, 60: 11. DOMAIN.md's short form
// ("over 50, 1 per 10") would drop from 10 places at 50 staff to 5 at 51;
// the order's wording ("og herudover") adds to the first 50 instead.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ft {

// True for 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.
bool cvr_valid(std::string_view cvr);

// How many people in internship or wage subsidy a firm with `staff` ordinary staff may take.
int host_places(int staff);

// Accepts "12345678" and "DK 12 34 56 78"-style input: the digits, or nullopt
// when what is left is not 8 digits.
std::optional<std::string> normalise_cvr(std::string_view text);

}  // namespace ft
