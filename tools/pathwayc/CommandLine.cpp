//===- CommandLine.cpp - pathwayc's options -------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include "Targets.h"
#include "diag/Diagnostic.h"
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

std::string targetNames() {
  std::vector<std::string> Names;
  for (const TargetInfo &T : getTargets())
    Names.push_back(T.Name.str());
  return llvm::join(Names, ", ");
}

/// `--highlight=PWnnnn` (a finding's code, checked against the diagnostics
/// table) or `--highlight=ID,ID,...` (node ids, checked against each
/// pathway when it is compiled).
bool applyHighlight(CheckOptions &O, llvm::StringRef V, std::string &Error) {
  O.HighlightCode.clear();
  O.HighlightPath.clear();
  bool IsCode = V.size() == 6 && V.startswith("PW") &&
                llvm::all_of(V.drop_front(2), llvm::isDigit);
  if (IsCode) {
    for (unsigned I = 0; I != diag::NumDiagnostics; ++I)
      if (getDiagnosticInfo(static_cast<diag::ID>(I)).Code == V) {
        O.HighlightCode = V.str();
        return true;
      }
    Error = fmt::format("unknown diagnostic code '{}' in --highlight; "
                        "docs/diagnostics.md lists them",
                        V.str());
    return false;
  }
  llvm::SmallVector<llvm::StringRef, 8> Ids;
  V.split(Ids, ',');
  for (llvm::StringRef Id : Ids)
    if (!Id.trim().empty())
      O.HighlightPath.push_back(Id.trim().str());
  if (O.HighlightPath.empty()) {
    Error = "option '--highlight' needs a finding's code or node ids: "
            "--highlight=PWnnnn|ID[,ID...]";
    return false;
  }
  return true;
}

/// One option of `pathwayc check`: its spelling, the help line, and how it
/// changes the options. A value option is spelled `--name=value`.
struct CheckFlag {
  llvm::StringRef Name;
  llvm::StringRef ValueName; ///< Empty for a switch.
  llvm::StringRef Help;
  /// Accepted by `compile` only (the others are accepted by both).
  bool CompileOnly;
  /// Applies the option; returns false with an error for a bad value.
  bool (*Apply)(CheckOptions &, llvm::StringRef Value, std::string &Error);
};

const CheckFlag CheckFlags[] = {
    {"--diagnostics-format", "text|json|sarif",
     "how to print diagnostics: 'text' for people (on stderr, the default), "
     "'json' for programs, 'sarif' (SARIF 2.1.0) for CI and code scanning "
     "(both on stdout)",
     false,
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
     "colour text diagnostics (auto: when stderr is a terminal)", false,
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
    {"--warnings-as-errors", "", "treat every warning as an error", false,
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.WarningsAsErrors = true;
       return true;
     }},
    {"--verify", "",
     "check the diagnostics against the expected-error/-warning/-note "
     "comments in the files instead of printing them",
     false,
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.Verify = true;
       return true;
     }},
    {"--dump-ast", "", "print the syntax tree of each file on stdout", false,
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.DumpAst = true;
       return true;
     }},
    {"--dump-ir", "", "print the decision graph of each file on stdout", false,
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.DumpIr = true;
       return true;
     }},
    {"--disable-pass", "NAME",
     "skip a verification pass (repeatable; the passes are listed below)",
     false,
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       return addPassName(O.DisabledPasses, V, Error);
     }},
    {"--print-after", "NAME",
     "print the decision graph after a verification pass (repeatable)", false,
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       return addPassName(O.PrintAfter, V, Error);
     }},
    {"--dump-analysis", "NAME",
     "print an analysis of the decision graph (reachability, graph-order, "
     "path-context, assessment)",
     false,
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       if (!llvm::is_contained(getAnalysisNames(), V)) {
         Error = fmt::format("unknown analysis '{}'; expected one of: {}",
                             V.str(), llvm::join(getAnalysisNames(), ", "));
         return false;
       }
       O.DumpAnalyses.push_back(V.str());
       return true;
     }},
    {"--emit", "TARGET[,TARGET...]",
     "what to write: see the targets below (repeatable)", true,
     [](CheckOptions &O, llvm::StringRef V, std::string &Error) {
       llvm::SmallVector<llvm::StringRef, 4> Names;
       V.split(Names, ',', -1, /*KeepEmpty=*/false);
       for (llvm::StringRef Name : Names) {
         if (!findTarget(Name)) {
           Error = fmt::format("unknown target '{}'; expected one of: {}",
                               Name.str(), targetNames());
           return false;
         }
         if (!llvm::is_contained(O.Emit, Name))
           O.Emit.push_back(Name.str());
       }
       return true;
     }},
    {"--output-dir", "DIR",
     "the directory to write into (created if missing; -o DIR also works)",
     true,
     [](CheckOptions &O, llvm::StringRef V, std::string &) {
       O.OutputDir = V.str();
       return true;
     }},
    {"--name-after-file", "",
     "name each pathway's files after its source file (acr.pathway gives "
     "acr.h, acr.cpp, acr.json) rather than after the pathway, so that a "
     "build system knows the outputs from the inputs",
     true,
     [](CheckOptions &O, llvm::StringRef, std::string &) {
       O.NameAfterFile = true;
       return true;
     }},
    {"--highlight", "PWnnnn|ID[,ID...]",
     "draw a path in red (dot, svg, png): the witness paths of the findings "
     "with that code, or the node ids listed",
     true, applyHighlight},
};

bool isHelp(llvm::StringRef Arg) { return Arg == "--help" || Arg == "-h"; }

/// Takes \p Arg into \p Files when it names a file rather than an option:
/// anything after `--`, `-` itself, and anything not starting with '-'.
/// `--` is taken too, as the end of the options.
bool takeFile(llvm::StringRef Arg, bool &OnlyFiles,
              std::vector<std::string> &Files) {
  if (OnlyFiles || !Arg.startswith("-") || Arg == "-") {
    Files.push_back(Arg.str());
    return true;
  }
  if (Arg == "--") {
    OnlyFiles = true;
    return true;
  }
  return false;
}

/// Parses the options and files of `check` or `compile`.
bool parseFileCommand(llvm::StringRef CommandName,
                      llvm::ArrayRef<llvm::StringRef> Args, Command &Out,
                      std::string &Error) {
  bool Compile = CommandName == "compile";
  Out.Kind =
      Compile ? Command::CommandKind::Compile : Command::CommandKind::Check;
  bool OnlyFiles = false;
  for (size_t I = 0; I != Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (takeFile(Arg, OnlyFiles, Out.Check.Files))
      continue;
    if (isHelp(Arg)) {
      Out.Kind = Command::CommandKind::Help;
      Out.HelpTopic = CommandName.str();
      return true;
    }
    auto [Name, Value] = Arg.split('=');
    bool HasValue = Arg.contains('=');
    // `-o DIR`, as compilers spell it.
    if (Compile && Arg == "-o") {
      if (I + 1 == Args.size()) {
        Error = "option '-o' needs a directory";
        return false;
      }
      Out.Check.OutputDir = Args[++I].str();
      continue;
    }
    // `--json_opt=VALUE`: each target parses its own options.
    if (Compile && Name.startswith("--") && Name.endswith("_opt")) {
      llvm::StringRef Target = Name.drop_front(2).drop_back(4);
      if (!findTarget(Target)) {
        Error = fmt::format("unknown target '{}' in '{}'; expected one of: {}",
                            Target.str(), Name.str(), targetNames());
        return false;
      }
      Out.Check.TargetParameters[Target.str()] = Value.str();
      continue;
    }
    const CheckFlag *Flag = llvm::find_if(CheckFlags, [&](const CheckFlag &F) {
      return F.Name == Name && (Compile || !F.CompileOnly);
    });
    if (Flag == std::end(CheckFlags)) {
      Error = fmt::format("unknown option '{}' for '{}'", Arg.str(),
                          CommandName.str());
      return false;
    }
    // `--emit json` as well as `--emit=json`.
    if (!Flag->ValueName.empty() && !HasValue && I + 1 < Args.size() &&
        !Args[I + 1].startswith("-")) {
      Value = Args[++I];
      HasValue = true;
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
    Error =
        fmt::format("'{}' needs at least one pathway file", CommandName.str());
    return false;
  }
  if (Compile && Out.Check.Emit.empty()) {
    Error = fmt::format("'compile' needs --emit with one or more of: {}",
                        targetNames());
    return false;
  }
  if (Compile && Out.Check.OutputDir.empty()) {
    Error = "'compile' needs an output directory: -o DIR";
    return false;
  }
  return true;
}

/// One option of a command whose options all take a value (`eval`,
/// `check-generated`), spelled `--name=value` or `--name value`.
template <typename OptionsT> struct ValueFlag {
  llvm::StringRef Name;
  llvm::StringRef ValueName;
  llvm::StringRef Help;
  bool (*Apply)(OptionsT &, llvm::StringRef Value, std::string &Error);
};

/// Parses \p Args of \p CommandName into \p Out and \p Operands, or sets
/// \p Help and stops at `--help`.
template <typename OptionsT>
bool parseValueFlags(llvm::StringRef CommandName,
                     llvm::ArrayRef<ValueFlag<OptionsT>> Flags,
                     llvm::ArrayRef<llvm::StringRef> Args, OptionsT &Out,
                     std::vector<std::string> &Operands, bool &Help,
                     std::string &Error) {
  bool OnlyFiles = false;
  for (size_t I = 0; I != Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (takeFile(Arg, OnlyFiles, Operands))
      continue;
    if (isHelp(Arg)) {
      Help = true;
      return true;
    }
    auto [Name, Value] = Arg.split('=');
    const ValueFlag<OptionsT> *Flag = llvm::find_if(
        Flags, [&](const ValueFlag<OptionsT> &F) { return F.Name == Name; });
    if (Flag == Flags.end()) {
      Error = fmt::format("unknown option '{}' for '{}'", Arg.str(),
                          CommandName.str());
      return false;
    }
    if (!Arg.contains('=')) {
      if (I + 1 == Args.size()) {
        Error = fmt::format("option '{}' needs a value: {}={}", Name.str(),
                            Name.str(), Flag->ValueName.str());
        return false;
      }
      Value = Args[++I];
    }
    if (!Flag->Apply(Out, Value, Error))
      return false;
  }
  return true;
}

/// The options part of a --help text.
template <typename OptionsT>
std::string getValueFlagsHelp(llvm::ArrayRef<ValueFlag<OptionsT>> Flags) {
  std::string Text;
  for (const ValueFlag<OptionsT> &F : Flags)
    Text += fmt::format("  {:<34} {}\n", (F.Name + "=" + F.ValueName).str(),
                        F.Help.str());
  Text += fmt::format("  {:<34} {}\n", "--help", "show this help");
  return Text;
}

/// `--format=text|json`, for \p What is printed.
bool applyTextOrJson(llvm::StringRef What, llvm::StringRef V, bool &JsonOutput,
                     std::string &Error) {
  if (V != "text" && V != "json") {
    Error = fmt::format("unknown {} format '{}'; expected 'text' or 'json'",
                        What.str(), V.str());
    return false;
  }
  JsonOutput = V == "json";
  return true;
}

const ValueFlag<EvalOptions> EvalFlags[] = {
    {"--case", "CASE.json",
     "the patient case (required): a JSON object from input and exam names "
     "to values, as docs/interpreter.md describes",
     [](EvalOptions &O, llvm::StringRef V, std::string &) {
       O.CaseFile = V.str();
       return true;
     }},
    {"--format", "text|json",
     "how to print the result on stdout: 'text' (the default, one field a "
     "line) or 'json'",
     [](EvalOptions &O, llvm::StringRef V, std::string &Error) {
       return applyTextOrJson("result", V, O.JsonOutput, Error);
     }},
};

bool parseEvalCommand(llvm::ArrayRef<llvm::StringRef> Args, Command &Out,
                      std::string &Error) {
  Out.Kind = Command::CommandKind::Eval;
  std::vector<std::string> Files;
  bool Help = false;
  if (!parseValueFlags<EvalOptions>("eval", EvalFlags, Args, Out.Eval, Files,
                                    Help, Error))
    return false;
  if (Help) {
    Out.Kind = Command::CommandKind::Help;
    Out.HelpTopic = "eval";
    return true;
  }
  if (Files.size() != 1) {
    Error = Files.empty() ? "'eval' needs a pathway file or a JSON document"
                          : "'eval' takes one pathway file or JSON document";
    return false;
  }
  if (Out.Eval.CaseFile.empty()) {
    Error = "'eval' needs a case: --case=CASE.json";
    return false;
  }
  Out.Eval.File = Files.front();
  return true;
}

std::string getEvalHelpText() {
  std::string Text =
      "usage: pathwayc eval FILE --case=CASE.json [--format=text|json]\n"
      "\n"
      "Evaluates a patient case on a pathway and prints the result: the\n"
      "status, the node reached, recommendations, actions ordered, missing\n"
      "inputs, post-test probabilities and the trace, as docs/evaluation.md\n"
      "defines them. FILE is a pathway, checked and verified exactly as\n"
      "'pathwayc check' does (a pathway with errors is never evaluated), or\n"
      "a .json document written by 'pathwayc compile --emit json'.\n"
      "\n"
      "options:\n";
  Text += getValueFlagsHelp<EvalOptions>(EvalFlags);
  Text += "\nDiagnostics and errors go to stderr; stdout gets only the "
          "result.\n"
          "\nexit status: 0 evaluated (whatever the result's status), 1 "
          "errors in the\npathway, the document or the case, 2 usage or "
          "file error\n";
  return Text;
}

const ValueFlag<CheckGeneratedOptions> CheckGeneratedFlags[] = {
    {"--source-root", "DIR",
     "what relative source paths in the files are relative to (the "
     "directory the compile ran in; default: the current directory)",
     [](CheckGeneratedOptions &O, llvm::StringRef V, std::string &Error) {
       if (V.empty()) {
         Error = "option '--source-root' needs a directory";
         return false;
       }
       O.SourceRoot = V.str();
       return true;
     }},
    {"--format", "text|json",
     "how to print the report on stdout: 'text' (the default: a line for "
     "each file that is not fresh, then a summary) or 'json' (every file)",
     [](CheckGeneratedOptions &O, llvm::StringRef V, std::string &Error) {
       return applyTextOrJson("report", V, O.JsonOutput, Error);
     }},
};

bool parseCheckGeneratedCommand(llvm::ArrayRef<llvm::StringRef> Args,
                                Command &Out, std::string &Error) {
  Out.Kind = Command::CommandKind::CheckGenerated;
  bool Help = false;
  if (!parseValueFlags<CheckGeneratedOptions>(
          "check-generated", CheckGeneratedFlags, Args, Out.CheckGenerated,
          Out.CheckGenerated.Dirs, Help, Error))
    return false;
  if (Help) {
    Out.Kind = Command::CommandKind::Help;
    Out.HelpTopic = "check-generated";
    return true;
  }
  if (Out.CheckGenerated.Dirs.empty()) {
    Error = "'check-generated' needs a directory of generated files";
    return false;
  }
  return true;
}

std::string getCheckGeneratedHelpText() {
  std::string Text =
      "usage: pathwayc check-generated DIR... [--source-root=DIR] "
      "[--format=text|json]\n"
      "\n"
      "Tells whether the files 'pathwayc compile' wrote into each DIR are\n"
      "stale against their sources. Each .h, .cpp, .json and .dot file\n"
      "records its source, the source's SHA-256 and the compiler's version;\n"
      "it is fresh when the source still has that hash and this pathwayc\n"
      "has that version. Other files (svg, png, a README) and files that do\n"
      "not say they were generated are skipped; subdirectories are not\n"
      "read. docs/check-generated.md has the details.\n"
      "\n"
      "options:\n";
  Text += getValueFlagsHelp<CheckGeneratedOptions>(CheckGeneratedFlags);
  Text += "\nexit status: 0 all fresh, 1 any stale or malformed, 2 usage or "
          "file error\n";
  return Text;
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
  if (Args.front() == "check" || Args.front() == "compile")
    return parseFileCommand(Args.front(), Args.drop_front(), Out, Error);
  if (Args.front() == "eval")
    return parseEvalCommand(Args.drop_front(), Out, Error);
  if (Args.front() == "check-generated")
    return parseCheckGeneratedCommand(Args.drop_front(), Out, Error);
  Error = fmt::format("unknown command '{}'; run 'pathwayc --help'",
                      Args.front().str());
  return false;
}

std::string pathwayc::getHelpText(llvm::StringRef Topic) {
  if (Topic == "eval")
    return getEvalHelpText();
  if (Topic == "check-generated")
    return getCheckGeneratedHelpText();
  if (Topic == "check" || Topic == "compile") {
    bool Compile = Topic == "compile";
    std::string Text =
        Compile ? "usage: pathwayc compile --emit TARGET[,TARGET...] -o DIR "
                  "[options] FILE...\n"
                  "\n"
                  "Checks and verifies each pathway, then writes every target "
                  "for it\ninto DIR. Nothing is written unless every file "
                  "and every target\nsucceeds.\n"
                  "\n"
                  "options:\n"
                : "usage: pathwayc check [options] FILE...\n"
                  "\n"
                  "Parses each pathway file, checks its names, types, units "
                  "and evidence,\nand verifies its decision graph, reporting "
                  "every problem found with\nits location.\n"
                  "\n"
                  "options:\n";
    for (const CheckFlag &F : CheckFlags) {
      if (F.CompileOnly && !Compile)
        continue;
      std::string Spelling = F.Name.str();
      if (!F.ValueName.empty())
        Spelling += "=" + F.ValueName.str();
      Text += fmt::format("  {:<34} {}\n", Spelling, F.Help.str());
    }
    if (Compile) {
      Text += fmt::format("  {:<34} {}\n", "--<target>_opt=VALUE",
                          "options for one target (see docs/targets/)");
      Text += "\ntargets:\n";
      for (const TargetInfo &T : getTargets())
        Text += fmt::format("  {:<12} {}\n", T.Name.str(), T.Description.str());
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
         "pathwayc compiles clinical guideline pathways: it checks them,\n"
         "proves properties of their decision graphs, reports every problem\n"
         "with its location, and writes C++, JSON and diagrams.\n"
         "\n"
         "commands:\n"
         "  check            check and verify pathway files and report "
         "diagnostics\n"
         "  compile          check, verify and write targets (C++, JSON, "
         "diagrams)\n"
         "  eval             evaluate a patient case on a pathway and print "
         "the result\n"
         "  check-generated  tell whether generated files are stale against "
         "their sources\n"
         "\n"
         "options:\n"
         "  --help           show this help; 'pathwayc check --help' for a "
         "command's options\n"
         "  --version        show the compiler's version\n"
         "\n"
         "exit status: 0 no errors, 1 errors found, 2 usage or file error\n";
}
