//===- Verifier.cpp - Proving properties of the decision graph ------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "verify/Verifier.h"

#include "diag/Diagnostic.h"
#include "ir/Module.h"

using namespace pathwayc;
using namespace pathwayc::verify;

namespace {

/// Runs one pass and records whether it found errors.
class RecordingPass : public Pass {
public:
  RecordingPass(std::unique_ptr<Pass> Inner, VerificationReport &Report)
      : Inner(std::move(Inner)), Report(Report) {}
  llvm::StringRef getName() const override { return Inner->getName(); }
  llvm::StringRef getDescription() const override {
    return Inner->getDescription();
  }
  bool run(PassContext &Ctx) override {
    unsigned Before = Ctx.getDiags().getNumErrors();
    bool Changed = Inner->run(Ctx);
    (Ctx.getDiags().getNumErrors() == Before ? Report.PassedChecks
                                             : Report.FailedChecks)
        .push_back(getName().str());
    return Changed;
  }

private:
  std::unique_ptr<Pass> Inner;
  VerificationReport &Report;
};

} // namespace

std::unique_ptr<PassPipeline>
verify::buildVerifierPipeline(const PipelineOptions &Options,
                              const PassWrapper &Wrap) {
  auto Pipeline = std::make_unique<PassPipeline>("verify", Options);
  auto Add = [&](std::unique_ptr<Pass> P) {
    Pipeline->add(Wrap ? Wrap(std::move(P)) : std::move(P));
  };
  // Structure first: the other passes assume a graph whose nodes they can
  // order, and say less (but nothing false) about one with a cycle.
  Add(createStructurePass());
  // Criteria before coverage: a pathway that can never apply makes every
  // branch vacuously covered, which the criteria finding explains.
  Add(createCriteriaPass());
  Add(createCoveragePass());
  Add(createAssessmentPass());
  Add(createEvidencePass());
  Add(createSafetyPass());
  return Pipeline;
}

std::vector<std::pair<std::string, std::string>> verify::listVerifierPasses() {
  PipelineOptions None;
  std::vector<const Pass *> Passes;
  std::unique_ptr<PassPipeline> Pipeline = buildVerifierPipeline(None);
  Pipeline->collectPasses(Passes);
  std::vector<std::pair<std::string, std::string>> Result;
  for (const Pass *P : Passes)
    Result.emplace_back(P->getName().str(), P->getDescription().str());
  return Result;
}

VerificationReport verify::verifyModule(ir::Module &M, DiagnosticsEngine &Diags,
                                        const PipelineOptions &Options) {
  VerificationReport Report;
  for (const auto &[Name, Description] : listVerifierPasses())
    if (Options.DisabledPasses.count(Name))
      Report.SkippedChecks.push_back(Name);
  PassContext Ctx(M, Diags);
  buildVerifierPipeline(Options, [&](std::unique_ptr<Pass> P) {
    return std::make_unique<RecordingPass>(std::move(P), Report);
  })->run(Ctx);
  return Report;
}
