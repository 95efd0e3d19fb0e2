//===- CheckCommand.cpp - `pathwayc check` --------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "ast/AST.h"
#include "ast/ASTPrinter.h"
#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"
#include "diag/VerifyDiagnostics.h"
#include "driver/Driver.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;

namespace {

bool useColor(ColorMode Mode) {
  switch (Mode) {
  case ColorMode::Always: return true;
  case ColorMode::Never: return false;
  case ColorMode::Auto: return llvm::sys::Process::StandardErrHasColors();
  }
  return false;
}

} // namespace

int pathwayc::runCheck(const CheckOptions &Options) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.setWarningsAsErrors(Options.WarningsAsErrors);

  bool FileError = false;
  for (const std::string &Path : Options.Files) {
    BufferID Buffer = loadPathwayFile(Path, Diags);
    if (!Buffer) {
      FileError = true;
      continue;
    }
    std::unique_ptr<Pathway> P = checkPathway(Buffer, Diags);
    if (P && Options.DumpAst)
      printAST(llvm::outs(), *P, &SM);
  }

  std::vector<Diagnostic> Sorted = Diags.getSortedDiagnostics();
  if (Options.Verify) {
    VerifyResult Result = verifyDiagnostics(SM, Sorted);
    for (const std::string &Problem : Result.Problems)
      llvm::errs() << Problem << '\n';
    if (FileError)
      return ExitUsageOrIO;
    return Result.Ok ? ExitSuccess : ExitErrorsFound;
  }

  if (Options.Format == DiagnosticsOutput::Json) {
    renderDiagnosticsJson(llvm::outs(), SM, Sorted);
  } else {
    TextRenderOptions Render;
    Render.Color = useColor(Options.Color);
    renderDiagnosticsText(llvm::errs(), SM, Sorted, Render);
  }
  if (FileError)
    return ExitUsageOrIO;
  return Diags.hasErrors() ? ExitErrorsFound : ExitSuccess;
}
