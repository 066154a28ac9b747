// ProjectSink over the .eqv project file: every edit is committed at once by ProjectStore.
#include "document.hpp"

#include "equivalue/storage/project_store.hpp"

namespace eqv::gui {
namespace {

class StoreSink final : public ProjectSink {
 public:
  explicit StoreSink(std::unique_ptr<storage::ProjectStore> store) : store_(std::move(store)) {}
  const Project& project() const override { return store_->project(); }
  void update(const std::function<void(Project&)>& edit, const std::string& what) override {
    store_->update(edit, what);
  }
  bool read_only() const override { return store_->read_only(); }
  std::string read_only_reason() const override { return store_->read_only_reason(); }
  std::string path() const override { return store_->path(); }

 private:
  std::unique_ptr<storage::ProjectStore> store_;
};

}  // namespace

std::unique_ptr<ProjectSink> open_project_file(const std::string& path) {
  return std::make_unique<StoreSink>(storage::ProjectStore::open(path));
}

std::unique_ptr<ProjectSink> create_project_file(const std::string& path, const Project& project) {
  return std::make_unique<StoreSink>(storage::ProjectStore::create(path, project));
}

}  // namespace eqv::gui
