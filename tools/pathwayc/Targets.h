//===- Targets.h - The table of every target --------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The one place that knows every target: adding a target is one line in
/// Targets.cpp.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TOOLS_TARGETS_H
#define PATHWAYC_TOOLS_TARGETS_H

#include "Emitter.h"

#include "llvm/ADT/ArrayRef.h"

namespace pathwayc {

struct TargetInfo {
  llvm::StringRef Name;
  llvm::StringRef Description;
  std::unique_ptr<Emitter> (*Create)();
};

llvm::ArrayRef<TargetInfo> getTargets();
const TargetInfo *findTarget(llvm::StringRef Name);

} // namespace pathwayc

#endif // PATHWAYC_TOOLS_TARGETS_H
