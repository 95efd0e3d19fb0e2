//===- Sema.h - Semantic analysis of a pathway ------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Resolves every name in a parsed pathway, infers and checks the types and
/// units of conditions, and checks the values of evidence (probabilities,
/// ratings, ranges). Results are written into the AST (resolved declarations,
/// numbers converted to their input's unit); errors are reported and the
/// offending nodes are marked Invalid so later stages skip them.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_SEMA_SEMA_H
#define PATHWAYC_SEMA_SEMA_H

namespace pathwayc {

class DiagnosticsEngine;
struct Pathway;

/// Analyses \p P; returns true when it reported no error.
bool analyzePathway(Pathway &P, DiagnosticsEngine &Diags);

} // namespace pathwayc

#endif // PATHWAYC_SEMA_SEMA_H
