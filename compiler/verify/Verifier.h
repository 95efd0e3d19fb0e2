//===- Verifier.h - Proving properties of the decision graph ----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The verifier: the pipeline of passes that prove a pathway's decision
/// graph complete, consistent and safe, or report why not with a witness.
/// The pipeline is declared in one function, buildVerifierPipeline; the
/// passes themselves are in verify/*Pass.cpp.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_VERIFY_VERIFIER_H
#define PATHWAYC_VERIFY_VERIFIER_H

#include "passes/PassManager.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pathwayc {

class DiagnosticsEngine;

namespace ir {
class Module;
}

namespace verify {

// The passes, one factory each (the classes are private to their files).
std::unique_ptr<Pass> createStructurePass();
std::unique_ptr<Pass> createCoveragePass();
std::unique_ptr<Pass> createCriteriaPass();
std::unique_ptr<Pass> createAssessmentPass();
std::unique_ptr<Pass> createEvidencePass();
std::unique_ptr<Pass> createSafetyPass();

/// Wraps each pass as it is added (to observe it); null adds them as is.
using PassWrapper = std::function<std::unique_ptr<Pass>(std::unique_ptr<Pass>)>;

/// The verification pipeline, in the order its passes run.
std::unique_ptr<PassPipeline>
buildVerifierPipeline(const PipelineOptions &Options,
                      const PassWrapper &Wrap = nullptr);

/// What a verification run established.
struct VerificationReport {
  /// The passes that ran and reported no error, in pipeline order: what an
  /// emitted artifact records as the checks it passed.
  std::vector<std::string> PassedChecks;
  /// Passes that ran and found errors.
  std::vector<std::string> FailedChecks;
  /// Passes skipped by --disable-pass.
  std::vector<std::string> SkippedChecks;
};

/// Runs the verifier over \p M, reporting findings to \p Diags.
VerificationReport verifyModule(ir::Module &M, DiagnosticsEngine &Diags,
                                const PipelineOptions &Options);

/// The name and description of every verification pass, for --help and
/// for checking --disable-pass names.
std::vector<std::pair<std::string, std::string>> listVerifierPasses();

} // namespace verify
} // namespace pathwayc

#endif // PATHWAYC_VERIFY_VERIFIER_H
