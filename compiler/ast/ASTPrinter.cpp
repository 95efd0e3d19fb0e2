//===- ASTPrinter.cpp - A stable textual dump of the AST ------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ast/ASTPrinter.h"

#include "ast/AST.h"
#include "diag/SourceManager.h"

#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;
using llvm::cast;

namespace {

class ASTPrinter {
public:
  ASTPrinter(llvm::raw_ostream &OS, const SourceManager *SM) : OS(OS), SM(SM) {}

  void print(const Pathway &P);

private:
  /// Starts a node's line at the current depth.
  llvm::raw_ostream &line(llvm::StringRef Kind) {
    OS.indent(Depth * 2) << Kind;
    return OS;
  }
  void end(SourceRange R) {
    if (SM && R.isValid()) {
      LineColumn B = SM->getLineColumn(R.getBegin());
      LineColumn E = SM->getLineColumn(R.getEnd());
      OS << " <" << B.Line << ':' << B.Column << '-' << E.Line << ':'
         << E.Column << '>';
    }
    OS << '\n';
  }
  struct Nest {
    explicit Nest(unsigned &Depth) : Depth(Depth) { ++Depth; }
    ~Nest() { --Depth; }
    unsigned &Depth;
  };

  void quoted(llvm::StringRef S) {
    OS << '"';
    OS.write_escaped(S);
    OS << '"';
  }
  void printCitations(const std::vector<Citation> &Cites);
  void printNotes(const std::vector<Note> &Notes);
  void printEvidence(llvm::StringRef Label, const EvidenceValue &V);
  void printCondition(const Expr &E);

  llvm::raw_ostream &OS;
  const SourceManager *SM;
  unsigned Depth = 0;
};

void printUnit(llvm::raw_ostream &OS, const std::optional<UnitRef> &U) {
  if (U)
    OS << ' ' << U->Name.Name;
}

void printInterval(llvm::raw_ostream &OS, const IntervalLiteral &I) {
  OS << (I.LowOpen ? '(' : '[') << I.Low.Spelling << ", " << I.High.Spelling
     << (I.HighOpen ? ')' : ']');
  printUnit(OS, I.UnitName);
}

/// Binding strength, loosest first: or, and, not, then comparisons and
/// names, which never need parentheses around them.
int precedence(const Expr &E) {
  if (const auto *L = llvm::dyn_cast<LogicalExpr>(&E))
    return L->Op == LogicalExpr::LogicalOp::Or ? 0 : 1;
  return llvm::isa<NotExpr>(E) ? 2 : 3;
}

void printExprImpl(llvm::raw_ostream &OS, const Expr &E, Parens P);

/// Prints an operand of an operator of precedence \p Outer.
void printOperand(llvm::raw_ostream &OS, const Expr &E, int Outer, Parens P) {
  bool Wrap = P == Parens::Minimal && precedence(E) < Outer;
  if (Wrap)
    OS << '(';
  printExprImpl(OS, E, P);
  if (Wrap)
    OS << ')';
}

void printExprImpl(llvm::raw_ostream &OS, const Expr &E, Parens P) {
  // Fully parenthesised, every comparison, not, and/or is wrapped.
  const char *Open = P == Parens::All ? "(" : "";
  const char *Close = P == Parens::All ? ")" : "";
  switch (E.getKind()) {
  case Expr::ExprKind::BoolLiteral:
    OS << (cast<BoolLiteralExpr>(E).Value ? "true" : "false");
    return;
  case Expr::ExprKind::NameRef: OS << cast<NameRefExpr>(E).Name.Name; return;
  case Expr::ExprKind::Quantity: {
    const auto &Q = cast<QuantityExpr>(E);
    OS << Q.Number.Spelling;
    printUnit(OS, Q.UnitName);
    return;
  }
  case Expr::ExprKind::Probability:
    OS << "probability(" << cast<ProbabilityExpr>(E).Diagnosis.Name << ')';
    return;
  case Expr::ExprKind::Compare: {
    const auto &C = cast<CompareExpr>(E);
    OS << Open;
    printExprImpl(OS, *C.LHS, P);
    OS << ' ' << getSpelling(C.Op) << ' ';
    printExprImpl(OS, *C.RHS, P);
    OS << Close;
    return;
  }
  case Expr::ExprKind::InInterval: {
    const auto &I = cast<InIntervalExpr>(E);
    OS << Open;
    printExprImpl(OS, *I.Operand, P);
    OS << " in ";
    printInterval(OS, I.Interval);
    OS << Close;
    return;
  }
  case Expr::ExprKind::InSet: {
    const auto &S = cast<InSetExpr>(E);
    OS << Open;
    printExprImpl(OS, *S.Operand, P);
    OS << (S.Negated ? " not in { " : " in { ");
    for (size_t I = 0; I != S.Values.size(); ++I)
      OS << (I ? ", " : "") << S.Values[I].Name;
    OS << " }" << Close;
    return;
  }
  case Expr::ExprKind::Not:
    OS << Open << "not ";
    printOperand(OS, *cast<NotExpr>(E).Operand, 2, P);
    OS << Close;
    return;
  case Expr::ExprKind::Logical: {
    const auto &L = cast<LogicalExpr>(E);
    OS << Open;
    for (size_t I = 0; I != L.Operands.size(); ++I) {
      if (I)
        OS << (L.Op == LogicalExpr::LogicalOp::And ? " and " : " or ");
      // A nested operand of the same operator is flattened by the builder,
      // so equal precedence needs parentheses only for clarity; keep them.
      printOperand(OS, *L.Operands[I], precedence(E) + 1, P);
    }
    OS << Close;
    return;
  }
  }
}

void ASTPrinter::printCitations(const std::vector<Citation> &Cites) {
  Nest N(Depth);
  for (const Citation &C : Cites) {
    line("Cite ") << C.Source.Name;
    if (C.Quote) {
      OS << ' ';
      quoted(C.Quote->Value);
    }
    end(C.Range);
  }
}

void ASTPrinter::printNotes(const std::vector<Note> &Notes) {
  for (const Note &Nt : Notes) {
    line(Nt.Kind == Note::NoteKind::Pitfall ? "Pitfall " : "Note ");
    quoted(Nt.Text.Value);
    end(Nt.Range);
    printCitations(Nt.Citations);
  }
}

void ASTPrinter::printEvidence(llvm::StringRef Label, const EvidenceValue &V) {
  Nest N(Depth);
  line(Label) << ' ' << V.Low.Spelling;
  if (V.High)
    OS << ".." << V.High->Spelling;
  printUnit(OS, V.UnitName);
  end(V.Range);
}

void ASTPrinter::printCondition(const Expr &E) {
  Nest N(Depth);
  line("Condition ");
  printExprImpl(OS, E, Parens::All);
  end(E.getRange());
}

void ASTPrinter::print(const Pathway &P) {
  line("Pathway ") << P.Name.Name;
  end(P.Range);
  Nest N(Depth);
  for (const Metadata &M : P.Meta) {
    line("Metadata ") << getMetadataKeyName(M.Key) << ' ';
    quoted(M.Value.Value);
    end(M.Range);
  }
  for (const auto &S : P.Sources) {
    line("Source ") << S->getName() << ' ';
    quoted(S->Title.Value);
    if (S->Year)
      OS << " year " << S->Year->Spelling;
    if (S->Author) {
      OS << " author ";
      quoted(S->Author->Value);
    }
    if (S->Url) {
      OS << " url ";
      quoted(S->Url->Value);
    }
    end(S->Range);
  }
  for (const auto &I : P.Inputs) {
    line("Input ") << I->getName() << ' ';
    const InputType &T = I->Type;
    switch (T.Kind) {
    case InputType::TypeKind::Bool: OS << "bool"; break;
    case InputType::TypeKind::Number:
      OS << "number in ";
      printInterval(OS, *T.Domain);
      printUnit(OS, T.UnitName);
      break;
    case InputType::TypeKind::Enum:
      OS << "one of {";
      for (size_t V = 0; V != T.EnumValues.size(); ++V)
        OS << (V ? ", " : " ") << T.EnumValues[V].Name;
      OS << " }";
      break;
    }
    if (I->Description) {
      OS << ' ';
      quoted(I->Description->Value);
    }
    end(I->Range);
  }
  for (const auto &R : P.RedFlags) {
    line("RedFlag ") << R->getName() << ' ' << R->UrgencyName.Name << ' ';
    quoted(R->Action.Value);
    end(R->Range);
    printCondition(*R->Condition);
    printCitations(R->Citations);
  }
  for (const Criterion &C : P.Criteria) {
    bool Include = C.Kind == Criterion::CriterionKind::Include;
    line(Include ? "Include " : "Exclude ");
    quoted(C.Label.Value);
    if (C.Referral) {
      OS << " refer ";
      quoted(C.Referral->Value);
    }
    end(C.Range);
    printCondition(*C.Condition);
    printCitations(C.Citations);
  }
  for (const auto &D : P.Diagnoses) {
    line("Diagnosis ") << D->getName() << ' ';
    quoted(D->Title.Value);
    if (D->PretestInput)
      OS << " pretest input " << D->PretestInput->Name;
    end(D->Range);
    if (D->Pretest)
      printEvidence("Pretest", *D->Pretest);
    printCitations(D->Citations);
  }
  for (const auto &E : P.Exams) {
    line("Exam ") << E->getName() << ' ';
    quoted(E->Title.Value);
    OS << " detects " << E->Detects.Name;
    end(E->Range);
    printEvidence("Sensitivity", E->Sensitivity);
    printEvidence("Specificity", E->Specificity);
    printCitations(E->Citations);
  }
  for (const auto &Pr : P.Procedures) {
    line("Procedure ") << Pr->getName() << ' ';
    quoted(Pr->Title.Value);
    OS << ' ' << Pr->CategoryName.Name;
    if (Pr->Rating)
      OS << " rating " << Pr->Rating->Spelling;
    if (Pr->RadiationName)
      OS << " radiation " << Pr->RadiationName->Name;
    end(Pr->Range);
    printCitations(Pr->Citations);
  }
  for (const auto &S : P.Steps) {
    line(S->IsStart ? "StartStep " : "Step ") << S->getName();
    if (S->Title) {
      OS << ' ';
      quoted(S->Title->Value);
    }
    end(S->Range);
    Nest StepBody(Depth);
    for (const OrderItem &O : S->Orders) {
      line("Order");
      for (const Identifier &Id : O.Procedures)
        OS << ' ' << Id.Name;
      if (O.Justification) {
        OS << " justify ";
        quoted(O.Justification->Value);
      }
      end(O.Range);
      printCitations(O.Citations);
    }
    if (!S->Assessed.empty()) {
      line("Assess");
      for (const Identifier &Id : S->Assessed)
        OS << ' ' << Id.Name;
      end(SourceRange::join(S->Assessed.front().Range,
                            S->Assessed.back().Range));
    }
    for (const Branch &B : S->Branches) {
      line("Branch");
      end(B.Range);
      Nest Arms(Depth);
      for (const BranchArm &A : B.Arms) {
        line("Arm ");
        if (A.isOtherwise())
          OS << "otherwise";
        else
          printExprImpl(OS, *A.Condition, Parens::All);
        OS << " -> " << A.Target.Name;
        end(A.Range);
        printCitations(A.Citations);
        Nest ArmNotes(Depth);
        printNotes(A.Notes);
      }
    }
    for (const Identifier &Next : S->Nexts) {
      line("Next ") << Next.Name;
      end(Next.Range);
    }
    printNotes(S->Notes);
  }
  for (const auto &O : P.Outcomes) {
    line("Outcome ") << O->getName() << ' ';
    quoted(O->Title.Value);
    if (O->UrgencyName)
      OS << " urgency " << O->UrgencyName->Name;
    end(O->Range);
    Nest Body(Depth);
    for (const Recommendation &R : O->Recommendations) {
      line("Recommend ");
      quoted(R.Text.Value);
      end(R.Range);
      printCitations(R.Citations);
    }
    printNotes(O->Notes);
  }
  printNotes(P.Notes);
}

} // namespace

void pathwayc::printAST(llvm::raw_ostream &OS, const Pathway &P,
                        const SourceManager *SM) {
  ASTPrinter(OS, SM).print(P);
}

void pathwayc::printExpr(llvm::raw_ostream &OS, const Expr &E, Parens P) {
  printExprImpl(OS, E, P);
}
