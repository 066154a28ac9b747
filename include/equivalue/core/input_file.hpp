// The first check of any file a person names for reading.
#pragma once

#include <string>

namespace eqv {

// Refuses (InputError naming `path` and the fix) a path that names nothing or a folder;
// `inside` says what to give instead of the folder ("the CSV file"). Returns whether the
// path is a file saved on disk, not a pipe or device, which a reader needing two passes
// must have.
bool require_input_file(const std::string& path, const std::string& inside);

}  // namespace eqv
