//===- RuntimeTest.cpp - The runtime: logic, probabilities, results -------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The runtime is what the generated C++ and the interpreter share, so these
// tests pin its arithmetic to hand-computed values and its text rendering to
// exact strings. Each header is also compiled on its own, with g++ and
// clang++, by tests/runtime_headers_standalone.sh.
//
//===----------------------------------------------------------------------===//

#include "pathwayc/Probability.h"
#include "pathwayc/Result.h"
#include "pathwayc/Truth.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <iterator>
#include <locale>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

using namespace pathwayc::runtime;

namespace {

constexpr Truth T = Truth::True;
constexpr Truth F = Truth::False;
constexpr Truth U = Truth::Unknown;
constexpr Truth I = Truth::Indeterminate;
constexpr std::array<Truth, 4> AllValues = {F, T, U, I};
constexpr std::array<Truth, 3> KleeneValues = {F, T, U};

//===----------------------------------------------------------------------===//
// Truth
//===----------------------------------------------------------------------===//

// The language manual's table, every row written out (docs/language.md,
// "Cases and unknown values"), then the rows with Indeterminate, which
// decides nothing and gives way to Unknown.
struct BinaryRow {
  Truth A, B, And, Or;
};
constexpr BinaryRow TruthTable[] = {
    {T, T, T, T}, {T, F, F, T}, {T, U, U, T}, {T, I, I, T}, //
    {F, T, F, T}, {F, F, F, F}, {F, U, F, U}, {F, I, F, I}, //
    {U, T, U, T}, {U, F, F, U}, {U, U, U, U}, {U, I, U, U}, //
    {I, T, I, T}, {I, F, F, I}, {I, U, U, U}, {I, I, I, I},
};

TEST(TruthTest, NotTruthTable) {
  EXPECT_EQ(!T, F);
  EXPECT_EQ(!F, T);
  EXPECT_EQ(!U, U);
  EXPECT_EQ(!I, I);
}

TEST(TruthTest, AndOrTruthTables) {
  static_assert(std::size(TruthTable) == 16, "every pair of values");
  for (const BinaryRow &Row : TruthTable) {
    SCOPED_TRACE(std::string(truthName(Row.A)) + ", " + truthName(Row.B));
    EXPECT_EQ(Row.A && Row.B, Row.And);
    EXPECT_EQ(Row.A || Row.B, Row.Or);
  }
}

TEST(TruthTest, AlgebraicLaws) {
  for (Truth A : AllValues) {
    EXPECT_EQ(!!A, A);
    EXPECT_EQ(A && T, A);
    EXPECT_EQ(A || F, A);
    EXPECT_EQ(A && F, F);
    EXPECT_EQ(A || T, T);
    for (Truth B : AllValues) {
      EXPECT_EQ(A && B, B && A);
      EXPECT_EQ(A || B, B || A);
      EXPECT_EQ(!(A && B), !A || !B);
      EXPECT_EQ(!(A || B), !A && !B);
      for (Truth C : AllValues) {
        EXPECT_EQ((A && B) && C, A && (B && C));
        EXPECT_EQ((A || B) || C, A || (B || C));
      }
    }
  }
  // Kleene logic distributes...
  for (Truth A : KleeneValues)
    for (Truth B : KleeneValues)
      for (Truth C : KleeneValues)
        EXPECT_EQ(A && (B || C), (A && B) || (A && C));
  // ...but with Indeterminate the label of an undecided value depends on
  // how the condition is written: the compiler evaluates guards exactly as
  // the decision graph holds them, and so do both implementations.
  EXPECT_EQ(I && (U || T), I);
  EXPECT_EQ((I && U) || (I && T), U);
  // Excluded middle fails for the undecided values.
  EXPECT_EQ(U || !U, U);
  EXPECT_EQ(I && !I, I);
}

TEST(TruthTest, IsConstexpr) {
  static_assert((T || U) == T, "true or unknown is true");
  static_assert((F && U) == F, "false and unknown is false");
  static_assert((!U) == U, "not unknown is unknown");
  static_assert((U && I) == U, "a missing input wins over indeterminate");
  static_assert(allOf({T, T, U}) == U && allOf({T, F, U}) == F, "");
  static_assert(anyOf({F, F, U}) == U && anyOf({F, T, U}) == T, "");
  static_assert(toTruth(std::optional<bool>()) == U, "");
  static_assert(isTrue(toTruth(true)) && isFalse(toTruth(false)), "");
  static_assert(toTruth(Decision::Indeterminate) == I, "");
  SUCCEED();
}

TEST(TruthTest, AllOfAnyOf) {
  EXPECT_EQ(allOf({}), T);
  EXPECT_EQ(anyOf({}), F);
  for (Truth A : AllValues) {
    EXPECT_EQ(allOf({A}), A);
    EXPECT_EQ(anyOf({A}), A);
    for (Truth B : AllValues)
      for (Truth C : AllValues) {
        EXPECT_EQ(allOf({A, B, C}), (A && B) && C);
        EXPECT_EQ(anyOf({A, B, C}), (A || B) || C);
      }
  }
  // Inclusion criteria: one false criterion decides even with another
  // unknown.
  std::vector<Truth> Criteria = {T, U, F};
  EXPECT_EQ(allOf(Criteria.begin(), Criteria.end()), F);
  Criteria.pop_back();
  EXPECT_EQ(allOf(Criteria.begin(), Criteria.end()), U);
  EXPECT_EQ(anyOf(Criteria.begin(), Criteria.end()), T);
}

template <typename Arg, typename = void>
struct ConvertsToTruth : std::false_type {};
template <typename Arg>
struct ConvertsToTruth<Arg, std::void_t<decltype(toTruth(std::declval<Arg>()))>>
    : std::true_type {};

TEST(TruthTest, Conversions) {
  EXPECT_EQ(toTruth(true), T);
  EXPECT_EQ(toTruth(false), F);
  EXPECT_EQ(toTruth(std::optional<bool>(true)), T);
  EXPECT_EQ(toTruth(std::optional<bool>(false)), F);
  EXPECT_EQ(toTruth(std::optional<bool>()), U);
  EXPECT_EQ(toTruth(std::nullopt), U);
  EXPECT_EQ(toTruth(Decision::Holds), T);
  EXPECT_EQ(toTruth(Decision::Fails), F);
  EXPECT_EQ(toTruth(Decision::Indeterminate), I);

  static_assert(ConvertsToTruth<bool>::value, "");
  static_assert(ConvertsToTruth<std::optional<bool>>::value, "");
  static_assert(!ConvertsToTruth<int>::value, "no silent int to bool");
  static_assert(!ConvertsToTruth<const char *>::value, "nor a pointer");
  static_assert(!ConvertsToTruth<double>::value, "nor a double");
  static_assert(!std::is_convertible_v<Truth, bool>,
                "a Truth is never silently a bool");
}

TEST(TruthTest, TestOfAnOptionalValue) {
  auto Above75 = [](double V) { return V > 75; };
  EXPECT_EQ(test(std::optional<double>(80), Above75), T);
  EXPECT_EQ(test(std::optional<double>(75), Above75), F);
  EXPECT_EQ(test(std::optional<double>(), Above75), U);
  enum class Radiographs { Negative, Osteoarthritis };
  auto IsNegative = [](Radiographs R) { return R == Radiographs::Negative; };
  EXPECT_EQ(test(std::optional<Radiographs>(Radiographs::Negative), IsNegative),
            T);
  EXPECT_EQ(test(std::optional<Radiographs>(), IsNegative), U);
}

TEST(TruthTest, Predicates) {
  EXPECT_TRUE(isTrue(T));
  EXPECT_FALSE(isTrue(F));
  EXPECT_FALSE(isTrue(U));
  EXPECT_FALSE(isTrue(I));
  EXPECT_TRUE(isFalse(F));
  EXPECT_FALSE(isFalse(T));
  EXPECT_FALSE(isFalse(I));
  EXPECT_TRUE(isUnknown(U));
  EXPECT_FALSE(isUnknown(I));
  EXPECT_TRUE(isIndeterminate(I));
  EXPECT_FALSE(isIndeterminate(U));
  EXPECT_TRUE(isDecided(T));
  EXPECT_TRUE(isDecided(F));
  EXPECT_FALSE(isDecided(U));
  EXPECT_FALSE(isDecided(I));
  EXPECT_STREQ(truthName(T), "true");
  EXPECT_STREQ(truthName(F), "false");
  EXPECT_STREQ(truthName(U), "unknown");
  EXPECT_STREQ(truthName(I), "indeterminate");
}

//===----------------------------------------------------------------------===//
// Likelihood ratios
//===----------------------------------------------------------------------===//

TEST(LikelihoodRatioTest, PointFigures) {
  // Resisted external rotation: sensitivity 0.88, specificity 0.973.
  LikelihoodRatios Ratios = computeLikelihoodRatios(0.88, 0.973);
  EXPECT_TRUE(Ratios.Positive.isPoint());
  EXPECT_TRUE(Ratios.Negative.isPoint());
  EXPECT_NEAR(Ratios.Positive.Low, 880.0 / 27, 1e-12);  // 32.59...
  EXPECT_NEAR(Ratios.Negative.Low, 120.0 / 973, 1e-15); // 0.1233...
  EXPECT_EQ(Ratios.forFinding(true), Ratios.Positive);
  EXPECT_EQ(Ratios.forFinding(false), Ratios.Negative);

  // Trendelenburg: 72.7 % / 76.9 %.
  Ratios = computeLikelihoodRatios(0.727, 0.769);
  EXPECT_NEAR(Ratios.Positive.Low, 0.727 / 0.231, 1e-12);
  EXPECT_NEAR(Ratios.Negative.Low, 0.273 / 0.769, 1e-12);
}

TEST(LikelihoodRatioTest, IsConstexpr) {
  constexpr LikelihoodRatios Ratios = computeLikelihoodRatios(0.5, 0.75);
  static_assert(Ratios.Positive == LikelihoodRatio(2.0), "0.5 / 0.25");
  static_assert(Ratios.Negative == LikelihoodRatio(0.5 / 0.75), "");
  constexpr LikelihoodRatios Certain = computeLikelihoodRatios(1.0, 1.0);
  static_assert(Certain.Positive.Low == Infinity, "");
  static_assert(Certain.Negative.High == 0, "");
  SUCCEED();
}

TEST(LikelihoodRatioTest, RangesTakeTheRightEnds) {
  // Needle EMG: sensitivity 0.49..0.86, specificity 0.87..1.00.
  LikelihoodRatios Ratios = computeLikelihoodRatios({0.49, 0.86}, {0.87, 1.0});
  // LR+ grows with both figures: the low end from both low ends, the high
  // end from both high ends, here a specificity of 1.
  EXPECT_DOUBLE_EQ(Ratios.Positive.Low, 0.49 / (1 - 0.87)); // 3.769...
  EXPECT_EQ(Ratios.Positive.High, Infinity);
  // LR- falls with both: the low end from both high ends.
  EXPECT_DOUBLE_EQ(Ratios.Negative.Low, (1 - 0.86) / 1.0);   // 0.14
  EXPECT_DOUBLE_EQ(Ratios.Negative.High, (1 - 0.49) / 0.87); // 0.586...
}

TEST(LikelihoodRatioTest, IntervalsHoldEveryPointInTheRanges) {
  ProbabilityInterval Sens{0.6, 0.9}, Spec{0.7, 0.95};
  LikelihoodRatios Ratios = computeLikelihoodRatios(Sens, Spec);
  for (int I = 0; I <= 10; ++I)
    for (int J = 0; J <= 10; ++J) {
      double S = Sens.Low + (Sens.High - Sens.Low) * I / 10;
      double P = Spec.Low + (Spec.High - Spec.Low) * J / 10;
      S = std::min(S, Sens.High);
      P = std::min(P, Spec.High);
      LikelihoodRatios Point = computeLikelihoodRatios(S, P);
      EXPECT_TRUE(Ratios.Positive.contains(Point.Positive.Low))
          << S << " " << P;
      EXPECT_TRUE(Ratios.Negative.contains(Point.Negative.Low))
          << S << " " << P;
    }
}

TEST(LikelihoodRatioTest, SpecificityOfOne) {
  LikelihoodRatios Ratios = computeLikelihoodRatios(0.9, 1.0);
  EXPECT_EQ(Ratios.Positive, LikelihoodRatio(Infinity));
  EXPECT_NEAR(Ratios.Negative.Low, 0.1, 1e-15);
  EXPECT_TRUE(Ratios.Negative.isPoint());
}

TEST(LikelihoodRatioTest, SensitivityOfOne) {
  LikelihoodRatios Ratios = computeLikelihoodRatios(1.0, 0.8);
  EXPECT_EQ(Ratios.Negative, LikelihoodRatio(0.0));
  EXPECT_NEAR(Ratios.Positive.Low, 5, 1e-12);
  EXPECT_TRUE(Ratios.Positive.isPoint());

  // A sensitivity range reaching 1 makes only the low end of LR- zero.
  Ratios = computeLikelihoodRatios({0.9, 1.0}, 0.8);
  EXPECT_EQ(Ratios.Negative.Low, 0);
  EXPECT_NEAR(Ratios.Negative.High, 0.125, 1e-15);
}

TEST(LikelihoodRatioTest, PerfectTest) {
  LikelihoodRatios Ratios = computeLikelihoodRatios(1.0, 1.0);
  EXPECT_EQ(Ratios.Positive, LikelihoodRatio(Infinity));
  EXPECT_EQ(Ratios.Negative, LikelihoodRatio(0.0));
}

TEST(LikelihoodRatioTest, ZeroOverZeroClaimsNothing) {
  // Never positive in either group: LR+ is 0 / 0, undefined, and becomes
  // the widest interval rather than NaN.
  LikelihoodRatios Ratios = computeLikelihoodRatios(0.0, 1.0);
  EXPECT_EQ(Ratios.Positive, LikelihoodRatio(0, Infinity));
  EXPECT_EQ(Ratios.Negative, LikelihoodRatio(1.0));
  // Never negative in either group: LR- is 0 / 0.
  Ratios = computeLikelihoodRatios(1.0, 0.0);
  EXPECT_EQ(Ratios.Positive, LikelihoodRatio(1.0));
  EXPECT_EQ(Ratios.Negative, LikelihoodRatio(0, Infinity));
}

//===----------------------------------------------------------------------===//
// Post-test probabilities
//===----------------------------------------------------------------------===//

LikelihoodRatio positive(ProbabilityInterval Sens, ProbabilityInterval Spec) {
  return computeLikelihoodRatios(Sens, Spec).Positive;
}
LikelihoodRatio negative(ProbabilityInterval Sens, ProbabilityInterval Spec) {
  return computeLikelihoodRatios(Sens, Spec).Negative;
}

TEST(UpdateProbabilityTest, NoFindingsLeavesThePretestExactly) {
  for (ProbabilityInterval Pretest :
       {ProbabilityInterval(0.2), ProbabilityInterval(0.03, 0.05),
        ProbabilityInterval(0), ProbabilityInterval(1),
        ProbabilityInterval(0, 1), ProbabilityInterval(0.1 + 0.2)}) {
    EXPECT_EQ(updateProbability(Pretest, {}),
              (ProbabilityUpdate{Pretest, false}));
    EXPECT_EQ(updateProbability(Pretest, {1.0, 1.0}),
              (ProbabilityUpdate{Pretest, false}));
  }
}

TEST(UpdateProbabilityTest, HandComputedPoints) {
  // Pretest 0.2, positive resisted external rotation: odds 0.25 times
  // LR+ 880/27 = 220/27, so p = 220/247 = 0.8907.
  ProbabilityUpdate Update = updateProbability(0.2, {positive(0.88, 0.973)});
  EXPECT_FALSE(Update.Contradictory);
  EXPECT_TRUE(Update.Value.isPoint());
  EXPECT_NEAR(Update.Value.Low, 220.0 / 247, 1e-12);
  EXPECT_NEAR(Update.Value.Low, 0.8907, 5e-5);

  // The manual's example: pretest 0.3, odds 3/7. Positive: 3/7 * 880/27 =
  // 2640/189, p = 2640/2829 = 0.933. Negative: 3/7 * 120/973 = 360/6811,
  // p = 360/7171 = 0.050.
  EXPECT_NEAR(updateProbability(0.3, {positive(0.88, 0.973)}).Value.Low,
              2640.0 / 2829, 1e-12);
  EXPECT_NEAR(updateProbability(0.3, {negative(0.88, 0.973)}).Value.Low,
              360.0 / 7171, 1e-12);

  // Two findings multiply: LR 2 and LR 3 on a pretest of 0.5 give odds 6.
  Update = updateProbability(0.5, {2.0, 3.0});
  EXPECT_NEAR(Update.Value.Low, 6.0 / 7, 1e-15);
  EXPECT_NEAR(updateProbability(0.5, {3.0, 2.0}).Value.Low, 6.0 / 7, 1e-15);
  // A ratio and its inverse cancel.
  EXPECT_NEAR(updateProbability(0.2, {4.0, 0.25}).Value.Low, 0.2, 1e-15);
}

TEST(UpdateProbabilityTest, HandComputedIntervals) {
  // Lumbosacral radiculopathy, prevalence 3-5 %, and the needle EMG
  // (sensitivity 0.49..0.86, specificity 0.87..1.00).
  ProbabilityInterval Pretest{0.03, 0.05};
  LikelihoodRatio EmgPositive = positive({0.49, 0.86}, {0.87, 1.0});
  LikelihoodRatio EmgNegative = negative({0.49, 0.86}, {0.87, 1.0});

  // Positive: low end 3/97 * 49/13 = 147/1261, p = 147/1408; the high end
  // reaches a specificity of 1, so 1.
  ProbabilityUpdate Update = updateProbability(Pretest, {EmgPositive});
  EXPECT_FALSE(Update.Contradictory);
  EXPECT_NEAR(Update.Value.Low, 147.0 / 1408, 1e-12); // 0.1044
  EXPECT_EQ(Update.Value.High, 1);

  // Negative: low end 3/97 * 0.14, p = 0.42/97.42; high end
  // 5/95 * 0.51/0.87 = 51/1653, p = 51/1704.
  Update = updateProbability(Pretest, {EmgNegative});
  EXPECT_FALSE(Update.Contradictory);
  EXPECT_NEAR(Update.Value.Low, 0.42 / 97.42, 1e-12); // 0.0043
  EXPECT_NEAR(Update.Value.High, 51.0 / 1704, 1e-12); // 0.0299
}

TEST(UpdateProbabilityTest, EndsAreMonotone) {
  // Narrower figures give a narrower result, every point of the figures
  // gives a point of the result, and Low <= High throughout.
  const double Steps[] = {0.0, 0.25, 0.5, 0.75, 1.0};
  auto Within = [](double Low, double High, double Fraction) {
    return Low + (High - Low) * Fraction;
  };
  ProbabilityInterval Pretest{0.1, 0.4};
  LikelihoodRatio A{2, 8}, B{0.2, 0.9};
  ProbabilityUpdate Wide = updateProbability(Pretest, {A, B});
  EXPECT_LE(Wide.Value.Low, Wide.Value.High);
  for (double P0 : Steps)
    for (double P1 : Steps) {
      if (P1 < P0)
        continue;
      for (double A0 : Steps)
        for (double A1 : Steps) {
          if (A1 < A0)
            continue;
          for (double B0 : Steps) {
            ProbabilityInterval SubPretest{Within(0.1, 0.4, P0),
                                           Within(0.1, 0.4, P1)};
            LikelihoodRatio SubA{Within(2, 8, A0), Within(2, 8, A1)};
            LikelihoodRatio SubB{Within(0.2, 0.9, B0), 0.9};
            ProbabilityUpdate Narrow =
                updateProbability(SubPretest, {SubA, SubB});
            EXPECT_LE(Narrow.Value.Low, Narrow.Value.High);
            EXPECT_GE(Narrow.Value.Low, Wide.Value.Low);
            EXPECT_LE(Narrow.Value.High, Wide.Value.High);
          }
        }
    }
  // Raising any one figure never lowers either end.
  ProbabilityUpdate Base = updateProbability(0.2, {3.0});
  ProbabilityUpdate MorePretest = updateProbability(0.3, {3.0});
  ProbabilityUpdate MoreRatio = updateProbability(0.2, {4.0});
  EXPECT_LT(Base.Value.Low, MorePretest.Value.Low);
  EXPECT_LT(Base.Value.Low, MoreRatio.Value.Low);
}

TEST(UpdateProbabilityTest, ExactEndIsNeverPassedByRounding) {
  // An end with a product of exactly 1 is the pretest itself; the other end,
  // with a ratio an ulp away from 1, goes through the odds and can round past
  // it. It is moved back to the exact end.
  double JustBelowOne = std::nextafter(1.0, 0.0);
  double JustAboveOne = std::nextafter(1.0, 2.0);
  // Here the computed low end rounds to 0.0017000000000000001.
  ProbabilityUpdate Update =
      updateProbability(0.0017, {LikelihoodRatio{JustBelowOne, 1.0}});
  EXPECT_EQ(Update.Value, ProbabilityInterval(0.0017));
  // Here the computed high end rounds to 0.23090999999999998.
  Update = updateProbability(0.23091, {LikelihoodRatio{1.0, JustAboveOne}});
  EXPECT_EQ(Update.Value, ProbabilityInterval(0.23091));
  for (int I = 1; I < 1000; ++I) {
    double P = I / 1000.0;
    for (LikelihoodRatio Ratio : {LikelihoodRatio{JustBelowOne, 1.0},
                                  LikelihoodRatio{1.0, JustAboveOne}}) {
      Update = updateProbability(P, {Ratio});
      EXPECT_LE(Update.Value.Low, Update.Value.High) << P;
      EXPECT_TRUE(Update.Value.contains(P)) << P;
    }
  }
}

TEST(UpdateProbabilityTest, ExtremeFindingsDecide) {
  // A positive finding on a test with specificity 1 proves the diagnosis; a
  // negative one on a test with sensitivity 1 rules it out.
  EXPECT_EQ(updateProbability(0.01, {positive(0.5, 1.0)}),
            (ProbabilityUpdate{1.0, false}));
  EXPECT_EQ(updateProbability(0.99, {negative(1.0, 0.5)}),
            (ProbabilityUpdate{0.0, false}));
  // Whatever else is known.
  EXPECT_EQ(updateProbability({0.2, 0.6}, {0.1, positive(0.5, 1.0), 3.0}),
            (ProbabilityUpdate{1.0, false}));
}

TEST(UpdateProbabilityTest, PretestZeroAndOneStay) {
  EXPECT_EQ(updateProbability(0.0, {positive(0.88, 0.973), 5.0}),
            (ProbabilityUpdate{0.0, false}));
  EXPECT_EQ(updateProbability(1.0, {negative(0.88, 0.973), 0.01}),
            (ProbabilityUpdate{1.0, false}));
  EXPECT_EQ(updateProbability(0.0, {LikelihoodRatio{0.5, 20}}),
            (ProbabilityUpdate{0.0, false}));
  // A pretest range reaching an edge keeps that end there.
  ProbabilityUpdate Update = updateProbability({0, 0.5}, {3.0});
  EXPECT_EQ(Update.Value.Low, 0);
  EXPECT_NEAR(Update.Value.High, 0.75, 1e-15);
  EXPECT_FALSE(Update.Contradictory);
}

TEST(UpdateProbabilityTest, ContradictoryFindings) {
  const ProbabilityUpdate Anything{{0.0, 1.0}, true};
  LikelihoodRatio Proves = positive(0.5, 1.0);   // +inf
  LikelihoodRatio RulesOut = negative(1.0, 0.5); // 0
  EXPECT_EQ(updateProbability(0.2, {Proves, RulesOut}), Anything);
  EXPECT_EQ(updateProbability(0.2, {RulesOut, Proves}), Anything);
  EXPECT_EQ(updateProbability({0.1, 0.3}, {2.0, Proves, RulesOut}), Anything);
  // The pretest can be the other side of the contradiction.
  EXPECT_EQ(updateProbability(0.0, {Proves}), Anything);
  EXPECT_EQ(updateProbability(1.0, {RulesOut}), Anything);
  // So can ranges that only reach the edges: a specificity up to 1 and a
  // sensitivity up to 1.
  EXPECT_EQ(updateProbability(0.04, {positive({0.49, 0.86}, {0.87, 1.0}),
                                     negative({0.9, 1.0}, 0.8)}),
            Anything);
  EXPECT_EQ(updateProbability({0, 0.5}, {positive({0.49, 0.86}, {0.87, 1.0})}),
            Anything);
}

TEST(UpdateProbabilityTest, WideButNotContradictory) {
  // One factor spanning 0 to +inf on its own contradicts nothing.
  EXPECT_EQ(updateProbability(0.3, {positive(0.0, 1.0)}),
            (ProbabilityUpdate{{0.0, 1.0}, false}));
  EXPECT_EQ(updateProbability({0, 1}, {2.0}),
            (ProbabilityUpdate{{0.0, 1.0}, false}));
}

TEST(UpdateProbabilityTest, NoOverflowOrUnderflowInBetween) {
  std::vector<LikelihoodRatio> Ratios(400, LikelihoodRatio(10.0));
  ProbabilityUpdate Update = updateProbability(0.5, Ratios);
  EXPECT_EQ(Update.Value, ProbabilityInterval(1.0));
  Ratios.insert(Ratios.end(), 400, LikelihoodRatio(0.1));
  Update = updateProbability(0.5, Ratios);
  EXPECT_NEAR(Update.Value.Low, 0.5, 1e-9);
  EXPECT_FALSE(std::isnan(Update.Value.Low));
  Update = updateProbability(0.5, std::vector<LikelihoodRatio>(400, 0.1));
  EXPECT_GE(Update.Value.Low, 0);
  EXPECT_LT(Update.Value.Low, 1e-300);
}

//===----------------------------------------------------------------------===//
// Decisions against thresholds
//===----------------------------------------------------------------------===//

TEST(DecisionTest, ManualExamples) {
  // probability(d) >= 0.8, with d's domain [0, 1].
  ThresholdInterval AtLeast{0.8, 1.0, false, false};
  EXPECT_EQ(decide({0.82, 0.95}, AtLeast), Decision::Holds);
  EXPECT_EQ(decide({0.40, 0.75}, AtLeast), Decision::Fails);
  EXPECT_EQ(decide({0.70, 0.90}, AtLeast), Decision::Indeterminate);
}

TEST(DecisionTest, ClosedAndOpenEnds) {
  // >= 0.8 includes 0.8; > 0.8 does not.
  EXPECT_EQ(decide(0.8, ThresholdInterval::atLeast(0.8)), Decision::Holds);
  EXPECT_EQ(decide(0.8, ThresholdInterval::above(0.8)), Decision::Fails);
  EXPECT_EQ(decide({0.8, 0.9}, ThresholdInterval::atLeast(0.8)),
            Decision::Holds);
  EXPECT_EQ(decide({0.8, 0.9}, ThresholdInterval::above(0.8)),
            Decision::Indeterminate);
  EXPECT_EQ(decide({0.7, 0.8}, ThresholdInterval::atLeast(0.8)),
            Decision::Indeterminate);
  EXPECT_EQ(decide({0.7, 0.8}, ThresholdInterval::above(0.8)), Decision::Fails);
  // <= 0.2 and < 0.2.
  EXPECT_EQ(decide({0.1, 0.2}, ThresholdInterval::atMost(0.2)),
            Decision::Holds);
  EXPECT_EQ(decide({0.1, 0.2}, ThresholdInterval::below(0.2)),
            Decision::Indeterminate);
  EXPECT_EQ(decide({0.2, 0.3}, ThresholdInterval::below(0.2)), Decision::Fails);
  EXPECT_EQ(decide({0.2, 0.3}, ThresholdInterval::atMost(0.2)),
            Decision::Indeterminate);
  // in [0.2, 0.8).
  ThresholdInterval Middle{0.2, 0.8, false, true};
  EXPECT_EQ(decide({0.2, 0.79}, Middle), Decision::Holds);
  EXPECT_EQ(decide({0.5, 0.8}, Middle), Decision::Indeterminate);
  EXPECT_EQ(decide(0.8, Middle), Decision::Fails);
  EXPECT_EQ(decide({0.1, 0.19}, Middle), Decision::Fails);
  EXPECT_EQ(decide({0.1, 0.9}, Middle), Decision::Indeterminate);
  // An interval inside an open one.
  ThresholdInterval Open{0.2, 0.8, true, true};
  EXPECT_EQ(decide({0.3, 0.7}, Open), Decision::Holds);
  EXPECT_EQ(decide({0.2, 0.7}, Open), Decision::Indeterminate);
  EXPECT_EQ(decide(0.2, Open), Decision::Fails);
}

TEST(DecisionTest, PointsAreNeverIndeterminate) {
  std::vector<ThresholdInterval> Set = {{0.2, 0.5, false, true},
                                        {0.6, 0.8, true, false}};
  for (int I = 0; I <= 100; ++I) {
    double X = I / 100.0;
    bool In = Set[0].contains(X) || Set[1].contains(X);
    EXPECT_EQ(decide(X, Set), In ? Decision::Holds : Decision::Fails) << X;
  }
}

TEST(DecisionTest, UnionsOfPieces) {
  // Pieces that touch with a closed end leave no gap, in any order.
  std::vector<ThresholdInterval> Touching = {{0.5, 0.8, false, false},
                                             {0.2, 0.5, false, true}};
  EXPECT_EQ(decide({0.3, 0.7}, Touching), Decision::Holds);
  EXPECT_EQ(decide({0.1, 0.7}, Touching), Decision::Indeterminate);
  // Two open ends leave the point out.
  std::vector<ThresholdInterval> Gap = {{0.2, 0.5, false, true},
                                        {0.5, 0.8, true, false}};
  EXPECT_EQ(decide({0.3, 0.7}, Gap), Decision::Indeterminate);
  EXPECT_EQ(decide(0.5, Gap), Decision::Fails);
  EXPECT_EQ(decide({0.3, 0.4}, Gap), Decision::Holds);
  EXPECT_EQ(decide({0.6, 0.8}, Gap), Decision::Holds);
  // Overlapping pieces, and an open piece next to a closed one at the same
  // low end.
  std::vector<ThresholdInterval> Overlapping = {{0.3, 0.6, true, false},
                                                {0.3, 0.4, false, false},
                                                {0.5, 0.9, false, true}};
  EXPECT_EQ(decide({0.3, 0.85}, Overlapping), Decision::Holds);
  EXPECT_EQ(decide({0.3, 0.9}, Overlapping), Decision::Indeterminate);
  // Pieces that end together: the closed end wins.
  std::vector<ThresholdInterval> SameEnd = {{0.2, 0.8, false, true},
                                            {0.5, 0.8, false, false}};
  EXPECT_EQ(decide({0.3, 0.8}, SameEnd), Decision::Holds);
  std::reverse(SameEnd.begin(), SameEnd.end());
  EXPECT_EQ(decide({0.3, 0.8}, SameEnd), Decision::Holds);
  // A value between two pieces fails; one spanning a gap is indeterminate.
  std::vector<ThresholdInterval> Apart = {ThresholdInterval::below(0.2),
                                          ThresholdInterval::atLeast(0.8)};
  EXPECT_EQ(decide({0.3, 0.7}, Apart), Decision::Fails);
  EXPECT_EQ(decide({0.1, 0.9}, Apart), Decision::Indeterminate);
  EXPECT_EQ(decide({0.85, 1.0}, Apart), Decision::Holds);
}

TEST(DecisionTest, EmptySetsAndPieces) {
  EXPECT_EQ(decide({0.2, 0.4}, std::vector<ThresholdInterval>{}),
            Decision::Fails);
  ThresholdInterval EmptyOpen{0.5, 0.5, true, false};
  ThresholdInterval Reversed{0.7, 0.3, false, false};
  EXPECT_TRUE(EmptyOpen.isEmpty());
  EXPECT_TRUE(Reversed.isEmpty());
  EXPECT_FALSE((ThresholdInterval{0.5, 0.5, false, false}).isEmpty());
  EXPECT_EQ(decide(0.5, EmptyOpen), Decision::Fails);
  EXPECT_EQ(decide({0.2, 0.8}, {EmptyOpen, Reversed}), Decision::Fails);
  EXPECT_EQ(decide({0.2, 0.8}, {EmptyOpen, Reversed, {0, 1, false, false}}),
            Decision::Holds);
}

TEST(DecisionTest, ContradictionIsIndeterminate) {
  ProbabilityUpdate Update =
      updateProbability(0.2, {positive(0.5, 1.0), negative(1.0, 0.5)});
  EXPECT_EQ(decide(Update.Value, ThresholdInterval::atLeast(0.8)),
            Decision::Indeterminate);
  EXPECT_EQ(decide(Update.Value, ThresholdInterval::below(0.2)),
            Decision::Indeterminate);
}

TEST(DecisionTest, Names) {
  EXPECT_STREQ(decisionName(Decision::Holds), "holds");
  EXPECT_STREQ(decisionName(Decision::Fails), "fails");
  EXPECT_STREQ(decisionName(Decision::Indeterminate), "indeterminate");
}

//===----------------------------------------------------------------------===//
// Results
//===----------------------------------------------------------------------===//

// Static trace data, as generated code holds it.
constexpr Citation AcrCitation[] = {
    {"acr_hip", "If there is suspicion of infection, malignancy, or an acute "
                "fracture, this chronic pain workflow is inappropriate."}};
constexpr Citation TwoCitations[] = {{"acr_hip", ""}, {"upmc", "MRI"}};
constexpr Note InjectionNotes[] = {{false, "Confirm placement."},
                                   {true, "A block is not a cure."}};

Result pendingAtReadRelief() {
  Result R;
  R.State = Status::Pending;
  R.Reached = "step.read_relief.branch";
  R.Title = "Index pain relief in the anesthetic phase";
  R.ActionsOrdered = {"hip_injection"};
  R.MissingInputs = {"relief"};
  R.Undecided = {"relief > 75 percent", "relief < 30 percent"};
  R.Probabilities = {{"gmed_tendinopathy", 0.2, false}};
  R.Trace = {
      {"screen.infection", "false", AcrCitation, {}},
      {"step.injection.order", "", {}, InjectionNotes},
      {"step.injection.branch", "intra_articular_confirmed", TwoCitations, {}}};
  return R;
}

TEST(ResultTest, StatusAndUrgencyNames) {
  EXPECT_STREQ(statusName(Status::Outcome), "outcome");
  EXPECT_STREQ(statusName(Status::RedFlag), "red_flag");
  EXPECT_STREQ(statusName(Status::Excluded), "excluded");
  EXPECT_STREQ(statusName(Status::NotApplicable), "not_applicable");
  EXPECT_STREQ(statusName(Status::Pending), "pending");
  EXPECT_STREQ(statusName(Status::Indeterminate), "indeterminate");
  EXPECT_STREQ(statusName(Status::InvalidInput), "invalid_input");
  EXPECT_STREQ(statusName(Status::Uncovered), "uncovered");
  EXPECT_STREQ(urgencyName(Urgency::None), "none");
  EXPECT_STREQ(urgencyName(Urgency::Routine), "routine");
  EXPECT_STREQ(urgencyName(Urgency::Soon), "soon");
  EXPECT_STREQ(urgencyName(Urgency::Urgent), "urgent");
  EXPECT_STREQ(urgencyName(Urgency::Emergency), "emergency");
}

TEST(ResultTest, PrintPending) {
  EXPECT_EQ(resultToString(pendingAtReadRelief()),
            R"(status: pending
reached: "step.read_relief.branch"
title: "Index pain relief in the anesthetic phase"
urgency: none
recommendations: 0
actions ordered: 1
  "hip_injection"
missing inputs: 1
  "relief"
undecided: 2
  "relief > 75 percent"
  "relief < 30 percent"
invalid inputs: 0
probabilities: 1
  "gmed_tendinopathy" 0.2
trace: 3
  "screen.infection" "false"
    cite "acr_hip" "If there is suspicion of infection, malignancy, or an acute fracture, this chronic pain workflow is inappropriate."
  "step.injection.order" ""
    note "Confirm placement."
    pitfall "A block is not a cure."
  "step.injection.branch" "intra_articular_confirmed"
    cite "acr_hip" ""
    cite "upmc" "MRI"
)");
}

TEST(ResultTest, PrintOutcomeWithIntervalsAndEscapes) {
  Result R;
  R.State = Status::Outcome;
  R.Reached = "outcome.treat";
  R.Title = "Treat \"both\" sources";
  R.Level = Urgency::Soon;
  R.Recommendations = {"Line one\nline two\twith a tab",
                       "Back\\slash, bell \a, caf\xc3\xa9"};
  R.Probabilities = {{"gmed", 0.8906882591093117, false},
                     {"lsr", {0.03, 0.05}, false},
                     {"both", {0.0, 1.0}, true},
                     {"tiny", 0.0000288, false}};
  std::string Expected = "status: outcome\n"
                         "reached: \"outcome.treat\"\n"
                         "title: \"Treat \\\"both\\\" sources\"\n"
                         "urgency: soon\n"
                         "recommendations: 2\n"
                         "  \"Line one\\nline two\\twith a tab\"\n"
                         "  \"Back\\\\slash, bell \\x07, caf\xc3\xa9\"\n"
                         "actions ordered: 0\n"
                         "missing inputs: 0\n"
                         "undecided: 0\n"
                         "invalid inputs: 0\n"
                         "probabilities: 4\n"
                         "  \"gmed\" 0.8906882591093117\n"
                         "  \"lsr\" [0.03, 0.05]\n"
                         "  \"both\" [0, 1] contradictory\n"
                         "  \"tiny\" 0.0000288\n"
                         "trace: 0\n";
  EXPECT_EQ(resultToString(R), Expected);
}

TEST(ResultTest, PrintEmpty) {
  EXPECT_EQ(resultToString(Result{}), R"(status: pending
reached: ""
title: ""
urgency: none
recommendations: 0
actions ordered: 0
missing inputs: 0
undecided: 0
invalid inputs: 0
probabilities: 0
trace: 0
)");
}

std::string printed(double X) {
  std::ostringstream OS;
  printNumber(OS, X);
  return OS.str();
}

TEST(ResultTest, NumbersAreShortestRoundTrip) {
  EXPECT_EQ(printed(0), "0");
  EXPECT_EQ(printed(-0.0), "0");
  EXPECT_EQ(printed(1), "1");
  EXPECT_EQ(printed(0.8907), "0.8907");
  EXPECT_EQ(printed(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(printed(2.88e-05), "0.0000288");
  EXPECT_EQ(printed(880.0 / 27), "32.592592592592595");
  EXPECT_EQ(printed(1e21), "1000000000000000000000");
  EXPECT_EQ(printed(Infinity), "inf");
  EXPECT_EQ(printed(-Infinity), "-inf");
  for (double X : {0.1, 1.0 / 3, 2.0 / 3, 220.0 / 247, 5e-324, 1e-300,
                   0.9999999999999999, 1.7976931348623157e308}) {
    std::string Text = printed(X);
    EXPECT_EQ(Text.find('e'), std::string::npos) << Text;
    EXPECT_EQ(std::strtod(Text.c_str(), nullptr), X) << Text;
  }
}

// Groups thousands with a comma, as some locales do.
struct GroupingPunct : std::numpunct<char> {
  char do_thousands_sep() const override { return ','; }
  std::string do_grouping() const override { return "\3"; }
};

TEST(ResultTest, PrintIgnoresStreamState) {
  Result R = pendingAtReadRelief();
  R.Recommendations.assign(1234, "r");
  std::string Plain = resultToString(R);
  std::ostringstream OS;
  OS.imbue(std::locale(OS.getloc(), new GroupingPunct));
  OS << std::hex << std::showbase << std::setprecision(2) << std::fixed
     << std::setfill('*') << std::setw(40) << std::left;
  printResult(OS, R);
  EXPECT_EQ(OS.str(), Plain);
  EXPECT_NE(Plain.find("recommendations: 1234\n"), std::string::npos);
}

TEST(ResultTest, Equality) {
  Result A = pendingAtReadRelief();
  Result B = pendingAtReadRelief();
  EXPECT_EQ(A, B);
  EXPECT_FALSE(A != B);

  // Equal content compares equal wherever it lives: the interpreter's
  // strings are not the generated code's.
  std::string Copy(A.Trace[0].NodeId);
  std::vector<Citation> Citations(std::begin(AcrCitation),
                                  std::end(AcrCitation));
  B.Trace[0] = {Copy, "false", Citations, {}};
  EXPECT_EQ(A, B);

  static constexpr Citation OtherQuote[] = {{"acr_hip", "Another."}};
  static constexpr Citation BoundaryShift[] = {{"acr_hip\" \"", ""},
                                               {"upmc", "MRI"}};
  static constexpr Note PitfallNotNote[] = {{true, "Confirm placement."},
                                            {true, "A block is not a cure."}};
  // Every field counts, for operator== and for the printed text alike.
  std::vector<std::pair<const char *, void (*)(Result &)>> Changes = {
      {"State", [](Result &R) { R.State = Status::Indeterminate; }},
      {"Reached", [](Result &R) { R.Reached = "step.injection"; }},
      {"Title", [](Result &R) { R.Title = "Index pain relief"; }},
      {"Level", [](Result &R) { R.Level = Urgency::Routine; }},
      {"Recommendations", [](Result &R) { R.Recommendations = {""}; }},
      {"ActionsOrdered", [](Result &R) { R.ActionsOrdered.push_back("x"); }},
      {"MissingInputs", [](Result &R) { R.MissingInputs.clear(); }},
      {"Undecided", [](Result &R) { R.Undecided.pop_back(); }},
      {"InvalidInputs", [](Result &R) { R.InvalidInputs = {"relief"}; }},
      {"Probabilities.Diagnosis",
       [](Result &R) { R.Probabilities[0].Diagnosis = "gmed"; }},
      {"Probabilities.Value",
       [](Result &R) { R.Probabilities[0].Value.High = 0.3; }},
      {"Probabilities.Contradictory",
       [](Result &R) { R.Probabilities[0].Contradictory = true; }},
      {"Trace.NodeId", [](Result &R) { R.Trace[0].NodeId = "screen.x"; }},
      {"Trace.Event", [](Result &R) { R.Trace[0].Event = "unknown"; }},
      {"Trace.Citations", [](Result &R) { R.Trace[0].Citations = OtherQuote; }},
      {"Trace.Notes", [](Result &R) { R.Trace[1].Notes = PitfallNotNote; }},
      {"Trace order", [](Result &R) { std::swap(R.Trace[0], R.Trace[1]); }},
      // Lists that differ only in where one string ends and the next begins.
      {"String boundaries",
       [](Result &R) { R.Trace[2].Citations = BoundaryShift; }},
  };
  std::string Text = resultToString(A);
  for (const auto &[Field, Change] : Changes) {
    SCOPED_TRACE(Field);
    Result Changed = pendingAtReadRelief();
    Change(Changed);
    EXPECT_NE(A, Changed);
    EXPECT_FALSE(A == Changed);
    EXPECT_NE(Text, resultToString(Changed));
  }
}

TEST(ResultTest, PartsCompare) {
  static constexpr Citation S[] = {{"s", ""}};
  EXPECT_EQ((TraceEntry{"a", "n", S, {}}), (TraceEntry{"a", "n", S, {}}));
  EXPECT_NE((TraceEntry{"a", "n", S, {}}), (TraceEntry{"a", "n", {}, {}}));
  EXPECT_EQ((ProbabilityResult{"d", {0.1, 0.2}, false}),
            (ProbabilityResult{"d", {0.1, 0.2}, false}));
  EXPECT_NE((ProbabilityResult{"d", {0.1, 0.2}, false}),
            (ProbabilityResult{"d", {0.1, 0.2}, true}));
  EXPECT_EQ(ProbabilityInterval(0.2), ProbabilityInterval(0.2, 0.2));
  EXPECT_NE(ProbabilityInterval(0.2), ProbabilityInterval(0.2, 0.3));
  EXPECT_EQ(LikelihoodRatio(), LikelihoodRatio(1.0));
}

TEST(SpanTest, ViewsArraysVectorsAndLists) {
  static constexpr int Array[] = {1, 2, 3};
  constexpr Span<int> FromArray(Array);
  static_assert(FromArray.size() == 3 && FromArray[2] == 3, "");
  std::vector<int> Vector = {1, 2, 3};
  EXPECT_EQ(FromArray, Span<int>(Vector));
  EXPECT_NE(FromArray, Span<int>(Vector.data(), 2));
  EXPECT_TRUE(Span<int>().empty());
  EXPECT_EQ(Span<int>(), Span<int>(Vector.data(), 0));
  auto Sum = [](Span<int> Items) {
    int Total = 0;
    for (int X : Items)
      Total += X;
    return Total;
  };
  static constexpr int Pair[] = {4, 5};
  EXPECT_EQ(Sum(Pair), 9);
  EXPECT_EQ(Sum({}), 0);
}

} // namespace
