//===- Span.h - A read-only view of an array --------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Span, the runtime's stand-in for C++20's `std::span<const T>`.
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_SPAN_H
#define PATHWAYC_RUNTIME_SPAN_H

#include <cassert>
#include <cstddef>
#include <vector>

namespace pathwayc::runtime {

/// A read-only view of a contiguous array that lives elsewhere: a C++17
/// stand-in for `std::span<const T>`. Two spans compare equal when their
/// elements do, wherever those live.
template <typename T> class Span {
public:
  constexpr Span() = default;
  constexpr Span(const T *Data, std::size_t Size) : Data(Data), Size(Size) {}
  /// A view of an array; also of a braced list in an argument, `f({A, B})`,
  /// which lives until the end of the full expression.
  template <std::size_t N>
  constexpr Span(const T (&Array)[N]) : Data(Array), Size(N) {}
  /// A view of \p Items, valid while \p Items is not changed or destroyed.
  Span(const std::vector<T> &Items) : Data(Items.data()), Size(Items.size()) {}

  constexpr const T *begin() const { return Data; }
  constexpr const T *end() const { return Data + Size; }
  constexpr std::size_t size() const { return Size; }
  constexpr bool empty() const { return Size == 0; }
  constexpr const T &operator[](std::size_t I) const {
    assert(I < Size && "index out of range");
    return Data[I];
  }

  friend constexpr bool operator==(const Span &A, const Span &B) {
    if (A.Size != B.Size)
      return false;
    for (std::size_t I = 0; I != A.Size; ++I)
      if (!(A.Data[I] == B.Data[I]))
        return false;
    return true;
  }
  friend constexpr bool operator!=(const Span &A, const Span &B) {
    return !(A == B);
  }

private:
  const T *Data = nullptr;
  std::size_t Size = 0;
};

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_SPAN_H
