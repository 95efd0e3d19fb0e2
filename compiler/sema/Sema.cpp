//===- Sema.cpp - Declarations, names and structure -----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "sema/Sema.h"

#include "sema/SemaInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

using namespace pathwayc;

bool pathwayc::analyzePathway(Pathway &P, DiagnosticsEngine &Diags) {
  unsigned ErrorsBefore = Diags.getNumErrors();
  Sema(P, Diags).run();
  return Diags.getNumErrors() == ErrorsBefore;
}

namespace {
bool kindMatches(Decl::DeclKind Kind, RefKind Ref) {
  using K = Decl::DeclKind;
  switch (Ref) {
  case RefKind::InputOrExam: return Kind == K::Input || Kind == K::Exam;
  case RefKind::Input: return Kind == K::Input;
  case RefKind::Diagnosis: return Kind == K::Diagnosis;
  case RefKind::Procedure: return Kind == K::Procedure;
  case RefKind::Source: return Kind == K::Source;
  case RefKind::Target: return Kind == K::Step || Kind == K::Outcome;
  }
  return false;
}

template <typename T>
void appendDecls(llvm::SmallVectorImpl<Decl *> &Out,
                 std::vector<std::unique_ptr<T>> &Decls) {
  for (auto &D : Decls)
    Out.push_back(D.get());
}
} // namespace

void Sema::run() {
  declareAll();
  checkMetadata();
  for (auto &S : P.Sources)
    checkSource(*S);
  for (auto &I : P.Inputs)
    checkInput(*I);
  // Diagnoses before exams and conditions, so that a diagnosis's pretest is
  // known to be valid when probability() refers to it.
  for (auto &D : P.Diagnoses)
    checkDiagnosis(*D);
  for (auto &E : P.Exams)
    checkExam(*E);
  for (auto &Pr : P.Procedures)
    checkProcedure(*Pr);
  for (auto &R : P.RedFlags)
    checkRedFlag(*R);
  for (Criterion &C : P.Criteria)
    checkCriterion(C);
  for (auto &S : P.Steps)
    checkStep(*S);
  for (auto &O : P.Outcomes)
    checkOutcome(*O);
  resolveNotes(P.Notes);
  checkStartStep();
  reportUnused();
}

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

void Sema::declareAll() {
  llvm::SmallVector<Decl *, 64> All;
  appendDecls(All, P.Sources);
  appendDecls(All, P.Inputs);
  appendDecls(All, P.RedFlags);
  appendDecls(All, P.Diagnoses);
  appendDecls(All, P.Exams);
  appendDecls(All, P.Procedures);
  appendDecls(All, P.Steps);
  appendDecls(All, P.Outcomes);
  // In file order, so that the redefinition is the later one.
  llvm::stable_sort(All, [](const Decl *A, const Decl *B) {
    return A->Name.Range.getBegin() < B->Name.Range.getBegin();
  });
  for (Decl *D : All) {
    auto [It, Inserted] = Scope.try_emplace(D->getName(), D);
    if (Inserted)
      continue;
    Diags.report(D->Name.Range, diag::err_redefinition) << D->getName();
    Diags.report(It->second->Name.Range, diag::note_previous_definition)
        << D->getName();
    D->Invalid = true;
  }
}

Decl *Sema::find(llvm::StringRef Name) const {
  auto It = Scope.find(Name);
  return It == Scope.end() ? nullptr : It->second;
}

const Decl *Sema::resolve(const Identifier &Name, RefKind Kind) {
  if (Decl *D = find(Name.Name)) {
    if (!kindMatches(D->getKind(), Kind)) {
      Diags.report(Name.Range, diag::err_wrong_kind_of_name)
          << Name.Name << static_cast<unsigned>(D->getKind())
          << static_cast<unsigned>(Kind);
      Diags.report(D->Name.Range, diag::note_declared_here) << D->getName();
      return nullptr;
    }
    D->Used = true;
    return D;
  }
  // Text lost to a syntax error may have held the declaration; the syntax
  // error is the one to fix first.
  if (P.NamesInBrokenText.count(Name.Name))
    return nullptr;
  llvm::SmallVector<llvm::StringRef, 32> Candidates;
  for (const auto &Entry : Scope)
    if (kindMatches(Entry.second->getKind(), Kind))
      Candidates.push_back(Entry.first());
  // StringMap iterates in hash order; the near-miss search must not depend
  // on it when two candidates are equally close.
  llvm::sort(Candidates);
  llvm::StringRef Suggestion = findNearMiss(Name.Name, Candidates);
  {
    DiagnosticBuilder Builder =
        Diags.report(Name.Range, diag::err_undefined_name);
    Builder << static_cast<unsigned>(Kind) << Name.Name << Suggestion
            << static_cast<unsigned>(!Suggestion.empty());
    if (!Suggestion.empty())
      Builder.addFixIt(Name.Range, Suggestion);
  }
  if (!Suggestion.empty()) {
    Decl *Meant = find(Suggestion);
    Diags.report(Meant->Name.Range, diag::note_declared_here) << Suggestion;
    // The author meant to use it: do not also call it unused.
    Meant->Used = true;
  }
  return nullptr;
}

void Sema::resolveCitations(std::vector<Citation> &Cites) {
  for (Citation &C : Cites)
    C.Resolved = resolve(C.Source, RefKind::Source);
}

void Sema::resolveNotes(std::vector<Note> &Notes) {
  for (Note &N : Notes)
    resolveCitations(N.Citations);
}

std::optional<llvm::StringRef> Sema::resolveWord(const Identifier &Word,
                                                 WordKind Kind) {
  llvm::ArrayRef<llvm::StringRef> Words;
  bool Known = false;
  switch (Kind) {
  case WordKind::Unit:
    Words = getUnitSpellings();
    Known = lookupUnit(Word.Name).has_value();
    break;
  case WordKind::Urgency:
    Words = getUrgencyNames();
    Known = lookupUrgency(Word.Name).has_value();
    break;
  case WordKind::Category:
    Words = getAppropriatenessNames();
    Known = lookupAppropriateness(Word.Name).has_value();
    break;
  case WordKind::Radiation:
    Words = getRadiationLevelNames();
    Known = lookupRadiationLevel(Word.Name).has_value();
    break;
  }
  if (Known)
    return llvm::StringRef(Word.Name);
  llvm::StringRef Suggestion = findNearMiss(Word.Name, Words);
  std::string List;
  for (llvm::StringRef W : Words)
    List += (List.empty() ? "'" : ", '") + W.str() + "'";
  DiagnosticBuilder Builder = Diags.report(Word.Range, diag::err_unknown_word);
  Builder << static_cast<unsigned>(Kind) << Word.Name
          << (Suggestion.empty() ? llvm::StringRef(List) : Suggestion)
          << static_cast<unsigned>(!Suggestion.empty());
  if (!Suggestion.empty())
    Builder.addFixIt(Word.Range, Suggestion);
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

void Sema::checkMetadata() {
  llvm::StringMap<const Metadata *> Seen;
  for (const Metadata &M : P.Meta) {
    llvm::StringRef Key = getMetadataKeyName(M.Key);
    auto [It, Inserted] = Seen.try_emplace(Key, &M);
    if (Inserted)
      continue;
    Diags.report(M.Range, diag::err_duplicate_metadata) << Key;
    Diags.report(It->second->Range, diag::note_previous_definition) << Key;
  }
  for (auto Key :
       {Metadata::MetadataKey::Title, Metadata::MetadataKey::Version})
    if (!Seen.count(getMetadataKeyName(Key)))
      Diags.report(P.Name.Range, diag::warn_missing_metadata)
          << P.Name.Name << getMetadataKeyName(Key);
}

void Sema::checkSource(SourceDecl &S) {
  // Publication years before the printing press or far in the future are
  // typos, not citations.
  if (S.Year && (S.Year->Value < 1450 || S.Year->Value > 2200 ||
                 S.Year->Value != static_cast<int>(S.Year->Value)))
    Diags.report(S.Year->Range, diag::err_year_out_of_range)
        << S.Year->Spelling;
}

void Sema::checkInput(InputDecl &I) {
  if (I.Invalid)
    return;
  InputType &T = I.Type;
  switch (T.Kind) {
  case InputType::TypeKind::Bool: return;
  case InputType::TypeKind::Number:
    if (!checkIntervalShape(*T.Domain))
      I.Invalid = true;
    if (T.UnitName && !resolveUnit(T.UnitName))
      I.Invalid = true;
    return;
  case InputType::TypeKind::Enum: {
    llvm::StringMap<const Identifier *> Values;
    for (const Identifier &V : T.EnumValues) {
      auto [It, Inserted] = Values.try_emplace(V.Name, &V);
      if (Inserted)
        continue;
      Diags.report(V.Range, diag::err_duplicate_enum_value) << V.Name;
      Diags.report(It->second->Range, diag::note_previous_definition) << V.Name;
      I.Invalid = true;
    }
    return;
  }
  }
}

void Sema::checkRedFlag(RedFlagDecl &R) {
  resolveCitations(R.Citations);
  if (R.Invalid)
    return;
  if (!checkCondition(*R.Condition))
    R.Invalid = true;
  if (std::optional<llvm::StringRef> Word =
          resolveWord(R.UrgencyName, WordKind::Urgency)) {
    Urgency Level = *lookupUrgency(*Word);
    if (Level == Urgency::Urgent || Level == Urgency::Emergency) {
      R.Level = Level;
      return;
    }
    Diags.report(R.UrgencyName.Range, diag::err_red_flag_urgency) << *Word;
  }
  R.Invalid = true;
}

void Sema::checkCriterion(Criterion &C) {
  resolveCitations(C.Citations);
  if (!checkCondition(*C.Condition))
    C.Invalid = true;
}

void Sema::checkStep(StepDecl &S) {
  for (OrderItem &O : S.Orders) {
    for (const Identifier &Proc : O.Procedures)
      O.Resolved.push_back(resolve(Proc, RefKind::Procedure));
    resolveCitations(O.Citations);
  }
  for (const Identifier &Name : S.Assessed)
    S.ResolvedAssessed.push_back(resolve(Name, RefKind::InputOrExam));
  for (Branch &B : S.Branches)
    checkBranch(S, B);
  for (const Identifier &Next : S.Nexts)
    S.ResolvedNexts.push_back(resolve(Next, RefKind::Target));
  resolveNotes(S.Notes);
  if (S.Invalid)
    return;

  // Where a step leads: exactly one branch or one next.
  enum { NoExit, BranchAndNext, TwoBranches, TwoNexts };
  std::optional<unsigned> Problem;
  if (S.Branches.empty() && S.Nexts.empty())
    Problem = NoExit;
  else if (!S.Branches.empty() && !S.Nexts.empty())
    Problem = BranchAndNext;
  else if (S.Branches.size() > 1)
    Problem = TwoBranches;
  else if (S.Nexts.size() > 1)
    Problem = TwoNexts;
  if (Problem) {
    Diags.report(S.Name.Range, diag::err_step_exits) << S.getName() << *Problem;
    S.Invalid = true;
  }
}

void Sema::checkBranch(StepDecl &S, Branch &B) {
  if (B.Arms.empty()) {
    // Arms lost to a syntax error were reported there.
    if (S.Invalid)
      return;
    Diags.report(B.Range, diag::err_empty_branch);
    S.Invalid = true;
    return;
  }
  const BranchArm *FirstOtherwise = nullptr;
  for (BranchArm &Arm : B.Arms) {
    if (Arm.isOtherwise()) {
      if (FirstOtherwise) {
        Diags.report(Arm.Range, diag::err_multiple_otherwise);
        Diags.report(FirstOtherwise->Range, diag::note_previous_otherwise);
        S.Invalid = true;
      } else {
        FirstOtherwise = &Arm;
      }
    } else if (!checkCondition(*Arm.Condition)) {
      S.Invalid = true;
    }
    Arm.ResolvedTarget = resolve(Arm.Target, RefKind::Target);
    resolveCitations(Arm.Citations);
    resolveNotes(Arm.Notes);
  }
}

void Sema::checkOutcome(OutcomeDecl &O) {
  if (O.UrgencyName) {
    if (std::optional<llvm::StringRef> Word =
            resolveWord(*O.UrgencyName, WordKind::Urgency))
      O.Level = *lookupUrgency(*Word);
    else
      O.Invalid = true;
  }
  for (Recommendation &R : O.Recommendations)
    resolveCitations(R.Citations);
  resolveNotes(O.Notes);
}

void Sema::checkStartStep() {
  const StepDecl *Start = nullptr;
  for (const auto &S : P.Steps) {
    if (!S->IsStart)
      continue;
    if (!Start) {
      Start = S.get();
      continue;
    }
    Diags.report(S->StartRange, diag::err_multiple_start_steps);
    Diags.report(Start->StartRange, diag::note_previous_start)
        << Start->getName();
  }
  // A pathway that failed to parse may have lost its start step with the
  // rest of the text; saying so again would only repeat the syntax error.
  if (!Start && !P.Incomplete)
    Diags.report(P.Name.Range, diag::err_no_start_step) << P.Name.Name;
  P.Start = Start;
}

void Sema::reportUnused() {
  llvm::SmallVector<Decl *, 64> Candidates;
  appendDecls(Candidates, P.Sources);
  appendDecls(Candidates, P.Inputs);
  appendDecls(Candidates, P.Exams);
  appendDecls(Candidates, P.Procedures);
  // A procedure rated usually not appropriate is declared to record that
  // rating for reviewers; never ordering it is the point.
  llvm::erase_if(Candidates, [](const Decl *D) {
    const auto *Pr = llvm::dyn_cast<ProcedureDecl>(D);
    return Pr && Pr->Category == Appropriateness::UsuallyNotAppropriate;
  });
  // A use may have been in text lost to a syntax error.
  for (Decl *D : Candidates)
    if (!D->Used && !D->Invalid && !P.NamesInBrokenText.count(D->getName()))
      Diags.report(D->Name.Range, diag::warn_unused_declaration)
          << static_cast<unsigned>(D->getKind()) << D->getName();
}
