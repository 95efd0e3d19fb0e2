//===- Probability.h - Likelihood ratios in odds form -----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The arithmetic behind `probability(d)` (docs/language.md, "Probabilities"):
///
///   LR+ = sensitivity / (1 - specificity)     for a positive finding
///   LR- = (1 - sensitivity) / specificity     for a negative finding
///
///   pretest odds   = p / (1 - p)
///   post-test odds = pretest odds * LR(finding 1) * LR(finding 2) * ...
///   post-test p    = post-test odds / (1 + post-test odds)
///
/// Multiplying the ratios assumes that the findings are conditionally
/// independent given the diagnosis. Every figure may be a range, so every
/// quantity here is a closed interval, a point when its ends are equal; each
/// end of a result is computed from the ends of the figures that make it
/// smallest or largest, which is exact because every formula is monotone in
/// each figure.
///
/// The edges are exact, not approximated: a specificity of 1 makes LR+
/// infinite and a positive finding then makes the post-test probability 1; a
/// sensitivity of 1 makes LR- zero and a negative finding makes it 0; a
/// pretest of 0 or 1 stays where it is. When the figures allow both a factor
/// that proves the diagnosis and one that rules it out, the findings
/// contradict each other: the post-test probability is then anything in
/// [0, 1], and the result says so rather than returning NaN.
///
/// A guard compares such an interval with a set of thresholds and can be
/// decided either way only when the whole interval falls on one side
/// (Decision); otherwise it is indeterminate and must be reported, never
/// decided silently.
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_PROBABILITY_H
#define PATHWAYC_RUNTIME_PROBABILITY_H

#include "pathwayc/Span.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <vector>

namespace pathwayc::runtime {

/// Positive infinity: the likelihood ratio of a finding that proves a
/// diagnosis.
inline constexpr double Infinity = std::numeric_limits<double>::infinity();

/// A closed interval [Low, High] of probabilities, a point when Low == High:
/// a sensitivity, a specificity, a pretest or a post-test probability.
struct ProbabilityInterval {
  double Low = 0;
  double High = 0;

  constexpr ProbabilityInterval() = default;
  /// The point \p P: an exact figure converts implicitly, so
  /// `computeLikelihoodRatios(0.88, 0.973)` reads as the figures do.
  constexpr ProbabilityInterval(double P) : Low(P), High(P) {}
  constexpr ProbabilityInterval(double L, double H) : Low(L), High(H) {}

  constexpr bool isPoint() const { return Low == High; }
  constexpr bool contains(double X) const { return Low <= X && X <= High; }
  /// Whether 0 <= Low <= High <= 1 (false when either end is NaN).
  constexpr bool isValid() const {
    return 0 <= Low && Low <= High && High <= 1;
  }

  friend constexpr bool operator==(const ProbabilityInterval &A,
                                   const ProbabilityInterval &B) {
    return A.Low == B.Low && A.High == B.High;
  }
  friend constexpr bool operator!=(const ProbabilityInterval &A,
                                   const ProbabilityInterval &B) {
    return !(A == B);
  }
};

/// A likelihood ratio as a closed interval [Low, High] of [0, +Infinity], a
/// point when Low == High.
struct LikelihoodRatio {
  double Low = 1;
  double High = 1;

  /// The ratio 1, of a finding that says nothing.
  constexpr LikelihoodRatio() = default;
  constexpr LikelihoodRatio(double R) : Low(R), High(R) {}
  constexpr LikelihoodRatio(double L, double H) : Low(L), High(H) {}

  constexpr bool isPoint() const { return Low == High; }
  constexpr bool contains(double X) const { return Low <= X && X <= High; }
  /// Whether 0 <= Low <= High (false when either end is NaN); High, and Low
  /// with it, may be +Infinity.
  constexpr bool isValid() const { return 0 <= Low && Low <= High; }

  friend constexpr bool operator==(const LikelihoodRatio &A,
                                   const LikelihoodRatio &B) {
    return A.Low == B.Low && A.High == B.High;
  }
  friend constexpr bool operator!=(const LikelihoodRatio &A,
                                   const LikelihoodRatio &B) {
    return !(A == B);
  }
};

/// The likelihood ratios of a test: what a positive and what a negative
/// finding multiply the odds by.
struct LikelihoodRatios {
  LikelihoodRatio Positive;
  LikelihoodRatio Negative;

  /// The ratio of a positive finding when \p IsPositive, else of a negative
  /// one.
  constexpr const LikelihoodRatio &forFinding(bool IsPositive) const {
    return IsPositive ? Positive : Negative;
  }

  friend constexpr bool operator==(const LikelihoodRatios &A,
                                   const LikelihoodRatios &B) {
    return A.Positive == B.Positive && A.Negative == B.Negative;
  }
  friend constexpr bool operator!=(const LikelihoodRatios &A,
                                   const LikelihoodRatios &B) {
    return !(A == B);
  }
};

namespace detail {

/// \p Num / \p Den for a ratio of figures in [0, 1], taking the limit when
/// \p Den is 0: +Infinity when \p Num is positive. 0 / 0 (a test that is
/// never positive, or never negative, in either group) has no limit; the end
/// then takes its widest value, 0 for a low end and +Infinity for a high one,
/// so the interval claims nothing it cannot support.
constexpr double divideFigures(double Num, double Den, bool IsHighEnd) {
  if (Den > 0)
    return Num / Den;
  if (Num > 0)
    return Infinity;
  return IsHighEnd ? Infinity : 0;
}

} // namespace detail

/// The likelihood ratios of a test with the given sensitivity and
/// specificity, each a point or a range within [0, 1]:
///
///   LR+ = sens / (1 - spec), increasing in both figures, so
///         LR+ = [sens.Low / (1 - spec.Low), sens.High / (1 - spec.High)];
///   LR- = (1 - sens) / spec, decreasing in both figures, so
///         LR- = [(1 - sens.High) / spec.High, (1 - sens.Low) / spec.Low].
///
/// A specificity of 1 makes LR+ +Infinity; a sensitivity of 1 makes LR- 0.
constexpr LikelihoodRatios
computeLikelihoodRatios(ProbabilityInterval Sensitivity,
                        ProbabilityInterval Specificity) {
  assert(Sensitivity.isValid() && Specificity.isValid() &&
         "figures must be intervals within [0, 1]");
  LikelihoodRatios Ratios;
  Ratios.Positive.Low =
      detail::divideFigures(Sensitivity.Low, 1 - Specificity.Low, false);
  Ratios.Positive.High =
      detail::divideFigures(Sensitivity.High, 1 - Specificity.High, true);
  Ratios.Negative.Low =
      detail::divideFigures(1 - Sensitivity.High, Specificity.High, false);
  Ratios.Negative.High =
      detail::divideFigures(1 - Sensitivity.Low, Specificity.Low, true);
  return Ratios;
}

/// A post-test probability and whether the findings contradict each other.
struct ProbabilityUpdate {
  ProbabilityInterval Value;
  /// The figures allow, at once, a factor of 0 (a pretest of 0, or a finding
  /// that rules the diagnosis out) and a different factor of +Infinity (a
  /// pretest of 1, or a finding that proves it). Value is then [0, 1].
  bool Contradictory = false;

  friend bool operator==(const ProbabilityUpdate &A,
                         const ProbabilityUpdate &B) {
    return A.Value == B.Value && A.Contradictory == B.Contradictory;
  }
  friend bool operator!=(const ProbabilityUpdate &A,
                         const ProbabilityUpdate &B) {
    return !(A == B);
  }
};

namespace detail {

/// The odds p / (1 - p) of a probability in [0, 1]: 0 at 0, +Infinity at 1.
inline double toOdds(double P) { return P >= 1 ? Infinity : P / (1 - P); }

/// A product of likelihood ratios in [0, +Infinity] that keeps zeros and
/// infinities apart, so that 0 * Infinity is seen rather than turned into
/// NaN, and the finite part as a mantissa and a binary exponent, so that no
/// partial product overflows or underflows. Within the range of double the
/// rounding is that of plain multiplication in the order the factors come.
class RatioProduct {
public:
  void multiply(double Factor) {
    if (Factor == 0) {
      HasZero = true;
      return;
    }
    if (Factor == Infinity) {
      HasInfinity = true;
      return;
    }
    scale(Factor);
  }

  /// Whether the product is exactly 1.
  bool isOne() const {
    return !HasZero && !HasInfinity && Mantissa == 0.5 && Exponent == 1;
  }

  /// The post-test probability from \p Pretest: the product times the
  /// pretest odds, back to a probability. A product of exactly 1 (no
  /// findings, or only neutral ones) gives \p Pretest itself, without the
  /// rounding of a trip through odds. A factor of 0 (a ratio, or the odds of
  /// a pretest of 0) gives 0 and one of +Infinity gives 1; with both, the
  /// end is contradictory and takes its widest value, 0 for a low end and 1
  /// for a high end.
  double posterior(double Pretest, bool IsHighEnd) const {
    if (isOne())
      return Pretest;
    double PretestOdds = toOdds(Pretest);
    bool Zero = HasZero || PretestOdds == 0;
    bool Infinite = HasInfinity || PretestOdds == Infinity;
    if (Zero && Infinite)
      return IsHighEnd ? 1 : 0;
    if (Zero)
      return 0;
    if (Infinite)
      return 1;
    RatioProduct Odds = *this;
    Odds.scale(PretestOdds);
    double PosteriorOdds = std::ldexp(Odds.Mantissa, Odds.Exponent);
    // Odds beyond the range of double are 1 to within rounding.
    if (PosteriorOdds == Infinity)
      return 1;
    return PosteriorOdds / (1 + PosteriorOdds);
  }

private:
  /// Multiplies by a finite, positive \p Factor.
  void scale(double Factor) {
    int FactorExponent = 0;
    double FactorMantissa = std::frexp(Factor, &FactorExponent);
    int ProductExponent = 0;
    Mantissa = std::frexp(Mantissa * FactorMantissa, &ProductExponent);
    Exponent += FactorExponent + ProductExponent;
  }

  bool HasZero = false;
  bool HasInfinity = false;
  /// In [0.5, 1): the finite part is Mantissa * 2^Exponent, initially 1.
  double Mantissa = 0.5;
  int Exponent = 1;
};

} // namespace detail

/// The post-test probability from \p Pretest and the likelihood ratios of the
/// known findings, \p Ratios, in odds form (see the file comment): the
/// product of the ratios, in order, times the pretest odds. A finding that is
/// unknown is left out (its ratio is 1); with no ratios, or only ratios of 1,
/// the result is \p Pretest exactly.
///
/// The low end uses the low pretest and the low end of every ratio, the high
/// end the high ones. A pretest of 0 or a ratio of 0 makes an end 0, and a
/// pretest of 1 or a ratio of +Infinity makes it 1; an end that meets both
/// is contradictory and takes its widest value. Whenever the figures allow a
/// 0 and a +Infinity from different factors (the pretest and a finding, or
/// two findings), the result is [0, 1] and Contradictory is set.
inline ProbabilityUpdate updateProbability(ProbabilityInterval Pretest,
                                           Span<LikelihoodRatio> Ratios) {
  assert(Pretest.isValid() && "pretest must be an interval within [0, 1]");
  // A contradiction needs a factor that can be 0 and another that can be
  // +Infinity. Factor 0 is the pretest, factor I + 1 the ratio Ratios[I].
  std::size_t CanBeZero = 0, CanBeInfinite = 0;
  std::size_t ZeroAt = 0, InfiniteAt = 0;
  auto Count = [&](std::size_t Factor, bool Zero, bool Infinite) {
    if (Zero) {
      ++CanBeZero;
      ZeroAt = Factor;
    }
    if (Infinite) {
      ++CanBeInfinite;
      InfiniteAt = Factor;
    }
  };

  Count(0, Pretest.Low == 0, Pretest.High == 1);
  detail::RatioProduct Low, High;
  for (std::size_t I = 0; I != Ratios.size(); ++I) {
    const LikelihoodRatio &Ratio = Ratios[I];
    assert(Ratio.isValid() && "likelihood ratio must be within [0, +inf]");
    Low.multiply(Ratio.Low);
    High.multiply(Ratio.High);
    Count(I + 1, Ratio.Low == 0, Ratio.High == Infinity);
  }

  ProbabilityUpdate Update;
  Update.Value.Low = Low.posterior(Pretest.Low, /*IsHighEnd=*/false);
  Update.Value.High = High.posterior(Pretest.High, /*IsHighEnd=*/true);
  // Each end is monotone in every figure, rounding included, except that an
  // end taken exactly from the pretest (a product of 1) can pass the other,
  // computed, end by the rounding of the odds, when the two are within an
  // ulp or two. The true value lies beyond the exact end, so the computed end
  // moves to it.
  if (Update.Value.High < Update.Value.Low) {
    if (Low.isOne())
      Update.Value.High = Update.Value.Low;
    else
      Update.Value.Low = Update.Value.High;
  }
  Update.Contradictory =
      CanBeZero != 0 && CanBeInfinite != 0 &&
      !(CanBeZero == 1 && CanBeInfinite == 1 && ZeroAt == InfiniteAt);
  return Update;
}

/// updateProbability() on a braced list of ratios: `updateProbability(0.3,
/// {LRPositive, LRNegative})`.
inline ProbabilityUpdate
updateProbability(ProbabilityInterval Pretest,
                  std::initializer_list<LikelihoodRatio> Ratios) {
  return updateProbability(
      Pretest, Span<LikelihoodRatio>(Ratios.begin(), Ratios.size()));
}

/// How a guard on an interval of values comes out.
enum class Decision {
  Holds,        ///< Every value in the interval satisfies the guard.
  Fails,        ///< No value does.
  Indeterminate ///< Some do and some do not: the interval straddles a
                ///< threshold, and the guard must be reported, not decided.
};

/// "holds", "fails" or "indeterminate".
constexpr const char *decisionName(Decision D) {
  if (D == Decision::Holds)
    return "holds";
  if (D == Decision::Fails)
    return "fails";
  return "indeterminate";
}

/// An interval of the real line with open or closed ends: the values a guard
/// allows, such as [0.8, 1] for `probability(d) >= 0.8` or [0.2, 0.8) for
/// `probability(d) in [0.2, 0.8)`. Ends may be infinite.
struct ThresholdInterval {
  double Low = 0;
  double High = 0;
  bool LowOpen = false;
  bool HighOpen = false;

  /// [X, +inf]: `>= X`.
  static constexpr ThresholdInterval atLeast(double X) {
    return {X, Infinity, false, false};
  }
  /// (X, +inf]: `> X`.
  static constexpr ThresholdInterval above(double X) {
    return {X, Infinity, true, false};
  }
  /// [-inf, X]: `<= X`.
  static constexpr ThresholdInterval atMost(double X) {
    return {-Infinity, X, false, false};
  }
  /// [-inf, X): `< X`.
  static constexpr ThresholdInterval below(double X) {
    return {-Infinity, X, false, true};
  }

  constexpr bool contains(double X) const {
    return (LowOpen ? Low < X : Low <= X) && (HighOpen ? X < High : X <= High);
  }
  /// Whether no value lies in it (also when an end is NaN).
  constexpr bool isEmpty() const {
    return !(Low < High || (Low == High && !LowOpen && !HighOpen));
  }

  friend constexpr bool operator==(const ThresholdInterval &A,
                                   const ThresholdInterval &B) {
    return A.Low == B.Low && A.High == B.High && A.LowOpen == B.LowOpen &&
           A.HighOpen == B.HighOpen;
  }
  friend constexpr bool operator!=(const ThresholdInterval &A,
                                   const ThresholdInterval &B) {
    return !(A == B);
  }
};

namespace detail {

/// Whether \p T and the closed interval \p V share a value.
constexpr bool meets(const ThresholdInterval &T, const ProbabilityInterval &V) {
  double Lower = T.Low > V.Low ? T.Low : V.Low;
  bool LowerOpen = T.Low >= V.Low && T.LowOpen;
  double Upper = T.High < V.High ? T.High : V.High;
  bool UpperOpen = T.High <= V.High && T.HighOpen;
  return Lower < Upper || (Lower == Upper && !LowerOpen && !UpperOpen);
}

/// Whether \p T holds every value of the closed interval \p V.
constexpr bool covers(const ThresholdInterval &T,
                      const ProbabilityInterval &V) {
  return (T.LowOpen ? T.Low < V.Low : T.Low <= V.Low) &&
         (T.HighOpen ? V.High < T.High : V.High <= T.High);
}

} // namespace detail

/// Whether the values in \p Value satisfy a guard that allows the union of
/// \p Allowed: Holds when the union holds all of them, Fails when it holds
/// none, Indeterminate otherwise. The pieces may come in any order, overlap,
/// touch or be empty; pieces that touch with at least one closed end, such
/// as [0.2, 0.5) and [0.5, 0.8], leave no gap. An empty set always fails.
inline Decision decide(const ProbabilityInterval &Value,
                       Span<ThresholdInterval> Allowed) {
  assert(Value.Low <= Value.High && "the value must be a non-empty interval");
  std::vector<ThresholdInterval> Pieces;
  Pieces.reserve(Allowed.size());
  for (const ThresholdInterval &Piece : Allowed)
    if (!Piece.isEmpty())
      Pieces.push_back(Piece);

  if (std::none_of(Pieces.begin(), Pieces.end(),
                   [&](const ThresholdInterval &Piece) {
                     return detail::meets(Piece, Value);
                   }))
    return Decision::Fails;

  // Merge the pieces into the connected parts of their union, in order, and
  // look for one that covers the whole value. Of two pieces with the same low
  // end the closed one comes first, so a part's low end is closed when any
  // of its pieces' is.
  std::sort(Pieces.begin(), Pieces.end(),
            [](const ThresholdInterval &A, const ThresholdInterval &B) {
              if (A.Low != B.Low)
                return A.Low < B.Low;
              return !A.LowOpen && B.LowOpen;
            });
  ThresholdInterval Part = Pieces.front();
  for (std::size_t I = 1; I != Pieces.size(); ++I) {
    const ThresholdInterval &Piece = Pieces[I];
    bool Connected =
        Piece.Low < Part.High ||
        (Piece.Low == Part.High && !(Piece.LowOpen && Part.HighOpen));
    if (Connected) {
      if (Piece.High > Part.High ||
          (Piece.High == Part.High && !Piece.HighOpen)) {
        Part.High = Piece.High;
        Part.HighOpen = Piece.HighOpen;
      }
      continue;
    }
    if (detail::covers(Part, Value))
      return Decision::Holds;
    Part = Piece;
  }
  return detail::covers(Part, Value) ? Decision::Holds
                                     : Decision::Indeterminate;
}

/// decide() on a braced list of pieces.
inline Decision decide(const ProbabilityInterval &Value,
                       std::initializer_list<ThresholdInterval> Allowed) {
  return decide(Value,
                Span<ThresholdInterval>(Allowed.begin(), Allowed.size()));
}

/// decide() against a single interval of allowed values.
inline Decision decide(const ProbabilityInterval &Value,
                       const ThresholdInterval &Allowed) {
  assert(Value.Low <= Value.High && "the value must be a non-empty interval");
  if (Allowed.isEmpty() || !detail::meets(Allowed, Value))
    return Decision::Fails;
  return detail::covers(Allowed, Value) ? Decision::Holds
                                        : Decision::Indeterminate;
}

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_PROBABILITY_H
