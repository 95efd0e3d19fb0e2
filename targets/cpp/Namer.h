//===- Namer.h - C++ identifiers for the names of a pathway -----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every identifier the C++ target writes comes from a Namer, so that no
/// name from a guideline can produce code that does not compile or that
/// means something else. A pathway name is close to a C++ identifier
/// already; what can still go wrong is
///
///   - a C++ keyword (`class`, `default`, `delete`) or alternative token
///     (`and`, `not`), or a name the standard library or the platform defines
///     as a macro (`assert`, `errno`, `major`, `linux`): an underscore is
///     appended, `class_`;
///   - a reserved identifier, one with a double underscore anywhere or an
///     underscore followed by an upper-case letter at the start: runs of
///     underscores become one and a leading underscore is dropped;
///   - a character that is not a letter, a digit or an underscore: it
///     becomes an underscore;
///   - a leading digit, or nothing left at all: `v` is put in front;
///   - two names that come out the same, or a name the generated code uses
///     itself in that scope (`Inputs`, `evaluate`): the later one gets `_2`,
///     `_3`, and so on.
///
/// A Namer is one scope: the names it hands out are unique among
/// themselves and never equal a reserved one. Asking again for the same
/// name gives the same identifier.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_CPP_NAMER_H
#define PATHWAYC_TARGETS_CPP_NAMER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>

namespace pathwayc::cpp {

/// How a name is spelled before it is made safe.
enum class NameStyle {
  AsWritten, ///< `hip_pain_duration` stays `hip_pain_duration`.
  UpperCamel ///< `hip_pain_duration` becomes `HipPainDuration`, for types.
};

/// Whether \p Word is a C++ keyword, an alternative token, or a macro the
/// standard library or a common platform defines.
bool isReservedWord(llvm::StringRef Word);

/// \p Name as a C++ identifier in \p Style, before collisions are resolved:
/// keywords, macros, reserved identifiers, other characters and leading
/// digits handled as the file comment says.
std::string makeIdentifier(llvm::StringRef Name, NameStyle Style);

class Namer {
public:
  /// A scope whose identifiers never equal one of \p Taken: the names the
  /// generated code declares there itself.
  explicit Namer(llvm::ArrayRef<llvm::StringRef> Taken = {});

  /// The identifier for \p Name in this scope, the same every time it is
  /// asked for with the same style.
  llvm::StringRef get(llvm::StringRef Name,
                      NameStyle Style = NameStyle::AsWritten);

private:
  llvm::StringSet<> Used;
  /// By style and name: "0:relief", "1:relief".
  llvm::StringMap<std::string> Assigned;
};

} // namespace pathwayc::cpp

#endif // PATHWAYC_TARGETS_CPP_NAMER_H
