// Sections: formatting helpers · the centre overview · one trainee · CSV.
#include "terminal/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "terminal/core/day_words.hpp"
#include "terminal/core/internship.hpp"
#include "terminal/core/progress.hpp"
#include "terminal/core/trainee_status.hpp"

namespace ft {

// ---- formatting helpers ---------------------------------------------------------------------

namespace {
// A no-break space keeps "39 %" on one line.
std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "\u00a0%"; }

// Danish, Polish and Ukrainian write 2,5 where English writes 2.5.
bool decimal_comma(const std::string& language) { return language == "da" || language == "pl" || language == "uk"; }

std::string one_decimal(double v, const std::string& language) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(1);
  s << v;
  auto text = s.str();
  if (decimal_comma(language))
    for (auto& c : text)
      if (c == '.') c = ',';
  return text;
}

Json trainee_json(const Trainee& t, const ReportSource& src, const Translations& tr) {
  return trainee_status_json(t, *src.catalogue, src.rules, src.today, tr);
}

const Trainee* find_trainee(const ReportSource& src, const std::string& id) {
  for (const Trainee* t : src.trainees)
    if (t->id == id) return t;
  return nullptr;
}

// Between a worded day's words: a no-break space, so a narrow table column keeps "9. juli 2026" on one line.
const std::string kNoBreak = "\u00a0";

std::string unbroken_day(const Translations& tr, Day day) { return day_in_words(tr, day, kNoBreak); }

// A day: ISO for the CSV, in words for the PDF.
ReportCell day_cell(const Translations& tr, Day day) {
  ReportCell cell(format_day(day));
  cell.words = unbroken_day(tr, day);
  return cell;
}

// A reason with its days (core gives them as ISO parameters) worded for the PDF.
ReportCell reason_cell(const Translations& tr, const Reason& r) {
  ReportCell cell(refusal_text(tr, Refusal{r.code, r.params}, "reason."));
  cell.words = refusal_text(tr, Refusal{r.code, days_worded(tr, r.params, kNoBreak)}, "reason.");
  return cell;
}

// The agreements of those in internship now: host, terms, end and approval
// (internship.hpp); the purpose is in each trainee's own report.
ReportTable internship_table(const std::vector<const Trainee*>& trainees, Day today, const Translations& tr) {
  ReportTable table{tr("report.internships"),
                    {tr("report.col.name"), tr("report.col.host"), tr("report.col.cvr"), tr("report.col.start"),
                     tr("report.col.weeks"), tr("report.col.hours"), tr("report.col.ends"), tr("report.col.approved"),
                     tr("report.col.days_left")},
                    {}};
  for (const Trainee* t : trainees) {
    const auto v = current_internship(*t, today);
    if (!v) continue;
    const Agreement& a = *v->agreement;
    table.rows.push_back({t->name.value, a.host, a.cvr, day_cell(tr, a.start), std::to_string(a.weeks),
                          std::to_string(a.hours), day_cell(tr, v->ends),
                          v->approved_weeks ? std::to_string(*v->approved_weeks) : tr("internship.short_awaiting"),
                          std::to_string(v->days_left)});
  }
  return table;
}
}  // namespace

// ---- the centre overview -------------------------------------------------------------------

ReportDoc centre_report(const ReportSource& src, const Translations& tr) {
  ReportDoc doc;
  const Day today = src.today;
  doc.title = tr("report.centre_title");
  doc.author = src.centre_name;
  doc.facts = {{tr("report.centre"), src.centre_name},
               {tr("report.date"), day_cell(tr, today)},
               {tr("report.capacity"), std::to_string(src.in_centre) + " / " + std::to_string(src.capacity)}};
  ReportTable table;
  table.columns = {tr("report.col.name"), tr("report.col.stage"), tr("report.col.host"), tr("report.col.started"),
                   tr("report.col.months"), tr("report.col.days_left"), tr("report.col.rate_28d"),
                   tr("report.col.rate_total"), tr("report.col.skills"), tr("report.col.skills_required"),
                   tr("report.col.status"), tr("report.col.reasons")};
  std::vector<const Trainee*> trainees;
  for (const Trainee* t : src.trainees)
    if (t->enrolled) trainees.push_back(t);
  std::sort(trainees.begin(), trainees.end(), [](auto* a, auto* b) { return a->name.value < b->name.value; });
  Json rows = Json::array();
  for (const Trainee* t : trainees) {
    const auto p = progress(*t, *src.catalogue, src.rules, today);
    ReportCell reasons;
    for (const auto& r : p.reasons) {
      const ReportCell reason = reason_cell(tr, r);
      const std::string gap = reasons.text.empty() ? "" : " ";
      reasons.text += gap + reason.text;
      reasons.words += gap + reason.for_person();
    }
    table.rows.push_back({t->name.value, tr(std::string("stage.") + stage_name(t->stage())), t->host(),
                          p.started ? day_cell(tr, *p.started) : ReportCell(),
                          one_decimal(p.months_in_course, tr.language), p.days_left ? std::to_string(*p.days_left) : "",
                          percent(p.last_28d.rate()), percent(p.total.rate()),
                          // Two numbers, not "9/30": a spreadsheet reads that as a date.
                          std::to_string(p.skills_at_target), std::to_string(p.skills_required),
                          tr(std::string("guarantee.") + guarantee_name(p.status)), reasons});
    rows.push_back(trainee_json(*t, src, tr));
  }
  doc.tables.push_back(std::move(table));
  if (auto agreements = internship_table(trainees, today, tr); !agreements.rows.empty())
    doc.tables.push_back(std::move(agreements));
  doc.data = Json{{"report", "centre"}, {"centre", src.centre_name}, {"date", format_day(today)},
                  {"capacity", src.capacity}, {"in_centre", src.in_centre}, {"trainees", rows}};
  return doc;
}

// ---- one trainee ---------------------------------------------------------------------------------

std::optional<ReportDoc> trainee_report(const ReportSource& src, const std::string& id, const Translations& tr,
                                        bool include_health) {
  const Trainee* t = find_trainee(src, id);
  if (!t) return std::nullopt;
  const Day today = src.today;
  const auto p = progress(*t, *src.catalogue, src.rules, today);
  ReportDoc doc;
  doc.title = tr("report.trainee_title");
  doc.author = src.centre_name;
  ReportCell period;
  if (p.started) {
    const Day last = t->ended_on().value_or(today);
    period.text = format_day(*p.started) + " – " + format_day(last);
    period.words = unbroken_day(tr, *p.started) + " – " + unbroken_day(tr, last);
  }
  doc.facts = {{tr("report.centre"), src.centre_name},
               {tr("report.col.name"), t->name.value},
               {tr("report.period"), period},
               {tr("report.col.stage"),
                tr(std::string("stage.") + stage_name(t->stage())) + (t->host().empty() ? "" : " – " + t->host())},
               {tr("report.col.months"), one_decimal(p.months_in_course, tr.language)},
               {tr("report.col.days_left"), p.days_left ? std::to_string(*p.days_left) : "–"},
               {tr("report.col.status"), tr(std::string("guarantee.") + guarantee_name(p.status))},
               {tr("report.date"), day_cell(tr, today)}};

  ReportTable attendance{tr("report.attendance"), {tr("report.col.measure"), tr("report.col.last_28d"), tr("report.col.total")}, {}};
  auto row = [&](const std::string& label, int a, int b) {
    attendance.rows.push_back({label, std::to_string(a), std::to_string(b)});
  };
  attendance.rows.push_back({tr("report.rate"), percent(p.last_28d.rate()), percent(p.total.rate())});
  row(tr("report.expected_days"), p.last_28d.expected, p.total.expected);
  row(tr("report.present_days"), p.last_28d.present, p.total.present);
  row(tr("report.late_days"), p.last_28d.late, p.total.late);
  row(tr("absence.sick"), p.last_28d.sick, p.total.sick);
  row(tr("absence.legitimate"), p.last_28d.legitimate, p.total.legitimate);
  row(tr("absence.not_legitimate"), p.last_28d.not_legitimate, p.total.not_legitimate);
  row(tr("report.unrecorded_days"), p.last_28d.unrecorded, p.total.unrecorded);
  row(tr("report.forgotten_checkouts"), p.last_28d.forgotten_checkouts, p.total.forgotten_checkouts);
  doc.tables.push_back(attendance);

  ReportTable skills{tr("report.skills") + " (" + std::to_string(p.skills_at_target) + "/" + std::to_string(p.skills_required) + ")",
                     {tr("report.col.skill"), tr("report.col.level"), tr("report.col.target"), tr("report.col.assessed_on")}, {}};
  const auto latest = t->latest_assessments();
  Json skills_json = Json::array();
  for (const auto& sk : src.catalogue->skills) {
    auto it = latest.find(sk.key);
    const std::string& label = sk.label(tr.language);
    const int level = it == latest.end() ? 0 : it->second->level;
    skills.rows.push_back({label, level ? std::to_string(level) : "–", std::to_string(sk.target),
                           it == latest.end() ? ReportCell() : day_cell(tr, it->second->day)});
    skills_json.push_back({{"key", sk.key}, {"level", level ? Json(level) : Json(nullptr)}, {"target", sk.target},
                           {"assessed_on", it == latest.end() ? Json(nullptr) : Json(format_day(it->second->day))}});
  }
  doc.tables.push_back(skills);

  ReportTable stages{tr("report.stage_history"), {tr("report.date"), tr("report.col.stage"), tr("report.col.host")}, {}};
  Json stages_json = Json::array();
  for (const auto& c : t->stages) {
    std::string detail = c.host;
    if (c.to == Stage::Exited) detail = tr("exit." + (c.exit_reason.empty() ? std::string("other") : c.exit_reason));
    stages.rows.push_back({day_cell(tr, c.day), tr(std::string("stage.") + stage_name(c.to)), detail});
    stages_json.push_back({{"date", format_day(c.day)}, {"stage", stage_name(c.to)}, {"detail", detail}});
  }
  doc.tables.push_back(stages);

  if (const auto v = current_internship(*t, today)) {
    const Agreement& a = *v->agreement;
    ReportTable agreement{tr("report.agreement"), {tr("report.col.measure"), tr("report.col.value")}, {}};
    agreement.rows = {{tr("report.col.host"), a.host},
                      {tr("report.col.cvr"), a.cvr},
                      {tr("report.col.start"), day_cell(tr, a.start)},
                      {tr("report.col.weeks"), std::to_string(a.weeks)},
                      {tr("report.col.hours"), std::to_string(a.hours)},
                      {tr("report.col.purpose"), a.purpose},
                      {tr("report.col.ends"), day_cell(tr, v->ends)},
                      {tr("report.col.approved"),
                       v->approved_weeks ? std::to_string(*v->approved_weeks) : tr("internship.short_awaiting")},
                      {tr("report.col.days_left"), std::to_string(v->days_left)}};
    doc.tables.push_back(agreement);
  }

  ReportTable absences{tr("report.absences"), {tr("report.date"), tr("report.col.kind"), tr("report.col.cause")}, {}};
  for (const auto& [day, a] : t->absences)
    absences.rows.push_back(
        {day_cell(tr, day), tr(std::string("absence.") + absence_kind_name(a.kind)), tr("cause." + a.cause)});
  if (!absences.rows.empty()) doc.tables.push_back(absences);

  Json reasons = Json::array();
  doc.paragraphs_title.push_back(tr("report.reasons"));
  for (const auto& r : p.reasons) {
    doc.paragraphs.push_back(reason_cell(tr, r));
    reasons.push_back(doc.paragraphs.back().text);
  }
  Json notes = Json::array();
  for (const auto& n : t->notes) {
    if (!n.shared && !(n.health && include_health)) continue;
    const std::string by = src.staff_name ? src.staff_name(n.by) : "";
    // The note's own text goes in as written, beside a day put in here: only that day is worded.
    const std::string health = n.health ? tr("report.health_note") + " " : "";
    const std::string after_day = (by.empty() ? "" : " (" + by + ")") + ": " + n.text;
    ReportCell line(health + format_day(n.day) + after_day);
    line.words = health + unbroken_day(tr, n.day) + after_day;
    doc.paragraphs.push_back(line);
    notes.push_back({{"date", format_day(n.day)}, {"by", by.empty() ? Json(nullptr) : Json(by)}, {"text", n.text},
                     {"health", n.health}});
  }
  doc.data = Json{{"report", "trainee"}, {"centre", src.centre_name}, {"date", format_day(today)},
                  {"trainee", trainee_json(*t, src, tr)}, {"skills", skills_json}, {"stages", stages_json},
                  {"notes", notes}};
  return doc;
}

// ---- CSV ------------------------------------------------------------------------------------------

namespace {

// A number as our reports write one: digits, a sign in front, one decimal
// mark ('.' or ','). Such a cell stays a number in the spreadsheet.
bool is_number(const std::string& v) {
  size_t i = v[0] == '-' ? 1 : 0, digits = 0, marks = 0;
  for (; i < v.size(); ++i) {
    if (v[i] >= '0' && v[i] <= '9') ++digits;
    else if ((v[i] == '.' || v[i] == ',') && digits && !marks) ++marks;
    else return false;
  }
  return digits > 0 && (v.back() >= '0' && v.back() <= '9');
}

// A text that a spreadsheet would run as a formula (=, +, -, @) or whose
// leading tab or carriage return hides one (OWASP, "CSV injection").
bool formula_like(const std::string& v) {
  return !v.empty() && std::string("=+-@\t\r").find(v[0]) != std::string::npos && !is_number(v);
}

std::string csv_field(const std::string& v, char sep) {
  // A leading apostrophe makes Calc and Excel keep the cell as text; the
  // cell is then quoted, so the apostrophe stays inside it.
  const std::string text = formula_like(v) ? "'" + v : v;
  if (!formula_like(v) && text.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string report_csv(const ReportDoc& doc, const std::string& language) {
  // Excel in a Danish, Polish or Ukrainian locale splits on ';' (the comma is
  // their decimal mark), and reads UTF-8 when a BOM leads the file.
  const char sep = decimal_comma(language) ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? std::string(1, sep) : "") + csv_field(fields[i], sep);
    out += "\r\n";
  };
  // The overview opens with its roster's header row, so a spreadsheet sorts it
  // at once; further tables (the agreements) follow under their titles.
  const bool overview = doc.data.is_object() && doc.data.value("report", "") == "centre";
  if (!overview)
    for (const auto& [label, value] : doc.facts) line({label, value.text});
  for (const auto& table : doc.tables) {
    if (!overview || &table != &doc.tables.front()) {
      out += "\r\n";
      line({table.title});
    }
    line(table.columns);
    for (const auto& row : table.rows) {
      std::vector<std::string> texts;
      for (const auto& cell : row) texts.push_back(cell.text);
      line(texts);
    }
  }
  if (!overview && !doc.paragraphs.empty()) {
    out += "\r\n";
    line({doc.paragraphs_title.empty() ? "" : doc.paragraphs_title.front()});
    for (const auto& p : doc.paragraphs) line({p.text});
  }
  return out;
}

}  // namespace ft
