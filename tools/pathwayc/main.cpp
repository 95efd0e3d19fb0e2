//===- main.cpp - The pathwayc command ------------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The only place that turns results into an exit status: everything below
// main() reports through the diagnostics engine and returns.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;

int main(int Argc, char **Argv) {
  llvm::SmallVector<llvm::StringRef, 16> Args(Argv + 1, Argv + Argc);
  Command Cmd;
  std::string Error;
  if (!parseCommandLine(Args, Cmd, Error)) {
    llvm::errs() << "pathwayc: error: " << Error << '\n';
    return ExitUsageOrIO;
  }
  switch (Cmd.Kind) {
  case Command::CommandKind::Help:
    llvm::outs() << getHelpText(Cmd.HelpTopic);
    return ExitSuccess;
  case Command::CommandKind::Version:
    llvm::outs() << "pathwayc " << PATHWAYC_VERSION << '\n';
    return ExitSuccess;
  case Command::CommandKind::Check: return runCheck(Cmd.Check);
  case Command::CommandKind::Compile: return runCompile(Cmd.Check);
  case Command::CommandKind::Eval: return runEval(Cmd.Eval);
  case Command::CommandKind::CheckGenerated:
    return runCheckGenerated(Cmd.CheckGenerated);
  }
  return ExitUsageOrIO;
}
