//===- Guard.cpp - Conditions of the decision graph -----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ir/Guard.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <map>

using namespace pathwayc::ir;

//===----------------------------------------------------------------------===//
// Intervals
//===----------------------------------------------------------------------===//

namespace {
/// True if A's low end starts before B's (a closed end before an open one
/// at the same value).
bool startsBefore(const Interval &A, const Interval &B) {
  if (A.Low != B.Low)
    return A.Low < B.Low;
  return !A.LowOpen && B.LowOpen;
}

/// True if the two intervals overlap or touch so that their union is one
/// interval: [0, 3) and [3, 5] do, [0, 3) and (3, 5] do not.
bool joins(const Interval &A, const Interval &B) {
  if (A.High > B.Low)
    return true;
  return A.High == B.Low && !(A.HighOpen && B.LowOpen);
}
} // namespace

void IntervalSet::add(Interval I) {
  if (I.isEmpty())
    return;
  Pieces.push_back(I);
  llvm::sort(Pieces, startsBefore);
  std::vector<Interval> Merged;
  for (const Interval &P : Pieces) {
    if (!Merged.empty() && joins(Merged.back(), P)) {
      Interval &Last = Merged.back();
      if (P.High > Last.High || (P.High == Last.High && !P.HighOpen)) {
        Last.High = P.High;
        Last.HighOpen = P.HighOpen;
      }
      continue;
    }
    Merged.push_back(P);
  }
  Pieces = std::move(Merged);
}

IntervalSet IntervalSet::intersect(const IntervalSet &Other) const {
  IntervalSet Result;
  for (const Interval &A : Pieces)
    for (const Interval &B : Other.Pieces) {
      Interval I;
      if (A.Low > B.Low || (A.Low == B.Low && A.LowOpen)) {
        I.Low = A.Low;
        I.LowOpen = A.LowOpen;
      } else {
        I.Low = B.Low;
        I.LowOpen = B.LowOpen;
      }
      if (A.High < B.High || (A.High == B.High && A.HighOpen)) {
        I.High = A.High;
        I.HighOpen = A.HighOpen;
      } else {
        I.High = B.High;
        I.HighOpen = B.HighOpen;
      }
      Result.add(I);
    }
  return Result;
}

IntervalSet IntervalSet::complement(const Interval &Domain) const {
  IntervalSet Result;
  Interval Rest = Domain;
  for (const Interval &P : intersect(IntervalSet(Domain)).Pieces) {
    Result.add({Rest.Low, P.Low, Rest.LowOpen, !P.LowOpen});
    Rest.Low = P.High;
    Rest.LowOpen = !P.HighOpen;
  }
  Result.add(Rest);
  return Result;
}

bool IntervalSet::contains(double X) const {
  return llvm::any_of(Pieces, [X](const Interval &I) { return I.contains(X); });
}

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

GuardRef Guard::getTrue() {
  static const GuardRef True = std::make_shared<Guard>(GuardKind::True);
  return True;
}

GuardRef Guard::getFalse() {
  static const GuardRef False = std::make_shared<Guard>(GuardKind::False);
  return False;
}

GuardRef Guard::boolAtom(unsigned Var, VarKind Kind, bool Value) {
  auto G = std::make_shared<Guard>(GuardKind::Atom);
  G->Var = Var;
  G->VK = Kind;
  G->BoolValue = Value;
  return G;
}

GuardRef Guard::numberAtom(unsigned Var, VarKind Kind, IntervalSet Allowed) {
  if (Allowed.isEmpty())
    return getFalse();
  auto G = std::make_shared<Guard>(GuardKind::Atom);
  G->Var = Var;
  G->VK = Kind;
  G->Intervals = std::move(Allowed);
  return G;
}

GuardRef Guard::enumAtom(unsigned Var, std::vector<unsigned> Allowed) {
  llvm::sort(Allowed);
  Allowed.erase(std::unique(Allowed.begin(), Allowed.end()), Allowed.end());
  if (Allowed.empty())
    return getFalse();
  auto G = std::make_shared<Guard>(GuardKind::Atom);
  G->Var = Var;
  G->VK = VarKind::Enum;
  G->EnumValues = std::move(Allowed);
  return G;
}

GuardRef Guard::makeNot(GuardRef G) {
  switch (G->Kind) {
  case GuardKind::True: return getFalse();
  case GuardKind::False: return getTrue();
  case GuardKind::Not: return G->Operands.front();
  default: break;
  }
  auto N = std::make_shared<Guard>(GuardKind::Not);
  N->Operands.push_back(std::move(G));
  return N;
}

std::vector<GuardRef> Guard::foldAtoms(GuardKind Kind,
                                       std::vector<GuardRef> Operands) {
  // Atoms on one number or list variable combine into one atom: `d >= 18
  // and d != 60` is `d in [18, 60) or (60, ...]`. Fewer atoms make smaller
  // partitions and labels a reviewer can read.
  bool IsAnd = Kind == GuardKind::And;
  std::vector<GuardRef> Result;
  std::map<unsigned, size_t> Slot; // variable -> index of its atom in Result
  for (GuardRef &G : Operands) {
    bool Foldable = G->Kind == GuardKind::Atom &&
                    (G->VK == VarKind::Number ||
                     G->VK == VarKind::Probability || G->VK == VarKind::Enum);
    auto It = Foldable ? Slot.find(G->Var) : Slot.end();
    if (It == Slot.end()) {
      if (Foldable)
        Slot[G->Var] = Result.size();
      Result.push_back(std::move(G));
      continue;
    }
    const Guard &Prev = *Result[It->second];
    if (G->VK == VarKind::Enum) {
      std::vector<unsigned> Values;
      for (unsigned V : Prev.EnumValues)
        if (IsAnd == llvm::is_contained(G->EnumValues, V))
          Values.push_back(V);
      if (!IsAnd) {
        Values = Prev.EnumValues;
        llvm::append_range(Values, G->EnumValues);
      }
      Result[It->second] = enumAtom(G->Var, std::move(Values));
      continue;
    }
    IntervalSet Combined = Prev.Intervals;
    if (IsAnd) {
      Combined = Combined.intersect(G->Intervals);
    } else {
      for (const Interval &I : G->Intervals.getPieces())
        Combined.add(I);
    }
    Result[It->second] = numberAtom(G->Var, G->VK, std::move(Combined));
  }
  return Result;
}

GuardRef Guard::makeJunction(GuardKind Kind, llvm::ArrayRef<GuardRef> Gs) {
  // The constant that decides the whole (False for and) and the one that
  // drops out (True for and).
  GuardKind Absorbing =
      Kind == GuardKind::And ? GuardKind::False : GuardKind::True;
  GuardKind Neutral =
      Kind == GuardKind::And ? GuardKind::True : GuardKind::False;
  std::vector<GuardRef> Flat;
  // The same shared operand twice adds nothing. Path contexts are long
  // conjunctions rebuilt at every step, so duplicates are found by hash.
  llvm::DenseSet<const Guard *> Seen;
  for (const GuardRef &G : Gs) {
    if (G->Kind == Absorbing)
      return G;
    if (G->Kind == Neutral)
      continue;
    if (G->Kind != Kind) {
      if (Seen.insert(G.get()).second)
        Flat.push_back(G);
      continue;
    }
    for (const GuardRef &Part : G->Operands)
      if (Seen.insert(Part.get()).second)
        Flat.push_back(Part);
  }
  Flat = foldAtoms(Kind, std::move(Flat));
  for (const GuardRef &G : Flat)
    if (G->Kind == Absorbing)
      return G;
  if (Flat.empty())
    return Neutral == GuardKind::True ? getTrue() : getFalse();
  if (Flat.size() == 1)
    return Flat.front();
  auto J = std::make_shared<Guard>(Kind);
  J->Operands = std::move(Flat);
  return J;
}

GuardRef Guard::makeAnd(llvm::ArrayRef<GuardRef> Gs) {
  return makeJunction(GuardKind::And, Gs);
}

GuardRef Guard::makeOr(llvm::ArrayRef<GuardRef> Gs) {
  return makeJunction(GuardKind::Or, Gs);
}

void Guard::collectVars(llvm::SmallVectorImpl<unsigned> &Vars) const {
  if (Kind == GuardKind::Atom) {
    if (!llvm::is_contained(Vars, Var))
      Vars.push_back(Var);
    return;
  }
  for (const GuardRef &Operand : Operands)
    Operand->collectVars(Vars);
}
