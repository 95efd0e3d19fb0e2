//===- VerifyDiagnostics.h - clang -verify style checking -------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Checks the diagnostics of a run against expectations written in the
/// guideline files themselves, as clang's -verify does:
///
/// \code
///   input releif: number   // expected-error {{unknown input 'releif'}}
///   // expected-error@+1:9 {{unknown input 'x'}}
///   // expected-note@-3 {{declared here}}
///   // expected-no-diagnostics
/// \endcode
///
/// A directive is `expected-error`, `expected-warning` or `expected-note`,
/// then optionally `@+N`, `@-N` (relative line) or `@N` (absolute line), then
/// optionally `:COL` (1-based byte column), then `{{text}}`, a substring of
/// the message. Several directives may share a `//` comment. Each directive
/// matches exactly one diagnostic or note, and each diagnostic and note must
/// be matched by a directive.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DIAG_VERIFYDIAGNOSTICS_H
#define PATHWAYC_DIAG_VERIFYDIAGNOSTICS_H

#include "diag/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace pathwayc {

class SourceManager;

struct VerifyResult {
  /// True when there are no problems.
  bool Ok = false;
  /// Human-readable, each naming a file (and a line where there is one):
  /// malformed directives, files without any directive, expected diagnostics
  /// that were not seen and diagnostics that were not expected.
  std::vector<std::string> Problems;
  /// Codes of the errors and warnings that a directive matched.
  llvm::StringSet<> MatchedCodes;
};

/// Scans every buffer in \p SM for expected-diagnostic comments and matches
/// them against \p Diags (all diagnostics and their notes).
VerifyResult verifyDiagnostics(const SourceManager &SM,
                               llvm::ArrayRef<Diagnostic> Diags);

} // namespace pathwayc

#endif // PATHWAYC_DIAG_VERIFYDIAGNOSTICS_H
