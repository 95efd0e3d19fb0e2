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

#include "diag/SourceManager.h"

#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <regex>

#include <unistd.h>

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
  std::string Text =
      "pathway p {\n  include \"c\": " + std::string(10000, '(') + "a" +
      std::string(10000, ')') + "\n}\n";
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
  EXPECT_NE(
      R.Out.find("input_" + std::to_string(Inputs - 1) + "' is never used"),
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

/// Checks a file that cannot be loaded at all: exit status 2 and one
/// diagnostic of \p Code without a location, naming the path.
RunResult expectFileError(const std::string &Path, llvm::StringRef Code,
                          llvm::StringRef Message) {
  RunResult R = runPathwayc({"check", "--color=never", Path});
  EXPECT_EQ(R.ExitCode, 2) << R.Err;
  std::string Expected =
      "pathwayc: error[" + Code.str() + "]: " + Message.str();
  EXPECT_NE(R.Err.find(Expected), std::string::npos)
      << "expected: " << Expected << "\nactual:\n"
      << R.Err;
  EXPECT_NE(R.Err.find("1 error generated."), std::string::npos) << R.Err;
  return R;
}

/// Makes the file at \p Path \p Size bytes long without writing them: a
/// sparse file of NUL bytes that takes no disk space.
::testing::AssertionResult makeSparse(const std::string &Path, uint64_t Size) {
  int FD;
  if (std::error_code EC = llvm::sys::fs::openFileForWrite(Path, FD))
    return ::testing::AssertionFailure() << "open: " << EC.message();
  std::error_code EC = llvm::sys::fs::resize_file(FD, Size);
  ::close(FD);
  if (EC)
    return ::testing::AssertionFailure() << "resize: " << EC.message();
  return ::testing::AssertionSuccess();
}

TEST(RobustnessTest, FileLargerThan64MiBIsNotRead) {
  // The limit is part of the documented interface (docs/diagnostics.md).
  static_assert(pathwayc::MaxSourceFileBytes == 64ull << 20,
                "the documented limit is 64 MiB");
  // One byte over the limit, and far over it (past 4 GiB, where a 32-bit
  // size would wrap to a small one). The files hold nothing but NUL bytes,
  // so a compiler that read even one byte would report PW0006 instead, and
  // one that read them all would take minutes and gigabytes.
  const uint64_t Sizes[] = {pathwayc::MaxSourceFileBytes + 1,
                            (uint64_t(4) << 30) + 1};
  for (uint64_t Size : Sizes) {
    TempFile F("huge.pathway", "");
    ASSERT_TRUE(makeSparse(F.path(), Size));
    SCOPED_TRACE("size " + std::to_string(Size));
    RunResult R = expectFileError(
        F.path(), "PW0004",
        "'" + F.path() + "' is " + std::to_string(Size) +
            " bytes; pathway files are limited to 67108864 bytes");
    EXPECT_EQ(R.Err.find("PW0006"), std::string::npos) << R.Err;
  }
}

TEST(RobustnessTest, FileWithoutReadPermission) {
  // The everyday cause of PW0003. Permissions do not apply to root, who
  // reads a file of mode 000 all the same, so as root this case cannot be
  // made; the two tests after it reach PW0003 in ways that hold for root.
  if (::geteuid() == 0)
    GTEST_SKIP() << "running as root, which may read a file of mode 000; "
                    "SymlinkLoopIsUnreadable and FileWhoseReadFails cover "
                    "PW0003";
  TempFile F("locked.pathway", "pathway p {}\n");
  ASSERT_FALSE(
      llvm::sys::fs::setPermissions(F.path(), llvm::sys::fs::no_perms));
  expectFileError(F.path(), "PW0003",
                  "cannot read '" + F.path() + "': " + std::strerror(EACCES));
}

TEST(RobustnessTest, SymlinkLoopIsUnreadable) {
  // Two links that point at each other: the path exists, but opening it
  // fails (ELOOP) whoever asks, root included.
  TempFile F("loop.pathway", "");
  ASSERT_FALSE(llvm::sys::fs::remove(F.path()));
  std::string Other = F.dir() + "/other.pathway";
  ASSERT_EQ(::symlink("other.pathway", F.path().c_str()), 0)
      << std::strerror(errno);
  ASSERT_EQ(::symlink("loop.pathway", Other.c_str()), 0)
      << std::strerror(errno);
  expectFileError(F.path(), "PW0003",
                  "cannot read '" + F.path() + "': " + std::strerror(ELOOP));
  llvm::sys::fs::remove(Other);
}

TEST(RobustnessTest, FileWhoseReadFails) {
  // /proc/self/mem opens, but reading it from offset 0 fails (EIO: the
  // first page of a process is never mapped), whoever asks, root included.
  // The compiler opens its own.
  if (::access("/proc/self/mem", R_OK) != 0)
    GTEST_SKIP() << "no /proc/self/mem";
  expectFileError("/proc/self/mem", "PW0003", "cannot read '/proc/self/mem': ");
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
