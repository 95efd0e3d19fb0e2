//===- Vocabulary.cpp - Units, urgencies and ratings ----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ast/Vocabulary.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ErrorHandling.h"

using namespace pathwayc;

namespace {
struct UnitInfo {
  Unit U;
  Dimension Dim;
  /// Size of one unit in the dimension's base (days for time).
  double Scale;
};

constexpr double DaysPerYear = 365.25;

const UnitInfo UnitTable[] = {
    {Unit::None, Dimension::Dimensionless, 1},
    {Unit::Percent, Dimension::Fraction100, 1},
    {Unit::Minutes, Dimension::Time, 1.0 / (24 * 60)},
    {Unit::Hours, Dimension::Time, 1.0 / 24},
    {Unit::Days, Dimension::Time, 1},
    {Unit::Weeks, Dimension::Time, 7},
    {Unit::Months, Dimension::Time, DaysPerYear / 12},
    {Unit::Years, Dimension::Time, DaysPerYear},
    {Unit::Degrees, Dimension::Angle, 1},
    {Unit::Millimetres, Dimension::Length, 1},
    {Unit::Centimetres, Dimension::Length, 10},
};

const UnitInfo &getInfo(Unit U) {
  for (const UnitInfo &Info : UnitTable)
    if (Info.U == U)
      return Info;
  llvm_unreachable("unit missing from the table");
}
} // namespace

Dimension pathwayc::getDimension(Unit U) { return getInfo(U).Dim; }

llvm::StringRef pathwayc::getUnitName(Unit U) {
  switch (U) {
  case Unit::None: return "";
  case Unit::Percent: return "percent";
  case Unit::Minutes: return "minutes";
  case Unit::Hours: return "hours";
  case Unit::Days: return "days";
  case Unit::Weeks: return "weeks";
  case Unit::Months: return "months";
  case Unit::Years: return "years";
  case Unit::Degrees: return "degrees";
  case Unit::Millimetres: return "mm";
  case Unit::Centimetres: return "cm";
  }
  llvm_unreachable("unknown unit");
}

std::optional<Unit> pathwayc::lookupUnit(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Unit>>(Name)
      .Cases("percent", "%", Unit::Percent)
      .Cases("minute", "minutes", Unit::Minutes)
      .Cases("hour", "hours", Unit::Hours)
      .Cases("day", "days", Unit::Days)
      .Cases("week", "weeks", Unit::Weeks)
      .Cases("month", "months", Unit::Months)
      .Cases("year", "years", Unit::Years)
      .Cases("degree", "degrees", Unit::Degrees)
      .Case("mm", Unit::Millimetres)
      .Case("cm", Unit::Centimetres)
      .Default(std::nullopt);
}

llvm::ArrayRef<llvm::StringRef> pathwayc::getUnitSpellings() {
  static const llvm::StringRef Spellings[] = {
      "percent", "minute", "minutes", "hour",  "hours",  "day",
      "days",    "week",   "weeks",   "month", "months", "year",
      "years",   "degree", "degrees", "mm",    "cm"};
  return Spellings;
}

double pathwayc::convertUnit(double Value, Unit From, Unit To) {
  const UnitInfo &F = getInfo(From);
  const UnitInfo &T = getInfo(To);
  assert(F.Dim == T.Dim && "converting between dimensions");
  if (From == To)
    return Value;
  return Value * F.Scale / T.Scale;
}

llvm::StringRef pathwayc::getUrgencyName(Urgency U) {
  switch (U) {
  case Urgency::Routine: return "routine";
  case Urgency::Soon: return "soon";
  case Urgency::Urgent: return "urgent";
  case Urgency::Emergency: return "emergency";
  }
  llvm_unreachable("unknown urgency");
}

std::optional<Urgency> pathwayc::lookupUrgency(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Urgency>>(Name)
      .Case("routine", Urgency::Routine)
      .Case("soon", Urgency::Soon)
      .Case("urgent", Urgency::Urgent)
      .Case("emergency", Urgency::Emergency)
      .Default(std::nullopt);
}

llvm::ArrayRef<llvm::StringRef> pathwayc::getUrgencyNames() {
  static const llvm::StringRef Names[] = {"routine", "soon", "urgent",
                                          "emergency"};
  return Names;
}

llvm::StringRef pathwayc::getAppropriatenessName(Appropriateness A) {
  switch (A) {
  case Appropriateness::UsuallyAppropriate: return "usually_appropriate";
  case Appropriateness::MayBeAppropriate: return "may_be_appropriate";
  case Appropriateness::UsuallyNotAppropriate: return "usually_not_appropriate";
  }
  llvm_unreachable("unknown appropriateness");
}

std::optional<Appropriateness>
pathwayc::lookupAppropriateness(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Appropriateness>>(Name)
      .Case("usually_appropriate", Appropriateness::UsuallyAppropriate)
      .Case("may_be_appropriate", Appropriateness::MayBeAppropriate)
      .Case("usually_not_appropriate", Appropriateness::UsuallyNotAppropriate)
      .Default(std::nullopt);
}

llvm::ArrayRef<llvm::StringRef> pathwayc::getAppropriatenessNames() {
  static const llvm::StringRef Names[] = {
      "usually_appropriate", "may_be_appropriate", "usually_not_appropriate"};
  return Names;
}

std::pair<int, int> pathwayc::getRatingRange(Appropriateness A) {
  switch (A) {
  case Appropriateness::UsuallyAppropriate: return {7, 9};
  case Appropriateness::MayBeAppropriate: return {4, 6};
  case Appropriateness::UsuallyNotAppropriate: return {1, 3};
  }
  llvm_unreachable("unknown appropriateness");
}

llvm::StringRef pathwayc::getRadiationLevelName(RadiationLevel R) {
  switch (R) {
  case RadiationLevel::Unspecified: return "unspecified";
  case RadiationLevel::None: return "none";
  case RadiationLevel::Minimal: return "minimal";
  case RadiationLevel::Low: return "low";
  case RadiationLevel::Medium: return "medium";
  case RadiationLevel::High: return "high";
  case RadiationLevel::VeryHigh: return "very_high";
  case RadiationLevel::Varies: return "varies";
  }
  llvm_unreachable("unknown radiation level");
}

std::optional<RadiationLevel>
pathwayc::lookupRadiationLevel(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<RadiationLevel>>(Name)
      .Case("none", RadiationLevel::None)
      .Case("minimal", RadiationLevel::Minimal)
      .Case("low", RadiationLevel::Low)
      .Case("medium", RadiationLevel::Medium)
      .Case("high", RadiationLevel::High)
      .Case("very_high", RadiationLevel::VeryHigh)
      .Case("varies", RadiationLevel::Varies)
      .Default(std::nullopt);
}

llvm::ArrayRef<llvm::StringRef> pathwayc::getRadiationLevelNames() {
  static const llvm::StringRef Names[] = {
      "none", "minimal", "low", "medium", "high", "very_high", "varies"};
  return Names;
}
