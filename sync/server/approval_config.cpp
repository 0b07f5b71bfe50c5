// Reads the dated internship rule sets; see approval_config.hpp.
#include "sync/server/approval_config.hpp"

#include <toml++/toml.h>

#include <sstream>

namespace ft::server {

namespace {

struct Bad : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string at(const std::string& path, const toml::node& n, const std::string& key) {
  std::ostringstream s;
  s << path << " line " << n.source().begin.line << ": '" << key << "' ";
  return s.str();
}

int weeks_of(const toml::table& t, const std::string& path, const char* key, bool required) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) throw Bad(path + ": a basis needs '" + key + "'.");
    return 0;
  }
  if (!n->is_integer() || *n->value<int64_t>() < 0 || *n->value<int64_t>() > 104)
    throw Bad(at(path, *n, key) + "must be a whole number of weeks from 0 to 104.");
  return static_cast<int>(*n->value<int64_t>());
}

bool flag_of(const toml::table& t, const std::string& path, const char* key) {
  const toml::node* n = t.get(key);
  if (!n) return false;
  if (!n->is_boolean()) throw Bad(at(path, *n, key) + "must be true or false.");
  return *n->value<bool>();
}

ApprovalBasis basis_of(const toml::node& n, const std::string& path) {
  const toml::table* t = n.as_table();
  if (!t) throw Bad(at(path, n, "bases") + "must hold tables such as { key = \"lab61-4w\", max_weeks = 4 }.");
  ApprovalBasis b;
  auto key = (*t)["key"].value<std::string>();
  if (!key || key->empty()) throw Bad(at(path, n, "key") + "must name the basis, e.g. \"lab61-13w\".");
  b.key = *key;
  b.max_weeks = weeks_of(*t, path, "max_weeks", true);
  b.extension = flag_of(*t, path, "extension");
  b.after_weeks = weeks_of(*t, path, "after_weeks", false);
  b.reason_required = flag_of(*t, path, "reason_required");
  return b;
}

}  // namespace

std::optional<std::vector<ApprovalRuleSet>> load_approval_rules(const std::string& path, std::string& error) {
  try {
    const toml::table doc = toml::parse_file(path);
    const toml::array* sets = doc["internship_rules"].as_array();
    if (!sets || sets->empty()) throw Bad(path + " has no [[internship_rules]] set.");
    std::vector<ApprovalRuleSet> out;
    for (const auto& node : *sets) {
      const toml::table* t = node.as_table();
      if (!t) throw Bad(path + ": each [[internship_rules]] is a table.");
      ApprovalRuleSet set;
      auto from = (*t)["from"].value<std::string>();
      auto day = from ? parse_day(*from) : std::nullopt;
      if (!day) throw Bad(at(path, node, "from") + "must be the day the set takes effect, as YYYY-MM-DD.");
      set.from = *day;
      for (const auto& existing : out)
        if (existing.from == set.from) throw Bad(at(path, node, "from") + "names a day another set already has.");
      const toml::array* bases = (*t)["bases"].as_array();
      if (!bases || bases->empty()) throw Bad(at(path, node, "bases") + "must list the set's bases.");
      for (const auto& b : *bases) set.bases.push_back(basis_of(b, path));
      out.push_back(std::move(set));
    }
    return out;
  } catch (const toml::parse_error& e) {
    std::ostringstream s;
    s << path << " line " << e.source().begin.line << ": " << e.description() << ".";
    error = s.str();
  } catch (const Bad& e) {
    error = e.what();
  }
  return std::nullopt;
}

}  // namespace ft::server
