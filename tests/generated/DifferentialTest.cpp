//===- DifferentialTest.cpp - Generated C++ against the interpreter -------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Two implementations of docs/evaluation.md, one meaning: for every shipped
// guideline, the C++ module generated from it and the interpreter running
// its JSON target must give identical results, trace included, on every
// case. The cases (12,000 per guideline) come from three generators:
//
//   - walks: a random path through the graph, choosing values that make
//     each edge's guard hold on the way, so that every ending is reached,
//     not only the red flags that a uniform draw mostly hits;
//   - boundaries: a walk's case with number inputs moved to the exact ends
//     of the intervals the guards compare with, and to the doubles just
//     beside them;
//   - uniform draws over each input's domain.
//
// Any input may then be made unknown, and a few numbers are put outside
// their domains. The test also checks that the cases reach every terminal
// of the graph and end pending, so that a generator that stopped reaching
// part of the graph would fail instead of passing on fewer paths.
//
//===----------------------------------------------------------------------===//

#include "acr_hip_pain_coexisting_back_or_knee.h"
#include "buttock_pain_differential.h"
#include "hostile_names.h"
#include "lateral_hip_pain_spine_or_si.h"
#include "spine_origin_of_hip_pain.h"

#include "pathwayc/Interpreter.h"
#include "pathwayc/Result.h"

#include "gtest/gtest.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

using namespace pathwayc::runtime;
using Json = nlohmann::json;

namespace {

constexpr int CasesPerPathway = 12000;

/// A value of a case variable: a bool (inputs and findings), a number, or
/// the name of a list value. Unknown variables are absent from a case.
using Value = std::variant<bool, double, std::string>;
using Assignment = std::map<std::string, Value>;

/// A generated module, called through its by-name setters.
struct Module {
  const char *Name;
  std::function<Result(const Assignment &)> Evaluate;
};

template <typename Inputs, typename SetBool, typename SetNumber,
          typename SetEnum, typename Evaluate>
std::function<Result(const Assignment &)>
adapt(SetBool setBool, SetNumber setNumber, SetEnum setEnum,
      Evaluate evaluate) {
  return [=](const Assignment &A) {
    Inputs In;
    for (const auto &[Name, V] : A) {
      bool Set = std::visit(
          [&](const auto &X) {
            using T = std::decay_t<decltype(X)>;
            if constexpr (std::is_same_v<T, bool>)
              return setBool(In, Name, X);
            else if constexpr (std::is_same_v<T, double>)
              return setNumber(In, Name, X);
            else
              return setEnum(In, Name, X);
          },
          V);
      EXPECT_TRUE(Set) << "the module has no variable " << Name;
    }
    return evaluate(In);
  };
}

#define PATHWAYC_MODULE(NS)                                                    \
  Module {                                                                     \
#NS, adapt < NS::Inputs>                                                   \
             (NS::setBool, NS::setNumber, NS::setEnum, NS::evaluate)           \
  }

std::vector<Module> modules() {
  return {PATHWAYC_MODULE(acr_hip_pain_coexisting_back_or_knee),
          PATHWAYC_MODULE(buttock_pain_differential),
          PATHWAYC_MODULE(lateral_hip_pain_spine_or_si),
          PATHWAYC_MODULE(spine_origin_of_hip_pain),
          PATHWAYC_MODULE(hostile_names)};
}

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::stringstream Text;
  Text << In.rdbuf();
  return Text.str();
}

std::string describe(const Assignment &A) {
  std::string Out;
  for (const auto &[Name, V] : A) {
    Out += "  " + Name + " = ";
    if (const bool *B = std::get_if<bool>(&V))
      Out += *B ? "true" : "false";
    else if (const double *D = std::get_if<double>(&V))
      Out += std::to_string(*D);
    else
      Out += std::get<std::string>(V);
    Out += "\n";
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// The case generator
//===----------------------------------------------------------------------===//

struct Variable {
  enum Kind { Bool, Number, Enum } VarKind = Bool;
  double Low = 0, High = 0;
  bool LowOpen = false, HighOpen = false;
  std::vector<std::string> Values;
  /// The ends of every interval a guard compares this number with.
  std::set<double> Thresholds;

  bool inDomain(double X) const {
    return (LowOpen ? X > Low : X >= Low) && (HighOpen ? X < High : X <= High);
  }
};

class CaseGenerator {
public:
  CaseGenerator(const Json &Doc, unsigned Seed) : Doc(Doc), Random(Seed) {
    for (const Json &Input : Doc["inputs"]) {
      Variable V;
      std::string Type = Input["type"];
      if (Type == "number") {
        V.VarKind = Variable::Number;
        V.Low = Input["domain"]["low"];
        V.High = Input["domain"]["high"];
        V.LowOpen = Input["domain"]["lowOpen"];
        V.HighOpen = Input["domain"]["highOpen"];
      } else if (Type == "enum") {
        V.VarKind = Variable::Enum;
        V.Values = Input["values"].get<std::vector<std::string>>();
      }
      Vars[Input["name"]] = V;
    }
    for (const Json &Exam : Doc["exams"])
      Vars[Exam["name"]] = Variable();
    for (const Json &Node : Doc["nodes"]) {
      Nodes[Node["id"]] = &Node;
      if (Node.contains("condition"))
        collectThresholds(Node["condition"]);
    }
    for (const Json &Edge : Doc["edges"]) {
      OutEdges[Edge["from"]].push_back(&Edge);
      collectThresholds(Edge["guard"]);
    }
  }

  /// One case, from a generator chosen at random.
  Assignment next() {
    double Pick = unit();
    Assignment A = Pick < 0.15 ? uniform() : walk();
    if (Pick >= 0.15 && Pick < 0.5)
      moveToBoundaries(A);
    forgetSome(A);
    if (unit() < 0.01)
      leaveDomain(A);
    return A;
  }

private:
  double unit() { return std::uniform_real_distribution<double>(0, 1)(Random); }
  std::size_t below(std::size_t N) {
    return std::uniform_int_distribution<std::size_t>(0, N - 1)(Random);
  }

  void collectThresholds(const Json &Guard) {
    const std::string &Op = Guard["op"].get_ref<const std::string &>();
    if (Op == "number") {
      auto Found = Vars.find(Guard["var"]);
      if (Found == Vars.end())
        return; // a probability
      for (const Json &I : Guard["intervals"]) {
        Found->second.Thresholds.insert(I["low"].get<double>());
        Found->second.Thresholds.insert(I["high"].get<double>());
      }
      return;
    }
    if (Guard.contains("args"))
      for (const Json &Arg : Guard["args"])
        collectThresholds(Arg);
  }

  Value randomValue(const Variable &V) {
    switch (V.VarKind) {
    case Variable::Bool: return unit() < 0.5;
    case Variable::Enum: return V.Values[below(V.Values.size())];
    case Variable::Number: {
      // Half the time a threshold or its neighbour, else anywhere.
      if (!V.Thresholds.empty() && unit() < 0.5) {
        auto It = V.Thresholds.begin();
        std::advance(It, below(V.Thresholds.size()));
        double X = *It;
        double Side = unit();
        if (Side < 0.33)
          X = std::nextafter(X, -std::numeric_limits<double>::infinity());
        else if (Side < 0.66)
          X = std::nextafter(X, std::numeric_limits<double>::infinity());
        if (V.inDomain(X))
          return X;
      }
      double X = V.Low + (V.High - V.Low) * unit();
      return V.inDomain(X) ? X : (V.Low + V.High) / 2;
    }
    }
    return false;
  }

  Assignment uniform() {
    Assignment A;
    for (const auto &[Name, V] : Vars)
      A[Name] = randomValue(V);
    return A;
  }

  /// Whether \p Guard holds on \p A, where every variable it reads that
  /// \p A lacks gets a random value first; probabilities count as holding,
  /// since the walk only steers and the two implementations decide.
  bool holds(const Json &Guard, Assignment &A) {
    const std::string &Op = Guard["op"].get_ref<const std::string &>();
    if (Op == "true")
      return true;
    if (Op == "false")
      return false;
    if (Op == "not")
      return !holds(Guard["args"][0], A);
    if (Op == "and" || Op == "or") {
      bool IsAnd = Op == "and";
      bool Result = IsAnd;
      for (const Json &Arg : Guard["args"])
        Result = IsAnd ? (holds(Arg, A) && Result) : (holds(Arg, A) || Result);
      return Result;
    }
    auto Found = Vars.find(Guard["var"]);
    if (Found == Vars.end())
      return true;
    const std::string &Name = Found->first;
    if (!A.count(Name))
      A[Name] = randomValue(Found->second);
    const Value &V = A[Name];
    if (Op == "bool")
      return std::get<bool>(V) == Guard["value"].get<bool>();
    if (Op == "enum") {
      for (const Json &Allowed : Guard["values"])
        if (Allowed.get<std::string>() == std::get<std::string>(V))
          return true;
      return false;
    }
    double X = std::get<double>(V);
    for (const Json &I : Guard["intervals"]) {
      double Low = I["low"], High = I["high"];
      bool In = (I["lowOpen"].get<bool>() ? X > Low : X >= Low) &&
                (I["highOpen"].get<bool>() ? X < High : X <= High);
      if (In)
        return true;
    }
    return false;
  }

  /// A random path from the entry: at each node an out-edge, and values
  /// that make its guard hold. Screens and criteria usually go on, so that
  /// the steps are reached.
  Assignment walk() {
    Assignment A;
    std::string Node = Doc["entry"];
    for (unsigned Steps = 0; Steps != 1000; ++Steps) {
      const std::vector<const Json *> &Out = OutEdges[Node];
      if (Out.empty())
        break;
      std::vector<const Json *> Order(Out.begin(), Out.end());
      std::shuffle(Order.begin(), Order.end(), Random);
      const Json &From = *Nodes[Node];
      if (From.contains("condition") && unit() < 0.85)
        std::stable_sort(
            Order.begin(), Order.end(), [&](const Json *X, const Json *Y) {
              return !isTerminal((*X)["to"]) && isTerminal((*Y)["to"]);
            });
      const Json *Taken = nullptr;
      for (const Json *Edge : Order) {
        for (int Try = 0; Try != 20 && !Taken; ++Try) {
          Assignment Attempt = A;
          if (holds((*Edge)["guard"], Attempt)) {
            A = std::move(Attempt);
            Taken = Edge;
          }
        }
        if (Taken)
          break;
      }
      if (!Taken)
        break;
      Node = (*Taken)["to"];
    }
    for (const auto &[Name, V] : Vars)
      if (!A.count(Name))
        A[Name] = randomValue(V);
    return A;
  }

  bool isTerminal(const std::string &Id) {
    return (*Nodes[Id])["kind"] == "terminal";
  }

  void moveToBoundaries(Assignment &A) {
    for (auto &[Name, V] : A) {
      const Variable &Var = Vars[Name];
      if (Var.VarKind == Variable::Number && !Var.Thresholds.empty() &&
          unit() < 0.5) {
        auto It = Var.Thresholds.begin();
        std::advance(It, below(Var.Thresholds.size()));
        V = *It;
      }
    }
  }

  void forgetSome(Assignment &A) {
    static constexpr double Rates[] = {0, 0, 0.02, 0.1, 0.3};
    double Rate = Rates[below(std::size(Rates))];
    for (auto It = A.begin(); It != A.end();)
      It = unit() < Rate ? A.erase(It) : std::next(It);
  }

  void leaveDomain(Assignment &A) {
    for (auto &[Name, V] : A) {
      const Variable &Var = Vars[Name];
      if (Var.VarKind == Variable::Number) {
        V = unit() < 0.5 ? Var.Low - 1 : Var.High + 1;
        return;
      }
    }
  }

  const Json &Doc;
  std::mt19937 Random;
  std::map<std::string, Variable> Vars;
  std::map<std::string, const Json *> Nodes;
  std::map<std::string, std::vector<const Json *>> OutEdges;
};

//===----------------------------------------------------------------------===//
// The test
//===----------------------------------------------------------------------===//

// For gtest's messages: a module by its name, not its bytes.
void PrintTo(const Module &M, std::ostream *OS) { *OS << M.Name; }

class DifferentialTest : public testing::TestWithParam<Module> {};

TEST_P(DifferentialTest, GeneratedCodeAndInterpreterAgree) {
  const Module &M = GetParam();
  std::string Path =
      std::string(PATHWAYC_GENERATED_DIR) + "/" + M.Name + ".json";
  std::string Text = readFile(Path);
  std::vector<InputError> Errors;
  std::unique_ptr<Program> P = Program::load(Text, Path, Errors);
  ASSERT_TRUE(P) << (Errors.empty() ? "" : formatInputError(Errors.front()));
  Json Doc = Json::parse(Text);

  bool HasNumbers = false;
  for (const Json &Input : Doc["inputs"])
    HasNumbers |= Input["type"] == "number";
  std::set<std::string> Terminals;
  for (const Json &Node : Doc["nodes"])
    if (Node["kind"] == "terminal")
      Terminals.insert(Node["id"]);

  CaseGenerator Generator(Doc, /*Seed=*/20261121);
  std::set<std::string> Reached;
  std::map<Status, int> ByStatus;
  int Disagreements = 0;
  for (int I = 0; I != CasesPerPathway; ++I) {
    Assignment A = Generator.next();
    Case C(*P);
    for (const auto &[Name, V] : A) {
      bool Set = std::visit(
          [&, Name = std::string_view(Name)](const auto &X) {
            using T = std::decay_t<decltype(X)>;
            if constexpr (std::is_same_v<T, bool>)
              return C.setBool(Name, X);
            else if constexpr (std::is_same_v<T, double>)
              return C.setNumber(Name, X);
            else
              return C.setEnum(Name, X);
          },
          V);
      ASSERT_TRUE(Set) << "the interpreter has no variable " << Name;
    }
    Result Generated = M.Evaluate(A);
    Result Interpreted = P->evaluate(C);
    if (Generated != Interpreted && ++Disagreements <= 3)
      ADD_FAILURE() << "the generated code and the interpreter disagree on\n"
                    << describe(A) << "generated:\n"
                    << resultToString(Generated) << "interpreter:\n"
                    << resultToString(Interpreted);
    Reached.insert(std::string(Generated.Reached));
    ++ByStatus[Generated.State];
  }
  EXPECT_EQ(Disagreements, 0) << "of " << CasesPerPathway << " cases";

  // The cases went everywhere: every terminal, and the ways of stopping
  // short of one.
  for (const std::string &Terminal : Terminals)
    EXPECT_TRUE(Reached.count(Terminal)) << "no case reached " << Terminal;
  EXPECT_GT(ByStatus[Status::Pending], 0);
  if (HasNumbers) {
    EXPECT_GT(ByStatus[Status::InvalidInput], 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Pathways, DifferentialTest,
                         testing::ValuesIn(modules()),
                         [](const testing::TestParamInfo<Module> &Info) {
                           return std::string(Info.param.Name);
                         });

} // namespace
