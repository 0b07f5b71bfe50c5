// The screenshot command (see screenshot.hpp): a hidden GLFW window of the
// requested size, the screen's demo subject picked from the data, a few
// frames so the layout settles, then the back buffer read with glReadPixels
// and written as a PNG through libpng (png_file.hpp).
#include "terminal/app/screenshot.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "terminal/app/environment.hpp"
#include "terminal/app/gl_window.hpp"
#include "terminal/app/png_file.hpp"
#include "terminal/app/startup_worker.hpp"
#include "terminal/store/centre.hpp"
#include "terminal/ui/gl_frame.hpp"
#include "terminal/ui/screen_registry.hpp"
#include "terminal/ui/setup.hpp"
#include "terminal/ui/ui.hpp"

namespace ft {
namespace {

struct ShotArgs {
  std::string db, screen, out, lang = "da", config;
  int width = 1920, height = 1080;
  bool list = false;
};

std::optional<ShotArgs> parse(const std::vector<std::string>& args, std::ostream& err) {
  ShotArgs a;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& k = args[i];
    if (k == "--list") {
      a.list = true;
      continue;
    }
    static const char* const with_value[] = {"--db", "--screen", "--out", "--lang", "--size", "--config"};
    bool known = false;
    for (const char* w : with_value) known = known || k == w;
    if (!known) {
      err << "screenshot: unknown option " << k << "; see floor-terminal --help.\n";
      return std::nullopt;
    }
    if (i + 1 >= args.size()) {
      err << "screenshot: " << k << " needs a value.\n";
      return std::nullopt;
    }
    const std::string& v = args[++i];
    if (k == "--db")
      a.db = v;
    else if (k == "--screen")
      a.screen = v;
    else if (k == "--out")
      a.out = v;
    else if (k == "--lang")
      a.lang = v;
    else if (k == "--config")
      a.config = v;
    else if (k == "--size") {
      int w = 0, h = 0;
      char x = 0, extra = 0;
      if (std::sscanf(v.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w < 320 || h < 240 ||
          w > 7680 || h > 4320) {
        err << "screenshot: --size must be WIDTHxHEIGHT, for example 1920x1080 (320x240 to 7680x4320).\n";
        return std::nullopt;
      }
      a.width = w;
      a.height = h;
    }
  }
  return a;
}

}  // namespace

int cli_screenshot(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto a = parse(args, err);
  if (!a) return 2;
  if (a->list) {
    for (const auto& s : ui::screens().all())
      if (s.listed) out << s.name << "\n";
    return 0;
  }
  if (a->db.empty() || a->screen.empty() || a->out.empty()) {
    err << "screenshot: give --db PATH, --screen NAME and --out FILE.png (or --list).\n";
    return 2;
  }
  const ui::ScreenDef* def = ui::screens().find(a->screen);
  if (!def) {
    err << "screenshot: there is no screen called '" << a->screen << "'; screenshot --list names them.\n";
    return 2;
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(a->db, ec)) {
    err << "screenshot: the database " << a->db << " does not exist.\n";
    return 1;
  }
  std::string error;
  auto env = load_environment(a->config, error);
  if (!env) {
    err << error << "\n";
    return 1;
  }
  if (!env->languages.count(a->lang)) {
    err << "screenshot: there is no language '" << a->lang << "'.\n";
    return 2;
  }
  GlfwLibrary glfw;
  if (!glfw.ok()) {
    err << "screenshot: no display; set DISPLAY or run under xvfb-run.\n";
    return 1;
  }
  // The kiosk's start (startup_worker.hpp): the worker folds the database and
  // builds the font atlas while this thread loads the GL driver.
  std::unique_ptr<Centre> centre;
  StoreError store_error;
  StartupWorker worker(
      float(a->width), float(a->height), [&env] { return &*env; },
      [&](const Environment& e) { centre = Centre::open(a->db, e.rules, e.catalogue, store_error); });
  WindowSpec spec;
  spec.width = a->width;
  spec.height = a->height;
  spec.title = "floor-terminal screenshot";
  spec.hidden = true;
  GlWindow window(glfw, spec);
  if (!window.get()) {
    err << "screenshot: no OpenGL window could be created on this display.\n";
    return 1;
  }
  worker.wait();
  if (!centre) {
    err << refusal_text(env->tr(a->lang), Refusal{"store." + store_error.code, {{"path", a->db}}}) << "\n";
    return 1;
  }
  glfwMakeContextCurrent(window.get());
  IMGUI_CHECKVERSION();
  auto built = worker.finish(error);
  if (!built) {
    err << error << "\n";
    return 1;
  }
  const ui::Resources& res = window.start_imgui(std::move(built), /*input=*/false);  // nothing but the picture
  ui::UiOptions options;
  options.language = a->lang;
  ui::Ui ui(*centre, env->languages, res.fonts, res.icons, res.metrics, options);
  ui::SilentSpeaker silent;  // a picture only: nothing is said
  ui.set_speaker(&silent);
  if (def->demo)
    def->demo(ui);
  else
    ui.show(def->id);
  ui.session.language = a->lang;  // --lang decides, also where a trainee's own language would
  // Three frames: the first lays out, later ones settle sizes that depend on earlier frames.
  for (int i = 0; i < 3; ++i) ui::draw_gl_frame(window.get(), ui);
  int w = 0, h = 0;
  glfwGetFramebufferSize(window.get(), &w, &h);
  std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (ui.session.screen != def->id)
    err << "screenshot: note: the screen '" << def->name << "' needs data this database lacks; showing '"
        << ui::screen_name(ui.session.screen) << "'.\n";
  if (!write_png_bottom_up(a->out, pixels.data(), w, h, error)) {
    err << "screenshot: " << error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace ft
