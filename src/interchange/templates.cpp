#include "equivalue/interchange/templates.hpp"

#include "equivalue/core/errors.hpp"

#include "text_position.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>

namespace eqv {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

// Parses JSON text; on a syntax fault adds one problem with its line and column.
std::optional<json> parse(std::string_view text, Problems& problems) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    const auto colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    problems.push_back({line_and_column(text, at), "not valid JSON: " + what});
    return std::nullopt;
  } catch (const json::out_of_range&) {  // a number beyond any figure, such as 1e999
    problems.push_back(
        {"",
         "a number in the file is out of range (beyond any figure a template holds); "
         "correct it, or take the template from a backup"});
    return std::nullopt;
  }
}

// Reads fields of a JSON object, collecting a problem with the field's path for each fault.
class Fields {
 public:
  explicit Fields(Problems& problems) : problems_(problems) {}

  void add(const std::string& path, std::string message) {
    problems_.push_back({path, std::move(message)});
  }

  bool object(const json& v, const std::string& path) {
    if (v.is_object()) return true;
    add(path, "must be an object { ... }");
    return false;
  }

  std::string text(const json& obj, const char* key, const std::string& parent, bool required) {
    const std::string path = field_path(parent, key);
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) add(path, "is required");
      return {};
    }
    if (!it->is_string()) {
      add(path, "must be text in double quotes");
      return {};
    }
    std::string s = it->get<std::string>();
    if (required && s.empty()) add(path, "must not be empty");
    return s;
  }

  std::vector<std::string> strings(const json& obj, const char* key, const std::string& parent,
                                   bool required) {
    std::vector<std::string> out;
    const std::string path = field_path(parent, key);
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) add(path, "is required");
      return out;
    }
    if (!it->is_array()) {
      add(path, "must be a list of text, such as [\"0-15\", \"16-64\", \"65+\"]");
      return out;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      const std::string ipath = path + "[" + std::to_string(i) + "]";
      if (!item.is_string() || item.get<std::string>().empty()) {
        add(ipath, "must be text that is not empty");
        continue;
      }
      if (!seen.insert(item.get<std::string>()).second)
        add(ipath, "\"" + item.get<std::string>() + "\" is listed twice");
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  // Calls each(item, path) for every element of a list (absent = empty unless required).
  template <typename Each>
  void list(const json& obj, const char* key, const std::string& parent, bool required, Each each) {
    const std::string path = field_path(parent, key);
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) add(path, "is required");
      return;
    }
    if (!it->is_array()) {
      add(path, "must be a list [ ... ]");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i)
      each((*it)[i], path + "[" + std::to_string(i) + "]");
  }

  void format(const json& root, const char* expected) {
    const std::string got = text(root, "format", "", true);
    if (!got.empty() && got != expected)
      add("format", "this file is in format \"" + got + "\"; expected \"" + expected + "\"");
  }

  void id(const std::string& got, const std::string& expected) {
    if (!expected.empty() && !got.empty() && got != expected)
      add("id", "the id \"" + got + "\" must match the file name (" + expected + ".json)");
  }

 private:
  Problems& problems_;
};

TemplateCharacteristic read_characteristic(Fields& f, const json& v, const std::string& path) {
  TemplateCharacteristic c;
  if (!f.object(v, path)) return c;
  c.id = f.text(v, "id", path, true);
  c.name = f.text(v, "name", path, true);
  c.description = f.text(v, "description", path, true);
  c.categories = f.strings(v, "categories", path, true);
  if (v.contains("categories") && v["categories"].is_array() && v["categories"].empty())
    f.add(field_path(path, "categories"), "list at least one category");
  c.aims = f.strings(v, "aims", path, false);
  c.kind = f.text(v, "kind", path, false);
  static const std::set<std::string> kKinds{"", "protected", "section-75", "duty", "local"};
  if (!kKinds.count(c.kind))
    f.add(field_path(path, "kind"),
          "must be protected, section-75, duty or local, got \"" + c.kind + "\"");
  return c;
}

std::string read_text_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw InputError(file.string() + ": cannot be opened; check the name and that it can be read");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

[[noreturn]] void refuse(const fs::path& file, Problems problems, const char* what) {
  for (auto& p : problems) p.path = p.path.empty() ? file.string() : file.string() + ": " + p.path;
  const std::string message = file.string() + ": this " + std::string(what) +
                              " cannot be used until the " + std::to_string(problems.size()) +
                              " problem(s) above are put right";
  throw InputError(message, std::move(problems));
}

fs::path program_directory() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::optional<fs::path> find_template_file(const std::string& sub, const std::string& id) {
  // An id is a plain name: no directory parts, so "../x" cannot reach outside.
  if (id.empty() || id.find('/') != std::string::npos || id.find('\\') != std::string::npos ||
      id[0] == '.')
    return std::nullopt;
  for (const auto& dir : template_directories()) {
    const fs::path file = dir / sub / (id + ".json");
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) return file;
  }
  return std::nullopt;
}

std::string installed_list(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return s.empty() ? "none found" : s;
}

}  // namespace

std::vector<fs::path> template_directories() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    if (!p.empty() && fs::is_directory(p, ec) &&
        std::find(dirs.begin(), dirs.end(), p) == dirs.end())
      dirs.push_back(p);
  };
  if (const char* env = std::getenv("EQUIVALUE_TEMPLATES")) {
    std::stringstream list(env);
    std::string part;
    while (std::getline(list, part, ':')) add(part);
  }
  if (const fs::path exe_dir = program_directory(); !exe_dir.empty())
    add(exe_dir / ".." / "share" / "equivalue" / "templates");
#ifdef EQUIVALUE_TEMPLATES_DIR
  add(EQUIVALUE_TEMPLATES_DIR);
#endif
  return dirs;
}

// ---------------------------------------------------------------- EqIA templates

EqiaTemplateRead read_eqia_template_json(std::string_view text, const std::string& expected_id) {
  EqiaTemplateRead out;
  const auto root = parse(text, out.problems);
  if (!root) return out;
  Fields f(out.problems);
  if (!f.object(*root, "")) return out;
  f.format(*root, kEqiaTemplateFormat);
  EqiaTemplate& t = out.tmpl;
  t.id = f.text(*root, "id", "", true);
  f.id(t.id, expected_id);
  t.name = f.text(*root, "name", "", true);
  t.jurisdiction = f.text(*root, "jurisdiction", "", true);
  t.legal_basis = f.text(*root, "legal_basis", "", true);
  f.list(*root, "aims", "", true, [&](const json& v, const std::string& path) {
    DutyAim a;
    if (f.object(v, path)) {
      a.id = f.text(v, "id", path, true);
      a.text = f.text(v, "text", path, true);
    }
    t.aims.push_back(a);
  });
  f.list(*root, "characteristics", "", true, [&](const json& v, const std::string& path) {
    t.characteristics.push_back(read_characteristic(f, v, path));
  });
  f.list(*root, "local_additions", "", false, [&](const json& v, const std::string& path) {
    t.local_additions.push_back(read_characteristic(f, v, path));
  });
  f.list(*root, "screening_questions", "", true, [&](const json& v, const std::string& path) {
    ScreeningQuestion q;
    if (f.object(v, path)) {
      q.id = f.text(v, "id", path, true);
      q.text = f.text(v, "text", path, true);
    }
    t.screening_questions.push_back(q);
  });
  if (t.characteristics.empty() && root->contains("characteristics") &&
      (*root)["characteristics"].is_array())
    f.add("characteristics", "list at least one characteristic to screen");
  // Ids unique across both lists; every aim named is declared.
  std::set<std::string> ids, aim_ids;
  for (std::size_t i = 0; i < t.aims.size(); ++i)
    if (!t.aims[i].id.empty() && !aim_ids.insert(t.aims[i].id).second)
      f.add("aims[" + std::to_string(i) + "].id",
            "the aim \"" + t.aims[i].id + "\" is listed twice");
  for (const auto* list : {&t.characteristics, &t.local_additions}) {
    const std::string name = list == &t.characteristics ? "characteristics" : "local_additions";
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& c = (*list)[i];
      const std::string path = name + "[" + std::to_string(i) + "]";
      if (!c.id.empty() && !ids.insert(c.id).second)
        f.add(field_path(path, "id"), "the characteristic \"" + c.id + "\" is listed twice");
      for (std::size_t a = 0; a < c.aims.size(); ++a)
        if (!aim_ids.count(c.aims[a]))
          f.add(field_path(path, "aims") + "[" + std::to_string(a) + "]",
                "\"" + c.aims[a] + "\" is not one of the aims listed under \"aims\"");
    }
  }
  return out;
}

EqiaTemplate load_eqia_template_file(const fs::path& file) {
  const std::string text = read_text_file(file);
  EqiaTemplateRead read = read_eqia_template_json(text, file.stem().string());
  if (!read.problems.empty()) refuse(file, std::move(read.problems), "EqIA template");
  read.tmpl.source = file.string();
  return read.tmpl;
}

std::optional<fs::path> find_eqia_template(const std::string& id) {
  return find_template_file("eqia", id);
}

EqiaTemplate load_eqia_template(const std::string& id) {
  const auto file = find_eqia_template(id);
  if (!file)
    throw InputError(
        "no EqIA template named \"" + id +
        "\" was found (installed: " + installed_list(list_eqia_templates()) +
        "); a council's own template goes in a directory named by EQUIVALUE_TEMPLATES, as eqia/" +
        id + ".json");
  return load_eqia_template_file(*file);
}

std::vector<std::string> list_eqia_templates() {
  std::set<std::string> ids;
  std::error_code ec;
  for (const auto& dir : template_directories())
    for (fs::directory_iterator it(dir / "eqia", ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".json") ids.insert(it->path().stem().string());
  return {ids.begin(), ids.end()};
}

std::vector<TemplateChoice> eqia_template_choices() {
  std::vector<TemplateChoice> out;
  for (const auto& id : list_eqia_templates()) {
    std::string name = id;
    try {
      if (const EqiaTemplate* t = cached_eqia_template(id); t && !t->name.empty()) name = t->name;
    } catch (const InputError&) {
    }
    out.push_back({id, name});
  }
  return out;
}

const EqiaTemplate* cached_eqia_template(const std::string& id) {
  struct Entry {
    std::optional<EqiaTemplate> tmpl;
    std::optional<InputError> fault;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(id);
  if (it == cache.end()) {
    Entry entry;
    try {
      if (const auto file = find_eqia_template(id)) entry.tmpl = load_eqia_template_file(*file);
    } catch (const InputError& e) {
      entry.fault = e;
    }
    it = cache.emplace(id, std::move(entry)).first;
  }
  if (it->second.fault) throw *it->second.fault;
  return it->second.tmpl ? &*it->second.tmpl : nullptr;
}

// ---------------------------------------------------------------- segment classifications

ClassificationRead read_classification_json(std::string_view text, const std::string& expected_id) {
  ClassificationRead out;
  const auto root = parse(text, out.problems);
  if (!root) return out;
  Fields f(out.problems);
  if (!f.object(*root, "")) return out;
  f.format(*root, kSegmentsFormat);
  SegmentClassification& c = out.classification;
  c.id = f.text(*root, "id", "", true);
  f.id(c.id, expected_id);
  c.name = f.text(*root, "name", "", true);
  c.licence = f.text(*root, "licence", "", true);
  c.attribution = f.text(*root, "attribution", "", true);
  const auto levels = root->find("levels");
  if (levels == root->end() || !levels->is_object() || levels->empty()) {
    f.add("levels",
          "must name each level with its segments, such as {\"supergroup\": [{\"code\": \"1\", "
          "\"name\": ...}]}");
    return out;
  }
  std::set<std::string> codes;
  for (const auto& [level_name, items] : levels->items()) {
    std::vector<ClassifiedSegment> segs;
    f.list(
        *levels, level_name.c_str(), "levels", true, [&](const json& v, const std::string& path) {
          ClassifiedSegment s;
          if (f.object(v, path)) {
            s.code = f.text(v, "code", path, true);
            s.name = f.text(v, "name", path, true);
            s.parent = f.text(v, "parent", path, false);
            if (!s.code.empty() && !codes.insert(s.code).second)
              f.add(field_path(path, "code"), "the code \"" + s.code + "\" is listed twice");
            if (!s.parent.empty() && !c.levels.empty() && !c.find(c.levels.back().first, s.parent))
              f.add(field_path(path, "parent"), "\"" + s.parent +
                                                    "\" is not a code of the level above (" +
                                                    c.levels.back().first + ")");
          }
          segs.push_back(s);
        });
    c.levels.emplace_back(level_name, std::move(segs));
  }
  return out;
}

std::optional<fs::path> find_classification(const std::string& id) {
  return find_template_file("segments", id);
}

SegmentClassification load_classification(const std::string& id) {
  const auto file = find_classification(id);
  if (!file)
    throw InputError("no segment classification named \"" + id +
                     "\" was found in the template directories");
  const std::string text = read_text_file(*file);
  ClassificationRead read = read_classification_json(text, file->stem().string());
  if (!read.problems.empty()) refuse(*file, std::move(read.problems), "segment classification");
  return read.classification;
}

}  // namespace eqv
