//===- CriteriaPass.cpp - The pathway can apply to someone ----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Some case must pass every red flag, exclusion and inclusion together, or
// the pathway never applies; when none can, the smallest set of criteria
// that conflict is shown. Each criterion on its own must also be able to go
// both ways: one that is always true or always false either stops every
// case or never matters.
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

/// The `red flag|exclusion|inclusion` %select of DiagnosticsVerify.def.
std::optional<unsigned> criterionSelect(NodeKind Kind) {
  switch (Kind) {
  case NodeKind::RedFlagScreen: return 0;
  case NodeKind::Exclusion: return 1;
  case NodeKind::Inclusion: return 2;
  default: return std::nullopt;
  }
}

class CriteriaPass : public VerificationPass {
public:
  CriteriaPass()
      : VerificationPass("criteria",
                         "some case passes every red flag, exclusion and "
                         "inclusion; no criterion is always true or always "
                         "false") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    DiagnosticsEngine &Diags = Ctx.getDiags();
    GuardSolver Solver(M);

    // The condition each criterion puts on a case that goes on past it.
    std::vector<std::pair<unsigned, GuardRef>> PassConditions;
    bool Decisive = false;
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      const Node &Nd = M.Nodes[N];
      std::optional<unsigned> Kind = criterionSelect(Nd.Kind);
      if (!Kind)
        continue;
      bool CanHold = Solver.isSatisfiable(Nd.Condition);
      bool Exhausted = Solver.exhausted();
      bool CanFail = Solver.isSatisfiable(Guard::makeNot(Nd.Condition));
      if (Exhausted || Solver.exhausted()) {
        reportBudget(Ctx);
        return;
      }
      if (CanHold && CanFail) {
        PassConditions.emplace_back(N, passCondition(Nd));
        continue;
      }
      // Always true for a red flag or an exclusion stops every case, as
      // does an inclusion that is always false.
      bool AlwaysTrue = !CanFail;
      bool StopsEveryone = (Nd.Kind == NodeKind::Inclusion) != AlwaysTrue;
      Diags.report(Nd.Range, StopsEveryone ? diag::err_criterion_constant
                                           : diag::warn_criterion_constant)
          << *Kind << Nd.Name << static_cast<unsigned>(AlwaysTrue);
      Decisive |= StopsEveryone;
      PassConditions.emplace_back(N, passCondition(Nd));
    }
    // A criterion that stops everyone explains itself; the conflict below
    // would say the same again.
    if (Decisive)
      return;

    std::vector<GuardRef> All;
    for (const auto &[N, G] : PassConditions)
      All.push_back(G);
    bool Applies = Solver.isSatisfiable(Guard::makeAnd(All));
    if (Solver.exhausted()) {
      reportBudget(Ctx);
      return;
    }
    if (Applies)
      return;

    // Greedy deletion finds a minimal conflicting set: drop each criterion
    // whose absence keeps the rest contradictory.
    std::vector<std::pair<unsigned, GuardRef>> Core = PassConditions;
    for (size_t I = 0; I < Core.size();) {
      std::vector<GuardRef> Rest;
      for (size_t J = 0; J != Core.size(); ++J)
        if (J != I)
          Rest.push_back(Core[J].second);
      if (!Solver.isSatisfiable(Guard::makeAnd(Rest)))
        Core.erase(Core.begin() + I);
      else
        ++I;
    }
    Diags.report(M.Range.getBegin(), diag::err_never_applies) << M.Name;
    for (const auto &[N, G] : Core)
      Diags.report(M.Nodes[N].Range, diag::note_conflicting_criterion)
          << *criterionSelect(M.Nodes[N].Kind);
  }

private:
  static void reportBudget(PassContext &Ctx) {
    const Module &M = Ctx.getModule();
    Ctx.getDiags().report(M.Range.getBegin(), diag::err_criteria_budget)
        << M.Name << static_cast<uint64_t>(GuardSolver::DefaultStepBudget);
  }

  /// What a case that goes on past the criterion satisfies.
  static GuardRef passCondition(const Node &Nd) {
    return Nd.Kind == NodeKind::Inclusion ? Nd.Condition
                                          : Guard::makeNot(Nd.Condition);
  }
};

} // namespace

std::unique_ptr<Pass> verify::createCriteriaPass() {
  return std::make_unique<CriteriaPass>();
}
