//===- Truth.h - The truth values of a guard on a case ----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The value of a condition evaluated on a case where any input may be
/// unknown and any probability may be an interval (docs/language.md,
/// "Cases and unknown values" and "Probabilities"):
///
///   - True and False;
///   - Unknown: the condition reads an input the case does not give;
///   - Indeterminate: a probability guard whose interval straddles its
///     threshold, so that it holds for some of the interval and not for the
///     rest.
///
/// On True, False and Unknown the operators are Kleene's strong three-valued
/// logic: `not` swaps true and false; `and` is false if either side is false
/// and true if both are true; `or` is true if either side is true and false
/// if both are false. A side that is Unknown or Indeterminate decides nothing
/// alone, and when neither side decides, Unknown wins over Indeterminate:
/// a missing input might still decide the condition, so the right answer is
/// to ask for it, and an indeterminate guard is reported only when no input
/// is missing. So
///
///   - `not` leaves Unknown and Indeterminate as they are;
///   - `and`: False if either side is False; else Unknown if either is
///     Unknown; else Indeterminate if either is Indeterminate; else True;
///   - `or`: True if either side is True; else Unknown if either is Unknown;
///     else Indeterminate if either is Indeterminate; else False.
///
/// Both are commutative and associative, and De Morgan's laws hold.
///
/// The operators `!`, `&&` and `||` are overloaded for Truth. Like every
/// overloaded `&&` and `||` they evaluate both operands; conditions have no
/// side effects, so only the value matters. A Truth never converts to bool
/// implicitly: `if (A && B)` does not compile; write `if (isTrue(A && B))`.
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_TRUTH_H
#define PATHWAYC_RUNTIME_TRUTH_H

#include "pathwayc/Probability.h"

#include <initializer_list>
#include <optional>

namespace pathwayc::runtime {

/// The value of a condition on a case.
enum class Truth : unsigned char { False, True, Unknown, Indeterminate };

constexpr Truth operator!(Truth A) {
  if (A == Truth::True)
    return Truth::False;
  if (A == Truth::False)
    return Truth::True;
  return A;
}

constexpr Truth operator&&(Truth A, Truth B) {
  if (A == Truth::False || B == Truth::False)
    return Truth::False;
  if (A == Truth::Unknown || B == Truth::Unknown)
    return Truth::Unknown;
  if (A == Truth::Indeterminate || B == Truth::Indeterminate)
    return Truth::Indeterminate;
  return Truth::True;
}

constexpr Truth operator||(Truth A, Truth B) {
  if (A == Truth::True || B == Truth::True)
    return Truth::True;
  if (A == Truth::Unknown || B == Truth::Unknown)
    return Truth::Unknown;
  if (A == Truth::Indeterminate || B == Truth::Indeterminate)
    return Truth::Indeterminate;
  return Truth::False;
}

/// The `and` of a sequence: True when it is empty.
template <typename Iterator>
constexpr Truth allOf(Iterator Begin, Iterator End) {
  Truth Acc = Truth::True;
  for (; Begin != End; ++Begin)
    Acc = Acc && *Begin;
  return Acc;
}

/// The `or` of a sequence: False when it is empty.
template <typename Iterator>
constexpr Truth anyOf(Iterator Begin, Iterator End) {
  Truth Acc = Truth::False;
  for (; Begin != End; ++Begin)
    Acc = Acc || *Begin;
  return Acc;
}

constexpr Truth allOf(std::initializer_list<Truth> Values) {
  return allOf(Values.begin(), Values.end());
}

constexpr Truth anyOf(std::initializer_list<Truth> Values) {
  return anyOf(Values.begin(), Values.end());
}

constexpr Truth toTruth(bool B) { return B ? Truth::True : Truth::False; }

/// True or False for a known value, Unknown for std::nullopt.
constexpr Truth toTruth(const std::optional<bool> &B) {
  return B.has_value() ? toTruth(*B) : Truth::Unknown;
}

constexpr Truth toTruth(std::nullopt_t) { return Truth::Unknown; }

/// How a probability guard came out (Probability.h's decide()).
constexpr Truth toTruth(Decision D) {
  if (D == Decision::Holds)
    return Truth::True;
  if (D == Decision::Fails)
    return Truth::False;
  return Truth::Indeterminate;
}

// An int, a pointer or an optional<int> converting to bool would be a bug.
template <typename T> Truth toTruth(const T &) = delete;

/// The value of \p Known applied to \p Value, or Unknown when there is no
/// value: the truth of `relief > 75 percent` for an input that may be
/// missing is `test(In.relief, [](double V) { return V > 75; })`.
template <typename T, typename Predicate>
constexpr Truth test(const std::optional<T> &Value, Predicate Known) {
  return Value.has_value() ? toTruth(static_cast<bool>(Known(*Value)))
                           : Truth::Unknown;
}

constexpr bool isTrue(Truth A) { return A == Truth::True; }
constexpr bool isFalse(Truth A) { return A == Truth::False; }
constexpr bool isUnknown(Truth A) { return A == Truth::Unknown; }
constexpr bool isIndeterminate(Truth A) { return A == Truth::Indeterminate; }
/// True or False: the condition is decided.
constexpr bool isDecided(Truth A) {
  return A == Truth::True || A == Truth::False;
}

/// "true", "false", "unknown" or "indeterminate".
constexpr const char *truthName(Truth A) {
  switch (A) {
  case Truth::True: return "true";
  case Truth::False: return "false";
  case Truth::Unknown: return "unknown";
  case Truth::Indeterminate: return "indeterminate";
  }
  return "invalid";
}

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_TRUTH_H
