//===- CppText.h - Guideline text inside C++ source -------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every string from a guideline reaches generated C++ through one of these
/// functions: as a string literal, whose value must be the original bytes
/// exactly, or as comment text, which must not end the comment or the line
/// early. Numbers go through cppDouble so that a literal reads back to the
/// same double the compiler computed.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_CPP_CPPTEXT_H
#define PATHWAYC_TARGETS_CPP_CPPTEXT_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace pathwayc::cpp {

/// \p Bytes as a C++ string literal, quotes included, whose value is
/// exactly \p Bytes. Printable ASCII stays as it is except `"` and `\`,
/// which are escaped, and a `?` after a `?`, written `\?` so that no
/// trigraph (`??/` is a backslash under -trigraphs) can form. Line breaks
/// and tabs use their escapes; every other byte, UTF-8 included, is a
/// three-digit octal escape, which, unlike `\x`, never swallows the
/// characters after it.
std::string cppStringLiteral(llvm::StringRef Bytes);

/// \p Text for a `//` comment on one line: line breaks and other control
/// characters become spaces, runs of spaces one space, and the text always
/// ends with a character that cannot continue the line (a backslash at the
/// end of a line would splice the next line into the comment), so a period
/// is added after a trailing backslash. A space separates two question
/// marks, so that no trigraph forms.
std::string cppCommentText(llvm::StringRef Text);

/// \p X as a C++ literal of type double that reads back to exactly \p X:
/// the shortest round-trip digits, with `.0` or an exponent so that it is
/// never an integer literal (which could overflow), and the runtime's
/// `Infinity` for an infinite value.
std::string cppDouble(double X);

} // namespace pathwayc::cpp

#endif // PATHWAYC_TARGETS_CPP_CPPTEXT_H
