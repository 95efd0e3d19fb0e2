//===- AssessmentPass.cpp - Findings are read only once assessed ----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// A decision may read an exam's finding only if every path to it assessed
// the exam: otherwise the pathway decides on a finding it never asked for,
// even when a case file happens to carry one. (probability() needs no such
// rule: by definition it uses the findings assessed so far on the path.)
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

#include "llvm/ADT/SmallVector.h"

#include <set>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

class AssessmentPass : public VerificationPass {
public:
  AssessmentPass()
      : VerificationPass("assessment",
                         "every exam finding a decision reads was assessed on "
                         "every path to it") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
    auto &Assessed = Ctx.getAnalysis<AssessmentAnalysis>();
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      if (!Reach.isReachable(N))
        continue;
      const Node &Nd = M.Nodes[N];
      // What the node decides on: its own condition (criteria, which run
      // before any step and so can never read a finding) or its edges'
      // guards (branches).
      if (Nd.Condition) {
        checkCriterion(Ctx, Nd);
        continue;
      }
      if (Nd.Kind == NodeKind::Branch)
        for (unsigned E : Nd.OutEdges)
          if (!M.Edges[E].IsOtherwise)
            checkReads(Ctx, Assessed, N, M.Edges[E].Condition,
                       M.Edges[E].Range);
    }
  }

private:
  static void checkCriterion(PassContext &Ctx, const Node &Nd) {
    const Module &M = Ctx.getModule();
    llvm::SmallVector<unsigned, 8> Vars;
    Nd.Condition->collectVars(Vars);
    unsigned Kind = Nd.Kind == NodeKind::RedFlagScreen ? 0
                    : Nd.Kind == NodeKind::Exclusion   ? 1
                                                       : 2;
    for (unsigned Var : Vars)
      if (M.Variables[Var].Kind == VarKind::Finding)
        Ctx.getDiags().report(Nd.Range, diag::err_finding_in_criterion)
            << Kind << Nd.Name << M.Variables[Var].Name;
  }

  void checkReads(PassContext &Ctx, const AssessmentAnalysis &Assessed,
                  unsigned N, const GuardRef &G, SourceRange Range) {
    const Module &M = Ctx.getModule();
    llvm::SmallVector<unsigned, 8> Vars;
    G->collectVars(Vars);
    for (unsigned Var : Vars) {
      if (M.Variables[Var].Kind != VarKind::Finding ||
          Assessed.getMust(N).test(Var))
        continue;
      // Reported once per node and exam, at the first guard reading it.
      if (!Reported.insert({N, Var}).second)
        continue;
      std::vector<unsigned> Path = Assessed.pathWithout(N, Var);
      CaseWitness W;
      W.Vignette = "the path " + describePath(M, Path) + " never assesses '" +
                   M.Variables[Var].Name + "'";
      W.Path = nodeIds(M, Path);
      Ctx.getDiags().report(Range, diag::err_finding_not_assessed)
              .setWitness(std::move(W))
          << M.Nodes[N].Name << M.Variables[Var].Name;
    }
  }

  std::set<std::pair<unsigned, unsigned>> Reported;
};

} // namespace

std::unique_ptr<Pass> verify::createAssessmentPass() {
  return std::make_unique<AssessmentPass>();
}
