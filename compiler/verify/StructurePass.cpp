//===- StructurePass.cpp - The shape of the decision graph ----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Every step and outcome can be reached; no step leads back to itself;
// every path ends in a terminal; no step is an empty hop. (Exactly one start
// step is checked by sema, before there is a graph.)
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

#include "llvm/ADT/StringSet.h"

#include <deque>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

bool isStepNode(const Node &N) {
  return N.Kind == NodeKind::Order || N.Kind == NodeKind::Assess ||
         N.Kind == NodeKind::Branch;
}

class StructurePass : public VerificationPass {
public:
  StructurePass()
      : VerificationPass("structure",
                         "every step and outcome reachable, no cycles, every "
                         "path ends in an outcome, no empty steps") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    DiagnosticsEngine &Diags = Ctx.getDiags();
    auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
    auto &Order = Ctx.getAnalysis<GraphOrderAnalysis>();

    // A step's nodes share its name; report each step once, at its first.
    llvm::StringSet<> SeenSteps;
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      const Node &Nd = M.Nodes[N];
      bool Step = isStepNode(Nd);
      if (Step && !SeenSteps.insert(Nd.Name).second)
        continue;
      bool Outcome = Nd.Kind == NodeKind::Terminal &&
                     Nd.Terminal == TerminalKind::Outcome;
      if ((Step || Outcome) && !Reach.isReachable(N))
        Diags.report(Nd.Range, diag::err_unreachable)
            << static_cast<unsigned>(Outcome) << Nd.Name;
    }

    if (!Order.isAcyclic()) {
      llvm::ArrayRef<unsigned> Cycle = Order.getCycle();
      CaseWitness W;
      W.Vignette = "the cycle " + describePath(M, Cycle);
      W.Path = nodeIds(M, Cycle);
      Diags.report(M.Nodes[Cycle.front()].Range, diag::err_cycle)
              .setWitness(std::move(W))
          << describePath(M, Cycle);
    }
    reportNeverEnding(M, Diags, Reach);

    for (const Node &Nd : M.Nodes)
      if (Nd.Kind == NodeKind::Branch && llvm::StringRef(Nd.Id).endswith(".next") &&
          Nd.OutEdges.size() == 1)
        Diags.report(Nd.Range, diag::warn_step_does_nothing)
            << Nd.Name << M.Nodes[M.Edges[Nd.OutEdges.front()].To].Name;
  }

private:
  /// Reachable nodes from which no terminal can be reached (only a cycle
  /// makes one).
  static void reportNeverEnding(const Module &M, DiagnosticsEngine &Diags,
                                const ReachabilityAnalysis &Reach) {
    llvm::BitVector Ends(M.Nodes.size());
    std::deque<unsigned> Work;
    for (unsigned N = 0; N != M.Nodes.size(); ++N)
      if (M.Nodes[N].Kind == NodeKind::Terminal) {
        Ends.set(N);
        Work.push_back(N);
      }
    while (!Work.empty()) {
      unsigned N = Work.front();
      Work.pop_front();
      for (unsigned E : Reach.getInEdges(N)) {
        unsigned From = M.Edges[E].From;
        if (!Ends.test(From)) {
          Ends.set(From);
          Work.push_back(From);
        }
      }
    }
    llvm::StringSet<> Reported;
    for (unsigned N = 0; N != M.Nodes.size(); ++N)
      if (Reach.isReachable(N) && !Ends.test(N) &&
          Reported.insert(M.Nodes[N].Name).second)
        Diags.report(M.Nodes[N].Range, diag::err_never_ends) << M.Nodes[N].Name;
  }
};

} // namespace

std::unique_ptr<Pass> verify::createStructurePass() {
  return std::make_unique<StructurePass>();
}
