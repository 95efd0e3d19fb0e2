//===- JsonTarget.h - The decision graph as a JSON document -----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The JSON target (`--emit json`) writes each pathway's decision graph to
/// `<pathway-name>.json`: a versioned document ("format": "pathwayc-graph")
/// with guards as expression trees, that docs/targets/json.md explains and
/// docs/targets/pathway-graph.schema.json describes.
///
/// Options (`--json_opt=...`, comma-separated): `compact` writes the
/// document on one line instead of indenting it by two spaces.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_JSON_JSONTARGET_H
#define PATHWAYC_TARGETS_JSON_JSONTARGET_H

#include "Emitter.h"

#include <memory>

namespace pathwayc {

std::unique_ptr<Emitter> createJsonEmitter();

} // namespace pathwayc

#endif // PATHWAYC_TARGETS_JSON_JSONTARGET_H
