//===- SemaInternal.h - The semantic analyser's shared state ----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Private to compiler/sema. Declarations and names (Sema.cpp), conditions and
/// units (SemaExpr.cpp) and evidence values (SemaEvidence.cpp) share one Sema
/// object.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_SEMA_SEMAINTERNAL_H
#define PATHWAYC_SEMA_SEMAINTERNAL_H

#include "ast/AST.h"
#include "diag/Diagnostic.h"

#include "llvm/ADT/StringMap.h"

#include <optional>
#include <string>

namespace pathwayc {

/// What a reference expects to find; the order matches the `reference kind`
/// %select in DiagnosticsSema.def.
enum class RefKind { InputOrExam, Input, Diagnosis, Procedure, Source, Target };

/// The `vocabulary` %select in DiagnosticsSema.def.
enum class WordKind { Unit, Urgency, Category, Radiation };

/// The `evidence figure` %select in DiagnosticsSema.def.
enum class EvidenceKind { Sensitivity, Specificity, Pretest };

/// The index of \p T in the `value type` %select of DiagnosticsSema.def.
unsigned getValueTypeSelect(ExprType T);

/// "[0, 100] percent", for messages.
std::string formatInterval(const IntervalLiteral &I);

class Sema {
public:
  Sema(Pathway &P, DiagnosticsEngine &Diags) : P(P), Diags(Diags) {}

  /// Runs every check; the pathway's errors are in the engine afterwards.
  void run();

private:
  //===--- Sema.cpp: declarations, names and structure -------------------===//
  void declareAll();
  void checkMetadata();
  /// Finds \p Name as a declaration of kind \p Kind, reporting an unknown
  /// name (with a near miss) or the wrong kind of declaration. Marks the
  /// declaration used.
  const Decl *resolve(const Identifier &Name, RefKind Kind);
  /// Finds \p Name without reporting anything.
  Decl *find(llvm::StringRef Name) const;
  void resolveCitations(std::vector<Citation> &Cites);
  void resolveNotes(std::vector<Note> &Notes);
  /// Resolves a word of a closed vocabulary; reports and returns nullopt for
  /// an unknown one.
  std::optional<llvm::StringRef> resolveWord(const Identifier &Word,
                                             WordKind Kind);
  void checkSource(SourceDecl &S);
  void checkInput(InputDecl &I);
  void checkRedFlag(RedFlagDecl &R);
  void checkCriterion(Criterion &C);
  void checkStep(StepDecl &S);
  void checkBranch(StepDecl &S, Branch &B);
  void checkOutcome(OutcomeDecl &O);
  void checkStartStep();
  void reportUnused();

  //===--- SemaExpr.cpp: conditions, types and units ---------------------===//
  /// Checks \p E as a condition; returns false after reporting an error.
  bool checkCondition(Expr &E);
  bool checkNameCondition(NameRefExpr &N);
  bool checkCompare(CompareExpr &C);
  bool checkEnumCompare(CompareExpr &C, NameRefExpr &Subject,
                        const InputDecl &Input, Expr &Value);
  bool checkNumericCompare(Expr &Subject, QuantityExpr &Value);
  bool checkInInterval(InIntervalExpr &E);
  bool checkInSet(InSetExpr &E);
  /// The type of an operand of a comparison or membership test, resolving
  /// the names and diagnosis it mentions; Unknown after an error.
  ExprType checkSubject(Expr &E);
  bool checkEnumValue(const Identifier &Value, const InputDecl &Input);
  /// Checks that a number written with \p Written can be compared with the
  /// subject (an input with unit \p SubjectUnit, or a probability) and
  /// returns it converted to the subject's unit.
  /// \p Interval is the interval the number is an end of, if any, so that
  /// messages show the interval whole.
  std::optional<double> convertForSubject(const Expr &Subject,
                                          const NumberLiteral &Number,
                                          const std::optional<UnitRef> &Written,
                                          SourceRange Range,
                                          const IntervalLiteral *Interval);
  /// Checks that \p Value (in the subject's unit) is in the subject's domain.
  bool checkInDomain(const Expr &Subject, double Value,
                     llvm::StringRef Spelling, SourceRange Range);
  /// Resolves the unit word of \p U (also storing it); nullopt if unknown.
  std::optional<Unit> resolveUnit(std::optional<UnitRef> &U);

  //===--- SemaEvidence.cpp: evidence and procedures ---------------------===//
  void checkDiagnosis(DiagnosisDecl &D);
  void checkExam(ExamDecl &E);
  void checkProcedure(ProcedureDecl &Pr);
  /// Checks a probability-like figure and stores it as fractions.
  bool checkEvidence(EvidenceValue &V, EvidenceKind Kind);
  /// Checks `lo <= hi` of a range, and that an interval is not empty.
  bool checkIntervalShape(const IntervalLiteral &I);

  Pathway &P;
  DiagnosticsEngine &Diags;
  llvm::StringMap<Decl *> Scope;
};

} // namespace pathwayc

#endif // PATHWAYC_SEMA_SEMAINTERNAL_H
