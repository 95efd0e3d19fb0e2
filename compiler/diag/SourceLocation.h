//===- SourceLocation.h - Positions in guideline buffers --------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A location is a buffer and a byte offset into it. Offsets are 0-based; the
/// SourceManager turns them into 1-based lines and columns only for output.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DIAG_SOURCELOCATION_H
#define PATHWAYC_DIAG_SOURCELOCATION_H

#include <cstdint>
#include <tuple>

namespace pathwayc {

/// A buffer owned by the SourceManager. 0 is never a valid buffer.
using BufferID = uint32_t;

class SourceLocation {
public:
  SourceLocation() = default;
  SourceLocation(BufferID Buffer, uint32_t Offset)
      : Buffer(Buffer), Offset(Offset) {}

  bool isValid() const { return Buffer != 0; }
  BufferID getBuffer() const { return Buffer; }
  uint32_t getOffset() const { return Offset; }

  friend bool operator==(SourceLocation A, SourceLocation B) {
    return A.Buffer == B.Buffer && A.Offset == B.Offset;
  }
  friend bool operator!=(SourceLocation A, SourceLocation B) {
    return !(A == B);
  }
  friend bool operator<(SourceLocation A, SourceLocation B) {
    return std::tie(A.Buffer, A.Offset) < std::tie(B.Buffer, B.Offset);
  }

private:
  BufferID Buffer = 0;
  uint32_t Offset = 0;
};

/// A half-open byte range [Begin, End) in one buffer. An empty range (Begin ==
/// End) marks a point, rendered as a lone caret.
class SourceRange {
public:
  SourceRange() = default;
  SourceRange(SourceLocation Begin, SourceLocation End)
      : Begin(Begin), End(End) {}
  explicit SourceRange(SourceLocation Point) : Begin(Point), End(Point) {}

  bool isValid() const { return Begin.isValid(); }
  SourceLocation getBegin() const { return Begin; }
  SourceLocation getEnd() const { return End; }

  /// The smallest range covering both; either may be invalid.
  static SourceRange join(SourceRange A, SourceRange B) {
    if (!A.isValid())
      return B;
    if (!B.isValid())
      return A;
    return SourceRange(A.Begin < B.Begin ? A.Begin : B.Begin,
                       B.End < A.End ? A.End : B.End);
  }

  friend bool operator==(SourceRange A, SourceRange B) {
    return A.Begin == B.Begin && A.End == B.End;
  }

private:
  SourceLocation Begin;
  SourceLocation End;
};

} // namespace pathwayc

#endif // PATHWAYC_DIAG_SOURCELOCATION_H
