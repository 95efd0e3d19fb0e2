//===- Targets.cpp - The table of every target ----------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "Targets.h"

#include "cpp/CppTarget.h"
#include "dot/DotTarget.h"
#include "render/RenderTarget.h"
#include "json/JsonTarget.h"

#include <vector>

using namespace pathwayc;

/// Every target, in the order --help lists them. Each emitter names and
/// describes itself; the table only lists them.
static const std::vector<TargetInfo> &targets() {
  static const std::vector<TargetInfo> Targets = [] {
    std::vector<TargetInfo> Infos;
    for (auto Create : {createCppEmitter, createJsonEmitter, createDotEmitter,
                        createSvgEmitter, createPngEmitter}) {
      // The names and descriptions are string literals, which outlive the
      // emitter asked for them.
      std::unique_ptr<Emitter> E = Create();
      Infos.push_back({E->getName(), E->getDescription(), Create});
    }
    return Infos;
  }();
  return Targets;
}

llvm::ArrayRef<TargetInfo> pathwayc::getTargets() { return targets(); }

const TargetInfo *pathwayc::findTarget(llvm::StringRef Name) {
  for (const TargetInfo &T : targets())
    if (T.Name == Name)
      return &T;
  return nullptr;
}
