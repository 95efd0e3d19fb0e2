//===- Vocabulary.h - Units, urgencies and ratings --------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The closed vocabularies of the language. The grammar reads these words as
/// plain identifiers; sema looks them up here, so that a misspelling gets a
/// "did you mean" with the list of words that are allowed.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_AST_VOCABULARY_H
#define PATHWAYC_AST_VOCABULARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace pathwayc {

/// Units a number may carry. Units of one dimension convert into each other.
enum class Unit {
  None,
  Percent,
  Minutes,
  Hours,
  Days,
  Weeks,
  Months,
  Years,
  Degrees,
  Millimetres,
  Centimetres
};

enum class Dimension { Dimensionless, Fraction100, Time, Angle, Length };

Dimension getDimension(Unit U);
/// The canonical spelling used in messages and output ("months").
llvm::StringRef getUnitName(Unit U);
/// Accepts singular and plural spellings, and `%` for percent.
std::optional<Unit> lookupUnit(llvm::StringRef Name);
/// Every accepted spelling, for "did you mean".
llvm::ArrayRef<llvm::StringRef> getUnitSpellings();
/// Converts \p Value from \p From to \p To, which must share a dimension.
/// Months and years are 1/12 and 1 of a 365.25-day year.
double convertUnit(double Value, Unit From, Unit To);

/// How soon a red flag or outcome must be acted on, mildest first.
enum class Urgency { Routine, Soon, Urgent, Emergency };
llvm::StringRef getUrgencyName(Urgency U);
std::optional<Urgency> lookupUrgency(llvm::StringRef Name);
llvm::ArrayRef<llvm::StringRef> getUrgencyNames();

/// The ACR appropriateness categories.
enum class Appropriateness {
  UsuallyAppropriate,
  MayBeAppropriate,
  UsuallyNotAppropriate
};
llvm::StringRef getAppropriatenessName(Appropriateness A);
std::optional<Appropriateness> lookupAppropriateness(llvm::StringRef Name);
llvm::ArrayRef<llvm::StringRef> getAppropriatenessNames();
/// The ratings 1-9 that agree with the category: 7-9, 4-6 or 1-3.
std::pair<int, int> getRatingRange(Appropriateness A);

/// The ACR relative radiation level.
enum class RadiationLevel {
  Unspecified,
  None,
  Minimal,
  Low,
  Medium,
  High,
  VeryHigh,
  Varies
};
llvm::StringRef getRadiationLevelName(RadiationLevel R);
std::optional<RadiationLevel> lookupRadiationLevel(llvm::StringRef Name);
llvm::ArrayRef<llvm::StringRef> getRadiationLevelNames();

} // namespace pathwayc

#endif // PATHWAYC_AST_VOCABULARY_H
