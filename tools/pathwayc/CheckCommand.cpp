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
#include "passes/PassManager.h"
#include "verify/Verifier.h"

#include "llvm/ADT/StringExtras.h"
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

PipelineOptions pathwayc::getPipelineOptions(const CheckOptions &Options) {
  PipelineOptions Pipeline;
  for (const std::string &Name : Options.DisabledPasses)
    Pipeline.DisabledPasses.insert(Name);
  for (const std::string &Name : Options.PrintAfter)
    Pipeline.PrintAfter.insert(Name);
  Pipeline.PrintStream = &llvm::outs();
  return Pipeline;
}

int pathwayc::runCheck(const CheckOptions &Options) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.setWarningsAsErrors(Options.WarningsAsErrors);

  PipelineOptions Pipeline = getPipelineOptions(Options);

  bool FileError = false;
  for (const std::string &Path : Options.Files) {
    BufferID Buffer = loadPathwayFile(Path, Diags);
    if (!Buffer) {
      FileError = true;
      continue;
    }
    CompiledPathway Compiled = compilePathway(Buffer, Diags, Pipeline);
    if (Compiled.AST && Options.DumpAst)
      printAST(llvm::outs(), *Compiled.AST, &SM);
    ir::Module *M = Compiled.Graph.get();
    if (!M)
      continue;
    if (Options.DumpIr)
      ir::printModule(llvm::outs(), *M);
    if (!Options.DumpAnalyses.empty()) {
      PassContext Ctx(*M, Diags);
      for (const std::string &Name : Options.DumpAnalyses) {
        llvm::outs() << "; analysis '" << Name << "' of " << M->Name << '\n';
        Ctx.getAnalysisByName(Name)->print(llvm::outs());
      }
    }
  }

  // A check that was switched off must not look like one that passed.
  if (!Options.DisabledPasses.empty() &&
      Options.Format == DiagnosticsOutput::Text && !Options.Verify)
    llvm::errs() << "pathwayc: note: verification passes not run: "
                 << llvm::join(Options.DisabledPasses, ", ") << '\n';

  std::vector<Diagnostic> Sorted = Diags.getSortedDiagnostics();
  if (Options.Verify) {
    VerifyResult Result = verifyDiagnostics(SM, Sorted);
    for (const std::string &Problem : Result.Problems)
      llvm::errs() << Problem << '\n';
    if (FileError)
      return ExitUsageOrIO;
    return Result.Ok ? ExitSuccess : ExitErrorsFound;
  }

  printDiagnostics(Options, SM, Sorted);
  if (FileError)
    return ExitUsageOrIO;
  return Diags.hasErrors() ? ExitErrorsFound : ExitSuccess;
}

void pathwayc::printDiagnostics(const CheckOptions &Options,
                                const SourceManager &SM,
                                llvm::ArrayRef<Diagnostic> Sorted) {
  if (Options.Format == DiagnosticsOutput::Json) {
    renderDiagnosticsJson(llvm::outs(), SM, Sorted);
  } else if (Options.Format == DiagnosticsOutput::Sarif) {
    renderDiagnosticsSarif(llvm::outs(), SM, Sorted, {PATHWAYC_VERSION});
  } else {
    TextRenderOptions Render;
    Render.Color = useColor(Options.Color);
    renderDiagnosticsText(llvm::errs(), SM, Sorted, Render);
  }
}
