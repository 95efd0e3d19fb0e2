//===- SourceManager.cpp - Owns guideline buffers -------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/SourceManager.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace pathwayc;

struct SourceManager::Buffer {
  std::string Name;
  std::string Contents;
  /// Offsets of the first byte of every line; built on first use. A buffer
  /// always has at least one line, and a final newline opens one more
  /// (empty) line, so that the end-of-file location has a line of its own.
  mutable std::optional<std::vector<uint32_t>> LineStarts;

  const std::vector<uint32_t> &getLineStarts() const {
    if (!LineStarts) {
      std::vector<uint32_t> Starts;
      Starts.push_back(0);
      for (size_t I = 0, E = Contents.size(); I != E; ++I)
        if (Contents[I] == '\n')
          Starts.push_back(static_cast<uint32_t>(I + 1));
      LineStarts = std::move(Starts);
    }
    return *LineStarts;
  }
};

SourceManager::SourceManager() = default;
SourceManager::~SourceManager() = default;

BufferID SourceManager::addBuffer(std::string Name, std::string Contents) {
  // Offsets are 32-bit; loadFile refuses anything near that long, and
  // in-memory buffers are produced by the compiler itself.
  assert(Contents.size() < UINT32_MAX && "buffer too large for 32-bit offsets");
  auto B = std::make_unique<Buffer>();
  B->Name = std::move(Name);
  B->Contents = std::move(Contents);
  Buffers.push_back(std::move(B));
  return static_cast<BufferID>(Buffers.size());
}

namespace {
/// Closes a file descriptor on every path out of loadFile.
class FileCloser {
public:
  explicit FileCloser(int FD) : FD(FD) {}
  ~FileCloser() { ::close(FD); }
  FileCloser(const FileCloser &) = delete;
  FileCloser &operator=(const FileCloser &) = delete;

private:
  int FD;
};
} // namespace

static bool isNotFoundErrno(int Err) { return Err == ENOENT || Err == ENOTDIR; }

BufferID SourceManager::loadFile(llvm::StringRef Path, LoadErrorKind &Error,
                                 std::string &Detail) {
  std::string PathStr = Path.str();
  Detail.clear();
  if (PathStr.empty() || PathStr.find('\0') != std::string::npos) {
    Error = LoadErrorKind::NotFound;
    Detail = std::strerror(ENOENT);
    return 0;
  }

  int FD;
  do
    FD = ::open(PathStr.c_str(), O_RDONLY | O_CLOEXEC);
  while (FD < 0 && errno == EINTR);
  if (FD < 0) {
    int Err = errno;
    Detail = std::strerror(Err);
    if (isNotFoundErrno(Err))
      Error = LoadErrorKind::NotFound;
    else if (Err == EISDIR)
      Error = LoadErrorKind::IsDirectory;
    else
      Error = LoadErrorKind::Unreadable;
    return 0;
  }
  FileCloser Closer(FD);

  struct stat Status;
  if (::fstat(FD, &Status) != 0) {
    Detail = std::strerror(errno);
    Error = LoadErrorKind::Unreadable;
    return 0;
  }
  if (S_ISDIR(Status.st_mode)) {
    Detail = std::strerror(EISDIR);
    Error = LoadErrorKind::IsDirectory;
    return 0;
  }
  // Regular files are measured before a single byte is read. Pipes and
  // devices have no meaningful size; for them the limit is enforced while
  // reading below.
  if (S_ISREG(Status.st_mode) &&
      static_cast<uint64_t>(Status.st_size) > MaxSourceFileBytes) {
    Detail = std::to_string(static_cast<uint64_t>(Status.st_size));
    Error = LoadErrorKind::TooLarge;
    return 0;
  }

  std::string Contents;
  if (S_ISREG(Status.st_mode))
    Contents.reserve(static_cast<size_t>(Status.st_size));
  char Chunk[1 << 16];
  for (;;) {
    ssize_t N = ::read(FD, Chunk, sizeof(Chunk));
    if (N < 0) {
      int Err = errno;
      if (Err == EINTR)
        continue;
      Detail = std::strerror(Err);
      Error = Err == EISDIR ? LoadErrorKind::IsDirectory
                            : LoadErrorKind::Unreadable;
      return 0;
    }
    if (N == 0)
      break;
    Contents.append(Chunk, static_cast<size_t>(N));
    if (Contents.size() > MaxSourceFileBytes) {
      // The file grew since fstat, or it is a pipe or a device: report the
      // size seen so far, which is already over the limit.
      Detail = std::to_string(Contents.size());
      Error = LoadErrorKind::TooLarge;
      return 0;
    }
  }
  return addBuffer(PathStr, std::move(Contents));
}

const SourceManager::Buffer &SourceManager::get(BufferID ID) const {
  assert(ID != 0 && ID <= Buffers.size() && "invalid buffer ID");
  return *Buffers[ID - 1];
}

llvm::StringRef SourceManager::getName(BufferID Buffer) const {
  if (Buffer == 0 || Buffer > Buffers.size())
    return llvm::StringRef();
  return get(Buffer).Name;
}

llvm::StringRef SourceManager::getContents(BufferID Buffer) const {
  if (Buffer == 0 || Buffer > Buffers.size())
    return llvm::StringRef();
  return get(Buffer).Contents;
}

unsigned SourceManager::getNumBuffers() const {
  return static_cast<unsigned>(Buffers.size());
}

LineColumn SourceManager::getLineColumn(SourceLocation Loc) const {
  if (!Loc.isValid() || Loc.getBuffer() > Buffers.size())
    return LineColumn();
  const Buffer &B = get(Loc.getBuffer());
  const std::vector<uint32_t> &Starts = B.getLineStarts();
  uint32_t Offset = static_cast<uint32_t>(
      std::min<uint64_t>(Loc.getOffset(), B.Contents.size()));
  // The last line start at or before Offset; Starts[0] == 0, so there is one.
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - Starts.begin());
  LineColumn Result;
  Result.Line = Line;
  Result.Column = Offset - Starts[Line - 1] + 1;
  return Result;
}

llvm::StringRef SourceManager::getLineText(BufferID Buffer,
                                           unsigned Line) const {
  if (Buffer == 0 || Buffer > Buffers.size())
    return llvm::StringRef();
  const struct Buffer &B = get(Buffer);
  const std::vector<uint32_t> &Starts = B.getLineStarts();
  if (Line == 0 || Line > Starts.size())
    return llvm::StringRef();
  size_t Begin = Starts[Line - 1];
  size_t End = Line < Starts.size() ? Starts[Line] : B.Contents.size();
  llvm::StringRef Text(B.Contents.data() + Begin, End - Begin);
  if (Text.endswith("\n"))
    Text = Text.drop_back();
  if (Text.endswith("\r"))
    Text = Text.drop_back();
  return Text;
}

SourceLocation SourceManager::getLineStart(BufferID Buffer,
                                           unsigned Line) const {
  if (Buffer == 0 || Buffer > Buffers.size())
    return SourceLocation();
  const std::vector<uint32_t> &Starts = get(Buffer).getLineStarts();
  if (Line == 0 || Line > Starts.size())
    return SourceLocation();
  return SourceLocation(Buffer, Starts[Line - 1]);
}
