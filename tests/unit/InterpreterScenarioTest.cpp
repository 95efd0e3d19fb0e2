//===- InterpreterScenarioTest.cpp - The seed documents' own cases --------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Cases taken from the source documents in ../shared/seeds and evaluated on
// the shipped guidelines that encode them. Each expectation was worked out
// by reading the seed and the guideline, not by running the interpreter:
//
//   - the ACR workflow for hip pain with coexisting back or knee pathology:
//     "A response of >75-80% pain relief ... strongly implicates the hip"
//     (discuss total hip arthroplasty); "A partial response (e.g., 30-50%
//     pain relief) suggests a mixed pain picture"; no significant relief
//     refocuses on the lumbar spine; "An extra-articular injection that
//     yields no pain relief is a non-diagnostic study";
//   - saddle anaesthesia, which both the lateral hip and the buttock pain
//     guidelines screen for as an emergency (cauda equina);
//   - the grand rounds vignette: a 49-year-old woman with right buttock
//     pain for 8 weeks despite physical therapy and medication, EHL and hip
//     abductor weakness, reduced sensation and pain on dural tension tests,
//     whose lumbar MRI showed an L4-5 protrusion compressing the L5 root.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestSupport.h"

#include "gtest/gtest.h"

using namespace pathwayc::runtime;
using namespace pathwayc::test;
using Strings = std::vector<std::string>;

namespace {

const char *const Acr =
    "guidelines/acr_hip_pain_coexisting_back_or_knee.pathway";

/// The ACR scenario's patient: chronic hip pain (6 months), radiographic
/// hip osteoarthritis, lumbar stenosis, the goal of isolating the hip, no
/// red flag and none of the cases the workflow leaves out.
Case acrPatient(CaseValues More) {
  Case C = makeCase(programFor(Acr), {{"hip_pain_duration", 6.0},
                                      {"radiographs", "osteoarthritis"},
                                      {"lumbar_pathology", true},
                                      {"knee_pathology", true},
                                      {"goal_is_isolating_hip", true},
                                      {"suspected_labral_tear_or_fai", false},
                                      {"clearly_extra_articular", false},
                                      {"suspected_infection", false},
                                      {"suspected_malignancy", false},
                                      {"suspected_acute_fracture", false}});
  setValues(C, More);
  return C;
}

/// Screening that passes: three red flags, two exclusions, four criteria.
const Strings AcrScreening = {"screen.infection false",
                              "screen.malignancy false",
                              "screen.acute_fracture false",
                              "exclude.1 false",
                              "exclude.2 false",
                              "include.1 true",
                              "include.2 true",
                              "include.3 true",
                              "include.4 true",
                              "step.injection.order ",
                              "step.injection.assess "};

Strings concat(Strings A, const Strings &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

bool anyContains(const std::vector<std::string_view> &Texts,
                 std::string_view Part) {
  for (std::string_view T : Texts)
    if (T.find(Part) != std::string_view::npos)
      return true;
  return false;
}

TEST(InterpreterScenarioTest, AcrEightyPercentReliefPointsToArthroplasty) {
  const Program &P = programFor(Acr);
  Result R = P.evaluate(
      acrPatient({{"intra_articular_confirmed", true}, {"relief", 80.0}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.hip_is_generator");
  EXPECT_EQ(R.Level, Urgency::Routine);
  EXPECT_TRUE(anyContains(R.Recommendations, "total hip arthroplasty"));
  EXPECT_TRUE(anyContains(R.Recommendations, "bridge to surgery"));
  EXPECT_EQ(strings(R.ActionsOrdered), Strings{"hip_injection"});
  EXPECT_EQ(
      traceSteps(R),
      concat(AcrScreening, {"step.injection.branch intra_articular_confirmed",
                            "step.read_relief.assess ",
                            "step.read_relief.branch relief > 75 percent",
                            "outcome.hip_is_generator "}));
  EXPECT_TRUE(R.MissingInputs.empty());
  EXPECT_TRUE(R.Probabilities.empty());
}

TEST(InterpreterScenarioTest, AcrFortyPercentIsTheMixedPicture) {
  const Program &P = programFor(Acr);
  // Whether the picture is still unclear has not been asked yet.
  Result R = P.evaluate(
      acrPatient({{"intra_articular_confirmed", true}, {"relief", 40.0}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.mixed_picture.branch");
  EXPECT_EQ(strings(R.MissingInputs), Strings{"picture_remains_unclear"});
  EXPECT_EQ(traceSteps(R),
            concat(AcrScreening,
                   {"step.injection.branch intra_articular_confirmed",
                    "step.read_relief.assess ",
                    "step.read_relief.branch relief in [30, 50] percent",
                    "step.mixed_picture.assess ",
                    "step.mixed_picture.branch pending"}));
  // Told that it is not unclear: treat both sources.
  R = P.evaluate(acrPatient({{"intra_articular_confirmed", true},
                             {"relief", 40.0},
                             {"picture_remains_unclear", false}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.treat_both_sources");
  EXPECT_TRUE(anyContains(R.Recommendations, "Treat both the hip and"));
}

TEST(InterpreterScenarioTest, AcrTenPercentTurnsToTheLumbarSpine) {
  const Program &P = programFor(Acr);
  Result R = P.evaluate(
      acrPatient({{"intra_articular_confirmed", true}, {"relief", 10.0}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.hip_not_generator");
  EXPECT_TRUE(anyContains(R.Recommendations, "lumbar spine"));
  EXPECT_TRUE(anyContains(R.Recommendations, "lumbar spine MRI"));
  EXPECT_TRUE(anyContains(R.Recommendations, "Avoid hip surgery"));
  EXPECT_EQ(traceSteps(R)[AcrScreening.size() + 2],
            "step.read_relief.branch relief < 30 percent");
}

TEST(InterpreterScenarioTest, AcrInjectionNotIntraArticularIsNonDiagnostic) {
  const Program &P = programFor(Acr);
  // Whatever the relief: the joint was not tested.
  for (double Relief : {0.0, 90.0}) {
    Result R = P.evaluate(
        acrPatient({{"intra_articular_confirmed", false}, {"relief", Relief}}));
    EXPECT_EQ(R.State, Status::Outcome);
    EXPECT_EQ(R.Reached, "outcome.nondiagnostic");
    EXPECT_TRUE(anyContains(R.Recommendations, "Do not read the result as "
                                               "negative"));
    EXPECT_EQ(traceSteps(R),
              concat(AcrScreening,
                     {"step.injection.branch not intra_articular_confirmed",
                      "outcome.nondiagnostic "}));
  }
}

TEST(InterpreterScenarioTest, AcrUnknownReliefWaitsAtTheReliefBranch) {
  // docs/language.md: "the result is pending at read_relief, with
  // hip_injection among the actions and relief missing".
  const Program &P = programFor(Acr);
  Result R = P.evaluate(acrPatient({{"intra_articular_confirmed", true}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.read_relief.branch");
  EXPECT_EQ(R.Title, "Index pain relief during the anesthetic phase");
  EXPECT_EQ(strings(R.ActionsOrdered), Strings{"hip_injection"});
  EXPECT_EQ(strings(R.MissingInputs), Strings{"relief"});
  EXPECT_EQ(strings(R.Undecided),
            (Strings{"relief > 75 percent", "relief in (50, 75] percent",
                     "relief in [30, 50] percent", "relief < 30 percent"}));
  EXPECT_TRUE(R.Recommendations.empty());
}

TEST(InterpreterScenarioTest, SaddleAnaesthesiaCallsForEmergencyMri) {
  const Program &P =
      programFor("guidelines/lateral_hip_pain_spine_or_si.pathway");
  Result R = P.evaluate(makeCase(P, {{"saddle_anesthesia", true},
                                     {"urinary_retention", false},
                                     {"fecal_incontinence", false},
                                     {"fever", false},
                                     {"unexplained_weight_loss", false},
                                     {"history_of_cancer", false}}));
  EXPECT_EQ(R.State, Status::RedFlag);
  EXPECT_EQ(R.Reached, "red_flag.cauda_equina");
  EXPECT_EQ(R.Level, Urgency::Emergency);
  EXPECT_EQ(strings(R.Recommendations),
            Strings{"Suspected cauda equina syndrome: MRI within hours"});
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.cauda_equina true", "red_flag.cauda_equina "}));
  EXPECT_TRUE(R.ActionsOrdered.empty());

  // The buttock pain guideline screens for it too, first of all.
  const Program &Buttock =
      programFor("guidelines/buttock_pain_differential.pathway");
  R = Buttock.evaluate(
      makeCase(Buttock, {{"saddle_anesthesia", true},
                         {"bowel_or_bladder_dysfunction", false},
                         {"significant_or_progressive_weakness", false},
                         {"constitutional_symptoms", false},
                         {"infection_or_neoplasm_concern", false}}));
  EXPECT_EQ(R.State, Status::RedFlag);
  EXPECT_EQ(R.Reached, "red_flag.cauda_equina_signs");
  EXPECT_EQ(R.Level, Urgency::Emergency);
  EXPECT_EQ(strings(R.Recommendations),
            Strings{"Red flag: image the lumbar spine now and obtain surgical "
                    "evaluation"});
}

TEST(InterpreterScenarioTest, GrandRoundsVignetteIsAnL5Radiculopathy) {
  const Program &P = programFor("guidelines/buttock_pain_differential.pathway");
  Result R = P.evaluate(makeCase(
      P, {{"buttock_pain", true},
          {"saddle_anesthesia", false},
          {"bowel_or_bladder_dysfunction", false},
          {"significant_or_progressive_weakness", false},
          {"constitutional_symptoms", false},
          {"infection_or_neoplasm_concern", false},
          // 4+/5 EHL and 4/5 hip abductor weakness, reduced sensation at the
          // dorsal first web space; pain reproduced by lumbar flexion and
          // dural tension testing.
          {"neurologic_deficit", true},
          {"radicular_features", true},
          // 8 weeks without relief despite physical therapy and medication.
          {"failed_conservative_care", true},
          {"significant_neurologic_abnormality", false},
          // Right paracentral L4-5 protrusion compressing the right L5 root.
          {"lumbar_mri_result", "concordant_root_compression"},
          {"age", 49.0}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.lsr_confirmed");
  EXPECT_EQ(R.Title, "Lumbosacral radiculopathy");
  EXPECT_EQ(R.Level, Urgency::Routine);
  EXPECT_EQ(strings(R.ActionsOrdered), Strings{"mri_lumbar"});
  EXPECT_TRUE(anyContains(R.Recommendations, "epidural steroid injection"));
  EXPECT_EQ(
      traceSteps(R),
      (Strings{"screen.cauda_equina_signs false",
               "screen.progressive_weakness false",
               "screen.infection_or_neoplasm false", "include.1 true",
               "step.lumbar_and_neurologic_exam.assess ",
               "step.lumbar_and_neurologic_exam.branch neurologic_deficit "
               "or radicular_features",
               "step.lsr_suspected.assess ",
               "step.lsr_suspected.branch failed_conservative_care or "
               "significant_neurologic_abnormality",
               "step.lumbar_mri.order ", "step.lumbar_mri.assess ",
               "step.lumbar_mri.branch lumbar_mri_result == "
               "concordant_root_compression",
               "outcome.lsr_confirmed "}));
  // The lumbar path reads no probability.
  EXPECT_TRUE(R.Probabilities.empty());
  // The vignette's own note is on the outcome.
  bool VignetteNote = false;
  for (const Note &N : R.Trace.back().Notes)
    VignetteNote |= N.Text.find("The vignette ends here") != std::string::npos;
  EXPECT_TRUE(VignetteNote);
}

} // namespace
