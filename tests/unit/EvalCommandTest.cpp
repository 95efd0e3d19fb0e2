//===- EvalCommandTest.cpp - `pathwayc eval`, end to end ------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The real binary on the case files in tests/inputs/cases: text and JSON
// output, a pathway and its JSON document giving the same result, and the
// exit status and messages of every kind of failure.
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

using namespace pathwayc::test;

namespace {

const char *const AcrPathway =
    "guidelines/acr_hip_pain_coexisting_back_or_knee.pathway";
const char *const Relief80 = "tests/inputs/cases/acr_relief_80.json";

std::vector<std::string> traceNodes(const nlohmann::json &Result) {
  std::vector<std::string> Nodes;
  for (const auto &Entry : Result["trace"])
    Nodes.push_back(Entry["node"]);
  return Nodes;
}

TEST(EvalCommandTest, Help) {
  RunResult R = runPathwayc({"eval", "--help"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(R.Out.rfind("usage: pathwayc eval FILE --case=CASE.json "
                        "[--format=text|json]\n",
                        0),
            0u)
      << R.Out;
  EXPECT_NE(R.Out.find("  --case=CASE.json"), std::string::npos);
  EXPECT_NE(R.Out.find("  --format=text|json"), std::string::npos);
  EXPECT_NE(R.Out.find("exit status: 0 evaluated"), std::string::npos);
  EXPECT_EQ(runPathwayc({"help", "eval"}).Out, R.Out);
  EXPECT_NE(runPathwayc({"--help"}).Out.find("  eval "), std::string::npos);
}

TEST(EvalCommandTest, TextResultOfAPathway) {
  RunResult R = runPathwayc({"eval", AcrPathway, "--case", Relief80});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Err, "");
  EXPECT_EQ(R.Out.rfind("status: outcome\n"
                        "reached: \"outcome.hip_is_generator\"\n"
                        "title: \"Positive: the hip joint is the primary pain "
                        "generator\"\n"
                        "urgency: routine\n"
                        "recommendations: 2\n",
                        0),
            0u)
      << R.Out;
  EXPECT_NE(R.Out.find("actions ordered: 1\n  \"hip_injection\"\n"
                       "missing inputs: 0\n"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Out.find("  \"step.read_relief.branch\" \"relief > 75 "
                       "percent\"\n"),
            std::string::npos)
      << R.Out;
}

TEST(EvalCommandTest, JsonResultOfAPendingCase) {
  RunResult R = runPathwayc({"eval", AcrPathway, "--case",
                             "tests/inputs/cases/acr_relief_unknown.json",
                             "--format=json"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  auto J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J["status"], "pending");
  EXPECT_EQ(J["reached"], "step.read_relief.branch");
  EXPECT_EQ(J["actionsOrdered"], nlohmann::json::array({"hip_injection"}));
  EXPECT_EQ(J["missingInputs"], nlohmann::json::array({"relief"}));
  EXPECT_EQ(J["undecided"].size(), 4u);
  EXPECT_EQ(traceNodes(J).back(), "step.read_relief.branch");
  EXPECT_EQ(J["trace"].back()["event"], "pending");
}

TEST(EvalCommandTest, JsonResultOfTheGrandRoundsVignette) {
  RunResult R =
      runPathwayc({"eval", "--format", "json",
                   "guidelines/buttock_pain_differential.pathway",
                   "--case=tests/inputs/cases/buttock_grand_rounds.json"});
  ASSERT_EQ(R.ExitCode, 0) << R.Err;
  auto J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J["status"], "outcome");
  EXPECT_EQ(J["reached"], "outcome.lsr_confirmed");
  EXPECT_EQ(J["actionsOrdered"], nlohmann::json::array({"mri_lumbar"}));
  std::vector<std::string> Nodes = traceNodes(J);
  ASSERT_EQ(Nodes.size(), 12u);
  EXPECT_EQ(Nodes[10], "step.lumbar_mri.branch");
  EXPECT_EQ(J["trace"][10]["event"],
            "lumbar_mri_result == concordant_root_compression");
}

TEST(EvalCommandTest, ADocumentGivesTheSameResultAsItsPathway) {
  const char *Case = "tests/inputs/cases/lateral_hip_saddle_anesthesia.json";
  RunResult FromPathway =
      runPathwayc({"eval", "guidelines/lateral_hip_pain_spine_or_si.pathway",
                   "--case", Case});
  RunResult FromDocument = runPathwayc(
      {"eval", "tests/golden/json/lateral_hip_pain_spine_or_si.json", "--case",
       Case});
  ASSERT_EQ(FromPathway.ExitCode, 0) << FromPathway.Err;
  ASSERT_EQ(FromDocument.ExitCode, 0) << FromDocument.Err;
  EXPECT_EQ(FromDocument.Out, FromPathway.Out);
  EXPECT_EQ(FromDocument.Out.rfind("status: red_flag\n"
                                   "reached: \"red_flag.cauda_equina\"\n",
                                   0),
            0u)
      << FromDocument.Out;
}

TEST(EvalCommandTest, WarningsGoToStderrAndTheResultStillComes) {
  TempFile Empty("empty.json", "{}\n");
  RunResult R =
      runPathwayc({"eval", "tests/inputs/interpreter/probabilities.pathway",
                   "--case", Empty.path()});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_NE(R.Err.find("warning[PW0803]"), std::string::npos) << R.Err;
  EXPECT_EQ(R.Out.rfind("status: indeterminate\n", 0), 0u) << R.Out;
}

TEST(EvalCommandTest, ErrorsInTheCaseAreLocated) {
  RunResult R = runPathwayc(
      {"eval", AcrPathway, "--case", "tests/inputs/cases/acr_typo.json"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out, "");
  EXPECT_EQ(R.Err,
            "tests/inputs/cases/acr_typo.json:3:18: error: 'radiographs' has "
            "no value 'osteoarthritic'; it is one of not_done, negative, "
            "non_diagnostic, osteoarthritis (did you mean 'osteoarthritis'?)\n"
            "tests/inputs/cases/acr_typo.json:4:3: error: 'releif' is not an "
            "input or exam of 'acr_hip_pain_coexisting_back_or_knee'; did you "
            "mean 'relief'?\n");
}

TEST(EvalCommandTest, APathwayWithErrorsIsNeverEvaluated) {
  TempFile Broken("broken.pathway", "pathway p {\n  title \"T\"\n  version "
                                    "\"1\"\n  start step a { next b }\n}\n");
  RunResult R = runPathwayc({"eval", Broken.path(), "--case", Relief80});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out, "");
  EXPECT_NE(R.Err.find("error["), std::string::npos) << R.Err;
}

TEST(EvalCommandTest, ErrorsInADocumentAreLocated) {
  TempFile Broken("broken.json", "{\"format\": \"pathwayc-graph\",\n");
  RunResult R = runPathwayc({"eval", Broken.path(), "--case", Relief80});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out, "");
  EXPECT_EQ(R.Err, Broken.path() +
                       ":2:1: error: invalid JSON: syntax error while parsing "
                       "object key - unexpected end of input; expected string "
                       "literal\n");
}

TEST(EvalCommandTest, MissingFilesExitWithTwo) {
  RunResult R = runPathwayc({"eval", "no/such.pathway", "--case", Relief80});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(R.Out, "");
  EXPECT_NE(R.Err.find("no/such.pathway"), std::string::npos) << R.Err;

  R = runPathwayc({"eval", "no/such.json", "--case", Relief80});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(R.Err.rfind("pathwayc: error: cannot read 'no/such.json': ", 0), 0u)
      << R.Err;

  R = runPathwayc({"eval", AcrPathway, "--case", "no/such/case.json"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_EQ(
      R.Err.rfind("pathwayc: error: cannot read 'no/such/case.json': ", 0), 0u)
      << R.Err;

  R = runPathwayc({"eval", AcrPathway, "--case", "tests/inputs"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("cannot read 'tests/inputs'"), std::string::npos);
}

TEST(EvalCommandTest, UsageErrorsExitWithTwo) {
  struct Usage {
    std::vector<std::string> Args;
    const char *Error;
  };
  const Usage Cases[] = {
      {{"eval", AcrPathway}, "'eval' needs a case: --case=CASE.json"},
      {{"eval", "--case", Relief80},
       "'eval' needs a pathway file or a JSON document"},
      {{"eval", AcrPathway, AcrPathway, "--case", Relief80},
       "'eval' takes one pathway file or JSON document"},
      {{"eval", AcrPathway, "--case", Relief80, "--format=xml"},
       "unknown result format 'xml'; expected 'text' or 'json'"},
      {{"eval", AcrPathway, "--case"},
       "option '--case' needs a value: --case=CASE.json"},
      {{"eval", AcrPathway, "--case", Relief80, "--emit=json"},
       "unknown option '--emit=json' for 'eval'"},
  };
  for (const Usage &U : Cases) {
    RunResult R = runPathwayc(U.Args);
    EXPECT_EQ(R.ExitCode, 2) << U.Error;
    EXPECT_EQ(R.Out, "");
    EXPECT_EQ(R.Err, std::string("pathwayc: error: ") + U.Error + "\n");
  }
}

} // namespace
