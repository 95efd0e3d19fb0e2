//===- PassSupport.h - What verification passes share -----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_VERIFY_PASSSUPPORT_H
#define PATHWAYC_VERIFY_PASSSUPPORT_H

#include "diag/Diagnostic.h"
#include "ir/Module.h"
#include "passes/PassManager.h"
#include "verify/GuardSolver.h"

#include <string>
#include <vector>

namespace pathwayc::verify {

/// A path of nodes from the entry to \p Target that the case \p C can take:
/// every edge on it is true, or undecided, for C. Probabilities are left
/// open on the way, since new findings change them; empty if none.
std::vector<unsigned> findCasePath(const ir::Module &M, unsigned Target,
                                   const Case &C);

/// A witness for a diagnostic: the vignette, every value of the case, and
/// the path's node ids.
CaseWitness makeWitness(const ir::Module &M, const Case &C, llvm::ArrayRef<unsigned> Path,
                        std::string Vignette);

/// A simple class for passes whose run() only reports.
class VerificationPass : public Pass {
public:
  VerificationPass(llvm::StringRef Name, llvm::StringRef Description)
      : Name(Name), Description(Description) {}
  llvm::StringRef getName() const override { return Name; }
  llvm::StringRef getDescription() const override { return Description; }
  bool run(PassContext &Ctx) override {
    check(Ctx);
    // Verification reads the graph and never changes it.
    return false;
  }

protected:
  virtual void check(PassContext &Ctx) = 0;

private:
  llvm::StringRef Name;
  llvm::StringRef Description;
};

} // namespace pathwayc::verify

#endif // PATHWAYC_VERIFY_PASSSUPPORT_H
