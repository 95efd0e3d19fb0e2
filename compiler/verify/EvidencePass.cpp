//===- EvidencePass.cpp - What the evidence lets the pathway conclude -----===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Checks that follow from the figures the sources give:
//
//  - an exam whose sensitivity plus specificity is not above 1 has LR+ <= 1,
//    so a positive finding cannot raise the probability it is there for;
//  - a procedure rated usually not appropriate is ordered only with a
//    justification;
//  - a branch on probability(d) can be decided: for every combination of
//    findings (positive, negative, unknown) of the exams that may have been
//    assessed when the branch is reached, the post-test probability, an
//    interval when the evidence or the pretest is a range, lies on one side
//    of each threshold the arms compare it with;
//  - every exam is assessed on some path, or its finding never counts.
//
// Probabilities follow the language's definition (docs/language.md,
// "Probabilities"): likelihood ratios in odds form, a ratio of 0 makes the
// posterior 0 and an infinite one makes it 1 whatever the pretest.
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"
#include "verify/PassSupport.h"
#include "verify/Verifier.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

namespace {

constexpr double Infinity = std::numeric_limits<double>::infinity();

/// Enumerating 3^k combinations of findings stays well under a second up
/// to k = 10 (59049); past that the check says it gave up.
constexpr unsigned MaxExamsPerDiagnosis = 10;

/// Figures that a reader sees as equal (0.1 + 0.2 and 0.3, a posterior
/// computed as 0.7999999999999999 and a threshold of 0.8) must compare as
/// equal, or the pass reports rounding noise as findings.
constexpr double Tolerance = 1e-9;

/// Significant digits of the probabilities a message shows.
constexpr int ShownDigits = 3;


/// \p X rounded to \p Digits significant digits: down when \p Direction is
/// negative, up when positive, to the nearest when zero. A value within
/// rounding noise of a shorter one snaps to it, so that 0.30000000000000004
/// reads as 0.3 in every direction.
double roundSignificant(double X, int Digits, int Direction) {
  if (X == 0 || !std::isfinite(X))
    return X;
  int Exponent = static_cast<int>(std::floor(std::log10(std::fabs(X))));
  int Shift = Digits - 1 - Exponent;
  if (std::abs(Shift) > 300)
    return X;
  double Scale = std::pow(10.0, std::abs(Shift));
  double Scaled = Shift >= 0 ? X * Scale : X / Scale;
  double Nearest = std::round(Scaled);
  double Rounded = Nearest;
  if (Direction != 0 && std::fabs(Scaled - Nearest) > 1e-6)
    Rounded = Direction < 0 ? std::floor(Scaled) : std::ceil(Scaled);
  // Dividing by an exact power of ten gives the double nearest the decimal,
  // which "{}" then prints without noise.
  return Shift >= 0 ? Rounded / Scale : Rounded * Scale;
}

/// "[0.104, 1]": rounded outward, so the interval shown contains the one
/// computed and is on the same sides of every threshold.
std::string formatProbabilityInterval(double Low, double High) {
  return "[" + formatNumber(roundSignificant(Low, ShownDigits, -1)) + ", " +
         formatNumber(roundSignificant(High, ShownDigits, +1)) + "]";
}

/// "a", "a and b", "a, b and c".
std::string joinAnd(llvm::ArrayRef<std::string> Items) {
  if (Items.size() <= 1)
    return Items.empty() ? "" : Items.front();
  return llvm::join(Items.drop_back(), ", ") + " and " + Items.back();
}

//===----------------------------------------------------------------------===//
// Likelihood ratios and posteriors
//===----------------------------------------------------------------------===//

enum class Finding { Unknown, Positive, Negative };

llvm::StringRef getFindingName(Finding F) {
  switch (F) {
  case Finding::Unknown: return "unknown";
  case Finding::Positive: return "positive";
  case Finding::Negative: return "negative";
  }
  llvm_unreachable("covered switch");
}

/// A likelihood ratio over the evidence ranges, ends included.
struct RatioRange {
  double Low = 1;
  double High = 1;
  /// 0/0 at some corner of the evidence ranges: sensitivity 0 with
  /// specificity 1 for a positive finding, or the reverse for a negative
  /// one. The finding is then impossible either way and tells nothing
  /// definite.
  bool Undefined = false;
};

/// Num / Den with a zero denominator read as an infinite ratio; the caller
/// flags 0/0 separately.
double ratio(double Num, double Den) { return Den <= 0 ? Infinity : Num / Den; }

RatioRange getLikelihoodRatio(const Exam &E, Finding F) {
  const Evidence &Sens = E.Sensitivity;
  const Evidence &Spec = E.Specificity;
  RatioRange R;
  switch (F) {
  case Finding::Unknown: break;
  case Finding::Positive:
    // LR+ = sens / (1 - spec) grows with both figures.
    R.Low = ratio(Sens.Low, 1 - Spec.Low);
    R.High = ratio(Sens.High, 1 - Spec.High);
    R.Undefined = Sens.Low == 0 && Spec.High == 1;
    break;
  case Finding::Negative:
    // LR- = (1 - sens) / spec shrinks as either grows.
    R.Low = ratio(1 - Sens.High, Spec.High);
    R.High = ratio(1 - Sens.Low, Spec.Low);
    R.Undefined = Sens.High == 1 && Spec.Low == 0;
    break;
  }
  return R;
}

/// The product of the likelihood ratios of one combination of findings.
struct CombinedRatio {
  double Low = 1;
  double High = 1;
  /// Why the posterior is undefined for some evidence in the ranges (then
  /// it may be anything in [0, 1]); empty when it is defined.
  std::string Contradiction;
};

CombinedRatio combineRatios(const Module &M, llvm::ArrayRef<unsigned> Exams,
                            llvm::ArrayRef<Finding> Findings) {
  CombinedRatio C;
  llvm::SmallVector<unsigned, 4> CanBeZero, CanBeInfinite;
  for (unsigned I = 0; I != Exams.size(); ++I) {
    const Exam &E = M.Exams[Exams[I]];
    RatioRange R = getLikelihoodRatio(E, Findings[I]);
    if (R.Undefined && C.Contradiction.empty())
      C.Contradiction = "a " + getFindingName(Findings[I]).str() + " '" +
                        E.Name +
                        "' is impossible with or without the diagnosis at "
                        "one end of its evidence ranges";
    if (R.Low == 0)
      CanBeZero.push_back(I);
    if (R.High == Infinity)
      CanBeInfinite.push_back(I);
    C.Low *= R.Low;
    C.High *= R.High;
  }
  // A ratio of 0 rules the diagnosis out and an infinite one rules it in;
  // two different findings doing both at once leave nothing defined. (One
  // finding whose range reaches both ends is fine: it is one or the other.)
  if (C.Contradiction.empty() && !CanBeZero.empty() && !CanBeInfinite.empty() &&
      !(CanBeZero.size() == 1 && CanBeInfinite.size() == 1 &&
        CanBeZero.front() == CanBeInfinite.front()))
    C.Contradiction = "a finding with a likelihood ratio of 0 and one with an "
                      "infinite likelihood ratio contradict each other";
  return C;
}

/// The post-test probability from \p Pretest and a likelihood ratio.
double getPosterior(double Pretest, double Ratio) {
  if (Ratio == 0)
    return 0;
  if (Ratio == Infinity)
    return 1;
  if (Pretest <= 0 || Pretest >= 1)
    return std::clamp(Pretest, 0.0, 1.0);
  double Odds = Pretest / (1 - Pretest) * Ratio;
  return std::isinf(Odds) ? 1 : Odds / (1 + Odds);
}

/// The pretest probability whose posterior under \p Ratio (finite and
/// positive) is \p Posterior.
double getPretestFor(double Posterior, double Ratio) {
  if (Posterior <= 0 || Posterior >= 1)
    return std::clamp(Posterior, 0.0, 1.0);
  double Odds = Posterior / (1 - Posterior) / Ratio;
  return std::isinf(Odds) ? 1 : Odds / (1 + Odds);
}

//===----------------------------------------------------------------------===//
// Thresholds
//===----------------------------------------------------------------------===//

/// Where an arm's atom on probability(d) divides [0, 1]: below the
/// threshold (x < t, or x <= t when the threshold belongs below) and the
/// rest.
struct Cut {
  double Threshold = 0;
  bool BelowIncludesThreshold = false;
  /// The arm the cut comes from, for the vignette.
  std::string ArmLabel;
};

bool isBelow(double X, const Cut &C) {
  if (std::fabs(X - C.Threshold) <= Tolerance)
    return C.BelowIncludesThreshold;
  return X < C.Threshold;
}

/// Does [Low, High] hold values on both sides of \p C? The posterior is
/// monotone in the evidence, so its ends are attained.
bool straddles(double Low, double High, const Cut &C) {
  return isBelow(Low, C) && !isBelow(High, C);
}


/// The cuts of probability(d)'s atoms on a branch's arms, those that can
/// split a posterior in [0, 1], without duplicates.
struct ProbabilityRead {
  unsigned Diagnosis = 0;
  std::vector<Cut> Cuts;
};

std::vector<ProbabilityRead> collectProbabilityReads(const Module &M,
                                                     const Node &Branch) {
  std::vector<ProbabilityRead> Reads;
  auto AddCut = [&](unsigned Diagnosis, Cut C) {
    // A closed end at 0 or 1 is the domain's own: no posterior lies beyond.
    if ((C.Threshold <= 0 && !C.BelowIncludesThreshold) ||
        (C.Threshold >= 1 && C.BelowIncludesThreshold))
      return;
    auto It = llvm::find_if(Reads, [&](const ProbabilityRead &R) {
      return R.Diagnosis == Diagnosis;
    });
    if (It == Reads.end()) {
      Reads.push_back({Diagnosis, {}});
      It = std::prev(Reads.end());
    }
    if (llvm::none_of(It->Cuts, [&](const Cut &Other) {
          return Other.Threshold == C.Threshold &&
                 Other.BelowIncludesThreshold == C.BelowIncludesThreshold;
        }))
      It->Cuts.push_back(std::move(C));
  };
  // `otherwise` negates the other arms and adds no threshold of its own;
  // the arms the author wrote give the labels.
  for (unsigned EdgeIndex : Branch.OutEdges) {
    const Edge &E = M.Edges[EdgeIndex];
    if (E.IsOtherwise)
      continue;
    forEachAtom(*E.Condition, [&](const Guard &Atom) {
      if (Atom.getVarKind() != VarKind::Probability)
        return;
      unsigned Diagnosis = M.Variables[Atom.getVar()].Owner;
      for (const Interval &I : Atom.getIntervals().getPieces()) {
        AddCut(Diagnosis, {I.Low, I.LowOpen, E.Label});
        AddCut(Diagnosis, {I.High, !I.HighOpen, E.Label});
      }
    });
  }
  for (ProbabilityRead &R : Reads)
    llvm::stable_sort(R.Cuts, [](const Cut &A, const Cut &B) {
      return A.Threshold < B.Threshold;
    });
  return Reads;
}

//===----------------------------------------------------------------------===//
// Pretests supplied as an input
//===----------------------------------------------------------------------===//

const Interval EveryPretest{0, 1, false, false};
const Interval NoPretest{1, 0, false, false};

Interval intersect(const Interval &A, const Interval &B) {
  Interval R;
  R.Low = std::max(A.Low, B.Low);
  R.LowOpen = A.Low == B.Low ? (A.LowOpen || B.LowOpen)
                             : (A.Low > B.Low ? A.LowOpen : B.LowOpen);
  R.High = std::min(A.High, B.High);
  R.HighOpen = A.High == B.High ? (A.HighOpen || B.HighOpen)
                                : (A.High < B.High ? A.HighOpen : B.HighOpen);
  return R;
}

/// The pretests p in [0, 1] whose posterior under \p Ratio is below \p C:
/// a prefix of [0, 1], since the posterior grows with p.
Interval getPretestsBelow(double Ratio, const Cut &C) {
  if (Ratio == 0 || Ratio == Infinity)
    return isBelow(getPosterior(0.5, Ratio), C) ? EveryPretest : NoPretest;
  if (!isBelow(0, C))
    return NoPretest;
  if (isBelow(1, C))
    return EveryPretest;
  // The posterior rises continuously from 0 to 1 and crosses the
  // threshold once.
  return {0, getPretestFor(C.Threshold, Ratio), false,
          !C.BelowIncludesThreshold};
}

/// [0, 1] without the prefix \p Below.
Interval getComplement(const Interval &Below) {
  if (Below.isEmpty())
    return EveryPretest;
  if (Below.High >= 1 && !Below.HighOpen)
    return NoPretest;
  return {Below.High, 1, !Below.HighOpen, false};
}

/// The input's domain as fractions.
Interval getPretestDomain(const Variable &V) {
  Interval D = V.Domain;
  if (V.DomainUnit == Unit::Percent) {
    D.Low /= 100;
    D.High /= 100;
  }
  return intersect(D, EveryPretest);
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

class EvidencePass : public VerificationPass {
public:
  EvidencePass()
      : VerificationPass("evidence",
                         "exams are informative and assessed, orders rated "
                         "usually not appropriate are justified, probability "
                         "guards can be decided under the evidence ranges") {}

protected:
  void check(PassContext &Ctx) override {
    const Module &M = Ctx.getModule();
    checkInformativeExams(M, Ctx.getDiags());
    checkJustifiedOrders(M, Ctx.getDiags());
    auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
    for (unsigned N = 0; N != M.Nodes.size(); ++N)
      if (M.Nodes[N].Kind == NodeKind::Branch && Reach.isReachable(N) &&
          llvm::StringRef(M.Nodes[N].Id).endswith(".branch"))
        checkProbabilityGuards(Ctx, N);
    checkExamsAssessed(M, Ctx.getDiags(), Reach);
  }

private:
  static void checkInformativeExams(const Module &M, DiagnosticsEngine &Diags) {
    for (const Exam &E : M.Exams) {
      // LR+ = sens / (1 - spec) <= 1 exactly when sens + spec <= 1; at the
      // high ends for every figure in the ranges, at the low ends for some.
      double HighSum = E.Sensitivity.High + E.Specificity.High;
      double LowSum = E.Sensitivity.Low + E.Specificity.Low;
      bool Always = HighSum <= 1 + Tolerance;
      if (!Always && LowSum > 1 + Tolerance)
        continue;
      Diags.report(E.Range, diag::warn_uninformative_exam)
          << E.Name << static_cast<unsigned>(!Always)
          << formatNumber(roundSignificant(Always ? HighSum : LowSum, 4, 0))
          << M.Diagnoses[E.Diagnosis].Name;
    }
  }

  static void checkJustifiedOrders(const Module &M, DiagnosticsEngine &Diags) {
    for (const Node &Nd : M.Nodes) {
      if (Nd.Kind != NodeKind::Order)
        continue;
      for (const OrderedProcedure &O : Nd.Orders) {
        const Procedure &P = M.Procedures[O.Procedure];
        if (P.Category == Appropriateness::UsuallyNotAppropriate &&
            O.Justification.empty())
          Diags.report(O.Range, diag::warn_unjustified_order)
              << Nd.Name << P.Name;
      }
    }
  }

  static void checkExamsAssessed(const Module &M, DiagnosticsEngine &Diags,
                                 const ReachabilityAnalysis &Reach) {
    llvm::BitVector Assessed(M.Variables.size());
    llvm::BitVector Mentioned(M.Variables.size());
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      const Node &Nd = M.Nodes[N];
      for (unsigned Var : Nd.Assessed) {
        Mentioned.set(Var);
        if (Reach.isReachable(N))
          Assessed.set(Var);
      }
      llvm::SmallVector<unsigned, 8> Vars;
      if (Nd.Condition)
        Nd.Condition->collectVars(Vars);
      for (unsigned Var : Vars)
        Mentioned.set(Var);
    }
    for (const Edge &E : M.Edges) {
      llvm::SmallVector<unsigned, 8> Vars;
      E.Condition->collectVars(Vars);
      for (unsigned Var : Vars)
        Mentioned.set(Var);
    }
    for (const Exam &E : M.Exams)
      // An exam nothing names is already "never used" (PW0208); saying it
      // again here would only double the noise.
      if (Mentioned.test(E.FindingVar) && !Assessed.test(E.FindingVar))
        Diags.report(E.Range, diag::warn_exam_never_assessed) << E.Name;
  }

  /// One combination of findings that makes a guard indeterminate.
  struct Indeterminacy {
    std::vector<Finding> Findings;
    /// The pretest input's value, as a fraction, when the pretest is one.
    std::optional<double> Pretest;
    double Low = 0;
    double High = 1;
    std::string Contradiction;
    const Cut *Where = nullptr;
  };

  void checkProbabilityGuards(PassContext &Ctx, unsigned N) {
    const Module &M = Ctx.getModule();
    const Node &Nd = M.Nodes[N];
    auto &Assessment = Ctx.getAnalysis<AssessmentAnalysis>();
    for (const ProbabilityRead &Read : collectProbabilityReads(M, Nd)) {
      const Diagnosis &D = M.Diagnoses[Read.Diagnosis];
      // Without a pretest there is no probability (sema reports PW0408).
      if (!D.Pretest && !D.PretestVar)
        continue;
      // The findings that can count here: exams of d assessed on some path
      // to the branch, which includes the step's own assess node.
      std::vector<unsigned> Exams;
      for (unsigned I = 0; I != M.Exams.size(); ++I) {
        const Exam &E = M.Exams[I];
        if (E.Diagnosis == Read.Diagnosis &&
            (Assessment.getMay(N).test(E.FindingVar) ||
             Assessment.assessesAt(N, E.FindingVar)))
          Exams.push_back(I);
      }
      // Only a range (in a pretest or in an exam's figures) widens the
      // probability into an interval, or a sensitivity or specificity of 1
      // (a likelihood ratio of 0 or infinity) that another finding may
      // contradict; otherwise it is exact and every guard on it decidable,
      // whatever the number of exams.
      bool AnyRange = (D.Pretest && D.Pretest->isRange()) ||
                      llvm::any_of(Exams, [&](unsigned I) {
                        const Exam &E = M.Exams[I];
                        return E.Sensitivity.isRange() ||
                               E.Specificity.isRange() ||
                               E.Sensitivity.High >= 1 ||
                               E.Specificity.High >= 1;
                      });
      if (!AnyRange)
        continue;
      if (Exams.size() > MaxExamsPerDiagnosis) {
        uint64_t Combinations = 1;
        for (size_t I = 0; I != Exams.size(); ++I)
          Combinations *= 3;
        Ctx.getDiags().report(Nd.Range, diag::err_too_many_findings)
            << Nd.Name << static_cast<uint64_t>(Exams.size()) << D.Name
            << Combinations;
        continue;
      }
      checkRead(Ctx, N, Read, Exams);
    }
  }

  void checkRead(PassContext &Ctx, unsigned N, const ProbabilityRead &Read,
                 llvm::ArrayRef<unsigned> Exams) {
    const Module &M = Ctx.getModule();
    const Diagnosis &D = M.Diagnoses[Read.Diagnosis];
    GuardSolver Solver(M);
    const GuardRef &Context =
        Ctx.getAnalysis<PathContextAnalysis>().getContext(N);

    // Every combination, those with fewer known findings first, so that a
    // report names the simplest case that shows the problem.
    unsigned K = Exams.size();
    unsigned Count = 1;
    for (unsigned I = 0; I != K; ++I)
      Count *= 3;
    std::vector<std::vector<Finding>> Combinations;
    Combinations.reserve(Count);
    for (unsigned Index = 0; Index != Count; ++Index) {
      std::vector<Finding> Findings(K);
      for (unsigned I = 0, Rest = Index; I != K; ++I, Rest /= 3)
        Findings[I] = static_cast<Finding>(Rest % 3);
      Combinations.push_back(std::move(Findings));
    }
    auto KnownCount = [](const std::vector<Finding> &Findings) {
      return llvm::count_if(Findings,
                            [](Finding F) { return F != Finding::Unknown; });
    };
    llvm::stable_sort(Combinations, [&](const auto &A, const auto &B) {
      return KnownCount(A) < KnownCount(B);
    });
    std::vector<CombinedRatio> Ratios;
    Ratios.reserve(Count);
    for (const std::vector<Finding> &Findings : Combinations)
      Ratios.push_back(combineRatios(M, Exams, Findings));
    std::vector<std::optional<bool>> Reachable(Count);

    // One report per threshold; a threshold may cut twice (`== 0.5`).
    for (size_t First = 0; First != Read.Cuts.size();) {
      size_t Last = First;
      while (Last != Read.Cuts.size() &&
             Read.Cuts[Last].Threshold == Read.Cuts[First].Threshold)
        ++Last;
      llvm::ArrayRef<Cut> Cuts =
          llvm::makeArrayRef(Read.Cuts).slice(First, Last - First);
      First = Last;
      for (unsigned I = 0; I != Count; ++I) {
        Query Q{M, Solver, Context, D, Exams, Combinations[I]};
        std::optional<Indeterminacy> Found =
            findIndeterminacy(Q, Ratios[I], Cuts, Reachable[I]);
        if (!Found)
          continue;
        report(Ctx, N, D, Exams, *Found);
        break;
      }
    }
  }

  /// One combination of findings for one diagnosis at one branch.
  struct Query {
    const Module &M;
    GuardSolver &Solver;
    /// The branch's path context.
    const GuardRef &Context;
    const Diagnosis &D;
    llvm::ArrayRef<unsigned> Exams;
    llvm::ArrayRef<Finding> Findings;
  };

  /// Can evaluation reach the branch with the query's findings, a pretest
  /// input in \p Pretest and a posterior anywhere in \p Posterior (either
  /// unconstrained when absent)? Stores the pretest of a case that does in
  /// \p PretestOut.
  ///
  /// Earlier guards must have been decided, not left pending or
  /// indeterminate: a finding left unknown must let the context hold
  /// whatever it turns out to be, and so must every value of the posterior
  /// interval (an earlier guard on probability(d) saw the same findings,
  /// since the context forgets such guards where d's exams are assessed).
  static bool isReachableWith(const Query &Q, std::optional<Interval> Pretest,
                              std::optional<Interval> Posterior,
                              double *PretestOut = nullptr) {
    const Module &M = Q.M;
    auto ForAll = [&](GuardRef G, GuardRef Range, unsigned Var) {
      GuardRef Violated = Guard::makeNot(G);
      if (Range)
        Violated = Guard::makeAnd(Violated, Range);
      return Guard::makeNot(Q.Solver.existsOut(Violated, Var));
    };
    GuardRef Holds = Q.Context;
    if (Posterior)
      Holds = ForAll(Holds,
                     Guard::numberAtom(Q.D.ProbabilityVar, VarKind::Probability,
                                       IntervalSet(*Posterior)),
                     Q.D.ProbabilityVar);
    std::vector<GuardRef> Conjuncts;
    for (unsigned I = 0; I != Q.Exams.size(); ++I) {
      unsigned Var = M.Exams[Q.Exams[I]].FindingVar;
      if (Q.Findings[I] == Finding::Unknown)
        Holds = ForAll(Holds, nullptr, Var);
      else
        Conjuncts.push_back(Guard::boolAtom(
            Var, VarKind::Finding, Q.Findings[I] == Finding::Positive));
    }
    Conjuncts.push_back(Holds);
    bool Percent = Q.D.PretestVar &&
                   M.Variables[*Q.D.PretestVar].DomainUnit == Unit::Percent;
    if (Pretest) {
      Interval InUnit = *Pretest;
      if (Percent) {
        InUnit.Low *= 100;
        InUnit.High *= 100;
      }
      Conjuncts.push_back(Guard::numberAtom(*Q.D.PretestVar, VarKind::Number,
                                            IntervalSet(InUnit)));
    }
    std::optional<Case> C = Q.Solver.findSatisfying(Guard::makeAnd(Conjuncts));
    // A search out of budget has not shown the case impossible: keep it,
    // so that a finding is never lost to the budget.
    if (!C)
      return Q.Solver.exhausted();
    if (PretestOut && Pretest) {
      const CaseValue *Value = C->find(*Q.D.PretestVar);
      double P = Value ? Value->Number : Pretest->Low;
      *PretestOut = Percent ? P / 100 : P;
    }
    return true;
  }

  std::optional<Indeterminacy>
  findIndeterminacy(const Query &Q, const CombinedRatio &Ratio,
                    llvm::ArrayRef<Cut> Cuts, std::optional<bool> &Reachable) {
    const Diagnosis &D = Q.D;
    Indeterminacy Result;
    Result.Findings = Q.Findings;

    if (!D.PretestVar) {
      // The posterior interval is the same for every threshold: undefined
      // for some evidence (anything in [0, 1]), or from the ends of the
      // pretest and of the ratios.
      if (!Ratio.Contradiction.empty()) {
        Result.Contradiction = Ratio.Contradiction;
      } else {
        Result.Low = getPosterior(D.Pretest->Low, Ratio.Low);
        Result.High = getPosterior(D.Pretest->High, Ratio.High);
      }
      for (const Cut &C : Cuts) {
        if (!straddles(Result.Low, Result.High, C))
          continue;
        if (!Reachable)
          Reachable = isReachableWith(
              Q, std::nullopt, Interval{Result.Low, Result.High, false, false});
        if (!*Reachable)
          return std::nullopt;
        Result.Where = &C;
        return Result;
      }
      return std::nullopt;
    }

    // The clinician supplies one pretest p from the input's domain, and each
    // p has its own interval: the guard is indeterminate if some p's
    // interval straddles. Those p form an interval: the low end of the
    // posterior is below the cut for a prefix of [0, 1], the high end above
    // it for a suffix.
    Interval Domain = getPretestDomain(Q.M.Variables[*D.PretestVar]);
    for (const Cut &C : Cuts) {
      Interval Straddling = Domain;
      if (Ratio.Contradiction.empty())
        Straddling =
            intersect(intersect(getPretestsBelow(Ratio.Low, C),
                                getComplement(getPretestsBelow(Ratio.High, C))),
                      Domain);
      else if (!straddles(0, 1, C))
        continue;
      if (Straddling.isEmpty())
        continue;
      // Without the posterior's constraint: a quick filter, cached.
      if (!Reachable)
        Reachable = isReachableWith(Q, std::nullopt, std::nullopt);
      if (!*Reachable)
        return std::nullopt;
      for (double P : candidatePretests(Straddling, Ratio, C))
        if (std::optional<Indeterminacy> R = tryPretest(Q, Ratio, C, P))
          return R;
      // The context may rule out the p chosen; ask it for one it allows,
      // and show it rounded if the rounded value is allowed too.
      double P = 0;
      if (!isReachableWith(Q, Straddling, std::nullopt, &P))
        continue;
      for (double Shown : {roundSignificant(P, ShownDigits, 0),
                           roundSignificant(P, ShownDigits + 2, 0), P}) {
        if (Straddling.contains(Shown))
          if (std::optional<Indeterminacy> R = tryPretest(Q, Ratio, C, Shown))
            return R;
      }
    }
    return std::nullopt;
  }

  /// Pretests to try, best first: the one that puts the threshold at the
  /// middle of the ratio interval (rounded for the reader, then exact),
  /// then the middle of the straddling pretests.
  static std::vector<double> candidatePretests(const Interval &Straddling,
                                               const CombinedRatio &Ratio,
                                               const Cut &C) {
    std::vector<double> Candidates;
    auto Add = [&](double P) {
      for (double Shown : {roundSignificant(P, ShownDigits, 0),
                           roundSignificant(P, ShownDigits + 2, 0), P})
        if (Straddling.contains(Shown) &&
            !llvm::is_contained(Candidates, Shown))
          Candidates.push_back(Shown);
    };
    if (Ratio.Contradiction.empty() && Ratio.Low > 0 && Ratio.High < Infinity &&
        C.Threshold > 0 && C.Threshold < 1)
      Add(getPretestFor(C.Threshold, (Ratio.Low + Ratio.High) / 2));
    Add(Straddling.Low + (Straddling.High - Straddling.Low) / 2);
    return Candidates;
  }

  /// The indeterminacy at pretest \p P, if its interval straddles \p C and
  /// evaluation can reach the branch with it.
  static std::optional<Indeterminacy> tryPretest(const Query &Q,
                                                 const CombinedRatio &Ratio,
                                                 const Cut &C, double P) {
    Indeterminacy R;
    R.Findings = Q.Findings;
    R.Pretest = P;
    if (!Ratio.Contradiction.empty()) {
      R.Contradiction = Ratio.Contradiction;
    } else {
      R.Low = getPosterior(P, Ratio.Low);
      R.High = getPosterior(P, Ratio.High);
    }
    R.Where = &C;
    if (!straddles(R.Low, R.High, C) ||
        !isReachableWith(Q, Interval{P, P, false, false},
                         Interval{R.Low, R.High, false, false}))
      return std::nullopt;
    return R;
  }

  static void report(PassContext &Ctx, unsigned N, const Diagnosis &D,
                     llvm::ArrayRef<unsigned> Exams, const Indeterminacy &I) {
    const Module &M = Ctx.getModule();
    const Node &Nd = M.Nodes[N];
    CaseWitness W;
    std::vector<std::string> Parts;
    if (I.Pretest) {
      const Variable &V = M.Variables[*D.PretestVar];
      bool Percent = V.DomainUnit == Unit::Percent;
      std::string Value = formatNumber(
          Percent ? roundSignificant(*I.Pretest * 100, 15, 0) : *I.Pretest);
      if (Percent)
        Value += " percent";
      Parts.push_back(V.Name + " = " + Value);
      W.Inputs.emplace_back(V.Name, Value);
    }
    for (unsigned K = 0; K != Exams.size(); ++K) {
      const Exam &E = M.Exams[Exams[K]];
      llvm::StringRef Name = getFindingName(I.Findings[K]);
      Parts.push_back(E.Name + " is " + Name.str());
      W.Inputs.emplace_back(E.Name, Name.str());
    }
    std::string When = Exams.empty() ? "no exam that detects '" + D.Name +
                                           "' has been assessed"
                                     : joinAnd(Parts);
    if (Exams.empty() && I.Pretest)
      When = joinAnd(Parts) + " and " + When;
    std::string Probability = "probability(" + D.Name + ")";
    std::string Range = formatProbabilityInterval(I.Low, I.High);
    if (!I.Contradiction.empty())
      W.Vignette = When + ": " + I.Contradiction + ", so " + Probability +
                   " can be anything in " + Range;
    else
      W.Vignette = When + ", so " + Probability + " can be anywhere in " +
                   Range + ", and the arm '" + I.Where->ArmLabel +
                   "' holds for only part of it";
    auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
    W.Path = nodeIds(M, Reach.pathTo(N));
    Ctx.getDiags()
            .report(Nd.Range, diag::warn_probability_indeterminate)
            .setWitness(std::move(W))
        << Nd.Name << When << D.Name << Range
        << formatNumber(I.Where->Threshold);
  }
};

} // namespace

std::unique_ptr<Pass> verify::createEvidencePass() {
  return std::make_unique<EvidencePass>();
}
