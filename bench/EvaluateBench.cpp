//===- EvaluateBench.cpp - Three ways to evaluate the ACR pathway ---------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Nanoseconds per case for the ACR pathway evaluated three ways on the same
// 100,000 random cases:
//
//   - the generated C++ module (`--emit cpp`);
//   - the interpreter (runtime/), on the JSON target of the same graph;
//   - evaluateByHand below: the pathway as a programmer would write it, in
//     plain if/else, building the same result.
//
// The targets are the generated code within 1.2x of the hand-written code,
// and the interpreter within 10x. There are many more cases than a branch
// predictor can learn, so every run pays for its branches. Before timing,
// the three are checked to give the same results on every case, so that the
// comparison is between implementations of one function.
//
// Run: build/default/bench/evaluate_bench [--benchmark_repetitions=5]; the
// ratios, of CPU time per case, are printed at the end.
//
//===----------------------------------------------------------------------===//

#include "acr_hip_pain_coexisting_back_or_knee.h"

#include "pathwayc/Interpreter.h"
#include "pathwayc/Result.h"
#include "pathwayc/Truth.h"

#include "benchmark/benchmark.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace acr = acr_hip_pain_coexisting_back_or_knee;
using namespace pathwayc::runtime;

namespace {

constexpr std::size_t NumCases = 100000;

//===----------------------------------------------------------------------===//
// The hand-written pathway
//===----------------------------------------------------------------------===//

// One trace entry per node and event, as a programmer would keep them.
// Citations and notes are left out: a trace entry is the same size and is
// copied the same way whatever it points to.
constexpr TraceEntry entry(std::string_view Id, std::string_view Event) {
  return {Id, Event, {}, {}};
}

constexpr std::string_view TruthEvents[] = {"false", "true", "unknown",
                                            "indeterminate"};

void stop(Result &R, Status State, std::string_view Reached,
          std::string_view Title, Urgency Level = Urgency::None) {
  R.State = State;
  R.Reached = Reached;
  R.Title = Title;
  R.Level = Level;
}

struct RedFlag {
  std::optional<bool> acr::Inputs::*Field;
  std::string_view Name, Screen, Terminal, Action;
};

const RedFlag RedFlags[] = {
    {&acr::Inputs::suspected_infection, "suspected_infection",
     "screen.infection", "red_flag.infection", "infection"},
    {&acr::Inputs::suspected_malignancy, "suspected_malignancy",
     "screen.malignancy", "red_flag.malignancy", "malignancy"},
    {&acr::Inputs::suspected_acute_fracture, "suspected_acute_fracture",
     "screen.acute_fracture", "red_flag.acute_fracture", "acute_fracture"},
};

Truth truth(const std::optional<bool> &B) {
  return B ? (*B ? Truth::True : Truth::False) : Truth::Unknown;
}

Result evaluateByHand(const acr::Inputs &In) {
  Result R;
  if (In.hip_pain_duration &&
      !(*In.hip_pain_duration >= 0 && *In.hip_pain_duration <= 1200))
    R.InvalidInputs.push_back("hip_pain_duration");
  if (In.relief && !(*In.relief >= 0 && *In.relief <= 100))
    R.InvalidInputs.push_back("relief");
  if (!R.InvalidInputs.empty()) {
    R.State = Status::InvalidInput;
    return R;
  }
  R.Trace.reserve(17);

  // Red flags: the first that holds stops; an unknown one makes the result
  // pending, and the later ones are still screened.
  for (std::size_t I = 0; I != 3; ++I) {
    const RedFlag &Flag = RedFlags[I];
    Truth T = truth(In.*Flag.Field);
    R.Trace.push_back(entry(Flag.Screen, TruthEvents[static_cast<int>(T)]));
    if (T == Truth::True) {
      R.Trace.push_back(entry(Flag.Terminal, ""));
      R.Recommendations.push_back(Flag.Action);
      stop(R, Status::RedFlag, Flag.Terminal, Flag.Action, Urgency::Urgent);
      return R;
    }
    if (T == Truth::Unknown) {
      R.MissingInputs.push_back(Flag.Name);
      R.Undecided.push_back(Flag.Name);
      stop(R, Status::Pending, Flag.Screen, Flag.Action);
      for (std::size_t J = I + 1; J != 3; ++J) {
        Truth Later = truth(In.*RedFlags[J].Field);
        R.Trace.push_back(
            entry(RedFlags[J].Screen, TruthEvents[static_cast<int>(Later)]));
        if (Later == Truth::True)
          R.Recommendations.push_back(RedFlags[J].Action);
      }
      return R;
    }
  }

  // Exclusions.
  Truth Labral = truth(In.suspected_labral_tear_or_fai);
  Truth NegativeOrNonDiagnostic =
      In.radiographs
          ? (*In.radiographs == acr::Radiographs::negative ||
                     *In.radiographs == acr::Radiographs::non_diagnostic
                 ? Truth::True
                 : Truth::False)
          : Truth::Unknown;
  Truth Exclude1 = Labral && NegativeOrNonDiagnostic;
  Truth Negative =
      In.radiographs
          ? (*In.radiographs == acr::Radiographs::negative ? Truth::True
                                                           : Truth::False)
          : Truth::Unknown;
  Truth Exclude2 = truth(In.clearly_extra_articular) && Negative;
  R.Trace.push_back(
      entry("exclude.1", TruthEvents[static_cast<int>(Exclude1)]));
  if (Exclude1 == Truth::True) {
    R.Trace.push_back(entry("excluded.1", ""));
    R.Recommendations.push_back("mri pathway");
    stop(R, Status::Excluded, "excluded.1", "labral");
    return R;
  }
  if (Exclude1 == Truth::Unknown) {
    if (!In.radiographs)
      R.MissingInputs.push_back("radiographs");
    if (!In.suspected_labral_tear_or_fai)
      R.MissingInputs.push_back("suspected_labral_tear_or_fai");
    R.Undecided.push_back("exclude.1");
    stop(R, Status::Pending, "exclude.1", "labral");
    R.Trace.push_back(
        entry("exclude.2", TruthEvents[static_cast<int>(Exclude2)]));
    if (Exclude2 == Truth::True)
      R.Recommendations.push_back("extra-articular workup");
    return R;
  }
  R.Trace.push_back(
      entry("exclude.2", TruthEvents[static_cast<int>(Exclude2)]));
  if (Exclude2 == Truth::True) {
    R.Trace.push_back(entry("excluded.2", ""));
    R.Recommendations.push_back("extra-articular workup");
    stop(R, Status::Excluded, "excluded.2", "extra-articular");
    return R;
  }
  if (Exclude2 == Truth::Unknown) {
    if (!In.radiographs)
      R.MissingInputs.push_back("radiographs");
    if (!In.clearly_extra_articular)
      R.MissingInputs.push_back("clearly_extra_articular");
    R.Undecided.push_back("exclude.2");
    stop(R, Status::Pending, "exclude.2", "extra-articular");
    return R;
  }

  // Inclusions: one false decides; otherwise any unknown is pending.
  Truth Include[4] = {
      In.hip_pain_duration
          ? (*In.hip_pain_duration > 3 ? Truth::True : Truth::False)
          : Truth::Unknown,
      In.radiographs
          ? (*In.radiographs == acr::Radiographs::osteoarthritis ? Truth::True
                                                                 : Truth::False)
          : Truth::Unknown,
      truth(In.lumbar_pathology) || truth(In.knee_pathology),
      truth(In.goal_is_isolating_hip)};
  static constexpr std::string_view IncludeIds[] = {"include.1", "include.2",
                                                    "include.3", "include.4"};
  static constexpr std::string_view NotApplicableIds[] = {
      "not_applicable.1", "not_applicable.2", "not_applicable.3",
      "not_applicable.4"};
  int FirstUnknown = -1;
  bool MissingDuration = false, MissingRadiographs = false,
       MissingLumbar = false, MissingKnee = false, MissingGoal = false;
  for (int I = 0; I != 4; ++I) {
    R.Trace.push_back(
        entry(IncludeIds[I], TruthEvents[static_cast<int>(Include[I])]));
    if (Include[I] == Truth::False) {
      R.Undecided.clear();
      R.Trace.push_back(entry(NotApplicableIds[I], ""));
      stop(R, Status::NotApplicable, NotApplicableIds[I], "not applicable");
      return R;
    }
    if (Include[I] == Truth::Unknown) {
      if (FirstUnknown < 0)
        FirstUnknown = I;
      R.Undecided.push_back(IncludeIds[I]);
      MissingDuration |= I == 0;
      MissingRadiographs |= I == 1;
      MissingLumbar |= I == 2 && !In.lumbar_pathology;
      MissingKnee |= I == 2 && !In.knee_pathology;
      MissingGoal |= I == 3;
    }
  }
  if (FirstUnknown >= 0) {
    if (MissingDuration)
      R.MissingInputs.push_back("hip_pain_duration");
    if (MissingRadiographs)
      R.MissingInputs.push_back("radiographs");
    if (MissingLumbar)
      R.MissingInputs.push_back("lumbar_pathology");
    if (MissingKnee)
      R.MissingInputs.push_back("knee_pathology");
    if (MissingGoal)
      R.MissingInputs.push_back("goal_is_isolating_hip");
    stop(R, Status::Pending, IncludeIds[FirstUnknown], "inclusion");
    return R;
  }

  // The injection, then the relief.
  R.ActionsOrdered.push_back("hip_injection");
  R.Trace.push_back(entry("step.injection.order", ""));
  R.Trace.push_back(entry("step.injection.assess", ""));
  if (!In.intra_articular_confirmed) {
    R.Trace.push_back(entry("step.injection.branch", "pending"));
    R.MissingInputs.push_back("intra_articular_confirmed");
    R.Undecided.push_back("intra_articular_confirmed");
    R.Undecided.push_back("not intra_articular_confirmed");
    stop(R, Status::Pending, "step.injection.branch", "injection");
    return R;
  }
  if (!*In.intra_articular_confirmed) {
    R.Trace.push_back(
        entry("step.injection.branch", "not intra_articular_confirmed"));
    R.Trace.push_back(entry("outcome.nondiagnostic", ""));
    R.Recommendations.push_back("do not read as negative");
    R.Recommendations.push_back("confirm placement");
    stop(R, Status::Outcome, "outcome.nondiagnostic", "non-diagnostic",
         Urgency::Routine);
    return R;
  }
  R.Trace.push_back(
      entry("step.injection.branch", "intra_articular_confirmed"));
  R.Trace.push_back(entry("step.read_relief.assess", ""));
  if (!In.relief) {
    R.Trace.push_back(entry("step.read_relief.branch", "pending"));
    R.MissingInputs.push_back("relief");
    R.Undecided.push_back("relief > 75 percent");
    R.Undecided.push_back("relief in (50, 75] percent");
    R.Undecided.push_back("relief in [30, 50] percent");
    R.Undecided.push_back("relief < 30 percent");
    stop(R, Status::Pending, "step.read_relief.branch", "relief");
    return R;
  }
  double Relief = *In.relief;
  if (Relief > 75) {
    R.Trace.push_back(entry("step.read_relief.branch", "relief > 75 percent"));
    R.Trace.push_back(entry("outcome.hip_is_generator", ""));
    R.Recommendations.push_back("discuss total hip arthroplasty");
    R.Recommendations.push_back("bridge to surgery");
    stop(R, Status::Outcome, "outcome.hip_is_generator", "positive",
         Urgency::Routine);
    return R;
  }
  if (Relief < 30) {
    R.Trace.push_back(entry("step.read_relief.branch", "relief < 30 percent"));
    R.Trace.push_back(entry("outcome.hip_not_generator", ""));
    for (const char *Text : {"avoid hip surgery", "refocus on the spine",
                             "lumbar MRI", "refer", "conference"})
      R.Recommendations.push_back(Text);
    stop(R, Status::Outcome, "outcome.hip_not_generator", "negative",
         Urgency::Routine);
    return R;
  }
  R.Trace.push_back(entry("step.read_relief.branch",
                          Relief > 50 ? "relief in (50, 75] percent"
                                      : "relief in [30, 50] percent"));
  R.Trace.push_back(entry("step.mixed_picture.assess", ""));
  if (!In.picture_remains_unclear) {
    R.Trace.push_back(entry("step.mixed_picture.branch", "pending"));
    R.MissingInputs.push_back("picture_remains_unclear");
    R.Undecided.push_back("not picture_remains_unclear");
    R.Undecided.push_back("picture_remains_unclear");
    stop(R, Status::Pending, "step.mixed_picture.branch", "mixed");
    return R;
  }
  if (*In.picture_remains_unclear) {
    R.Trace.push_back(
        entry("step.mixed_picture.branch", "picture_remains_unclear"));
    R.Trace.push_back(entry("outcome.multidisciplinary_conference", ""));
    R.Recommendations.push_back("conference");
    R.Recommendations.push_back("further injections");
    stop(R, Status::Outcome, "outcome.multidisciplinary_conference",
         "conference", Urgency::Routine);
    return R;
  }
  R.Trace.push_back(
      entry("step.mixed_picture.branch", "not picture_remains_unclear"));
  R.Trace.push_back(entry("outcome.treat_both_sources", ""));
  R.Recommendations.push_back("treat both");
  R.Recommendations.push_back("further injections");
  stop(R, Status::Outcome, "outcome.treat_both_sources", "both",
       Urgency::Routine);
  return R;
}

//===----------------------------------------------------------------------===//
// Cases
//===----------------------------------------------------------------------===//

/// Random cases that reach every ending: red flags and exclusions are rare,
/// the criteria usually hold, and any input is sometimes unknown.
std::vector<acr::Inputs> randomCases() {
  std::mt19937_64 Random(20261121);
  std::uniform_real_distribution<double> Unit(0, 1);
  auto Bool = [&](double PTrue) -> std::optional<bool> {
    if (Unit(Random) < 0.02)
      return std::nullopt;
    return Unit(Random) < PTrue;
  };
  auto Number = [&](double Low, double High) -> std::optional<double> {
    if (Unit(Random) < 0.02)
      return std::nullopt;
    return Low + (High - Low) * Unit(Random);
  };
  std::vector<acr::Inputs> Cases(NumCases);
  for (acr::Inputs &In : Cases) {
    In.suspected_infection = Bool(0.01);
    In.suspected_malignancy = Bool(0.01);
    In.suspected_acute_fracture = Bool(0.01);
    In.suspected_labral_tear_or_fai = Bool(0.1);
    In.clearly_extra_articular = Bool(0.1);
    In.hip_pain_duration = Number(0, 24);
    double Radiographs = Unit(Random);
    if (Radiographs < 0.85)
      In.radiographs = acr::Radiographs::osteoarthritis;
    else if (Radiographs < 0.9)
      In.radiographs = acr::Radiographs::negative;
    else if (Radiographs < 0.95)
      In.radiographs = acr::Radiographs::non_diagnostic;
    else if (Radiographs < 0.98)
      In.radiographs = acr::Radiographs::not_done;
    In.lumbar_pathology = Bool(0.6);
    In.knee_pathology = Bool(0.4);
    In.goal_is_isolating_hip = Bool(0.9);
    In.intra_articular_confirmed = Bool(0.85);
    In.relief = Number(0, 100);
    In.picture_remains_unclear = Bool(0.5);
  }
  return Cases;
}

/// The interpreter's form of \p In: every field of the generated Inputs,
/// set by name.
Case toCase(const Program &P, const acr::Inputs &In) {
  Case C(P);
  auto SetBool = [&](std::string_view Name, const std::optional<bool> &V) {
    if (V)
      C.setBool(Name, *V);
  };
  SetBool("suspected_infection", In.suspected_infection);
  SetBool("suspected_malignancy", In.suspected_malignancy);
  SetBool("suspected_acute_fracture", In.suspected_acute_fracture);
  SetBool("suspected_labral_tear_or_fai", In.suspected_labral_tear_or_fai);
  SetBool("clearly_extra_articular", In.clearly_extra_articular);
  SetBool("lumbar_pathology", In.lumbar_pathology);
  SetBool("knee_pathology", In.knee_pathology);
  SetBool("goal_is_isolating_hip", In.goal_is_isolating_hip);
  SetBool("intra_articular_confirmed", In.intra_articular_confirmed);
  SetBool("picture_remains_unclear", In.picture_remains_unclear);
  if (In.hip_pain_duration)
    C.setNumber("hip_pain_duration", *In.hip_pain_duration);
  if (In.relief)
    C.setNumber("relief", *In.relief);
  if (In.radiographs)
    C.setEnum("radiographs", acr::nameOf(*In.radiographs));
  return C;
}

/// The parts of two results that the hand-written code reproduces: all
/// but the titles, the texts of recommendations and undecided conditions,
/// and the trace's citations and notes.
bool sameDecision(const Result &A, const Result &B) {
  if (A.State != B.State || A.Reached != B.Reached || A.Level != B.Level ||
      A.ActionsOrdered != B.ActionsOrdered ||
      A.MissingInputs != B.MissingInputs ||
      A.InvalidInputs != B.InvalidInputs ||
      A.Recommendations.size() != B.Recommendations.size() ||
      A.Undecided.size() != B.Undecided.size() ||
      A.Trace.size() != B.Trace.size())
    return false;
  for (std::size_t I = 0; I != A.Trace.size(); ++I)
    if (A.Trace[I].NodeId != B.Trace[I].NodeId ||
        A.Trace[I].Event != B.Trace[I].Event)
      return false;
  return true;
}

struct Fixture {
  std::vector<acr::Inputs> Cases = randomCases();
  std::unique_ptr<Program> Interpreted;
  std::vector<Case> InterpreterCases;

  Fixture() {
    std::ifstream File(ACR_JSON_PATH);
    std::stringstream Text;
    Text << File.rdbuf();
    std::vector<InputError> Errors;
    Interpreted = Program::load(Text.str(), ACR_JSON_PATH, Errors);
    if (!Interpreted) {
      for (const InputError &E : Errors)
        std::cerr << formatInputError(E) << "\n";
      std::exit(1);
    }
    InterpreterCases.reserve(Cases.size());
    std::map<std::string_view, std::size_t> Endings;
    for (const acr::Inputs &In : Cases) {
      InterpreterCases.push_back(toCase(*Interpreted, In));
      Result Generated = acr::evaluate(In);
      Result Interpreter = Interpreted->evaluate(InterpreterCases.back());
      Result ByHand = evaluateByHand(In);
      if (Generated != Interpreter || !sameDecision(Generated, ByHand)) {
        std::cerr << "the three implementations disagree on a case:\n"
                  << "generated:\n"
                  << resultToString(Generated) << "interpreter:\n"
                  << resultToString(Interpreter) << "by hand:\n"
                  << resultToString(ByHand);
        std::exit(1);
      }
      ++Endings[Generated.Reached];
    }
    // Every ending occurs, so no path goes unmeasured.
    std::cerr << "cases by ending:";
    for (const auto &[Reached, Count] : Endings)
      std::cerr << " " << Reached << "=" << Count;
    std::cerr << "\n";
  }
};

Fixture &fixture() {
  static Fixture F;
  return F;
}

void BM_GeneratedCpp(benchmark::State &State) {
  const std::vector<acr::Inputs> &Cases = fixture().Cases;
  for (auto _ : State)
    for (const acr::Inputs &In : Cases) {
      Result R = acr::evaluate(In);
      benchmark::DoNotOptimize(R.State);
    }
  State.SetItemsProcessed(State.iterations() * Cases.size());
}

void BM_Interpreter(benchmark::State &State) {
  const Fixture &F = fixture();
  for (auto _ : State)
    for (const Case &C : F.InterpreterCases) {
      Result R = F.Interpreted->evaluate(C);
      benchmark::DoNotOptimize(R.State);
    }
  State.SetItemsProcessed(State.iterations() * F.InterpreterCases.size());
}

void BM_HandWritten(benchmark::State &State) {
  const std::vector<acr::Inputs> &Cases = fixture().Cases;
  for (auto _ : State)
    for (const acr::Inputs &In : Cases) {
      Result R = evaluateByHand(In);
      benchmark::DoNotOptimize(R.State);
    }
  State.SetItemsProcessed(State.iterations() * Cases.size());
}

BENCHMARK(BM_HandWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GeneratedCpp)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Interpreter)->Unit(benchmark::kMillisecond);

/// Collects each benchmark's time per case, to print the ratios.
class RatioReporter : public benchmark::ConsoleReporter {
public:
  void ReportRuns(const std::vector<Run> &Runs) override {
    ConsoleReporter::ReportRuns(Runs);
    // With --benchmark_repetitions the median stands for the benchmark;
    // otherwise its one run does.
    for (const Run &R : Runs) {
      double Ns = R.GetAdjustedCPUTime() * 1e6 / NumCases; // ms -> ns
      const std::string &Name = R.run_name.function_name;
      if (R.run_type == Run::RT_Aggregate && R.aggregate_name == "median")
        NsPerCase[Name] = Ns;
      else if (R.run_type == Run::RT_Iteration && !NsPerCase.count(Name))
        NsPerCase[Name] = Ns;
    }
  }
  void printRatios() const {
    auto Get = [&](const char *Name) {
      auto Found = NsPerCase.find(Name);
      return Found == NsPerCase.end() ? 0.0 : Found->second;
    };
    double ByHand = Get("BM_HandWritten"), Generated = Get("BM_GeneratedCpp"),
           Interpreter = Get("BM_Interpreter");
    if (ByHand <= 0 || Generated <= 0 || Interpreter <= 0)
      return;
    std::printf("\nns per case: hand-written %.1f, generated C++ %.1f, "
                "interpreter %.1f\n",
                ByHand, Generated, Interpreter);
    std::printf("generated / hand-written: %.2fx (target <= 1.2x)\n",
                Generated / ByHand);
    std::printf("interpreter / generated:  %.2fx (target <= 10x)\n",
                Interpreter / Generated);
  }

private:
  std::map<std::string, double> NsPerCase;
};

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  fixture();
  RatioReporter Reporter;
  benchmark::RunSpecifiedBenchmarks(&Reporter);
  Reporter.printRatios();
  benchmark::Shutdown();
  return 0;
}
