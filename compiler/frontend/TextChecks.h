//===- TextChecks.h - Checks on raw guideline bytes -------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What the front end verifies before it lexes: that the buffer is non-empty
/// UTF-8 text. Also maps the lexer's code-point positions back to bytes.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_FRONTEND_TEXTCHECKS_H
#define PATHWAYC_FRONTEND_TEXTCHECKS_H

#include "diag/SourceLocation.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <vector>

namespace pathwayc {

class DiagnosticsEngine;

/// Reports an empty, binary or non-UTF-8 buffer; returns false if it is one.
bool checkSourceText(BufferID Buffer, llvm::StringRef Text,
                     DiagnosticsEngine &Diags);

/// The lexer counts code points; diagnostics count bytes. For ASCII text the
/// two agree and no table is kept.
class CodePointMap {
public:
  explicit CodePointMap(llvm::StringRef Text);
  /// The byte offset of code point \p Index (Index may be one past the end).
  uint32_t toByteOffset(size_t Index) const {
    if (ByteOffsets.empty())
      return static_cast<uint32_t>(Index);
    return ByteOffsets[Index < ByteOffsets.size() ? Index
                                                  : ByteOffsets.size() - 1];
  }

private:
  /// One entry a code point, plus one for the end; empty for ASCII text.
  std::vector<uint32_t> ByteOffsets;
};

} // namespace pathwayc

#endif // PATHWAYC_FRONTEND_TEXTCHECKS_H
