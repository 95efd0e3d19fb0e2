//===- HighlightCommandTest.cpp - --highlight and rendering, end to end ---===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// `pathwayc compile --highlight` through the real binary: a finding's
// witness paths and explicit node ids drawn in red, exactly, in every
// target that draws; ids and codes that name nothing are errors. Then
// `--emit svg|png` without Graphviz's `dot` on PATH, with a `dot` that
// fails, and the temporary files rendering leaves (none).
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

using namespace pathwayc::test;

namespace {

const std::string Indeterminate =
    std::string(PATHWAYC_SOURCE_DIR) +
    "/tests/diagnostics/PW0803-probability-indeterminate.pathway";
/// Its finding, PW0603, has no witness path.
const std::string DeadArm = std::string(PATHWAYC_SOURCE_DIR) +
                            "/tests/diagnostics/PW0603-dead-arm-earlier-arm."
                            "pathway";
const std::string Buttock = std::string(PATHWAYC_SOURCE_DIR) +
                            "/guidelines/buttock_pain_differential.pathway";
const std::string Spine = std::string(PATHWAYC_SOURCE_DIR) +
                          "/guidelines/spine_origin_of_hip_pain.pathway";

// Two PW0803 findings, one on each side's step, so two witness paths that
// share their start.
constexpr const char *TwoFindings = R"(pathway two_findings {
  title "Two indeterminate branches"
  version "1"
  source upmc "UPMC Rehab Grand Rounds"
  inputs { side: one of { left, right } "the painful side" }
  diagnosis lsr "Lumbosacral radiculopathy" pretest 3..5 percent cite upmc "3-5%"
  exam emg "EMG" detects lsr sensitivity 0.49..0.86 specificity 0.87..1.00
      cite upmc "87-100%"
  start step route "Route by side" {
    assess side
    branch {
      side is left -> left_emg cite upmc
      side is right -> right_emg cite upmc
    }
  }
  step left_emg "Left EMG" {
    assess emg
    branch {
      probability(lsr) >= 0.5 -> treat cite upmc
      probability(lsr) < 0.5 -> elsewhere cite upmc
    }
  }
  step right_emg "Right EMG" {
    assess emg
    branch {
      probability(lsr) >= 0.5 -> treat cite upmc
      probability(lsr) < 0.5 -> elsewhere cite upmc
    }
  }
  outcome treat "Radiculopathy likely" { recommend "Treat it" cite upmc }
  outcome elsewhere "Radiculopathy unlikely" { recommend "Look on" cite upmc }
}
)";

/// A fresh directory, removed with everything in it.
class TempDir {
public:
  TempDir() { llvm::sys::fs::createUniqueDirectory("pathwayc-test", Path); }
  ~TempDir() { llvm::sys::fs::remove_directories(Path); }
  std::string path() const { return std::string(Path); }
  std::string file(llvm::StringRef Name) const {
    return (Path + "/" + Name).str();
  }
  /// The names in the directory, sorted.
  std::vector<std::string> list() const {
    std::vector<std::string> Names;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Path, EC), End; !EC && It != End;
         It.increment(EC))
      Names.push_back(llvm::sys::path::filename(It->path()).str());
    llvm::sort(Names);
    return Names;
  }

private:
  llvm::SmallString<128> Path;
};

using Edge = std::pair<std::string, std::string>;

/// What a diagram draws highlighted (red, width 3), legend aside.
struct Highlighted {
  std::set<std::string> Nodes;
  std::set<Edge> Edges;
};

Highlighted readHighlighted(const std::string &Dot) {
  static const std::regex Statement(
      R"re(^\s*"([^"]*)"(?: -> "([^"]*)")? \[.*penwidth="3".*$)re");
  Highlighted H;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(Dot).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    std::smatch M;
    std::string Text = Line.str();
    if (!std::regex_match(Text, M, Statement) ||
        llvm::StringRef(M[1].str()).startswith("legend."))
      continue;
    if (M[2].matched)
      H.Edges.insert({M[1], M[2]});
    else
      H.Nodes.insert(M[1]);
  }
  return H;
}

/// The nodes and edges of \p Paths, as the highlight should draw them.
Highlighted
expectedHighlight(const std::vector<std::vector<std::string>> &Paths) {
  Highlighted H;
  for (const std::vector<std::string> &Path : Paths) {
    H.Nodes.insert(Path.begin(), Path.end());
    for (size_t I = 1; I < Path.size(); ++I)
      H.Edges.insert({Path[I - 1], Path[I]});
  }
  return H;
}

std::string describe(const Highlighted &H) {
  std::string S = "nodes:";
  for (const std::string &N : H.Nodes)
    S += " " + N;
  S += "; edges:";
  for (const Edge &E : H.Edges)
    S += " " + E.first + "->" + E.second;
  return S;
}

/// The witness paths of \p File's findings with \p Code, as `pathwayc check
/// --diagnostics-format=json` prints them.
std::vector<std::vector<std::string>> witnessPaths(const std::string &File,
                                                   llvm::StringRef Code) {
  RunResult R = runPathwayc({"check", "--diagnostics-format=json", File});
  std::vector<std::vector<std::string>> Paths;
  nlohmann::json Document = nlohmann::json::parse(R.Out);
  for (const auto &D : Document["diagnostics"])
    if (D["code"] == Code.str() && D.contains("witness") &&
        D["witness"].contains("path"))
      Paths.push_back(D["witness"]["path"].get<std::vector<std::string>>());
  return Paths;
}

/// Runs `pathwayc compile --emit TARGETS HIGHLIGHT -o OUT FILES...`, with
/// no --highlight when \p Highlight is empty.
RunResult compile(llvm::StringRef Targets, llvm::StringRef Highlight,
                  const TempDir &Out, const std::vector<std::string> &Files) {
  std::vector<std::string> Args = {"compile", "--emit", Targets.str(), "-o",
                                   Out.path()};
  if (!Highlight.empty())
    Args.push_back(Highlight.str());
  Args.insert(Args.end(), Files.begin(), Files.end());
  return runPathwayc(Args);
}

/// Whether \p R exited with \p Exit after printing \p Message on stderr.
testing::AssertionResult failedWith(const RunResult &R, int Exit,
                                    const std::string &Message) {
  if (R.ExitCode != Exit || R.Err.find(Message) == std::string::npos)
    return testing::AssertionFailure()
           << "exit " << R.ExitCode << ", stderr:\n"
           << R.Err << "expected exit " << Exit << " and:\n"
           << Message;
  return testing::AssertionSuccess();
}

/// Compiles \p File to dot with \p Highlight (an option, or nothing) and
/// returns what it draws.
Highlighted compileHighlighted(const std::string &File,
                               llvm::StringRef Highlight) {
  TempDir Out;
  RunResult R = compile("dot", Highlight, Out, {File});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  std::vector<std::string> Files = Out.list();
  EXPECT_EQ(Files.size(), 1u);
  if (Files.size() != 1)
    return {};
  return readHighlighted(readWholeFile(Out.file(Files.front())));
}

/// Runs pathwayc with \p Args in the environment \p Env only.
RunResult runWithEnvironment(const std::vector<std::string> &Args,
                             const std::vector<std::string> &Env) {
  std::vector<llvm::StringRef> Refs(Env.begin(), Env.end());
  return runPathwayc(Args, llvm::makeArrayRef(Refs));
}

//===----------------------------------------------------------------------===//
// --highlight
//===----------------------------------------------------------------------===//

TEST(HighlightCommandTest, CodeDrawsTheFindingsWitnessPathInRed) {
  std::vector<std::vector<std::string>> Paths =
      witnessPaths(Indeterminate, "PW0803");
  ASSERT_EQ(Paths.size(), 1u);
  ASSERT_GE(Paths.front().size(), 2u);
  Highlighted Expected = expectedHighlight(Paths);
  Highlighted Drawn = compileHighlighted(Indeterminate, "--highlight=PW0803");
  EXPECT_EQ(describe(Drawn), describe(Expected));
  // Without the option nothing is.
  EXPECT_EQ(describe(compileHighlighted(Indeterminate, "")),
            describe(Highlighted()));
}

TEST(HighlightCommandTest, CodeDrawsEveryWitnessPathOfThatCode) {
  TempFile Source("two_findings.pathway", TwoFindings);
  std::vector<std::vector<std::string>> Paths =
      witnessPaths(Source.path(), "PW0803");
  ASSERT_EQ(Paths.size(), 2u);
  EXPECT_EQ(describe(compileHighlighted(Source.path(), "--highlight=PW0803")),
            describe(expectedHighlight(Paths)));
}

TEST(HighlightCommandTest, ExplicitIdsAreDrawnInRed) {
  std::vector<std::string> Path = {"step.electrodiagnosis.assess",
                                   "step.electrodiagnosis.branch",
                                   "outcome.look_elsewhere"};
  // Spaces after the commas are allowed.
  EXPECT_EQ(describe(compileHighlighted(
                Indeterminate, "--highlight=step.electrodiagnosis.assess, "
                               "step.electrodiagnosis.branch,"
                               "outcome.look_elsewhere")),
            describe(expectedHighlight({Path})));
  // One id: a node, no edge.
  EXPECT_EQ(describe(compileHighlighted(
                Indeterminate, "--highlight=outcome.treat_radiculopathy")),
            describe(expectedHighlight({{"outcome.treat_radiculopathy"}})));
}

TEST(HighlightCommandTest, AppliesToTheTargetsThatDrawOnly) {
  TempDir Plain, Highlighted;
  RunResult A = compile("json,dot,svg", "", Plain, {Indeterminate});
  RunResult B = compile("json,dot,svg", "--highlight=PW0803", Highlighted,
                        {Indeterminate});
  ASSERT_EQ(A.ExitCode, 0) << A.Err;
  ASSERT_EQ(B.ExitCode, 0) << B.Err;
  std::string Name = "probability_indeterminate";
  EXPECT_EQ(
      Highlighted.list(),
      std::vector<std::string>({Name + ".dot", Name + ".json", Name + ".svg"}));
  EXPECT_TRUE(readWholeFile(Plain.file(Name + ".json")) ==
              readWholeFile(Highlighted.file(Name + ".json")));
  llvm::StringRef Wide = "stroke-width=\"3\"";
  EXPECT_GT(
      llvm::StringRef(readWholeFile(Highlighted.file(Name + ".svg")))
          .count(Wide),
      llvm::StringRef(readWholeFile(Plain.file(Name + ".svg"))).count(Wide));
}

TEST(HighlightCommandTest, UnknownIdIsAnErrorWithTheNearestId) {
  TempDir Out;
  EXPECT_TRUE(failedWith(
      compile("dot",
              "--highlight=step.electrodiagnosis.assess,"
              "step.electrodiagnosis.brnch",
              Out, {Indeterminate}),
      1,
      "pathwayc: error: --highlight: pathway 'probability_indeterminate' in "
      "'" +
          Indeterminate +
          "' has no node 'step.electrodiagnosis.brnch'; did you mean "
          "'step.electrodiagnosis.branch'?\n"));
  // Nothing near: where to find the ids instead.
  EXPECT_TRUE(
      failedWith(compile("svg", "--highlight=zzz", Out, {Indeterminate}), 1,
                 "has no node 'zzz'; 'pathwayc check --dump-ir " +
                     Indeterminate + "' lists its nodes\n"));
  EXPECT_TRUE(Out.list().empty());
}

TEST(HighlightCommandTest, CodeWithoutAWitnessPathIsAnError) {
  TempDir Out;
  // A PW0603 finding, which carries no path.
  EXPECT_TRUE(failedWith(
      compile("dot", "--highlight=PW0603", Out, {DeadArm}), 1,
      "pathwayc: error: --highlight=PW0603: the PW0603 finding in '" + DeadArm +
          "' has no witness path to draw; none of its findings has one\n"));
  // No finding of that code at all; the message names the codes that do
  // have a path.
  EXPECT_TRUE(failedWith(
      compile("dot", "--highlight=PW0801", Out, {Indeterminate}), 1,
      "--highlight=PW0801: '" + Indeterminate +
          "' has no PW0801 finding to draw; its findings with a witness "
          "path: PW0803\n"));
  // One file of two without the finding: the other is not written either.
  RunResult Mixed =
      compile("dot", "--highlight=PW0803", Out, {Indeterminate, Buttock});
  EXPECT_TRUE(failedWith(Mixed, 1, "'" + Buttock + "' has no PW0803 finding"));
  EXPECT_EQ(Mixed.Err.find("'" + Indeterminate + "' has no"), std::string::npos)
      << Mixed.Err;
  EXPECT_TRUE(Out.list().empty());
}

TEST(HighlightCommandTest, BadValuesAreUsageErrors) {
  TempDir Out;
  EXPECT_TRUE(
      failedWith(compile("dot", "--highlight=PW9999", Out, {Indeterminate}), 2,
                 "pathwayc: error: unknown diagnostic code 'PW9999'"));
  for (const char *Value : {"--highlight=", "--highlight=,", "--highlight= , "})
    EXPECT_TRUE(failedWith(compile("dot", Value, Out, {Indeterminate}), 2,
                           "pathwayc: error: option '--highlight' needs a "
                           "finding's code or node ids"))
        << Value;
  // `check` draws nothing.
  EXPECT_TRUE(
      failedWith(runPathwayc({"check", "--highlight=PW0803", Indeterminate}), 2,
                 "unknown option '--highlight=PW0803'"));
  EXPECT_TRUE(Out.list().empty());
}

TEST(HighlightCommandTest, HelpListsTheOptionAndTheTargets) {
  RunResult Help = runPathwayc({"compile", "--help"});
  EXPECT_EQ(Help.ExitCode, 0);
  EXPECT_NE(Help.Out.find("--highlight=PWnnnn|ID[,ID...]"), std::string::npos)
      << Help.Out;
  EXPECT_NE(Help.Out.find("\n  svg "), std::string::npos) << Help.Out;
  EXPECT_NE(Help.Out.find("\n  png "), std::string::npos) << Help.Out;
}

//===----------------------------------------------------------------------===//
// --emit svg|png and Graphviz's dot
//===----------------------------------------------------------------------===//

TEST(RenderCommandTest, WritesFilesNamedAfterThePathway) {
  TempDir Out;
  RunResult R =
      runPathwayc({"compile", "--emit", "svg,png", "-o", Out.path(), Buttock});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Err, "");
  EXPECT_EQ(Out.list(),
            std::vector<std::string>({"buttock_pain_differential.png",
                                      "buttock_pain_differential.svg"}));
  EXPECT_NE(
      readWholeFile(Out.file("buttock_pain_differential.svg")).find("<svg"),
      std::string::npos);
  EXPECT_EQ(readWholeFile(Out.file("buttock_pain_differential.png"))
                .rfind("\x89PNG\r\n\x1a\n", 0),
            0u);
}

constexpr const char *MissingDot =
    "pathwayc: error[PW0009]: --emit svg needs Graphviz's 'dot' program, "
    "which is not on PATH; install Graphviz (Debian: apt-get install "
    "graphviz) or use --emit dot\n"
    "1 error generated.\n";

TEST(RenderCommandTest, MissingDotIsAClearErrorAndWritesNothing) {
  TempDir EmptyPath, Out;
  std::vector<std::string> Env = {"PATH=" + EmptyPath.path()};
  // Said once, not once a file.
  RunResult Svg = runWithEnvironment(
      {"compile", "--emit", "dot,svg", "-o", Out.path(), Buttock, Spine}, Env);
  EXPECT_EQ(Svg.ExitCode, 2);
  EXPECT_EQ(Svg.Err, MissingDot);
  EXPECT_TRUE(Out.list().empty());

  // The directory is not even created.
  std::string NewDir = Out.file("new");
  RunResult Png = runWithEnvironment(
      {"compile", "--emit", "png", "-o", NewDir, Buttock}, Env);
  EXPECT_EQ(Png.ExitCode, 2);
  EXPECT_NE(Png.Err.find("--emit png needs Graphviz's 'dot' program"),
            std::string::npos)
      << Png.Err;
  EXPECT_FALSE(llvm::sys::fs::exists(NewDir));

  // The dot target itself does not need Graphviz.
  RunResult Dot = runWithEnvironment(
      {"compile", "--emit", "dot", "-o", Out.path(), Buttock}, Env);
  EXPECT_EQ(Dot.ExitCode, 0) << Dot.Err;
  EXPECT_EQ(Out.list(),
            std::vector<std::string>({"buttock_pain_differential.dot"}));
}

/// A directory with a stand-in for Graphviz's `dot`: a shell script that
/// lists $TMPDIR into the file `listing` beside it, then runs \p Body.
class FakeDot {
public:
  explicit FakeDot(llvm::StringRef Body) {
    {
      // pathwayc runs it with only this directory on PATH.
      std::error_code EC;
      llvm::raw_fd_ostream Script(Dir.file("dot"), EC);
      Script << "#!/bin/sh\nPATH=/usr/bin:/bin\nls \"$TMPDIR\" > '"
             << Dir.file("listing") << "'\n"
             << Body;
    }
    llvm::sys::fs::setPermissions(Dir.file("dot"),
                                  llvm::sys::fs::perms::owner_all);
  }
  std::string program() const { return Dir.file("dot"); }
  /// What $TMPDIR held while the script ran.
  std::vector<std::string> listing() const {
    llvm::SmallVector<llvm::StringRef, 4> Lines;
    std::string Text = read("listing");
    llvm::StringRef(Text).split(Lines, '\n', -1, /*KeepEmpty=*/false);
    return std::vector<std::string>(Lines.begin(), Lines.end());
  }
  /// Runs `pathwayc compile --emit TARGETS -o OUT` on the buttock pain
  /// guideline with only this `dot` on PATH and \p TmpDir for temporary
  /// files.
  RunResult compile(llvm::StringRef Targets, const TempDir &Out,
                    const TempDir &TmpDir) const {
    return runWithEnvironment(
        {"compile", "--emit", Targets.str(), "-o", Out.path(), Buttock},
        {"PATH=" + Dir.path(), "TMPDIR=" + TmpDir.path()});
  }
  /// A file the script wrote beside itself.
  std::string read(llvm::StringRef Name) const {
    return readWholeFile(Dir.file(Name));
  }

private:
  TempDir Dir;
};

TEST(RenderCommandTest, DotReadsAndWritesTemporaryFilesThatAreRemoved) {
  // This `dot` echoes its input: the svg file must be the dot file.
  FakeDot Dot("echo \"$@\" > \"$(dirname \"$0\")/args\"\ncat\n");
  TempDir Out, Scratch;
  RunResult R = Dot.compile("dot,svg", Out, Scratch);
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  std::string Diagram =
      readWholeFile(Out.file("buttock_pain_differential.dot"));
  EXPECT_NE(Diagram.find("digraph"), std::string::npos);
  EXPECT_TRUE(Diagram ==
              readWholeFile(Out.file("buttock_pain_differential.svg")));
  EXPECT_EQ(Dot.read("args"), "-Tsvg\n");
  // The diagram, the rendering and dot's stderr, in the temporary
  // directory while dot ran, and gone after.
  std::vector<std::string> During = Dot.listing();
  EXPECT_EQ(During.size(), 3u);
  for (const std::string &Name : During)
    EXPECT_EQ(Name.rfind("pathwayc-render-", 0), 0u) << Name;
  EXPECT_TRUE(Scratch.list().empty());
}

TEST(RenderCommandTest, FailingDotIsReportedWithItsStderr) {
  FakeDot Dot("echo 'Error: layout failed: out of paper' >&2\nexit 3\n");
  TempDir Out, Scratch;
  RunResult R = Dot.compile("dot,png", Out, Scratch);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(R.Err, "pathwayc: error[PW0010]: could not render "
                   "'buttock_pain_differential' as png with Graphviz's 'dot' "
                   "(" +
                       Dot.program() +
                       "): exit status 3\n"
                       "Error: layout failed: out of paper\n"
                       "1 error generated.\n");
  // Neither the png nor the dot file.
  EXPECT_TRUE(Out.list().empty());
  EXPECT_EQ(Dot.listing().size(), 3u);
  EXPECT_TRUE(Scratch.list().empty());
}

} // namespace
