//===- EvalCommand.cpp - `pathwayc eval` ----------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Evaluates one case with the interpreter. A pathway is compiled and
// verified as `pathwayc check` does it and emitted to the JSON target in
// memory, so the interpreter always reads the document `compile --emit json`
// would write; a pathway with errors is never evaluated. A `.json` file is
// taken to be such a document and loaded directly.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"
#include "pathwayc/Interpreter.h"
#include "json/JsonTarget.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace pathwayc;
using runtime::InputError;

namespace {

void printInputErrors(const std::vector<InputError> &Errors) {
  for (const InputError &E : Errors)
    llvm::errs() << runtime::formatInputError(E) << '\n';
}

/// The bytes of \p Path. A missing or unreadable file is a usage or I/O
/// error (exit 2); a file too large to be a document is an error in it
/// (exit 1) and is not read.
std::optional<std::string> readDocument(llvm::StringRef Path, int &Exit) {
  llvm::sys::fs::file_status Status;
  std::error_code EC = llvm::sys::fs::status(Path, Status);
  if (!EC && Status.type() == llvm::sys::fs::file_type::directory_file)
    EC = std::make_error_code(std::errc::is_a_directory);
  if (EC) {
    llvm::errs() << "pathwayc: error: cannot read '" << Path
                 << "': " << EC.message() << '\n';
    Exit = ExitUsageOrIO;
    return std::nullopt;
  }
  if (Status.getSize() > runtime::MaxDocumentBytes) {
    printInputErrors({{Path.str(), 0, 0, "the file is larger than 64 MiB"}});
    Exit = ExitErrorsFound;
    return std::nullopt;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    llvm::errs() << "pathwayc: error: cannot read '" << Path
                 << "': " << Buffer.getError().message() << '\n';
    Exit = ExitUsageOrIO;
    return std::nullopt;
  }
  return (*Buffer)->getBuffer().str();
}

/// Compiles \p Path as `check` does and emits its JSON document, printing
/// the diagnostics; nullopt (with \p Exit set) if it has errors.
std::optional<std::string> compileToDocument(const std::string &Path,
                                             int &Exit) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  CheckOptions Defaults;
  BufferID Buffer = loadPathwayFile(Path, Diags);
  if (!Buffer) {
    printDiagnostics(Defaults, SM, Diags.getSortedDiagnostics());
    Exit = ExitUsageOrIO;
    return std::nullopt;
  }
  CompiledPathway Compiled =
      compilePathway(Buffer, Diags, getPipelineOptions(Defaults));
  MemoryOutputContext Out;
  bool Emitted = false;
  if (Compiled.Graph && !Diags.hasErrors()) {
    Provenance Origin;
    Origin.CompilerVersion = PATHWAYC_VERSION;
    Origin.SourceFile = SM.getName(Buffer).str();
    Origin.SourceSha256 = sha256Hex(SM.getContents(Buffer));
    Origin.PassedChecks = Compiled.Report.PassedChecks;
    EmitRequest Request{*Compiled.Graph, std::move(Origin), "", {}, ""};
    Emitted = createJsonEmitter()->emit(Request, Out, Diags);
  }
  printDiagnostics(Defaults, SM, Diags.getSortedDiagnostics());
  std::vector<std::pair<std::string, std::string>> Files = Out.getFiles();
  if (!Emitted || Diags.hasErrors() || Files.size() != 1) {
    Exit = ExitErrorsFound;
    return std::nullopt;
  }
  return std::move(Files.front().second);
}

} // namespace

int pathwayc::runEval(const EvalOptions &Options) {
  int Exit = ExitSuccess;
  bool IsDocument = llvm::sys::path::extension(Options.File) == ".json";
  std::optional<std::string> Document =
      IsDocument ? readDocument(Options.File, Exit)
                 : compileToDocument(Options.File, Exit);
  if (!Document)
    return Exit;

  std::vector<InputError> Errors;
  std::unique_ptr<runtime::Program> Program =
      runtime::Program::load(*Document, Options.File, Errors);
  if (!Program) {
    printInputErrors(Errors);
    return ExitErrorsFound;
  }

  std::optional<std::string> CaseText = readDocument(Options.CaseFile, Exit);
  if (!CaseText)
    return Exit;
  std::optional<runtime::Case> Case =
      runtime::Case::parse(*Program, *CaseText, Options.CaseFile, Errors);
  if (!Case) {
    printInputErrors(Errors);
    return ExitErrorsFound;
  }

  runtime::Result Result = Program->evaluate(*Case);
  llvm::outs() << (Options.JsonOutput ? runtime::resultToJson(Result)
                                      : runtime::resultToString(Result));
  return ExitSuccess;
}
