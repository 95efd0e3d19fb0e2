//===- Analyses.cpp - Facts about the decision graph ----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "verify/Analyses.h"

#include "verify/GuardSolver.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

char ReachabilityAnalysis::ID;
char GraphOrderAnalysis::ID;
char PathContextAnalysis::ID;
char AssessmentAnalysis::ID;

static RegisterAnalysis<ReachabilityAnalysis> RegisterReachability("reachability");
static RegisterAnalysis<GraphOrderAnalysis> RegisterGraphOrder("graph-order");
static RegisterAnalysis<PathContextAnalysis> RegisterPathContext("path-context");
static RegisterAnalysis<AssessmentAnalysis> RegisterAssessment("assessment");

std::vector<std::string> verify::nodeIds(const Module &M,
                                         llvm::ArrayRef<unsigned> Path) {
  std::vector<std::string> Ids;
  for (unsigned N : Path)
    Ids.push_back(M.Nodes[N].Id);
  return Ids;
}

std::string verify::describePath(const Module &M,
                                 llvm::ArrayRef<unsigned> Path) {
  std::vector<std::string> Names;
  for (unsigned N : Path) {
    const Node &Nd = M.Nodes[N];
    std::string Name = Nd.Name;
    if (Nd.Kind == NodeKind::RedFlagScreen)
      Name = "red flag " + Name;
    else if (Nd.Kind == NodeKind::Exclusion || Nd.Kind == NodeKind::Inclusion)
      Name = "'" + Name + "'";
    if (Names.empty() || Names.back() != Name)
      Names.push_back(Name);
  }
  return llvm::join(Names, " -> ");
}

//===----------------------------------------------------------------------===//
// Reachability
//===----------------------------------------------------------------------===//

ReachabilityAnalysis::ReachabilityAnalysis(PassContext &Ctx)
    : M(Ctx.getModule()), Reachable(M.Nodes.size()),
      InEdges(M.Nodes.size()), FirstEdge(M.Nodes.size(), -1) {
  for (unsigned E = 0; E != M.Edges.size(); ++E)
    InEdges[M.Edges[E].To].push_back(E);
  if (M.Nodes.empty())
    return;
  std::deque<unsigned> Work = {M.Entry};
  Reachable.set(M.Entry);
  while (!Work.empty()) {
    unsigned N = Work.front();
    Work.pop_front();
    for (unsigned E : M.Nodes[N].OutEdges) {
      unsigned To = M.Edges[E].To;
      if (Reachable.test(To))
        continue;
      Reachable.set(To);
      FirstEdge[To] = E;
      Work.push_back(To);
    }
  }
}

std::vector<unsigned> ReachabilityAnalysis::pathTo(unsigned Node) const {
  if (!isReachable(Node))
    return {};
  std::vector<unsigned> Path = {Node};
  while (FirstEdge[Path.back()] >= 0)
    Path.push_back(M.Edges[FirstEdge[Path.back()]].From);
  std::reverse(Path.begin(), Path.end());
  return Path;
}

void ReachabilityAnalysis::print(llvm::raw_ostream &OS) const {
  for (unsigned N = 0; N != M.Nodes.size(); ++N)
    OS << M.Nodes[N].Id << ": "
       << (isReachable(N) ? "reachable" : "unreachable") << '\n';
}

void ReachabilityAnalysis::printDot(llvm::raw_ostream &OS) const {
  OS << "digraph reachability {\n";
  for (unsigned N = 0; N != M.Nodes.size(); ++N)
    OS << "  n" << N << " [label=\"" << M.Nodes[N].Id << "\""
       << (isReachable(N) ? "" : ", style=dashed, color=red") << "];\n";
  for (const Edge &E : M.Edges)
    OS << "  n" << E.From << " -> n" << E.To << ";\n";
  OS << "}\n";
}

//===----------------------------------------------------------------------===//
// Graph order
//===----------------------------------------------------------------------===//

GraphOrderAnalysis::GraphOrderAnalysis(PassContext &Ctx) : M(Ctx.getModule()) {
  if (M.Nodes.empty())
    return;
  // Iterative depth-first search; a back edge to a node on the stack closes
  // a cycle.
  enum class Mark { New, Active, Done };
  std::vector<Mark> Marks(M.Nodes.size(), Mark::New);
  std::vector<std::pair<unsigned, unsigned>> Stack = {{M.Entry, 0}};
  Marks[M.Entry] = Mark::Active;
  while (!Stack.empty()) {
    auto &[N, Next] = Stack.back();
    if (Next == M.Nodes[N].OutEdges.size()) {
      Marks[N] = Mark::Done;
      Order.push_back(N);
      Stack.pop_back();
      continue;
    }
    unsigned To = M.Edges[M.Nodes[N].OutEdges[Next++]].To;
    if (Marks[To] == Mark::Active) {
      if (Cycle.empty()) {
        auto Start = llvm::find_if(
            Stack, [To](const auto &Frame) { return Frame.first == To; });
        for (auto It = Start; It != Stack.end(); ++It)
          Cycle.push_back(It->first);
        Cycle.push_back(To);
      }
      continue;
    }
    if (Marks[To] == Mark::New) {
      Marks[To] = Mark::Active;
      Stack.emplace_back(To, 0);
    }
  }
  std::reverse(Order.begin(), Order.end());
}

void GraphOrderAnalysis::print(llvm::raw_ostream &OS) const {
  if (!isAcyclic()) {
    OS << "cycle: " << llvm::join(nodeIds(M, Cycle), " -> ") << '\n';
    return;
  }
  for (unsigned N : Order)
    OS << M.Nodes[N].Id << '\n';
}

//===----------------------------------------------------------------------===//
// Path contexts
//===----------------------------------------------------------------------===//

PathContextAnalysis::PathContextAnalysis(PassContext &Ctx)
    : M(Ctx.getModule()), Contexts(M.Nodes.size(), Guard::getFalse()) {
  auto &Order = Ctx.getAnalysis<GraphOrderAnalysis>();
  if (!Order.isAcyclic()) {
    // Every path to a step passes the screening chain, which is a straight
    // line before the start step: what holds at the start holds at every
    // step, cycle or not. Only the arms taken on the way are forgotten.
    Exact = false;
    Contexts.assign(M.Nodes.size(), Guard::getTrue());
    GuardRef Passed = Guard::getTrue();
    for (unsigned N = M.Entry; N != M.StartStep;) {
      const Node &Nd = M.Nodes[N];
      if (!Nd.Condition)
        break;
      Contexts[N] = Passed;
      GuardRef GoOn = Nd.Kind == NodeKind::Inclusion
                          ? Nd.Condition
                          : Guard::makeNot(Nd.Condition);
      Passed = Guard::makeAnd(Passed, GoOn);
      N = M.Edges[Nd.OutEdges.back()].To;
    }
    for (unsigned N = 0; N != M.Nodes.size(); ++N)
      if (!M.Nodes[N].Condition && M.Nodes[N].Kind != NodeKind::Terminal)
        Contexts[N] = Passed;
    return;
  }
  GuardSolver Solver(M);
  if (!M.Nodes.empty())
    Contexts[M.Entry] = Guard::getTrue();
  // In topological order every predecessor's context is final when a node
  // is reached.
  std::vector<std::vector<GuardRef>> Incoming(M.Nodes.size());
  for (unsigned N : Order.getOrder()) {
    if (N != M.Entry)
      Contexts[N] = Guard::makeOr(Incoming[N]);
    GuardRef Out = Contexts[N];
    // New findings change the probability of what they detect.
    for (unsigned Var : M.Nodes[N].Assessed) {
      const Variable &V = M.Variables[Var];
      if (V.Kind != VarKind::Finding)
        continue;
      const Diagnosis &D = M.Diagnoses[M.Exams[V.Owner].Diagnosis];
      Out = Solver.existsOut(Out, D.ProbabilityVar);
    }
    for (unsigned E : M.Nodes[N].OutEdges)
      Incoming[M.Edges[E].To].push_back(
          Guard::makeAnd(Out, M.Edges[E].Condition));
  }
}

void PathContextAnalysis::print(llvm::raw_ostream &OS) const {
  if (!Exact)
    OS << "; the graph has a cycle: each step's context is only what the "
          "criteria establish\n";
  for (unsigned N = 0; N != M.Nodes.size(); ++N) {
    OS << M.Nodes[N].Id << ": ";
    printGuard(OS, *Contexts[N], M);
    OS << '\n';
  }
}

//===----------------------------------------------------------------------===//
// Assessment
//===----------------------------------------------------------------------===//

bool AssessmentAnalysis::assessesAt(unsigned Node, unsigned Var) const {
  return llvm::is_contained(M.Nodes[Node].Assessed, Var);
}

AssessmentAnalysis::AssessmentAnalysis(PassContext &Ctx) : M(Ctx.getModule()) {
  unsigned NumVars = M.Variables.size();
  llvm::BitVector All(NumVars, true);
  Must.assign(M.Nodes.size(), All);
  May.assign(M.Nodes.size(), llvm::BitVector(NumVars));
  if (M.Nodes.empty())
    return;
  auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
  Must[M.Entry].reset();
  // A forward data-flow to a fixpoint: "must" intersects over incoming
  // edges (starting from everything), "may" unites (starting from nothing).
  // It terminates on cycles too, since both only move one way.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (unsigned N = 0; N != M.Nodes.size(); ++N) {
      if (!Reach.isReachable(N))
        continue;
      llvm::BitVector NewMust = N == M.Entry ? llvm::BitVector(NumVars) : All;
      llvm::BitVector NewMay(NumVars);
      for (unsigned E : Reach.getInEdges(N)) {
        unsigned From = M.Edges[E].From;
        if (!Reach.isReachable(From))
          continue;
        llvm::BitVector OutMust = Must[From];
        llvm::BitVector OutMay = May[From];
        for (unsigned Var : M.Nodes[From].Assessed) {
          OutMust.set(Var);
          OutMay.set(Var);
        }
        NewMust &= OutMust;
        NewMay |= OutMay;
      }
      if (NewMust != Must[N] || NewMay != May[N]) {
        Must[N] = std::move(NewMust);
        May[N] = std::move(NewMay);
        Changed = true;
      }
    }
  }
}

std::vector<unsigned> AssessmentAnalysis::pathWithout(unsigned Node,
                                                      unsigned Var) const {
  // Breadth-first over nodes that do not assess Var, recording parents.
  std::vector<int> Parent(M.Nodes.size(), -2);
  std::deque<unsigned> Work;
  if (M.Nodes.empty() || assessesAt(M.Entry, Var))
    return {};
  Parent[M.Entry] = -1;
  Work.push_back(M.Entry);
  while (!Work.empty()) {
    unsigned N = Work.front();
    Work.pop_front();
    if (N == Node)
      break;
    if (assessesAt(N, Var))
      continue;
    for (unsigned E : M.Nodes[N].OutEdges) {
      unsigned To = M.Edges[E].To;
      if (Parent[To] != -2)
        continue;
      Parent[To] = N;
      Work.push_back(To);
    }
  }
  if (Parent[Node] == -2)
    return {};
  std::vector<unsigned> Path;
  for (int N = Node; N != -1; N = Parent[N])
    Path.push_back(N);
  std::reverse(Path.begin(), Path.end());
  return Path;
}

void AssessmentAnalysis::print(llvm::raw_ostream &OS) const {
  for (unsigned N = 0; N != M.Nodes.size(); ++N) {
    std::vector<std::string> MustNames, MayNames;
    for (unsigned V : Must[N].set_bits())
      MustNames.push_back(M.Variables[V].Name);
    for (unsigned V : May[N].set_bits())
      MayNames.push_back(M.Variables[V].Name);
    OS << M.Nodes[N].Id << ": must {" << llvm::join(MustNames, ", ")
       << "} may {" << llvm::join(MayNames, ", ") << "}\n";
  }
}
