// The command-line subcommands (DESIGN.md §5, a contract). Each prints its
// result on stdout; a refusal is one sentence on stderr and a non-zero exit,
// and nothing is written.
#pragma once
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "terminal/app/args.hpp"
#include "terminal/app/environment.hpp"
#include "terminal/store/centre.hpp"

namespace ft {

// Exit codes: 0 done, 1 refused by a rule, 2 bad usage, 3 the store failed.
enum ExitCode { kExitOk = 0, kExitRefused = 1, kExitUsage = 2, kExitStore = 3 };

// What a subcommand works with: its arguments, streams, environment and the
// open centre (opened on demand).
struct Cli {
  const Args& args;
  std::ostream& out;
  std::ostream& err;
  Environment env;
  std::string language;  // of messages: FT_LANG, else LANG (da_* -> da), else en
  std::unique_ptr<Centre> centre;

  const Translations& tr() const { return env.tr(language); }
  // Fails with kExitUsage when a required option is missing.
  std::optional<std::string> need(const std::string& option);
  bool only(const std::vector<std::string>& allowed);  // refuses options the command does not know
  bool open(bool must_exist = false);  // opens --db into `centre`
  int refused(const Refusal& r);
  int usage(const std::string& sentence);
  // --as STAFF --pin PIN: the staff member acting, after the PIN check.
  std::optional<Actor> staff_actor();
  int report(const Outcome& outcome);  // prints a refusal, or nothing; returns the exit code
};

int run_cli(const std::vector<std::string>& argv);

// Subcommands (cli_*.cpp)
int cmd_enrol(Cli& cli);
int cmd_add_staff(Cli& cli);
int cmd_skills(Cli& cli);
int cmd_checkin(Cli& cli, bool in);
int cmd_assess(Cli& cli);
int cmd_stage(Cli& cli);
int cmd_host(Cli& cli);
// cli_internship.cpp: the agreement options of `stage --to internship` are given.
bool has_agreement_options(const Cli& cli);
int cmd_agree_internship(Cli& cli, const std::string& trainee, const Actor& actor);
int cmd_absence(Cli& cli);
int cmd_language(Cli& cli);
int cmd_status(Cli& cli);
int cmd_verify(Cli& cli);
int cmd_seed_demo(Cli& cli);
int cmd_report(Cli& cli);
int cmd_backup(Cli& cli);
int cmd_export_person(Cli& cli);
int cmd_erase_expired(Cli& cli);

}  // namespace ft
