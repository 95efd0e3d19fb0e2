//===- GuardSolver.h - Deciding guards over their domains -------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Decides questions about guards exactly, over the declared domains of the
/// variables, without sampling:
///
///  - Partition refinement: the constants that a set of guards compares a
///    variable with cut its domain into cells — single points and the open
///    intervals between them (for `relief > 75` and `relief in [30, 50]`
///    over [0, 100]: [0, 30), 30, (30, 50), 50, (50, 75), 75, (75, 100]).
///    Every guard is constant on every cell, so one value per cell decides
///    it for the whole cell.
///  - Splitting: the solver picks a variable of a guard not yet decided,
///    substitutes each of its cells in turn, simplifies, and recurses, so it
///    explores only the variables that matter to the question — the search
///    of a decision diagram, as DMN analysers do with rule tables.
///
/// Deciding whether arms cover a domain is NP-hard in the number of
/// variables in general (it embeds SAT), so the worst case is exponential;
/// branches over a few inputs each, as guidelines have, split into a number
/// of leaves close to the number of distinct cases. A search that exceeds
/// its step budget says so rather than giving an answer.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_VERIFY_GUARDSOLVER_H
#define PATHWAYC_VERIFY_GUARDSOLVER_H

#include "ir/Module.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <set>
#include <tuple>
#include <optional>
#include <string>
#include <vector>

namespace pathwayc::verify {

/// The cells of one variable's domain.
struct Partition {
  ir::VarKind Kind = ir::VarKind::Bool;
  /// Number and Probability: the cells in increasing order.
  std::vector<ir::Interval> Cells;
  /// Bool and Finding: 2 (false, true); Enum: the number of values.
  unsigned NumValues = 0;

  unsigned size() const {
    return Cells.empty() ? NumValues : static_cast<unsigned>(Cells.size());
  }
};

/// The cells of each variable, as one query cut them.
using PartitionMap = std::map<unsigned, Partition>;

/// A set of cases: for each variable it constrains, the cells allowed (of
/// the partition the query made). A variable not in the map may take any
/// value.
struct Region {
  std::map<unsigned, llvm::BitVector> Cells;
};

/// The value of one variable in a concrete case.
struct CaseValue {
  unsigned Var = 0;
  /// As the language writes it: "62.5 percent", "osteoarthritis", "true".
  std::string Text;
  /// Number and Probability: the value; Enum: the value's index; Bool and
  /// Finding: 1 for true.
  double Number = 0;
};

/// One concrete case: a value for some variables; the others may be
/// anything.
struct Case {
  std::vector<CaseValue> Values;
  const CaseValue *find(unsigned Var) const {
    for (const CaseValue &V : Values)
      if (V.Var == Var)
        return &V;
    return nullptr;
  }
};

/// Evaluates \p G on \p C in three-valued logic: std::nullopt when it
/// depends on a variable the case leaves open.
std::optional<bool> evaluate(const ir::Guard &G, const Case &C);

/// What a branch check found.
struct CoverageResult {
  /// False if no case satisfies the context: nothing reaches the branch,
  /// and the other fields are empty.
  bool Reachable = true;
  /// Regions of reachable cases that no arm takes.
  std::vector<Region> Gaps;
  /// Reachable cases that two or more arms take: (region, the arms).
  std::vector<std::pair<Region, std::vector<unsigned>>> Overlaps;
  /// Arms that no reachable case takes.
  std::vector<unsigned> DeadArms;
  /// For each gap or overlap, a reachable case inside it (same order): the
  /// region's variables first, then values of the others that satisfy the
  /// context (the criteria and the path's earlier decisions).
  std::vector<Case> GapCases;
  std::vector<Case> OverlapCases;
  /// The cells the regions' bits refer to.
  PartitionMap Partitions;
};

class GuardSolver {
public:
  /// The solver stops a search after this many splits and reports it.
  static constexpr uint64_t DefaultStepBudget = 20'000'000;

  explicit GuardSolver(const ir::Module &M,
                       uint64_t StepBudget = DefaultStepBudget)
      : M(M), StepBudget(StepBudget) {}

  /// Is there a case where \p G holds? Returns a witness case if so.
  std::optional<Case> findSatisfying(const ir::GuardRef &G);
  bool isSatisfiable(const ir::GuardRef &G) { return findSatisfying(G).has_value(); }

  /// Checks that exactly one of \p Arms holds in every case where
  /// \p Context holds.
  CoverageResult checkCoverage(const ir::GuardRef &Context,
                               llvm::ArrayRef<ir::GuardRef> Arms);

  /// \p G with the variable \p Var quantified away (there is some value of
  /// it for which G holds). Used where a variable's value changes, as a
  /// probability does when new findings come in.
  ir::GuardRef existsOut(const ir::GuardRef &G, unsigned Var);

  /// True if the last query ran out of its step budget; its answer is then
  /// incomplete and must be reported as such.
  bool exhausted() const { return Exhausted; }

  /// "relief in (50, 75] percent and intra_articular_confirmed is true".
  std::string describe(const Region &R, const PartitionMap &Cells) const;
  /// "relief = 62.5 percent, intra_articular_confirmed = true".
  std::string describe(const Case &C) const;

  /// The cells of \p Var given the constants of \p Guards (exposed for
  /// tests and the benchmark).
  Partition partition(unsigned Var, llvm::ArrayRef<ir::GuardRef> Guards) const;

private:
  using Assignment = std::map<unsigned, unsigned>;         // variable -> cell
  using CellSets = std::map<unsigned, llvm::BitVector>;   // variable -> cells
  /// Cells of one variable that every current guard treats alike: the
  /// search explores them as one (partition refinement on the fly).
  struct CellGroup {
    unsigned Representative;
    llvm::BitVector Cells;
  };

  void buildPartitions(llvm::ArrayRef<ir::GuardRef> Guards);
  /// The partition of \p Var's domain at the constants \p Cuts.
  Partition partitionAt(unsigned Var, std::vector<double> Cuts) const;
  /// The operands of a conjunction, grouped into parts that share no
  /// variable (each part can be solved on its own).
  static std::vector<std::vector<ir::GuardRef>>
  splitIndependent(const ir::Guard &And);
  /// \p G with \p Var's value in cell \p Cell.
  ir::GuardRef substitute(const ir::GuardRef &G, unsigned Var, unsigned Cell,
                          llvm::DenseMap<const ir::Guard *, ir::GuardRef> &Memo);
  /// The one shared guard structurally equal to \p G (hash-consing), so
  /// that equal residual problems are equal pointers and their answers can
  /// be reused. Operands must already be interned.
  ir::GuardRef intern(const ir::GuardRef &G);
  /// Interns \p G and all its sub-guards.
  ir::GuardRef internAll(const ir::GuardRef &G);
  /// The variable to split next: the one most undecided guards read.
  std::optional<unsigned> pickVariable(llvm::ArrayRef<ir::GuardRef> Guards) const;
  /// Does \p G hold for some extension of \p A? On success A holds the
  /// extension; on failure it is as it was.
  bool satisfy(const ir::GuardRef &G, Assignment &A);
  bool atomHolds(const ir::Guard &Atom, unsigned Cell);
  std::vector<CellGroup> groupCells(unsigned Var,
                                    llvm::ArrayRef<ir::GuardRef> Guards);
  /// A leaf of the coverage search: the arm variables' cells, the same
  /// extended to a reachable case, and the arms that hold.
  struct Leaf {
    CellSets Cells;
    Assignment Reachable;
    std::vector<unsigned> Arms;
  };
  void explore(std::vector<ir::GuardRef> Guards, CellSets &A,
               Assignment &Picked, std::vector<Leaf> &Leaves);
  /// The case of \p Reachable with the variables of \p Cells first.
  Case toCase(const CellSets &Cells, const Assignment &Reachable) const;
  bool step();
  Case toCase(const Assignment &A) const;
  std::vector<Region> mergeLeaves(const std::vector<CellSets> &Leaves) const;
  /// A representative value of a cell.
  CaseValue cellValue(unsigned Var, unsigned Cell) const;

  const ir::Module &M;
  /// Values of the context's variables that no arm reads, for witnesses.
  Case ElsewhereCase;
  uint64_t StepBudget;
  uint64_t Steps = 0;
  bool Exhausted = false;
  llvm::DenseMap<unsigned, Partition> Partitions;
  /// Per query (partitions fixed): interned guards, substitutions already
  /// made, and residual problems already found to hold no finding.
  std::map<std::vector<uint64_t>, ir::GuardRef> Interned;
  std::map<std::tuple<const ir::Guard *, unsigned, unsigned>, ir::GuardRef>
      Substituted;
  std::set<std::vector<const ir::Guard *>> CleanProblems;
};

} // namespace pathwayc::verify

#endif // PATHWAYC_VERIFY_GUARDSOLVER_H
