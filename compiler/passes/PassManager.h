//===- PassManager.h - Passes, analyses and pipelines -----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Everything that runs over the decision graph is a small named Pass, and
/// the order they run in is declared in one place (verify/Verifier.cpp). A
/// pass reads the module through a PassContext, which also caches analyses:
///
/// \code
///   const auto &Reach = Ctx.getAnalysis<ReachabilityAnalysis>();
/// \endcode
///
/// Analyses are computed on first use and dropped whenever a pass reports
/// that it changed the module, so a later pass never sees a stale one.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_PASSES_PASSMANAGER_H
#define PATHWAYC_PASSES_PASSMANAGER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class DiagnosticsEngine;

namespace ir {
class Module;
}

class PassContext;

/// A fact about the module, computed once and shared by the passes that
/// need it. Each analysis class declares `static char ID;` and a
/// constructor taking the PassContext.
class Analysis {
public:
  virtual ~Analysis() = default;
  virtual llvm::StringRef getName() const = 0;
  /// A readable dump, for `--dump-analysis=NAME` and tests.
  virtual void print(llvm::raw_ostream &OS) const = 0;
  /// Graph-shaped analyses also draw themselves for Graphviz.
  virtual void printDot(llvm::raw_ostream &OS) const;
};

class PassContext {
public:
  PassContext(ir::Module &M, DiagnosticsEngine &Diags) : M(M), Diags(Diags) {}

  ir::Module &getModule() const { return M; }
  DiagnosticsEngine &getDiags() const { return Diags; }

  template <typename T> T &getAnalysis() {
    std::unique_ptr<Analysis> &Slot = Analyses[&T::ID];
    if (!Slot)
      Slot = std::make_unique<T>(*this);
    return static_cast<T &>(*Slot);
  }
  /// The analysis registered under \p Name, computed if needed; null if
  /// there is none by that name.
  Analysis *getAnalysisByName(llvm::StringRef Name);
  void invalidateAnalyses() { Analyses.clear(); }

  /// Every analysis --dump-analysis can name: its name and how to make it.
  using AnalysisFactory = std::function<Analysis &(PassContext &)>;
  static std::vector<std::pair<llvm::StringRef, AnalysisFactory>> &
  getAnalysisRegistry();

private:
  ir::Module &M;
  DiagnosticsEngine &Diags;
  llvm::DenseMap<const void *, std::unique_ptr<Analysis>> Analyses;
};

/// Adds an analysis to the registry at static-initialisation time.
template <typename T> struct RegisterAnalysis {
  explicit RegisterAnalysis(llvm::StringRef Name) {
    PassContext::getAnalysisRegistry().emplace_back(
        Name, [](PassContext &Ctx) -> Analysis & {
          return Ctx.getAnalysis<T>();
        });
  }
};

class Pass {
public:
  virtual ~Pass() = default;
  /// The name --disable-pass and --print-after use.
  virtual llvm::StringRef getName() const = 0;
  virtual llvm::StringRef getDescription() const = 0;
  /// Runs the pass; returns true if it changed the module.
  virtual bool run(PassContext &Ctx) = 0;
  /// Passes that contain others (pipelines, fixpoints) list them, so that
  /// options can name any pass at any depth.
  virtual void collectPasses(std::vector<const Pass *> &Out) const {
    Out.push_back(this);
  }
};

/// What the command line may say about a pipeline's passes.
struct PipelineOptions {
  llvm::StringSet<> DisabledPasses;
  llvm::StringSet<> PrintAfter;
  /// Where --print-after dumps the module; null for nowhere.
  llvm::raw_ostream *PrintStream = nullptr;
};

/// Runs passes in order, honouring the options.
class PassPipeline : public Pass {
public:
  PassPipeline(std::string Name, const PipelineOptions &Options)
      : Name(std::move(Name)), Options(Options) {}

  PassPipeline &add(std::unique_ptr<Pass> P) {
    Passes.push_back(std::move(P));
    return *this;
  }

  llvm::StringRef getName() const override { return Name; }
  llvm::StringRef getDescription() const override { return "a sequence of passes"; }
  bool run(PassContext &Ctx) override;
  void collectPasses(std::vector<const Pass *> &Out) const override;

private:
  std::string Name;
  const PipelineOptions &Options;
  std::vector<std::unique_ptr<Pass>> Passes;
};

} // namespace pathwayc

#endif // PATHWAYC_PASSES_PASSMANAGER_H
