//===- Analyses.h - Facts about the decision graph --------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The analyses the verification passes share, each computed once per
/// module through PassContext::getAnalysis and printable for
/// `--dump-analysis=NAME`.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_VERIFY_ANALYSES_H
#define PATHWAYC_VERIFY_ANALYSES_H

#include "ir/Module.h"
#include "passes/PassManager.h"

#include "llvm/ADT/BitVector.h"

#include <optional>
#include <vector>

namespace pathwayc::verify {

/// Which nodes evaluation can reach from the entry, following edges
/// whatever their guards, and each node's incoming edges.
class ReachabilityAnalysis : public Analysis {
public:
  static char ID;
  explicit ReachabilityAnalysis(PassContext &Ctx);
  llvm::StringRef getName() const override { return "reachability"; }
  void print(llvm::raw_ostream &OS) const override;
  void printDot(llvm::raw_ostream &OS) const override;

  bool isReachable(unsigned Node) const { return Reachable.test(Node); }
  llvm::ArrayRef<unsigned> getInEdges(unsigned Node) const {
    return InEdges[Node];
  }
  /// A shortest path of nodes from the entry to \p Node, if reachable.
  std::vector<unsigned> pathTo(unsigned Node) const;

private:
  const ir::Module &M;
  llvm::BitVector Reachable;
  std::vector<std::vector<unsigned>> InEdges;
  /// The edge a breadth-first search first reached each node by.
  std::vector<int> FirstEdge;
};

/// A topological order of the reachable nodes, or a cycle if there is one.
class GraphOrderAnalysis : public Analysis {
public:
  static char ID;
  explicit GraphOrderAnalysis(PassContext &Ctx);
  llvm::StringRef getName() const override { return "graph-order"; }
  void print(llvm::raw_ostream &OS) const override;

  bool isAcyclic() const { return Cycle.empty(); }
  /// Reachable nodes, each after every node with an edge to it.
  llvm::ArrayRef<unsigned> getOrder() const { return Order; }
  /// The nodes of one cycle in order, the first repeated at the end.
  llvm::ArrayRef<unsigned> getCycle() const { return Cycle; }

private:
  const ir::Module &M;
  std::vector<unsigned> Order;
  std::vector<unsigned> Cycle;
};

/// For every node, the condition under which evaluation arrives there: the
/// disjunction over the paths to it of the conjunction of the guards
/// passed (red flags clear, exclusions not met, inclusions met, the arms
/// taken). Where a step assesses an exam, the probability of the diagnosis
/// it detects changes, so conditions on that probability are forgotten
/// past it (quantified away).
///
/// On a graph with a cycle the analysis gives up precision, not soundness:
/// every step's context is what the screening criteria establish, without
/// the arms taken on the way, which can hide a dead arm or report a gap
/// that only the path would have excluded.
class PathContextAnalysis : public Analysis {
public:
  static char ID;
  explicit PathContextAnalysis(PassContext &Ctx);
  llvm::StringRef getName() const override { return "path-context"; }
  void print(llvm::raw_ostream &OS) const override;

  const ir::GuardRef &getContext(unsigned Node) const {
    return Contexts[Node];
  }
  bool isExact() const { return Exact; }

private:
  const ir::Module &M;
  std::vector<ir::GuardRef> Contexts;
  bool Exact = true;
};

/// Which variables each node's decision may read: those assessed on every
/// path to it (must) and on some path (may). Only exam findings need an
/// assessment before use; inputs are facts of the case.
class AssessmentAnalysis : public Analysis {
public:
  static char ID;
  explicit AssessmentAnalysis(PassContext &Ctx);
  llvm::StringRef getName() const override { return "assessment"; }
  void print(llvm::raw_ostream &OS) const override;

  /// Assessed before the node is entered, on every path / on some path.
  const llvm::BitVector &getMust(unsigned Node) const { return Must[Node]; }
  const llvm::BitVector &getMay(unsigned Node) const { return May[Node]; }
  /// Variables assessed by the node itself (Assess nodes).
  bool assessesAt(unsigned Node, unsigned Var) const;
  /// A path from the entry to \p Node on which \p Var is never assessed.
  std::vector<unsigned> pathWithout(unsigned Node, unsigned Var) const;

private:
  const ir::Module &M;
  std::vector<llvm::BitVector> Must;
  std::vector<llvm::BitVector> May;
};

/// Node ids along \p Path, for witnesses.
std::vector<std::string> nodeIds(const ir::Module &M,
                                 llvm::ArrayRef<unsigned> Path);
/// "injection -> read_relief", naming each step once.
std::string describePath(const ir::Module &M, llvm::ArrayRef<unsigned> Path);

} // namespace pathwayc::verify

#endif // PATHWAYC_VERIFY_ANALYSES_H
