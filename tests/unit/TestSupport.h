//===- TestSupport.h - Compiling pathways in tests --------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TESTS_TESTSUPPORT_H
#define PATHWAYC_TESTS_TESTSUPPORT_H

#include "ast/AST.h"
#include "ast/ASTPrinter.h"
#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"
#include "frontend/Frontend.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace pathwayc::test {

/// One pathway text run through the front end (and optionally sema), with
/// everything that the result points into kept alive.
struct Compilation {
  SourceManager SM;
  DiagnosticsEngine Diags{SM};
  BufferID Buffer = 0;
  std::unique_ptr<Pathway> AST;

  /// The AST as printAST shows it, with or without source ranges.
  std::string dump(bool WithRanges = false) const {
    std::string S;
    llvm::raw_string_ostream OS(S);
    if (AST)
      printAST(OS, *AST, WithRanges ? &SM : nullptr);
    return S;
  }

  /// Every diagnostic, rendered as the command line would without colour.
  std::string diagnostics() const {
    std::string S;
    llvm::raw_string_ostream OS(S);
    renderDiagnosticsText(OS, SM, Diags.getSortedDiagnostics(), {});
    return S;
  }
};

enum class Stage { Parse, Check };

inline std::unique_ptr<Compilation> compile(llvm::StringRef Text,
                                            Stage Until = Stage::Check) {
  auto C = std::make_unique<Compilation>();
  C->Buffer = C->SM.addBuffer("test.pathway", Text.str());
  C->AST = Until == Stage::Parse ? parsePathway(C->Buffer, C->Diags)
                                 : checkPathway(C->Buffer, C->Diags);
  return C;
}

} // namespace pathwayc::test

#endif // PATHWAYC_TESTS_TESTSUPPORT_H
