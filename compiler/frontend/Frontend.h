//===- Frontend.h - From guideline text to AST ------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The front end's whole public surface. ANTLR is an implementation detail of
/// AstBuilder*.cpp: nothing here, or in the AST it returns, mentions it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_FRONTEND_FRONTEND_H
#define PATHWAYC_FRONTEND_FRONTEND_H

#include "diag/SourceLocation.h"

#include <memory>

namespace pathwayc {

class DiagnosticsEngine;
struct Pathway;

/// Brackets may nest at most this deep. The parser is recursive, so the
/// limit is what keeps a pathological file from overflowing the stack; it is
/// far beyond anything a guideline needs (clang's default is 256 too).
constexpr unsigned MaxBracketDepth = 256;

/// Parses the buffer \p Buffer of the engine's source manager. Lexical and
/// syntax errors are reported to \p Diags; the parser recovers and reports
/// every independent error it can. Returns the AST, in which constructs that
/// could not be parsed completely are either left out or marked Invalid, or
/// null when the buffer is not a pathway at all (empty, binary, not UTF-8,
/// nested too deeply).
std::unique_ptr<Pathway> parsePathway(BufferID Buffer,
                                      DiagnosticsEngine &Diags);

} // namespace pathwayc

#endif // PATHWAYC_FRONTEND_FRONTEND_H
