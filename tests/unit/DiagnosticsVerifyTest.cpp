//===- DiagnosticsVerifyTest.cpp - tests/diagnostics/*.pathway ------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Every file in tests/diagnostics is a pathway that carries its own expected
// diagnostics as expected-error/-warning/-note comments. Each file is one
// test: it is checked exactly as `pathwayc check --verify FILE` would, with a
// fresh source manager and diagnostics engine. A last test makes sure that
// every diagnostic in the table is exercised by at least one file.
//
//===----------------------------------------------------------------------===//

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "diag/VerifyDiagnostics.h"
#include "driver/Driver.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <string>
#include <system_error>
#include <vector>

using namespace pathwayc;

namespace {

/// Where the files live: tests/diagnostics of the source tree.
std::string getDiagnosticsDir() {
  llvm::SmallString<256> Dir(PATHWAYC_SOURCE_DIR);
  llvm::sys::path::append(Dir, "tests", "diagnostics");
  return std::string(Dir);
}

/// Every `*.pathway` file in the directory, sorted so that test order and
/// names do not depend on the file system.
std::vector<std::string> findDiagnosticFiles() {
  std::vector<std::string> Files;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(getDiagnosticsDir(), EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".pathway")
      Files.push_back(It->path());
  llvm::sort(Files);
  return Files;
}

/// Checks one file as `pathwayc check --verify` does.
VerifyResult verifyFile(const std::string &Path) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  if (BufferID Buffer = loadPathwayFile(Path, Diags))
    compilePathway(Buffer, Diags, PipelineOptions());
  // A file that cannot be loaded leaves its PW0001-PW0004 unexpected, so
  // it fails like any other mismatch.
  return verifyDiagnostics(SM, Diags.getSortedDiagnostics());
}

/// "PW0201-undefined-name.pathway" -> "PW0201_undefined_name".
std::string getTestName(const ::testing::TestParamInfo<std::string> &Info) {
  std::string Name = llvm::sys::path::stem(Info.param).str();
  for (char &C : Name)
    if (!llvm::isAlnum(C))
      C = '_';
  return Name;
}

class DiagnosticsVerifyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DiagnosticsVerifyTest, MatchesExpectedComments) {
  VerifyResult Result = verifyFile(GetParam());
  std::string Problems;
  for (const std::string &Problem : Result.Problems)
    Problems += "  " + Problem + "\n";
  EXPECT_TRUE(Result.Ok) << GetParam() << ":\n" << Problems;
}

INSTANTIATE_TEST_SUITE_P(Files, DiagnosticsVerifyTest,
                         ::testing::ValuesIn(findDiagnosticFiles()),
                         getTestName);

// If the directory were empty the suite above would have no instances;
// DirectoryHasFiles says so in plainer words than gtest's own check.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiagnosticsVerifyTest);

TEST(DiagnosticsVerifyCoverageTest, DirectoryHasFiles) {
  EXPECT_FALSE(findDiagnosticFiles().empty())
      << "no .pathway files in " << getDiagnosticsDir();
}

TEST(DiagnosticsVerifyCoverageTest, EveryCodeIsMatchedByAFile) {
  // These codes are about the file as a whole, not about what its text
  // says: a path that is missing, a directory, unreadable or oversized
  // (PW0001-PW0004), and bytes that are not UTF-8 text, contain a NUL or
  // are no text at all (PW0005-PW0007), which make awkward files to keep
  // here with expected-* comments. The command-line robustness tests
  // (tests/unit/RobustnessTest.cpp) cover them. The verifier's step budget
  // (PW0604, PW0704) is met only by searches far larger than a test file;
  // VerifierTest.StepBudgetIsReportedNotSkipped covers it with a tiny budget.
  // A target's options (PW0008) come from the command line, not from a
  // file; JsonTargetTest covers them. Rendering with Graphviz (PW0009,
  // PW0010) fails for want of a working `dot`; RenderTargetTest runs the
  // compiler without one and with one that fails. Two pathways whose files
  // would collide (PW0011) take two files; CompileCommandTest covers it.
  static const llvm::StringRef NotFromText[] = {
      "PW0001", "PW0002", "PW0003", "PW0004", "PW0005", "PW0006", "PW0007",
      "PW0008", "PW0009", "PW0010", "PW0011", "PW0604", "PW0704"};

  llvm::StringSet<> Matched;
  for (const std::string &Path : findDiagnosticFiles())
    for (const auto &Entry : verifyFile(Path).MatchedCodes)
      Matched.insert(Entry.getKey());

  std::vector<std::string> Missing;
  for (unsigned I = 0; I != diag::NumDiagnostics; ++I) {
    const DiagnosticInfo &Info = getDiagnosticInfo(static_cast<diag::ID>(I));
    if (Info.DefaultSeverity == Severity::Note || Info.Code.empty())
      continue;
    if (llvm::is_contained(NotFromText, Info.Code))
      continue;
    if (!Matched.count(Info.Code))
      Missing.push_back(Info.Code.str() + " (" + Info.Name.str() + ")");
  }
  EXPECT_TRUE(Missing.empty())
      << "no file in " << getDiagnosticsDir()
      << " expects these diagnostics: " << llvm::join(Missing, ", ");
}

} // namespace
