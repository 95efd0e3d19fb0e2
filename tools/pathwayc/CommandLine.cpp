//===- CommandLine.cpp - pathwayc's options -------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include "passes/PassManager.h"
#include "verify/Verifier.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <optional>

using namespace pathwayc;

namespace {

/// Checks a pass name against the verifier's pipeline.
bool addPassName(std::vector<std::string> &Names, llvm::StringRef Name,
                 std::string &Error) {
  std::vector<std::string> Known;
  for (const auto &[Pass, Description] : verify::listVerifierPasses())
    Known.push_back(Pass);
  if (!llvm::is_contained(Known, Name)) {
    Error = fmt::format("unknown pass '{}'; expected one of: {}", Name.str(),
                        llvm::join(Known, ", "));
    return false;
  }
  Names.push_back(Name.str());
  return true;
}

std::vector<llvm::StringRef> getAnalysisNames() {
  std::vector<llvm::StringRef> Names;
  for (const auto &[Name, Make] : PassContext::getAnalysisRegistry())
    Names.push_back(Name);
  return Names;
}

/// One option of `pathwayc check`: its spelling, the help line, and how it
/// changes the options. A value option is spelled `--name=value`.
struct CheckFlag {
  llvm::StringRef Name;
  llvm::StringRef ValueName; ///< Empty for a switch.
  llvm::StringRef Help;
  /// Applies the option; returns false with an error for a bad value.
  bool (*Apply)(CheckOptions &, llvm::StringRef Value, std::string &Error);
};

const CheckFlag CheckFlags[] = {
    {"--diagnostics-format", "text|json|sarif",
     "how to print diagnostics: 'text' for people (on stderr, the default), "
     "'json' for programs, 'sarif' (SARIF 2.1.0) for CI and code scanning "
     "(both on stdout)",
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       auto Format = llvm::StringSwitch<std::optional<DiagnosticsOutput>>(V)
                         .Case("text", DiagnosticsOutput::Text)
                         .Case("json", DiagnosticsOutput::Json)
                         .Case("sarif", DiagnosticsOutput::Sarif)
                         .Default(std::nullopt);
       if (!Format)
         Error = fmt::format("unknown diagnostics format '{}'; expected "
                             "'text', 'json' or 'sarif'",
                             V.str());
       else
         O.Format = *Format;
       return Format.has_value();
     }},
    {"--color", "auto|always|never",
     "colour text diagnostics (auto: when stderr is a terminal)",
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       auto Mode = llvm::StringSwitch<std::optional<ColorMode>>(V)
                       .Case("auto", ColorMode::Auto)
                       .Case("always", ColorMode::Always)
                       .Case("never", ColorMode::Never)
                       .Default(std::nullopt);
       if (!Mode)
         Error = fmt::format("unknown colour mode '{}'; expected 'auto', "
                             "'always' or 'never'",
                             V.str());
       else
         O.Color = *Mode;
       return Mode.has_value();
     }},
    {"--warnings-as-errors", "", "treat every warning as an error",
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.WarningsAsErrors = true;
       return true;
     }},
    {"--verify", "",
     "check the diagnostics against the expected-error/-warning/-note "
     "comments in the files instead of printing them",
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.Verify = true;
       return true;
     }},
    {"--dump-ast", "", "print the syntax tree of each file on stdout",
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.DumpAst = true;
       return true;
     }},
    {"--dump-ir", "", "print the decision graph of each file on stdout",
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.DumpIr = true;
       return true;
     }},
    {"--disable-pass", "NAME",
     "skip a verification pass (repeatable; the passes are listed below)",
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       return addPassName(O.DisabledPasses, V, Error);
     }},
    {"--print-after", "NAME",
     "print the decision graph after a verification pass (repeatable)",
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       return addPassName(O.PrintAfter, V, Error);
     }},
    {"--dump-analysis", "NAME",
     "print an analysis of the decision graph (reachability, graph-order, "
     "path-context, assessment)",
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       if (!llvm::is_contained(getAnalysisNames(), V)) {
         Error = fmt::format("unknown analysis '{}'; expected one of: {}",
                             V.str(), llvm::join(getAnalysisNames(), ", "));
         return false;
       }
       O.DumpAnalyses.push_back(V.str());
       return true;
     }},
};

bool isHelp(llvm::StringRef Arg) { return Arg == "--help" || Arg == "-h"; }

bool parseCheck(llvm::ArrayRef<llvm::StringRef> Args, Command &Out,
                std::string &Error) {
  Out.Kind = Command::CommandKind::Check;
  bool OnlyFiles = false;
  for (llvm::StringRef Arg : Args) {
    if (OnlyFiles || !Arg.startswith("-") || Arg == "-") {
      Out.Check.Files.push_back(Arg.str());
      continue;
    }
    if (Arg == "--") {
      OnlyFiles = true;
      continue;
    }
    if (isHelp(Arg)) {
      Out.Kind = Command::CommandKind::Help;
      Out.HelpTopic = "check";
      return true;
    }
    auto [Name, Value] = Arg.split('=');
    bool HasValue = Arg.contains('=');
    const CheckFlag *Flag = llvm::find_if(
        CheckFlags, [&](const CheckFlag &F) { return F.Name == Name; });
    if (Flag == std::end(CheckFlags)) {
      Error = fmt::format("unknown option '{}' for 'check'", Arg.str());
      return false;
    }
    if (Flag->ValueName.empty() == HasValue) {
      Error = Flag->ValueName.empty()
                  ? fmt::format("option '{}' takes no value", Name.str())
                  : fmt::format("option '{}' needs a value: {}={}", Name.str(),
                                Name.str(), Flag->ValueName.str());
      return false;
    }
    if (!Flag->Apply(Out.Check, Value, Error))
      return false;
  }
  if (Out.Check.Files.empty()) {
    Error = "'check' needs at least one pathway file";
    return false;
  }
  return true;
}

} // namespace

bool pathwayc::parseCommandLine(llvm::ArrayRef<llvm::StringRef> Args,
                                Command &Out, std::string &Error) {
  if (Args.empty() || isHelp(Args.front()) || Args.front() == "help") {
    Out.Kind = Command::CommandKind::Help;
    if (Args.size() > 1)
      Out.HelpTopic = Args[1].str();
    return true;
  }
  if (Args.front() == "--version") {
    Out.Kind = Command::CommandKind::Version;
    return true;
  }
  if (Args.front() == "check")
    return parseCheck(Args.drop_front(), Out, Error);
  Error = fmt::format("unknown command '{}'; run 'pathwayc --help'",
                      Args.front().str());
  return false;
}

std::string pathwayc::getHelpText(llvm::StringRef Topic) {
  if (Topic == "check") {
    std::string Text =
        "usage: pathwayc check [options] FILE...\n"
        "\n"
        "Parses each pathway file and checks its names, types, units and\n"
        "evidence, reporting every problem found with its location.\n"
        "\n"
        "options:\n";
    for (const CheckFlag &F : CheckFlags) {
      std::string Spelling = F.Name.str();
      if (!F.ValueName.empty())
        Spelling += "=" + F.ValueName.str();
      Text += fmt::format("  {:<34} {}\n", Spelling, F.Help.str());
    }
    Text += "\nverification passes, in the order they run:\n";
    for (const auto &[Name, Description] : verify::listVerifierPasses())
      Text += fmt::format("  {:<12} {}\n", Name, Description);
    Text += "\nexit status: 0 no errors, 1 errors found, 2 usage or file "
            "error\n";
    return Text;
  }
  return "usage: pathwayc <command> [options] FILE...\n"
         "\n"
         "pathwayc compiles clinical guideline pathways: it checks them and\n"
         "reports every problem with its location.\n"
         "\n"
         "commands:\n"
         "  check      check pathway files and report diagnostics\n"
         "\n"
         "options:\n"
         "  --help     show this help; 'pathwayc check --help' for a "
         "command's options\n"
         "  --version  show the compiler's version\n"
         "\n"
         "exit status: 0 no errors, 1 errors found, 2 usage or file error\n";
}
