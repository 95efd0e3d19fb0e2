//===- Lowering.h - From checked AST to decision graph ----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_IR_LOWERING_H
#define PATHWAYC_IR_LOWERING_H

#include "ir/Module.h"

#include <memory>

namespace pathwayc {
struct Pathway;
}

namespace pathwayc::ir {

/// Lowers a pathway that semantic analysis accepted without errors (every
/// name resolved, every number converted) into its decision graph. Source
/// ranges, citations and notes are copied onto the nodes and edges, so that
/// findings about the graph point at the guideline's text.
std::unique_ptr<Module> lowerToIR(const Pathway &P, llvm::StringRef SourceFile);

} // namespace pathwayc::ir

#endif // PATHWAYC_IR_LOWERING_H
