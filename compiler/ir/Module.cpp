//===- Module.cpp - The decision graph of a pathway -----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ir/Module.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <fmt/format.h>

#include <cmath>

using namespace pathwayc;
using namespace pathwayc::ir;

llvm::StringRef ir::getNodeKindName(NodeKind Kind) {
  switch (Kind) {
  case NodeKind::RedFlagScreen: return "red-flag-screen";
  case NodeKind::Exclusion: return "exclusion";
  case NodeKind::Inclusion: return "inclusion";
  case NodeKind::Order: return "order";
  case NodeKind::Assess: return "assess";
  case NodeKind::Branch: return "branch";
  case NodeKind::Terminal: return "terminal";
  }
  llvm_unreachable("unknown node kind");
}

llvm::StringRef ir::getTerminalKindName(TerminalKind Kind) {
  switch (Kind) {
  case TerminalKind::Outcome: return "outcome";
  case TerminalKind::RedFlag: return "red-flag";
  case TerminalKind::Excluded: return "excluded";
  case TerminalKind::NotApplicable: return "not-applicable";
  }
  llvm_unreachable("unknown terminal kind");
}

unsigned Module::addVariable(Variable V) {
  unsigned Index = Variables.size();
  VariableIndex.try_emplace(V.Name, Index);
  Variables.push_back(std::move(V));
  return Index;
}

unsigned Module::addNode(Node N) {
  unsigned Index = Nodes.size();
  bool Inserted = NodeIndex.try_emplace(N.Id, Index).second;
  assert(Inserted && "node ids must be unique");
  (void)Inserted;
  Nodes.push_back(std::move(N));
  return Index;
}

unsigned Module::addEdge(Edge E) {
  unsigned Index = Edges.size();
  Nodes[E.From].OutEdges.push_back(Index);
  Edges.push_back(std::move(E));
  return Index;
}

std::optional<unsigned> Module::findVariable(llvm::StringRef Name) const {
  auto It = VariableIndex.find(Name);
  if (It == VariableIndex.end())
    return std::nullopt;
  return It->second;
}

std::optional<unsigned> Module::findNode(llvm::StringRef Id) const {
  auto It = NodeIndex.find(Id);
  if (It == NodeIndex.end())
    return std::nullopt;
  return It->second;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

std::string ir::formatNumber(double X) {
  std::string Text = fmt::format("{}", X);
  size_t E = Text.find('e');
  if (E == std::string::npos)
    return Text;
  int Exponent = std::stoi(Text.substr(E + 1));
  size_t Dot = Text.find('.');
  int MantissaDecimals =
      Dot == std::string::npos || Dot > E ? 0 : static_cast<int>(E - Dot - 1);
  return fmt::format("{:.{}f}", X, std::max(0, MantissaDecimals - Exponent));
}

std::string ir::formatValue(double X, const Variable &V) {
  double Shown = X;
  if (X != 0 && std::isfinite(X)) {
    int Exponent = static_cast<int>(std::floor(std::log10(std::fabs(X))));
    int Shift = 5 - Exponent;
    if (std::abs(Shift) <= 300) {
      double Scale = std::pow(10.0, std::abs(Shift));
      Shown = Shift >= 0 ? std::round(X * Scale) / Scale
                         : std::round(X / Scale) * Scale;
    }
  }
  std::string Text = formatNumber(Shown);
  if (V.DomainUnit != Unit::None)
    Text += " " + getUnitName(V.DomainUnit).str();
  return Text;
}

namespace {

std::string formatInterval(const Interval &I) {
  return fmt::format("{}{}, {}{}", I.LowOpen ? '(' : '[', formatNumber(I.Low),
                     formatNumber(I.High), I.HighOpen ? ')' : ']');
}

void printAtom(llvm::raw_ostream &OS, const Guard &G, const Module &M) {
  const Variable &V = M.Variables[G.getVar()];
  switch (G.getVarKind()) {
  case VarKind::Bool:
  case VarKind::Finding:
    OS << (G.getBoolValue() ? "" : "not ") << V.Name;
    return;
  case VarKind::Enum: {
    llvm::ArrayRef<unsigned> Values = G.getEnumValues();
    if (Values.size() == 1) {
      OS << V.Name << " is " << V.Values[Values.front()];
      return;
    }
    OS << V.Name << " in { ";
    for (size_t I = 0; I != Values.size(); ++I)
      OS << (I ? ", " : "") << V.Values[Values[I]];
    OS << " }";
    return;
  }
  case VarKind::Number:
  case VarKind::Probability: {
    llvm::ArrayRef<Interval> Pieces = G.getIntervals().getPieces();
    std::string Unit = V.DomainUnit == pathwayc::Unit::None
                           ? ""
                           : " " + getUnitName(V.DomainUnit).str();
    if (Pieces.size() > 1)
      OS << '(';
    for (size_t I = 0; I != Pieces.size(); ++I) {
      if (I)
        OS << " or ";
      if (Pieces[I].isPoint())
        OS << V.Name << " == " << formatNumber(Pieces[I].Low) << Unit;
      else
        OS << V.Name << " in " << formatInterval(Pieces[I]) << Unit;
    }
    if (Pieces.size() > 1)
      OS << ')';
    return;
  }
  }
}

} // namespace

void ir::printGuard(llvm::raw_ostream &OS, const Guard &G, const Module &M) {
  switch (G.getKind()) {
  case Guard::GuardKind::True: OS << "true"; return;
  case Guard::GuardKind::False: OS << "false"; return;
  case Guard::GuardKind::Atom: printAtom(OS, G, M); return;
  case Guard::GuardKind::Not:
    OS << "not (";
    printGuard(OS, *G.getOperands().front(), M);
    OS << ')';
    return;
  case Guard::GuardKind::And:
  case Guard::GuardKind::Or: {
    bool And = G.getKind() == Guard::GuardKind::And;
    OS << '(';
    llvm::ArrayRef<GuardRef> Ops = G.getOperands();
    for (size_t I = 0; I != Ops.size(); ++I) {
      if (I)
        OS << (And ? " and " : " or ");
      printGuard(OS, *Ops[I], M);
    }
    OS << ')';
    return;
  }
  }
}

std::string ir::guardToString(const Guard &G, const Module &M) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  printGuard(OS, G, M);
  return S;
}

void ir::printModule(llvm::raw_ostream &OS, const Module &M) {
  OS << "module " << M.Name << '\n';
  for (unsigned I = 0; I != M.Variables.size(); ++I) {
    const Variable &V = M.Variables[I];
    OS << "  var " << V.Name << ": ";
    switch (V.Kind) {
    case VarKind::Bool: OS << "bool"; break;
    case VarKind::Finding: OS << "finding"; break;
    case VarKind::Enum:
      OS << "one of {";
      for (size_t J = 0; J != V.Values.size(); ++J)
        OS << (J ? ", " : " ") << V.Values[J];
      OS << " }";
      break;
    case VarKind::Number:
    case VarKind::Probability:
      OS << (V.Kind == VarKind::Number ? "number in " : "probability in ")
         << formatInterval(V.Domain);
      if (V.DomainUnit != Unit::None)
        OS << ' ' << getUnitName(V.DomainUnit);
      break;
    }
    OS << '\n';
  }
  OS << "  entry " << M.Nodes[M.Entry].Id << '\n';
  for (const Node &N : M.Nodes) {
    OS << "  node " << N.Id << ' ' << getNodeKindName(N.Kind);
    if (N.Kind == NodeKind::Terminal)
      OS << ' ' << getTerminalKindName(N.Terminal);
    if (N.Kind == NodeKind::RedFlagScreen ||
        (N.Kind == NodeKind::Terminal &&
         N.Terminal != TerminalKind::NotApplicable))
      OS << ' ' << getUrgencyName(N.Level);
    OS << '\n';
    if (N.Condition) {
      OS << "    if ";
      printGuard(OS, *N.Condition, M);
      OS << '\n';
    }
    for (const OrderedProcedure &O : N.Orders)
      OS << "    order " << M.Procedures[O.Procedure].Name << '\n';
    for (unsigned V : N.Assessed)
      OS << "    assess " << M.Variables[V].Name << '\n';
    for (const std::string &R : N.Recommendations)
      OS << "    recommend \"" << R << "\"\n";
    for (unsigned E : N.OutEdges) {
      const Edge &Ed = M.Edges[E];
      OS << "    -> " << M.Nodes[Ed.To].Id;
      if (!Ed.Label.empty())
        OS << " [" << Ed.Label << ']';
      OS << " when ";
      printGuard(OS, *Ed.Condition, M);
      OS << '\n';
    }
  }
}
