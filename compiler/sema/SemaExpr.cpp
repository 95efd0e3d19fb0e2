//===- SemaExpr.cpp - Conditions, types and units -------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// A condition is built from bool inputs, exam findings, comparisons of one
// input (or one probability) with constants, and and/or/not. Comparing two
// inputs is rejected on purpose: every condition then constrains inputs one
// at a time, which is what lets the verifier decide coverage exactly.
//
//===----------------------------------------------------------------------===//

#include "sema/SemaInternal.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <cmath>

using namespace pathwayc;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

unsigned pathwayc::getValueTypeSelect(ExprType T) {
  switch (T) {
  case ExprType::Bool: return 0;
  case ExprType::Number: return 1;
  case ExprType::Probability: return 2;
  case ExprType::EnumValue: return 3;
  case ExprType::Unknown: break;
  }
  return 0;
}

std::string pathwayc::formatInterval(const IntervalLiteral &I) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  OS << (I.LowOpen ? '(' : '[') << I.Low.Spelling << ", " << I.High.Spelling
     << (I.HighOpen ? ')' : ']');
  if (I.UnitName)
    OS << ' ' << I.UnitName->Name.Name;
  return S;
}

namespace {
/// The input a subject expression names, if it is a resolved input.
const InputDecl *subjectInput(const Expr &E) {
  if (const auto *N = dyn_cast<NameRefExpr>(&E))
    return llvm::dyn_cast_or_null<InputDecl>(N->Resolved);
  return nullptr;
}

/// The type of a declaration used as a value.
ExprType typeOfDecl(const Decl &D) {
  if (isa<ExamDecl>(D))
    return ExprType::Bool;
  switch (cast<InputDecl>(D).Type.Kind) {
  case InputType::TypeKind::Bool: return ExprType::Bool;
  case InputType::TypeKind::Number: return ExprType::Number;
  case InputType::TypeKind::Enum: return ExprType::EnumValue;
  }
  return ExprType::Unknown;
}

/// How a number would be written with \p U ("75 percent"), in the
/// shortest form that reads back to the same value.
std::string withUnit(double Value, Unit U) {
  if (U == Unit::None)
    return fmt::format("{}", Value);
  return fmt::format("{} {}", Value, getUnitName(U).str());
}

/// A probability, or an input whose whole domain lies in [0, 1]: a number
/// an author may mistakenly write as a percentage.
bool isFraction(const Expr &Subject) {
  if (isa<ProbabilityExpr>(Subject))
    return true;
  const InputDecl *Input = subjectInput(Subject);
  return Input && Input->Type.getUnit() == Unit::None && Input->Type.Domain &&
         Input->Type.Domain->Low.Value >= 0 &&
         Input->Type.Domain->High.Value <= 1;
}

std::string describeSubject(const Expr &E) {
  if (const auto *N = dyn_cast<NameRefExpr>(&E))
    return N->Name.Name;
  std::string S;
  llvm::raw_string_ostream(S)
      << "probability(" << cast<ProbabilityExpr>(E).Diagnosis.Name << ')';
  return S;
}
} // namespace

bool Sema::checkCondition(Expr &E) {
  bool Ok = true;
  switch (E.getKind()) {
  case Expr::ExprKind::BoolLiteral: break;
  case Expr::ExprKind::NameRef:
    Ok = checkNameCondition(cast<NameRefExpr>(E));
    break;
  case Expr::ExprKind::Compare: Ok = checkCompare(cast<CompareExpr>(E)); break;
  case Expr::ExprKind::InInterval:
    Ok = checkInInterval(cast<InIntervalExpr>(E));
    break;
  case Expr::ExprKind::InSet: Ok = checkInSet(cast<InSetExpr>(E)); break;
  case Expr::ExprKind::Not:
    Ok = checkCondition(*cast<NotExpr>(E).Operand);
    break;
  case Expr::ExprKind::Logical:
    // Check every operand, not just up to the first error.
    for (ExprPtr &Operand : cast<LogicalExpr>(E).Operands)
      Ok &= checkCondition(*Operand);
    break;
  case Expr::ExprKind::Quantity:
  case Expr::ExprKind::Probability: {
    ExprType T = checkSubject(E);
    if (T != ExprType::Unknown)
      Diags.report(E.getRange(), diag::err_condition_not_bool)
          << getValueTypeSelect(T);
    Ok = false;
    break;
  }
  }
  E.Type = Ok ? ExprType::Bool : ExprType::Unknown;
  return Ok;
}

bool Sema::checkNameCondition(NameRefExpr &N) {
  N.Resolved = resolve(N.Name, RefKind::InputOrExam);
  if (!N.Resolved || N.Resolved->Invalid)
    return false;
  ExprType T = typeOfDecl(*N.Resolved);
  if (T == ExprType::Bool)
    return true;
  Diags.report(N.Name.Range, diag::err_not_a_condition_name)
      << N.Name.Name << getValueTypeSelect(T);
  return false;
}

ExprType Sema::checkSubject(Expr &E) {
  if (auto *Prob = dyn_cast<ProbabilityExpr>(&E)) {
    Prob->Resolved = resolve(Prob->Diagnosis, RefKind::Diagnosis);
    if (!Prob->Resolved || Prob->Resolved->Invalid)
      return E.Type = ExprType::Unknown;
    const auto &D = cast<DiagnosisDecl>(*Prob->Resolved);
    if (!D.Pretest && !D.PretestInput) {
      Diags.report(Prob->Diagnosis.Range, diag::err_probability_without_pretest)
          << D.getName();
      Diags.report(D.Name.Range, diag::note_declared_here) << D.getName();
      return E.Type = ExprType::Unknown;
    }
    return E.Type = ExprType::Probability;
  }
  if (isa<QuantityExpr>(E))
    return E.Type = ExprType::Number;
  auto &N = cast<NameRefExpr>(E);
  N.Resolved = resolve(N.Name, RefKind::InputOrExam);
  // A declaration with an error of its own (a bad unit, an empty range) was
  // reported already; checking its uses would only repeat it.
  if (!N.Resolved || N.Resolved->Invalid)
    return E.Type = ExprType::Unknown;
  return E.Type = typeOfDecl(*N.Resolved);
}

bool Sema::checkCompare(CompareExpr &C) {
  // `finding is true`: the other side must be true or false itself.
  if (isa<BoolLiteralExpr>(*C.RHS)) {
    ExprType T = checkSubject(*C.LHS);
    if (T == ExprType::Unknown)
      return false;
    C.RHS->Type = ExprType::Bool;
    if (T == ExprType::Bool)
      return true;
    Diags.report(C.getRange(), diag::err_invalid_comparison)
        << getValueTypeSelect(T) << getValueTypeSelect(ExprType::Bool);
    return false;
  }
  // An enum comparison names a value on the other side, which is not a
  // declaration: decide that before looking names up.
  for (auto [Subject, Value] : {std::pair(C.LHS.get(), C.RHS.get()),
                                std::pair(C.RHS.get(), C.LHS.get())}) {
    auto *N = dyn_cast<NameRefExpr>(Subject);
    auto *Input =
        N ? llvm::dyn_cast_or_null<InputDecl>(find(N->Name.Name)) : nullptr;
    if (Input && Input->Type.Kind == InputType::TypeKind::Enum &&
        isa<NameRefExpr>(Value))
      return checkEnumCompare(C, *N, *Input, *Value);
  }

  ExprType L = checkSubject(*C.LHS);
  ExprType R = checkSubject(*C.RHS);
  if (L == ExprType::Unknown || R == ExprType::Unknown)
    return false;

  auto *LQ = dyn_cast<QuantityExpr>(C.LHS.get());
  auto *RQ = dyn_cast<QuantityExpr>(C.RHS.get());
  if (LQ && RQ) {
    Diags.report(C.getRange(), diag::err_compare_constants);
    return false;
  }
  if (!LQ && !RQ) {
    Diags.report(C.getRange(), diag::err_compare_two_inputs)
        << describeSubject(*C.LHS) << describeSubject(*C.RHS);
    return false;
  }
  Expr &Subject = LQ ? *C.RHS : *C.LHS;
  QuantityExpr &Value = LQ ? *LQ : *RQ;
  ExprType SubjectType = LQ ? R : L;
  if (SubjectType == ExprType::Bool) {
    Diags.report(C.getRange(), diag::err_bool_compared)
        << describeSubject(Subject);
    return false;
  }
  if (SubjectType == ExprType::EnumValue) {
    bool Ordering = C.Op != CompareOp::Equal && C.Op != CompareOp::NotEqual;
    if (Ordering && isa<NameRefExpr>(Subject))
      Diags.report(C.OpRange, diag::err_ordering_unordered)
          << describeSubject(Subject) << getValueTypeSelect(SubjectType);
    else
      Diags.report(C.getRange(), diag::err_invalid_comparison)
          << getValueTypeSelect(SubjectType)
          << getValueTypeSelect(ExprType::Number);
    return false;
  }
  return checkNumericCompare(Subject, Value);
}

bool Sema::checkEnumCompare(CompareExpr &C, NameRefExpr &Subject,
                            const InputDecl &Input, Expr &Value) {
  Subject.Resolved = resolve(Subject.Name, RefKind::Input);
  if (Input.Invalid)
    return false;
  Subject.Type = ExprType::EnumValue;
  Value.Type = ExprType::EnumValue;
  if (C.Op != CompareOp::Equal && C.Op != CompareOp::NotEqual) {
    Diags.report(C.OpRange, diag::err_ordering_unordered)
        << Input.getName() << getValueTypeSelect(ExprType::EnumValue);
    return false;
  }
  const Identifier &ValueName = cast<NameRefExpr>(Value).Name;
  // Another input, not a misspelt value: a comparison of two inputs.
  bool IsValue = llvm::any_of(Input.Type.EnumValues, [&](const Identifier &V) {
    return V.Name == ValueName.Name;
  });
  if (!IsValue && llvm::isa_and_nonnull<InputDecl>(find(ValueName.Name))) {
    Diags.report(C.getRange(), diag::err_compare_two_inputs)
        << Subject.Name.Name << ValueName.Name;
    return false;
  }
  return checkEnumValue(ValueName, Input);
}

bool Sema::checkEnumValue(const Identifier &Value, const InputDecl &Input) {
  llvm::SmallVector<llvm::StringRef, 8> Values;
  for (const Identifier &V : Input.Type.EnumValues) {
    if (V.Name == Value.Name)
      return true;
    Values.push_back(V.Name);
  }
  llvm::StringRef Suggestion = findNearMiss(Value.Name, Values);
  DiagnosticBuilder Builder =
      Diags.report(Value.Range, diag::err_unknown_enum_value);
  Builder << Value.Name << Input.getName() << Suggestion
          << static_cast<unsigned>(!Suggestion.empty());
  if (!Suggestion.empty())
    Builder.addFixIt(Value.Range, Suggestion);
  return false;
}

std::optional<Unit> Sema::resolveUnit(std::optional<UnitRef> &U) {
  if (!U)
    return Unit::None;
  if (std::optional<Unit> Resolved = lookupUnit(U->Name.Name)) {
    U->Resolved = *Resolved;
    return Resolved;
  }
  resolveWord(U->Name, WordKind::Unit);
  return std::nullopt;
}

std::optional<double>
Sema::convertForSubject(const Expr &Subject, const NumberLiteral &Number,
                        const std::optional<UnitRef> &Written,
                        SourceRange Range, const IntervalLiteral *Interval) {
  std::optional<UnitRef> WrittenCopy = Written;
  std::optional<Unit> Have = resolveUnit(WrittenCopy);
  if (!Have)
    return std::nullopt;
  const InputDecl *Input = subjectInput(Subject);
  Unit Want = Input ? Input->Type.getUnit() : Unit::None;
  std::string Name = describeSubject(Subject);

  if (*Have == Want)
    return Number.Value;
  if (Want == Unit::None) {
    if (*Have == Unit::Percent && isFraction(Subject)) {
      std::string Fraction = withUnit(Number.Value / 100, Unit::None);
      Diags.report(Range, diag::err_percent_not_fraction)
          << static_cast<unsigned>(Input == nullptr) << Name << Fraction;
      return std::nullopt;
    }
    // Show the number (or interval) as written and without its unit.
    std::string Bare = Number.Spelling;
    if (Interval) {
      IntervalLiteral Unitless = *Interval;
      Unitless.UnitName.reset();
      Bare = formatInterval(Unitless);
    }
    std::string AsWritten =
        Interval ? formatInterval(*Interval) : Bare + " " + Written->Name.Name;
    Diags.report(Written->Name.Range, diag::err_unit_unexpected)
        << Name << Bare << AsWritten;
    return std::nullopt;
  }
  if (*Have == Unit::None) {
    // A percentage written as a fraction (0.75 for 75 percent) is the
    // likely slip; otherwise the number only lacks its unit. Suggest the
    // text that means what the author most likely meant.
    auto Suggest = [&](const NumberLiteral &N) {
      bool Fraction = Want == Unit::Percent && N.Value > 0 && N.Value < 1 &&
                      (!Interval || Interval->High.Value < 1);
      return Fraction ? withUnit(N.Value * 100, Unit::None) : N.Spelling;
    };
    std::string Suggestion;
    if (Interval) {
      IntervalLiteral Fixed = *Interval;
      Fixed.Low.Spelling = Suggest(Interval->Low);
      Fixed.High.Spelling = Suggest(Interval->High);
      Suggestion = formatInterval(Fixed) + " " + getUnitName(Want).str();
    } else {
      Suggestion = Suggest(Number) + " " + getUnitName(Want).str();
    }
    Diags.report(Range, diag::err_unit_missing).addFixIt(Range, Suggestion)
        << Name << getUnitName(Want)
        << (Interval ? formatInterval(*Interval) : Number.Spelling)
        << Suggestion;
    return std::nullopt;
  }
  if (getDimension(*Have) != getDimension(Want)) {
    Diags.report(Written->Name.Range, diag::err_unit_incompatible)
        << Name << getUnitName(Want) << getUnitName(*Have);
    return std::nullopt;
  }
  return convertUnit(Number.Value, *Have, Want);
}

bool Sema::checkInDomain(const Expr &Subject, double Value,
                         llvm::StringRef Spelling, SourceRange Range) {
  if (isa<ProbabilityExpr>(Subject)) {
    if (Value >= 0 && Value <= 1)
      return true;
    Diags.report(Range, diag::err_probability_threshold) << Spelling;
    return false;
  }
  const InputDecl *Input = subjectInput(Subject);
  if (!Input || Input->Invalid || !Input->Type.Domain)
    return true;
  const IntervalLiteral &D = *Input->Type.Domain;
  // Closed hull: `x > 0` is meaningful even when the domain is (0, 100].
  if (Value >= D.Low.Value && Value <= D.High.Value)
    return true;
  IntervalLiteral Shown = D;
  Shown.UnitName = Input->Type.UnitName;
  Diags.report(Range, diag::err_value_outside_domain)
      << Spelling << Input->getName() << formatInterval(Shown);
  return false;
}

bool Sema::checkNumericCompare(Expr &Subject, QuantityExpr &Value) {
  std::optional<double> Converted = convertForSubject(
      Subject, Value.Number, Value.UnitName, Value.getRange(), nullptr);
  if (!Converted)
    return false;
  Value.Converted = *Converted;
  if (Value.UnitName)
    Value.UnitName->Resolved = *lookupUnit(Value.UnitName->Name.Name);
  std::string Spelling = Value.Number.Spelling;
  if (Value.UnitName)
    Spelling += " " + Value.UnitName->Name.Name;
  return checkInDomain(Subject, *Converted, Spelling, Value.getRange());
}

bool Sema::checkInInterval(InIntervalExpr &E) {
  ExprType T = checkSubject(*E.Operand);
  if (T == ExprType::Unknown)
    return false;
  if (T != ExprType::Number && T != ExprType::Probability) {
    Diags.report(E.getRange(), diag::err_invalid_comparison)
        << getValueTypeSelect(T) << getValueTypeSelect(ExprType::Number);
    return false;
  }
  if (isa<QuantityExpr>(*E.Operand)) {
    Diags.report(E.getRange(), diag::err_compare_constants);
    return false;
  }
  IntervalLiteral &I = E.Interval;
  if (!checkIntervalShape(I))
    return false;
  // A fraction written as a percentage: suggest the whole interval, not
  // its first end.
  const Expr &Subject = *E.Operand;
  if (I.UnitName && lookupUnit(I.UnitName->Name.Name) == Unit::Percent &&
      isFraction(Subject)) {
    IntervalLiteral Fraction = I;
    Fraction.UnitName.reset();
    Fraction.Low.Spelling = withUnit(I.Low.Value / 100, Unit::None);
    Fraction.High.Spelling = withUnit(I.High.Value / 100, Unit::None);
    Diags.report(I.Range, diag::err_percent_not_fraction)
        << static_cast<unsigned>(isa<ProbabilityExpr>(Subject))
        << describeSubject(Subject) << formatInterval(Fraction);
    return false;
  }
  std::optional<double> Low =
      convertForSubject(*E.Operand, I.Low, I.UnitName, I.Range, &I);
  if (!Low)
    return false;
  std::optional<double> High =
      convertForSubject(*E.Operand, I.High, I.UnitName, I.Range, &I);
  if (!High)
    return false;
  if (I.UnitName)
    I.UnitName->Resolved = *lookupUnit(I.UnitName->Name.Name);
  E.ConvertedLow = *Low;
  E.ConvertedHigh = *High;
  bool Ok = checkInDomain(*E.Operand, *Low, I.Low.Spelling, I.Low.Range);
  Ok &= checkInDomain(*E.Operand, *High, I.High.Spelling, I.High.Range);
  return Ok;
}

bool Sema::checkInSet(InSetExpr &E) {
  ExprType T = ExprType::Unknown;
  const InputDecl *Input = nullptr;
  if (auto *N = dyn_cast<NameRefExpr>(E.Operand.get())) {
    N->Resolved = resolve(N->Name, RefKind::InputOrExam);
    if (!N->Resolved || N->Resolved->Invalid)
      return false;
    T = typeOfDecl(*N->Resolved);
    Input = llvm::dyn_cast<InputDecl>(N->Resolved);
    N->Type = T;
  } else {
    T = checkSubject(*E.Operand);
    if (T == ExprType::Unknown)
      return false;
  }
  if (T != ExprType::EnumValue) {
    Diags.report(E.getRange(), diag::err_invalid_comparison)
        << getValueTypeSelect(T) << getValueTypeSelect(ExprType::EnumValue);
    return false;
  }
  bool Ok = true;
  for (const Identifier &V : E.Values)
    Ok &= checkEnumValue(V, *Input);
  return Ok;
}
