//===- DiagnosticRenderer.h - Text, JSON and SARIF diagnostics --*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Turns recorded diagnostics into what the author reads: clang-style text
/// with the source line, a caret and fix-it hints, a JSON document for
/// editors and scripts, or a SARIF 2.1.0 log for CI systems and code-scanning
/// dashboards.
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

#include <string>

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class SourceManager;

enum class DiagnosticFormat { Text, Json, Sarif };

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

/// What a SARIF log says about the compiler that wrote it.
struct SarifToolInfo {
  /// The compiler's version, e.g. "0.1.0"; tool.driver.version.
  std::string Version;
};

/// A SARIF 2.1.0 log with one run: tool.driver names pathwayc and lists one
/// rule per diagnostic code in \p Diags (sorted by code), and each diagnostic
/// becomes a result, in the given order:
///
/// - its level is the diagnostic's own (so a warning promoted by
///   --warnings-as-errors is an "error"); its rule's defaultConfiguration
///   keeps the table's severity;
/// - its location is the file name as a URI reference (relative names are
///   relative to %SRCROOT%, absolute ones become file: URIs) and a region
///   whose columns count Unicode code points (run.columnKind says so). A
///   point location covers the character at the point, as the caret does; a
///   diagnostic without a location has no locations;
/// - notes become relatedLocations, fix-its one fix, and a witness the
///   result's properties.witness {vignette, inputs, path}.
///
/// Message strings double '{' and '}' (SARIF §3.11.5), and escape '[', ']'
/// and '\' when the text would otherwise read as an embedded link (§3.11.6).
/// The log depends on nothing but its arguments: no paths of the machine it
/// was written on, no times, no GUIDs.
nlohmann::json diagnosticsToSarif(const SourceManager &SM,
                                  llvm::ArrayRef<Diagnostic> Diags,
                                  const SarifToolInfo &Tool);

/// Writes diagnosticsToSarif() with a two-space indent and a final newline,
/// "version" first as SARIF recommends, other keys sorted. Invalid UTF-8 in
/// messages or file names is replaced by U+FFFD.
void renderDiagnosticsSarif(llvm::raw_ostream &OS, const SourceManager &SM,
                            llvm::ArrayRef<Diagnostic> Diags,
                            const SarifToolInfo &Tool);

} // namespace pathwayc

#endif // PATHWAYC_DIAG_DIAGNOSTICRENDERER_H
