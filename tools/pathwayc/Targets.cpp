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

/// Every target, in the order --help lists them.
static const std::vector<TargetInfo> &targets() {
  static const std::vector<TargetInfo> Targets = {
      {"cpp", "a C++17 decision module: a header and a source per pathway",
       createCppEmitter},
      {"json", "the decision graph as a versioned JSON document",
       createJsonEmitter},
      {"dot", "the decision graph as a Graphviz diagram for review",
       createDotEmitter},
      {"svg", "the Graphviz diagram rendered as SVG (needs Graphviz's dot)",
       createSvgEmitter},
      {"png", "the Graphviz diagram rendered as PNG (needs Graphviz's dot)",
       createPngEmitter},
  };
  return Targets;
}

llvm::ArrayRef<TargetInfo> pathwayc::getTargets() { return targets(); }

const TargetInfo *pathwayc::findTarget(llvm::StringRef Name) {
  for (const TargetInfo &T : targets())
    if (T.Name == Name)
      return &T;
  return nullptr;
}
