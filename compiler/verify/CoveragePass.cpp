//===- CoveragePass.cpp - Every branch decides exactly one way ------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// For every branch: in every case that can reach it (its path context), one
// arm and only one holds. A case no arm takes is a gap, two arms that hold
// together overlap, and an arm that no reachable case takes is dead. Each
// is reported with the region of cases, written as the author would write
// it, and a concrete patient inside it.
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

/// The values of the variables that \p Arms read, in the case's order: the
/// part of a witness that explains a branch finding.
Case relevantPart(const Case &C, llvm::ArrayRef<GuardRef> Arms) {
  llvm::SmallVector<unsigned, 8> Vars;
  for (const GuardRef &A : Arms)
    A->collectVars(Vars);
  Case Part;
  for (const CaseValue &V : C.Values)
    if (llvm::is_contained(Vars, V.Var))
      Part.Values.push_back(V);
  return Part;
}

class CoveragePass : public VerificationPass {
public:
  CoveragePass()
      : VerificationPass("coverage",
                         "every branch takes exactly one arm in every case "
                         "that reaches it: no gaps, no overlaps, no dead "
                         "arms") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
    auto &Contexts = Ctx.getAnalysis<PathContextAnalysis>();
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      const Node &Nd = M.Nodes[N];
      if (Nd.Kind != NodeKind::Branch || !Reach.isReachable(N) ||
          llvm::StringRef(Nd.Id).endswith(".next"))
        continue;
      checkBranch(Ctx, N, Contexts.getContext(N));
    }
  }

private:
  void checkBranch(PassContext &Ctx, unsigned N, const GuardRef &Context) {
    const Module &M = Ctx.getModule();
    DiagnosticsEngine &Diags = Ctx.getDiags();
    const Node &Nd = M.Nodes[N];
    std::vector<GuardRef> Arms;
    for (unsigned E : Nd.OutEdges)
      Arms.push_back(M.Edges[E].Condition);

    GuardSolver Solver(M);
    CoverageResult R = Solver.checkCoverage(Context, Arms);
    // A branch that no case reaches (the pathway never applies, or an
    // earlier arm leading here is dead) has nothing to cover; the finding
    // that explains it is reported where it is.
    if (!R.Reachable && !Solver.exhausted())
      return;
    if (Solver.exhausted()) {
      Diags.report(Nd.Range, diag::err_analysis_budget)
          << Nd.Name << static_cast<uint64_t>(GuardSolver::DefaultStepBudget);
      return;
    }

    for (size_t I = 0; I != R.Gaps.size(); ++I) {
      const Case &C = R.GapCases[I];
      std::string Vignette =
          Solver.describe(relevantPart(C, Arms)) + " reaches no arm";
      Diags.report(Nd.Range, diag::err_branch_gap)
              .setWitness(makeWitness(M, C, findCasePath(M, N, C), Vignette))
          << Nd.Name << Solver.describe(R.Gaps[I], R.Partitions);
    }

    for (size_t I = 0; I != R.Overlaps.size(); ++I) {
      const auto &[Region, ArmSet] = R.Overlaps[I];
      const Case &C = R.OverlapCases[I];
      std::vector<std::string> Labels;
      for (unsigned A : ArmSet)
        Labels.push_back("'" + M.Edges[Nd.OutEdges[A]].Label + "'");
      std::string Last = Labels.back();
      Labels.pop_back();
      std::string Vignette = Solver.describe(relevantPart(C, Arms)) +
                             " takes " + llvm::join(Labels, ", ") + " and " +
                             Last;
      Diags.report(Nd.Range, diag::err_branch_overlap)
              .setWitness(makeWitness(M, C, findCasePath(M, N, C), Vignette))
          << static_cast<uint64_t>(ArmSet.size()) << Nd.Name
          << Solver.describe(Region, R.Partitions);
      for (unsigned A : ArmSet) {
        const Edge &E = M.Edges[Nd.OutEdges[A]];
        Diags.report(E.Range, diag::note_arm_holds) << E.Label;
      }
    }

    for (unsigned A : R.DeadArms) {
      const Edge &E = M.Edges[Nd.OutEdges[A]];
      Diags.report(E.Range, diag::warn_dead_arm) << E.Label << Nd.Name;
    }
  }
};

} // namespace

std::unique_ptr<Pass> verify::createCoveragePass() {
  return std::make_unique<CoveragePass>();
}
