//===- EmitTestSupport.h - Emitting pathways in target tests ----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// What every target's tests share: compiling a pathway the way `pathwayc
// compile` does and running one emitter on it, and comparing the output
// with the goldens in tests/golden/<target>/.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TESTS_EMITTESTSUPPORT_H
#define PATHWAYC_TESTS_EMITTESTSUPPORT_H

#include "RunPathwayc.h"

#include "Emitter.h"
#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"

#include "llvm/ADT/StringExtras.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <filesystem>

namespace pathwayc::test {

using EmitterFactory = std::unique_ptr<Emitter> (*)();

/// One pathway compiled and emitted, with everything the output points into.
struct Emission {
  SourceManager SM;
  DiagnosticsEngine Diags{SM};
  CompiledPathway Compiled;
  MemoryOutputContext Out;
  bool Succeeded = false;

  std::string diagnostics() const {
    std::string S;
    llvm::raw_string_ostream OS(S);
    renderDiagnosticsText(OS, SM, Diags.getSortedDiagnostics(), {});
    return S;
  }
  /// The only file written; empty if there is none.
  std::string text() const {
    auto Files = Out.getFiles();
    return Files.size() == 1 ? Files.front().second : std::string();
  }
};

/// Compiles \p Buffer and emits it with \p Create's emitter, recording the
/// source as \p SourceName, as `pathwayc compile` would.
inline void compileAndEmit(Emission &E, EmitterFactory Create, BufferID Buffer,
                           llvm::StringRef SourceName,
                           llvm::StringRef Parameter,
                           std::vector<std::string> Highlight) {
  ASSERT_NE(Buffer, 0u) << E.diagnostics();
  E.Compiled = compilePathway(Buffer, E.Diags, PipelineOptions());
  ASSERT_TRUE(E.Compiled.Graph) << E.diagnostics();
  Provenance Origin;
  Origin.CompilerVersion = PATHWAYC_VERSION;
  Origin.SourceFile = SourceName.str();
  Origin.SourceSha256 = sha256Hex(E.SM.getContents(Buffer));
  Origin.PassedChecks = E.Compiled.Report.PassedChecks;
  EmitRequest Request{*E.Compiled.Graph, std::move(Origin), Parameter.str(),
                      std::move(Highlight), ""};
  E.Succeeded = Create()->emit(Request, E.Out, E.Diags);
}

/// Compiles \p Text (which must have no errors before verification) and
/// emits it as "test.pathway".
inline std::unique_ptr<Emission>
emitText(EmitterFactory Create, llvm::StringRef Text,
         llvm::StringRef Parameter = "",
         std::vector<std::string> Highlight = {}) {
  auto E = std::make_unique<Emission>();
  BufferID Buffer = E->SM.addBuffer("test.pathway", Text.str());
  compileAndEmit(*E, Create, Buffer, "test.pathway", Parameter,
                 std::move(Highlight));
  return E;
}

/// Compiles the file at \p Path, recording it as \p SourceName, the way
/// `pathwayc compile` run from the repository root would.
inline std::unique_ptr<Emission> emitFile(EmitterFactory Create,
                                          llvm::StringRef Path,
                                          llvm::StringRef SourceName) {
  auto E = std::make_unique<Emission>();
  BufferID Buffer = loadPathwayFile(Path, E->Diags);
  compileAndEmit(*E, Create, Buffer, SourceName, "", {});
  return E;
}

inline std::string sourcePath(llvm::StringRef Relative) {
  return (std::filesystem::path(PATHWAYC_SOURCE_DIR) / Relative.str()).string();
}

/// Stems of the shipped guidelines, sorted.
inline std::vector<std::string> shippedGuidelines() {
  std::vector<std::string> Stems;
  for (const auto &Entry :
       std::filesystem::directory_iterator(sourcePath("guidelines")))
    if (Entry.path().extension() == ".pathway")
      Stems.push_back(Entry.path().stem().string());
  std::sort(Stems.begin(), Stems.end());
  return Stems;
}

//===----------------------------------------------------------------------===//
// Goldens
//===----------------------------------------------------------------------===//

constexpr const char *RegenerateGoldens =
    "tools/update_goldens (after building), then review the diff";

/// The first line where \p Golden and \p Actual differ, for the message.
inline std::string firstDifference(llvm::StringRef Golden,
                                   llvm::StringRef Actual) {
  llvm::SmallVector<llvm::StringRef, 0> G, A;
  Golden.split(G, '\n');
  Actual.split(A, '\n');
  for (size_t I = 0; I != std::max(G.size(), A.size()); ++I) {
    llvm::StringRef L = I < G.size() ? G[I] : "<end of file>";
    llvm::StringRef R = I < A.size() ? A[I] : "<end of file>";
    if (L != R)
      return "first difference at line " + std::to_string(I + 1) +
             ":\n  golden: " + L.str() + "\n  actual: " + R.str();
  }
  return "the files differ";
}

/// Emits the shipped guideline \p Stem and compares every file with its
/// golden in tests/golden/<Target>/.
inline void expectMatchesGoldens(EmitterFactory Create, llvm::StringRef Target,
                                 const std::string &Stem) {
  // tools/update_goldens runs `pathwayc compile` from the repository root,
  // which records the source as "guidelines/<name>.pathway" whatever the
  // checkout's path; the emitter must give the same bytes here.
  std::string Name = "guidelines/" + Stem + ".pathway";
  auto E = emitFile(Create, sourcePath(Name), Name);
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  for (const auto &[File, Contents] : E->Out.getFiles()) {
    std::string Relative = "tests/golden/" + Target.str() + "/" + File;
    std::string GoldenPath = sourcePath(Relative);
    ASSERT_TRUE(llvm::sys::fs::exists(GoldenPath))
        << Relative << " is missing; run " << RegenerateGoldens;
    std::string Golden = readWholeFile(GoldenPath);
    EXPECT_TRUE(Golden == Contents)
        << Relative << " is out of date; run " << RegenerateGoldens << ".\n"
        << firstDifference(Golden, Contents);
  }
}

/// Every golden of \p Target belongs to a shipped guideline: one whose
/// guideline was removed or renamed is stale. \p Extensions are the files
/// the target writes per guideline (".h" and ".cpp" for C++).
inline void
expectOneGoldenPerGuideline(llvm::StringRef Target,
                            std::initializer_list<llvm::StringRef> Extensions) {
  std::string Dir = sourcePath("tests/golden/" + Target.str());
  ASSERT_TRUE(std::filesystem::is_directory(Dir))
      << "tests/golden/" << Target.str() << " is missing; run "
      << RegenerateGoldens;
  std::vector<std::string> Goldens;
  for (const auto &Entry : std::filesystem::directory_iterator(Dir))
    Goldens.push_back(Entry.path().filename().string());
  std::sort(Goldens.begin(), Goldens.end());
  std::vector<std::string> Expected;
  for (const std::string &Stem : shippedGuidelines())
    for (llvm::StringRef Extension : Extensions)
      Expected.push_back(Stem + Extension.str());
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(llvm::join(Goldens, ", "), llvm::join(Expected, ", "))
      << "run " << RegenerateGoldens;
}

} // namespace pathwayc::test

#endif // PATHWAYC_TESTS_EMITTESTSUPPORT_H
