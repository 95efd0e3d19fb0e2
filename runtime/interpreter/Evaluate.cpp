//===- Evaluate.cpp - Walking the decision graph on a case ----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// docs/evaluation.md, rule by rule; the comments quote it where the code
// could read either way. Nothing here allocates but the Result's vectors
// (and scratch space for a pathway with more exams than the inline buffers
// hold).
//
//===----------------------------------------------------------------------===//

#include "ProgramData.h"

#include "pathwayc/Truth.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <functional>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;

namespace {

/// An array of N elements on the stack when it fits, on the heap otherwise.
template <typename T, std::size_t N> class Scratch {
public:
  explicit Scratch(std::size_t Size) {
    if (Size > N) {
      Heap.resize(Size);
      Data = Heap.data();
    } else {
      Data = Inline.data();
    }
    std::fill(Data, Data + Size, T());
  }
  Scratch(const Scratch &) = delete;
  Scratch &operator=(const Scratch &) = delete;

  T &operator[](std::size_t I) { return Data[I]; }
  const T &operator[](std::size_t I) const { return Data[I]; }
  T *data() { return Data; }

private:
  std::array<T, N> Inline;
  std::vector<T> Heap;
  T *Data;
};

constexpr std::string_view EventName[] = {"false", "true", "unknown",
                                          "indeterminate"};

std::string_view eventOf(Truth T) {
  return EventName[static_cast<unsigned char>(T)];
}

/// One evaluation: the case, the exams assessed so far, and the result
/// being built.
class Walker {
public:
  Walker(const ProgramData &P, const std::vector<Case::Slot> &Slots, Result &R)
      : P(P), Slots(Slots), R(R), Assessed(P.Exams.size()),
        Ratios(P.MaxExamsPerDiagnosis) {}

  void run();

private:
  Truth eval(std::uint32_t Guard) const {
    return evalNode(P.Guards[Guard].Root);
  }
  Truth evalNode(std::uint32_t I) const;
  Truth evalProbability(const GuardNode &G) const;
  ProbabilityUpdate posterior(std::uint32_t Diagnosis) const;

  void trace(const TraceEntry &Entry, std::string_view Event) {
    R.Trace.push_back(Entry);
    R.Trace.back().Event = Event;
  }
  void stopAt(const NodeData &Node, Status S) {
    R.State = S;
    R.Reached = Node.Id;
    R.Title = Node.Title;
  }
  /// Adds the unknown variables of \p Guard to MissingInputs.
  void addMissing(std::uint32_t Guard);

  /// Each returns the next node, or NoIndex when evaluation has ended.
  std::uint32_t screen(const NodeData &Node);
  std::uint32_t inclusion(std::uint32_t Index, const NodeData &Node);
  std::uint32_t branch(const NodeData &Node);
  void terminal(const NodeData &Node);

  const ProgramData &P;
  const std::vector<Case::Slot> &Slots;
  Result &R;
  Scratch<unsigned char, 256> Assessed;
  mutable Scratch<LikelihoodRatio, 32> Ratios;
  /// Branch: where this branch's probabilities start in R.Probabilities.
  std::size_t BranchProbabilities = 0;
  bool InBranch = false;
  /// The first inclusion that was unknown (or indeterminate, which counts
  /// as unknown), NoIndex while there is none.
  std::uint32_t FirstUnknownInclusion = NoIndex;
};

Truth Walker::evalNode(std::uint32_t I) const {
  const GuardNode &G = P.GuardNodes[I];
  switch (G.Op) {
  case GuardOp::True: return Truth::True;
  case GuardOp::False: return Truth::False;
  case GuardOp::Not: return !evalNode(I + 1);
  case GuardOp::And:
  case GuardOp::Or: {
    // Kleene's operators (Truth.h); a false operand decides an `and` and a
    // true one an `or`, whatever the others are.
    bool IsAnd = G.Op == GuardOp::And;
    Truth Decisive = IsAnd ? Truth::False : Truth::True;
    Truth Acc = IsAnd ? Truth::True : Truth::False;
    for (std::uint32_t C = I + 1, End = I + G.Size; C != End;
         C += P.GuardNodes[C].Size) {
      Truth T = evalNode(C);
      if (T == Decisive)
        return Decisive;
      Acc = IsAnd ? (Acc && T) : (Acc || T);
    }
    return Acc;
  }
  case GuardOp::Bool: {
    const Case::Slot &S = Slots[G.Var];
    if (!S.Known)
      return Truth::Unknown;
    return toTruth((S.Index != 0) == G.Value);
  }
  case GuardOp::Number: {
    const Case::Slot &S = Slots[G.Var];
    if (!S.Known)
      return Truth::Unknown;
    for (std::uint32_t K = G.Begin; K != G.End; ++K)
      if (P.Intervals[K].contains(S.Number))
        return Truth::True;
    return Truth::False;
  }
  case GuardOp::Enum: {
    const Case::Slot &S = Slots[G.Var];
    if (!S.Known)
      return Truth::Unknown;
    return toTruth(std::binary_search(P.AllowedValues.begin() + G.Begin,
                                      P.AllowedValues.begin() + G.End,
                                      S.Index));
  }
  case GuardOp::Probability: return evalProbability(G);
  }
  return Truth::Unknown;
}

Truth Walker::evalProbability(const GuardNode &G) const {
  const DiagnosisData &D = P.Diagnoses[G.Var];
  if (D.PretestInput != NoIndex && !Slots[D.PretestInput].Known)
    return Truth::Unknown;
  // At a branch the post-test probability is already in the result; a
  // guard elsewhere (a red flag or criterion on a probability) computes it.
  ProbabilityInterval Value;
  bool Found = false;
  if (InBranch)
    for (std::size_t K = BranchProbabilities; K != R.Probabilities.size(); ++K)
      if (R.Probabilities[K].Diagnosis.data() == D.Name.data()) {
        Value = R.Probabilities[K].Value;
        Found = true;
        break;
      }
  if (!Found)
    Value = posterior(G.Var).Value;
  // The loader merged the atom's pieces into the connected parts of their
  // union, so decide() against the union is decide() against each part:
  // holds if one part holds the whole value, fails if none meets it.
  bool Straddles = false;
  for (std::uint32_t K = G.Begin; K != G.End; ++K) {
    Decision Part = decide(Value, P.Intervals[K]);
    if (Part == Decision::Holds)
      return Truth::True;
    Straddles |= Part == Decision::Indeterminate;
  }
  return Straddles ? Truth::Indeterminate : Truth::False;
}

ProbabilityUpdate Walker::posterior(std::uint32_t Diagnosis) const {
  const DiagnosisData &D = P.Diagnoses[Diagnosis];
  ProbabilityInterval Pretest = D.Figure;
  if (!D.HasFigure) {
    double X = Slots[D.PretestInput].Number;
    Pretest = ProbabilityInterval(D.PretestPercent ? X / 100 : X);
  }
  // "every exam that detects d, is in the assessed set and has a known
  // finding, in the exams' declaration order".
  std::size_t N = 0;
  for (std::uint32_t E : D.Exams) {
    const Case::Slot &Finding = Slots[P.NumInputs + E];
    if (Assessed[E] && Finding.Known)
      Ratios[N++] = P.Exams[E].Ratios.forFinding(Finding.Index != 0);
  }
  return updateProbability(Pretest, Span<LikelihoodRatio>(Ratios.data(), N));
}

void Walker::addMissing(std::uint32_t Guard) {
  const GuardInfo &G = P.Guards[Guard];
  // Variable names share one buffer in declaration order (inputs, then
  // exams), so their addresses sort MissingInputs without an index.
  std::less<const char *> Before;
  auto ByDeclaration = [&](std::string_view A, std::string_view B) {
    return Before(A.data(), B.data());
  };
  for (std::uint32_t K = G.VarsBegin; K != G.VarsEnd; ++K) {
    std::uint32_t Var = P.GuardVars[K];
    if (Slots[Var].Known)
      continue;
    std::string_view Name = P.Variables[Var].Name;
    auto It = std::lower_bound(R.MissingInputs.begin(), R.MissingInputs.end(),
                               Name, ByDeclaration);
    if (It == R.MissingInputs.end() || It->data() != Name.data())
      R.MissingInputs.insert(It, Name);
  }
}

std::uint32_t Walker::screen(const NodeData &Node) {
  Truth T = eval(Node.Condition);
  trace(Node.Entry, eventOf(T));
  if (T == Truth::True)
    return Node.Terminal;
  if (T == Truth::False)
    return Node.Next;
  // Unknown, or indeterminate, which is "treated exactly as one that is
  // unknown": pending here, and the following screens of the same kind
  // still run, those that hold adding their terminal's recommendations.
  stopAt(Node, Status::Pending);
  addMissing(Node.Condition);
  R.Undecided.push_back(Node.ConditionText);
  for (std::uint32_t I = Node.Next; P.Nodes[I].Kind == Node.Kind;) {
    const NodeData &Later = P.Nodes[I];
    Truth LaterT = eval(Later.Condition);
    trace(Later.Entry, eventOf(LaterT));
    if (LaterT == Truth::True) {
      // It holds whatever the missing inputs are: its action, and its
      // urgency, belong in the result now.
      const NodeData &Stop = P.Nodes[Later.Terminal];
      R.Recommendations.insert(R.Recommendations.end(),
                               Stop.Recommendations.begin(),
                               Stop.Recommendations.end());
      R.Level = std::max(R.Level, Stop.Level);
    } else if (LaterT != Truth::False) {
      // One round trip asks for everything the screens still need.
      addMissing(Later.Condition);
      R.Undecided.push_back(Later.ConditionText);
    }
    I = Later.Next;
  }
  return NoIndex;
}

std::uint32_t Walker::inclusion(std::uint32_t Index, const NodeData &Node) {
  Truth T = eval(Node.Condition);
  trace(Node.Entry, eventOf(T));
  if (T == Truth::False) {
    // "A false inclusion after an unknown one still ends as not
    // applicable", and "leaves both empty".
    R.MissingInputs.clear();
    R.Undecided.clear();
    return Node.Terminal;
  }
  // An indeterminate inclusion is remembered as an unknown one is.
  if (T != Truth::True) {
    if (FirstUnknownInclusion == NoIndex)
      FirstUnknownInclusion = Index;
    addMissing(Node.Condition);
    R.Undecided.push_back(Node.ConditionText);
  }
  if (FirstUnknownInclusion != NoIndex &&
      P.Nodes[Node.Next].Kind != NodeKind::Inclusion) {
    stopAt(P.Nodes[FirstUnknownInclusion], Status::Pending);
    return NoIndex;
  }
  return Node.Next;
}

std::uint32_t Walker::branch(const NodeData &Node) {
  BranchProbabilities = R.Probabilities.size();
  for (std::uint32_t K = Node.DiagnosesBegin; K != Node.DiagnosesEnd; ++K) {
    std::uint32_t Diagnosis = P.BranchDiagnoses[K];
    const DiagnosisData &D = P.Diagnoses[Diagnosis];
    if (D.PretestInput != NoIndex && !Slots[D.PretestInput].Known)
      continue;
    ProbabilityUpdate U = posterior(Diagnosis);
    R.Probabilities.push_back({D.Name, U.Value, U.Contradictory});
  }
  InBranch = true;
  bool AnyUnknown = false, AnyIndeterminate = false;
  for (std::uint32_t E = Node.EdgesBegin; E != Node.EdgesEnd; ++E) {
    const EdgeData &Edge = P.Edges[E];
    Truth T = eval(Edge.Guard);
    if (T == Truth::True) {
      InBranch = false;
      R.Trace.push_back(Edge.Taken);
      return Edge.To;
    }
    AnyUnknown |= T == Truth::Unknown;
    AnyIndeterminate |= T == Truth::Indeterminate;
  }
  // No arm holds. The arms are evaluated again to collect the undecided
  // ones: cheaper than keeping every arm's value in the common case where
  // one holds.
  Truth Wanted = AnyUnknown ? Truth::Unknown : Truth::Indeterminate;
  Status S = AnyUnknown         ? Status::Pending
             : AnyIndeterminate ? Status::Indeterminate
                                : Status::Uncovered;
  trace(Node.Entry, statusName(S));
  stopAt(Node, S);
  if (S != Status::Uncovered)
    for (std::uint32_t E = Node.EdgesBegin; E != Node.EdgesEnd; ++E) {
      const EdgeData &Edge = P.Edges[E];
      if (eval(Edge.Guard) != Wanted)
        continue;
      R.Undecided.push_back(Edge.Label);
      if (AnyUnknown)
        addMissing(Edge.Guard);
    }
  InBranch = false;
  return NoIndex;
}

void Walker::terminal(const NodeData &Node) {
  trace(Node.Entry, {});
  stopAt(Node, Node.TerminalStatus);
  R.Level = Node.Level;
  R.Recommendations.assign(Node.Recommendations.begin(),
                           Node.Recommendations.end());
}

void Walker::run() {
  R.Trace.reserve(P.LongestPath);
  // The loader refused graphs with cycles, so every walk ends.
  for (std::uint32_t I = P.Entry; I != NoIndex;) {
    const NodeData &Node = P.Nodes[I];
    switch (Node.Kind) {
    case NodeKind::RedFlagScreen:
    case NodeKind::Exclusion: I = screen(Node); break;
    case NodeKind::Inclusion: I = inclusion(I, Node); break;
    case NodeKind::Order:
      R.ActionsOrdered.insert(R.ActionsOrdered.end(), Node.Actions.begin(),
                              Node.Actions.end());
      trace(Node.Entry, {});
      I = Node.Next;
      break;
    case NodeKind::Assess:
      // Inputs named in `assess` change nothing; the loader kept the exams.
      for (std::uint32_t K = Node.AssessBegin; K != Node.AssessEnd; ++K)
        Assessed[P.AssessedExams[K]] = 1;
      trace(Node.Entry, {});
      I = Node.Next;
      break;
    case NodeKind::Branch: I = branch(Node); break;
    case NodeKind::Terminal:
      terminal(Node);
      I = NoIndex;
      break;
    }
  }
}

} // namespace

Result Program::evaluate(const Case &C) const {
  assert(&C.getProgram() == this && "the case was made for another program");
  const ProgramData &P = *Data;
  const std::vector<Case::Slot> &Slots = C.getSlots();
  Result R;
  // "Before anything else, every known number is checked against its
  // input's declared domain."
  for (std::uint32_t Var : P.NumberInputs) {
    const Case::Slot &S = Slots[Var];
    if (S.Known && !P.Variables[Var].inDomain(S.Number))
      R.InvalidInputs.push_back(P.Variables[Var].Name);
  }
  if (!R.InvalidInputs.empty()) {
    R.State = Status::InvalidInput;
    return R;
  }
  Walker(P, Slots, R).run();
  return R;
}
