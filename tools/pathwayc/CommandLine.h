//===- CommandLine.h - pathwayc's options -----------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Parses the command line into a Command. Each subcommand declares its
/// options in one table in CommandLine.cpp, which also produces --help.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TOOLS_COMMANDLINE_H
#define PATHWAYC_TOOLS_COMMANDLINE_H

#include "passes/PassManager.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace pathwayc {

class SourceManager;
struct Diagnostic;

/// Process exit codes; documented in --help and the README.
enum ExitCode : int {
  ExitSuccess = 0,
  ExitErrorsFound = 1,
  ExitUsageOrIO = 2,
};

enum class ColorMode { Auto, Always, Never };
enum class DiagnosticsOutput { Text, Json, Sarif };

/// The options of `check` and `compile` (compile takes all of check's).
struct CheckOptions {
  std::vector<std::string> Files;
  DiagnosticsOutput Format = DiagnosticsOutput::Text;
  ColorMode Color = ColorMode::Auto;
  bool WarningsAsErrors = false;
  bool Verify = false;
  bool DumpAst = false;
  bool DumpIr = false;
  std::vector<std::string> DisabledPasses;
  std::vector<std::string> PrintAfter;
  std::vector<std::string> DumpAnalyses;

  // compile only.
  /// Target names, in the order given (`--emit json,dot`).
  std::vector<std::string> Emit;
  std::string OutputDir;
  /// `--<target>_opt=VALUE`, by target name.
  std::map<std::string, std::string> TargetParameters;
  /// `--name-after-file`: name each pathway's files after its source file
  /// (acr.pathway gives acr.h) rather than after the pathway.
  bool NameAfterFile = false;
  /// `--highlight=PWnnnn`: draw the witness paths of the findings with this
  /// code in red. Empty when not given or when HighlightPath is.
  std::string HighlightCode;
  /// `--highlight=ID,ID,...`: draw these nodes (and the edges between
  /// consecutive ones) in red.
  std::vector<std::string> HighlightPath;
};

/// The options of `eval`.
struct EvalOptions {
  /// A pathway to compile, or a `.json` document of the JSON target.
  std::string File;
  /// `--case=CASE.json`.
  std::string CaseFile;
  /// `--format=json`: the result as resultToJson() writes it.
  bool JsonOutput = false;
};

/// The options of `check-generated`.
struct CheckGeneratedOptions {
  /// The directories of generated files, in the order given.
  std::vector<std::string> Dirs;
  /// What the relative source paths recorded in the files are relative to.
  std::string SourceRoot = ".";
  /// `--format=json`: every file and its state as one JSON document.
  bool JsonOutput = false;
};

struct Command {
  enum class CommandKind {
    Help,
    Version,
    Check,
    Compile,
    Eval,
    CheckGenerated
  };
  CommandKind Kind = CommandKind::Help;
  /// For Help: the subcommand asked about, or empty for the overview.
  std::string HelpTopic;
  CheckOptions Check;
  EvalOptions Eval;
  CheckGeneratedOptions CheckGenerated;
};

/// Parses \p Args (without the program name). On a usage error returns
/// false with a one-line \p Error.
bool parseCommandLine(llvm::ArrayRef<llvm::StringRef> Args, Command &Out,
                      std::string &Error);

/// The --help text for \p Topic ("" for the overview, or a subcommand).
std::string getHelpText(llvm::StringRef Topic);

int runCheck(const CheckOptions &Options);
/// The verifier's options as the command line set them.
PipelineOptions getPipelineOptions(const CheckOptions &Options);
/// Prints sorted diagnostics in the format the options ask for: text on
/// stderr, JSON or SARIF on stdout.
void printDiagnostics(const CheckOptions &Options, const SourceManager &SM,
                      llvm::ArrayRef<Diagnostic> Sorted);
int runCompile(const CheckOptions &Options);
/// Evaluates one case: 0 when evaluated (whatever the status), 1 for errors
/// in the pathway, document or case, 2 for a missing or unreadable file.
int runEval(const EvalOptions &Options);
/// Tells whether the generated files in each directory are stale against
/// their sources: 0 when all are fresh, 1 when any is stale or malformed,
/// 2 for a directory or file that cannot be read.
int runCheckGenerated(const CheckGeneratedOptions &Options);

} // namespace pathwayc

#endif // PATHWAYC_TOOLS_COMMANDLINE_H
