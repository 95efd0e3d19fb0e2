//===- VerifyBench.cpp - How verification time grows ----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Synthetic pathways, checked and verified end to end (parse, sema,
// lowering, every verification pass):
//
//  - Chain/N: N steps in a row, each assessing a new input and either going
//    on or stopping; the path context grows with every step.
//  - Table/K: one branch of K arms over 10 number inputs, the leaves of a
//    random decision tree (each arm the conjunction of the thresholds on
//    its path), as a DMN table flattened from a tree looks.
//  - TableWithGap/K: the same with one arm removed, so that the verifier
//    also has to find, merge and describe the uncovered region.
//
// Run: build/default/bench/verify_bench (add --benchmark_format=json for
// machines). The counters give time per arm and per step.
//
//===----------------------------------------------------------------------===//

#include "ast/AST.h"
#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "driver/Driver.h"
#include "ir/Lowering.h"
#include "verify/Verifier.h"

#include "llvm/ADT/StringExtras.h"

#include "benchmark/benchmark.h"

#include <fmt/format.h>

#include <random>

using namespace pathwayc;

namespace {

constexpr unsigned TableInputs = 10;

std::string header(llvm::StringRef Inputs) {
  return fmt::format("pathway bench {{\n  title \"Benchmark\"\n  version \"1\"\n"
                     "  source s \"S\"\n  inputs {{\n{}  }}\n",
                     Inputs.str());
}

std::string chainPathway(unsigned Steps) {
  std::string Inputs, Body;
  for (unsigned I = 0; I != Steps; ++I) {
    Inputs += fmt::format("    x{}: number in [0, 100]\n", I);
    std::string Next = I + 1 == Steps ? "done" : fmt::format("s{}", I + 1);
    Body += fmt::format("  {}step s{} {{\n    assess x{}\n    branch {{\n"
                        "      x{} >= 50 -> {} cite s\n"
                        "      x{} < 50 -> stop cite s\n    }}\n  }}\n",
                        I == 0 ? "start " : "", I, I, I, Next, I);
  }
  return header(Inputs) + Body +
         "  outcome done \"Done\" { recommend \"r\" cite s }\n"
         "  outcome stop \"Stop\" { recommend \"r\" cite s }\n}\n";
}

/// The conditions of the leaves of a random decision tree with \p Leaves
/// leaves over TableInputs inputs in [0, 1000]: each a conjunction of
/// `x < t` and `x >= t` along the path to it.
std::vector<std::string> treeLeaves(unsigned Leaves, unsigned Seed) {
  struct Leaf {
    std::vector<std::pair<int, int>> Bounds; // per input [lo, hi)
    std::vector<std::string> Path;
  };
  std::mt19937 Random(Seed);
  std::vector<Leaf> Open = {
      {std::vector<std::pair<int, int>>(TableInputs, {0, 1001}), {}}};
  while (Open.size() < Leaves) {
    size_t Pick = Random() % Open.size();
    Leaf L = Open[Pick];
    unsigned Input = Random() % TableInputs;
    auto [Lo, Hi] = L.Bounds[Input];
    if (Hi - Lo < 2)
      continue;
    int Cut = Lo + 1 + static_cast<int>(Random() % (Hi - Lo - 1));
    Leaf Low = L, High = L;
    Low.Bounds[Input].second = Cut;
    Low.Path.push_back(fmt::format("x{} < {}", Input, Cut));
    High.Bounds[Input].first = Cut;
    High.Path.push_back(fmt::format("x{} >= {}", Input, Cut));
    Open[Pick] = std::move(Low);
    Open.push_back(std::move(High));
  }
  std::vector<std::string> Conditions;
  for (const Leaf &L : Open)
    Conditions.push_back(L.Path.empty() ? "true"
                                        : llvm::join(L.Path, " and "));
  return Conditions;
}

std::string tablePathway(unsigned Arms, bool WithGap) {
  std::string Inputs, Assess;
  for (unsigned I = 0; I != TableInputs; ++I) {
    Inputs += fmt::format("    x{}: number in [0, 1000]\n", I);
    Assess += fmt::format("{}x{}", I ? ", " : "", I);
  }
  std::vector<std::string> Leaves = treeLeaves(Arms, /*Seed=*/Arms);
  if (WithGap)
    Leaves.erase(Leaves.begin() + Leaves.size() / 2);
  std::string Body = "  start step table {\n    assess " + Assess +
                     "\n    branch {\n";
  for (const std::string &Condition : Leaves)
    Body += "      " + Condition + " -> done cite s\n";
  Body += "    }\n  }\n  outcome done \"Done\" { recommend \"r\" cite s }\n}\n";
  return header(Inputs) + Body;
}

/// Checks and verifies \p Text once; the result must be as expected.
void verifyOnce(benchmark::State &State, const std::string &Text,
                bool ExpectErrors) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  BufferID Buffer = SM.addBuffer("bench.pathway", Text);
  std::unique_ptr<Pathway> P = checkPathway(Buffer, Diags);
  if (!P || Diags.hasErrors()) {
    State.SkipWithError("the synthetic pathway does not check");
    return;
  }
  std::unique_ptr<ir::Module> M = ir::lowerToIR(*P, "bench.pathway");
  verify::verifyModule(*M, Diags, {});
  if (Diags.hasErrors() != ExpectErrors)
    State.SkipWithError("unexpected verification result");
}

void BM_Chain(benchmark::State &State) {
  std::string Text = chainPathway(State.range(0));
  for (auto _ : State)
    verifyOnce(State, Text, false);
  State.counters["steps"] = State.range(0);
  State.counters["per_step"] = benchmark::Counter(
      State.range(0), benchmark::Counter::kIsIterationInvariantRate |
                          benchmark::Counter::kInvert);
}
BENCHMARK(BM_Chain)->RangeMultiplier(10)->Range(10, 1000)->Unit(benchmark::kMillisecond);

void BM_Table(benchmark::State &State) {
  std::string Text = tablePathway(State.range(0), /*WithGap=*/false);
  for (auto _ : State)
    verifyOnce(State, Text, false);
  State.counters["arms"] = State.range(0);
  State.counters["per_arm"] = benchmark::Counter(
      State.range(0), benchmark::Counter::kIsIterationInvariantRate |
                          benchmark::Counter::kInvert);
}
BENCHMARK(BM_Table)->Arg(10)->Arg(30)->Arg(100)->Arg(300)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_TableWithGap(benchmark::State &State) {
  std::string Text = tablePathway(State.range(0), /*WithGap=*/true);
  for (auto _ : State)
    verifyOnce(State, Text, true);
  State.counters["arms"] = State.range(0);
}
BENCHMARK(BM_TableWithGap)->Arg(10)->Arg(30)->Arg(100)->Arg(300)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
