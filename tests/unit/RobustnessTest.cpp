//===- RobustnessTest.cpp - Bad input never crashes -----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Each input here is something an author's editor, a build system or a
// careless script could hand the compiler. Every one must end in a clear
// diagnostic with a location (or the file's name) and exit status 1 or 2,
// never a crash, a hang or silence.
//
//===----------------------------------------------------------------------===//

#include "RunPathwayc.h"

#include "gtest/gtest.h"

#include <regex>

using namespace pathwayc::test;

namespace {

/// Checks one bad file: exit status 1, and a diagnostic of \p Code at
/// file:\p Line:\p Column with \p Message.
void expectError(llvm::StringRef Name, llvm::StringRef Contents, int Line,
                 int Column, llvm::StringRef Code, llvm::StringRef Message) {
  TempFile F(Name, Contents);
  RunResult R = runPathwayc({"check", "--color=never", F.path()});
  EXPECT_EQ(R.ExitCode, 1) << R.Err;
  std::string Expected = F.path() + ":" + std::to_string(Line) + ":" +
                         std::to_string(Column) + ": error[" + Code.str() +
                         "]: " + Message.str();
  EXPECT_NE(R.Err.find(Expected), std::string::npos)
      << "expected: " << Expected << "\nactual:\n"
      << R.Err;
}

TEST(RobustnessTest, EmptyFile) {
  expectError("empty.pathway", "", 1, 1, "PW0007", "file is empty");
  expectError("blank.pathway", "\n  \n\t\n", 1, 1, "PW0007", "file is empty");
}

TEST(RobustnessTest, BinaryJunk) {
  std::string Junk;
  for (int I = 0; I != 4096; ++I)
    Junk.push_back(static_cast<char>((I * 7919) & 0xff));
  expectError("junk.pathway", Junk, 1, 1, "PW0006", "file contains a NUL byte");
}

TEST(RobustnessTest, InvalidUtf8) {
  expectError("latin1.pathway", "pathway p {\n  title \"caf\xe9\"\n}\n", 2, 13,
              "PW0005", "invalid UTF-8 byte 0xE9");
  // An overlong encoding of '/' is not UTF-8 either.
  expectError("overlong.pathway", "pathway p { \xc0\xaf }", 1, 13, "PW0005",
              "invalid UTF-8 byte 0xC0");
}

TEST(RobustnessTest, UnterminatedString) {
  expectError("string.pathway",
              "pathway p {\n  title \"never closed\n  version \"1\"\n}\n", 2,
              22, "PW0102", "missing closing '\"'");
}

TEST(RobustnessTest, UnterminatedComment) {
  expectError("comment.pathway", "pathway p {\n  /* never closed\n}\n", 2, 3,
              "PW0103", "comment is never closed");
}

TEST(RobustnessTest, MissingBraceAtEndOfFile) {
  expectError("brace.pathway",
              "pathway p {\n  title \"T\"\n  step s {\n    next o\n", 4, 11,
              "PW0105",
              "expected '}' at the end of the file to close this step");
}

TEST(RobustnessTest, TenThousandNestedParentheses) {
  std::string Text = "pathway p {\n  include \"c\": " +
                     std::string(10000, '(') + "a" + std::string(10000, ')') +
                     "\n}\n";
  expectError("deep.pathway", Text, 2, 16 + 255, "PW0106",
              "brackets nest more than 256 levels deep");
}

TEST(RobustnessTest, FiveMegabyteFile) {
  // A well-formed pathway padded to 5 MB with declarations: it must check
  // completely (here: one unused-input warning per padding input).
  std::string Text = "pathway big {\n  title \"T\"\n  version \"1\"\n"
                     "  source s \"S\"\n  inputs {\n";
  unsigned Inputs = 0;
  while (Text.size() < 5u << 20)
    Text += "    input_" + std::to_string(Inputs++) +
            ": number in [0, 100] percent \"padding\"\n";
  Text += "  }\n  start step a { next o }\n"
          "  outcome o \"O\" { recommend \"r\" cite s }\n}\n";
  TempFile F("big.pathway", Text);
  RunResult R = runPathwayc({"check", "--diagnostics-format=json", F.path()});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_NE(R.Out.find("input_" + std::to_string(Inputs - 1) + "' is never used"),
            std::string::npos);
}

TEST(RobustnessTest, CrlfLineEndings) {
  std::string Text = "pathway p {\r\n  title \"T\"\r\n  version \"1\"\r\n"
                     "  source s \"S\"\r\n  start step a { next o }\r\n"
                     "  outcome o \"O\" { recommend \"r\" cite s }\r\n}\r\n";
  TempFile Clean("crlf.pathway", Text);
  RunResult R = runPathwayc({"check", Clean.path()});
  EXPECT_EQ(R.ExitCode, 0) << R.Err;

  // Locations stay right, and no '\r' leaks into the echoed source line.
  std::string Broken = Text;
  Broken.replace(Broken.find("next o"), 6, "next x");
  TempFile F("crlf-error.pathway", Broken);
  RunResult E = runPathwayc({"check", "--color=never", F.path()});
  EXPECT_EQ(E.ExitCode, 1);
  EXPECT_NE(E.Err.find(F.path() + ":5:23: error[PW0201]"), std::string::npos)
      << E.Err;
  EXPECT_EQ(E.Err.find('\r'), std::string::npos);
}

TEST(RobustnessTest, FileThatDoesNotExist) {
  RunResult R = runPathwayc({"check", "/nonexistent/dir/p.pathway"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("error[PW0001]: no such file "
                       "'/nonexistent/dir/p.pathway'"),
            std::string::npos)
      << R.Err;
}

TEST(RobustnessTest, Directory) {
  TempFile F("unused.pathway", "");
  RunResult R = runPathwayc({"check", F.dir()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("error[PW0002]: '" + F.dir() + "' is a directory"),
            std::string::npos)
      << R.Err;
}

TEST(RobustnessTest, OtherFilesAreStillCheckedAfterAMissingOne) {
  TempFile F("typo.pathway", "pathway p { title \"T\" version \"1\" "
                             "start step a { next nowhere } }");
  RunResult R = runPathwayc({"check", "/nonexistent.pathway", F.path()});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_NE(R.Err.find("unknown step or outcome 'nowhere'"), std::string::npos)
      << R.Err;
}

} // namespace
