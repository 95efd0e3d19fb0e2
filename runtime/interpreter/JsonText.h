//===- JsonText.h - Positions in JSON documents -----------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// nlohmann/json parses without keeping positions, so errors found after
/// parsing are located by scanning the text again: the documents are valid
/// JSON by then, and the scanner only has to skip values and read keys. It
/// runs only when there is an error to locate, or, for a case file, once
/// over the top-level object.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_INTERPRETER_JSONTEXT_H
#define PATHWAYC_INTERPRETER_JSONTEXT_H

#include "pathwayc/Interpreter.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathwayc::runtime::detail {

/// The error for \p Offset in \p Text: its 1-based line, and its column in
/// bytes from 1. An offset past the end is the position just after the
/// last byte.
InputError errorAt(std::string_view Text, std::string_view File,
                   std::size_t Offset, std::string Message);

/// Parses \p Text into \p Out. On a syntax error, invalid UTF-8, a number
/// out of range or a truncated file, appends one located error and returns
/// false. Refuses texts over MaxDocumentBytes.
bool parseJson(std::string_view Text, std::string_view File,
               nlohmann::json &Out, std::vector<InputError> &Errors);

/// One step of a path from the root of a document to a value.
struct PathStep {
  std::string_view Key;
  std::size_t Index = 0;
  bool IsIndex = false;
};

/// The offset of the value at \p Path in \p Text, which must be valid JSON;
/// of the last of duplicate keys, since that is the one nlohmann keeps.
std::optional<std::size_t> locateValue(std::string_view Text,
                                       const std::vector<PathStep> &Path);

/// A member of an object as written, duplicates included.
struct ObjectMember {
  std::string Key;
  std::size_t KeyOffset = 0;
  std::size_t ValueOffset = 0;
  /// The value's text.
  std::string_view Value;
};

/// The members of the top-level value of \p Text, which must be a valid
/// JSON object, in the order written.
std::vector<ObjectMember> scanTopLevelMembers(std::string_view Text);

/// The offset of the top-level value (after a byte order mark and blanks).
std::size_t topLevelOffset(std::string_view Text);

/// "a string", "a number", "a boolean", "an array", "an object", "null".
const char *describeJsonType(const nlohmann::json &J);

/// Errors reported for one document at most: after that many the rest are
/// likely to follow from the first, and locating each costs a scan.
inline constexpr std::size_t MaxErrors = 50;

/// Appends \p E to \p Errors, counting it in \p Reported; past MaxErrors
/// appends, once, an error that says the rest were left out, and nothing
/// after that. A caller may skip locating an error once Reported reaches
/// MaxErrors.
void appendError(std::vector<InputError> &Errors, std::size_t &Reported,
                 InputError E);

/// \p Name between single quotes, escaped with escapeForMessage().
std::string quoteName(std::string_view Name);

/// \p Text with control bytes and bytes that are not ASCII written as
/// \xNN, for messages that quote what a document contains.
std::string escapeForMessage(std::string_view Text);

} // namespace pathwayc::runtime::detail

#endif // PATHWAYC_INTERPRETER_JSONTEXT_H
