//===- SourceManagerTest.cpp - Buffers, lines and columns -----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/SourceManager.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pathwayc;

namespace {

/// Line and column of byte \p Offset of \p Buffer, as "line:column".
std::string position(const SourceManager &SM, BufferID Buffer,
                     uint32_t Offset) {
  LineColumn LC = SM.getLineColumn(SourceLocation(Buffer, Offset));
  return std::to_string(LC.Line) + ":" + std::to_string(LC.Column);
}

/// A fresh directory for one test, removed (with its files) afterwards.
class TempDir {
public:
  TempDir() {
    std::string Template = ::testing::TempDir() + "pathwayc-sm-XXXXXX";
    if (char *Made = ::mkdtemp(Template.data()))
      Path = Made;
  }
  ~TempDir() {
    for (const std::string &File : Files)
      ::unlink(File.c_str());
    if (!Path.empty())
      ::rmdir(Path.c_str());
  }
  const std::string &path() const { return Path; }
  std::string write(const std::string &Name, const std::string &Contents) {
    std::string File = Path + "/" + Name;
    std::ofstream(File, std::ios::binary) << Contents;
    Files.push_back(File);
    return File;
  }
  /// Registers a file created some other way, to be removed at the end.
  std::string adopt(const std::string &Name) {
    Files.push_back(Path + "/" + Name);
    return Files.back();
  }

private:
  std::string Path;
  std::vector<std::string> Files;
};

} // namespace

TEST(SourceManagerTest, BuffersAreNumberedFromOne) {
  SourceManager SM;
  EXPECT_EQ(SM.getNumBuffers(), 0u);
  BufferID A = SM.addBuffer("a.pathway", "alpha");
  BufferID B = SM.addBuffer("b.pathway", "beta");
  EXPECT_EQ(A, 1u);
  EXPECT_EQ(B, 2u);
  EXPECT_EQ(SM.getNumBuffers(), 2u);
  EXPECT_EQ(SM.getName(A), "a.pathway");
  EXPECT_EQ(SM.getContents(B), "beta");
  EXPECT_EQ(SM.getLocation(B, 3), SourceLocation(B, 3));
}

TEST(SourceManagerTest, InvalidBuffersAreHarmless) {
  SourceManager SM;
  SM.addBuffer("a.pathway", "alpha");
  EXPECT_EQ(SM.getName(0), "");
  EXPECT_EQ(SM.getName(7), "");
  EXPECT_EQ(SM.getContents(7), "");
  EXPECT_EQ(SM.getLineText(7, 1), "");
  EXPECT_FALSE(SM.getLineStart(7, 1).isValid());
  LineColumn LC = SM.getLineColumn(SourceLocation());
  EXPECT_EQ(LC.Line, 0u);
  EXPECT_EQ(LC.Column, 0u);
}

TEST(SourceManagerTest, LineFeeds) {
  SourceManager SM;
  BufferID B = SM.addBuffer("lf.pathway", "ab\ncd\n\nef\n");
  EXPECT_EQ(position(SM, B, 0), "1:1");
  EXPECT_EQ(position(SM, B, 1), "1:2");
  EXPECT_EQ(position(SM, B, 2), "1:3"); // The newline itself.
  EXPECT_EQ(position(SM, B, 3), "2:1");
  EXPECT_EQ(position(SM, B, 5), "2:3");
  EXPECT_EQ(position(SM, B, 6), "3:1");
  EXPECT_EQ(position(SM, B, 7), "4:1");
  EXPECT_EQ(position(SM, B, 10), "5:1"); // End of file, after the newline.
  EXPECT_EQ(SM.getLineText(B, 1), "ab");
  EXPECT_EQ(SM.getLineText(B, 2), "cd");
  EXPECT_EQ(SM.getLineText(B, 3), "");
  EXPECT_EQ(SM.getLineText(B, 4), "ef");
  EXPECT_EQ(SM.getLineText(B, 5), "");
  EXPECT_EQ(SM.getLineText(B, 6), "");
  EXPECT_EQ(SM.getLineText(B, 0), "");
  EXPECT_EQ(SM.getLineStart(B, 1), SourceLocation(B, 0));
  EXPECT_EQ(SM.getLineStart(B, 4), SourceLocation(B, 7));
  EXPECT_EQ(SM.getLineStart(B, 5), SourceLocation(B, 10));
  EXPECT_FALSE(SM.getLineStart(B, 6).isValid());
  EXPECT_FALSE(SM.getLineStart(B, 0).isValid());
}

TEST(SourceManagerTest, CarriageReturnLineFeeds) {
  SourceManager SM;
  BufferID B = SM.addBuffer("crlf.pathway", "ab\r\ncd\r\n\r\nx");
  EXPECT_EQ(position(SM, B, 2), "1:3"); // The '\r'.
  EXPECT_EQ(position(SM, B, 4), "2:1");
  EXPECT_EQ(position(SM, B, 5), "2:2");
  EXPECT_EQ(position(SM, B, 8), "3:1");
  EXPECT_EQ(position(SM, B, 10), "4:1");
  EXPECT_EQ(SM.getLineText(B, 1), "ab");
  EXPECT_EQ(SM.getLineText(B, 2), "cd");
  EXPECT_EQ(SM.getLineText(B, 3), "");
  EXPECT_EQ(SM.getLineText(B, 4), "x");
  EXPECT_EQ(SM.getLineStart(B, 4), SourceLocation(B, 10));
}

TEST(SourceManagerTest, FinalLineWithoutNewline) {
  SourceManager SM;
  BufferID B = SM.addBuffer("last.pathway", "first\nsecond");
  EXPECT_EQ(position(SM, B, 6), "2:1");
  EXPECT_EQ(position(SM, B, 12), "2:7"); // End of file.
  EXPECT_EQ(SM.getLineText(B, 2), "second");
  EXPECT_TRUE(SM.getLineStart(B, 2).isValid());
  EXPECT_FALSE(SM.getLineStart(B, 3).isValid());
}

TEST(SourceManagerTest, LoneCarriageReturnIsNotALineBreak) {
  SourceManager SM;
  BufferID B = SM.addBuffer("cr.pathway", "a\rb\n");
  EXPECT_EQ(position(SM, B, 2), "1:3");
  EXPECT_EQ(SM.getLineText(B, 1), "a\rb");
}

TEST(SourceManagerTest, EmptyBuffer) {
  SourceManager SM;
  BufferID B = SM.addBuffer("empty.pathway", "");
  EXPECT_EQ(position(SM, B, 0), "1:1");
  EXPECT_EQ(SM.getLineText(B, 1), "");
  EXPECT_EQ(SM.getLineStart(B, 1), SourceLocation(B, 0));
  EXPECT_FALSE(SM.getLineStart(B, 2).isValid());
}

TEST(SourceManagerTest, OffsetsPastTheEndClampToTheEnd) {
  SourceManager SM;
  BufferID B = SM.addBuffer("short.pathway", "ab\ncd");
  EXPECT_EQ(position(SM, B, 1000), "2:3");
}

TEST(SourceManagerTest, ColumnsCountBytesOfMultiByteCharacters) {
  SourceManager SM;
  // "é" is two bytes and "–" three.
  BufferID B = SM.addBuffer("utf8.pathway", "\xC3\xA9 = 1\n\xE2\x80\x93x\n");
  EXPECT_EQ(position(SM, B, 2), "1:3"); // The space after "é".
  EXPECT_EQ(position(SM, B, 3), "1:4"); // '='
  EXPECT_EQ(position(SM, B, 7), "2:1");
  EXPECT_EQ(position(SM, B, 10), "2:4"); // 'x'
  EXPECT_EQ(SM.getLineText(B, 1), "\xC3\xA9 = 1");
  EXPECT_EQ(SM.getLineText(B, 2), "\xE2\x80\x93x");
}

TEST(SourceManagerTest, LoadsAFile) {
  TempDir Dir;
  ASSERT_FALSE(Dir.path().empty());
  std::string File = Dir.write("ok.pathway", "pathway demo {\r\n}\n");
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::Unreadable;
  std::string Detail = "stale";
  BufferID B = SM.loadFile(File, Error, Detail);
  ASSERT_NE(B, 0u);
  EXPECT_EQ(SM.getName(B), File);
  EXPECT_EQ(SM.getContents(B), "pathway demo {\r\n}\n");
  EXPECT_EQ(SM.getLineText(B, 1), "pathway demo {");
  EXPECT_EQ(Detail, "");
}

TEST(SourceManagerTest, LoadsAnEmptyFile) {
  TempDir Dir;
  std::string File = Dir.write("empty.pathway", "");
  SourceManager SM;
  LoadErrorKind Error;
  std::string Detail;
  BufferID B = SM.loadFile(File, Error, Detail);
  ASSERT_NE(B, 0u);
  EXPECT_EQ(SM.getContents(B), "");
}

TEST(SourceManagerTest, MissingFile) {
  TempDir Dir;
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::Unreadable;
  std::string Detail;
  EXPECT_EQ(SM.loadFile(Dir.path() + "/absent.pathway", Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::NotFound);
  EXPECT_FALSE(Detail.empty());
  EXPECT_EQ(SM.getNumBuffers(), 0u);

  // A path through something that is not a directory does not exist either.
  std::string File = Dir.write("plain.pathway", "x");
  Error = LoadErrorKind::Unreadable;
  EXPECT_EQ(SM.loadFile(File + "/inner.pathway", Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::NotFound);

  Error = LoadErrorKind::Unreadable;
  EXPECT_EQ(SM.loadFile("", Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::NotFound);
}

TEST(SourceManagerTest, Directory) {
  TempDir Dir;
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::NotFound;
  std::string Detail;
  EXPECT_EQ(SM.loadFile(Dir.path(), Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::IsDirectory);
  EXPECT_EQ(SM.getNumBuffers(), 0u);
}

TEST(SourceManagerTest, TooLargeIsRefusedBeforeReading) {
  TempDir Dir;
  std::string File = Dir.adopt("huge.pathway");
  int FD = ::open(File.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(FD, 0);
  // Sparse: no disk space, but stat reports the size.
  ASSERT_EQ(::ftruncate(FD, off_t(MaxSourceFileBytes + 1)), 0);
  ::close(FD);

  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::NotFound;
  std::string Detail;
  EXPECT_EQ(SM.loadFile(File, Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::TooLarge);
  EXPECT_EQ(Detail, std::to_string(MaxSourceFileBytes + 1));
}

TEST(SourceManagerTest, ExactlyTheLimitIsAccepted) {
  TempDir Dir;
  std::string File = Dir.adopt("limit.pathway");
  int FD = ::open(File.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(FD, 0);
  ASSERT_EQ(::ftruncate(FD, off_t(MaxSourceFileBytes)), 0);
  ::close(FD);

  SourceManager SM;
  LoadErrorKind Error;
  std::string Detail;
  BufferID B = SM.loadFile(File, Error, Detail);
  ASSERT_NE(B, 0u);
  EXPECT_EQ(SM.getContents(B).size(), MaxSourceFileBytes);
}

TEST(SourceManagerTest, UnreadableFile) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root reads files regardless of their permissions";
  TempDir Dir;
  std::string File = Dir.write("secret.pathway", "pathway x {}\n");
  ASSERT_EQ(::chmod(File.c_str(), 0), 0);
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::NotFound;
  std::string Detail;
  EXPECT_EQ(SM.loadFile(File, Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::Unreadable);
  EXPECT_FALSE(Detail.empty());
}

TEST(SourceManagerTest, ReadErrorIsUnreadable) {
  // Opening succeeds but reading fails with EIO (address 0 is not mapped),
  // whoever runs the test.
  if (::access("/proc/self/mem", R_OK) != 0)
    GTEST_SKIP() << "no /proc/self/mem";
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::NotFound;
  std::string Detail;
  EXPECT_EQ(SM.loadFile("/proc/self/mem", Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::Unreadable);
  EXPECT_FALSE(Detail.empty());
}

TEST(SourceManagerTest, EndlessDeviceIsTooLarge) {
  if (::access("/dev/zero", R_OK) != 0)
    GTEST_SKIP() << "no /dev/zero";
  SourceManager SM;
  LoadErrorKind Error = LoadErrorKind::NotFound;
  std::string Detail;
  EXPECT_EQ(SM.loadFile("/dev/zero", Error, Detail), 0u);
  EXPECT_EQ(Error, LoadErrorKind::TooLarge);
  EXPECT_EQ(SM.getNumBuffers(), 0u);
}
