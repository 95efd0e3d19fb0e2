//===- InterpreterSemanticsTest.cpp - docs/evaluation.md, rule by rule ----===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Small pathways under tests/inputs/interpreter/, each built to exercise
// rules of docs/evaluation.md, evaluated on cases whose results were worked
// out by hand from that page: pending red flags and exclusions with later
// ones that hold, inclusions, branches, `next`, probabilities and the
// assessed set, invalid input, and what goes into each trace entry.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestSupport.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace pathwayc::runtime;
using namespace pathwayc::test;
using Strings = std::vector<std::string>;

namespace {

const char *const Screening = "tests/inputs/interpreter/screening.pathway";
const char *const Branches = "tests/inputs/interpreter/branches.pathway";
const char *const Probabilities =
    "tests/inputs/interpreter/probabilities.pathway";

/// The screening pathway's case in which every red flag and exclusion is
/// false and every inclusion holds, with \p Changes applied after.
Case screeningCase(CaseValues Changes) {
  Case C = makeCase(programFor(Screening), {{"flag_a", false},
                                            {"flag_b", false},
                                            {"flag_c", false},
                                            {"exclude_x", false},
                                            {"exclude_y", false},
                                            {"include_p", true},
                                            {"include_q", true},
                                            {"include_r", true},
                                            {"go", true}});
  setValues(C, Changes);
  return C;
}

const Strings CleanScreens = {"screen.first_flag false",
                              "screen.second_flag false",
                              "screen.third_flag false"};
const Strings CleanScreening = {
    "screen.first_flag false", "screen.second_flag false",
    "screen.third_flag false", "exclude.1 false",
    "exclude.2 false",         "include.1 true",
    "include.2 true",          "include.3 true"};

Strings concat(Strings A, const Strings &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

//===----------------------------------------------------------------------===//
// Red flags, exclusions, inclusions
//===----------------------------------------------------------------------===//

TEST(InterpreterSemanticsTest, PendingRedFlagStillReportsLaterOnesThatHold) {
  const Program &P = programFor(Screening);
  Result R = P.evaluate(screeningCase({{"flag_a", nullptr}, {"flag_c", true}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "screen.first_flag");
  EXPECT_EQ(R.Title, "Act on A");
  // The third flag holds whatever flag_a turns out to be, so its urgency
  // is the result's: a client that reads only the urgency still sees it.
  EXPECT_EQ(R.Level, Urgency::Urgent);
  EXPECT_EQ(strings(R.MissingInputs), Strings{"flag_a"});
  EXPECT_EQ(strings(R.Undecided), Strings{"flag_a"});
  // The walk stops after the screens and goes no further.
  EXPECT_EQ(strings(R.Recommendations), Strings{"Act on C"});
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.first_flag unknown", "screen.second_flag false",
                     "screen.third_flag true"}));

  R = P.evaluate(
      screeningCase({{"flag_a", nullptr}, {"flag_b", true}, {"flag_c", true}}));
  EXPECT_EQ(strings(R.Recommendations), (Strings{"Act on B", "Act on C"}));
  // A later screen that is unknown too asks for its inputs as well, so
  // that one round trip gets everything the screens need.
  R = P.evaluate(screeningCase({{"flag_a", nullptr}, {"flag_b", nullptr}}));
  EXPECT_EQ(strings(R.MissingInputs), (Strings{"flag_a", "flag_b"}));
  EXPECT_EQ(strings(R.Undecided), (Strings{"flag_a", "flag_b"}));
  EXPECT_EQ(R.Level, Urgency::None);
  EXPECT_TRUE(R.Recommendations.empty());
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.first_flag unknown", "screen.second_flag unknown",
                     "screen.third_flag false"}));
}

TEST(InterpreterSemanticsTest, RedFlagThatHolds) {
  const Program &P = programFor(Screening);
  Result R = P.evaluate(screeningCase({{"flag_b", true}, {"flag_c", true}}));
  EXPECT_EQ(R.State, Status::RedFlag);
  EXPECT_EQ(R.Reached, "red_flag.second_flag");
  EXPECT_EQ(R.Title, "second_flag");
  EXPECT_EQ(R.Level, Urgency::Emergency);
  EXPECT_EQ(strings(R.Recommendations), Strings{"Act on B"});
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.first_flag false", "screen.second_flag true",
                     "red_flag.second_flag "}));
  // The terminal cites the red flag's source for itself and for its
  // action: once.
  ASSERT_EQ(R.Trace.back().Citations.size(), 1u);
  EXPECT_EQ(R.Trace.back().Citations[0], (Citation{"s", "flags"}));
  // Unknown inputs after a red flag that holds do not matter.
  Result Early = P.evaluate(makeCase(P, {{"flag_a", true}}));
  EXPECT_EQ(Early.State, Status::RedFlag);
  EXPECT_EQ(Early.Reached, "red_flag.first_flag");
  EXPECT_TRUE(Early.MissingInputs.empty());
}

TEST(InterpreterSemanticsTest, PendingExclusionCollectsLaterReferrals) {
  const Program &P = programFor(Screening);
  Result R =
      P.evaluate(screeningCase({{"exclude_x", nullptr}, {"exclude_y", true}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "exclude.1");
  EXPECT_EQ(R.Title, "excluded by x");
  EXPECT_EQ(strings(R.MissingInputs), Strings{"exclude_x"});
  EXPECT_EQ(strings(R.Undecided), Strings{"exclude_x"});
  EXPECT_EQ(strings(R.Recommendations), Strings{"Refer for Y"});
  EXPECT_EQ(traceSteps(R),
            concat(CleanScreens, {"exclude.1 unknown", "exclude.2 true"}));
}

TEST(InterpreterSemanticsTest, ExclusionThatHolds) {
  const Program &P = programFor(Screening);
  Result R = P.evaluate(screeningCase({{"exclude_x", true}}));
  EXPECT_EQ(R.State, Status::Excluded);
  EXPECT_EQ(R.Reached, "excluded.1");
  EXPECT_EQ(R.Title, "excluded by x");
  // The document gives the excluded terminal an urgency; the result does
  // not (docs/evaluation.md, "Terminal").
  EXPECT_EQ(R.Level, Urgency::None);
  EXPECT_EQ(strings(R.Recommendations), Strings{"Refer for X"});
  EXPECT_EQ(traceSteps(R),
            concat(CleanScreens, {"exclude.1 true", "excluded.1 "}));
}

TEST(InterpreterSemanticsTest, FalseInclusionAfterUnknownIsNotApplicable) {
  const Program &P = programFor(Screening);
  Result R =
      P.evaluate(screeningCase({{"include_p", nullptr}, {"include_q", false}}));
  EXPECT_EQ(R.State, Status::NotApplicable);
  EXPECT_EQ(R.Reached, "not_applicable.2");
  EXPECT_EQ(R.Title, "Not applicable: q holds");
  EXPECT_TRUE(R.MissingInputs.empty());
  EXPECT_TRUE(R.Undecided.empty());
  EXPECT_TRUE(R.Recommendations.empty());
  EXPECT_EQ(traceSteps(R),
            concat(CleanScreens,
                   {"exclude.1 false", "exclude.2 false", "include.1 unknown",
                    "include.2 false", "not_applicable.2 "}));
}

TEST(InterpreterSemanticsTest, UnknownInclusionsEndPendingAtTheFirst) {
  const Program &P = programFor(Screening);
  Result R = P.evaluate(
      screeningCase({{"include_p", nullptr}, {"include_r", nullptr}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "include.1");
  EXPECT_EQ(R.Title, "p holds");
  EXPECT_EQ(strings(R.MissingInputs), (Strings{"include_p", "include_r"}));
  EXPECT_EQ(strings(R.Undecided), (Strings{"include_p", "include_r"}));
  // Every inclusion is evaluated; no step is entered.
  EXPECT_EQ(traceSteps(R),
            concat(CleanScreens,
                   {"exclude.1 false", "exclude.2 false", "include.1 unknown",
                    "include.2 true", "include.3 unknown"}));
}

TEST(InterpreterSemanticsTest, ScreeningPassedReachesTheSteps) {
  const Program &P = programFor(Screening);
  Result R = P.evaluate(screeningCase({}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.done");
  EXPECT_EQ(R.Level, Urgency::Routine);
  EXPECT_EQ(traceSteps(R),
            concat(CleanScreening, {"step.only.assess ", "step.only.branch go",
                                    "outcome.done "}));
}

TEST(InterpreterSemanticsTest, IndeterminateRedFlagIsPendingLikeAnUnknownOne) {
  // probability(d) >= 0.9 with a pretest of 30 to 95 percent and no exam:
  // neither true nor false.
  const Program &P =
      programFor("tests/inputs/interpreter/criteria_probability.pathway");
  Result R = P.evaluate(makeCase(P, {{"other_flag", true}, {"go", true}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "screen.likely");
  EXPECT_TRUE(R.MissingInputs.empty());
  EXPECT_EQ(strings(R.Undecided), Strings{"probability(d) >= 0.9"});
  EXPECT_EQ(strings(R.Recommendations), Strings{"Act on other"});
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.likely indeterminate", "screen.other true"}));
  // Probabilities are reported at branches only.
  EXPECT_TRUE(R.Probabilities.empty());
}

//===----------------------------------------------------------------------===//
// Branches, orders and `next`
//===----------------------------------------------------------------------===//

TEST(InterpreterSemanticsTest, PendingBranchListsMissingInDeclarationOrder) {
  const Program &P = programFor(Branches);
  Result R = P.evaluate(makeCase(P, {{"danger", false}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.decide.branch");
  EXPECT_EQ(R.Title, "Decide");
  // Declared zeta, alpha, then the exam; read alpha first.
  EXPECT_EQ(strings(R.MissingInputs), (Strings{"zeta", "alpha", "finding"}));
  EXPECT_EQ(strings(R.Undecided),
            (Strings{"alpha and zeta and finding", "alpha and not zeta",
                     "not alpha or zeta and not finding"}));
  EXPECT_EQ(strings(R.ActionsOrdered), Strings{"scan"});
  EXPECT_EQ(traceSteps(R),
            (Strings{"screen.danger_flag false", "step.decide.order ",
                     "step.decide.assess ", "step.decide.branch pending"}));
  // The pending entry carries the node's citations and notes only.
  EXPECT_TRUE(R.Trace.back().Citations.empty());
  EXPECT_TRUE(R.Trace.back().Notes.empty());
}

TEST(InterpreterSemanticsTest, MissingInputsComeFromUnknownArmsOnly) {
  const Program &P = programFor(Branches);
  // alpha unknown, zeta false: the first arm is false, whatever it reads;
  // the other two are unknown. The third reads `finding` under `zeta and`,
  // and the rule names every variable an unknown guard reads.
  Result R = P.evaluate(makeCase(P, {{"danger", false}, {"zeta", false}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(strings(R.MissingInputs), (Strings{"alpha", "finding"}));
  EXPECT_EQ(
      strings(R.Undecided),
      (Strings{"alpha and not zeta", "not alpha or zeta and not finding"}));
}

TEST(InterpreterSemanticsTest, NextAndOrdersOnTheWay) {
  const Program &P = programFor(Branches);
  Result R = P.evaluate(
      makeCase(P, {{"danger", false}, {"alpha", true}, {"zeta", false}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.level_step.branch");
  EXPECT_EQ(strings(R.ActionsOrdered), (Strings{"scan", "test"}));
  EXPECT_EQ(strings(R.MissingInputs), (Strings{"level", "grade"}));
  EXPECT_EQ(
      traceSteps(R),
      (Strings{"screen.danger_flag false", "step.decide.order ",
               "step.decide.assess ", "step.decide.branch alpha and not zeta",
               "step.next_only.next next", "step.ordered_next.order ",
               "step.level_step.assess ", "step.level_step.branch pending"}));

  R = P.evaluate(makeCase(P, {{"danger", false},
                              {"alpha", true},
                              {"zeta", false},
                              {"level", 5.0},
                              {"grade", "high"}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.neither");
  EXPECT_EQ(R.Trace[R.Trace.size() - 2].Event, "level <= 5 or grade == low");
}

TEST(InterpreterSemanticsTest, TraceEntriesCiteOnceAndKeepNotes) {
  const Program &P = programFor(Branches);
  Result R = P.evaluate(makeCase(
      P,
      {{"danger", false}, {"alpha", true}, {"zeta", true}, {"finding", true}}));
  ASSERT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.both");
  EXPECT_EQ(R.Title, "Both");
  EXPECT_EQ(R.Level, Urgency::Soon);
  EXPECT_EQ(strings(R.Recommendations), (Strings{"First", "Second"}));
  ASSERT_EQ(traceSteps(R),
            (Strings{"screen.danger_flag false", "step.decide.order ",
                     "step.decide.assess ",
                     "step.decide.branch alpha and zeta and finding",
                     "outcome.both "}));
  // The order node: its orders' citations (one without a quote), and the
  // step's notes, which belong to its first node.
  const TraceEntry &Order = R.Trace[1];
  EXPECT_EQ(toVector(Order.Citations),
            (std::vector<Citation>{{"s", "ordered"}, {"t", ""}}));
  EXPECT_EQ(toVector(Order.Notes),
            (std::vector<Note>{{false, "step note"}, {true, "step pitfall"}}));
  EXPECT_TRUE(R.Trace[2].Notes.empty());
  // The arm cites the same quote twice: once in the entry.
  const TraceEntry &Arm = R.Trace[3];
  EXPECT_EQ(toVector(Arm.Citations), (std::vector<Citation>{{"s", "both"}}));
  EXPECT_EQ(toVector(Arm.Notes), (std::vector<Note>{{false, "arm note"}}));
  // The outcome's recommendations cite ("s", "same") twice; a citation
  // without a quote differs from one with.
  EXPECT_EQ(toVector(R.Trace[4].Citations),
            (std::vector<Citation>{{"s", "same"}, {"t", ""}, {"s", ""}}));
}

TEST(InterpreterSemanticsTest, BranchWithNoArmThatHoldsIsUncovered) {
  // The verifier rules this out; a hand-edited document can do it.
  auto Doc = nlohmann::ordered_json::parse(jsonDocumentFor(Branches));
  for (auto &Edge : Doc["edges"])
    if (Edge["from"] == "step.level_step.branch")
      Edge["guard"] = {{"op", "false"}};
  std::unique_ptr<Program> P = loadDocument(Doc.dump());
  ASSERT_TRUE(P);
  Result R = P->evaluate(makeCase(
      *P,
      {{"danger", false}, {"alpha", false}, {"level", 1.0}, {"grade", "low"}}));
  EXPECT_EQ(R.State, Status::Uncovered);
  EXPECT_EQ(R.Reached, "step.level_step.branch");
  EXPECT_EQ(R.Title, "Level");
  EXPECT_TRUE(R.Undecided.empty());
  EXPECT_TRUE(R.MissingInputs.empty());
  EXPECT_EQ(traceSteps(R).back(), "step.level_step.branch uncovered");
}

//===----------------------------------------------------------------------===//
// Invalid input
//===----------------------------------------------------------------------===//

TEST(InterpreterSemanticsTest, InvalidInputStopsBeforeAnything) {
  const Program &P = programFor("guidelines/buttock_pain_differential.pathway");
  Case C = makeCase(P, {{"saddle_anesthesia", true},
                        {"first_block_relief", std::nan("")},
                        {"age", 130.0},
                        {"gmed_pretest", 1.5},
                        {"tendon_retraction", 30.0}});
  Result R = P.evaluate(C);
  EXPECT_EQ(R.State, Status::InvalidInput);
  // Declaration order; 30 cm is the domain's closed upper end.
  EXPECT_EQ(strings(R.InvalidInputs),
            (Strings{"gmed_pretest", "age", "first_block_relief"}));
  EXPECT_EQ(R, [&] {
    Result Expected;
    Expected.State = Status::InvalidInput;
    Expected.InvalidInputs = R.InvalidInputs;
    return Expected;
  }()) << "every other field is empty";

  const Program &B = programFor(Branches);
  Result Infinite = B.evaluate(
      makeCase(B, {{"level", std::numeric_limits<double>::infinity()}}));
  EXPECT_EQ(strings(Infinite.InvalidInputs), Strings{"level"});
  EXPECT_EQ(B.evaluate(makeCase(B, {{"level", 10.0}})).State, Status::Pending);
}

//===----------------------------------------------------------------------===//
// Probabilities
//===----------------------------------------------------------------------===//

const LikelihoodRatios Early = computeLikelihoodRatios(0.9, 0.9);
const LikelihoodRatios Late = computeLikelihoodRatios(0.8, 0.95);
const ProbabilityInterval Ranged(0.3, 0.7);

TEST(InterpreterSemanticsTest, IntervalStraddlingAThresholdIsIndeterminate) {
  const Program &P = programFor(Probabilities);
  Result R = P.evaluate(Case(P));
  EXPECT_EQ(R.State, Status::Indeterminate);
  EXPECT_EQ(R.Reached, "step.first.branch");
  EXPECT_EQ(R.Title, "First");
  EXPECT_EQ(strings(R.Undecided), (Strings{"probability(ranged) >= 0.5",
                                           "probability(ranged) < 0.5"}));
  // Findings that feed a probability are never missing inputs.
  EXPECT_TRUE(R.MissingInputs.empty());
  ASSERT_EQ(R.Probabilities.size(), 1u);
  EXPECT_EQ(R.Probabilities[0], (ProbabilityResult{"ranged", Ranged, false}));
  EXPECT_EQ(traceSteps(R),
            (Strings{"step.first.assess ", "step.first.branch indeterminate"}));

  // A negative early exam: LR- = 0.1 / 0.9, so the odds 3/7..7/3 become
  // 1/21..7/27 and the interval about [0.045, 0.206], below 0.5.
  R = P.evaluate(makeCase(P, {{"early", false}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.low");
  ASSERT_EQ(R.Probabilities.size(), 1u);
  EXPECT_NEAR(R.Probabilities[0].Value.Low, 1.0 / 22, 1e-12);
  EXPECT_NEAR(R.Probabilities[0].Value.High, 7.0 / 34, 1e-12);
  EXPECT_EQ(R.Probabilities[0].Value,
            updateProbability(Ranged, {Early.Negative}).Value);
}

TEST(InterpreterSemanticsTest, OnlyAssessedExamsCount) {
  const Program &P = programFor(Probabilities);
  // `late` is known from the start but assessed only in the second step;
  // known_pretest is 60 percent, a pretest of 0.6.
  Result R = P.evaluate(
      makeCase(P, {{"early", true}, {"late", true}, {"known_pretest", 60.0}}));
  EXPECT_EQ(R.State, Status::Outcome);
  EXPECT_EQ(R.Reached, "outcome.high");
  ASSERT_EQ(R.Probabilities.size(), 3u);
  ProbabilityInterval First = updateProbability(Ranged, {Early.Positive}).Value;
  ProbabilityInterval Second =
      updateProbability(Ranged, {Early.Positive, Late.Positive}).Value;
  EXPECT_EQ(R.Probabilities[0], (ProbabilityResult{"ranged", First, false}));
  EXPECT_EQ(R.Probabilities[1], (ProbabilityResult{"ranged", Second, false}));
  EXPECT_EQ(R.Probabilities[2],
            (ProbabilityResult{"estimated", ProbabilityInterval(0.6), false}));
  EXPECT_NE(First, Second);
  // By hand: 9 times the odds 3/7..7/3 is 27/7..21, about [0.794, 0.955].
  EXPECT_NEAR(First.Low, 27.0 / 34, 1e-12);
  EXPECT_NEAR(First.High, 21.0 / 22, 1e-12);

  // A negative exam on the estimated diagnosis: 0.6 becomes
  // 1.5 * 0.375 = 0.5625 in odds, 0.36, below 0.5.
  R = P.evaluate(makeCase(P, {{"early", true},
                              {"late", true},
                              {"known_pretest", 60.0},
                              {"on_e", false}}));
  EXPECT_EQ(R.Reached, "outcome.low");
  ASSERT_EQ(R.Probabilities.size(), 3u);
  EXPECT_NEAR(R.Probabilities[2].Value.Low, 0.36, 1e-12);
}

TEST(InterpreterSemanticsTest, UnknownPretestInputMakesTheBranchPending) {
  const Program &P = programFor(Probabilities);
  Result R = P.evaluate(makeCase(P, {{"early", true}}));
  EXPECT_EQ(R.State, Status::Pending);
  EXPECT_EQ(R.Reached, "step.second.branch");
  // The pretest input is what is missing, not the unknown `late`.
  EXPECT_EQ(strings(R.MissingInputs), Strings{"known_pretest"});
  EXPECT_EQ(R.Undecided.size(), 2u);
  // The estimated diagnosis has no pretest yet, so no entry for it.
  ASSERT_EQ(R.Probabilities.size(), 2u);
  EXPECT_EQ(R.Probabilities[1].Diagnosis, "ranged");
  EXPECT_EQ(R.Probabilities[0].Value, R.Probabilities[1].Value);
}

} // namespace
