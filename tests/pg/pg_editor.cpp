// One editor of a register for the concurrency test: opens the project, makes N edits to
// the title of one service change, and reports each on stdout as "committed TOKEN" or
// "refused TOKEN: reason". The token is WORKER-I, unique across the test.
//   pg_editor ADDRESS CHANGE_ID WORKER N
#include <iostream>
#include <string>

#include "equivalue/storage/store.hpp"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: pg_editor ADDRESS CHANGE_ID WORKER N\n";
    return 2;
  }
  const std::string address = argv[1], change_id = argv[2], worker = argv[3];
  const int edits = std::stoi(argv[4]);
  try {
    auto store = eqv::storage::open_store(address);
    for (int i = 0; i < edits; ++i) {
      const std::string token = worker + "-" + std::to_string(i);
      try {
        store->update(
            [&](eqv::Project& p) {
              for (auto& c : p.changes)
                if (c.id == change_id) c.title = token;
            },
            "Edit title of " + change_id);
        std::cout << "committed " << token << "\n";
      } catch (const eqv::storage::StaleEdit& e) {
        std::cout << "refused " << token << ": " << e.what() << "\n";
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "pg_editor " << worker << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
