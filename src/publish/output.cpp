#include <fstream>
#include <system_error>

#include "equivalue/publish/publish.hpp"

namespace eqv::publishing {

void write_document(const std::string& html, const std::filesystem::path& path) {
  std::filesystem::path temporary = path;
  temporary += ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      throw PublishError(
          path.string() +
          ": cannot create the document here; check the folder exists and can be written to");
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw PublishError(path.string() +
                         ": the document could not be written in full (is the disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw PublishError(path.string() + ": the document could not be put in place: " + ec.message());
  }
}

}  // namespace eqv::publishing
