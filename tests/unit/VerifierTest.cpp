//===- VerifierTest.cpp - Findings and their witnesses, exactly -----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Which findings each file gets, with line, column and message, is tested
// by the -verify files in tests/diagnostics; these tests pin what those
// cannot: the solver's regions and cells, and each finding's witness (the
// vignette, the case and the path).
//
//===----------------------------------------------------------------------===//

#include "VerifierTestSupport.h"

#include "verify/GuardSolver.h"

using namespace pathwayc;
using namespace pathwayc::test;
using namespace pathwayc::ir;

namespace {

const char *AcrAsWorded = R"(
  inputs {
    intra_articular_confirmed: bool
    relief: number in [0, 100] percent
  }
  start step injection {
    assess intra_articular_confirmed
    branch {
      intra_articular_confirmed -> read_relief
      not intra_articular_confirmed -> nondiagnostic
    }
  }
  step read_relief {
    assess relief
    branch {
      relief >= 75 percent -> hip_is_generator cite s
      relief in [30, 50] percent -> mixed cite s
      relief < 30 percent -> elsewhere cite s
    }
  }
  outcome nondiagnostic "N" { recommend "n" cite s }
  outcome hip_is_generator "H" { recommend "h" cite s }
  outcome mixed "M" { recommend "m" cite s }
  outcome elsewhere "E" { recommend "e" cite s }
)";

TEST(GuardSolverTest, PartitionCutsAtEveryConstant) {
  Graph G = lower(pathwayWith(AcrAsWorded));
  verify::GuardSolver Solver(*G.M);
  unsigned Relief = *G.M->findVariable("relief");
  std::vector<GuardRef> Arms;
  unsigned Branch = *G.M->findNode("step.read_relief.branch");
  for (unsigned E : G.M->Nodes[Branch].OutEdges)
    Arms.push_back(G.M->Edges[E].Condition);
  verify::Partition P = Solver.partition(Relief, Arms);
  // [0] (0,30) [30] (30,50) [50] (50,75) [75] (75,100) [100]
  ASSERT_EQ(P.Cells.size(), 9u);
  EXPECT_TRUE(P.Cells[0].isPoint());
  EXPECT_EQ(P.Cells[5].Low, 50);
  EXPECT_EQ(P.Cells[5].High, 75);
  EXPECT_TRUE(P.Cells[5].LowOpen && P.Cells[5].HighOpen);
}

TEST(VerifierTest, AcrInjectionAsWordedHasExactlyTheFiftyToSeventyFiveGap) {
  Graph G = lower(pathwayWith(AcrAsWorded));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("error[PW0601]: no arm of the branch in step "
                     "'read_relief' covers relief in (50, 75) percent\n"),
            std::string::npos)
      << Out;
  EXPECT_EQ(G.C->Diags.getNumErrors(), 1u) << Out;
  const CaseWitness *W = G.witness("PW0601");
  ASSERT_TRUE(W);
  EXPECT_EQ(W->Vignette, "relief = 63 percent reaches no arm");
  // The path goes through the confirmation the witness needs.
  EXPECT_EQ(W->Path, (std::vector<std::string>{
                         "step.injection.assess", "step.injection.branch",
                         "step.read_relief.assess", "step.read_relief.branch"}));
  EXPECT_EQ(W->Inputs.front(), (std::pair<std::string, std::string>(
                                   "relief", "63 percent")));
}

TEST(VerifierTest, StrictThresholdLeavesTheClosedEnd) {
  std::string Text = AcrAsWorded;
  Text.replace(Text.find("relief >= 75"), 12, "relief > 75");
  Graph G = lower(pathwayWith(Text));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("covers relief in (50, 75] percent\n"), std::string::npos)
      << Out;
}

TEST(VerifierTest, GapAcrossTwoInputsNamesTheCombination) {
  Graph G = lower(pathwayWith(R"(
  inputs { confirmed: bool  relief: number in [0, 100] percent }
  start step a {
    assess confirmed, relief
    branch {
      not confirmed -> o
      confirmed and relief > 50 percent -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("covers confirmed is true and relief in [0, 50] percent"),
            std::string::npos)
      << Out;
  EXPECT_EQ(G.witness("PW0601")->Vignette,
            "confirmed = true, relief = 25 percent reaches no arm");
}

TEST(VerifierTest, MissingEnumValues) {
  Graph G = lower(pathwayWith(R"(
  inputs { xray: one of { not_done, negative, oa, fracture } }
  start step a {
    assess xray
    branch { xray is oa -> o  xray is negative -> o }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("covers xray in { not_done, fracture }"), std::string::npos)
      << Out;
}

TEST(VerifierTest, OverlapHasAWitnessAndTheArms) {
  Graph G = lower(pathwayWith(R"(
  inputs { confirmed: bool  relief: number in [0, 100] percent }
  start step a {
    assess confirmed, relief
    branch {
      not confirmed -> o
      relief >= 75 percent -> o
      relief < 75 percent -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("error[PW0602]: 2 arms of the branch in step 'a' hold "
                     "at once when confirmed is false"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("note: this arm holds: not confirmed"), std::string::npos);
  EXPECT_NE(Out.find("note: this arm holds: relief >= 75 percent"),
            std::string::npos);
  const CaseWitness *W = nullptr;
  for (const Diagnostic &D : G.C->Diags.getDiagnostics())
    if (D.getCode() == "PW0602" && D.Message.find("relief in [75, 100]") !=
                                       std::string::npos)
      W = &*D.Witness;
  ASSERT_TRUE(W) << Out;
  EXPECT_EQ(W->Vignette, "confirmed = false, relief = 88 percent takes "
                         "'not confirmed' and 'relief >= 75 percent'");
}

TEST(VerifierTest, ArmDeadUnderAnInclusion) {
  Graph G = lower(pathwayWith(R"(
  inputs { pain_duration: number in [0, 600] months }
  include "chronic": pain_duration > 3 months cite s
  start step a {
    assess pain_duration
    branch {
      pain_duration < 3 months -> o
      pain_duration >= 3 months -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("coverage");
  EXPECT_NE(Out.find("warning[PW0603]: arm 'pain_duration < 3 months' of step "
                     "'a' can never be taken"),
            std::string::npos)
      << Out;
  EXPECT_EQ(G.C->Diags.getNumErrors(), 0u) << Out;
}

TEST(VerifierTest, ProbabilityIsForgottenAfterNewFindings) {
  // After a second exam, probability(g) may have changed, so the second
  // branch must cover all of [0, 1] again; its low arm is not dead.
  Graph G = lower(pathwayWith(R"(
  diagnosis g "G" pretest 0.3 cite s
  exam t1 "T1" detects g sensitivity 0.8 specificity 0.9 cite s
  exam t2 "T2" detects g sensitivity 0.7 specificity 0.9 cite s
  start step first {
    assess t1
    branch { probability(g) >= 0.5 -> second  probability(g) < 0.5 -> o }
  }
  step second {
    assess t2
    branch { probability(g) >= 0.5 -> o  probability(g) < 0.5 -> o }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("coverage");
  EXPECT_EQ(G.C->Diags.getDiagnostics().size(), 0u) << Out;
}

TEST(VerifierTest, NeverAppliesShowsTheConflict) {
  Graph G = lower(pathwayWith(R"(
  inputs { pain_duration: number in [0, 600] months  flag: bool }
  include "chronic": pain_duration > 3 months cite s
  include "acute": pain_duration < 6 weeks cite s
  include "flag": flag cite s
  start step a { assess flag  next o }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("criteria");
  EXPECT_NE(Out.find("error[PW0701]: pathway 'p' can never apply"),
            std::string::npos)
      << Out;
  // The minimal conflict: the two duration criteria, not the flag.
  size_t Notes = 0;
  for (const Diagnostic &D : G.C->Diags.getDiagnostics())
    Notes += D.Notes.size();
  EXPECT_EQ(Notes, 2u) << Out;
}

TEST(VerifierTest, FindingReadBeforeAssessmentHasAPathWitness) {
  Graph G = lower(pathwayWith(R"(
  inputs { flag: bool }
  diagnosis g "G" cite s
  exam t "T" detects g sensitivity 0.8 specificity 0.9 cite s
  start step a {
    assess flag
    branch { flag -> b  not flag -> c }
  }
  step b { assess t  next c }
  step c { branch { t -> o  not t -> o } }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Out = G.runPass("assessment");
  EXPECT_NE(Out.find("error[PW0805]: step 'c' reads the finding of exam 't', "
                     "which is not assessed on every path to it"),
            std::string::npos)
      << Out;
  EXPECT_EQ(G.witness("PW0805")->Vignette,
            "the path a -> c never assesses 't'");
}

TEST(VerifierTest, PassesAreReportedAsChecks) {
  Graph G = lower(pathwayWith(AcrAsWorded));
  PipelineOptions Options;
  Options.DisabledPasses.insert("safety");
  verify::VerificationReport Report =
      verify::verifyModule(*G.M, G.C->Diags, Options);
  EXPECT_EQ(Report.FailedChecks, (std::vector<std::string>{"coverage"}));
  EXPECT_EQ(Report.SkippedChecks, (std::vector<std::string>{"safety"}));
  EXPECT_EQ(Report.PassedChecks,
            (std::vector<std::string>{"structure", "criteria", "assessment",
                                      "evidence"}));
}

TEST(VerifierTest, StepBudgetIsReportedNotSkipped) {
  Graph G = lower(pathwayWith(AcrAsWorded));
  verify::GuardSolver Solver(*G.M, /*StepBudget=*/3);
  unsigned Branch = *G.M->findNode("step.read_relief.branch");
  std::vector<GuardRef> Arms;
  for (unsigned E : G.M->Nodes[Branch].OutEdges)
    Arms.push_back(G.M->Edges[E].Condition);
  Solver.checkCoverage(Guard::getTrue(), Arms);
  EXPECT_TRUE(Solver.exhausted());
}

TEST(VerifierTest, ShippedGuidelinesVerifyWithoutErrors) {
  for (const char *Name :
       {"acr_hip_pain_coexisting_back_or_knee", "buttock_pain_differential",
        "lateral_hip_pain_spine_or_si", "spine_origin_of_hip_pain"}) {
    std::string Path =
        std::string(PATHWAYC_SOURCE_DIR) + "/guidelines/" + Name + ".pathway";
    Compilation C;
    C.Buffer = loadPathwayFile(Path, C.Diags);
    C.AST = checkPathway(C.Buffer, C.Diags);
    ASSERT_TRUE(C.AST && !C.Diags.hasErrors()) << C.diagnostics();
    auto M = ir::lowerToIR(*C.AST, Path);
    verify::verifyModule(*M, C.Diags, {});
    EXPECT_EQ(C.Diags.getNumErrors(), 0u) << Name << "\n" << C.diagnostics();
  }
}

} // namespace
