//===- DotTarget.h - The decision graph as a Graphviz diagram ---*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The Graphviz target (`--emit dot`) writes each pathway's decision graph
/// to `<pathway-name>.dot`: a diagram a reviewer reads without the source,
/// with clusters for screening, criteria and work-up, node shapes by kind,
/// outcomes coloured by urgency, edges labelled with the author's guards and
/// a legend. docs/targets/dot.md explains it; `dot -Tsvg` renders it.
///
/// Options (`--dot_opt=...`, comma-separated): `rankdir=TB` (the default)
/// draws top to bottom, `rankdir=LR` left to right.
///
/// EmitRequest::Highlight (a verifier's witness path) is drawn in red.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_DOT_DOTTARGET_H
#define PATHWAYC_TARGETS_DOT_DOTTARGET_H

#include "Emitter.h"

#include <memory>

namespace pathwayc {

std::unique_ptr<Emitter> createDotEmitter();

} // namespace pathwayc

#endif // PATHWAYC_TARGETS_DOT_DOTTARGET_H
