// ProjectSink over a store: an .eqv project file or a project in a shared register. Every
// edit is committed at once by the store.
#include "document.hpp"

#include "equivalue/storage/project_store.hpp"
#include "equivalue/storage/store.hpp"

namespace eqv::gui {
namespace {

class StoreSink final : public ProjectSink {
 public:
  explicit StoreSink(std::unique_ptr<storage::Store> store) : store_(std::move(store)) {}
  const Project& project() const override { return store_->project(); }
  void update(const std::function<void(Project&)>& edit, const std::string& what) override {
    store_->update(edit, what);
  }
  bool read_only() const override { return store_->read_only(); }
  std::string read_only_reason() const override { return store_->read_only_reason(); }
  std::string path() const override { return store_->location(); }
  Actor actor() const override { return storage::actor_of(store_->identity()); }
  std::string signed_in() const override { return store_->identity().describe(); }
  Problems take_step(std::size_t change, Step step, const StepInput& input) override {
    return store_->take_step(change, step, input);
  }
  Problems record_review(std::size_t change, const std::vector<ImpactReview>& reviews,
                         const std::string& summary) override {
    return store_->record_review(change, reviews, summary);
  }
  bool refresh() override { return store_->refresh(); }

 private:
  std::unique_ptr<storage::Store> store_;
};

}  // namespace

std::unique_ptr<ProjectSink> open_project_file(const std::string& path) {
  return std::make_unique<StoreSink>(storage::open_store(path));
}

std::unique_ptr<ProjectSink> create_project_file(const std::string& path, const Project& project) {
  return std::make_unique<StoreSink>(storage::ProjectStore::create(path, project));
}

}  // namespace eqv::gui
