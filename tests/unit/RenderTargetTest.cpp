//===- RenderTargetTest.cpp - The svg and png targets ---------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The emitters with the real Graphviz: every shipped guideline rendered to
// SVG (parsed as XML by Python's parser, which must find an <svg> root and
// every outcome) and to PNG (its signature and header), the files' names,
// determinism, the dot target's options and the highlight. Graphviz's
// output differs between its versions, so nothing here is a golden.
//
//===----------------------------------------------------------------------===//

#include "EmitTestSupport.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "ir/Module.h"
#include "render/RenderTarget.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

using namespace pathwayc;

namespace {

using test::Emission;
using test::shippedGuidelines;
using test::sourcePath;

// A pathway with an assessment, a branch and two outcomes.
constexpr const char *SmallPathway = R"(pathway small {
  title "Small"
  version "1"
  source s "S"
  inputs { relief: number in [0, 100] percent "pain relief" }
  start step first "First" {
    assess relief
    branch {
      relief > 75 percent -> good cite s
      relief <= 75 percent -> bad cite s
    }
  }
  outcome good "Good" { recommend "Carry on" cite s }
  outcome bad "Bad" { urgency soon recommend "Look again" cite s }
}
)";

const std::vector<std::string> SmallPath = {
    "step.first.assess", "step.first.branch", "outcome.good"};

std::unique_ptr<Emission> emitShipped(test::EmitterFactory Create,
                                      const std::string &Stem) {
  std::string Name = "guidelines/" + Stem + ".pathway";
  return test::emitFile(Create, sourcePath(Name), Name);
}

//===----------------------------------------------------------------------===//
// Reading SVG with a real XML parser
//===----------------------------------------------------------------------===//

/// What Python's XML parser reads in an SVG document.
struct SvgDocument {
  /// Empty when the document is well-formed XML.
  std::string Error;
  /// The root element's tag, with its namespace: "{...svg}svg".
  std::string Root;
  /// The text of every <title> (Graphviz titles each node with its id).
  std::vector<std::string> Titles;
  /// The text of every <text> (the lines of the labels).
  std::vector<std::string> Texts;
  /// The titles of the nodes and edges ("a->b") drawn red with width 3,
  /// sorted.
  std::vector<std::string> Red;
};

constexpr const char *SvgRoot = "{http://www.w3.org/2000/svg}svg";

/// Parses \p Svg with python3's xml.etree, which rejects any document that
/// is not well-formed XML.
SvgDocument parseSvg(llvm::StringRef Svg) {
  SvgDocument Doc;
  llvm::ErrorOr<std::string> Python = llvm::sys::findProgramByName("python3");
  if (!Python) {
    Doc.Error = "python3 not found on PATH: install it "
                "(scripts/install-deps.sh does)";
    return Doc;
  }
  test::TempFile Input("diagram.svg", Svg);
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("pathwayc-svg", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("pathwayc-svg", "err", ErrPath);
  // One element a line, tab-separated; labels are one line each.
  static const char *Script =
      "import sys, xml.etree.ElementTree as ET\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "ns = '{http://www.w3.org/2000/svg}'\n"
      "out = ['root\\t' + root.tag]\n"
      "for e in root.iter():\n"
      "    if e.tag in (ns + 'title', ns + 'text'):\n"
      "        out.append(e.tag[len(ns):] + '\\t' + (e.text or ''))\n"
      "for g in root.iter(ns + 'g'):\n"
      "    if g.get('class') in ('node', 'edge') and any(\n"
      "            e.get('stroke') == 'red' and e.get('stroke-width') == '3'\n"
      "            for e in g.iter()):\n"
      "        out.append('red\\t' + g.find(ns + 'title').text)\n"
      "sys.stdout.buffer.write(('\\n'.join(out) + '\\n').encode('utf-8'))\n";
  std::string InputPath = Input.path();
  std::vector<llvm::StringRef> Argv = {*Python, "-c", Script, InputPath};
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string RunError;
  int Exit = llvm::sys::ExecuteAndWait(*Python, Argv, llvm::None, Redirects,
                                       /*SecondsToWait=*/120, 0, &RunError);
  std::string Out = test::readWholeFile(OutPath);
  std::string Err = test::readWholeFile(ErrPath);
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  if (Exit != 0) {
    Doc.Error = "not well-formed XML (exit " + std::to_string(Exit) + ") " +
                RunError + ":\n" + Err;
    return Doc;
  }
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  llvm::StringRef(Out).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines) {
    auto [Kind, Text] = Line.split('\t');
    if (Kind == "root")
      Doc.Root = Text.str();
    else if (Kind == "title")
      Doc.Titles.push_back(Text.str());
    else if (Kind == "text")
      Doc.Texts.push_back(Text.str());
    else
      Doc.Red.push_back(Text.str());
  }
  llvm::sort(Doc.Red);
  return Doc;
}

TEST(SvgCheckTest, RejectsWhatIsNotWellFormedSvg) {
  // The check really parses: a broken document fails it, and a
  // well-formed one with another root is told apart.
  EXPECT_NE(parseSvg("<svg><g></svg>").Error, "");
  EXPECT_NE(parseSvg("<svg a=\"1\" a=\"2\"/>").Error, "");
  SvgDocument Html = parseSvg("<html><title>x</title></html>");
  EXPECT_EQ(Html.Error, "");
  EXPECT_EQ(Html.Root, "html");
  SvgDocument Svg = parseSvg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>a &amp; b</title>"
      "<text>c</text><g class=\"node\"><title>d</title><path stroke=\"red\" "
      "stroke-width=\"3\"/></g><g class=\"edge\"><title>e</title><path "
      "stroke=\"red\"/></g></svg>");
  EXPECT_EQ(Svg.Error, "");
  EXPECT_EQ(Svg.Root, SvgRoot);
  EXPECT_EQ(llvm::join(Svg.Titles, "|"), "a & b|d|e");
  EXPECT_EQ(llvm::join(Svg.Texts, "|"), "c");
  EXPECT_EQ(llvm::join(Svg.Red, "|"), "d");
}

//===----------------------------------------------------------------------===//
// Every shipped guideline
//===----------------------------------------------------------------------===//

/// Whether \p Bytes is a PNG image with a non-empty picture: the signature,
/// then the IHDR chunk with its width and height.
testing::AssertionResult isPng(llvm::StringRef Bytes) {
  if (!Bytes.startswith("\x89PNG\r\n\x1a\n"))
    return testing::AssertionFailure() << "no PNG signature";
  if (Bytes.size() < 24 || Bytes.substr(12, 4) != "IHDR")
    return testing::AssertionFailure() << "no IHDR chunk first";
  auto BigEndian = [&](size_t At) {
    uint32_t V = 0;
    for (size_t I = At; I != At + 4; ++I)
      V = V << 8 | static_cast<unsigned char>(Bytes[I]);
    return V;
  };
  if (BigEndian(16) == 0 || BigEndian(20) == 0)
    return testing::AssertionFailure() << "an empty picture";
  return testing::AssertionSuccess();
}

TEST(PngCheckTest, RejectsWhatIsNotAPng) {
  EXPECT_FALSE(isPng("GIF89a"));
  std::string Header("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  EXPECT_FALSE(isPng(Header + std::string(8, '\0')));
  EXPECT_TRUE(isPng(Header + std::string("\0\0\0\x01\0\0\0\x01", 8)));
}

/// One shipped guideline rendered by each target.
class RenderShippedTest : public testing::TestWithParam<std::string> {
protected:
  /// The one file \p Create writes for the guideline, after checking that
  /// it is named after the pathway with the target's extension.
  std::string render(test::EmitterFactory Create) {
    std::string Name = "guidelines/" + GetParam() + ".pathway";
    E = test::emitFile(Create, sourcePath(Name), Name);
    EXPECT_TRUE(E->Succeeded) << E->diagnostics();
    auto Files = E->Out.getFiles();
    if (Files.size() != 1) {
      ADD_FAILURE() << Files.size() << " files written";
      return "";
    }
    EXPECT_EQ(Files.front().first,
              E->Compiled.Graph->Name + "." + Create()->getName().str());
    return Files.front().second;
  }
  std::unique_ptr<Emission> E;
};

TEST_P(RenderShippedTest, Svg) {
  SvgDocument Doc = parseSvg(render(createSvgEmitter));
  ASSERT_EQ(Doc.Error, "");
  EXPECT_EQ(Doc.Root, SvgRoot);
  auto IsOutcome = [](const ir::Node &N) {
    return N.Kind == ir::NodeKind::Terminal &&
           N.Terminal == ir::TerminalKind::Outcome;
  };
  const std::vector<ir::Node> &Nodes = E->Compiled.Graph->Nodes;
  EXPECT_TRUE(llvm::any_of(Nodes, IsOutcome));
  // Graphviz titles each node with its id; an outcome's label starts with
  // its title.
  for (const ir::Node &N : llvm::make_filter_range(Nodes, IsOutcome)) {
    EXPECT_TRUE(llvm::is_contained(Doc.Titles, N.Id)) << N.Id;
    std::string Title = N.Title.empty() ? N.Name : N.Title;
    EXPECT_TRUE(llvm::any_of(Doc.Texts, [&](const std::string &Text) {
      return llvm::StringRef(Text).startswith(Title);
    })) << Title;
  }
}

TEST_P(RenderShippedTest, Png) { EXPECT_TRUE(isPng(render(createPngEmitter))); }

std::string guidelineTestName(const testing::TestParamInfo<std::string> &Info) {
  return Info.param;
}

INSTANTIATE_TEST_SUITE_P(Shipped, RenderShippedTest,
                         testing::ValuesIn(shippedGuidelines()),
                         guidelineTestName);

TEST(RenderShippedSetTest, EveryGuidelineIsRendered) {
  // The parameterised tests above run once per guideline; an empty
  // directory would make them pass by running none.
  EXPECT_EQ(shippedGuidelines().size(), 4u);
}

//===----------------------------------------------------------------------===//
// Determinism, options and the highlight
//===----------------------------------------------------------------------===//

TEST(RenderTargetTest, RenderingTwiceIsByteIdentical) {
  for (test::EmitterFactory Create : {createSvgEmitter, createPngEmitter}) {
    auto A = test::emitText(Create, SmallPathway);
    auto B = test::emitText(Create, SmallPathway);
    ASSERT_TRUE(A->Succeeded && B->Succeeded) << A->diagnostics();
    EXPECT_FALSE(A->Diags.hasErrors()) << A->diagnostics();
    EXPECT_FALSE(A->text().empty());
    EXPECT_TRUE(A->text() == B->text()) << Create()->getName().str();
    std::string Stem = shippedGuidelines().front();
    EXPECT_TRUE(emitShipped(Create, Stem)->text() ==
                emitShipped(Create, Stem)->text())
        << Create()->getName().str() << ": " << Stem;
  }
}

TEST(RenderTargetTest, TakesTheDotTargetsOptions) {
  auto Default = test::emitText(createSvgEmitter, SmallPathway);
  auto LR = test::emitText(createSvgEmitter, SmallPathway, "rankdir=LR");
  auto TB = test::emitText(createSvgEmitter, SmallPathway, "rankdir=TB");
  ASSERT_TRUE(Default->Succeeded && LR->Succeeded && TB->Succeeded);
  EXPECT_TRUE(TB->text() == Default->text());
  EXPECT_FALSE(LR->text() == Default->text());

  auto Bad = test::emitText(createPngEmitter, SmallPathway, "rankdir=BT");
  EXPECT_FALSE(Bad->Succeeded);
  EXPECT_TRUE(Bad->Out.getFiles().empty());
  ASSERT_EQ(Bad->Diags.getNumErrors(), 1u) << Bad->diagnostics();
  EXPECT_EQ(Bad->Diags.getDiagnostics().back().getCode(), "PW0008");
}

TEST(RenderTargetTest, DrawsTheHighlightInRed) {
  auto Plain = test::emitText(createSvgEmitter, SmallPathway);
  auto Highlighted =
      test::emitText(createSvgEmitter, SmallPathway, "", SmallPath);
  ASSERT_TRUE(Plain->Succeeded && Highlighted->Succeeded);
  // The legend's sample only.
  EXPECT_EQ(llvm::join(parseSvg(Plain->text()).Red, ", "), "legend.:highlight");
  // Also the path's nodes and the edges between them.
  EXPECT_EQ(llvm::join(parseSvg(Highlighted->text()).Red, ", "),
            "legend.:highlight, outcome.good, step.first.assess, "
            "step.first.assess->step.first.branch, step.first.branch, "
            "step.first.branch->outcome.good");
}

TEST(RenderTargetTest, NamesAndDescriptions) {
  EXPECT_EQ(createSvgEmitter()->getName(), "svg");
  EXPECT_EQ(createPngEmitter()->getName(), "png");
  EXPECT_FALSE(createSvgEmitter()->getDescription().empty());
  EXPECT_FALSE(createPngEmitter()->getDescription().empty());
}

} // namespace
