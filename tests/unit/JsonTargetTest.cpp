//===- JsonTargetTest.cpp - The JSON target -------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The document's shape on a small pathway (guard trees, likelihood ratios,
// provenance, ranges), its determinism, the target's options, validation of
// every document against docs/targets/pathway-graph.schema.json with the
// real validator (python3-jsonschema), and the goldens in tests/golden/json.
//
//===----------------------------------------------------------------------===//

#include "EmitTestSupport.h"

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"
#include "json/JsonTarget.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace pathwayc;
using nlohmann::json;

namespace {

/// One pathway compiled and emitted, with everything the output refers to
/// kept alive.
using test::Emission;
using test::shippedGuidelines;
using test::sourcePath;

std::unique_ptr<Emission> emitText(llvm::StringRef Text,
                                   llvm::StringRef Parameter = "") {
  return test::emitText(createJsonEmitter, Text, Parameter);
}

std::unique_ptr<Emission> emitFile(llvm::StringRef Path,
                                   llvm::StringRef SourceName) {
  return test::emitFile(createJsonEmitter, Path, SourceName);
}

json document(const Emission &E) { return json::parse(E.text()); }

// A small pathway with one of everything the document distinguishes: the
// three input types, a red flag, an exclusion and an inclusion, pretests of
// each form, exams with point and range figures and a specificity of 1, and
// a branch whose guards are and/or/not trees ending in `otherwise`.
constexpr const char *ShapePathway = R"(pathway shape {
  title "Shape"
  version "1"
  source s "S" year 2020
  inputs {
    fever: bool "a fever"
    relief: number in [0, 100] percent "pain relief"
    side: one of { left, right, both }
    pre: number in [0, 1]
  }
  red_flag infection: fever -> urgent "Evaluate for infection" cite s "fever"
  exclude "both sides": side is both -> refer "Rheumatology" cite s
  include "one side": side in { left, right } cite s
  diagnosis d "D" pretest 0.3 cite s
  diagnosis r "R" pretest 0.1..0.2 cite s
  diagnosis q "Q" pretest input pre cite s
  exam e "E" detects d sensitivity 0.88 specificity 0.973 cite s
  exam emg "EMG" detects r sensitivity 0.49..0.86 specificity 0.87..1 cite s
  exam sure "Sure" detects q sensitivity 0.5 specificity 1 cite s
  procedure inj "Injection" usually_appropriate rating 8 radiation minimal cite s
  start step first "First" {
    order inj justify "to read the relief" cite s
    assess relief, e, emg, sure
    branch {
      relief > 75 percent and side is left -> hip cite s
      relief <= 75 percent and not e -> mixed cite s
      otherwise -> elsewhere
        note "the rest" cite s
    }
  }
  outcome hip "Hip" { urgency soon recommend "Treat the hip" cite s "hip" }
  outcome mixed "Mixed" { recommend "Treat both" cite s }
  outcome elsewhere "Elsewhere" {
    recommend "Look elsewhere" cite s
    pitfall "Not the hip" cite s
  }
  note "A pathway note" cite s "note"
}
)";

/// The element of \p Array whose \p Key is \p Value.
const json &findBy(const json &Array, const char *Key, llvm::StringRef Value) {
  for (const json &Item : Array)
    if (Item.at(Key) == Value.str())
      return Item;
  ADD_FAILURE() << "no element with " << Key << " = " << Value.str();
  static const json Null;
  return Null;
}

//===----------------------------------------------------------------------===//
// Shape
//===----------------------------------------------------------------------===//

class JsonShapeTest : public testing::Test {
protected:
  void SetUp() override {
    E = emitText(ShapePathway);
    ASSERT_TRUE(E->Succeeded) << E->diagnostics();
    Doc = document(*E);
  }
  std::unique_ptr<Emission> E;
  json Doc;
};

TEST_F(JsonShapeTest, WritesOneFileNamedAfterThePathway) {
  auto Files = E->Out.getFiles();
  ASSERT_EQ(Files.size(), 1u);
  EXPECT_EQ(Files.front().first, "shape.json");
  EXPECT_EQ(Doc["format"], "pathwayc-graph");
  EXPECT_EQ(Doc["formatVersion"], 1);
}

TEST_F(JsonShapeTest, KeysInDocumentedOrder) {
  // nlohmann::json sorts keys; ordered_json keeps them as written.
  auto Ordered = nlohmann::ordered_json::parse(E->text());
  auto Keys = [](const nlohmann::ordered_json &Object) {
    std::vector<std::string> Names;
    for (const auto &Item : Object.items())
      Names.push_back(Item.key());
    return llvm::join(Names, ",");
  };
  EXPECT_EQ(Keys(Ordered),
            "format,formatVersion,provenance,pathway,sources,inputs,redFlags,"
            "criteria,diagnoses,exams,procedures,nodes,edges,entry,start,"
            "notes");
  EXPECT_EQ(Keys(Ordered["provenance"]), "compiler,source,sha256,checks");
  EXPECT_EQ(Keys(Ordered["edges"][0]),
            "from,to,label,isOtherwise,armIndex,guard,range,citations,notes");
  nlohmann::ordered_json Screen;
  for (const auto &Node : Ordered["nodes"])
    if (Node["kind"] == "red-flag-screen")
      Screen = Node;
  EXPECT_EQ(Keys(Screen),
            "id,kind,name,title,range,urgency,condition,conditionText,"
            "citations,notes");
}

TEST_F(JsonShapeTest, Provenance) {
  json Expected = {
      {"compiler", {{"name", "pathwayc"}, {"version", PATHWAYC_VERSION}}},
      {"source", "test.pathway"},
      {"sha256", sha256Hex(ShapePathway)},
      {"checks", E->Compiled.Report.PassedChecks}};
  EXPECT_EQ(Doc["provenance"], Expected);
  EXPECT_FALSE(Doc["provenance"]["checks"].empty());
}

TEST_F(JsonShapeTest, Inputs) {
  EXPECT_EQ(Doc["inputs"], json::parse(R"([
    {"name": "fever", "type": "bool", "description": "a fever",
     "range": {"line": 6, "column": 5, "endLine": 6, "endColumn": 16}},
    {"name": "relief", "type": "number",
     "domain": {"low": 0, "high": 100, "lowOpen": false, "highOpen": false},
     "unit": "percent", "description": "pain relief",
     "range": {"line": 7, "column": 5, "endLine": 7, "endColumn": 39}},
    {"name": "side", "type": "enum", "values": ["left", "right", "both"],
     "description": null,
     "range": {"line": 8, "column": 5, "endLine": 8, "endColumn": 39}},
    {"name": "pre", "type": "number",
     "domain": {"low": 0, "high": 1, "lowOpen": false, "highOpen": false},
     "unit": null, "description": null,
     "range": {"line": 9, "column": 5, "endLine": 9, "endColumn": 26}}
  ])"));
}

TEST_F(JsonShapeTest, ScreeningInEvaluationOrder) {
  EXPECT_EQ(Doc["redFlags"], json::parse(R"([
    {"node": "screen.infection", "name": "infection", "urgency": "urgent",
     "condition": {"op": "bool", "var": "fever", "value": true},
     "conditionText": "fever", "action": "Evaluate for infection",
     "terminal": "red_flag.infection",
     "citations": [{"source": "s", "quote": "fever",
                    "range": {"line": 11, "column": 69, "endLine": 11,
                              "endColumn": 78}}]}
  ])"));
  const json &Criteria = Doc["criteria"];
  ASSERT_EQ(Criteria.size(), 2u);
  EXPECT_EQ(Criteria[0]["node"], "exclude.1");
  EXPECT_EQ(Criteria[0]["kind"], "exclusion");
  EXPECT_EQ(Criteria[0]["label"], "both sides");
  EXPECT_EQ(
      Criteria[0]["condition"],
      json::parse(R"({"op": "enum", "var": "side", "values": ["both"]})"));
  EXPECT_EQ(Criteria[0]["referral"], "Rheumatology");
  EXPECT_EQ(Criteria[0]["terminal"], "excluded.1");
  EXPECT_EQ(Criteria[1]["node"], "include.1");
  EXPECT_EQ(Criteria[1]["kind"], "inclusion");
  EXPECT_EQ(Criteria[1]["referral"], nullptr);
  EXPECT_EQ(Criteria[1]["terminal"], "not_applicable.1");
  EXPECT_EQ(Criteria[1]["condition"], json::parse(R"(
    {"op": "enum", "var": "side", "values": ["left", "right"]})"));
  EXPECT_EQ(Doc["entry"], "screen.infection");
  EXPECT_EQ(Doc["start"], "step.first.order");
}

TEST_F(JsonShapeTest, PretestForms) {
  EXPECT_EQ(findBy(Doc["diagnoses"], "name", "d")["pretest"],
            json::parse(R"({"point": 0.3})"));
  EXPECT_EQ(findBy(Doc["diagnoses"], "name", "r")["pretest"],
            json::parse(R"({"low": 0.1, "high": 0.2})"));
  EXPECT_EQ(findBy(Doc["diagnoses"], "name", "q")["pretest"],
            json::parse(R"({"input": "pre"})"));
}

TEST_F(JsonShapeTest, LikelihoodRatiosOfPoints) {
  const json &Exam = findBy(Doc["exams"], "name", "e");
  EXPECT_EQ(Exam["diagnosis"], "d");
  EXPECT_EQ(Exam["sensitivity"], json::parse(R"({"point": 0.88})"));
  EXPECT_EQ(Exam["specificity"], json::parse(R"({"point": 0.973})"));
  // The numbers read back to exactly the doubles computed.
  EXPECT_EQ(Exam["lrPositive"]["point"].get<double>(), 0.88 / (1 - 0.973));
  EXPECT_EQ(Exam["lrNegative"]["point"].get<double>(), (1 - 0.88) / 0.973);
  EXPECT_EQ(Exam["lrPositive"].size(), 1u);
}

TEST_F(JsonShapeTest, LikelihoodRatioIntervalsReachingInfinity) {
  // Sensitivity 0.49..0.86, specificity 0.87..1: LR+ runs from its value at
  // the low ends to infinity at specificity 1; LR- from its value at the
  // high ends to its value at the low ends.
  const json &Exam = findBy(Doc["exams"], "name", "emg");
  EXPECT_EQ(Exam["sensitivity"], json::parse(R"({"low": 0.49, "high": 0.86})"));
  EXPECT_EQ(Exam["specificity"], json::parse(R"({"low": 0.87, "high": 1.0})"));
  EXPECT_EQ(Exam["lrPositive"],
            json({{"low", 0.49 / (1 - 0.87)}, {"high", "inf"}}));
  EXPECT_EQ(Exam["lrNegative"],
            json({{"low", (1 - 0.86) / 1.0}, {"high", (1 - 0.49) / 0.87}}));
}

TEST_F(JsonShapeTest, InfinitePointLikelihoodRatio) {
  const json &Exam = findBy(Doc["exams"], "name", "sure");
  EXPECT_EQ(Exam["lrPositive"], json::parse(R"({"point": "inf"})"));
  EXPECT_EQ(Exam["lrNegative"], json::parse(R"({"point": 0.5})"));
}

TEST_F(JsonShapeTest, Procedures) {
  EXPECT_EQ(Doc["procedures"][0]["name"], "inj");
  EXPECT_EQ(Doc["procedures"][0]["category"], "usually_appropriate");
  EXPECT_EQ(Doc["procedures"][0]["rating"], 8);
  EXPECT_EQ(Doc["procedures"][0]["radiation"], "minimal");
}

TEST_F(JsonShapeTest, StepNodes) {
  const json &Order = findBy(Doc["nodes"], "id", "step.first.order");
  EXPECT_EQ(Order["kind"], "order");
  EXPECT_EQ(Order["title"], "First");
  ASSERT_EQ(Order["orders"].size(), 1u);
  EXPECT_EQ(Order["orders"][0]["procedure"], "inj");
  EXPECT_EQ(Order["orders"][0]["justification"], "to read the relief");
  const json &Assess = findBy(Doc["nodes"], "id", "step.first.assess");
  EXPECT_EQ(Assess["assessed"],
            json::parse(R"(["relief", "e", "emg", "sure"])"));
  const json &Hip = findBy(Doc["nodes"], "id", "outcome.hip");
  EXPECT_EQ(Hip["kind"], "terminal");
  EXPECT_EQ(Hip["terminal"], "outcome");
  EXPECT_EQ(Hip["urgency"], "soon");
  ASSERT_EQ(Hip["recommendations"].size(), 1u);
  EXPECT_EQ(Hip["recommendations"][0]["text"], "Treat the hip");
  EXPECT_EQ(Hip["recommendations"][0]["citations"][0]["quote"], "hip");
  const json &NotApplicable = findBy(Doc["nodes"], "id", "not_applicable.1");
  EXPECT_EQ(NotApplicable["terminal"], "not-applicable");
  EXPECT_EQ(NotApplicable["urgency"], nullptr);
  const json &Elsewhere = findBy(Doc["nodes"], "id", "outcome.elsewhere");
  EXPECT_EQ(Elsewhere["notes"][0]["kind"], "pitfall");
  EXPECT_EQ(Elsewhere["notes"][0]["text"], "Not the hip");
  EXPECT_EQ(Doc["notes"][0]["kind"], "note");
}

TEST_F(JsonShapeTest, BranchGuardsAreExpressionTrees) {
  std::vector<json> Arms;
  for (const json &Edge : Doc["edges"])
    if (Edge["from"] == "step.first.branch")
      Arms.push_back(Edge);
  ASSERT_EQ(Arms.size(), 3u);

  json First = json::parse(R"({
    "op": "and", "args": [
      {"op": "number", "var": "relief",
       "intervals": [{"low": 75, "high": 100, "lowOpen": true,
                      "highOpen": false}]},
      {"op": "enum", "var": "side", "values": ["left"]}]})");
  json Second = json::parse(R"({
    "op": "and", "args": [
      {"op": "number", "var": "relief",
       "intervals": [{"low": 0, "high": 75, "lowOpen": false,
                      "highOpen": false}]},
      {"op": "not", "args": [{"op": "bool", "var": "e", "value": true}]}]})");
  EXPECT_EQ(Arms[0]["to"], "outcome.hip");
  EXPECT_EQ(Arms[0]["label"], "relief > 75 percent and side == left");
  EXPECT_EQ(Arms[0]["isOtherwise"], false);
  EXPECT_EQ(Arms[0]["armIndex"], 0);
  EXPECT_EQ(Arms[0]["guard"], First);
  EXPECT_EQ(Arms[1]["guard"], Second);
  EXPECT_EQ(Arms[1]["armIndex"], 1);
  // `otherwise` is the negation of the other arms.
  EXPECT_EQ(Arms[2]["label"], "otherwise");
  EXPECT_EQ(Arms[2]["isOtherwise"], true);
  EXPECT_EQ(Arms[2]["armIndex"], 2);
  EXPECT_EQ(Arms[2]["guard"],
            json({{"op", "not"},
                  {"args", {{{"op", "or"}, {"args", {First, Second}}}}}}));
  EXPECT_EQ(Arms[2]["notes"][0]["text"], "the rest");
  EXPECT_EQ(Arms[0]["citations"][0]["source"], "s");
  EXPECT_EQ(Arms[0]["citations"][0]["quote"], nullptr);
}

TEST_F(JsonShapeTest, ChainEdgesAreUnconditionalAndUnlabelled) {
  const json *Chain = nullptr;
  for (const json &Edge : Doc["edges"])
    if (Edge["from"] == "step.first.order")
      Chain = &Edge;
  ASSERT_TRUE(Chain);
  EXPECT_EQ((*Chain)["to"], "step.first.assess");
  EXPECT_EQ((*Chain)["guard"], json::parse(R"({"op": "true"})"));
  EXPECT_EQ((*Chain)["label"], nullptr);
}

TEST(JsonTargetTest, UndefinedLikelihoodRatioIsNull) {
  // Sensitivity 0 with specificity 1: a positive finding never occurs,
  // with or without the diagnosis, so LR+ = 0/0 has no value.
  auto E = emitText(R"(pathway z {
  title "Z"
  version "1"
  source s "S"
  diagnosis d "D" pretest 0.5 cite s
  exam never "Never" detects d sensitivity 0 specificity 1 cite s
  start step a { assess never next done }
  outcome done "Done" { recommend "Stop" cite s }
}
)");
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  const json Exam = document(*E)["exams"][0];
  EXPECT_EQ(Exam["lrPositive"], json::parse(R"({"point": null})"));
  EXPECT_EQ(Exam["lrNegative"], json::parse(R"({"point": 1.0})"));
}

//===----------------------------------------------------------------------===//
// Determinism and options
//===----------------------------------------------------------------------===//

TEST(JsonTargetTest, EmittingTwiceIsByteIdentical) {
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

TEST(JsonTargetTest, PrettyPrintedWithTwoSpacesAndAFinalNewline) {
  auto E = emitText(ShapePathway);
  std::string Text = E->text();
  EXPECT_EQ(Text.substr(0, 30), "{\n  \"format\": \"pathwayc-graph\"");
  EXPECT_EQ(Text.back(), '\n');
  EXPECT_NE(Text[Text.size() - 2], '\n');
}

TEST(JsonTargetTest, CompactOptionWritesOneLine) {
  auto Pretty = emitText(ShapePathway);
  auto Compact = emitText(ShapePathway, "compact");
  ASSERT_TRUE(Compact->Succeeded) << Compact->diagnostics();
  std::string Text = Compact->text();
  EXPECT_EQ(std::count(Text.begin(), Text.end(), '\n'), 1);
  EXPECT_EQ(Text.back(), '\n');
  EXPECT_EQ(Text.substr(0, 27), "{\"format\":\"pathwayc-graph\",");
  EXPECT_EQ(document(*Compact), document(*Pretty));
  EXPECT_EQ(Compact->Diags.getDiagnostics().size(),
            Pretty->Diags.getDiagnostics().size());
}

TEST(JsonTargetTest, EmptyOptionsAreAccepted) {
  for (const char *Parameter : {"", ",", " compact , "}) {
    auto E = emitText(ShapePathway, Parameter);
    EXPECT_TRUE(E->Succeeded) << "'" << Parameter << "'";
    EXPECT_FALSE(E->text().empty()) << "'" << Parameter << "'";
  }
}

TEST(JsonTargetTest, UnknownOptionIsAnErrorAndWritesNothing) {
  auto E = emitText(ShapePathway, "compact,pretty,sorted");
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
            "unknown option 'pretty' for target 'json'; "
            "unknown option 'sorted' for target 'json'");
}

TEST(JsonTargetTest, NameAndDescription) {
  auto Emitter = createJsonEmitter();
  EXPECT_EQ(Emitter->getName(), "json");
  EXPECT_FALSE(Emitter->getDescription().empty());
}

//===----------------------------------------------------------------------===//
// Schema validation with the real validator
//===----------------------------------------------------------------------===//

/// Runs python3-jsonschema on \p Document. Returns an empty string when it
/// is valid, the validator's message otherwise.
std::string validateAgainstSchema(llvm::StringRef Document) {
  llvm::ErrorOr<std::string> Python = llvm::sys::findProgramByName("python3");
  if (!Python)
    return "python3 not found on PATH: install it (scripts/install-deps.sh "
           "installs python3 and python3-jsonschema)";
  test::TempFile Doc("document.json", Document);
  llvm::SmallString<128> ErrPath;
  llvm::sys::fs::createTemporaryFile("pathwayc-schema", "err", ErrPath);
  std::string DocPath = Doc.path();
  std::string Schema = sourcePath("docs/targets/pathway-graph.schema.json");
  // jsonschema.validate checks the schema itself first. A validation
  // error is printed as where and what, without the whole instance.
  static const char *Script =
      "import json, jsonschema, sys\n"
      "try:\n"
      "    jsonschema.validate(json.load(open(sys.argv[1])),\n"
      "                        json.load(open(sys.argv[2])))\n"
      "except jsonschema.ValidationError as e:\n"
      "    where = '/'.join(str(p) for p in e.absolute_path)\n"
      "    sys.exit('ValidationError at /%s: %s' % (where, "
      "e.message[:1000]))\n";
  std::vector<llvm::StringRef> Argv = {*Python, "-c", Script, DocPath, Schema};
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), llvm::StringRef(ErrPath)};
  std::string Error;
  int Exit = llvm::sys::ExecuteAndWait(*Python, Argv, llvm::None, Redirects,
                                       /*SecondsToWait=*/120, 0, &Error);
  std::string Err = test::readWholeFile(ErrPath);
  llvm::sys::fs::remove(ErrPath);
  if (Exit == 0)
    return "";
  if (llvm::StringRef(Err).contains("No module named 'jsonschema'"))
    return "the Python module jsonschema is missing: install "
           "python3-jsonschema (scripts/install-deps.sh does)";
  return "schema validation failed (exit " + std::to_string(Exit) + ") " +
         Error + ":\n" + Err;
}

TEST(JsonSchemaTest, ShippedGuidelinesValidate) {
  std::vector<std::string> Stems = shippedGuidelines();
  ASSERT_EQ(Stems.size(), 4u);
  for (const std::string &Stem : Stems) {
    std::string Name = "guidelines/" + Stem + ".pathway";
    auto E = emitFile(sourcePath(Name), Name);
    ASSERT_TRUE(E->Succeeded) << Stem << "\n" << E->diagnostics();
    EXPECT_EQ(validateAgainstSchema(E->text()), "") << Stem;
  }
}

TEST(JsonSchemaTest, SmallPathwaysValidate) {
  auto Shape = emitText(ShapePathway);
  EXPECT_EQ(validateAgainstSchema(Shape->text()), "");
  auto Compact = emitText(ShapePathway, "compact");
  EXPECT_EQ(validateAgainstSchema(Compact->text()), "");
  // The verifier's test files use every construct of the language; those
  // that check clean are pathways like any other.
  for (const char *File : {"no-diagnostics-well-formed.pathway",
                           "no-diagnostics-verifier-probability.pathway",
                           "no-diagnostics-verifier-coverage.pathway",
                           "no-diagnostics-verifier-criteria.pathway",
                           "no-diagnostics-is-true-false.pathway"}) {
    std::string Name = std::string("tests/diagnostics/") + File;
    auto E = emitFile(sourcePath(Name), Name);
    ASSERT_TRUE(E->Succeeded) << File << "\n" << E->diagnostics();
    EXPECT_EQ(validateAgainstSchema(E->text()), "") << File;
  }
}

TEST(JsonSchemaTest, InvalidDocumentsAreRejected) {
  // The validator really runs and the schema really constrains: documents
  // that are wrong in different places each fail validation (not merely
  // fail to run, which would make this test pass without python3).
  json Doc = document(*emitText(ShapePathway));
  ASSERT_EQ(validateAgainstSchema(Doc.dump()), "");
  auto IsRejected = [&](auto Change) {
    json Copy = Doc;
    Change(Copy);
    std::string Message = validateAgainstSchema(Copy.dump());
    return llvm::StringRef(Message).contains("ValidationError");
  };
  EXPECT_TRUE(IsRejected([](json &D) { D.erase("format"); }));
  EXPECT_TRUE(IsRejected([](json &D) { D["formatVersion"] = 2; }));
  EXPECT_TRUE(IsRejected([](json &D) { D["nodes"][0]["kind"] = "step"; }));
  EXPECT_TRUE(IsRejected([](json &D) { D["edges"][0]["guard"] = "fever"; }));
  EXPECT_TRUE(IsRejected([](json &D) {
    D["edges"][0]["guard"] = {{"op", "and"}, {"args", json::array()}};
  }));
  EXPECT_TRUE(IsRejected([](json &D) {
    D["exams"][0]["lrPositive"] = {{"point", -1}};
  }));
  EXPECT_TRUE(IsRejected([](json &D) { D["inputs"][0]["extra"] = 1; }));
  EXPECT_TRUE(IsRejected([](json &D) {
    // A terminal node that is not "not applicable" needs an urgency.
    for (json &Node : D["nodes"])
      if (Node["kind"] == "terminal" && Node["terminal"] == "outcome")
        Node["urgency"] = nullptr;
  }));
}

//===----------------------------------------------------------------------===//
// Goldens
//===----------------------------------------------------------------------===//

class JsonGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(JsonGoldenTest, MatchesGolden) {
  test::expectMatchesGoldens(createJsonEmitter, "json", GetParam());
}

std::string goldenTestName(const testing::TestParamInfo<std::string> &Info) {
  return Info.param;
}

INSTANTIATE_TEST_SUITE_P(Shipped, JsonGoldenTest,
                         testing::ValuesIn(shippedGuidelines()),
                         goldenTestName);

TEST(JsonGoldenSetTest, OneGoldenPerGuideline) {
  test::expectOneGoldenPerGuideline("json", {".json"});
}

} // namespace
