//===- Lowering.cpp - From checked AST to decision graph ------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ir/Lowering.h"

#include "ast/AST.h"
#include "ast/ASTPrinter.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>

using namespace pathwayc;
using namespace pathwayc::ir;
using llvm::cast;
using llvm::dyn_cast;

namespace {

constexpr double Infinity = std::numeric_limits<double>::infinity();

class Lowering {
public:
  Lowering(const Pathway &P, Module &M) : P(P), M(M) {}
  void run();

private:
  void lowerDeclarations();
  GuardRef lowerGuard(const Expr &E);
  GuardRef lowerCompare(const CompareExpr &C);
  /// The variable an operand (an input, an exam or a probability) reads.
  unsigned subjectVar(const Expr &Subject) const;
  GuardRef numberGuard(unsigned Var, IntervalSet Allowed) const;

  void lowerScreening();
  void lowerSteps();
  /// Chains \p From to \p To with an unconditional edge.
  void link(unsigned From, unsigned To);

  const Pathway &P;
  Module &M;
  llvm::DenseMap<const Decl *, unsigned> VarOf;
  llvm::DenseMap<const Decl *, unsigned> DiagnosisIndex;
  llvm::DenseMap<const Decl *, unsigned> ProcedureIndex;
  /// The first node of each step and the node of each outcome.
  llvm::DenseMap<const Decl *, unsigned> EntryOf;
  /// Screening nodes in evaluation order, whose "pass" edges chain on.
  std::vector<unsigned> Chain;
  /// The last screening node's "go on" edge, which leads to the start step.
  unsigned LastGoOn = 0;
};

std::vector<ir::Citation>
lowerCitations(const std::vector<pathwayc::Citation> &Cs) {
  std::vector<ir::Citation> Out;
  for (const pathwayc::Citation &C : Cs)
    Out.push_back({C.Source.Name, C.Quote ? C.Quote->Value : "", C.Range});
  return Out;
}

std::vector<ir::Note> lowerNotes(const std::vector<pathwayc::Note> &Ns) {
  std::vector<ir::Note> Out;
  for (const pathwayc::Note &N : Ns)
    Out.push_back({N.Kind == pathwayc::Note::NoteKind::Pitfall, N.Text.Value,
                   lowerCitations(N.Citations), N.Range});
  return Out;
}

Evidence lowerEvidence(const EvidenceValue &V) {
  return {V.LowFraction, V.HighFraction};
}

Interval lowerInterval(const IntervalLiteral &I, double Low, double High) {
  return {Low, High, I.LowOpen, I.HighOpen};
}

/// The author's condition as a label, with only the parentheses it needs.
std::string conditionText(const Expr &E) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  printExpr(OS, E, Parens::Minimal);
  return S;
}

void Lowering::run() {
  M.Name = P.Name.Name;
  M.Range = P.Range;
  M.Title = P.getMetadata(Metadata::MetadataKey::Title).str();
  M.Version = P.getMetadata(Metadata::MetadataKey::Version).str();
  M.Population = P.getMetadata(Metadata::MetadataKey::Population).str();
  M.Summary = P.getMetadata(Metadata::MetadataKey::Summary).str();
  M.Notes = lowerNotes(P.Notes);
  lowerDeclarations();
  lowerScreening();
  lowerSteps();
}

void Lowering::lowerDeclarations() {
  for (const auto &S : P.Sources)
    M.Sources.push_back(
        {S->getName().str(), S->Title.Value,
         S->Year ? std::optional<int>(static_cast<int>(S->Year->Value))
                 : std::nullopt,
         S->Author ? S->Author->Value : "", S->Url ? S->Url->Value : "",
         S->Range});

  for (const auto &I : P.Inputs) {
    Variable V;
    V.Name = I->getName().str();
    V.Range = I->Range;
    V.Description = I->Description ? I->Description->Value : "";
    switch (I->Type.Kind) {
    case InputType::TypeKind::Bool: V.Kind = VarKind::Bool; break;
    case InputType::TypeKind::Number: {
      const IntervalLiteral &D = *I->Type.Domain;
      V.Kind = VarKind::Number;
      V.Domain = lowerInterval(D, D.Low.Value, D.High.Value);
      V.DomainUnit = I->Type.getUnit();
      break;
    }
    case InputType::TypeKind::Enum:
      V.Kind = VarKind::Enum;
      for (const Identifier &Value : I->Type.EnumValues)
        V.Values.push_back(Value.Name);
      break;
    }
    VarOf[I.get()] = M.addVariable(std::move(V));
  }

  for (const auto &D : P.Diagnoses) {
    Diagnosis Out;
    Out.Name = D->getName().str();
    Out.Title = D->Title.Value;
    if (D->Pretest)
      Out.Pretest = lowerEvidence(*D->Pretest);
    if (D->ResolvedPretestInput)
      Out.PretestVar = VarOf.lookup(D->ResolvedPretestInput);
    Out.Citations = lowerCitations(D->Citations);
    Out.Range = D->Range;
    Variable V;
    V.Kind = VarKind::Probability;
    V.Name = "probability(" + Out.Name + ")";
    V.Domain = {0, 1, false, false};
    V.Range = D->Range;
    V.Owner = M.Diagnoses.size();
    Out.ProbabilityVar = M.addVariable(std::move(V));
    DiagnosisIndex[D.get()] = M.Diagnoses.size();
    VarOf[D.get()] = Out.ProbabilityVar;
    M.Diagnoses.push_back(std::move(Out));
  }

  for (const auto &E : P.Exams) {
    Exam Out;
    Out.Name = E->getName().str();
    Out.Title = E->Title.Value;
    Out.Diagnosis = DiagnosisIndex.lookup(E->ResolvedDiagnosis);
    Out.Sensitivity = lowerEvidence(E->Sensitivity);
    Out.Specificity = lowerEvidence(E->Specificity);
    Out.Citations = lowerCitations(E->Citations);
    Out.Range = E->Range;
    Variable V;
    V.Kind = VarKind::Finding;
    V.Name = Out.Name;
    V.Description = Out.Title;
    V.Range = E->Range;
    V.Owner = M.Exams.size();
    Out.FindingVar = M.addVariable(std::move(V));
    VarOf[E.get()] = Out.FindingVar;
    M.Exams.push_back(std::move(Out));
  }

  for (const auto &Pr : P.Procedures) {
    ProcedureIndex[Pr.get()] = M.Procedures.size();
    M.Procedures.push_back(
        {Pr->getName().str(), Pr->Title.Value, Pr->Category,
         Pr->Rating ? std::optional<int>(static_cast<int>(Pr->Rating->Value))
                    : std::nullopt,
         Pr->Radiation, lowerCitations(Pr->Citations), Pr->Range});
  }
}

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

unsigned Lowering::subjectVar(const Expr &Subject) const {
  if (const auto *Prob = dyn_cast<ProbabilityExpr>(&Subject))
    return VarOf.lookup(Prob->Resolved);
  return VarOf.lookup(cast<NameRefExpr>(Subject).Resolved);
}

GuardRef Lowering::numberGuard(unsigned Var, IntervalSet Allowed) const {
  const Variable &V = M.Variables[Var];
  return Guard::numberAtom(Var, V.Kind,
                           Allowed.intersect(IntervalSet(V.Domain)));
}

GuardRef Lowering::lowerCompare(const CompareExpr &C) {
  if (const auto *Literal = dyn_cast<BoolLiteralExpr>(C.RHS.get())) {
    unsigned Var = subjectVar(*C.LHS);
    bool Wanted = Literal->Value == (C.Op == CompareOp::Equal);
    return Guard::boolAtom(Var, M.Variables[Var].Kind, Wanted);
  }
  // Enum comparisons: one side is the input, the other a value name.
  for (auto [Subject, Value] : {std::pair(C.LHS.get(), C.RHS.get()),
                                std::pair(C.RHS.get(), C.LHS.get())}) {
    const auto *N = dyn_cast<NameRefExpr>(Subject);
    const auto *Input =
        N ? llvm::dyn_cast_or_null<InputDecl>(N->Resolved) : nullptr;
    if (!Input || Input->Type.Kind != InputType::TypeKind::Enum)
      continue;
    unsigned Var = VarOf.lookup(Input);
    const std::vector<std::string> &Values = M.Variables[Var].Values;
    unsigned Index = llvm::find(Values, cast<NameRefExpr>(Value)->Name.Name) -
                     Values.begin();
    std::vector<unsigned> Allowed;
    for (unsigned I = 0; I != Values.size(); ++I)
      if ((I == Index) == (C.Op == CompareOp::Equal))
        Allowed.push_back(I);
    return Guard::enumAtom(Var, std::move(Allowed));
  }

  // Numeric comparisons: normalise to `subject op constant`.
  bool Flipped = llvm::isa<QuantityExpr>(*C.LHS);
  const Expr &Subject = Flipped ? *C.RHS : *C.LHS;
  double K = cast<QuantityExpr>(Flipped ? *C.LHS : *C.RHS).Converted;
  CompareOp Op = C.Op;
  if (Flipped) {
    switch (Op) {
    case CompareOp::Less: Op = CompareOp::Greater; break;
    case CompareOp::LessEqual: Op = CompareOp::GreaterEqual; break;
    case CompareOp::Greater: Op = CompareOp::Less; break;
    case CompareOp::GreaterEqual: Op = CompareOp::LessEqual; break;
    default: break;
    }
  }
  IntervalSet Allowed;
  switch (Op) {
  case CompareOp::Less: Allowed.add({-Infinity, K, true, true}); break;
  case CompareOp::LessEqual: Allowed.add({-Infinity, K, true, false}); break;
  case CompareOp::Greater: Allowed.add({K, Infinity, true, true}); break;
  case CompareOp::GreaterEqual: Allowed.add({K, Infinity, false, true}); break;
  case CompareOp::Equal: Allowed.add({K, K, false, false}); break;
  case CompareOp::NotEqual:
    Allowed.add({-Infinity, K, true, true});
    Allowed.add({K, Infinity, true, true});
    break;
  }
  return numberGuard(subjectVar(Subject), std::move(Allowed));
}

GuardRef Lowering::lowerGuard(const Expr &E) {
  switch (E.getKind()) {
  case Expr::ExprKind::BoolLiteral:
    return cast<BoolLiteralExpr>(E).Value ? Guard::getTrue()
                                          : Guard::getFalse();
  case Expr::ExprKind::NameRef: {
    unsigned Var = subjectVar(E);
    return Guard::boolAtom(Var, M.Variables[Var].Kind, true);
  }
  case Expr::ExprKind::Compare: return lowerCompare(cast<CompareExpr>(E));
  case Expr::ExprKind::InInterval: {
    const auto &In = cast<InIntervalExpr>(E);
    return numberGuard(subjectVar(*In.Operand),
                       IntervalSet(lowerInterval(In.Interval, In.ConvertedLow,
                                                 In.ConvertedHigh)));
  }
  case Expr::ExprKind::InSet: {
    const auto &In = cast<InSetExpr>(E);
    unsigned Var = subjectVar(*In.Operand);
    const std::vector<std::string> &Values = M.Variables[Var].Values;
    std::vector<unsigned> Allowed;
    for (unsigned I = 0; I != Values.size(); ++I) {
      bool Listed = llvm::any_of(
          In.Values, [&](const Identifier &V) { return V.Name == Values[I]; });
      if (Listed != In.Negated)
        Allowed.push_back(I);
    }
    return Guard::enumAtom(Var, std::move(Allowed));
  }
  case Expr::ExprKind::Not:
    return Guard::makeNot(lowerGuard(*cast<NotExpr>(E).Operand));
  case Expr::ExprKind::Logical: {
    const auto &L = cast<LogicalExpr>(E);
    std::vector<GuardRef> Operands;
    for (const ExprPtr &Operand : L.Operands)
      Operands.push_back(lowerGuard(*Operand));
    return L.Op == LogicalExpr::LogicalOp::And ? Guard::makeAnd(Operands)
                                               : Guard::makeOr(Operands);
  }
  case Expr::ExprKind::Quantity:
  case Expr::ExprKind::Probability: break;
  }
  llvm_unreachable("sema accepts only conditions here");
}

//===----------------------------------------------------------------------===//
// Nodes and edges
//===----------------------------------------------------------------------===//

void Lowering::link(unsigned From, unsigned To) {
  Edge E;
  E.From = From;
  E.To = To;
  E.Condition = Guard::getTrue();
  M.addEdge(std::move(E));
}

/// Adds a terminal node.
unsigned addTerminal(Module &M, std::string Id, TerminalKind Kind,
                     std::string Name, std::string Title, Urgency Level,
                     std::vector<std::string> Recommendations,
                     std::vector<ir::Citation> Citations, SourceRange Range) {
  Node N;
  N.Kind = NodeKind::Terminal;
  N.Id = std::move(Id);
  N.Terminal = Kind;
  N.Name = std::move(Name);
  N.Title = std::move(Title);
  N.Level = Level;
  N.RecommendationCitations.resize(Recommendations.size(), Citations);
  N.RecommendationRanges.resize(Recommendations.size(), Range);
  N.Recommendations = std::move(Recommendations);
  N.Citations = std::move(Citations);
  N.Range = Range;
  return M.addNode(std::move(N));
}

void Lowering::lowerScreening() {
  // Red flags: emergency before urgent, then in declaration order.
  std::vector<const RedFlagDecl *> Flags;
  for (const auto &R : P.RedFlags)
    Flags.push_back(R.get());
  llvm::stable_sort(Flags, [](const RedFlagDecl *A, const RedFlagDecl *B) {
    return A->Level > B->Level;
  });

  // Each screening node sends its "stop" edge to a terminal and its "go on"
  // edge to the next screening node, linked once all are made.
  struct Pending {
    unsigned Node;
    GuardRef GoOn;
    std::string GoOnLabel;
  };
  std::vector<Pending> Screens;
  auto AddScreen = [&](Node N, unsigned Terminal, GuardRef Stop,
                       std::string StopLabel, std::string GoOnLabel,
                       std::vector<ir::Citation> Cites) {
    unsigned Index = M.addNode(std::move(N));
    Edge E;
    E.From = Index;
    E.To = Terminal;
    E.Condition = Stop;
    E.Label = std::move(StopLabel);
    E.Citations = std::move(Cites);
    E.Range = M.Nodes[Index].Range;
    M.addEdge(std::move(E));
    Screens.push_back({Index, Guard::makeNot(Stop), std::move(GoOnLabel)});
  };

  for (const RedFlagDecl *R : Flags) {
    std::string Name = R->getName().str();
    GuardRef Condition = lowerGuard(*R->Condition);
    unsigned Terminal = addTerminal(
        M, "red_flag." + Name, TerminalKind::RedFlag, Name, Name, R->Level,
        {R->Action.Value}, lowerCitations(R->Citations), R->Range);
    Node N;
    N.Kind = NodeKind::RedFlagScreen;
    N.Id = "screen." + Name;
    N.Name = Name;
    N.Title = R->Action.Value;
    N.Condition = Condition;
    N.ConditionText = conditionText(*R->Condition);
    N.Level = R->Level;
    N.Citations = lowerCitations(R->Citations);
    N.Range = R->Range;
    AddScreen(std::move(N), Terminal, Condition, "flagged", "clear",
              lowerCitations(R->Citations));
  }

  // Exclusions, then inclusions, each in declaration order.
  for (bool Exclusions : {true, false}) {
    unsigned Number = 0;
    for (const Criterion &C : P.Criteria) {
      if ((C.Kind == Criterion::CriterionKind::Exclude) != Exclusions)
        continue;
      std::string Id = std::to_string(++Number);
      GuardRef Condition = lowerGuard(*C.Condition);
      std::vector<ir::Citation> Cites = lowerCitations(C.Citations);
      // An exclusion that holds refers elsewhere; an inclusion that fails
      // makes the pathway not applicable.
      unsigned Terminal =
          Exclusions
              ? addTerminal(M, "excluded." + Id, TerminalKind::Excluded,
                            C.Label.Value, C.Label.Value, Urgency::Routine,
                            {C.Referral->Value}, Cites, C.Range)
              : addTerminal(M, "not_applicable." + Id,
                            TerminalKind::NotApplicable, C.Label.Value,
                            "Not applicable: " + C.Label.Value,
                            Urgency::Routine, {}, Cites, C.Range);
      Node N;
      N.Kind = Exclusions ? NodeKind::Exclusion : NodeKind::Inclusion;
      N.Id = (Exclusions ? "exclude." : "include.") + Id;
      N.Name = C.Label.Value;
      N.Title = C.Label.Value;
      N.Condition = Condition;
      N.ConditionText = conditionText(*C.Condition);
      N.Citations = Cites;
      N.Range = C.Range;
      if (Exclusions)
        AddScreen(std::move(N), Terminal, Condition, "excluded", "not excluded",
                  std::move(Cites));
      else
        AddScreen(std::move(N), Terminal, Guard::makeNot(Condition), "not met",
                  "met", std::move(Cites));
    }
  }

  for (const Pending &S : Screens)
    Chain.push_back(S.Node);
  // Each screening node goes on to the next; the last one's edge gets its
  // target, the start step, in lowerSteps.
  for (size_t I = 0; I != Screens.size(); ++I) {
    Edge E;
    E.From = Screens[I].Node;
    E.Condition = Screens[I].GoOn;
    E.Label = Screens[I].GoOnLabel;
    E.Range = M.Nodes[Screens[I].Node].Range;
    E.To = I + 1 < Screens.size() ? Screens[I + 1].Node : 0;
    LastGoOn = M.addEdge(std::move(E));
  }
}

void Lowering::lowerSteps() {
  // Outcomes first, so that every target exists before edges are made.
  for (const auto &O : P.Outcomes) {
    std::string Name = O->getName().str();
    std::vector<std::string> Texts;
    Node N;
    for (const Recommendation &R : O->Recommendations) {
      N.Recommendations.push_back(R.Text.Value);
      N.RecommendationCitations.push_back(lowerCitations(R.Citations));
      N.RecommendationRanges.push_back(R.Range);
    }
    N.Kind = NodeKind::Terminal;
    N.Terminal = TerminalKind::Outcome;
    N.Id = "outcome." + Name;
    N.Name = Name;
    N.Title = O->Title.Value;
    N.Level = O->Level;
    N.Notes = lowerNotes(O->Notes);
    N.Range = O->Range;
    EntryOf[O.get()] = M.addNode(std::move(N));
  }

  // Each step: its order, assess and branch nodes, chained.
  llvm::DenseMap<const StepDecl *, unsigned> LastOf;
  for (const auto &S : P.Steps) {
    std::string Name = S->getName().str();
    std::string Title = S->Title ? S->Title->Value : Name;
    std::vector<unsigned> Parts;
    auto MakeNode = [&](NodeKind Kind, llvm::StringRef Suffix) {
      Node N;
      N.Kind = Kind;
      N.Id = "step." + Name + "." + Suffix.str();
      N.Name = Name;
      N.Title = Title;
      N.Range = S->Range;
      return N;
    };
    if (!S->Orders.empty()) {
      Node N = MakeNode(NodeKind::Order, "order");
      for (const OrderItem &O : S->Orders)
        for (const Decl *Proc : O.Resolved)
          N.Orders.push_back({ProcedureIndex.lookup(Proc),
                              O.Justification ? O.Justification->Value : "",
                              lowerCitations(O.Citations), O.Range});
      Parts.push_back(M.addNode(std::move(N)));
    }
    if (!S->Assessed.empty()) {
      Node N = MakeNode(NodeKind::Assess, "assess");
      for (const Decl *D : S->ResolvedAssessed)
        N.Assessed.push_back(VarOf.lookup(D));
      Parts.push_back(M.addNode(std::move(N)));
    }
    // The decision: a branch, or a node with a single `next` edge when the
    // step has nothing else, so that every step has a node of its own.
    if (!S->Branches.empty() || Parts.empty()) {
      Node N =
          MakeNode(NodeKind::Branch, S->Branches.empty() ? "next" : "branch");
      if (!S->Branches.empty())
        N.Range = S->Branches.front().Range;
      Parts.push_back(M.addNode(std::move(N)));
    }
    M.Nodes[Parts.front()].Notes = lowerNotes(S->Notes);
    for (size_t I = 1; I < Parts.size(); ++I)
      link(Parts[I - 1], Parts[I]);
    EntryOf[S.get()] = Parts.front();
    LastOf[S.get()] = Parts.back();
  }

  for (const auto &S : P.Steps) {
    unsigned Last = LastOf.lookup(S.get());
    for (size_t I = 0; I != S->Nexts.size(); ++I) {
      Edge E;
      E.From = Last;
      E.To = EntryOf.lookup(S->ResolvedNexts[I]);
      E.Condition = Guard::getTrue();
      E.Label = "next";
      E.Range = S->Nexts[I].Range;
      M.addEdge(std::move(E));
    }
    for (const Branch &B : S->Branches) {
      std::vector<GuardRef> Guards;
      for (const BranchArm &A : B.Arms)
        Guards.push_back(A.Condition ? lowerGuard(*A.Condition)
                                     : Guard::getFalse());
      for (size_t I = 0; I != B.Arms.size(); ++I) {
        const BranchArm &A = B.Arms[I];
        Edge E;
        E.From = Last;
        E.To = EntryOf.lookup(A.ResolvedTarget);
        E.ArmIndex = I;
        E.IsOtherwise = A.isOtherwise();
        if (A.isOtherwise()) {
          std::vector<GuardRef> Others;
          for (size_t J = 0; J != Guards.size(); ++J)
            if (J != I)
              Others.push_back(Guards[J]);
          E.Condition = Guard::makeNot(Guard::makeOr(Others));
          E.Label = "otherwise";
        } else {
          E.Condition = Guards[I];
          E.Label = conditionText(*A.Condition);
        }
        E.Citations = lowerCitations(A.Citations);
        E.Notes = lowerNotes(A.Notes);
        E.Range = A.Range;
        M.addEdge(std::move(E));
      }
    }
  }

  unsigned Start = EntryOf.lookup(P.Start);
  M.StartStep = Start;
  if (Chain.empty()) {
    M.Entry = Start;
    return;
  }
  M.Entry = Chain.front();
  M.Edges[LastGoOn].To = Start;
}

} // namespace

std::unique_ptr<Module> ir::lowerToIR(const Pathway &P,
                                      llvm::StringRef SourceFile) {
  auto M = std::make_unique<Module>();
  M->SourceFile = SourceFile.str();
  Lowering(P, *M).run();
  return M;
}
