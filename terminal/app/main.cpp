// floor-terminal: the kiosk by default, or one subcommand (see cli.cpp).
#include <string>
#include <vector>

#include "terminal/app/cli.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return ft::run_cli(args);
}
