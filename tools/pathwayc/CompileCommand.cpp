//===- CompileCommand.cpp - `pathwayc compile` ----------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Checks and verifies every file first; emits only if none has an error;
// stages every target's files in memory; writes them only if every target
// succeeded, each through a temporary file renamed into place, so that an
// error at any point leaves the output directory as it was.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Targets.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;

namespace {

/// Writes \p Files under \p Dir. On any failure removes what it wrote and
/// returns false with the reason.
bool writeAll(llvm::StringRef Dir,
              const std::vector<std::pair<std::string, std::string>> &Files,
              std::string &Error) {
  std::vector<std::string> Written;
  auto Fail = [&](std::string Why) {
    for (const std::string &Path : Written)
      llvm::sys::fs::remove(Path);
    Error = std::move(Why);
    return false;
  };
  for (const auto &[Relative, Contents] : Files) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Relative);
    if (std::error_code EC = llvm::sys::fs::create_directories(
            llvm::sys::path::parent_path(Path)))
      return Fail("cannot create '" + llvm::sys::path::parent_path(Path).str() +
                  "': " + EC.message());
    llvm::SmallString<256> Temporary;
    int FD;
    if (std::error_code EC = llvm::sys::fs::createUniqueFile(
            Path + ".tmp-%%%%%%", FD, Temporary))
      return Fail("cannot write in '" + Dir.str() + "': " + EC.message());
    {
      llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
      OS << Contents;
      OS.close();
      if (OS.has_error()) {
        llvm::sys::fs::remove(Temporary);
        return Fail("cannot write '" + Path.str().str() + "'");
      }
    }
    if (std::error_code EC = llvm::sys::fs::rename(Temporary, Path)) {
      llvm::sys::fs::remove(Temporary);
      return Fail("cannot write '" + Path.str().str() + "': " + EC.message());
    }
    Written.push_back(Path.str().str());
  }
  return true;
}

} // namespace

int pathwayc::runCompile(const CheckOptions &Options) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.setWarningsAsErrors(Options.WarningsAsErrors);
  PipelineOptions Pipeline = getPipelineOptions(Options);

  bool FileError = false;
  std::vector<std::pair<BufferID, CompiledPathway>> Compiled;
  for (const std::string &Path : Options.Files) {
    BufferID Buffer = loadPathwayFile(Path, Diags);
    if (!Buffer) {
      FileError = true;
      continue;
    }
    Compiled.emplace_back(Buffer, compilePathway(Buffer, Diags, Pipeline));
  }

  // Emit only from pathways without errors — all of them, or none.
  MemoryOutputContext Staged;
  if (!FileError && !Diags.hasErrors()) {
    for (auto &[Buffer, Result] : Compiled) {
      Provenance Origin;
      Origin.CompilerVersion = PATHWAYC_VERSION;
      Origin.SourceFile = SM.getName(Buffer).str();
      Origin.SourceSha256 = sha256Hex(SM.getContents(Buffer));
      Origin.PassedChecks = Result.Report.PassedChecks;
      for (const std::string &Name : Options.Emit) {
        auto It = Options.TargetParameters.find(Name);
        EmitRequest Request{*Result.Graph,
                            Origin,
                            It == Options.TargetParameters.end() ? ""
                                                                 : It->second,
                            {}};
        findTarget(Name)->Create()->emit(Request, Staged, Diags);
      }
    }
  }

  printDiagnostics(Options, SM, Diags.getSortedDiagnostics());
  if (FileError)
    return ExitUsageOrIO;
  if (Diags.hasErrors())
    return ExitErrorsFound;

  std::string Error;
  if (!writeAll(Options.OutputDir, Staged.getFiles(), Error)) {
    llvm::errs() << "pathwayc: error: " << Error << '\n';
    return ExitUsageOrIO;
  }
  return ExitSuccess;
}
