//===- CompileCommand.cpp - `pathwayc compile` ----------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Checks and verifies every file first; emits only if none has an error
// and --highlight names something in each; stages every target's files in
// memory; writes them only if every target succeeded, each through a
// temporary file renamed into place, so that an error at any point leaves
// the output directory as it was.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Targets.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
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
    // A file that already holds these bytes is left alone, so that its
    // time stamp does not make a build system rebuild what depends on it.
    if (auto Existing = llvm::MemoryBuffer::getFile(
            Path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
        Existing && (*Existing)->getBuffer() == Contents)
      continue;
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

/// One file of the command line, compiled.
struct CompiledFile {
  BufferID Buffer;
  CompiledPathway Result;
  /// The diagnostics its compilation reported: the engine's, from this
  /// index to EndDiagnostic.
  size_t FirstDiagnostic;
  size_t EndDiagnostic;
};

/// The name every file of \p F's pathway starts with: the pathway's, or
/// its source file's stem with --name-after-file.
std::string outputStem(const CheckOptions &Options, const SourceManager &SM,
                       const CompiledFile &F) {
  if (!Options.NameAfterFile)
    return F.Result.Graph->Name;
  return llvm::sys::path::stem(SM.getName(F.Buffer)).str();
}

/// The witness paths of \p Findings with code \p Code, one after another.
/// An empty id, which names no node, separates two paths, so that the dot
/// target draws no edge from the end of one to the start of the next.
/// Returns false with the reason when there is none.
bool findWitnessPaths(llvm::StringRef Code, llvm::StringRef File,
                      llvm::ArrayRef<Diagnostic> Findings,
                      std::vector<std::string> &Path, std::string &Error) {
  unsigned WithCode = 0;
  std::vector<std::string> CodesWithPaths;
  for (const Diagnostic &D : Findings) {
    bool HasPath = D.Witness && !D.Witness->Path.empty();
    if (HasPath && !llvm::is_contained(CodesWithPaths, D.getCode()))
      CodesWithPaths.push_back(D.getCode().str());
    if (D.getCode() != Code)
      continue;
    ++WithCode;
    if (!HasPath)
      continue;
    if (!Path.empty())
      Path.emplace_back();
    Path.insert(Path.end(), D.Witness->Path.begin(), D.Witness->Path.end());
  }
  if (!Path.empty())
    return true;
  std::string Quoted = "'" + File.str() + "'";
  Error = "--highlight=" + Code.str() + ": ";
  if (WithCode == 0)
    Error += Quoted + " has no " + Code.str() + " finding to draw";
  else if (WithCode == 1)
    Error += "the " + Code.str() + " finding in " + Quoted +
             " has no witness path to draw";
  else
    Error += "none of the " + std::to_string(WithCode) + " " + Code.str() +
             " findings in " + Quoted + " has a witness path to draw";
  Error += CodesWithPaths.empty() ? "; none of its findings has one"
                                  : "; its findings with a witness path: " +
                                        llvm::join(CodesWithPaths, ", ");
  return false;
}

/// Checks every id of \p Path against \p Graph. Returns false with the
/// first that names no node, and the nearest id when one is close.
bool checkNodeIds(llvm::ArrayRef<std::string> Path, llvm::StringRef File,
                  const ir::Module &Graph, std::string &Error) {
  for (const std::string &Id : Path) {
    if (Graph.findNode(Id))
      continue;
    std::vector<llvm::StringRef> Ids;
    for (const ir::Node &N : Graph.Nodes)
      Ids.push_back(N.Id);
    Error = "--highlight: pathway '" + Graph.Name + "' in '" + File.str() +
            "' has no node '" + Id + "'";
    llvm::StringRef NearMiss = findNearMiss(Id, Ids);
    if (!NearMiss.empty())
      Error += "; did you mean '" + NearMiss.str() + "'?";
    else
      Error +=
          "; 'pathwayc check --dump-ir " + File.str() + "' lists its nodes";
    return false;
  }
  return true;
}

/// The node ids --highlight asks to draw in \p F's graph. Returns false
/// with the reason when they do not apply to it.
bool resolveHighlight(const CheckOptions &Options, const SourceManager &SM,
                      const DiagnosticsEngine &Diags, const CompiledFile &F,
                      std::vector<std::string> &Path, std::string &Error) {
  llvm::StringRef File = SM.getName(F.Buffer);
  if (!Options.HighlightCode.empty()) {
    llvm::ArrayRef<Diagnostic> Findings =
        llvm::makeArrayRef(Diags.getDiagnostics())
            .slice(F.FirstDiagnostic, F.EndDiagnostic - F.FirstDiagnostic);
    return findWitnessPaths(Options.HighlightCode, File, Findings, Path, Error);
  }
  Path = Options.HighlightPath;
  return checkNodeIds(Path, File, *F.Result.Graph, Error);
}

/// Runs every target of \p Options on \p F into \p Out, except those in
/// \p Broken, and adds those that fail to it. A target fails for a reason
/// outside the pathways (an unknown option, Graphviz missing), which would
/// only repeat for every file.
void emitTargets(const CheckOptions &Options, const SourceManager &SM,
                 const CompiledFile &F,
                 const std::vector<std::string> &Highlight, OutputContext &Out,
                 DiagnosticsEngine &Diags, llvm::StringSet<> &Broken) {
  Provenance Origin;
  Origin.CompilerVersion = PATHWAYC_VERSION;
  Origin.SourceFile = SM.getName(F.Buffer).str();
  Origin.SourceSha256 = sha256Hex(SM.getContents(F.Buffer));
  Origin.PassedChecks = F.Result.Report.PassedChecks;
  for (const std::string &Name : Options.Emit) {
    if (Broken.count(Name))
      continue;
    auto It = Options.TargetParameters.find(Name);
    // Every target gets the highlight; those that do not draw ignore it.
    EmitRequest Request{*F.Result.Graph, Origin,
                        It == Options.TargetParameters.end() ? "" : It->second,
                        Highlight, outputStem(Options, SM, F)};
    if (!findTarget(Name)->Create()->emit(Request, Out, Diags))
      Broken.insert(Name);
  }
}

/// Reports, at the later pathway, two files whose outputs would have the
/// same names; one would silently replace the other.
void checkOutputNames(const CheckOptions &Options, const SourceManager &SM,
                      llvm::ArrayRef<CompiledFile> Compiled,
                      DiagnosticsEngine &Diags) {
  llvm::StringMap<const CompiledFile *> Writers;
  for (const CompiledFile &F : Compiled) {
    std::string Stem = outputStem(Options, SM, F);
    auto [It, Inserted] = Writers.try_emplace(Stem, &F);
    if (Inserted)
      continue;
    Diags.report(F.Result.Graph->Range, diag::err_output_collision)
        << F.Result.Graph->Name << SM.getName(It->second->Buffer) << Stem
        << (Options.NameAfterFile ? 1 : 0);
  }
}

} // namespace

int pathwayc::runCompile(const CheckOptions &Options) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.setWarningsAsErrors(Options.WarningsAsErrors);
  PipelineOptions Pipeline = getPipelineOptions(Options);

  bool FileError = false;
  std::vector<CompiledFile> Compiled;
  for (const std::string &Path : Options.Files) {
    BufferID Buffer = loadPathwayFile(Path, Diags);
    if (!Buffer) {
      FileError = true;
      continue;
    }
    size_t First = Diags.getDiagnostics().size();
    CompiledPathway Result = compilePathway(Buffer, Diags, Pipeline);
    Compiled.push_back(
        {Buffer, std::move(Result), First, Diags.getDiagnostics().size()});
  }

  // Emit only from pathways without errors — all of them, or none.
  MemoryOutputContext Staged;
  std::vector<std::string> HighlightErrors;
  llvm::StringSet<> BrokenTargets;
  if (!FileError && !Diags.hasErrors())
    checkOutputNames(Options, SM, Compiled, Diags);
  if (!FileError && !Diags.hasErrors()) {
    std::vector<std::vector<std::string>> Highlights(Compiled.size());
    bool Highlighting =
        !Options.HighlightCode.empty() || !Options.HighlightPath.empty();
    for (size_t I = 0; Highlighting && I != Compiled.size(); ++I) {
      std::string Error;
      if (!resolveHighlight(Options, SM, Diags, Compiled[I], Highlights[I],
                            Error))
        HighlightErrors.push_back(std::move(Error));
    }
    for (size_t I = 0; HighlightErrors.empty() && I != Compiled.size(); ++I)
      emitTargets(Options, SM, Compiled[I], Highlights[I], Staged, Diags,
                  BrokenTargets);
  }

  printDiagnostics(Options, SM, Diags.getSortedDiagnostics());
  for (const std::string &Error : HighlightErrors)
    llvm::errs() << "pathwayc: error: " << Error << '\n';
  // A target that could not run is a problem of the command line or the
  // machine, like a file that could not be read; the pathways are fine.
  if (FileError || !BrokenTargets.empty())
    return ExitUsageOrIO;
  if (Diags.hasErrors() || !HighlightErrors.empty())
    return ExitErrorsFound;

  std::string Error;
  if (!writeAll(Options.OutputDir, Staged.getFiles(), Error)) {
    llvm::errs() << "pathwayc: error: " << Error << '\n';
    return ExitUsageOrIO;
  }
  return ExitSuccess;
}
