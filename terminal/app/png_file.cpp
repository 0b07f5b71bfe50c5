// See png_file.hpp.
#include "terminal/app/png_file.hpp"

#include "terminal/app/private_file.hpp"

#include <fcntl.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>

namespace ft {
namespace {

// libpng reports errors by longjmp to here; nothing with a destructor may
// live in this function, so the caller turns the result into words.
bool write_rows(std::FILE* file, const unsigned char* rgb, int width, int height) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level(png, 1);
  png_write_info(png, info);
  const size_t stride = size_t(width) * 3;
  for (int y = height - 1; y >= 0; --y) png_write_row(png, rgb + size_t(y) * stride);  // OpenGL's bottom row last
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

bool write_png_bottom_up(const std::string& path, const unsigned char* rgb, int width, int height, std::string& error) {
  const int fd = open_private_file(path, error);
  if (fd < 0) return false;
  std::FILE* file = fdopen(fd, "wb");
  if (!file) {
    error = "could not write " + path + ": " + std::strerror(errno) + ".";
    ::close(fd);
    return false;
  }
  const bool written = write_rows(file, rgb, width, height);
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    error = "could not write " + path + " (is the disk full?).";
    return false;
  }
  return true;
}

}  // namespace ft
