//===- RenderTarget.h - Diagrams rendered by Graphviz -----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The svg and png targets (`--emit svg`, `--emit png`) write the Graphviz
/// target's diagram of each pathway rendered by Graphviz's `dot` program,
/// found on PATH: `<pathway-name>.svg` or `<pathway-name>.png`, named as
/// the dot target names its file. They take the dot target's options
/// (`--svg_opt=rankdir=LR`) and draw EmitRequest::Highlight in red, as it
/// does. docs/targets/dot.md explains them.
///
/// The two share one emitter, parameterised by the format: the dot target
/// writes the diagram into memory, `dot -T<format>` renders it, and only
/// the rendering reaches the OutputContext.
///
/// When `dot` is not on PATH, cannot run or fails, emit() prints why on
/// stderr (`pathwayc: error: --emit svg needs Graphviz's 'dot' program,
/// ...`, or dot's own stderr) and returns false without reporting to the
/// DiagnosticsEngine: the problem lies in the system, not in the pathway,
/// so it has no PWnnnn code, like the driver's own errors writing files.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_RENDER_RENDERTARGET_H
#define PATHWAYC_TARGETS_RENDER_RENDERTARGET_H

#include "Emitter.h"

#include <memory>

namespace pathwayc {

std::unique_ptr<Emitter> createSvgEmitter();
std::unique_ptr<Emitter> createPngEmitter();

} // namespace pathwayc

#endif // PATHWAYC_TARGETS_RENDER_RENDERTARGET_H
