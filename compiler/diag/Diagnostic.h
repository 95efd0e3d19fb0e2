//===- Diagnostic.h - Diagnostics engine ------------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Every message the compiler gives the author goes through this engine. Each
/// kind of diagnostic is declared once, in a Diagnostics*.def table, with a
/// stable code (PWnnnn), a severity and a message template; code reports it by
/// its ID and streams in the arguments:
///
/// \code
///   Diags.report(Range, diag::err_undefined_name) << Name;
///   Diags.report(Prev, diag::note_previous_definition) << Name;
/// \endcode
///
/// A note reported right after an error or warning belongs to it and travels
/// with it when diagnostics are sorted for output.
///
/// Message templates follow clang's: `%0`..`%9` are arguments, and
/// `%select{a|b|c}N` chooses by the integer argument N.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DIAG_DIAGNOSTIC_H
#define PATHWAYC_DIAG_DIAGNOSTIC_H

#include "diag/SourceLocation.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class SourceManager;

namespace diag {
enum ID : unsigned {
#define DIAG(ID, SEVERITY, CODE, TEXT) ID,
#include "diag/Diagnostics.def"
#undef DIAG
  NumDiagnostics
};
} // namespace diag

enum class Severity { Note, Warning, Error };

/// The static description of one diagnostic kind, from the .def table.
struct DiagnosticInfo {
  diag::ID ID;
  llvm::StringRef Name;     ///< err_undefined_name
  Severity DefaultSeverity; ///< Before --warnings-as-errors.
  llvm::StringRef Code;     ///< PW0201; empty for notes.
  llvm::StringRef Format;   ///< The message template.
};

const DiagnosticInfo &getDiagnosticInfo(diag::ID ID);

/// A suggested replacement of the text in Range, shown under the caret line
/// and carried in machine-readable output.
struct FixIt {
  SourceRange Range;
  std::string Replacement;
};

/// A note: a message with its own location, attached to a diagnostic.
struct DiagnosticNote {
  diag::ID ID;
  SourceRange Range;
  std::string Message;
};

/// A concrete case that exposes a verifier finding.
struct CaseWitness {
  /// A short patient vignette for people: "relief = 62.5 percent,
  /// intra_articular_confirmed = true reaches no arm".
  std::string Vignette;
  /// The case, input by input, in the pathway's declaration order.
  std::vector<std::pair<std::string, std::string>> Inputs;
  /// The decision-graph nodes of the path that exposes the finding, from
  /// the start; the Graphviz target draws it.
  std::vector<std::string> Path;
};

/// One reported diagnostic, with its message already formatted.
struct Diagnostic {
  diag::ID ID;
  Severity Level;
  SourceRange Range;
  std::string Message;
  std::vector<DiagnosticNote> Notes;
  std::vector<FixIt> FixIts;
  /// A concrete case that exposes the problem (verifier findings), rendered
  /// as a short vignette after the message.
  std::optional<CaseWitness> Witness;

  llvm::StringRef getCode() const { return getDiagnosticInfo(ID).Code; }
};

class DiagnosticsEngine;

/// Collects a diagnostic's arguments; the diagnostic is formatted and
/// recorded when the builder is destroyed, at the end of the statement.
class DiagnosticBuilder {
public:
  DiagnosticBuilder(DiagnosticBuilder &&Other) noexcept;
  DiagnosticBuilder(const DiagnosticBuilder &) = delete;
  DiagnosticBuilder &operator=(const DiagnosticBuilder &) = delete;
  ~DiagnosticBuilder();

  DiagnosticBuilder &operator<<(llvm::StringRef Arg);
  DiagnosticBuilder &operator<<(const char *Arg);
  DiagnosticBuilder &operator<<(const std::string &Arg);
  DiagnosticBuilder &operator<<(int64_t Arg);
  /// Also takes size_t, which would otherwise be ambiguous.
  DiagnosticBuilder &operator<<(uint64_t Arg);
  DiagnosticBuilder &operator<<(int Arg);
  DiagnosticBuilder &operator<<(unsigned Arg);
  /// Printed in the shortest form that reads back to the same value.
  DiagnosticBuilder &operator<<(double Arg);

  DiagnosticBuilder &addFixIt(SourceRange Range, llvm::StringRef Replacement);
  DiagnosticBuilder &setWitness(CaseWitness Witness);
  /// A witness that is only a vignette.
  DiagnosticBuilder &setWitness(llvm::StringRef Vignette);

private:
  friend class DiagnosticsEngine;
  DiagnosticBuilder(DiagnosticsEngine &Engine, SourceRange Range, diag::ID ID);

  DiagnosticsEngine *Engine;
  SourceRange Range;
  diag::ID ID;
  llvm::SmallVector<std::string, 4> Args;
  std::vector<FixIt> FixIts;
  std::optional<CaseWitness> Witness;
};

class DiagnosticsEngine {
public:
  explicit DiagnosticsEngine(SourceManager &SM) : SM(SM) {}

  DiagnosticBuilder report(SourceRange Range, diag::ID ID);
  DiagnosticBuilder report(SourceLocation Loc, diag::ID ID) {
    return report(SourceRange(Loc), ID);
  }

  /// Promotes every warning reported from now on to an error.
  void setWarningsAsErrors(bool Enable) { WarningsAsErrors = Enable; }

  unsigned getNumErrors() const { return NumErrors; }
  unsigned getNumWarnings() const { return NumWarnings; }
  bool hasErrors() const { return NumErrors != 0; }

  /// Every diagnostic in the order it was reported.
  const std::vector<Diagnostic> &getDiagnostics() const { return Diags; }
  /// Every diagnostic sorted by buffer and location (stable, so diagnostics
  /// at the same place keep their reporting order).
  std::vector<Diagnostic> getSortedDiagnostics() const;
  SourceManager &getSourceManager() const { return SM; }

private:
  friend class DiagnosticBuilder;
  void emit(DiagnosticBuilder &Builder);

  SourceManager &SM;
  std::vector<Diagnostic> Diags;
  unsigned NumErrors = 0;
  unsigned NumWarnings = 0;
  bool WarningsAsErrors = false;
};

/// Substitutes \p Args into \p Format (`%0`, `%select{..}N`).
std::string formatDiagnosticMessage(llvm::StringRef Format,
                                    llvm::ArrayRef<std::string> Args);

/// Closest candidate to \p Typo by edit distance, if it is close enough to be
/// a plausible misspelling ("did you mean"); empty otherwise.
llvm::StringRef findNearMiss(llvm::StringRef Typo,
                             llvm::ArrayRef<llvm::StringRef> Candidates);

} // namespace pathwayc

#endif // PATHWAYC_DIAG_DIAGNOSTIC_H
