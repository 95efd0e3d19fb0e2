//===- SemaEvidence.cpp - Evidence figures and procedures -----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "sema/SemaInternal.h"

#include <cmath>

using namespace pathwayc;

bool Sema::checkIntervalShape(const IntervalLiteral &I) {
  if (I.Low.Value > I.High.Value) {
    Diags.report(I.Range, diag::err_range_reversed)
        << I.Low.Spelling << I.High.Spelling;
    return false;
  }
  if (I.Low.Value == I.High.Value && (I.LowOpen || I.HighOpen)) {
    Diags.report(I.Range, diag::err_interval_empty) << formatInterval(I);
    return false;
  }
  return true;
}

bool Sema::checkEvidence(EvidenceValue &V, EvidenceKind Kind) {
  std::optional<Unit> U = resolveUnit(V.UnitName);
  if (!U)
    return false;
  if (*U != Unit::None && *U != Unit::Percent) {
    Diags.report(V.UnitName->Name.Range, diag::err_evidence_unit)
        << static_cast<unsigned>(Kind) << V.UnitName->Name.Name;
    return false;
  }
  bool Percent = *U == Unit::Percent;
  double Scale = Percent ? 100 : 1;
  bool Ok = true;
  auto CheckEnd = [&](const NumberLiteral &N) {
    if (N.Value >= 0 && N.Value <= Scale)
      return;
    // 72.7 without a unit is most likely 72.7 percent.
    bool LooksLikePercent =
        !Percent && !V.High && N.Value > 1 && N.Value <= 100;
    DiagnosticBuilder Builder =
        Diags.report(N.Range, diag::err_evidence_out_of_range);
    Builder << static_cast<unsigned>(Kind) << N.Spelling
            << static_cast<unsigned>(Percent)
            << static_cast<unsigned>(LooksLikePercent);
    if (LooksLikePercent)
      Builder.addFixIt(N.Range, N.Spelling + " percent");
    Ok = false;
  };
  CheckEnd(V.Low);
  if (V.High) {
    CheckEnd(*V.High);
    if (Ok && V.Low.Value > V.High->Value) {
      Diags.report(V.Range, diag::err_range_reversed)
          << V.Low.Spelling << V.High->Spelling;
      Ok = false;
    }
  }
  V.LowFraction = V.Low.Value / Scale;
  V.HighFraction = (V.High ? V.High->Value : V.Low.Value) / Scale;
  return Ok;
}

void Sema::checkDiagnosis(DiagnosisDecl &D) {
  resolveCitations(D.Citations);
  if (D.Invalid)
    return;
  if (D.Pretest && !checkEvidence(*D.Pretest, EvidenceKind::Pretest))
    D.Invalid = true;
  if (!D.PretestInput)
    return;
  D.ResolvedPretestInput = resolve(*D.PretestInput, RefKind::Input);
  const auto *Input = llvm::dyn_cast_or_null<InputDecl>(D.ResolvedPretestInput);
  if (!Input) {
    D.Invalid = true;
    return;
  }
  if (Input->Invalid)
    return;
  // The clinician's estimate must be a probability: a number whose whole
  // domain lies in [0, 1], or in [0, 100] percent.
  const InputType &T = Input->Type;
  bool Fits = false;
  if (T.Kind == InputType::TypeKind::Number && T.Domain) {
    Unit U = T.getUnit();
    double Max = U == Unit::Percent ? 100 : 1;
    Fits = (U == Unit::None || U == Unit::Percent) &&
           T.Domain->Low.Value >= 0 && T.Domain->High.Value <= Max;
  }
  if (!Fits) {
    Diags.report(D.PretestInput->Range, diag::err_pretest_input_type)
        << Input->getName();
    Diags.report(Input->Name.Range, diag::note_declared_here)
        << Input->getName();
    D.Invalid = true;
  }
}

void Sema::checkExam(ExamDecl &E) {
  resolveCitations(E.Citations);
  if (E.Invalid)
    return;
  E.ResolvedDiagnosis = resolve(E.Detects, RefKind::Diagnosis);
  bool Ok = E.ResolvedDiagnosis != nullptr;
  Ok &= checkEvidence(E.Sensitivity, EvidenceKind::Sensitivity);
  Ok &= checkEvidence(E.Specificity, EvidenceKind::Specificity);
  E.Invalid = !Ok;
}

void Sema::checkProcedure(ProcedureDecl &Pr) {
  resolveCitations(Pr.Citations);
  if (Pr.Invalid)
    return;
  std::optional<llvm::StringRef> Category =
      resolveWord(Pr.CategoryName, WordKind::Category);
  if (Category)
    Pr.Category = *lookupAppropriateness(*Category);
  else
    Pr.Invalid = true;
  if (Pr.RadiationName) {
    if (std::optional<llvm::StringRef> Level =
            resolveWord(*Pr.RadiationName, WordKind::Radiation))
      Pr.Radiation = *lookupRadiationLevel(*Level);
    else
      Pr.Invalid = true;
  }
  if (!Pr.Rating)
    return;
  double Rating = Pr.Rating->Value;
  if (Rating < 1 || Rating > 9 || Rating != std::floor(Rating)) {
    Diags.report(Pr.Rating->Range, diag::err_rating_out_of_range)
        << Pr.Rating->Spelling;
    Pr.Invalid = true;
    return;
  }
  if (!Category)
    return;
  auto [Low, High] = getRatingRange(Pr.Category);
  if (Rating < Low || Rating > High) {
    Diags.report(Pr.Rating->Range, diag::err_rating_contradicts_category)
        << Pr.Rating->Spelling << *Category << Low << High;
    Pr.Invalid = true;
  }
}
