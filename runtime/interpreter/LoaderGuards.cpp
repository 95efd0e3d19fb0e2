//===- LoaderGuards.cpp - Compiling guards into flat arrays ---------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// A guard becomes a pre-order array of nodes (ProgramData.h) whose atoms
// refer to variables by index, with its intervals checked to be the
// disjoint, sorted pieces json.md promises, so that evaluation can test
// them one by one.
//
//===----------------------------------------------------------------------===//

#include "LoaderImpl.h"

#include <algorithm>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

namespace {

/// Guards nested deeper than this are refused: they are compiled and
/// evaluated recursively, and the compiler's own are a few levels deep.
constexpr unsigned MaxGuardDepth = 200;

} // namespace

std::optional<std::uint32_t> Loader::readGuard(const json &Obj, const Where &W,
                                               const char *Key) {
  const json *G = Reader.member(Obj, W, Key);
  if (!G)
    return std::nullopt;
  GuardInfo Info;
  Info.Root = static_cast<std::uint32_t>(Data->GuardNodes.size());
  std::vector<std::uint32_t> Vars;
  if (!compileGuard(*G, W.key(Key), 0, Vars))
    return std::nullopt;
  std::sort(Vars.begin(), Vars.end());
  Vars.erase(std::unique(Vars.begin(), Vars.end()), Vars.end());
  Info.VarsBegin = static_cast<std::uint32_t>(Data->GuardVars.size());
  Data->GuardVars.insert(Data->GuardVars.end(), Vars.begin(), Vars.end());
  Info.VarsEnd = static_cast<std::uint32_t>(Data->GuardVars.size());
  Data->Guards.push_back(Info);
  return static_cast<std::uint32_t>(Data->Guards.size() - 1);
}

bool Loader::compileGuard(const json &G, const Where &W, unsigned Depth,
                          std::vector<std::uint32_t> &Vars) {
  if (Depth > MaxGuardDepth) {
    Reader.error(W, "guard nested more than " + std::to_string(MaxGuardDepth) +
                        " levels deep");
    return false;
  }
  if (!Reader.expectObject(G, W))
    return false;
  const std::string *Op = Reader.string(G, W, "op");
  if (!Op)
    return false;
  // Pre-order: the node first, its operands after it; Size is known once
  // they are compiled. Index, not reference: GuardNodes grows meanwhile.
  auto Index = Data->GuardNodes.size();
  Data->GuardNodes.emplace_back();
  auto Node = [&]() -> GuardNode & { return Data->GuardNodes[Index]; };
  bool Ok = true;
  if (*Op == "true" || *Op == "false") {
    Node().Op = *Op == "true" ? GuardOp::True : GuardOp::False;
  } else if (*Op == "not" || *Op == "and" || *Op == "or") {
    Node().Op = *Op == "not"   ? GuardOp::Not
                : *Op == "and" ? GuardOp::And
                               : GuardOp::Or;
    const json *Args = Reader.array(G, W, "args");
    if (!Args)
      return false;
    bool IsNot = Node().Op == GuardOp::Not;
    if (IsNot ? Args->size() != 1 : Args->size() < 2) {
      Reader.error(W.key("args"),
                   IsNot ? "'not' takes exactly one operand"
                         : "'" + *Op + "' takes two or more operands");
      return false;
    }
    Where AW = W.key("args");
    for (std::size_t I = 0; I != Args->size() && Ok; ++I)
      Ok = compileGuard((*Args)[I], AW.at(I), Depth + 1, Vars);
  } else if (*Op == "bool" || *Op == "number" || *Op == "enum") {
    const std::string *Var = Reader.string(G, W, "var", true);
    if (!Var)
      return false;
    std::string_view Name = *Var;
    const std::string_view Prefix = "probability(";
    if (*Op == "number" && Name.substr(0, Prefix.size()) == Prefix &&
        Name.back() == ')') {
      std::string Diagnosis(
          Name.substr(Prefix.size(), Name.size() - Prefix.size() - 1));
      auto It = DiagnosisIndex.find(Diagnosis);
      if (It == DiagnosisIndex.end()) {
        Reader.error(W.key("var"), "unknown diagnosis " + quoteName(Diagnosis));
        return false;
      }
      const DiagnosisData &D = Data->Diagnoses[It->second];
      if (!D.HasFigure && D.PretestInput == NoIndex) {
        Reader.error(W.key("var"), "diagnosis " + quoteName(Diagnosis) +
                                       " has no pretest probability, so " +
                                       quoteName(Name) + " has no value");
        return false;
      }
      Node().Op = GuardOp::Probability;
      Node().Var = It->second;
      if (D.PretestInput != NoIndex)
        Vars.push_back(D.PretestInput);
      Ok = compileIntervals(G, W, /*Merge=*/true);
    } else {
      auto It = Data->VariableIndex.find(Name);
      if (It == Data->VariableIndex.end()) {
        Reader.error(W.key("var"), "unknown variable " + quoteName(Name));
        return false;
      }
      const VariableInfo &V = Data->Variables[It->second];
      Node().Var = It->second;
      Vars.push_back(It->second);
      if (*Op == "bool") {
        Node().Op = GuardOp::Bool;
        std::optional<bool> Value = Reader.boolean(G, W, "value");
        if (V.Kind != VariableKind::Bool && V.Kind != VariableKind::Finding) {
          Reader.error(W.key("var"),
                       "a 'bool' atom needs a bool input or an exam; " +
                           quoteName(Name) + " is neither");
          return false;
        }
        if (!Value)
          return false;
        Node().Value = *Value;
      } else if (*Op == "number") {
        Node().Op = GuardOp::Number;
        if (V.Kind != VariableKind::Number) {
          Reader.error(W.key("var"),
                       "a 'number' atom needs a number input or a "
                       "probability; " +
                           quoteName(Name) + " is neither");
          return false;
        }
        Ok = compileIntervals(G, W, /*Merge=*/false);
      } else {
        Node().Op = GuardOp::Enum;
        const json *Values = Reader.nonEmptyArray(
            G, W, "values", "an 'enum' atom needs a value");
        if (V.Kind != VariableKind::Enum) {
          Reader.error(W.key("var"), "an 'enum' atom needs an enum input; " +
                                         quoteName(Name) + " is not one");
          return false;
        }
        if (!Values)
          return false;
        std::vector<std::uint32_t> Allowed;
        for (std::size_t I = 0; I != Values->size(); ++I) {
          const json &Value = (*Values)[I];
          const auto *Found =
              Value.is_string()
                  ? std::find(V.Values.begin(), V.Values.end(),
                              Value.get_ref<const std::string &>())
                  : V.Values.end();
          if (Found == V.Values.end()) {
            Reader.error(W.key("values").at(I),
                         Value.is_string()
                             ? quoteName(Value.get_ref<const std::string &>()) +
                                   " is not a value of " + quoteName(Name)
                             : std::string("must be a string, not ") +
                                   describeJsonType(Value));
            return false;
          }
          Allowed.push_back(
              static_cast<std::uint32_t>(Found - V.Values.begin()));
        }
        std::sort(Allowed.begin(), Allowed.end());
        Allowed.erase(std::unique(Allowed.begin(), Allowed.end()),
                      Allowed.end());
        Node().Begin = static_cast<std::uint32_t>(Data->AllowedValues.size());
        Data->AllowedValues.insert(Data->AllowedValues.end(), Allowed.begin(),
                                   Allowed.end());
        Node().End = static_cast<std::uint32_t>(Data->AllowedValues.size());
      }
    }
  } else {
    Reader.error(W.key("op"), "unknown guard operator " + quoteName(*Op));
    return false;
  }
  Node().Size = static_cast<std::uint32_t>(Data->GuardNodes.size() - Index);
  return Ok;
}

bool Loader::compileIntervals(const json &Atom, const Where &W, bool Merge) {
  const json *List = Reader.nonEmptyArray(Atom, W, "intervals",
                                          "a 'number' atom needs an interval");
  if (!List)
    return false;
  Where LW = W.key("intervals");
  GuardNode &Node = Data->GuardNodes.back();
  Node.Begin = static_cast<std::uint32_t>(Data->Intervals.size());
  for (std::size_t I = 0; I != List->size(); ++I) {
    Where IW = LW.at(I);
    if (!Reader.expectObject((*List)[I], IW))
      return false;
    const json &J = (*List)[I];
    std::optional<double> Low = Reader.number(J, IW, "low");
    std::optional<double> High = Reader.number(J, IW, "high");
    std::optional<bool> LowOpen = Reader.boolean(J, IW, "lowOpen");
    std::optional<bool> HighOpen = Reader.boolean(J, IW, "highOpen");
    if (!Low || !High || !LowOpen || !HighOpen)
      return false;
    ThresholdInterval Piece{*Low, *High, *LowOpen, *HighOpen};
    if (Piece.isEmpty()) {
      Reader.error(IW, "the interval holds no value");
      return false;
    }
    bool Later = Data->Intervals.size() != Node.Begin;
    if (Later) {
      ThresholdInterval &Last = Data->Intervals.back();
      // json.md: "disjoint, sorted by their low ends".
      if (!(Last.High < Piece.Low ||
            (Last.High == Piece.Low && (Last.HighOpen || Piece.LowOpen)))) {
        Reader.error(IW, "intervals must be disjoint and sorted by their low "
                         "ends");
        return false;
      }
      // decide() takes the union of a probability's pieces, where [a, b)
      // and [b, c] leave no gap; keeping the connected parts lets each be
      // decided alone, with no allocation, to the same answer.
      if (Merge && Last.High == Piece.Low &&
          !(Last.HighOpen && Piece.LowOpen)) {
        Last.High = Piece.High;
        Last.HighOpen = Piece.HighOpen;
        continue;
      }
    }
    Data->Intervals.push_back(Piece);
  }
  Node.End = static_cast<std::uint32_t>(Data->Intervals.size());
  return true;
}
