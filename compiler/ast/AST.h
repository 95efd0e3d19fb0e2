//===- AST.h - The pathway abstract syntax tree -----------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The project's own syntax tree, built from the ANTLR parse tree by
/// frontend/AstBuilder and never exposing an ANTLR type. Every node carries
/// the source range it was written at. Semantic analysis fills in the
/// "resolved" fields (what a name refers to, a number's normalised value) and
/// marks nodes Invalid so that later checks skip them instead of cascading.
///
/// Expressions use LLVM-style RTTI (isa/cast/dyn_cast on ExprKind).
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_AST_AST_H
#define PATHWAYC_AST_AST_H

#include "ast/Vocabulary.h"
#include "diag/SourceLocation.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Casting.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pathwayc {

struct Decl;

/// A name as written, with where it was written.
struct Identifier {
  std::string Name;
  SourceRange Range;
};

/// A string literal with escapes already processed.
struct StringLiteral {
  std::string Value;
  SourceRange Range;
};

/// A numeric literal. Spelling keeps the author's digits for messages.
struct NumberLiteral {
  double Value = 0;
  std::string Spelling;
  SourceRange Range;
};

/// A unit written after a number or interval: `months`, `percent`, `%`.
/// Sema resolves Kind; Unit::None means the name was not recognised.
struct UnitRef {
  Identifier Name;
  Unit Resolved = Unit::None;
};

/// `[lo, hi]`, `(lo, hi)` or mixed, with an optional unit after it.
struct IntervalLiteral {
  NumberLiteral Low;
  NumberLiteral High;
  bool LowOpen = false;
  bool HighOpen = false;
  std::optional<UnitRef> UnitName;
  SourceRange Range;
};

/// An evidence figure: a point (`0.88`, `88 percent`) or a range
/// (`0.49..0.86`); the unit applies to both ends.
struct EvidenceValue {
  NumberLiteral Low;
  std::optional<NumberLiteral> High;
  std::optional<UnitRef> UnitName;
  SourceRange Range;

  bool isRange() const { return High.has_value(); }
  /// Set by sema: both ends as fractions in [0, 1] when valid.
  double LowFraction = 0;
  double HighFraction = 0;
};

/// `cite source "quote"`.
struct Citation {
  Identifier Source;
  std::optional<StringLiteral> Quote;
  SourceRange Range;
  /// Set by sema when Source names a declared source.
  const Decl *Resolved = nullptr;
};

/// `note "..."` or `pitfall "..."`.
struct Note {
  enum class NoteKind { Note, Pitfall };
  NoteKind Kind = NoteKind::Note;
  StringLiteral Text;
  std::vector<Citation> Citations;
  SourceRange Range;
};

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

/// What an expression evaluates to, as sema infers it.
enum class ExprType { Unknown, Bool, Number, Probability, EnumValue };

class Expr {
public:
  enum class ExprKind {
    BoolLiteral,
    NameRef,
    Quantity,
    Probability,
    Compare,
    InInterval,
    InSet,
    Not,
    Logical,
  };

  virtual ~Expr() = default;
  ExprKind getKind() const { return Kind; }
  SourceRange getRange() const { return Range; }

  /// Filled in by sema; Unknown after an error in the expression.
  ExprType Type = ExprType::Unknown;

protected:
  Expr(ExprKind Kind, SourceRange Range) : Kind(Kind), Range(Range) {}

private:
  ExprKind Kind;
  SourceRange Range;
};

using ExprPtr = std::unique_ptr<Expr>;

class BoolLiteralExpr : public Expr {
public:
  BoolLiteralExpr(bool Value, SourceRange Range)
      : Expr(ExprKind::BoolLiteral, Range), Value(Value) {}
  bool Value;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::BoolLiteral;
  }
};

/// A bare name: a bool input or an exam finding as a condition, a number or
/// enum input as an operand, or an enum value on the right of `is`.
class NameRefExpr : public Expr {
public:
  explicit NameRefExpr(Identifier Name)
      : Expr(ExprKind::NameRef, Name.Range), Name(std::move(Name)) {}
  Identifier Name;
  /// The input or exam it names (sema); null for an enum value or an error.
  const Decl *Resolved = nullptr;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::NameRef;
  }
};

/// A number with an optional unit.
class QuantityExpr : public Expr {
public:
  QuantityExpr(NumberLiteral Number, std::optional<UnitRef> UnitName,
               SourceRange Range)
      : Expr(ExprKind::Quantity, Range), Number(std::move(Number)),
        UnitName(std::move(UnitName)) {}
  NumberLiteral Number;
  std::optional<UnitRef> UnitName;
  /// The value in the unit of the input it is compared with (sema).
  double Converted = 0;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::Quantity;
  }
};

/// `probability(diagnosis)`.
class ProbabilityExpr : public Expr {
public:
  ProbabilityExpr(Identifier Diagnosis, SourceRange Range)
      : Expr(ExprKind::Probability, Range), Diagnosis(std::move(Diagnosis)) {}
  Identifier Diagnosis;
  const Decl *Resolved = nullptr;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::Probability;
  }
};

enum class CompareOp {
  Less,
  LessEqual,
  Greater,
  GreaterEqual,
  Equal,
  NotEqual
};

llvm::StringRef getSpelling(CompareOp Op);

/// `lhs op rhs`; `is` is spelled Equal and `is not` NotEqual.
class CompareExpr : public Expr {
public:
  CompareExpr(ExprPtr LHS, CompareOp Op, SourceRange OpRange, ExprPtr RHS,
              SourceRange Range)
      : Expr(ExprKind::Compare, Range), LHS(std::move(LHS)), Op(Op),
        OpRange(OpRange), RHS(std::move(RHS)) {}
  ExprPtr LHS;
  CompareOp Op;
  SourceRange OpRange;
  ExprPtr RHS;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::Compare;
  }
};

/// `operand in [lo, hi] unit`.
class InIntervalExpr : public Expr {
public:
  InIntervalExpr(ExprPtr Operand, IntervalLiteral Interval, SourceRange Range)
      : Expr(ExprKind::InInterval, Range), Operand(std::move(Operand)),
        Interval(std::move(Interval)) {}
  ExprPtr Operand;
  IntervalLiteral Interval;
  /// Both ends in the unit of the operand's input (sema).
  double ConvertedLow = 0;
  double ConvertedHigh = 0;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::InInterval;
  }
};

/// `operand in { a, b }` or `operand not in { a, b }`.
class InSetExpr : public Expr {
public:
  InSetExpr(ExprPtr Operand, bool Negated, std::vector<Identifier> Values,
            SourceRange Range)
      : Expr(ExprKind::InSet, Range), Operand(std::move(Operand)),
        Negated(Negated), Values(std::move(Values)) {}
  ExprPtr Operand;
  bool Negated;
  std::vector<Identifier> Values;
  static bool classof(const Expr *E) { return E->getKind() == ExprKind::InSet; }
};

class NotExpr : public Expr {
public:
  NotExpr(ExprPtr Operand, SourceRange Range)
      : Expr(ExprKind::Not, Range), Operand(std::move(Operand)) {}
  ExprPtr Operand;
  static bool classof(const Expr *E) { return E->getKind() == ExprKind::Not; }
};

/// `a and b and c` or `a or b`: n-ary so that long chains stay flat.
class LogicalExpr : public Expr {
public:
  enum class LogicalOp { And, Or };
  LogicalExpr(LogicalOp Op, std::vector<ExprPtr> Operands, SourceRange Range)
      : Expr(ExprKind::Logical, Range), Op(Op), Operands(std::move(Operands)) {}
  LogicalOp Op;
  std::vector<ExprPtr> Operands;
  static bool classof(const Expr *E) {
    return E->getKind() == ExprKind::Logical;
  }
};

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

/// Anything with a name in the pathway's single namespace.
struct Decl {
  enum class DeclKind {
    Source,
    Input,
    RedFlag,
    Diagnosis,
    Exam,
    Procedure,
    Step,
    Outcome,
  };

  Decl(DeclKind Kind, Identifier Name, SourceRange Range)
      : Kind(Kind), Name(std::move(Name)), Range(Range) {}
  virtual ~Decl() = default;

  DeclKind getKind() const { return Kind; }
  llvm::StringRef getName() const { return Name.Name; }

  DeclKind Kind;
  Identifier Name;
  SourceRange Range;
  /// Set when sema found an error in this declaration; later checks skip it.
  bool Invalid = false;
  /// Set by sema when anything refers to the declaration.
  bool Used = false;
};

llvm::StringRef getDeclKindName(Decl::DeclKind Kind);

struct SourceDecl : Decl {
  SourceDecl(Identifier Name, StringLiteral Title, SourceRange Range)
      : Decl(DeclKind::Source, std::move(Name), Range),
        Title(std::move(Title)) {}
  StringLiteral Title;
  std::optional<NumberLiteral> Year;
  std::optional<StringLiteral> Url;
  std::optional<StringLiteral> Author;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Source; }
};

struct InputType {
  enum class TypeKind { Bool, Number, Enum };
  TypeKind Kind = TypeKind::Bool;
  /// Number: the declared domain and unit.
  std::optional<IntervalLiteral> Domain;
  std::optional<UnitRef> UnitName;
  /// Enum: the values, in declaration order.
  std::vector<Identifier> EnumValues;
  SourceRange Range;

  Unit getUnit() const { return UnitName ? UnitName->Resolved : Unit::None; }
};

struct InputDecl : Decl {
  InputDecl(Identifier Name, InputType Type,
            std::optional<StringLiteral> Description, SourceRange Range)
      : Decl(DeclKind::Input, std::move(Name), Range), Type(std::move(Type)),
        Description(std::move(Description)) {}
  InputType Type;
  std::optional<StringLiteral> Description;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Input; }
};

struct RedFlagDecl : Decl {
  RedFlagDecl(Identifier Name, ExprPtr Condition, Identifier Urgency,
              StringLiteral Action, std::vector<Citation> Citations,
              SourceRange Range)
      : Decl(DeclKind::RedFlag, std::move(Name), Range),
        Condition(std::move(Condition)), UrgencyName(std::move(Urgency)),
        Action(std::move(Action)), Citations(std::move(Citations)) {}
  ExprPtr Condition;
  Identifier UrgencyName;
  StringLiteral Action;
  std::vector<Citation> Citations;
  /// Resolved by sema.
  Urgency Level = Urgency::Urgent;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::RedFlag; }
};

/// `include "label": cond` or `exclude "label": cond -> refer "..."`. Criteria
/// are labelled, not named, so they are not Decls.
struct Criterion {
  enum class CriterionKind { Include, Exclude };
  CriterionKind Kind = CriterionKind::Include;
  StringLiteral Label;
  ExprPtr Condition;
  std::optional<StringLiteral> Referral;
  std::vector<Citation> Citations;
  SourceRange Range;
  bool Invalid = false;
};

struct DiagnosisDecl : Decl {
  DiagnosisDecl(Identifier Name, StringLiteral Title, SourceRange Range)
      : Decl(DeclKind::Diagnosis, std::move(Name), Range),
        Title(std::move(Title)) {}
  StringLiteral Title;
  /// At most one of these is set.
  std::optional<EvidenceValue> Pretest;
  std::optional<Identifier> PretestInput;
  std::vector<Citation> Citations;
  /// Resolved by sema from PretestInput.
  const Decl *ResolvedPretestInput = nullptr;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Diagnosis; }
};

struct ExamDecl : Decl {
  ExamDecl(Identifier Name, StringLiteral Title, Identifier Detects,
           EvidenceValue Sensitivity, EvidenceValue Specificity,
           std::vector<Citation> Citations, SourceRange Range)
      : Decl(DeclKind::Exam, std::move(Name), Range), Title(std::move(Title)),
        Detects(std::move(Detects)), Sensitivity(std::move(Sensitivity)),
        Specificity(std::move(Specificity)), Citations(std::move(Citations)) {}
  StringLiteral Title;
  Identifier Detects;
  EvidenceValue Sensitivity;
  EvidenceValue Specificity;
  std::vector<Citation> Citations;
  const Decl *ResolvedDiagnosis = nullptr;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Exam; }
};

struct ProcedureDecl : Decl {
  ProcedureDecl(Identifier Name, StringLiteral Title, Identifier Category,
                SourceRange Range)
      : Decl(DeclKind::Procedure, std::move(Name), Range),
        Title(std::move(Title)), CategoryName(std::move(Category)) {}
  StringLiteral Title;
  Identifier CategoryName;
  std::optional<NumberLiteral> Rating;
  std::optional<Identifier> RadiationName;
  std::vector<Citation> Citations;
  /// Resolved by sema.
  Appropriateness Category = Appropriateness::UsuallyAppropriate;
  RadiationLevel Radiation = RadiationLevel::Unspecified;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Procedure; }
};

/// `order a, b justify "..." cite ...`.
struct OrderItem {
  std::vector<Identifier> Procedures;
  std::optional<StringLiteral> Justification;
  std::vector<Citation> Citations;
  SourceRange Range;
  std::vector<const Decl *> Resolved;
};

/// One arm of a branch: `cond -> target` or `otherwise -> target`.
struct BranchArm {
  ExprPtr Condition; ///< Null for `otherwise`.
  Identifier Target;
  std::vector<Citation> Citations;
  std::vector<Note> Notes;
  SourceRange Range;
  const Decl *ResolvedTarget = nullptr;
  bool isOtherwise() const { return !Condition; }
};

struct Branch {
  std::vector<BranchArm> Arms;
  SourceRange Range;
};

struct StepDecl : Decl {
  StepDecl(Identifier Name, SourceRange Range)
      : Decl(DeclKind::Step, std::move(Name), Range) {}
  bool IsStart = false;
  SourceRange StartRange;
  std::optional<StringLiteral> Title;
  std::vector<OrderItem> Orders;
  /// `assess` lists, flattened in order, each name with its range.
  std::vector<Identifier> Assessed;
  std::vector<const Decl *> ResolvedAssessed;
  std::vector<Branch> Branches;
  std::vector<Identifier> Nexts;
  std::vector<const Decl *> ResolvedNexts;
  std::vector<Note> Notes;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Step; }
};

struct Recommendation {
  StringLiteral Text;
  std::vector<Citation> Citations;
  SourceRange Range;
};

struct OutcomeDecl : Decl {
  OutcomeDecl(Identifier Name, StringLiteral Title, SourceRange Range)
      : Decl(DeclKind::Outcome, std::move(Name), Range),
        Title(std::move(Title)) {}
  StringLiteral Title;
  std::optional<Identifier> UrgencyName;
  std::vector<Recommendation> Recommendations;
  std::vector<Note> Notes;
  Urgency Level = Urgency::Routine;
  static bool classof(const Decl *D) { return D->Kind == DeclKind::Outcome; }
};

/// `title "..."` and its kin; repeated keys are diagnosed by sema.
struct Metadata {
  enum class MetadataKey { Title, Version, Population, Summary };
  MetadataKey Key;
  StringLiteral Value;
  SourceRange Range;
};

llvm::StringRef getMetadataKeyName(Metadata::MetadataKey Key);

/// A whole file: one pathway.
struct Pathway {
  Identifier Name;
  SourceRange Range;
  std::vector<Metadata> Meta;
  std::vector<std::unique_ptr<SourceDecl>> Sources;
  std::vector<std::unique_ptr<InputDecl>> Inputs;
  std::vector<std::unique_ptr<RedFlagDecl>> RedFlags;
  std::vector<Criterion> Criteria;
  std::vector<std::unique_ptr<DiagnosisDecl>> Diagnoses;
  std::vector<std::unique_ptr<ExamDecl>> Exams;
  std::vector<std::unique_ptr<ProcedureDecl>> Procedures;
  std::vector<std::unique_ptr<StepDecl>> Steps;
  std::vector<std::unique_ptr<OutcomeDecl>> Outcomes;
  std::vector<Note> Notes;

  /// The value of a metadata key, or empty if absent.
  llvm::StringRef getMetadata(Metadata::MetadataKey Key) const;
  /// The `start` step, set by sema.
  const StepDecl *Start = nullptr;
  /// Set by the front end when syntax errors left parts of the file out, so
  /// that checks of the whole (a missing start step) stay quiet.
  bool Incomplete = false;
  /// Every name written in text that a syntax error made unusable: it may
  /// have been declared or used there, so sema neither calls a reference to
  /// it unknown nor its declaration unused.
  llvm::StringSet<> NamesInBrokenText;
};

} // namespace pathwayc

#endif // PATHWAYC_AST_AST_H
