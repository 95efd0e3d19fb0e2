//===- SourceManager.h - Owns guideline buffers -----------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Owns every buffer the compiler reads, so that diagnostics render source
/// lines without going back to the disk. Line tables are built lazily, the
/// first time a location in a buffer is turned into a line and column.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DIAG_SOURCEMANAGER_H
#define PATHWAYC_DIAG_SOURCEMANAGER_H

#include "diag/SourceLocation.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace pathwayc {

/// A 1-based line and column. Columns count bytes, like clang's.
struct LineColumn {
  unsigned Line = 0;
  unsigned Column = 0;
};

/// Why a file could not be loaded.
enum class LoadErrorKind { NotFound, IsDirectory, Unreadable, TooLarge };

class SourceManager {
public:
  SourceManager();
  ~SourceManager();
  SourceManager(const SourceManager &) = delete;
  SourceManager &operator=(const SourceManager &) = delete;

  /// Takes ownership of \p Contents under the display name \p Name.
  BufferID addBuffer(std::string Name, std::string Contents);

  /// Reads the file at \p Path into a new buffer. On failure returns 0 and
  /// sets \p Error and \p Detail (the system's own words, e.g. strerror).
  BufferID loadFile(llvm::StringRef Path, LoadErrorKind &Error,
                    std::string &Detail);

  llvm::StringRef getName(BufferID Buffer) const;
  llvm::StringRef getContents(BufferID Buffer) const;
  unsigned getNumBuffers() const;

  /// The 1-based line and byte column of \p Loc.
  LineColumn getLineColumn(SourceLocation Loc) const;
  /// The text of 1-based line \p Line without its terminator ("\n" or "\r\n").
  llvm::StringRef getLineText(BufferID Buffer, unsigned Line) const;
  /// The location of the first byte of 1-based \p Line (for -verify's
  /// `@+N` offsets); invalid if the buffer has fewer lines.
  SourceLocation getLineStart(BufferID Buffer, unsigned Line) const;
  SourceLocation getLocation(BufferID Buffer, uint32_t Offset) const {
    return SourceLocation(Buffer, Offset);
  }

private:
  struct Buffer;
  const Buffer &get(BufferID ID) const;
  std::vector<std::unique_ptr<Buffer>> Buffers;
};

/// The upper bound on a guideline file's size; anything larger is refused
/// before it is read, so a stray multi-gigabyte argument cannot exhaust memory.
constexpr uint64_t MaxSourceFileBytes = 64ull << 20;

} // namespace pathwayc

#endif // PATHWAYC_DIAG_SOURCEMANAGER_H
