#include "terminal/app/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ft {

int open_private_file(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  // O_CREAT's mode applies only to a new file: an old one keeps its own until told.
  if (fd < 0 || ::fchmod(fd, 0600) != 0) {
    error = "could not write " + path + ": " + std::strerror(errno) + ".";
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

bool write_private_file(const std::string& path, std::string_view bytes, std::string& error) {
  const int fd = open_private_file(path, error);
  if (fd < 0) return false;
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "could not write " + path + ": " + std::strerror(errno) + ".";
      ::close(fd);
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (::close(fd) != 0) {
    error = "could not write " + path + ": " + std::strerror(errno) + ".";
    return false;
  }
  return true;
}

}  // namespace ft
