//===- DiagnosticRenderer.h - Text and JSON diagnostics ---------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns recorded diagnostics into what the author reads: clang-style text
/// with the source line, a caret and fix-it hints, or a JSON document for
/// editors and scripts.
///
/// \code
///   guidelines/acr.pathway:41:7: error[PW0201]: unknown input 'releif'; ...
///      41 |       releif >= 75 percent -> hip_is_generator
///         |       ^~~~~~
///         |       relief
/// \endcode
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DIAG_DIAGNOSTICRENDERER_H
#define PATHWAYC_DIAG_DIAGNOSTICRENDERER_H

#include "diag/Diagnostic.h"

#include "llvm/ADT/ArrayRef.h"

#include <nlohmann/json.hpp>

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class SourceManager;

enum class DiagnosticFormat { Text, Json };

struct TextRenderOptions {
  /// Emit ANSI escape sequences: bold location and message, a coloured
  /// severity and a green caret line.
  bool Color = false;
};

/// Renders every diagnostic in \p Diags (already sorted by the caller) with
/// its notes, clang-style, followed by a summary line such as
/// "1 warning and 2 errors generated." when there are errors or warnings.
void renderDiagnosticsText(llvm::raw_ostream &OS, const SourceManager &SM,
                           llvm::ArrayRef<Diagnostic> Diags,
                           const TextRenderOptions &Opts);

/// Renders one diagnostic: its header line, the source line with a caret and
/// fix-it hints, its witness, then each of its notes the same way.
void renderDiagnosticText(llvm::raw_ostream &OS, const SourceManager &SM,
                          const Diagnostic &D, const TextRenderOptions &Opts);

/// The machine-readable form: {"version": 1, "diagnostics": [...]}. Keys
/// are in nlohmann::json's (sorted) order. A diagnostic without a location
/// has "file" and "range" null.
nlohmann::json diagnosticsToJson(const SourceManager &SM,
                                 llvm::ArrayRef<Diagnostic> Diags);

/// Writes diagnosticsToJson() with a two-space indent and a final newline.
/// Invalid UTF-8 in messages or file names is replaced by U+FFFD.
void renderDiagnosticsJson(llvm::raw_ostream &OS, const SourceManager &SM,
                           llvm::ArrayRef<Diagnostic> Diags);

} // namespace pathwayc

#endif // PATHWAYC_DIAG_DIAGNOSTICRENDERER_H
