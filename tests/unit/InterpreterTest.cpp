//===- InterpreterTest.cpp - Loading JSON documents into programs ---------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Program::load() on good documents (every golden) and on broken ones: bad
// syntax, another format, missing and mistyped keys, references to nothing,
// graphs of the wrong shape, and random damage. Every error is located and
// none crashes. Also the small API around it: variables, setters,
// formatInputError() and resultToJson().
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestSupport.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <random>

using namespace pathwayc::runtime;
using namespace pathwayc::test;
using OrderedJson = nlohmann::ordered_json;

namespace {

const char *const Branches = "tests/inputs/interpreter/branches.pathway";

/// The branches pathway's document, parsed with its key order kept.
OrderedJson branchesDocument() {
  return OrderedJson::parse(jsonDocumentFor(Branches));
}

/// "LINE:COL" of the first \p Needle in \p Text at or after \p From,
/// moved \p Delta bytes.
std::string positionOf(const std::string &Text, const std::string &Needle,
                       int Delta = 0, std::size_t From = 0) {
  std::size_t Offset = Text.find(Needle, From);
  EXPECT_NE(Offset, std::string::npos) << Needle;
  Offset += Delta;
  std::size_t LineStart = Text.rfind('\n', Offset - 1);
  LineStart = LineStart == std::string::npos ? 0 : LineStart + 1;
  auto Line = std::count(Text.begin(), Text.begin() + Offset, '\n') + 1;
  return std::to_string(Line) + ":" + std::to_string(Offset - LineStart + 1);
}

std::size_t indexOfNode(const OrderedJson &Doc, const std::string &Id) {
  for (std::size_t I = 0; I != Doc["nodes"].size(); ++I)
    if (Doc["nodes"][I]["id"] == Id)
      return I;
  ADD_FAILURE() << "no node " << Id;
  return 0;
}

std::size_t indexOfEdge(const OrderedJson &Doc, const std::string &From,
                        const std::string &To) {
  for (std::size_t I = 0; I != Doc["edges"].size(); ++I)
    if (Doc["edges"][I]["from"] == From && Doc["edges"][I]["to"] == To)
      return I;
  ADD_FAILURE() << "no edge " << From << " -> " << To;
  return 0;
}

//===----------------------------------------------------------------------===//
// Good documents
//===----------------------------------------------------------------------===//

TEST(InterpreterLoadTest, EveryGoldenLoads) {
  std::size_t Loaded = 0;
  for (const auto &Entry :
       std::filesystem::directory_iterator(sourcePath("tests/golden/json"))) {
    std::string Text = readWholeFile(Entry.path().string());
    std::unique_ptr<Program> P = loadDocument(Text, Entry.path().string());
    ASSERT_TRUE(P) << Entry.path();
    auto Doc = nlohmann::json::parse(Text);
    EXPECT_EQ(P->getName(), Doc["pathway"]["name"].get<std::string>());
    EXPECT_EQ(P->getTitle(), Doc["pathway"]["title"].get<std::string>());
    // Inputs in declaration order, then exams.
    ASSERT_EQ(P->getNumVariables(), Doc["inputs"].size() + Doc["exams"].size());
    std::size_t I = 0;
    for (const auto &Input : Doc["inputs"])
      EXPECT_EQ(P->getVariable(I++).Name, Input["name"].get<std::string>());
    for (const auto &Exam : Doc["exams"]) {
      EXPECT_EQ(P->getVariable(I).Kind, VariableKind::Finding);
      EXPECT_EQ(P->getVariable(I++).Name, Exam["name"].get<std::string>());
    }
    ++Loaded;
  }
  EXPECT_EQ(Loaded, shippedGuidelines().size());
}

TEST(InterpreterLoadTest, VariablesDescribeTheInputs) {
  const Program &P = programFor(Branches);
  std::optional<std::size_t> Level = P.findVariable("level");
  ASSERT_TRUE(Level);
  const VariableInfo &V = P.getVariable(*Level);
  EXPECT_EQ(V.Kind, VariableKind::Number);
  EXPECT_EQ(V.Low, 0);
  EXPECT_EQ(V.High, 10);
  EXPECT_EQ(V.Description, "a number");
  EXPECT_TRUE(V.inDomain(10));
  EXPECT_FALSE(V.inDomain(10.5));
  const VariableInfo &Grade = P.getVariable(*P.findVariable("grade"));
  EXPECT_EQ(Grade.Kind, VariableKind::Enum);
  EXPECT_EQ(
      std::vector<std::string_view>(Grade.Values.begin(), Grade.Values.end()),
      (std::vector<std::string_view>{"low", "mid", "high"}));
  EXPECT_EQ(P.getVariable(*P.findVariable("zeta")).Kind, VariableKind::Bool);
  EXPECT_EQ(*P.findVariable("zeta"), 0u);
  EXPECT_EQ(*P.findVariable("finding"), P.getNumVariables() - 1);
  EXPECT_FALSE(P.findVariable("probability(d)"));
  EXPECT_FALSE(P.findVariable("scan"));
}

TEST(InterpreterLoadTest, SettersCheckNamesAndKinds) {
  const Program &P = programFor(Branches);
  Case C(P);
  EXPECT_TRUE(C.setBool("zeta", true));
  EXPECT_TRUE(C.isKnown(*P.findVariable("zeta")));
  EXPECT_TRUE(C.setBool("finding", false));
  EXPECT_TRUE(C.setEnum("grade", "mid"));
  // Out of its domain is accepted here; evaluate() reports it.
  EXPECT_TRUE(C.setNumber("level", 42));
  EXPECT_FALSE(C.setBool("level", true));
  EXPECT_FALSE(C.setNumber("zeta", 1));
  EXPECT_FALSE(C.setEnum("grade", "highest"));
  EXPECT_FALSE(C.setEnum("zeta", "low"));
  EXPECT_FALSE(C.setBool("nonesuch", true));
  EXPECT_FALSE(C.setBool(P.getNumVariables(), true));
  EXPECT_FALSE(C.isKnown(P.getNumVariables()));
  EXPECT_TRUE(C.setUnknown("zeta"));
  EXPECT_FALSE(C.isKnown(*P.findVariable("zeta")));
  EXPECT_FALSE(C.setUnknown("nonesuch"));
}

TEST(InterpreterLoadTest, FormatsErrorsAsClangDoes) {
  EXPECT_EQ(formatInputError({"a.json", 3, 7, "bad"}),
            "a.json:3:7: error: bad");
  EXPECT_EQ(formatInputError({"a.json", 3, 0, "bad"}), "a.json:3: error: bad");
  EXPECT_EQ(formatInputError({"a.json", 0, 0, "bad"}), "a.json: error: bad");
}

//===----------------------------------------------------------------------===//
// Broken documents
//===----------------------------------------------------------------------===//

TEST(InterpreterLoadTest, SyntaxErrorsAreLocated) {
  EXPECT_EQ(loadErrors(""),
            "doc.json:1:1: error: invalid JSON: syntax error while parsing "
            "value - unexpected end of input; expected '[', '{', or a "
            "literal\n");
  EXPECT_EQ(loadErrors("{\"format\": \"pathwayc-graph\""),
            "doc.json:1:28: error: invalid JSON: syntax error while parsing "
            "object - unexpected end of input; expected '}'\n");
  // Trailing text, and a comma before a closing brace.
  EXPECT_EQ(loadErrors("{}\n}").substr(0, 14), "doc.json:2:1: ");
  EXPECT_EQ(loadErrors("{\n  \"a\": 1,\n}").substr(0, 14), "doc.json:3:1: ");
  // Invalid UTF-8 points at the bad byte.
  EXPECT_EQ(loadErrors("{\n  \"a\": \"x\xff\"}"),
            "doc.json:2:10: error: invalid JSON: syntax error while parsing "
            "value - invalid string: ill-formed UTF-8 byte; last read: "
            "'\"x\\xff'\n");
  EXPECT_EQ(loadErrors("{\"a\": [1, 2e999]}"),
            "doc.json:1:11: error: invalid JSON: number overflow parsing "
            "'2e999'\n");
}

TEST(InterpreterLoadTest, RefusesOtherFormatsAndVersions) {
  EXPECT_EQ(loadErrors("[]"),
            "doc.json:1:1: error: must be an object, not an array\n");
  EXPECT_EQ(loadErrors("{\"format\": \"other\", \"formatVersion\": 1}"),
            "doc.json:1:12: error: format: unknown format 'other'; expected "
            "'pathwayc-graph'\n");
  EXPECT_EQ(
      loadErrors("{\"format\": \"pathwayc-graph\", \"formatVersion\": 2}"),
      "doc.json:1:47: error: formatVersion: unsupported format version "
      "2; this interpreter reads version 1\n");
  EXPECT_EQ(loadErrors("{\"format\": \"pathwayc-graph\", \"formatVersion\": "
                       "\"1\"}"),
            "doc.json:1:47: error: formatVersion: must be an integer, not a "
            "string\n");
  EXPECT_EQ(loadErrors("{\"formatVersion\": 1}"),
            "doc.json:1:1: error: missing key 'format'\n");
  // A version is checked before anything else is read.
  EXPECT_EQ(
      loadErrors("{\"format\": \"pathwayc-graph\", \"formatVersion\": 1}"),
      "doc.json:1:1: error: missing key 'pathway'\n"
      "doc.json:1:1: error: missing key 'sources'\n"
      "doc.json:1:1: error: missing key 'inputs'\n"
      "doc.json:1:1: error: missing key 'diagnoses'\n"
      "doc.json:1:1: error: missing key 'exams'\n"
      "doc.json:1:1: error: missing key 'procedures'\n");
}

TEST(InterpreterLoadTest, MissingAndMistypedKeys) {
  {
    OrderedJson Doc = branchesDocument();
    std::size_t Node = indexOfNode(Doc, "step.decide.branch");
    Doc["nodes"][Node].erase("kind");
    std::string Text = Doc.dump(2);
    // Reported at the node's opening brace, the line before its id.
    std::string Id = "\"id\": \"step.decide.branch\"";
    std::string Where = positionOf(Text, Id);
    int Line = std::stoi(Where) - 1;
    EXPECT_EQ(loadErrors(Text), "doc.json:" + std::to_string(Line) +
                                    ":5: error: nodes[" + std::to_string(Node) +
                                    "]: missing key 'kind'\n");
  }
  {
    OrderedJson Doc = branchesDocument();
    std::size_t Node = indexOfNode(Doc, "outcome.both");
    Doc["nodes"][Node]["title"] = 12345;
    std::string Text = Doc.dump(2);
    EXPECT_EQ(loadErrors(Text),
              "doc.json:" + positionOf(Text, "12345") + ": error: nodes[" +
                  std::to_string(Node) +
                  "].title: must be a string, not a number\n");
  }
  {
    OrderedJson Doc = branchesDocument();
    Doc["inputs"][2]["domain"]["low"] = "zero";
    std::string Text = Doc.dump(2);
    EXPECT_EQ(loadErrors(Text),
              "doc.json:" + positionOf(Text, "\"zero\"") +
                  ": error: inputs[2].domain.low: must be a number, not a "
                  "string\n");
  }
  {
    OrderedJson Doc = branchesDocument();
    Doc["edges"][0]["guard"] = {{"op", "bool"}, {"var", "danger"}};
    std::string Text = Doc.dump(2);
    // At the guard's opening brace, in the first edge.
    EXPECT_EQ(loadErrors(Text),
              "doc.json:" +
                  positionOf(Text, "\"guard\": {", 9, Text.find("\"edges\"")) +
                  ": error: edges[0].guard: missing key 'value'\n");
  }
  {
    OrderedJson Doc = branchesDocument();
    Doc.erase("edges");
    EXPECT_EQ(loadErrors(Doc.dump()), "doc.json:1:1: error: missing key "
                                      "'edges'\n");
  }
}

TEST(InterpreterLoadTest, ReferencesToNothing) {
  struct Damage {
    const char *Message;
    std::function<void(OrderedJson &)> Apply;
  };
  const Damage Cases[] = {
      {"edges[3].to: unknown node 'nowhere'",
       [](OrderedJson &D) { D["edges"][3]["to"] = "nowhere"; }},
      {"edges[3].from: unknown node 'nowhere'",
       [](OrderedJson &D) { D["edges"][3]["from"] = "nowhere"; }},
      {"entry: unknown node 'nowhere'",
       [](OrderedJson &D) { D["entry"] = "nowhere"; }},
      {"edges[0].guard.var: unknown variable 'nowhere'",
       [](OrderedJson &D) { D["edges"][0]["guard"]["var"] = "nowhere"; }},
      {"edges[1].guard.args[0].var: unknown variable 'nowhere'",
       [](OrderedJson &D) {
         D["edges"][1]["guard"]["args"][0]["var"] = "nowhere";
       }},
      {"nodes[0].citations[0].source: unknown source 'nowhere'",
       [](OrderedJson &D) {
         D["nodes"][0]["citations"][0]["source"] = "nowhere";
       }},
      {"exams[0].diagnosis: unknown diagnosis 'nowhere'",
       [](OrderedJson &D) { D["exams"][0]["diagnosis"] = "nowhere"; }},
      {"redFlags[0].node: unknown node 'nowhere'",
       [](OrderedJson &D) { D["redFlags"][0]["node"] = "nowhere"; }},
  };
  for (const Damage &C : Cases) {
    OrderedJson Doc = branchesDocument();
    C.Apply(Doc);
    std::string Text = Doc.dump(2);
    std::string Errors = loadErrors(Text);
    EXPECT_EQ(Errors, "doc.json:" + positionOf(Text, "\"nowhere\"") +
                          ": error: " + C.Message + "\n");
  }
}

TEST(InterpreterLoadTest, DanglingNamesInNodes) {
  OrderedJson Doc = branchesDocument();
  std::size_t Order = indexOfNode(Doc, "step.decide.order");
  std::size_t Assess = indexOfNode(Doc, "step.decide.assess");
  Doc["nodes"][Order]["orders"][0]["procedure"] = "no_such_procedure";
  Doc["nodes"][Assess]["assessed"][1] = "no_such_input";
  std::string Text = Doc.dump(2);
  EXPECT_EQ(loadErrors(Text),
            "doc.json:" + positionOf(Text, "\"no_such_procedure\"") +
                ": error: nodes[" + std::to_string(Order) +
                "].orders[0].procedure: unknown procedure "
                "'no_such_procedure'\n"
                "doc.json:" +
                positionOf(Text, "\"no_such_input\"") + ": error: nodes[" +
                std::to_string(Assess) +
                "].assessed[1]: unknown input or exam 'no_such_input'\n");
}

TEST(InterpreterLoadTest, GuardsMustFitTheirVariables) {
  // edges[0] is the red-flag screen's edge to its terminal: `danger`.
  struct Damage {
    const char *Needle;
    int Delta;
    const char *Message;
    std::function<void(OrderedJson &)> Apply;
  };
  const Damage Cases[] = {
      {"\"var\": \"level\"", 7,
       "edges[0].guard.var: a 'bool' atom needs a bool input or an exam; "
       "'level' is neither",
       [](OrderedJson &D) { D["edges"][0]["guard"]["var"] = "level"; }},
      {"\"medium\"", 0,
       "edges[0].guard.values[1]: 'medium' is not a value of 'grade'",
       [](OrderedJson &D) {
         D["edges"][0]["guard"] = {
             {"op", "enum"}, {"var", "grade"}, {"values", {"low", "medium"}}};
       }},
      {"\"probability(nothing)\"", 0,
       "edges[0].guard.var: unknown diagnosis 'nothing'",
       [](OrderedJson &D) {
         D["edges"][0]["guard"] = {{"op", "number"},
                                   {"var", "probability(nothing)"},
                                   {"intervals",
                                    {{{"low", 0},
                                      {"high", 1},
                                      {"lowOpen", false},
                                      {"highOpen", false}}}}};
       }},
      {"\"frobnicate\"", 0,
       "edges[0].guard.op: unknown guard operator 'frobnicate'",
       [](OrderedJson &D) { D["edges"][0]["guard"]["op"] = "frobnicate"; }},
  };
  for (const Damage &C : Cases) {
    OrderedJson Doc = branchesDocument();
    C.Apply(Doc);
    std::string Text = Doc.dump(2);
    EXPECT_EQ(loadErrors(Text),
              "doc.json:" + positionOf(Text, C.Needle, C.Delta) +
                  ": error: " + C.Message + "\n");
  }
}

TEST(InterpreterLoadTest, IntervalsMustBeSortedAndDisjoint) {
  OrderedJson Doc = branchesDocument();
  std::size_t E = indexOfEdge(Doc, "step.level_step.branch", "outcome.both");
  OrderedJson &Atom = Doc["edges"][E]["guard"]["args"][0];
  ASSERT_EQ(Atom["op"], "number");
  Atom["intervals"] = {
      {{"low", 5}, {"high", 10}, {"lowOpen", false}, {"highOpen", false}},
      {{"low", 0}, {"high", 5}, {"lowOpen", false}, {"highOpen", false}}};
  std::string Errors = loadErrors(Doc.dump(2));
  EXPECT_NE(Errors.find("intervals[1]: intervals must be disjoint and sorted"),
            std::string::npos)
      << Errors;
  Atom["intervals"] = {
      {{"low", 5}, {"high", 1}, {"lowOpen", false}, {"highOpen", false}}};
  Errors = loadErrors(Doc.dump(2));
  EXPECT_NE(Errors.find("intervals[0]: the interval holds no value"),
            std::string::npos)
      << Errors;
}

TEST(InterpreterLoadTest, ExamRatiosMustFollowFromTheFigures) {
  OrderedJson Doc = branchesDocument();
  Doc["exams"][0]["lrPositive"]["point"] = 9;
  std::string Text = Doc.dump(2);
  EXPECT_EQ(loadErrors(Text),
            "doc.json:" + positionOf(Text, "\"lrPositive\"", 14) +
                ": error: exams[0].lrPositive: does not follow from the "
                "exam's sensitivity and specificity\n");
  Doc = OrderedJson::parse(
      jsonDocumentFor("tests/inputs/interpreter/probabilities.pathway"));
  ASSERT_EQ(Doc["diagnoses"][0]["name"], "ranged");
  Doc["diagnoses"][0]["pretest"] = nullptr;
  std::string Errors = loadErrors(Doc.dump(2));
  EXPECT_NE(Errors.find("diagnosis 'ranged' has no pretest probability, so "
                        "'probability(ranged)' has no value"),
            std::string::npos)
      << Errors;
}

TEST(InterpreterLoadTest, GraphsOfTheWrongShape) {
  struct Damage {
    const char *What;
    std::function<void(OrderedJson &)> Apply;
    std::vector<const char *> Messages;
  };
  auto Retarget = [](const char *From, const char *To, const char *Key,
                     const char *Now) {
    return [=](OrderedJson &D) {
      D["edges"][indexOfEdge(D, From, To)][Key] = Now;
    };
  };
  const Damage Cases[] = {
      {"the last step goes back to the first",
       Retarget("step.ordered_next.order", "step.level_step.assess", "to",
                "step.decide.order"),
       {"this edge closes a cycle through node 'step.decide.order'"}},
      {"a red-flag screen goes on to its terminal both ways",
       Retarget("screen.danger_flag", "step.decide.order", "to",
                "red_flag.danger_flag"),
       {"'screen.danger_flag' needs one out-edge to its red_flag terminal and "
        "one to a node that is not a terminal"}},
      {"a terminal has an out-edge, and an order node none",
       Retarget("step.ordered_next.order", "step.level_step.assess", "from",
                "outcome.neither"),
       {"a terminal needs 0 out-edges; 'outcome.neither' has 1",
        "an order node needs 1 out-edge; 'step.ordered_next.order' has 0"}},
      {"a node of no known kind",
       [](OrderedJson &D) {
         D["nodes"][indexOfNode(D, "step.decide.branch")]["kind"] = "brnch";
       },
       {"unknown node kind 'brnch'"}},
  };
  for (const Damage &C : Cases) {
    OrderedJson Doc = branchesDocument();
    C.Apply(Doc);
    std::string Errors = loadErrors(Doc.dump(2));
    for (const char *Message : C.Messages)
      EXPECT_NE(Errors.find(Message), std::string::npos) << C.What << ":\n"
                                                         << Errors;
  }
}

TEST(InterpreterLoadTest, DeepNestingIsRefusedNotOverflowed) {
  // Far deeper than any stack would take if it were walked recursively.
  std::string Deep(200000, '[');
  EXPECT_NE(loadErrors(Deep).find("unexpected end of input"),
            std::string::npos);
  Deep += std::string(200000, ']');
  EXPECT_EQ(loadErrors(Deep),
            "doc.json:1:1: error: must be an object, not an array\n");

  OrderedJson Doc = branchesDocument();
  OrderedJson Guard = {{"op", "true"}};
  for (int I = 0; I != 1000; ++I)
    Guard = {{"op", "not"}, {"args", {Guard}}};
  Doc["edges"][0]["guard"] = Guard;
  std::string Errors = loadErrors(Doc.dump());
  EXPECT_NE(Errors.find("guard nested more than 200 levels deep"),
            std::string::npos)
      << Errors.substr(0, 500);
}

TEST(InterpreterLoadTest, ErrorsStopAfterFifty) {
  OrderedJson Doc = branchesDocument();
  OrderedJson Bad = {
      {"source", "nowhere"}, {"quote", nullptr}, {"range", nullptr}};
  Doc["nodes"][0]["citations"] = OrderedJson::array();
  for (int I = 0; I != 500; ++I)
    Doc["nodes"][0]["citations"].push_back(Bad);
  std::vector<InputError> Errors;
  EXPECT_FALSE(Program::load(Doc.dump(), "doc.json", Errors));
  ASSERT_EQ(Errors.size(), 51u);
  EXPECT_EQ(Errors.back().Message, "too many errors; stopping here");
}

TEST(InterpreterLoadTest, DamagedDocumentsNeverCrash) {
  // Every prefix of a document, and random bytes changed in it: each either
  // loads or reports errors, and a program that loads evaluates.
  const std::string &Text = jsonDocumentFor(Branches);
  std::vector<InputError> Errors;
  for (std::size_t Size = 0; Size < Text.size(); Size += 7) {
    Errors.clear();
    EXPECT_FALSE(Program::load(Text.substr(0, Size), "doc.json", Errors));
    EXPECT_FALSE(Errors.empty());
  }
  std::mt19937 Random(20240611);
  const char Replacements[] = "{}[]\",:0123456789-.eE truefalsnul\\\xff\x01";
  for (int Trial = 0; Trial != 3000; ++Trial) {
    std::string Damaged = Text;
    for (int Changes = 1 + Trial % 4; Changes; --Changes)
      Damaged[Random() % Damaged.size()] =
          Replacements[Random() % (sizeof(Replacements) - 1)];
    Errors.clear();
    std::unique_ptr<Program> P = Program::load(Damaged, "doc.json", Errors);
    EXPECT_EQ(P == nullptr, !Errors.empty());
    if (P) {
      Result R = P->evaluate(Case(*P));
      EXPECT_FALSE(R.Trace.empty());
    }
  }
}

//===----------------------------------------------------------------------===//
// The result as JSON
//===----------------------------------------------------------------------===//

TEST(InterpreterResultJsonTest, EveryFieldInOrder) {
  const Program &P =
      programFor("tests/inputs/interpreter/probabilities.pathway");
  Case C = makeCase(P, {{"early", true}});
  Result R = P.evaluate(C);
  std::string Text = resultToJson(R);
  ASSERT_EQ(Text.back(), '\n');
  OrderedJson J = OrderedJson::parse(Text);
  std::vector<std::string> Keys;
  for (const auto &Item : J.items())
    Keys.push_back(Item.key());
  EXPECT_EQ(Keys,
            (std::vector<std::string>{
                "format", "formatVersion", "status", "reached", "title",
                "urgency", "recommendations", "actionsOrdered", "missingInputs",
                "undecided", "invalidInputs", "probabilities", "trace"}));
  EXPECT_EQ(J["format"], "pathwayc-result");
  EXPECT_EQ(J["formatVersion"], 1);
  EXPECT_EQ(J["status"], statusName(R.State));
  EXPECT_EQ(J["reached"], std::string(R.Reached));
  EXPECT_EQ(J["title"], std::string(R.Title));
  EXPECT_EQ(J["urgency"], urgencyName(R.Level));
  EXPECT_EQ(J["undecided"].get<std::vector<std::string>>(),
            strings(R.Undecided));
  EXPECT_EQ(J["missingInputs"].get<std::vector<std::string>>(),
            strings(R.MissingInputs));
  ASSERT_EQ(J["probabilities"].size(), R.Probabilities.size());
  ASSERT_FALSE(R.Probabilities.empty());
  for (std::size_t I = 0; I != R.Probabilities.size(); ++I) {
    const OrderedJson &E = J["probabilities"][I];
    EXPECT_EQ(E["diagnosis"], std::string(R.Probabilities[I].Diagnosis));
    // Every digit survives: the numbers read back to the same doubles.
    EXPECT_EQ(E["low"].get<double>(), R.Probabilities[I].Value.Low);
    EXPECT_EQ(E["high"].get<double>(), R.Probabilities[I].Value.High);
    EXPECT_EQ(E["contradictory"], R.Probabilities[I].Contradictory);
  }
  ASSERT_EQ(J["trace"].size(), R.Trace.size());
  for (std::size_t I = 0; I != R.Trace.size(); ++I) {
    const OrderedJson &E = J["trace"][I];
    EXPECT_EQ(E["node"], std::string(R.Trace[I].NodeId));
    EXPECT_EQ(E["event"], std::string(R.Trace[I].Event));
    ASSERT_EQ(E["citations"].size(), R.Trace[I].Citations.size());
    ASSERT_EQ(E["notes"].size(), R.Trace[I].Notes.size());
  }
  // The same result gives the same bytes.
  EXPECT_EQ(resultToJson(P.evaluate(C)), Text);
}

TEST(InterpreterResultJsonTest, CitationsAndNotes) {
  Result R;
  R.State = Status::Outcome;
  Citation Cites[] = {{"s", "quoted"}, {"t", ""}};
  Note Notes[] = {{false, "a note"}, {true, "a pitfall"}};
  R.Trace.push_back({"node.id", "", Cites, Notes});
  OrderedJson J = OrderedJson::parse(resultToJson(R));
  EXPECT_EQ(J["trace"][0].dump(),
            "{\"node\":\"node.id\",\"event\":\"\",\"citations\":[{\"source\":"
            "\"s\",\"quote\":\"quoted\"},{\"source\":\"t\",\"quote\":null}],"
            "\"notes\":[{\"kind\":\"note\",\"text\":\"a note\"},{\"kind\":"
            "\"pitfall\",\"text\":\"a pitfall\"}]}");
}

} // namespace
