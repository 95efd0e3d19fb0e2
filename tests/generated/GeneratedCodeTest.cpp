//===- GeneratedCodeTest.cpp - Decision modules the C++ target wrote ------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// These tests link the C++ that pathwayc generated for the shipped
// guidelines during this build, and call it as a product would:
//
//   - the ACR pathway on the scenarios its source spells out, worked out by
//     hand from ../shared/seeds and the guideline, boundaries included;
//   - the API around evaluate(): enum names, setting inputs by name, the
//     constexpr tables and provenance;
//   - a pathway of hostile names and text (tests/inputs/cpp/
//     hostile_names.pathway), whose every string must come back byte for
//     byte, compared with the JSON target written from the same graph.
//
// The differential test (DifferentialTest.cpp) compares every module with
// the interpreter on generated cases.
//
//===----------------------------------------------------------------------===//

#include "acr_hip_pain_coexisting_back_or_knee.h"
#include "hostile_names.h"

#include "pathwayc/Result.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace acr = acr_hip_pain_coexisting_back_or_knee;
namespace hostile = hostile_names;
using namespace pathwayc::runtime;

namespace {

/// The node ids of \p R's trace with their events, "id:event".
std::vector<std::string> path(const Result &R) {
  std::vector<std::string> Steps;
  for (const TraceEntry &Entry : R.Trace)
    Steps.push_back(std::string(Entry.NodeId) + ":" + std::string(Entry.Event));
  return Steps;
}

//===----------------------------------------------------------------------===//
// The ACR pathway
//===----------------------------------------------------------------------===//

/// The patient of the ACR article's scenario: chronic hip pain with
/// radiographic osteoarthritis and lumbar spine pathology, no red flag, no
/// exclusion, the goal to isolate the hip, and an injection the
/// proceduralist confirmed was intra-articular. Relief is left to each
/// test.
acr::Inputs acrPatient() {
  acr::Inputs In;
  In.suspected_infection = false;
  In.suspected_malignancy = false;
  In.suspected_acute_fracture = false;
  In.suspected_labral_tear_or_fai = false;
  In.clearly_extra_articular = false;
  In.hip_pain_duration = 8;
  In.radiographs = acr::Radiographs::osteoarthritis;
  In.lumbar_pathology = true;
  In.knee_pathology = false;
  In.goal_is_isolating_hip = true;
  In.intra_articular_confirmed = true;
  return In;
}

TEST(AcrScenarioTest, EightyPercentReliefDiscussesHipArthroplasty) {
  acr::Inputs In = acrPatient();
  In.relief = 80;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.hip_is_generator");
  EXPECT_EQ(R.Level, Urgency::Routine);
  ASSERT_FALSE(R.Recommendations.empty());
  EXPECT_NE(R.Recommendations[0].find("total hip arthroplasty"),
            std::string_view::npos);
  EXPECT_EQ(R.ActionsOrdered, std::vector<std::string_view>{"hip_injection"});
  EXPECT_TRUE(R.MissingInputs.empty());
  // Every screen and criterion passed, in order, then the steps.
  EXPECT_EQ(path(R), (std::vector<std::string>{
                         "screen.infection:false",
                         "screen.malignancy:false",
                         "screen.acute_fracture:false",
                         "exclude.1:false",
                         "exclude.2:false",
                         "include.1:true",
                         "include.2:true",
                         "include.3:true",
                         "include.4:true",
                         "step.injection.order:",
                         "step.injection.assess:",
                         "step.injection.branch:intra_articular_confirmed",
                         "step.read_relief.assess:",
                         "step.read_relief.branch:relief > 75 percent",
                         "outcome.hip_is_generator:",
                     }));
  // The arm taken carries its citations: the article's threshold.
  const TraceEntry &Arm = R.Trace[13];
  ASSERT_EQ(Arm.Citations.size(), 2u);
  EXPECT_EQ(Arm.Citations[1].Quote,
            "A robust positive response is typically defined as >75% relief.");
}

TEST(AcrScenarioTest, FortyPercentIsAMixedPicture) {
  acr::Inputs In = acrPatient();
  In.relief = 40;
  Result R = acr::evaluate(In);
  // The mixed picture asks whether the picture remains unclear.
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.mixed_picture.branch");
  EXPECT_EQ(R.MissingInputs,
            std::vector<std::string_view>{"picture_remains_unclear"});
  EXPECT_EQ(path(R)[13], "step.read_relief.branch:relief in [30, 50] percent");

  In.picture_remains_unclear = false;
  R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.treat_both_sources");
  EXPECT_NE(R.Recommendations[0].find("Treat both the hip and the other"),
            std::string_view::npos);

  In.picture_remains_unclear = true;
  EXPECT_EQ(acr::evaluate(In).Reached, "outcome.multidisciplinary_conference");
}

TEST(AcrScenarioTest, TenPercentTurnsToTheLumbarSpine) {
  acr::Inputs In = acrPatient();
  In.relief = 10;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.hip_not_generator");
  EXPECT_TRUE(std::any_of(R.Recommendations.begin(), R.Recommendations.end(),
                          [](std::string_view Text) {
                            return Text.find("lumbar spine MRI") !=
                                   std::string_view::npos;
                          }));
}

TEST(AcrScenarioTest, InjectionNotIntraArticularIsNonDiagnostic) {
  acr::Inputs In = acrPatient();
  In.intra_articular_confirmed = false;
  In.relief = 0;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.nondiagnostic");
  EXPECT_EQ(path(R).back(), "outcome.nondiagnostic:");
  // Relief is never read: the trace does not pass the relief step.
  for (const TraceEntry &Entry : R.Trace)
    EXPECT_EQ(Entry.NodeId.find("read_relief"), std::string_view::npos);
}

TEST(AcrScenarioTest, UnknownReliefIsPendingWithTheInjectionOrdered) {
  acr::Inputs In = acrPatient();
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.read_relief.branch");
  EXPECT_EQ(R.ActionsOrdered, std::vector<std::string_view>{"hip_injection"});
  EXPECT_EQ(R.MissingInputs, std::vector<std::string_view>{"relief"});
  EXPECT_EQ(R.Undecided.size(), 4u);
  EXPECT_EQ(path(R).back(), "step.read_relief.branch:pending");
}

TEST(AcrScenarioTest, ReliefBoundariesFallAsTheGuidelineReadsThem) {
  struct Boundary {
    double Relief;
    std::string_view Reached;
  };
  // > 75 is positive; exactly 75 is partial; 30 to 75 partial; < 30 not.
  const Boundary Boundaries[] = {
      {100, "outcome.hip_is_generator"},
      {75.000001, "outcome.hip_is_generator"},
      {75, "outcome.treat_both_sources"},
      {50.5, "outcome.treat_both_sources"},
      {50, "outcome.treat_both_sources"},
      {30, "outcome.treat_both_sources"},
      {29.999999, "outcome.hip_not_generator"},
      {0, "outcome.hip_not_generator"},
  };
  for (const Boundary &B : Boundaries) {
    SCOPED_TRACE(B.Relief);
    acr::Inputs In = acrPatient();
    In.picture_remains_unclear = false;
    In.relief = B.Relief;
    EXPECT_EQ(acr::evaluate(In).Reached, B.Reached);
  }
}

TEST(AcrScenarioTest, RedFlagsComeFirst) {
  acr::Inputs In = acrPatient();
  In.relief = 80;
  In.suspected_malignancy = true;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::RedFlag);
  EXPECT_EQ(R.Reached, "red_flag.malignancy");
  EXPECT_EQ(R.Level, Urgency::Urgent);
  EXPECT_TRUE(R.ActionsOrdered.empty());

  // An unknown red flag stops evaluation as pending, and a later red flag
  // that holds is still reported.
  In.suspected_infection.reset();
  R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "screen.infection");
  EXPECT_EQ(R.MissingInputs,
            std::vector<std::string_view>{"suspected_infection"});
  ASSERT_EQ(R.Recommendations.size(), 1u);
  EXPECT_NE(R.Recommendations[0].find("Suspected malignancy"),
            std::string_view::npos);
  // Its urgency is the result's, so that it cannot be missed.
  EXPECT_EQ(R.Level, Urgency::Urgent);
  EXPECT_EQ(path(R), (std::vector<std::string>{"screen.infection:unknown",
                                               "screen.malignancy:true",
                                               "screen.acute_fracture:false"}));
}

TEST(AcrScenarioTest, CriteriaDecideApplicability) {
  acr::Inputs In = acrPatient();
  In.relief = 80;
  In.hip_pain_duration = 2;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::NotApplicable);
  EXPECT_EQ(R.Reached, "not_applicable.1");

  // A false inclusion decides even after an unknown one.
  In.hip_pain_duration.reset();
  In.goal_is_isolating_hip = false;
  R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::NotApplicable);
  EXPECT_EQ(R.Reached, "not_applicable.4");
  EXPECT_TRUE(R.Undecided.empty());
  EXPECT_TRUE(R.MissingInputs.empty());

  In.goal_is_isolating_hip = true;
  In.lumbar_pathology.reset();
  In.knee_pathology.reset();
  R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "include.1");
  EXPECT_EQ(R.MissingInputs,
            (std::vector<std::string_view>{
                "hip_pain_duration", "lumbar_pathology", "knee_pathology"}));

  In = acrPatient();
  In.suspected_labral_tear_or_fai = true;
  In.radiographs = acr::Radiographs::non_diagnostic;
  R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::Excluded);
  EXPECT_EQ(R.Reached, "excluded.1");
  EXPECT_EQ(R.Recommendations, std::vector<std::string_view>{
                                   "A different imaging pathway, often MRI "
                                   "or MR arthrography"});
}

TEST(AcrScenarioTest, ValuesOutsideTheirDomainsAreRejected) {
  acr::Inputs In = acrPatient();
  In.relief = 120;
  In.hip_pain_duration = -1;
  Result R = acr::evaluate(In);
  EXPECT_EQ(R.State, Status::InvalidInput);
  EXPECT_EQ(R.InvalidInputs,
            (std::vector<std::string_view>{"hip_pain_duration", "relief"}));
  EXPECT_TRUE(R.Trace.empty());
  In.relief = std::nan("");
  In.hip_pain_duration = 8;
  EXPECT_EQ(acr::evaluate(In).InvalidInputs,
            std::vector<std::string_view>{"relief"});
}

//===----------------------------------------------------------------------===//
// The API around evaluate()
//===----------------------------------------------------------------------===//

TEST(GeneratedApiTest, EnumNames) {
  static_assert(acr::nameOf(acr::Radiographs::non_diagnostic) ==
                    "non_diagnostic",
                "names are constexpr");
  acr::Radiographs Value{};
  EXPECT_TRUE(acr::fromName("osteoarthritis", Value));
  EXPECT_EQ(Value, acr::Radiographs::osteoarthritis);
  EXPECT_FALSE(acr::fromName("Osteoarthritis", Value));
  EXPECT_EQ(Value, acr::Radiographs::osteoarthritis);
}

TEST(GeneratedApiTest, SettingInputsByName) {
  acr::Inputs ByName;
  EXPECT_TRUE(acr::setBool(ByName, "suspected_infection", false));
  EXPECT_TRUE(acr::setNumber(ByName, "relief", 80));
  EXPECT_TRUE(acr::setEnum(ByName, "radiographs", "osteoarthritis"));
  EXPECT_EQ(ByName.suspected_infection, false);
  EXPECT_EQ(ByName.relief, 80);
  EXPECT_EQ(ByName.radiographs, acr::Radiographs::osteoarthritis);
  // Wrong kind, unknown name or value: nothing changes.
  EXPECT_FALSE(acr::setBool(ByName, "relief", true));
  EXPECT_FALSE(acr::setNumber(ByName, "radiograph", 1));
  EXPECT_FALSE(acr::setEnum(ByName, "radiographs", "osteo"));
  EXPECT_EQ(ByName.relief, 80);
  EXPECT_EQ(ByName.radiographs, acr::Radiographs::osteoarthritis);
}

TEST(GeneratedApiTest, TablesAndProvenance) {
  static_assert(acr::Procedures.size() == 3, "constexpr tables");
  static_assert(acr::Procedures[0].Name == "hip_injection", "");
  EXPECT_EQ(acr::Procedures[0].Category, "usually_appropriate");
  EXPECT_EQ(acr::Sources[0].Name, "acr_hip");
  EXPECT_EQ(acr::Sources[0].Year, 2026);
  EXPECT_EQ(acr::PathwayName, "acr_hip_pain_coexisting_back_or_knee");
  // pathway_add_module() names the source relative to the directory that
  // calls it, here tests/generated.
  EXPECT_EQ(acr::SourceFile,
            "../../guidelines/acr_hip_pain_coexisting_back_or_knee.pathway");
  EXPECT_EQ(acr::SourceSha256.size(), 64u);
  EXPECT_EQ(acr::PassedChecks.back(), "safety");
}

//===----------------------------------------------------------------------===//
// Hostile names and text
//===----------------------------------------------------------------------===//

nlohmann::json loadJson(const std::string &Name) {
  std::ifstream In(std::string(PATHWAYC_GENERATED_DIR) + "/" + Name);
  EXPECT_TRUE(In) << Name;
  return nlohmann::json::parse(In);
}

/// A case that reaches the outcome: every field is set by the name the
/// namer gave it, which also checks those names at compile time.
hostile::Inputs hostileCase() {
  hostile::Inputs In;
  In.class_ = true;
  In.delete_ = 7;
  In.namespace_ = hostile::Namespace::default_;
  In.linux_ = false;
  In.major_ = false;
  In.assert_ = false;
  In.Inputs_3 = true;
  In.inputs = hostile::Inputs_2::a;
  In.evaluate = true;
  In.a_b = true;
  In.Upper = true;
  In.std_2 = true;
  In.R = true;
  In.In = false;
  In.Value = hostile::Value_2::x;
  return In;
}

TEST(HostileNamesTest, EveryStringComesBackExactly) {
  nlohmann::json Doc = loadJson("hostile_names.json");
  EXPECT_EQ(hostile::PathwayTitle, Doc["pathway"]["title"].get<std::string>());
  EXPECT_EQ(hostile::PathwayTitle,
            "Quotes \" and \\ backslashes */ /* ?\?/ ?\?= trigraphs, 100 % "
            "of %s %d, caf\xc3\xa9");
  EXPECT_EQ(hostile::PathwayVersion, "1.0 \"beta\"");
  EXPECT_EQ(hostile::Sources[0].Title, "A \"source\" with */ in its title");
  EXPECT_EQ(hostile::Sources[0].Author, "Ana \xc3\x98lsen");
  EXPECT_EQ(hostile::Sources[0].Url, "https://example.org/?a=1&b=%20");
  EXPECT_EQ(hostile::Procedures[0].Name, "new");
  EXPECT_EQ(hostile::Procedures[0].Title, "New \"procedure\"");
  EXPECT_EQ(hostile::nameOf(hostile::Namespace::NULL_), "NULL");
  EXPECT_EQ(hostile::nameOf(hostile::Namespace::Inputs), "Inputs");

  Result R = hostile::evaluate(hostileCase());
  ASSERT_EQ(R.State, Status::Outcome) << resultToString(R);
  EXPECT_EQ(R.Title, "Done \"!\" ?\?/");
  ASSERT_EQ(R.Recommendations.size(), 1u);
  EXPECT_EQ(R.Recommendations[0],
            "Recommendation with */ and /* and // and \\ and \" and "
            "caf\xc3\xa9 and \xe2\x89\xa5 75 %");
  // The arm's citation quote and its note, which ends in a backslash.
  bool SawArm = false;
  for (const TraceEntry &Entry : R.Trace) {
    if (Entry.NodeId != "step.first.branch")
      continue;
    SawArm = true;
    ASSERT_EQ(Entry.Notes.size(), 1u);
    EXPECT_EQ(Entry.Notes[0].Text, "note with % and \\ at the end \\");
    EXPECT_EQ(Entry.Citations[Entry.Citations.size() - 1].Quote,
              "arm \"cite\" */");
  }
  EXPECT_TRUE(SawArm);
}

TEST(HostileNamesTest, RedFlagTextWithALineBreak) {
  hostile::Inputs In = hostileCase();
  In.linux_ = true;
  In.major_ = true;
  Result R = hostile::evaluate(In);
  ASSERT_EQ(R.State, Status::RedFlag);
  EXPECT_EQ(R.Level, Urgency::Emergency);
  ASSERT_EQ(R.Recommendations.size(), 1u);
  EXPECT_EQ(R.Recommendations[0],
            "Act now: \"quoted\" ?\?/ action\n second line");
  EXPECT_EQ(R.Trace[0].Citations[0].Quote,
            "Quote with ?\?/ and \\ and */ inside");
}

TEST(HostileNamesTest, ReservedNamesStillSetByName) {
  // The pathway's own names reach the renamed fields.
  hostile::Inputs In;
  EXPECT_TRUE(hostile::setBool(In, "class", true));
  EXPECT_TRUE(hostile::setNumber(In, "delete", 3));
  EXPECT_TRUE(hostile::setEnum(In, "namespace", "NULL"));
  EXPECT_TRUE(hostile::setEnum(In, "_inputs", "b"));
  EXPECT_TRUE(hostile::setBool(In, "Inputs", true));
  EXPECT_EQ(In.class_, true);
  EXPECT_EQ(In.delete_, 3);
  EXPECT_EQ(In.namespace_, hostile::Namespace::NULL_);
  EXPECT_EQ(In.inputs, hostile::Inputs_2::b);
  EXPECT_EQ(In.Inputs_3, true);
}

} // namespace
