//===- GuardSolver.cpp - Deciding guards over their domains ---------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "verify/GuardSolver.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <functional>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {


/// A value inside an open interval that reads well: the integer nearest the
/// middle if there is one, else the middle.
double niceValueBetween(double Low, double High) {
  double Middle = Low + (High - Low) / 2;
  double Rounded = std::round(Middle);
  if (Rounded > Low && Rounded < High)
    return Rounded;
  double Tenths = std::round(Middle * 10) / 10;
  if (Tenths > Low && Tenths < High)
    return Tenths;
  return Middle;
}


bool isDecided(const GuardRef &G) { return G->isTrue() || G->isFalse(); }

} // namespace

//===----------------------------------------------------------------------===//
// Partitions
//===----------------------------------------------------------------------===//

Partition GuardSolver::partition(unsigned Var,
                                 llvm::ArrayRef<GuardRef> Guards) const {
  std::vector<double> Cuts;
  for (const GuardRef &G : Guards)
    forEachAtom(*G, [&](const Guard &A) {
      if (A.getVar() != Var || A.getVarKind() == VarKind::Bool ||
          A.getVarKind() == VarKind::Finding || A.getVarKind() == VarKind::Enum)
        return;
      for (const Interval &I : A.getIntervals().getPieces())
        Cuts.insert(Cuts.end(), {I.Low, I.High});
    });
  return partitionAt(Var, std::move(Cuts));
}

Partition GuardSolver::partitionAt(unsigned Var,
                                   std::vector<double> Cuts) const {
  const Variable &V = M.Variables[Var];
  Partition P;
  P.Kind = V.Kind;
  switch (V.Kind) {
  case VarKind::Bool:
  case VarKind::Finding:
    P.NumValues = 2;
    return P;
  case VarKind::Enum:
    P.NumValues = V.Values.size();
    return P;
  case VarKind::Number:
  case VarKind::Probability:
    break;
  }
  // The domain's ends and every constant the guards compare the variable
  // with, inside the domain, in order.
  llvm::erase_if(Cuts, [&](double X) {
    return !(X > V.Domain.Low && X < V.Domain.High);
  });
  Cuts.insert(Cuts.end(), {V.Domain.Low, V.Domain.High});
  llvm::sort(Cuts);
  Cuts.erase(std::unique(Cuts.begin(), Cuts.end()), Cuts.end());
  for (size_t I = 0; I != Cuts.size(); ++I) {
    bool Excluded = (I == 0 && V.Domain.LowOpen) ||
                    (I + 1 == Cuts.size() && V.Domain.HighOpen);
    if (!Excluded)
      P.Cells.push_back({Cuts[I], Cuts[I], false, false});
    if (I + 1 != Cuts.size())
      P.Cells.push_back({Cuts[I], Cuts[I + 1], true, true});
  }
  return P;
}

GuardRef GuardSolver::intern(const GuardRef &G) {
  if (G->isTrue() || G->isFalse())
    return G;
  std::vector<uint64_t> Key = {static_cast<uint64_t>(G->getKind())};
  if (G->getKind() == Guard::GuardKind::Atom) {
    Key.insert(Key.end(), {G->getVar(), static_cast<uint64_t>(G->getVarKind()),
                           G->getBoolValue()});
    for (const Interval &I : G->getIntervals().getPieces()) {
      uint64_t Low, High;
      std::memcpy(&Low, &I.Low, sizeof(Low));
      std::memcpy(&High, &I.High, sizeof(High));
      Key.insert(Key.end(), {Low, High, uint64_t(I.LowOpen) << 1 | I.HighOpen});
    }
    Key.insert(Key.end(), G->getEnumValues().begin(), G->getEnumValues().end());
  } else {
    for (const GuardRef &Operand : G->getOperands())
      Key.push_back(reinterpret_cast<uintptr_t>(Operand.get()));
  }
  return Interned.try_emplace(std::move(Key), G).first->second;
}

GuardRef GuardSolver::internAll(const GuardRef &G) {
  if (G->getKind() == Guard::GuardKind::Atom || isDecided(G))
    return intern(G);
  std::vector<GuardRef> Operands;
  bool Changed = false;
  for (const GuardRef &Operand : G->getOperands()) {
    Operands.push_back(internAll(Operand));
    Changed |= Operands.back() != Operand;
  }
  if (!Changed)
    return intern(G);
  switch (G->getKind()) {
  case Guard::GuardKind::Not: return intern(Guard::makeNot(Operands.front()));
  case Guard::GuardKind::And: return intern(Guard::makeAnd(Operands));
  default: return intern(Guard::makeOr(Operands));
  }
}

void GuardSolver::buildPartitions(llvm::ArrayRef<GuardRef> Guards) {
  Interned.clear();
  Substituted.clear();
  CleanProblems.clear();
  // One walk over the guards gathers every variable's constants; a walk
  // per variable would make long path contexts quadratic.
  std::map<unsigned, std::vector<double>> Cuts;
  llvm::DenseSet<const Guard *> Seen;
  std::vector<const Guard *> Work;
  for (const GuardRef &G : Guards)
    Work.push_back(G.get());
  while (!Work.empty()) {
    const Guard *G = Work.back();
    Work.pop_back();
    // Shared sub-guards (contexts reuse their prefixes) are walked once.
    if (!Seen.insert(G).second)
      continue;
    if (G->getKind() != Guard::GuardKind::Atom) {
      for (const GuardRef &Operand : G->getOperands())
        Work.push_back(Operand.get());
      continue;
    }
    std::vector<double> &VarCuts = Cuts[G->getVar()];
    if (G->getVarKind() == VarKind::Number ||
        G->getVarKind() == VarKind::Probability)
      for (const Interval &I : G->getIntervals().getPieces())
        VarCuts.insert(VarCuts.end(), {I.Low, I.High});
  }
  Partitions.clear();
  for (auto &[Var, VarCuts] : Cuts)
    Partitions[Var] = partitionAt(Var, std::move(VarCuts));
}

//===----------------------------------------------------------------------===//
// Substitution and search
//===----------------------------------------------------------------------===//

GuardRef GuardSolver::substitute(const GuardRef &G, unsigned Var,
                                 unsigned Cell,
                                 llvm::DenseMap<const Guard *, GuardRef> &Memo) {
  switch (G->getKind()) {
  case Guard::GuardKind::True:
  case Guard::GuardKind::False:
    return G;
  case Guard::GuardKind::Atom:
    if (G->getVar() != Var)
      return G;
    return atomHolds(*G, Cell) ? Guard::getTrue() : Guard::getFalse();
  default:
    break;
  }
  auto Cached = Memo.find(G.get());
  if (Cached != Memo.end())
    return Cached->second;
  auto Known = Substituted.find({G.get(), Var, Cell});
  if (Known != Substituted.end())
    return Memo[G.get()] = Known->second;
  llvm::SmallVector<GuardRef, 8> Operands;
  bool Changed = false;
  for (const GuardRef &Operand : G->getOperands()) {
    Operands.push_back(substitute(Operand, Var, Cell, Memo));
    Changed |= Operands.back() != Operand;
  }
  GuardRef Result = G;
  if (Changed) {
    if (G->getKind() == Guard::GuardKind::Not)
      Result = Guard::makeNot(Operands.front());
    else if (G->getKind() == Guard::GuardKind::And)
      Result = Guard::makeAnd(Operands);
    else
      Result = Guard::makeOr(Operands);
    Result = intern(Result);
  }
  Memo[G.get()] = Result;
  Substituted[{G.get(), Var, Cell}] = Result;
  return Result;
}

std::optional<unsigned>
GuardSolver::pickVariable(llvm::ArrayRef<GuardRef> Guards) const {
  std::map<unsigned, unsigned> Uses;
  for (const GuardRef &G : Guards) {
    if (isDecided(G))
      continue;
    llvm::SmallVector<unsigned, 8> Vars;
    G->collectVars(Vars);
    for (unsigned V : Vars)
      ++Uses[V];
  }
  std::optional<unsigned> Best;
  unsigned BestUses = 0;
  for (auto [Var, Count] : Uses)
    if (Count > BestUses) {
      Best = Var;
      BestUses = Count;
    }
  return Best;
}

bool GuardSolver::step() {
  if (++Steps <= StepBudget)
    return true;
  Exhausted = true;
  return false;
}

bool GuardSolver::atomHolds(const Guard &Atom, unsigned Cell) {
  switch (Atom.getVarKind()) {
  case VarKind::Bool:
  case VarKind::Finding:
    return (Cell == 1) == Atom.getBoolValue();
  case VarKind::Enum:
    return llvm::is_contained(Atom.getEnumValues(), Cell);
  case VarKind::Number:
  case VarKind::Probability: {
    // Every atom is constant on a cell, so any value of it decides.
    const Interval &C = Partitions[Atom.getVar()].Cells[Cell];
    double Inside = C.isPoint() ? C.Low : C.Low + (C.High - C.Low) / 2;
    return Atom.getIntervals().contains(Inside);
  }
  }
  return false;
}

std::vector<GuardSolver::CellGroup>
GuardSolver::groupCells(unsigned Var, llvm::ArrayRef<GuardRef> Guards) {
  // The atoms on Var that the guards still read.
  std::vector<const Guard *> Atoms;
  for (const GuardRef &G : Guards)
    if (!isDecided(G))
      forEachAtom(*G, [&](const Guard &A) {
        if (A.getVar() == Var && !llvm::is_contained(Atoms, &A))
          Atoms.push_back(&A);
      });
  // Cells on which every atom agrees are one group, in order of first cell.
  unsigned NumCells = Partitions[Var].size();
  std::map<std::vector<bool>, size_t> BySignature;
  std::vector<CellGroup> Groups;
  for (unsigned Cell = 0; Cell != NumCells; ++Cell) {
    std::vector<bool> Signature;
    for (const Guard *A : Atoms)
      Signature.push_back(atomHolds(*A, Cell));
    auto [It, New] = BySignature.try_emplace(Signature, Groups.size());
    if (New)
      Groups.push_back({Cell, llvm::BitVector(NumCells)});
    Groups[It->second].Cells.set(Cell);
  }
  // The representative gives witnesses their values: an interval's inside
  // reads better than its boundary (88 in (75, 100], not 100), then the
  // middle of the group.
  const Partition &P = Partitions[Var];
  for (CellGroup &G : Groups) {
    std::vector<unsigned> Members, Interior;
    for (unsigned Cell : G.Cells.set_bits()) {
      Members.push_back(Cell);
      if (!P.Cells.empty() && !P.Cells[Cell].isPoint())
        Interior.push_back(Cell);
    }
    const std::vector<unsigned> &From = Interior.empty() ? Members : Interior;
    G.Representative = From[From.size() / 2];
  }
  return Groups;
}

std::vector<std::vector<GuardRef>>
GuardSolver::splitIndependent(const Guard &And) {
  // Union-find over the operands, joined through the variables they share.
  llvm::ArrayRef<GuardRef> Operands = And.getOperands();
  std::vector<unsigned> Parent(Operands.size());
  for (unsigned I = 0; I != Parent.size(); ++I)
    Parent[I] = I;
  std::function<unsigned(unsigned)> Root = [&](unsigned I) {
    while (Parent[I] != I)
      I = Parent[I] = Parent[Parent[I]];
    return I;
  };
  llvm::DenseMap<unsigned, unsigned> OwnerOfVar;
  for (unsigned I = 0; I != Operands.size(); ++I) {
    llvm::SmallVector<unsigned, 8> Vars;
    Operands[I]->collectVars(Vars);
    for (unsigned Var : Vars) {
      auto [It, New] = OwnerOfVar.try_emplace(Var, I);
      if (!New)
        Parent[Root(I)] = Root(It->second);
    }
  }
  std::map<unsigned, std::vector<GuardRef>> ByRoot;
  for (unsigned I = 0; I != Operands.size(); ++I)
    ByRoot[Root(I)].push_back(Operands[I]);
  std::vector<std::vector<GuardRef>> Components;
  for (auto &[Root, Parts] : ByRoot)
    Components.push_back(std::move(Parts));
  return Components;
}

bool GuardSolver::satisfy(const GuardRef &G, Assignment &A) {
  if (G->isTrue())
    return true;
  if (G->isFalse() || !step())
    return false;
  // An atom alone: any cell where it holds (an atom never allows nothing).
  if (G->getKind() == Guard::GuardKind::Atom) {
    for (unsigned Cell = 0, E = Partitions[G->getVar()].size(); Cell != E;
         ++Cell)
      if (atomHolds(*G, Cell)) {
        A[G->getVar()] = Cell;
        return true;
      }
    return false;
  }
  // A conjunction of parts over disjoint variables holds when each part
  // does: solve them one at a time instead of searching their product.
  if (G->getKind() == Guard::GuardKind::And) {
    std::vector<std::vector<GuardRef>> Components = splitIndependent(*G);
    if (Components.size() > 1) {
      Assignment Saved = A;
      for (std::vector<GuardRef> &Parts : Components)
        if (!satisfy(Guard::makeAnd(Parts), A)) {
          A = std::move(Saved);
          return false;
        }
      return true;
    }
  }
  unsigned Var = *pickVariable({G});
  for (const CellGroup &Group : groupCells(Var, {G})) {
    llvm::DenseMap<const Guard *, GuardRef> Memo;
    GuardRef Rest = substitute(G, Var, Group.Representative, Memo);
    A[Var] = Group.Representative;
    if (satisfy(Rest, A))
      return true;
    A.erase(Var);
    if (Exhausted)
      break;
  }
  return false;
}

std::optional<Case> GuardSolver::findSatisfying(const GuardRef &G) {
  Steps = 0;
  Exhausted = false;
  buildPartitions({G});
  Assignment A;
  if (!satisfy(G, A))
    return std::nullopt;
  return toCase(A);
}

GuardRef GuardSolver::existsOut(const GuardRef &G, unsigned Var) {
  llvm::SmallVector<unsigned, 8> Vars;
  G->collectVars(Vars);
  if (!llvm::is_contained(Vars, Var))
    return G;
  buildPartitions({G});
  std::vector<GuardRef> Cases;
  for (const CellGroup &Group : groupCells(Var, {G})) {
    llvm::DenseMap<const Guard *, GuardRef> Memo;
    Cases.push_back(substitute(G, Var, Group.Representative, Memo));
  }
  return Guard::makeOr(Cases);
}

void GuardSolver::explore(std::vector<GuardRef> Guards, CellSets &A,
                          Assignment &Picked, std::vector<Leaf> &Leaves) {
  if (!step())
    return;
  const GuardRef &Context = Guards.front();
  if (Context->isFalse())
    return;
  std::vector<unsigned> TrueArms;
  bool Undecided = false;
  for (unsigned I = 1; I != Guards.size(); ++I) {
    if (Guards[I]->isTrue())
      TrueArms.push_back(I - 1);
    else if (!Guards[I]->isFalse())
      Undecided = true;
  }
  // A leaf: every arm decided. (Two arms that hold already make an overlap,
  // but the search goes on so that the finding names every arm that holds
  // with them.) One arm exactly is what the branch promises.
  if (!Undecided) {
    if (TrueArms.size() == 1)
      return;
    // Only a case the pathway can reach is a finding: extend the leaf with
    // values that make the context hold.
    Assignment Reachable = Picked;
    if (!satisfy(Context, Reachable))
      return;
    Leaves.push_back({A, std::move(Reachable), std::move(TrueArms)});
    return;
  }
  // The same residual problem is often met again under other cells of
  // earlier variables (cells that only other arms tell apart): one that
  // held no finding the first time holds none now.
  std::vector<const Guard *> Key;
  for (const GuardRef &G : Guards)
    Key.push_back(G.get());
  if (CleanProblems.count(Key))
    return;
  size_t LeavesBefore = Leaves.size();
  std::vector<GuardRef> Arms(Guards.begin() + 1, Guards.end());
  unsigned Var = *pickVariable(Arms);
  for (const CellGroup &Group : groupCells(Var, Guards)) {
    llvm::DenseMap<const Guard *, GuardRef> Memo;
    std::vector<GuardRef> Next;
    for (const GuardRef &G : Guards)
      Next.push_back(substitute(G, Var, Group.Representative, Memo));
    A[Var] = Group.Cells;
    Picked[Var] = Group.Representative;
    explore(std::move(Next), A, Picked, Leaves);
    if (Exhausted)
      break;
  }
  A.erase(Var);
  Picked.erase(Var);
  if (!Exhausted && Leaves.size() == LeavesBefore)
    CleanProblems.insert(std::move(Key));
}

CoverageResult GuardSolver::checkCoverage(const GuardRef &FullContext,
                                          llvm::ArrayRef<GuardRef> Arms) {
  // Only the parts of the context that share variables with the arms (or
  // with parts that do) can make a case covered or not; the others, such
  // as the conditions on inputs decided many steps earlier, only have to
  // be satisfiable, which one check establishes. Without this split every
  // branch would re-walk its whole path context.
  GuardRef Context = FullContext;
  Assignment Elsewhere;
  if (FullContext->getKind() == Guard::GuardKind::And) {
    llvm::SmallVector<unsigned, 16> Vars;
    for (const GuardRef &A : Arms)
      A->collectVars(Vars);
    std::vector<std::vector<GuardRef>> Parts = splitIndependent(*FullContext);
    std::vector<bool> Relevant(Parts.size(), false);
    for (bool Grew = true; Grew;) {
      Grew = false;
      for (size_t I = 0; I != Parts.size(); ++I) {
        if (Relevant[I])
          continue;
        llvm::SmallVector<unsigned, 8> PartVars;
        for (const GuardRef &G : Parts[I])
          G->collectVars(PartVars);
        if (llvm::none_of(PartVars, [&](unsigned V) {
              return llvm::is_contained(Vars, V);
            }))
          continue;
        Relevant[I] = Grew = true;
        for (unsigned V : PartVars)
          if (!llvm::is_contained(Vars, V))
            Vars.push_back(V);
      }
    }
    std::vector<GuardRef> Near, Far;
    for (size_t I = 0; I != Parts.size(); ++I)
      llvm::append_range(Relevant[I] ? Near : Far, Parts[I]);
    Context = Guard::makeAnd(Near);
    // The far parts give every witness the rest of its patient.
    GuardRef Rest = Guard::makeAnd(Far);
    Steps = 0;
    Exhausted = false;
    buildPartitions({Rest});
    if (!satisfy(Rest, Elsewhere)) {
      CoverageResult Unreachable;
      Unreachable.Reachable = false;
      return Unreachable;
    }
    ElsewhereCase = toCase(Elsewhere);
  } else {
    ElsewhereCase = Case();
  }

  Steps = 0;
  Exhausted = false;
  std::vector<GuardRef> Guards = {Context};
  llvm::append_range(Guards, Arms);
  buildPartitions(Guards);
  for (GuardRef &G : Guards)
    G = internAll(G);
  Context = Guards.front();
  {
    Assignment Probe;
    if (!satisfy(Context, Probe) && !Exhausted) {
      CoverageResult Unreachable;
      Unreachable.Reachable = false;
      return Unreachable;
    }
  }

  std::vector<Leaf> Leaves;
  CellSets A;
  Assignment Picked;
  explore(Guards, A, Picked, Leaves);

  // Leaves with the same arms (none, for a gap) merge into the regions an
  // author reads; each region's witness is a case found in it.
  std::map<std::vector<unsigned>, std::vector<const Leaf *>> ByArms;
  for (const Leaf &L : Leaves)
    ByArms[L.Arms].push_back(&L);
  CoverageResult Result;
  for (const auto &[ArmSet, Group] : ByArms) {
    std::vector<CellSets> Cells;
    for (const Leaf *L : Group)
      Cells.push_back(L->Cells);
    for (const Region &R : mergeLeaves(Cells)) {
      // A case inside an open interval reads better than one on a
      // boundary: 88 in (75, 100], not 100; failing that, the middle case.
      std::vector<const Leaf *> Inside;
      for (const Leaf *L : Group)
        if (llvm::all_of(R.Cells, [&](const auto &Entry) {
              auto It = L->Cells.find(Entry.first);
              if (It == L->Cells.end())
                return false;
              llvm::BitVector Common = It->second;
              Common &= Entry.second;
              return Common == It->second;
            }))
          Inside.push_back(L);
      auto Interior = [&](const Leaf *L) {
        return llvm::all_of(L->Cells, [&](const auto &Entry) {
          const Partition &P = Partitions[Entry.first];
          return P.Cells.empty() ||
                 !P.Cells[L->Reachable.at(Entry.first)].isPoint();
        });
      };
      const Leaf *Chosen =
          Inside.empty() ? Group.front() : Inside[Inside.size() / 2];
      auto FirstInterior = llvm::find_if(Inside, Interior);
      if (FirstInterior != Inside.end() && !Interior(Chosen))
        Chosen = *FirstInterior;
      Case Witness = toCase(Chosen->Cells, Chosen->Reachable);
      llvm::append_range(Witness.Values, ElsewhereCase.Values);
      if (ArmSet.empty()) {
        Result.Gaps.push_back(R);
        Result.GapCases.push_back(std::move(Witness));
      } else {
        Result.Overlaps.emplace_back(R, ArmSet);
        Result.OverlapCases.push_back(std::move(Witness));
      }
    }
  }
  for (const auto &[Var, P] : Partitions)
    Result.Partitions[Var] = P;

  // Dead arms: no reachable case takes them.
  bool OutOfBudget = Exhausted;
  for (unsigned I = 0; I != Arms.size(); ++I) {
    GuardRef Both = Guard::makeAnd(Context, Arms[I]);
    if (!findSatisfying(Both) && !Exhausted)
      Result.DeadArms.push_back(I);
    OutOfBudget |= Exhausted;
  }
  Exhausted = OutOfBudget;
  return Result;
}

//===----------------------------------------------------------------------===//
// Regions and cases
//===----------------------------------------------------------------------===//

std::vector<Region>
GuardSolver::mergeLeaves(const std::vector<CellSets> &Leaves) const {
  std::vector<Region> Regions;
  for (const CellSets &Leaf : Leaves)
    Regions.push_back(Region{Leaf});
  // Two regions that differ in one variable's cells only are one region.
  bool Merged = true;
  while (Merged) {
    Merged = false;
    for (size_t I = 0; I < Regions.size() && !Merged; ++I)
      for (size_t J = I + 1; J < Regions.size() && !Merged; ++J) {
        Region &A = Regions[I];
        const Region &B = Regions[J];
        if (A.Cells.size() != B.Cells.size())
          continue;
        std::optional<unsigned> Differs;
        bool Mergeable = true;
        for (const auto &[Var, Bits] : A.Cells) {
          auto It = B.Cells.find(Var);
          if (It == B.Cells.end()) {
            Mergeable = false;
            break;
          }
          if (It->second == Bits)
            continue;
          if (Differs) {
            Mergeable = false;
            break;
          }
          Differs = Var;
        }
        if (!Mergeable)
          continue;
        if (Differs)
          A.Cells[*Differs] |= B.Cells.at(*Differs);
        Regions.erase(Regions.begin() + J);
        Merged = true;
      }
  }
  // A variable allowed every value constrains nothing.
  for (Region &R : Regions)
    for (auto It = R.Cells.begin(); It != R.Cells.end();)
      It = It->second.all() ? R.Cells.erase(It) : std::next(It);
  return Regions;
}

CaseValue GuardSolver::cellValue(unsigned Var, unsigned Cell) const {
  const Variable &V = M.Variables[Var];
  CaseValue Value;
  Value.Var = Var;
  switch (V.Kind) {
  case VarKind::Bool:
  case VarKind::Finding:
    Value.Text = Cell ? "true" : "false";
    Value.Number = Cell;
    break;
  case VarKind::Enum:
    Value.Text = V.Values[Cell];
    Value.Number = Cell;
    break;
  case VarKind::Number:
  case VarKind::Probability: {
    const Interval &C = Partitions.find(Var)->second.Cells[Cell];
    Value.Number = C.isPoint() ? C.Low : niceValueBetween(C.Low, C.High);
    Value.Text = formatValue(Value.Number, V);
    break;
  }
  }
  return Value;
}

Case GuardSolver::toCase(const Assignment &A) const {
  Case C;
  for (auto [Var, Cell] : A)
    C.Values.push_back(cellValue(Var, Cell));
  return C;
}

Case GuardSolver::toCase(const CellSets &Cells,
                         const Assignment &Reachable) const {
  Case C;
  for (const auto &[Var, Set] : Cells)
    C.Values.push_back(cellValue(Var, Reachable.at(Var)));
  for (auto [Var, Cell] : Reachable)
    if (!Cells.count(Var))
      C.Values.push_back(cellValue(Var, Cell));
  return C;
}

std::string GuardSolver::describe(const Case &C) const {
  std::string Text;
  for (const CaseValue &V : C.Values) {
    if (!Text.empty())
      Text += ", ";
    Text += M.Variables[V.Var].Name + " = " + V.Text;
  }
  return Text.empty() ? "any case" : Text;
}

std::string GuardSolver::describe(const Region &R,
                                  const PartitionMap &Partitions) const {
  std::vector<std::string> Parts;
  for (const auto &[Var, Bits] : R.Cells) {
    const Variable &V = M.Variables[Var];
    switch (V.Kind) {
    case VarKind::Bool:
    case VarKind::Finding:
      Parts.push_back(V.Name + " is " + (Bits.test(1) ? "true" : "false"));
      break;
    case VarKind::Enum: {
      std::vector<std::string> Names;
      for (unsigned I : Bits.set_bits())
        Names.push_back(V.Values[I]);
      Parts.push_back(Names.size() == 1
                          ? V.Name + " is " + Names.front()
                          : V.Name + " in { " + llvm::join(Names, ", ") + " }");
      break;
    }
    case VarKind::Number:
    case VarKind::Probability: {
      // Runs of neighbouring cells are one interval each.
      const std::vector<Interval> &Cells = Partitions.at(Var).Cells;
      std::string Unit = V.DomainUnit == pathwayc::Unit::None
                             ? ""
                             : " " + getUnitName(V.DomainUnit).str();
      // Six significant digits: a gap between 26 weeks and half a year is
      // (5.97947, 6] months, not seventeen digits of conversion noise.
      Variable Unitless = V;
      Unitless.DomainUnit = pathwayc::Unit::None;
      auto Number = [&](double X) { return formatValue(X, Unitless); };
      std::vector<std::string> Runs;
      for (int I = Bits.find_first(); I != -1;) {
        int J = I;
        while (J + 1 < static_cast<int>(Cells.size()) && Bits.test(J + 1))
          ++J;
        const Interval &Lo = Cells[I];
        const Interval &Hi = Cells[J];
        if (I == J && Lo.isPoint())
          Runs.push_back(V.Name + " = " + Number(Lo.Low) + Unit);
        else
          Runs.push_back(fmt::format("{} in {}{}, {}{}{}", V.Name,
                                     Lo.LowOpen ? '(' : '[',
                                     Number(Lo.Low), Number(Hi.High),
                                     Hi.HighOpen ? ')' : ']', Unit));
        I = Bits.find_next(J);
      }
      std::string Joined = llvm::join(Runs, " or ");
      Parts.push_back(Runs.size() > 1 && R.Cells.size() > 1
                          ? "(" + Joined + ")"
                          : Joined);
      break;
    }
    }
  }
  return Parts.empty() ? "every case" : llvm::join(Parts, " and ");
}

std::optional<bool> verify::evaluate(const Guard &G, const Case &C) {
  switch (G.getKind()) {
  case Guard::GuardKind::True: return true;
  case Guard::GuardKind::False: return false;
  case Guard::GuardKind::Atom: {
    const CaseValue *V = C.find(G.getVar());
    if (!V)
      return std::nullopt;
    switch (G.getVarKind()) {
    case VarKind::Bool:
    case VarKind::Finding:
      return (V->Number != 0) == G.getBoolValue();
    case VarKind::Enum:
      return llvm::is_contained(G.getEnumValues(),
                                static_cast<unsigned>(V->Number));
    case VarKind::Number:
    case VarKind::Probability:
      return G.getIntervals().contains(V->Number);
    }
    return std::nullopt;
  }
  case Guard::GuardKind::Not: {
    std::optional<bool> X = evaluate(*G.getOperands().front(), C);
    return X ? std::optional<bool>(!*X) : std::nullopt;
  }
  case Guard::GuardKind::And:
  case Guard::GuardKind::Or: {
    // Kleene: false decides an and, true decides an or.
    bool IsAnd = G.getKind() == Guard::GuardKind::And;
    bool Unknown = false;
    for (const GuardRef &Operand : G.getOperands()) {
      std::optional<bool> X = evaluate(*Operand, C);
      if (!X)
        Unknown = true;
      else if (*X != IsAnd)
        return !IsAnd;
    }
    if (Unknown)
      return std::nullopt;
    return IsAnd;
  }
  }
  return std::nullopt;
}
