//===- VerifierTestSupport.h - Compiling pathways to graphs in tests -*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TESTS_VERIFIERTESTSUPPORT_H
#define PATHWAYC_TESTS_VERIFIERTESTSUPPORT_H

#include "TestSupport.h"

#include "ir/Lowering.h"
#include "ir/Module.h"
#include "passes/PassManager.h"
#include "verify/Verifier.h"

#include "gtest/gtest.h"

namespace pathwayc::test {

/// A pathway text lowered to its decision graph (after a clean check).
struct Graph {
  std::unique_ptr<Compilation> C;
  std::unique_ptr<ir::Module> M;

  std::string print() const {
    std::string S;
    llvm::raw_string_ostream OS(S);
    ir::printModule(OS, *M);
    return S;
  }

  /// Runs one pass (the pipeline with every other pass disabled) or, with
  /// an empty name, the whole verifier; returns the diagnostics rendered.
  std::string runPass(llvm::StringRef Name = "") {
    PipelineOptions Options;
    if (!Name.empty())
      for (const auto &[Pass, Description] : verify::listVerifierPasses())
        if (Pass != Name)
          Options.DisabledPasses.insert(Pass);
    verify::verifyModule(*M, C->Diags, Options);
    return C->diagnostics();
  }

  /// The witness of the only diagnostic with \p Code.
  const CaseWitness *witness(llvm::StringRef Code) const {
    const CaseWitness *Found = nullptr;
    for (const Diagnostic &D : C->Diags.getDiagnostics())
      if (D.getCode() == Code && D.Witness) {
        EXPECT_EQ(Found, nullptr) << "more than one " << Code.str();
        Found = &*D.Witness;
      }
    return Found;
  }
};

/// Compiles \p Text (which must check without errors) to its graph.
inline Graph lower(llvm::StringRef Text) {
  Graph G;
  G.C = compile(Text);
  EXPECT_EQ(G.C->Diags.getNumErrors(), 0u) << G.C->diagnostics();
  if (G.C->AST && !G.C->Diags.hasErrors())
    G.M = ir::lowerToIR(*G.C->AST, "test.pathway");
  return G;
}

/// Wraps pathway members in a file with the metadata and source the checks
/// expect.
inline std::string pathwayWith(llvm::StringRef Members) {
  return "pathway p {\n  title \"T\"\n  version \"1\"\n  source s \"S\"\n" +
         Members.str() + "\n}\n";
}

} // namespace pathwayc::test

#endif // PATHWAYC_TESTS_VERIFIERTESTSUPPORT_H
