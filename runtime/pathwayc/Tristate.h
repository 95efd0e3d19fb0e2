//===- Tristate.h - Three-valued (Kleene) logic -----------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The truth values of a condition evaluated on a case where any input may be
/// unknown (docs/language.md, "Cases and unknown values"): true, false or
/// unknown, combined by Kleene's strong three-valued logic —
///
///   - `not` swaps true and false and leaves unknown unknown;
///   - `and` is false if either side is false, true if both are true, and
///     unknown otherwise;
///   - `or` is true if either side is true, false if both are false, and
///     unknown otherwise.
///
/// So `true or unknown` is true and `false and unknown` is false: one known
/// side can decide a condition on its own.
///
/// The operators `!`, `&&` and `||` are overloaded for Tristate. Like every
/// overloaded `&&` and `||` they evaluate both operands; conditions have no
/// side effects, so only the value matters. A Tristate never converts to bool
/// implicitly: `if (A && B)` does not compile; write `if (isTrue(A && B))`.
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_TRISTATE_H
#define PATHWAYC_RUNTIME_TRISTATE_H

#include <initializer_list>
#include <optional>

namespace pathwayc::runtime {

/// A truth value of three-valued logic.
enum class Tristate : unsigned char { False, True, Unknown };

/// Kleene negation: swaps True and False, keeps Unknown.
constexpr Tristate operator!(Tristate A) {
  if (A == Tristate::True)
    return Tristate::False;
  if (A == Tristate::False)
    return Tristate::True;
  return Tristate::Unknown;
}

/// Kleene conjunction: False if either side is False, True if both are True,
/// Unknown otherwise.
constexpr Tristate operator&&(Tristate A, Tristate B) {
  if (A == Tristate::False || B == Tristate::False)
    return Tristate::False;
  if (A == Tristate::True && B == Tristate::True)
    return Tristate::True;
  return Tristate::Unknown;
}

/// Kleene disjunction: True if either side is True, False if both are False,
/// Unknown otherwise.
constexpr Tristate operator||(Tristate A, Tristate B) {
  if (A == Tristate::True || B == Tristate::True)
    return Tristate::True;
  if (A == Tristate::False && B == Tristate::False)
    return Tristate::False;
  return Tristate::Unknown;
}

/// The Kleene conjunction of [Begin, End): True when the range is empty.
template <typename Iterator>
constexpr Tristate allOf(Iterator Begin, Iterator End) {
  Tristate Acc = Tristate::True;
  for (; Begin != End; ++Begin)
    Acc = Acc && *Begin;
  return Acc;
}

/// The Kleene disjunction of [Begin, End): False when the range is empty.
template <typename Iterator>
constexpr Tristate anyOf(Iterator Begin, Iterator End) {
  Tristate Acc = Tristate::False;
  for (; Begin != End; ++Begin)
    Acc = Acc || *Begin;
  return Acc;
}

/// The Kleene conjunction of \p Values: `allOf({A, B, C})`.
constexpr Tristate allOf(std::initializer_list<Tristate> Values) {
  return allOf(Values.begin(), Values.end());
}

/// The Kleene disjunction of \p Values: `anyOf({A, B, C})`.
constexpr Tristate anyOf(std::initializer_list<Tristate> Values) {
  return anyOf(Values.begin(), Values.end());
}

/// A known truth value.
constexpr Tristate toTristate(bool B) {
  return B ? Tristate::True : Tristate::False;
}

/// A value that may be missing: std::nullopt is Unknown.
constexpr Tristate toTristate(const std::optional<bool> &B) {
  return B.has_value() ? toTristate(*B) : Tristate::Unknown;
}

/// std::nullopt itself: Unknown.
constexpr Tristate toTristate(std::nullopt_t) { return Tristate::Unknown; }

/// Anything but a bool or an optional bool (a number, a pointer) is refused
/// rather than silently converted.
template <typename T> Tristate toTristate(const T &) = delete;

/// The value as an optional bool: Unknown is std::nullopt.
constexpr std::optional<bool> toOptional(Tristate A) {
  if (A == Tristate::True)
    return true;
  if (A == Tristate::False)
    return false;
  return std::nullopt;
}

constexpr bool isTrue(Tristate A) { return A == Tristate::True; }
constexpr bool isFalse(Tristate A) { return A == Tristate::False; }
constexpr bool isUnknown(Tristate A) {
  return A != Tristate::True && A != Tristate::False;
}
constexpr bool isKnown(Tristate A) { return !isUnknown(A); }

/// "true", "false" or "unknown", as the language spells them.
constexpr const char *tristateName(Tristate A) {
  if (A == Tristate::True)
    return "true";
  if (A == Tristate::False)
    return "false";
  return "unknown";
}

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_TRISTATE_H
