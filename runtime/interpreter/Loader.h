//===- Loader.h - Reading a JSON decision graph -----------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_INTERPRETER_LOADER_H
#define PATHWAYC_INTERPRETER_LOADER_H

#include "ProgramData.h"

#include <memory>
#include <string_view>
#include <vector>

namespace pathwayc::runtime::detail {

/// Reads and checks a JSON target document: its format and version, every
/// key the interpreter reads and its type, every reference by name, the
/// shape each node kind needs (docs/evaluation.md), and that the graph has
/// no cycle. Returns null after appending every error found.
std::unique_ptr<ProgramData> loadProgramData(std::string_view Text,
                                             std::string_view File,
                                             std::vector<InputError> &Errors);

} // namespace pathwayc::runtime::detail

#endif // PATHWAYC_INTERPRETER_LOADER_H
