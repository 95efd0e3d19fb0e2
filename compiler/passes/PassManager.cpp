//===- PassManager.cpp - Passes, analyses and pipelines -------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "passes/PassManager.h"

#include "ir/Module.h"

#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;

void Analysis::printDot(llvm::raw_ostream &OS) const {
  // Not every analysis is a graph; those that are override this.
  OS << "digraph \"" << getName() << "\" {}\n";
}

std::vector<std::pair<llvm::StringRef, PassContext::AnalysisFactory>> &
PassContext::getAnalysisRegistry() {
  static std::vector<std::pair<llvm::StringRef, AnalysisFactory>> Registry;
  return Registry;
}

Analysis *PassContext::getAnalysisByName(llvm::StringRef Name) {
  for (auto &[Registered, Make] : getAnalysisRegistry())
    if (Registered == Name)
      return &Make(*this);
  return nullptr;
}

bool PassPipeline::run(PassContext &Ctx) {
  bool Changed = false;
  for (const std::unique_ptr<Pass> &P : Passes) {
    if (Options.DisabledPasses.count(P->getName()))
      continue;
    if (P->run(Ctx)) {
      Changed = true;
      Ctx.invalidateAnalyses();
    }
    if (Options.PrintStream && Options.PrintAfter.count(P->getName())) {
      *Options.PrintStream << "; after pass '" << P->getName() << "'\n";
      ir::printModule(*Options.PrintStream, Ctx.getModule());
    }
  }
  return Changed;
}

void PassPipeline::collectPasses(std::vector<const Pass *> &Out) const {
  for (const std::unique_ptr<Pass> &P : Passes)
    P->collectPasses(Out);
}
