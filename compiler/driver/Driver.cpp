//===- Driver.cpp - Running the compiler's stages over files --------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "driver/Driver.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "frontend/Frontend.h"
#include "ir/Lowering.h"
#include "sema/Sema.h"

using namespace pathwayc;

BufferID pathwayc::loadPathwayFile(llvm::StringRef Path,
                                   DiagnosticsEngine &Diags) {
  LoadErrorKind Error;
  std::string Detail;
  BufferID Buffer = Diags.getSourceManager().loadFile(Path, Error, Detail);
  if (Buffer)
    return Buffer;
  switch (Error) {
  case LoadErrorKind::NotFound:
    Diags.report(SourceRange(), diag::err_file_not_found) << Path;
    break;
  case LoadErrorKind::IsDirectory:
    Diags.report(SourceRange(), diag::err_file_is_directory) << Path;
    break;
  case LoadErrorKind::Unreadable:
    Diags.report(SourceRange(), diag::err_file_unreadable) << Path << Detail;
    break;
  case LoadErrorKind::TooLarge:
    Diags.report(SourceRange(), diag::err_file_too_large)
        << Path << Detail << static_cast<int64_t>(MaxSourceFileBytes);
    break;
  }
  return 0;
}

std::unique_ptr<Pathway> pathwayc::checkPathway(BufferID Buffer,
                                                DiagnosticsEngine &Diags) {
  std::unique_ptr<Pathway> P = parsePathway(Buffer, Diags);
  if (P)
    analyzePathway(*P, Diags);
  return P;
}

CompiledPathway pathwayc::compilePathway(BufferID Buffer,
                                         DiagnosticsEngine &Diags,
                                         const PipelineOptions &Verifier) {
  CompiledPathway Result;
  unsigned ErrorsBefore = Diags.getNumErrors();
  Result.AST = checkPathway(Buffer, Diags);
  if (!Result.AST || Diags.getNumErrors() != ErrorsBefore)
    return Result;
  Result.Graph =
      ir::lowerToIR(*Result.AST, Diags.getSourceManager().getName(Buffer));
  Result.Report = verify::verifyModule(*Result.Graph, Diags, Verifier);
  return Result;
}
