//===- CommandLineTest.cpp - The pathwayc command, end to end -------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

using namespace pathwayc::test;

namespace {

const char *CleanPathway =
    "pathway p {\n"
    "  title \"T\"\n"
    "  version \"1\"\n"
    "  source s \"S\"\n"
    "  inputs { relief: number in [0, 100] percent }\n"
    "  start step a {\n"
    "    assess relief\n"
    "    branch {\n"
    "      relief > 75 percent -> good cite s\n"
    "      relief <= 75 percent -> bad cite s\n"
    "    }\n"
    "  }\n"
    "  outcome good \"Good\" { recommend \"g\" cite s }\n"
    "  outcome bad \"Bad\" { recommend \"b\" cite s }\n"
    "}\n";

TEST(CommandLineTest, HelpAndVersion) {
  RunResult Help = runPathwayc({"--help"});
  EXPECT_EQ(Help.ExitCode, 0);
  EXPECT_NE(Help.Out.find("usage: pathwayc <command>"), std::string::npos);
  EXPECT_NE(Help.Out.find("check"), std::string::npos);

  RunResult CheckHelp = runPathwayc({"check", "--help"});
  EXPECT_EQ(CheckHelp.ExitCode, 0);
  EXPECT_NE(CheckHelp.Out.find("--diagnostics-format=text|json"),
            std::string::npos);
  EXPECT_NE(CheckHelp.Out.find("--warnings-as-errors"), std::string::npos);

  RunResult Version = runPathwayc({"--version"});
  EXPECT_EQ(Version.ExitCode, 0);
  EXPECT_EQ(Version.Out.rfind("pathwayc ", 0), 0u) << Version.Out;
}

TEST(CommandLineTest, UsageErrorsExitWithTwo) {
  RunResult NoCommand = runPathwayc({"frobnicate"});
  EXPECT_EQ(NoCommand.ExitCode, 2);
  EXPECT_NE(NoCommand.Err.find("unknown command 'frobnicate'"),
            std::string::npos);

  RunResult NoFiles = runPathwayc({"check"});
  EXPECT_EQ(NoFiles.ExitCode, 2);
  EXPECT_NE(NoFiles.Err.find("needs at least one pathway file"),
            std::string::npos);

  RunResult BadOption = runPathwayc({"check", "--bogus", "x.pathway"});
  EXPECT_EQ(BadOption.ExitCode, 2);
  EXPECT_NE(BadOption.Err.find("unknown option '--bogus'"), std::string::npos);

  RunResult BadValue =
      runPathwayc({"check", "--diagnostics-format=xml", "x.pathway"});
  EXPECT_EQ(BadValue.ExitCode, 2);
  EXPECT_NE(BadValue.Err.find("unknown diagnostics format 'xml'"),
            std::string::npos);
}

TEST(CommandLineTest, CleanFileExitsWithZeroAndPrintsNothing) {
  TempFile F("clean.pathway", CleanPathway);
  RunResult R = runPathwayc({"check", F.path()});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Err, "");
  EXPECT_EQ(R.Out, "");
}

TEST(CommandLineTest, MisspelledInputShowsLocationCaretAndSuggestion) {
  std::string Text = CleanPathway;
  Text.replace(Text.find("relief > 75"), 6, "releif");
  TempFile F("typo.pathway", Text);
  RunResult R = runPathwayc({"check", "--color=never", F.path()});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Err.find(F.path() +
                       ":9:7: error[PW0201]: unknown input or exam 'releif'; "
                       "did you mean 'relief'?\n"
                       "    9 |       releif > 75 percent -> good cite s\n"
                       "      |       ^~~~~~\n"
                       "      |       relief\n"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 error generated."), std::string::npos);
}

TEST(CommandLineTest, WarningsDoNotFailUnlessAskedTo) {
  std::string Text = CleanPathway;
  Text.replace(Text.find("  version \"1\"\n"), 14, "");
  TempFile F("warn.pathway", Text);
  RunResult Plain = runPathwayc({"check", F.path()});
  EXPECT_EQ(Plain.ExitCode, 0);
  EXPECT_NE(Plain.Err.find("warning[PW0210]"), std::string::npos);

  RunResult Strict = runPathwayc({"check", "--warnings-as-errors", F.path()});
  EXPECT_EQ(Strict.ExitCode, 1);
  EXPECT_NE(Strict.Err.find("error[PW0210]"), std::string::npos);
}

TEST(CommandLineTest, JsonDiagnostics) {
  std::string Text = CleanPathway;
  Text.replace(Text.find("-> bad"), 6, "-> badd");
  TempFile F("json.pathway", Text);
  RunResult R = runPathwayc({"check", "--diagnostics-format=json", F.path()});
  EXPECT_EQ(R.ExitCode, 1);
  nlohmann::json Doc = nlohmann::json::parse(R.Out);
  ASSERT_EQ(Doc["diagnostics"].size(), 1u) << R.Out;
  const nlohmann::json &D = Doc["diagnostics"][0];
  EXPECT_EQ(D["code"], "PW0201");
  EXPECT_EQ(D["severity"], "error");
  EXPECT_EQ(D["file"], F.path());
  EXPECT_EQ(D["range"]["begin"]["line"], 10);
  EXPECT_EQ(D["range"]["begin"]["column"], 31);
  EXPECT_EQ(D["message"],
            "unknown step or outcome 'badd'; did you mean 'bad'?");
  EXPECT_EQ(D["notes"].size(), 1u);
  EXPECT_EQ(D["fixits"][0]["replacement"], "bad");
}

TEST(CommandLineTest, ThreeIndependentErrorsAreAllReported) {
  std::string Text = CleanPathway;
  Text.replace(Text.find("percent }"), 7, "prcent");               // unit
  Text.replace(Text.find("-> good"), 7, "-> goood");               // target
  Text.replace(Text.find("cite s }\n  outcome bad"), 6, "cite t"); // source
  TempFile F("three.pathway", Text);
  RunResult R = runPathwayc({"check", F.path()});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Err.find("unknown unit 'prcent'"), std::string::npos) << R.Err;
  EXPECT_NE(R.Err.find("unknown step or outcome 'goood'"), std::string::npos);
  EXPECT_NE(R.Err.find("unknown source 't'"), std::string::npos);
  EXPECT_NE(R.Err.find("3 errors generated."), std::string::npos) << R.Err;
}

TEST(CommandLineTest, VerifyModeMatchesExpectedComments) {
  std::string Text = CleanPathway;
  Text.replace(Text.find("      relief > 75"), 0,
               "      // expected-error@+2:7 {{unknown input or exam "
               "'releif'}}\n      // expected-note@5:12 {{'relief' is "
               "declared here}}\n");
  Text.replace(Text.find("relief > 75"), 6, "releif");
  TempFile F("verify.pathway", Text);
  RunResult R = runPathwayc({"check", "--verify", F.path()});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;

  TempFile Unexpected("unexpected.pathway",
                      std::string(CleanPathway) + "// expected-error {{x}}\n");
  RunResult Bad = runPathwayc({"check", "--verify", Unexpected.path()});
  EXPECT_EQ(Bad.ExitCode, 1);
  EXPECT_NE(Bad.Err.find("was not seen"), std::string::npos) << Bad.Err;
}

TEST(CommandLineTest, ShippedGuidelinesCheckClean) {
  std::vector<std::string> Args = {"check", "--warnings-as-errors"};
  for (const char *Name :
       {"acr_hip_pain_coexisting_back_or_knee", "buttock_pain_differential",
        "lateral_hip_pain_spine_or_si", "spine_origin_of_hip_pain"})
    Args.push_back(std::string(PATHWAYC_SOURCE_DIR) + "/guidelines/" + Name +
                   ".pathway");
  RunResult R = runPathwayc(Args);
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  EXPECT_EQ(R.Err, "");
}

} // namespace

namespace {

TEST(CompileCommandTest, WritesEveryTargetForEveryFile) {
  TempFile F("clean.pathway", CleanPathway);
  llvm::SmallString<128> Out(F.dir());
  llvm::sys::path::append(Out, "out");
  RunResult R = runPathwayc(
      {"compile", "--emit", "json", "-o", std::string(Out), F.path()});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;
  llvm::SmallString<128> Json(Out);
  llvm::sys::path::append(Json, "p.json");
  std::string Text = readWholeFile(Json);
  ASSERT_FALSE(Text.empty());
  nlohmann::json Doc = nlohmann::json::parse(Text);
  EXPECT_EQ(Doc["format"], "pathwayc-graph");
  llvm::sys::fs::remove(Json);
  llvm::sys::fs::remove(Out);
}

TEST(CompileCommandTest, WritesNothingWhenAnyFileHasAnError) {
  TempFile Good("good.pathway", CleanPathway);
  std::string Broken = CleanPathway;
  Broken.replace(Broken.find("-> bad"), 6, "-> nowhere");
  TempFile Bad("bad.pathway", Broken);
  llvm::SmallString<128> Out(Good.dir());
  llvm::sys::path::append(Out, "out");
  RunResult R = runPathwayc({"compile", "--emit=json", "--output-dir",
                             std::string(Out), Good.path(), Bad.path()});
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_NE(R.Err.find("unknown step or outcome 'nowhere'"), std::string::npos);
  // Not even the good file's output: all or nothing.
  EXPECT_FALSE(llvm::sys::fs::exists(Out));
}

TEST(CompileCommandTest, FilesNamedAfterTheirSourcesOrTheirPathways) {
  // Two files holding the same pathway would write the same files.
  TempFile First("first.pathway", CleanPathway);
  TempFile Second("second.pathway", CleanPathway);
  llvm::SmallString<128> Out(First.dir());
  llvm::sys::path::append(Out, "out");
  RunResult Collision =
      runPathwayc({"compile", "--emit=json,cpp", "-o", std::string(Out),
                   First.path(), Second.path()});
  EXPECT_EQ(Collision.ExitCode, 1);
  EXPECT_NE(Collision.Err.find(
                "error[PW0011]: pathway 'p' would write the same files as the "
                "pathway in '" +
                First.path() +
                "' (p.*); rename one of them, or compile with "
                "--name-after-file"),
            std::string::npos)
      << Collision.Err;
  EXPECT_NE(Collision.Err.find(Second.path() + ":"), std::string::npos);
  EXPECT_FALSE(llvm::sys::fs::exists(Out));

  // Named after their files they do not collide, and the source includes
  // the header by its new name.
  RunResult Named =
      runPathwayc({"compile", "--emit=json,cpp", "--name-after-file", "-o",
                   std::string(Out), First.path(), Second.path()});
  ASSERT_EQ(Named.ExitCode, 0) << Named.Err;
  for (const char *Name : {"first.h", "first.cpp", "first.json", "second.h",
                           "second.cpp", "second.json"}) {
    llvm::SmallString<128> Path(Out);
    llvm::sys::path::append(Path, Name);
    EXPECT_TRUE(llvm::sys::fs::exists(Path)) << Name;
  }
  llvm::SmallString<128> Source(Out);
  llvm::sys::path::append(Source, "second.cpp");
  EXPECT_NE(readWholeFile(Source).find("#include \"second.h\""),
            std::string::npos);
  std::error_code EC = llvm::sys::fs::remove_directories(Out);
  EXPECT_FALSE(EC) << EC.message();
}

TEST(CompileCommandTest, UsageErrors) {
  TempFile F("clean.pathway", CleanPathway);
  RunResult NoEmit = runPathwayc({"compile", "-o", F.dir(), F.path()});
  EXPECT_EQ(NoEmit.ExitCode, 2);
  EXPECT_NE(NoEmit.Err.find("'compile' needs --emit"), std::string::npos);
  RunResult NoDir = runPathwayc({"compile", "--emit", "json", F.path()});
  EXPECT_EQ(NoDir.ExitCode, 2);
  EXPECT_NE(NoDir.Err.find("needs an output directory"), std::string::npos);
  RunResult Unknown =
      runPathwayc({"compile", "--emit", "pdf", "-o", F.dir(), F.path()});
  EXPECT_EQ(Unknown.ExitCode, 2);
  EXPECT_NE(Unknown.Err.find("unknown target 'pdf'"), std::string::npos);
  RunResult BadOption =
      runPathwayc({"compile", "--emit", "json", "--json_opt=fancy", "-o",
                   F.dir(), F.path()});
  // Like an unknown target, a usage error, though a target reports it.
  EXPECT_EQ(BadOption.ExitCode, 2);
  EXPECT_NE(BadOption.Err.find("unknown option 'fancy' for target 'json'"),
            std::string::npos)
      << BadOption.Err;
}

} // namespace
