//===- DotTargetTest.cpp - The Graphviz target ----------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The diagram's shape on a small pathway (clusters, shapes, colours by
// urgency, edge labels, likelihood ratios, tooltips, a highlighted path,
// escaping), its determinism, the target's options, rendering of every
// shipped guideline with the real Graphviz (`dot -Tsvg`), and the goldens in
// tests/golden/dot.
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"
#include "dot/DotTarget.h"
#include "driver/Driver.h"
#include "ir/Module.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <filesystem>

using namespace pathwayc;

namespace {

/// One pathway compiled and emitted, with everything the output refers to
/// kept alive.
struct Emission {
  SourceManager SM;
  DiagnosticsEngine Diags{SM};
  CompiledPathway Compiled;
  MemoryOutputContext Out;
  bool Succeeded = false;

  std::string diagnostics() const {
    std::string S;
    llvm::raw_string_ostream OS(S);
    renderDiagnosticsText(OS, SM, Diags.getSortedDiagnostics(), {});
    return S;
  }
  /// The only file written; empty if there is none.
  std::string text() const {
    auto Files = Out.getFiles();
    return Files.size() == 1 ? Files.front().second : std::string();
  }
};

void compileAndEmit(Emission &E, BufferID Buffer, llvm::StringRef SourceName,
                    llvm::StringRef Parameter,
                    std::vector<std::string> Highlight) {
  ASSERT_NE(Buffer, 0u) << E.diagnostics();
  E.Compiled = compilePathway(Buffer, E.Diags, PipelineOptions());
  ASSERT_TRUE(E.Compiled.Graph) << E.diagnostics();
  Provenance Origin;
  Origin.CompilerVersion = PATHWAYC_VERSION;
  Origin.SourceFile = SourceName.str();
  Origin.SourceSha256 = sha256Hex(E.SM.getContents(Buffer));
  Origin.PassedChecks = E.Compiled.Report.PassedChecks;
  EmitRequest Request{*E.Compiled.Graph, std::move(Origin), Parameter.str(),
                      std::move(Highlight)};
  E.Succeeded = createDotEmitter()->emit(Request, E.Out, E.Diags);
}

/// Compiles \p Text (which must have no errors before verification) and
/// emits it as "test.pathway".
std::unique_ptr<Emission> emitText(llvm::StringRef Text,
                                   llvm::StringRef Parameter = "",
                                   std::vector<std::string> Highlight = {}) {
  auto E = std::make_unique<Emission>();
  BufferID Buffer = E->SM.addBuffer("test.pathway", Text.str());
  compileAndEmit(*E, Buffer, "test.pathway", Parameter, std::move(Highlight));
  return E;
}

/// Compiles the file at \p Path, recording it as \p SourceName, the way
/// `pathwayc compile` run from the repository root would.
std::unique_ptr<Emission> emitFile(llvm::StringRef Path,
                                   llvm::StringRef SourceName) {
  auto E = std::make_unique<Emission>();
  BufferID Buffer = loadPathwayFile(Path, E->Diags);
  compileAndEmit(*E, Buffer, SourceName, "", {});
  return E;
}

std::string sourcePath(llvm::StringRef Relative) {
  return (std::filesystem::path(PATHWAYC_SOURCE_DIR) / Relative.str()).string();
}

/// Stems of the shipped guidelines, sorted.
std::vector<std::string> shippedGuidelines() {
  std::vector<std::string> Stems;
  for (const auto &Entry :
       std::filesystem::directory_iterator(sourcePath("guidelines")))
    if (Entry.path().extension() == ".pathway")
      Stems.push_back(Entry.path().stem().string());
  std::sort(Stems.begin(), Stems.end());
  return Stems;
}

/// The line of \p Text that starts (after indentation) with \p Prefix, or
/// an empty string.
std::string lineStartingWith(llvm::StringRef Text, llvm::StringRef Prefix) {
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines)
    if (Line.ltrim().startswith(Prefix))
      return Line.str();
  return "";
}

// A small pathway with a red flag, an exclusion and an inclusion, exams with
// point and range figures and a specificity of 1, an order, a branch with
// notes, outcomes of three urgencies and a long recommendation.
constexpr const char *ShapePathway = R"(pathway shape {
  title "Shape \"quoted\" back\\slash"
  version "1"
  source s "S" year 2020
  inputs {
    fever: bool "a fever"
    relief: number in [0, 100] percent "pain relief"
    side: one of { left, right, both }
  }
  red_flag infection: fever -> urgent "Evaluate for infection" cite s "fever"
  exclude "both sides": side is both -> refer "Rheumatology" cite s
  include "one side": side in { left, right } cite s
  diagnosis d "D" pretest 0.3 cite s
  diagnosis r "R" pretest 0.1..0.2 cite s
  exam e "E" detects d sensitivity 0.88 specificity 0.973 cite s
  exam emg "EMG" detects r sensitivity 0.49..0.86 specificity 0.87..1 cite s
  procedure inj "Injection" usually_appropriate rating 8 radiation minimal cite s
  start step first "First" {
    order inj justify "to read the relief" cite s
    assess relief, e, emg
    branch {
      relief > 75 percent and e -> hip cite s
      relief <= 75 percent and not emg -> mixed cite s
      otherwise -> elsewhere
        note "the rest" cite s
    }
  }
  outcome hip "Hip" { urgency soon recommend "Treat the hip" cite s "hip" }
  outcome mixed "Mixed" {
    urgency emergency
    recommend "Treat both the hip and the spine together with a long plan that goes on and on" cite s
  }
  outcome elsewhere "Elsewhere" {
    recommend "Look elsewhere" cite s
    pitfall "Not the hip" cite s
  }
}
)";

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

class DotShapeTest : public testing::Test {
protected:
  void SetUp() override {
    E = emitText(ShapePathway);
    ASSERT_TRUE(E->Succeeded) << E->diagnostics();
    Text = E->text();
  }
  std::unique_ptr<Emission> E;
  std::string Text;
};

TEST_F(DotShapeTest, WritesOneFileNamedAfterThePathway) {
  auto Files = E->Out.getFiles();
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files.front().first, "shape.dot");
  EXPECT_TRUE(llvm::StringRef(Text).startswith("// Generated by pathwayc "));
  EXPECT_NE(Text.find("\ndigraph \"shape\" {\n"), std::string::npos);
  EXPECT_EQ(Text.substr(Text.size() - 2), "}\n");
}

TEST_F(DotShapeTest, ClustersAndLegend) {
  for (const char *Cluster :
       {"subgraph \"cluster_legend\"", "subgraph \"cluster_screening\"",
        "subgraph \"cluster_criteria\"", "subgraph \"cluster_workup\""})
    EXPECT_NE(Text.find(Cluster), std::string::npos) << Cluster;
  // In that order.
  EXPECT_LT(Text.find("cluster_legend"), Text.find("cluster_screening"));
  EXPECT_LT(Text.find("cluster_screening"), Text.find("cluster_criteria"));
  EXPECT_LT(Text.find("cluster_criteria"), Text.find("cluster_workup"));
}

TEST_F(DotShapeTest, ShapesByKind) {
  EXPECT_NE(
      lineStartingWith(Text, "\"screen.infection\"").find("shape=\"octagon\""),
      std::string::npos);
  EXPECT_NE(lineStartingWith(Text, "\"exclude.").find("shape=\"hexagon\""),
            std::string::npos);
  std::string Order = lineStartingWith(Text, "\"step.first.order\"");
  EXPECT_NE(Order.find("shape=\"box\""), std::string::npos) << Order;
  EXPECT_NE(Order.find("Injection (usually_appropriate, rating 8, "
                       "radiation minimal)"),
            std::string::npos)
      << Order;
  std::string Assess = lineStartingWith(Text, "\"step.first.assess\"");
  EXPECT_NE(Assess.find("shape=\"parallelogram\""), std::string::npos);
  EXPECT_NE(Assess.find("\\nrelief"), std::string::npos) << Assess;
  EXPECT_NE(
      lineStartingWith(Text, "\"step.first.branch\"").find("shape=\"diamond\""),
      std::string::npos);
}

TEST_F(DotShapeTest, OutcomesColouredByUrgency) {
  std::string Hip = lineStartingWith(Text, "\"outcome.hip\"");
  EXPECT_NE(Hip.find("fillcolor=\"yellow\""), std::string::npos) << Hip;
  EXPECT_NE(Hip.find("style=\"rounded,filled\""), std::string::npos) << Hip;
  EXPECT_NE(Hip.find("Treat the hip"), std::string::npos) << Hip;
  EXPECT_NE(
      lineStartingWith(Text, "\"outcome.mixed\"").find("fillcolor=\"red\""),
      std::string::npos);
  EXPECT_NE(lineStartingWith(Text, "\"outcome.elsewhere\"")
                .find("fillcolor=\"palegreen\""),
            std::string::npos);
  std::string RedFlag = lineStartingWith(Text, "\"red_flag.infection\"");
  EXPECT_NE(RedFlag.find("shape=\"doubleoctagon\""), std::string::npos);
  EXPECT_NE(RedFlag.find("fillcolor=\"orange\""), std::string::npos);
}

TEST_F(DotShapeTest, LongRecommendationsAreShortenedInTheLabel) {
  std::string Mixed = lineStartingWith(Text, "\"outcome.mixed\"");
  size_t Label = Mixed.find("label=");
  size_t Tooltip = Mixed.find("tooltip=");
  ASSERT_NE(Tooltip, std::string::npos) << Mixed;
  std::string LabelText = Mixed.substr(Label, Tooltip - Label);
  EXPECT_NE(LabelText.find("\xE2\x80\xA6"), std::string::npos) << LabelText;
  EXPECT_EQ(LabelText.find("on and on"), std::string::npos) << LabelText;
  EXPECT_NE(Mixed.substr(Tooltip).find("on and on"), std::string::npos);
}

TEST_F(DotShapeTest, EdgesCarryTheAuthorsGuardText) {
  std::string Arm = lineStartingWith(Text, "\"step.first.branch\" -> "
                                           "\"outcome.hip\"");
  EXPECT_NE(Arm.find("label=\"relief > 75 percent and e\""), std::string::npos)
      << Arm;
  std::string Otherwise = lineStartingWith(Text, "\"step.first.branch\" -> "
                                                 "\"outcome.elsewhere\"");
  EXPECT_NE(Otherwise.find("label=\"otherwise\""), std::string::npos);
  EXPECT_NE(Otherwise.find("tooltip=\"Note: the rest\""), std::string::npos)
      << Otherwise;
}

TEST_F(DotShapeTest, NotesAndPitfallsAreTooltips) {
  EXPECT_NE(lineStartingWith(Text, "\"outcome.elsewhere\"")
                .find("tooltip=\"Pitfall: Not the hip\""),
            std::string::npos);
}

TEST_F(DotShapeTest, BranchShowsLikelihoodRatios) {
  std::string Branch = lineStartingWith(Text, "\"step.first.branch\" [");
  // 0.88 / 0.027 and 0.12 / 0.973.
  EXPECT_NE(Branch.find("E: LR+ 32.6, LR\xE2\x88\x92 0.123"), std::string::npos)
      << Branch;
  // LR+ from 0.49 / 0.13 to 0.86 / 0 (inf); LR- from 0.14 / 1 to
  // 0.51 / 0.87.
  EXPECT_NE(Branch.find("EMG: LR+ [3.77, inf], LR\xE2\x88\x92 [0.14, 0.586]"),
            std::string::npos)
      << Branch;
}

TEST_F(DotShapeTest, TitleIsEscaped) {
  EXPECT_NE(Text.find("label=\"Shape \\\"quoted\\\" back\\\\slash (version "
                      "1)\""),
            std::string::npos)
      << lineStartingWith(Text, "graph [");
}

TEST(DotTargetTest, EscapesQuotesBackslashesAndNewlines) {
  auto E = emitText(R"(pathway esc {
  title "A \"B\" C\\D"
  version "1"
  source s "S"
  start step a "Step \"one\"\\two" { next done }
  outcome done "Done \"x\"" { recommend "Say \"hi\"\\now" cite s }
}
)");
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  std::string Text = E->text();
  EXPECT_NE(Text.find("A \\\"B\\\" C\\\\D"), std::string::npos);
  EXPECT_NE(Text.find("Done \\\"x\\\""), std::string::npos);
  EXPECT_NE(Text.find("Say \\\"hi\\\"\\\\now"), std::string::npos);
  // Every line is a whole statement: each string it opens, it closes.
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(Text).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    bool InString = false;
    for (size_t I = 0; I < Line.size(); ++I) {
      if (InString && Line[I] == '\\')
        ++I;
      else if (Line[I] == '"')
        InString = !InString;
    }
    EXPECT_FALSE(InString) << Line.str();
  }
}

//===----------------------------------------------------------------------===//
// Highlighting
//===----------------------------------------------------------------------===//

TEST(DotTargetTest, HighlightedPathIsRed) {
  std::vector<std::string> Path = {"step.first.order", "step.first.assess",
                                   "step.first.branch", "outcome.hip"};
  auto E = emitText(ShapePathway, "", Path);
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  std::string Text = E->text();
  for (const std::string &Id : Path) {
    std::string Line = lineStartingWith(Text, "\"" + Id + "\" [");
    EXPECT_NE(Line.find("color=\"red\", penwidth=\"3\""), std::string::npos)
        << Line;
  }
  for (size_t I = 1; I < Path.size(); ++I) {
    std::string Line = lineStartingWith(Text, "\"" + Path[I - 1] + "\" -> \"" +
                                                  Path[I] + "\"");
    EXPECT_NE(Line.find("color=\"red\", penwidth=\"3\""), std::string::npos)
        << Line;
  }
  // Neither nodes nor edges off the path.
  EXPECT_EQ(lineStartingWith(Text, "\"outcome.mixed\" [").find("penwidth"),
            std::string::npos);
  EXPECT_EQ(lineStartingWith(Text, "\"step.first.branch\" -> \"outcome.mixed\"")
                .find("penwidth"),
            std::string::npos);
  // Without a path nothing is red but the legend's sample and the
  // emergency outcome's fill.
  auto Plain = emitText(ShapePathway);
  EXPECT_EQ(llvm::StringRef(Plain->text()).count("penwidth"), 1u);
}

//===----------------------------------------------------------------------===//
// Determinism and options
//===----------------------------------------------------------------------===//

TEST(DotTargetTest, EmittingTwiceIsByteIdentical) {
  auto A = emitText(ShapePathway);
  auto B = emitText(ShapePathway);
  ASSERT_TRUE(A->Succeeded && B->Succeeded);
  EXPECT_EQ(A->text(), B->text());
  for (const std::string &Stem : shippedGuidelines()) {
    std::string Name = "guidelines/" + Stem + ".pathway";
    auto First = emitFile(sourcePath(Name), Name);
    auto Second = emitFile(sourcePath(Name), Name);
    ASSERT_TRUE(First->Succeeded && Second->Succeeded) << Stem;
    EXPECT_TRUE(First->text() == Second->text()) << Stem;
  }
}

TEST(DotTargetTest, RankDirOption) {
  auto Default = emitText(ShapePathway);
  EXPECT_NE(Default->text().find("rankdir=\"TB\""), std::string::npos);
  auto LR = emitText(ShapePathway, "rankdir=LR");
  ASSERT_TRUE(LR->Succeeded) << LR->diagnostics();
  EXPECT_NE(LR->text().find("rankdir=\"LR\""), std::string::npos);
  auto TB = emitText(ShapePathway, " rankdir=TB ");
  ASSERT_TRUE(TB->Succeeded) << TB->diagnostics();
  EXPECT_EQ(TB->text(), Default->text());
  for (const char *Parameter : {"", ","}) {
    auto E = emitText(ShapePathway, Parameter);
    EXPECT_TRUE(E->Succeeded) << "'" << Parameter << "'";
    EXPECT_EQ(E->text(), Default->text()) << "'" << Parameter << "'";
  }
}

TEST(DotTargetTest, UnknownOptionIsAnErrorAndWritesNothing) {
  auto E = emitText(ShapePathway, "rankdir=LR,rankdir=BT,svg");
  EXPECT_FALSE(E->Succeeded);
  EXPECT_TRUE(E->Out.getFiles().empty());
  std::vector<std::string> Messages;
  for (const Diagnostic &D : E->Diags.getDiagnostics())
    if (D.ID == diag::err_unknown_target_option) {
      EXPECT_EQ(D.Level, Severity::Error);
      EXPECT_EQ(D.getCode(), "PW0008");
      Messages.push_back(D.Message);
    }
  EXPECT_EQ(llvm::join(Messages, "; "),
            "unknown option 'rankdir=BT' for target 'dot'; "
            "unknown option 'svg' for target 'dot'");
}

TEST(DotTargetTest, NameAndDescription) {
  auto Emitter = createDotEmitter();
  EXPECT_EQ(Emitter->getName(), "dot");
  EXPECT_FALSE(Emitter->getDescription().empty());
}

//===----------------------------------------------------------------------===//
// Rendering with the real Graphviz
//===----------------------------------------------------------------------===//

struct Rendering {
  int Exit = -1;
  std::string Svg;
  std::string Err;
};

/// Runs `dot -Tsvg` on \p Graph.
Rendering renderSvg(llvm::StringRef Graph) {
  Rendering R;
  llvm::ErrorOr<std::string> Dot = llvm::sys::findProgramByName("dot");
  if (!Dot) {
    R.Err = "dot not found on PATH: install graphviz";
    return R;
  }
  test::TempFile Input("graph.dot", Graph);
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("pathwayc-dot", "svg", OutPath);
  llvm::sys::fs::createTemporaryFile("pathwayc-dot", "err", ErrPath);
  std::string InputPath = Input.path();
  std::vector<llvm::StringRef> Argv = {*Dot, "-Tsvg", InputPath};
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string Error;
  R.Exit = llvm::sys::ExecuteAndWait(*Dot, Argv, llvm::None, Redirects,
                                     /*SecondsToWait=*/120, 0, &Error);
  R.Svg = test::readWholeFile(OutPath);
  R.Err = Error + test::readWholeFile(ErrPath);
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return R;
}

/// \p Text as Graphviz writes it in SVG text.
std::string svgText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    switch (C) {
    case '&': Out += "&amp;"; break;
    case '<': Out += "&lt;"; break;
    case '>': Out += "&gt;"; break;
    case '"': Out += "&quot;"; break;
    default: Out += C;
    }
  }
  return Out;
}

TEST(DotRenderTest, ShippedGuidelinesRender) {
  std::vector<std::string> Stems = shippedGuidelines();
  ASSERT_EQ(Stems.size(), 4u);
  for (const std::string &Stem : Stems) {
    std::string Name = "guidelines/" + Stem + ".pathway";
    auto E = emitFile(sourcePath(Name), Name);
    ASSERT_TRUE(E->Succeeded) << Stem << "\n" << E->diagnostics();
    Rendering R = renderSvg(E->text());
    ASSERT_EQ(R.Exit, 0) << Stem << ": " << R.Err;
    EXPECT_TRUE(R.Err.empty()) << Stem << ": " << R.Err;
    EXPECT_NE(R.Svg.find("<svg"), std::string::npos) << Stem;
    const ir::Module &M = *E->Compiled.Graph;
    unsigned Outcomes = 0;
    for (const ir::Node &N : M.Nodes) {
      if (N.Kind != ir::NodeKind::Terminal ||
          N.Terminal != ir::TerminalKind::Outcome)
        continue;
      ++Outcomes;
      // Each outcome is a node, titled by its id, labelled with its title.
      EXPECT_NE(R.Svg.find("<title>" + svgText(N.Id) + "</title>"),
                std::string::npos)
          << Stem << ": " << N.Id;
      std::string Title = N.Title.empty() ? N.Name : N.Title;
      std::string FirstWord = Title.substr(0, Title.find(' '));
      EXPECT_NE(R.Svg.find(svgText(FirstWord)), std::string::npos)
          << Stem << ": " << Title;
    }
    EXPECT_GT(Outcomes, 0u) << Stem;
  }
}

TEST(DotRenderTest, SmallPathwayWithHighlightRenders) {
  auto E = emitText(ShapePathway, "rankdir=LR",
                    {"step.first.order", "step.first.assess",
                     "step.first.branch", "outcome.hip"});
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  Rendering R = renderSvg(E->text());
  ASSERT_EQ(R.Exit, 0) << R.Err;
  EXPECT_TRUE(R.Err.empty()) << R.Err;
  // The escaped title comes out as the author wrote it.
  EXPECT_NE(R.Svg.find("Shape &quot;quoted&quot; back\\slash"),
            std::string::npos);
  EXPECT_NE(R.Svg.find("stroke=\"red\" stroke-width=\"3\""), std::string::npos);
}

//===----------------------------------------------------------------------===//
// Goldens
//===----------------------------------------------------------------------===//

constexpr const char *RegenerateCommand =
    "tools/update_goldens (after building), then review the diff";

/// "line N: expected ... / actual ..." for the first line that differs.
std::string firstDifference(llvm::StringRef Expected, llvm::StringRef Actual) {
  llvm::SmallVector<llvm::StringRef, 0> E, A;
  Expected.split(E, '\n');
  Actual.split(A, '\n');
  for (size_t I = 0; I != std::max(E.size(), A.size()); ++I) {
    llvm::StringRef L = I < E.size() ? E[I] : "<end of file>";
    llvm::StringRef R = I < A.size() ? A[I] : "<end of file>";
    if (L != R)
      return "first difference at line " + std::to_string(I + 1) +
             ":\n  golden: " + L.str() + "\n  actual: " + R.str();
  }
  return "the files differ";
}

class DotGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(DotGoldenTest, MatchesGolden) {
  // tools/update_goldens runs `pathwayc compile` from the repository root,
  // which records the source as "guidelines/<name>.pathway" whatever the
  // checkout's path; the emitter must give the same bytes here.
  std::string Name = "guidelines/" + GetParam() + ".pathway";
  auto E = emitFile(sourcePath(Name), Name);
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  for (const auto &[File, Contents] : E->Out.getFiles()) {
    std::string GoldenPath = sourcePath("tests/golden/dot/" + File);
    ASSERT_TRUE(llvm::sys::fs::exists(GoldenPath))
        << "tests/golden/dot/" << File << " is missing; run "
        << RegenerateCommand;
    std::string Golden = test::readWholeFile(GoldenPath);
    EXPECT_TRUE(Golden == Contents)
        << "tests/golden/dot/" << File << " is out of date; run "
        << RegenerateCommand << ".\n"
        << firstDifference(Golden, Contents);
  }
}

std::string goldenTestName(const testing::TestParamInfo<std::string> &Info) {
  return Info.param;
}

INSTANTIATE_TEST_SUITE_P(Shipped, DotGoldenTest,
                         testing::ValuesIn(shippedGuidelines()),
                         goldenTestName);

TEST(DotGoldenSetTest, OneGoldenPerGuideline) {
  // A golden whose guideline was removed or renamed is stale.
  std::string Dir = sourcePath("tests/golden/dot");
  ASSERT_TRUE(std::filesystem::is_directory(Dir))
      << "tests/golden/dot is missing; run " << RegenerateCommand;
  std::vector<std::string> Goldens;
  for (const auto &Entry : std::filesystem::directory_iterator(Dir))
    Goldens.push_back(Entry.path().filename().string());
  std::sort(Goldens.begin(), Goldens.end());
  std::vector<std::string> Expected;
  for (const std::string &Stem : shippedGuidelines())
    Expected.push_back(Stem + ".dot");
  EXPECT_EQ(llvm::join(Goldens, ", "), llvm::join(Expected, ", "))
      << "run " << RegenerateCommand;
}

} // namespace
