//===- PassSupport.cpp - What verification passes share -------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "verify/PassSupport.h"

#include "verify/Analyses.h"

#include "llvm/ADT/BitVector.h"

using namespace pathwayc;
using namespace pathwayc::ir;
using namespace pathwayc::verify;

std::vector<unsigned> verify::findCasePath(const Module &M, unsigned Target,
                                           const Case &C) {
  Case Fixed;
  for (const CaseValue &V : C.Values)
    if (M.Variables[V.Var].Kind != VarKind::Probability)
      Fixed.Values.push_back(V);
  // Depth-first, preferring edges in their order; the graph is acyclic
  // when this is asked, but a visited set keeps it finite regardless.
  std::vector<unsigned> Path = {M.Entry};
  std::vector<size_t> NextEdge = {0};
  llvm::BitVector Visited(M.Nodes.size());
  Visited.set(M.Entry);
  while (!Path.empty()) {
    unsigned N = Path.back();
    if (N == Target)
      return Path;
    const std::vector<unsigned> &Out = M.Nodes[N].OutEdges;
    if (NextEdge.back() == Out.size()) {
      Path.pop_back();
      NextEdge.pop_back();
      continue;
    }
    const Edge &E = M.Edges[Out[NextEdge.back()++]];
    if (Visited.test(E.To) || evaluate(*E.Condition, Fixed) == false)
      continue;
    Visited.set(E.To);
    Path.push_back(E.To);
    NextEdge.push_back(0);
  }
  return {};
}

CaseWitness verify::makeWitness(const Module &M, const Case &C, llvm::ArrayRef<unsigned> Path,
                                std::string Vignette) {
  CaseWitness W;
  W.Vignette = std::move(Vignette);
  for (const CaseValue &V : C.Values)
    W.Inputs.emplace_back(M.Variables[V.Var].Name, V.Text);
  W.Path = nodeIds(M, Path);
  return W;
}
