//===- SafetyPass.cpp - Red flags first, and a source for every claim -----===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Two promises a pathway makes to the clinician who follows it:
//
//  - nothing is ordered before the red flags have been screened, so a
//    patient who needs urgent care never gets a routine procedure instead;
//  - every recommendation, every evidence figure and every threshold can be
//    traced to a declared source. A recommendation or a figure without one
//    is an error; a threshold without one is a warning, because authors
//    sometimes choose a cut-off on purpose (and should say so in a note).
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <string>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

/// What err_uncited's %select names.
enum class UncitedKind {
  Recommendation,
  RedFlagAction,
  Referral,
  ExamEvidence,
  Pretest,
  Appropriateness,
};

/// What warn_uncited_threshold's %select names.
enum class ThresholdSite { Arm, Criterion };




/// The numbers \p G compares with, in order and once each: the ends of
/// its number and probability atoms, but not the ends of a variable's own
/// domain, which the atoms reach whenever they are open-ended.
std::vector<std::string> collectThresholds(const Module &M, const Guard &G) {
  std::vector<std::string> Numbers;
  forEachAtom(G, [&](const Guard &Atom) {
    if (Atom.getVarKind() != VarKind::Number &&
        Atom.getVarKind() != VarKind::Probability)
      return;
    const Variable &V = M.Variables[Atom.getVar()];
    auto Add = [&](double X) {
      if (!std::isfinite(X))
        return;
      std::string Text = formatValue(X, V);
      if (!llvm::is_contained(Numbers, Text))
        Numbers.push_back(std::move(Text));
    };
    for (const Interval &I : Atom.getIntervals().getPieces()) {
      // `relief == 0 percent` compares with 0 even though 0 is an end of
      // the domain.
      if (I.isPoint()) {
        Add(I.Low);
        continue;
      }
      if (!(I.Low == V.Domain.Low && I.LowOpen == V.Domain.LowOpen))
        Add(I.Low);
      if (!(I.High == V.Domain.High && I.HighOpen == V.Domain.HighOpen))
        Add(I.High);
    }
  });
  return Numbers;
}

/// "a", "a and b", "a, b and c".
std::string joinAnd(llvm::ArrayRef<std::string> Items) {
  if (Items.size() <= 1)
    return Items.empty() ? "" : Items.front();
  return llvm::join(Items.drop_back(), ", ") + " and " + Items.back();
}

class SafetyPass : public VerificationPass {
public:
  SafetyPass()
      : VerificationPass("safety",
                         "every order comes after the red-flag screen; every "
                         "recommendation, evidence figure and threshold "
                         "cites a source") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    DiagnosticsEngine &Diags = Ctx.getDiags();
    checkOrdersScreened(M, Diags);
    checkCitations(M, Diags);
    checkThresholdCitations(M, Diags);
  }

private:
  /// Orders reachable from the entry through no red-flag screen. Lowering
  /// puts every screen before the start step, so this happens exactly when
  /// the pathway declares no red flag; the search does not rely on it.
  static void checkOrdersScreened(const Module &M, DiagnosticsEngine &Diags) {
    if (M.Nodes.empty() || M.Nodes[M.Entry].Kind == NodeKind::RedFlagScreen)
      return;
    std::vector<int> Parent(M.Nodes.size(), -2);
    std::deque<unsigned> Work = {M.Entry};
    Parent[M.Entry] = -1;
    llvm::BitVector Reported(M.Procedures.size());
    while (!Work.empty()) {
      unsigned N = Work.front();
      Work.pop_front();
      const Node &Nd = M.Nodes[N];
      if (Nd.Kind == NodeKind::Order)
        for (const OrderedProcedure &O : Nd.Orders) {
          // Once per procedure, at the order evaluation can reach first.
          if (Reported.test(O.Procedure))
            continue;
          Reported.set(O.Procedure);
          std::vector<unsigned> Path;
          for (int P = N; P != -1; P = Parent[P])
            Path.push_back(P);
          std::reverse(Path.begin(), Path.end());
          CaseWitness W;
          W.Vignette = "the path " + describePath(M, Path) + " orders '" +
                       M.Procedures[O.Procedure].Name +
                       "' without screening any red flag";
          W.Path = nodeIds(M, Path);
          Diags.report(O.Range, diag::err_order_unscreened)
                  .setWitness(std::move(W))
              << Nd.Name << M.Procedures[O.Procedure].Name;
        }
      for (unsigned E : Nd.OutEdges) {
        unsigned To = M.Edges[E].To;
        if (Parent[To] != -2 || M.Nodes[To].Kind == NodeKind::RedFlagScreen)
          continue;
        Parent[To] = N;
        Work.push_back(To);
      }
    }
  }

  static void reportUncited(DiagnosticsEngine &Diags, SourceRange Range,
                            UncitedKind Kind, llvm::StringRef Name) {
    Diags.report(Range, diag::err_uncited)
        << static_cast<unsigned>(Kind) << Name;
  }

  /// Citations are about the text, so unreachable parts are checked too.
  static void checkCitations(const Module &M, DiagnosticsEngine &Diags) {
    for (const Node &Nd : M.Nodes) {
      if (Nd.Kind != NodeKind::Terminal)
        continue;
      switch (Nd.Terminal) {
      case TerminalKind::Outcome:
        for (size_t I = 0; I != Nd.Recommendations.size(); ++I)
          if (Nd.RecommendationCitations[I].empty())
            reportUncited(Diags, Nd.RecommendationRanges[I],
                          UncitedKind::Recommendation, Nd.Name);
        break;
      case TerminalKind::RedFlag:
      case TerminalKind::Excluded: {
        // The action or referral is the terminal's one recommendation; it
        // shares the declaration's citations.
        bool Cited = !Nd.Citations.empty() ||
                     llvm::any_of(Nd.RecommendationCitations,
                                  [](const auto &Cs) { return !Cs.empty(); });
        if (!Cited)
          reportUncited(Diags, Nd.Range,
                        Nd.Terminal == TerminalKind::RedFlag
                            ? UncitedKind::RedFlagAction
                            : UncitedKind::Referral,
                        Nd.Name);
        break;
      }
      case TerminalKind::NotApplicable: break;
      }
    }
    for (const Exam &E : M.Exams)
      if (E.Citations.empty())
        reportUncited(Diags, E.Range, UncitedKind::ExamEvidence, E.Name);
    // A pretest supplied as an input is the clinician's figure, not a
    // claim of the pathway.
    for (const Diagnosis &D : M.Diagnoses)
      if (D.Pretest && !D.PretestVar && D.Citations.empty())
        reportUncited(Diags, D.Range, UncitedKind::Pretest, D.Name);
    for (const Procedure &P : M.Procedures)
      if (P.Citations.empty())
        reportUncited(Diags, P.Range, UncitedKind::Appropriateness, P.Name);
  }

  static void reportThreshold(const Module &M, DiagnosticsEngine &Diags,
                              SourceRange Range, ThresholdSite Site,
                              llvm::StringRef Label, const Guard &G) {
    std::vector<std::string> Numbers = collectThresholds(M, G);
    if (Numbers.empty())
      return;
    Diags.report(Range, diag::warn_uncited_threshold)
        << static_cast<unsigned>(Site) << Label << joinAnd(Numbers)
        << static_cast<unsigned>(Numbers.size() > 1);
  }

  static void checkThresholdCitations(const Module &M,
                                      DiagnosticsEngine &Diags) {
    for (const Node &Nd : M.Nodes) {
      switch (Nd.Kind) {
      // A red flag or an exclusion without a citation is already an error
      // (its action or referral cites nothing), which covers its numbers.
      case NodeKind::Inclusion:
        if (Nd.Citations.empty() && Nd.Condition)
          reportThreshold(M, Diags, Nd.Range, ThresholdSite::Criterion,
                          Nd.Name, *Nd.Condition);
        break;
      case NodeKind::Branch:
        // `otherwise` compares with the other arms' numbers, which those
        // arms cite.
        for (unsigned E : Nd.OutEdges) {
          const Edge &Arm = M.Edges[E];
          if (!Arm.IsOtherwise && Arm.Citations.empty())
            reportThreshold(M, Diags, Arm.Range, ThresholdSite::Arm,
                            Arm.Label, *Arm.Condition);
        }
        break;
      default: break;
      }
    }
  }
};

} // namespace

std::unique_ptr<Pass> verify::createSafetyPass() {
  return std::make_unique<SafetyPass>();
}
