//===- CheckGeneratedCommandTest.cpp - `pathwayc check-generated` ---------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The real binary compiles a copy of a shipped guideline in a temporary
// source root, from that root and with relative paths, as a pipeline that
// commits generated code does; then the source, the generated files or the
// command line are changed and check-generated must notice.
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "Emitter.h"

#include "gtest/gtest.h"

#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>

using namespace pathwayc;
using namespace pathwayc::test;
namespace fs = llvm::sys::fs;

namespace {

const char *const Shipped = PATHWAYC_SOURCE_DIR
    "/guidelines/acr_hip_pain_coexisting_back_or_knee.pathway";
const char *const Source = "guidelines/acr.pathway";
/// The targets name files after the pathway.
const char *const Stem = "out/acr_hip_pain_coexisting_back_or_knee";
const char *const TextTargets[] = {".cpp", ".dot", ".h", ".json"};

void writeFile(llvm::StringRef Path, llvm::StringRef Contents) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  ASSERT_FALSE(EC) << Path.str() << ": " << EC.message();
  OS << Contents;
}

/// \p Path with its first occurrence of \p From replaced by \p To.
void editFile(llvm::StringRef Path, llvm::StringRef From, llvm::StringRef To) {
  std::string Text = readWholeFile(Path);
  size_t At = Text.find(From.str());
  ASSERT_NE(At, std::string::npos) << From.str() << " not in " << Path.str();
  writeFile(Path, Text.replace(At, From.size(), To.str()));
}

/// Line \p N (from 1) of \p Text.
std::string getLine(llvm::StringRef Text, unsigned N) {
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  Text.split(Lines, '\n');
  return N <= Lines.size() ? Lines[N - 1].str() : std::string();
}

std::string shortHash(llvm::StringRef Bytes) {
  return sha256Hex(Bytes).substr(0, 8) + "\u2026";
}

/// The report's line for each generated file with one of \p Extensions,
/// stale for \p Why.
std::string staleLines(llvm::ArrayRef<const char *> Extensions,
                       const std::string &Why) {
  std::string Lines;
  for (const char *Extension : Extensions)
    Lines += std::string(Stem) + Extension + ": stale: " + Why + "\n";
  return Lines;
}

/// Runs in a fresh source root holding guidelines/acr.pathway, a copy of a
/// shipped guideline.
class CheckGeneratedTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(fs::current_path(OldCwd));
    ASSERT_FALSE(fs::createUniqueDirectory("pathwayc-check-generated", Root));
    ASSERT_FALSE(fs::set_current_path(Root));
    ASSERT_FALSE(fs::create_directory("guidelines"));
    OriginalSource = readWholeFile(Shipped);
    ASSERT_FALSE(OriginalSource.empty());
    writeFile(Source, OriginalSource);
  }

  void TearDown() override {
    fs::set_current_path(OldCwd);
    fs::remove_directories(Root);
  }

  void compile(llvm::StringRef Path = Source,
               llvm::StringRef Emit = "cpp,json,dot") {
    RunResult R =
        runPathwayc({"compile", Path.str(), "--emit", Emit.str(), "-o", "out"});
    ASSERT_EQ(R.ExitCode, 0) << R.Err;
  }

  llvm::SmallString<128> OldCwd;
  llvm::SmallString<128> Root;
  std::string OriginalSource;
};

TEST_F(CheckGeneratedTest, FreshRightAfterCompiling) {
  compile();
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Out, "4 generated files checked: all fresh\n");
  EXPECT_EQ(R.Err, "");
}

TEST_F(CheckGeneratedTest, EditedSourceMakesEveryFileStale) {
  compile();
  std::string Edited = OriginalSource + "// a later edit\n";
  writeFile(Source, Edited);
  RunResult R = runPathwayc({"check-generated", "out/"});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  EXPECT_EQ(R.Out, staleLines(TextTargets,
                              "guidelines/acr.pathway has changed since it was "
                              "generated (sha256 " +
                                  shortHash(OriginalSource) + " recorded, " +
                                  shortHash(Edited) +
                                  " now); run pathwayc compile again") +
                       "4 generated files checked: 4 stale\n");

  // Back as it was, the files are fresh again.
  writeFile(Source, OriginalSource);
  EXPECT_EQ(runPathwayc({"check-generated", "out"}).ExitCode, 0);
}

TEST_F(CheckGeneratedTest, DeletedSourceIsMissing) {
  compile();
  ASSERT_FALSE(fs::remove(Source));
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out,
            staleLines(TextTargets,
                       "its source guidelines/acr.pathway does not exist; "
                       "run this from the directory pathwayc compile ran in, "
                       "or pass --source-root; if the source is gone, "
                       "restore it or delete the generated file") +
                "4 generated files checked: 4 stale\n");
}

TEST_F(CheckGeneratedTest, AnotherCompilerVersionIsStale) {
  compile();
  std::string Header = std::string(Stem) + ".h";
  std::string Document = std::string(Stem) + ".json";
  editFile(Header, "pathwayc " PATHWAYC_VERSION " from", "pathwayc 0.0.9 from");
  editFile(Document, "\"version\": \"" PATHWAYC_VERSION "\"",
           "\"version\": \"0.0.9\"");
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 1);
  std::string Why =
      ": stale: it was generated by pathwayc 0.0.9 and this is "
      "pathwayc " PATHWAYC_VERSION "; run pathwayc compile again\n";
  EXPECT_EQ(R.Out, Header + Why + Document + Why +
                       "4 generated files checked: 2 fresh, 2 stale\n");
}

TEST_F(CheckGeneratedTest, MalformedHeadersAreErrorsAtTheirLine) {
  compile();
  std::string Cpp = std::string(Stem) + ".cpp";
  std::string Dot = std::string(Stem) + ".dot";
  std::string Document = std::string(Stem) + ".json";
  editFile(Cpp, "// Source sha256: ", "// Source sha256: g");
  editFile(Dot, "). Do not edit.", ")");
  // The provenance's "sha256" is on line 10 of the indented document.
  ASSERT_NE(getLine(readWholeFile(Document), 10).find("\"sha256\""),
            std::string::npos);
  editFile(Document, "\"sha256\": \"", "\"sha256\": \"X");
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out,
            Cpp +
                ":2: error: malformed provenance header: expected '// Source "
                "sha256: HASH.' with 64 lower-case hex digits\n" +
                Dot +
                ":1: error: malformed provenance header: expected '// "
                "Generated by pathwayc VERSION from SOURCE (sha256 HASH). Do "
                "not edit.'\n" +
                Document +
                ":10: error: malformed provenance header: expected 'sha256' "
                "to be 64 lower-case hex digits\n"
                "4 generated files checked: 1 fresh, 3 malformed\n");

  // A document of the JSON target cut short, in the middle of line 10.
  writeFile(Document, readWholeFile(Document).substr(0, 200));
  R = runPathwayc({"check-generated", "out"});
  EXPECT_NE(R.Out.find(Document + ":10: error: malformed provenance header: "
                                  "the document is not valid JSON\n"),
            std::string::npos)
      << R.Out;
}

TEST_F(CheckGeneratedTest, FilesWithoutProvenanceAreSkipped) {
  compile(Source, "cpp,json,dot,svg");
  writeFile("out/README.md", "Generated by pathwayc; do not edit.\n");
  writeFile("out/helper.h", "// Written by hand.\n#pragma once\n");
  writeFile("out/case.json", "{\"relief\": 80}\n");
  writeFile("out/other.json", "[\"not\", \"ours\"");
  // Not read: the check is not recursive.
  ASSERT_FALSE(fs::create_directory("out/old"));
  writeFile("out/old/stale.h",
            "// Generated by pathwayc 0.0.1 from gone.pathway. Do not edit.\n");
  ASSERT_TRUE(fs::exists(std::string(Stem) + ".svg"));
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 0) << R.Out;
  EXPECT_EQ(R.Out, "4 generated files checked: all fresh\n");

  ASSERT_FALSE(fs::create_directory("empty"));
  R = runPathwayc({"check-generated", "empty"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(R.Out, "no generated files in empty\n");
}

TEST_F(CheckGeneratedTest, SourceRootResolvesRelativePaths) {
  compile();
  ASSERT_FALSE(fs::set_current_path("out"));
  RunResult FromRoot =
      runPathwayc({"check-generated", ".", "--source-root", std::string(Root)});
  EXPECT_EQ(FromRoot.ExitCode, 0) << FromRoot.Out;
  EXPECT_EQ(FromRoot.Out, "4 generated files checked: all fresh\n");

  RunResult Parent = runPathwayc({"check-generated", ".", "--source-root=.."});
  EXPECT_EQ(Parent.ExitCode, 0) << Parent.Out;
  // From the wrong directory every source is missing, and the message says
  // where it looked.
  RunResult Wrong = runPathwayc({"check-generated", "."});
  EXPECT_EQ(Wrong.ExitCode, 1);
  EXPECT_NE(Wrong.Out.find("./acr_hip_pain_coexisting_back_or_knee.h: stale: "
                           "its source guidelines/acr.pathway does not exist"),
            std::string::npos)
      << Wrong.Out;
  RunResult Looked = runPathwayc({"check-generated", ".", "--source-root=/"});
  EXPECT_NE(Looked.Out.find("(looked for /guidelines/acr.pathway)"),
            std::string::npos)
      << Looked.Out;
}

TEST_F(CheckGeneratedTest, PathsThatCommentsChange) {
  // The C++ comment spaces out "??", which is undone when reading it back.
  std::string Questions = "guidelines/what??.pathway";
  writeFile(Questions, OriginalSource);
  compile(Questions);
  ASSERT_NE(readWholeFile(std::string(Stem) + ".h").find("what? ?.pathway"),
            std::string::npos);
  RunResult R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 0) << R.Out;

  // A tab cannot be written in a comment: JSON has the path exactly, the
  // comments do not.
  std::string Tab = "guidelines/with\ttab.pathway";
  writeFile(Tab, OriginalSource);
  compile(Tab);
  R = runPathwayc({"check-generated", "out"});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_EQ(R.Out,
            staleLines({".cpp", ".dot", ".h"},
                       "its source guidelines/with tab.pathway does not exist "
                       "(the comment may have changed the path: it cannot be "
                       "recovered exactly); run this from the directory "
                       "pathwayc compile ran in, or pass --source-root; if "
                       "the source is gone, restore it or delete the "
                       "generated file") +
                "4 generated files checked: 1 fresh, 3 stale\n");
}

TEST_F(CheckGeneratedTest, JsonReport) {
  compile();
  writeFile(Source, OriginalSource + "\n");
  writeFile(std::string(Stem) + ".json", "{\"format\": \"pathwayc-graph\"}\n");
  RunResult R = runPathwayc({"check-generated", "out", "--format=json"});
  EXPECT_EQ(R.ExitCode, 1);
  auto J = nlohmann::json::parse(R.Out);
  EXPECT_EQ(J["compiler"]["version"], PATHWAYC_VERSION);
  EXPECT_EQ(J["sourceRoot"], ".");
  EXPECT_EQ(J["summary"], nlohmann::json::parse(R"({"checked": 4,
      "fresh": 0, "stale": 3, "malformed": 1, "unreadable": 0})"));
  ASSERT_EQ(J["files"].size(), 4u);
  const auto &Cpp = J["files"][0];
  EXPECT_EQ(Cpp["file"], std::string(Stem) + ".cpp");
  EXPECT_EQ(Cpp["target"], "cpp");
  EXPECT_EQ(Cpp["state"], "stale");
  EXPECT_EQ(Cpp["source"], Source);
  EXPECT_EQ(Cpp["sourcePathExact"], true);
  EXPECT_EQ(Cpp["compilerVersion"], PATHWAYC_VERSION);
  EXPECT_EQ(Cpp["sha256"], sha256Hex(OriginalSource));
  EXPECT_EQ(Cpp["currentSha256"], sha256Hex(OriginalSource + "\n"));
  EXPECT_EQ(Cpp["reasons"], nlohmann::json::array({"source-changed"}));
  EXPECT_NE(Cpp["message"].get<std::string>().find("has changed"),
            std::string::npos);
  EXPECT_EQ(J["files"][1]["target"], "dot");
  EXPECT_EQ(J["files"][2]["target"], "cpp");
  const auto &Document = J["files"][3];
  EXPECT_EQ(Document["target"], "json");
  EXPECT_EQ(Document["state"], "malformed");
  EXPECT_EQ(Document["line"], 1);
  EXPECT_EQ(Document["message"], "malformed provenance header: expected a "
                                 "'provenance' object");

  writeFile(Source, OriginalSource);
  compile();
  R = runPathwayc({"check-generated", "out", "--format", "json"});
  EXPECT_EQ(R.ExitCode, 0);
  J = nlohmann::json::parse(R.Out);
  for (const auto &File : J["files"]) {
    EXPECT_EQ(File["state"], "fresh");
    EXPECT_EQ(File["reasons"], nlohmann::json::array());
    EXPECT_TRUE(File["message"].is_null());
    EXPECT_EQ(File["sha256"], File["currentSha256"]);
  }
}

TEST_F(CheckGeneratedTest, UsageErrorsExitWithTwo) {
  compile();
  struct Case {
    std::vector<std::string> Args;
    const char *Error;
  };
  const Case Cases[] = {
      {{}, "'check-generated' needs a directory of generated files"},
      {{"nowhere"}, "directory 'nowhere' does not exist"},
      {{Source}, "directory 'guidelines/acr.pathway' is not a directory"},
      {{"out", "nowhere"}, "directory 'nowhere' does not exist"},
      {{"out", "--source-root=nowhere"},
       "source root 'nowhere' does not exist"},
      {{"out", "--format=xml"},
       "unknown report format 'xml'; expected 'text' or 'json'"},
      {{"out", "--verbose"},
       "unknown option '--verbose' for 'check-generated'"},
      {{"out", "--source-root"},
       "option '--source-root' needs a value: --source-root=DIR"},
  };
  for (const Case &C : Cases) {
    std::vector<std::string> Args = {"check-generated"};
    Args.insert(Args.end(), C.Args.begin(), C.Args.end());
    RunResult R = runPathwayc(Args);
    EXPECT_EQ(R.ExitCode, 2) << C.Error;
    EXPECT_EQ(R.Err, std::string("pathwayc: error: ") + C.Error + "\n");
    EXPECT_EQ(R.Out, "") << C.Error;
  }
}

TEST(CheckGeneratedCommandTest, Help) {
  RunResult R = runPathwayc({"check-generated", "--help"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_EQ(R.Out.rfind("usage: pathwayc check-generated DIR... "
                        "[--source-root=DIR] [--format=text|json]\n",
                        0),
            0u)
      << R.Out;
  EXPECT_NE(R.Out.find("  --source-root=DIR "), std::string::npos);
  EXPECT_NE(R.Out.find("exit status: 0 all fresh, 1 any stale or malformed, "
                       "2 usage or file error\n"),
            std::string::npos);
  EXPECT_EQ(runPathwayc({"help", "check-generated"}).Out, R.Out);
  EXPECT_NE(runPathwayc({"--help"}).Out.find("  check-generated  "),
            std::string::npos);
}

} // namespace
