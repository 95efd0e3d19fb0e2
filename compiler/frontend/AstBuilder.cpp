//===- AstBuilder.cpp - Parse tree to AST ---------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "frontend/AstBuilder.h"

#include "diag/Diagnostic.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

using namespace pathwayc;
using P = grammar::PathwayParser;

namespace {
constexpr size_t InvalidIndex = static_cast<size_t>(-1);

bool isMissing(antlr4::Token *Tok) {
  return !Tok || Tok->getStartIndex() == InvalidIndex ||
         Tok->getType() == antlr4::Token::EOF;
}

antlr4::Token *tokenOf(antlr4::tree::TerminalNode *Node) {
  return Node ? Node->getSymbol() : nullptr;
}
} // namespace

//===----------------------------------------------------------------------===//
// Leaves
//===----------------------------------------------------------------------===//

SourceRange AstBuilder::rangeOf(antlr4::Token *Tok) const {
  if (isMissing(Tok))
    return SourceRange();
  return SourceRange(
      SourceLocation(Buffer, Positions.toByteOffset(Tok->getStartIndex())),
      SourceLocation(Buffer, Positions.toByteOffset(Tok->getStopIndex() + 1)));
}

SourceRange AstBuilder::rangeOf(antlr4::ParserRuleContext *Ctx) const {
  if (!Ctx)
    return SourceRange();
  SourceRange Begin = rangeOf(Ctx->start);
  antlr4::Token *Stop = Ctx->stop;
  // An empty rule, or one that failed at its first token, stops before it
  // starts.
  if (!Begin.isValid() || isMissing(Stop) ||
      Stop->getStopIndex() < Ctx->start->getStartIndex())
    return Begin;
  return SourceRange::join(Begin, rangeOf(Stop));
}

bool AstBuilder::hasSyntaxError(antlr4::ParserRuleContext *Ctx) const {
  if (!Ctx || Ctx->exception)
    return true;
  if (!Ctx->start)
    return false;
  size_t First = Ctx->start->getTokenIndex();
  size_t Last = Ctx->stop && Ctx->stop->getTokenIndex() >= First
                    ? Ctx->stop->getTokenIndex()
                    : First;
  auto It = ErrorTokens.lower_bound(First);
  return It != ErrorTokens.end() && *It <= Last;
}

void AstBuilder::markSwallowedText(llvm::StringRef Text) {
  // Words as the lexer would split them: a letter or '_' and then letters,
  // digits or '_'.
  size_t I = 0;
  while (I < Text.size()) {
    if (!std::isalpha(static_cast<unsigned char>(Text[I])) && Text[I] != '_') {
      ++I;
      continue;
    }
    size_t Begin = I;
    while (
        I < Text.size() &&
        (std::isalnum(static_cast<unsigned char>(Text[I])) || Text[I] == '_'))
      ++I;
    SwallowedNames.push_back(Text.slice(Begin, I).str());
  }
}

void AstBuilder::indexTokens(const std::vector<antlr4::Token *> &Tokens) {
  VisibleOrdinal.resize(Tokens.size());
  size_t Visible = 0;
  for (size_t I = 0; I != Tokens.size(); ++I) {
    VisibleOrdinal[I] = Visible;
    if (Tokens[I]->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      ++Visible;
  }
}

bool AstBuilder::errorShortlyBefore(size_t Index, size_t Window) const {
  if (Index >= VisibleOrdinal.size())
    return false;
  auto It = ErrorTokens.upper_bound(Index);
  if (It == ErrorTokens.begin())
    return false;
  size_t Error = *std::prev(It);
  return VisibleOrdinal[Index] - VisibleOrdinal[Error] <= Window;
}

std::optional<Identifier> AstBuilder::identOf(P::IdentContext *Ctx) const {
  if (!Ctx || Ctx->exception || Ctx->children.empty())
    return std::nullopt;
  SourceRange R = rangeOf(Ctx->start);
  if (!R.isValid())
    return std::nullopt;
  return Identifier{Ctx->start->getText(), R};
}

std::optional<StringLiteral> AstBuilder::stringOf(antlr4::Token *Tok) {
  if (isMissing(Tok))
    return std::nullopt;
  SourceRange R = rangeOf(Tok);
  std::string Raw = Tok->getText();
  // An unterminated string was already reported by the lexing pass and
  // arrives here without its closing quote.
  llvm::StringRef Body = llvm::StringRef(Raw).drop_front();
  if (Body.endswith("\"") && Tok->getType() == P::STRING)
    Body = Body.drop_back();
  std::string Value;
  Value.reserve(Body.size());
  for (size_t I = 0; I < Body.size(); ++I) {
    char C = Body[I];
    if (C != '\\' || I + 1 == Body.size()) {
      Value.push_back(C);
      continue;
    }
    char Escaped = Body[++I];
    switch (Escaped) {
    case '"': Value.push_back('"'); break;
    case '\\': Value.push_back('\\'); break;
    case 'n': Value.push_back('\n'); break;
    case 't': Value.push_back('\t'); break;
    default: {
      // Offsets are bytes: the string token's text is the buffer's bytes.
      uint32_t At = R.getBegin().getOffset() + 1 + static_cast<uint32_t>(I) - 1;
      Diags.report(SourceRange(SourceLocation(Buffer, At),
                               SourceLocation(Buffer, At + 2)),
                   diag::err_invalid_escape)
          << Body.substr(I, 1);
      Value.push_back(Escaped);
    }
    }
  }
  return StringLiteral{std::move(Value), R};
}

std::optional<NumberLiteral> AstBuilder::numberOf(antlr4::Token *Tok) {
  if (isMissing(Tok) || Tok->getType() != P::NUMBER)
    return std::nullopt;
  NumberLiteral N;
  N.Spelling = Tok->getText();
  N.Range = rangeOf(Tok);
  N.Value = std::strtod(N.Spelling.c_str(), nullptr);
  if (!std::isfinite(N.Value)) {
    // A number too large to hold is too long to repeat in full.
    constexpr size_t MaxShown = 24;
    std::string Shown = N.Spelling.size() > MaxShown
                            ? N.Spelling.substr(0, MaxShown) + "..."
                            : N.Spelling;
    Diags.report(N.Range, diag::err_number_out_of_range) << Shown;
    return std::nullopt;
  }
  return N;
}

std::optional<NumberLiteral>
AstBuilder::signedNumberOf(P::SignedNumberContext *Ctx) {
  if (!Ctx || Ctx->exception)
    return std::nullopt;
  std::optional<NumberLiteral> N = numberOf(tokenOf(Ctx->NUMBER()));
  if (!N)
    return std::nullopt;
  if (Ctx->MINUS()) {
    N->Value = -N->Value;
    N->Spelling = "-" + N->Spelling;
    N->Range = SourceRange::join(rangeOf(tokenOf(Ctx->MINUS())), N->Range);
  }
  return N;
}

std::optional<UnitRef> AstBuilder::unitOf(P::UnitContext *Ctx) const {
  if (!Ctx || Ctx->exception)
    return std::nullopt;
  if (auto *Percent = Ctx->PERCENT_SIGN())
    return UnitRef{Identifier{"%", rangeOf(tokenOf(Percent))}, Unit::None};
  if (std::optional<Identifier> Name = identOf(Ctx->ident()))
    return UnitRef{std::move(*Name), Unit::None};
  return std::nullopt;
}

std::vector<Citation> AstBuilder::buildCitations(P::CiteClauseContext *Ctx) {
  std::vector<Citation> Result;
  if (!Ctx)
    return Result;
  for (P::CitationContext *C : Ctx->citation()) {
    std::optional<Identifier> Source = identOf(C->source);
    if (!Source)
      continue;
    Citation Cite;
    Cite.Source = std::move(*Source);
    Cite.Quote = stringOf(C->quote);
    Cite.Range = rangeOf(C);
    Result.push_back(std::move(Cite));
  }
  return Result;
}

std::optional<Note> AstBuilder::buildNote(P::NoteDeclContext *Ctx) {
  if (!Ctx)
    return std::nullopt;
  std::optional<StringLiteral> Text = stringOf(tokenOf(Ctx->STRING()));
  if (!Text)
    return std::nullopt;
  Note N;
  N.Kind = Ctx->PITFALL() ? Note::NoteKind::Pitfall : Note::NoteKind::Note;
  N.Text = std::move(*Text);
  N.Citations = buildCitations(Ctx->citeClause());
  N.Range = rangeOf(Ctx);
  return N;
}

std::optional<EvidenceValue>
AstBuilder::buildEvidence(P::EvidenceValueContext *Ctx) {
  if (!Ctx)
    return std::nullopt;
  std::optional<NumberLiteral> Low = numberOf(Ctx->low);
  if (!Low)
    return std::nullopt;
  EvidenceValue V;
  V.Low = std::move(*Low);
  if (Ctx->DOTDOT()) {
    V.High = numberOf(Ctx->high);
    if (!V.High)
      return std::nullopt;
  }
  V.UnitName = unitOf(Ctx->unit());
  V.Range = rangeOf(Ctx);
  return V;
}

std::optional<IntervalLiteral>
AstBuilder::buildInterval(P::IntervalContext *Ctx, P::UnitContext *UnitCtx) {
  if (!Ctx || Ctx->exception || isMissing(Ctx->close))
    return std::nullopt;
  std::optional<NumberLiteral> Low = signedNumberOf(Ctx->low);
  std::optional<NumberLiteral> High = signedNumberOf(Ctx->high);
  if (!Low || !High)
    return std::nullopt;
  IntervalLiteral I;
  I.Low = std::move(*Low);
  I.High = std::move(*High);
  I.LowOpen = Ctx->open->getType() == P::LPAREN;
  I.HighOpen = Ctx->close->getType() == P::RPAREN;
  I.UnitName = unitOf(UnitCtx);
  I.Range = SourceRange::join(rangeOf(Ctx), rangeOf(UnitCtx));
  return I;
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

ExprPtr AstBuilder::buildExpr(P::ExprContext *Ctx) {
  if (!Ctx)
    return nullptr;
  return buildOr(Ctx->orExpr());
}

ExprPtr AstBuilder::buildOr(P::OrExprContext *Ctx) {
  if (!Ctx)
    return nullptr;
  std::vector<ExprPtr> Operands;
  for (P::AndExprContext *Operand : Ctx->andExpr()) {
    ExprPtr E = buildAnd(Operand);
    if (!E)
      return nullptr;
    Operands.push_back(std::move(E));
  }
  if (Operands.empty())
    return nullptr;
  if (Operands.size() == 1)
    return std::move(Operands.front());
  return std::make_unique<LogicalExpr>(LogicalExpr::LogicalOp::Or,
                                       std::move(Operands), rangeOf(Ctx));
}

ExprPtr AstBuilder::buildAnd(P::AndExprContext *Ctx) {
  if (!Ctx)
    return nullptr;
  std::vector<ExprPtr> Operands;
  for (P::NotExprContext *Operand : Ctx->notExpr()) {
    ExprPtr E = buildNot(Operand);
    if (!E)
      return nullptr;
    Operands.push_back(std::move(E));
  }
  if (Operands.empty())
    return nullptr;
  if (Operands.size() == 1)
    return std::move(Operands.front());
  return std::make_unique<LogicalExpr>(LogicalExpr::LogicalOp::And,
                                       std::move(Operands), rangeOf(Ctx));
}

ExprPtr AstBuilder::buildNot(P::NotExprContext *Ctx) {
  if (auto *Neg = dynamic_cast<P::NegationContext *>(Ctx)) {
    ExprPtr Operand = buildNot(Neg->notExpr());
    if (!Operand)
      return nullptr;
    return std::make_unique<NotExpr>(std::move(Operand), rangeOf(Ctx));
  }
  if (auto *Atom = dynamic_cast<P::NotAtomContext *>(Ctx))
    return buildAtom(Atom->atom());
  return nullptr;
}

ExprPtr AstBuilder::buildAtom(P::AtomContext *Ctx) {
  if (!Ctx || Ctx->exception)
    return nullptr;
  SourceRange R = rangeOf(Ctx);
  if (auto *Paren = dynamic_cast<P::ParenAtomContext *>(Ctx))
    return buildExpr(Paren->expr());
  if (auto *Lit = dynamic_cast<P::BoolLiteralAtomContext *>(Ctx))
    return std::make_unique<BoolLiteralExpr>(Lit->TRUE() != nullptr, R);
  if (auto *Cmp = dynamic_cast<P::BoolComparisonAtomContext *>(Ctx)) {
    ExprPtr LHS = buildOperand(Cmp->lhs);
    if (!LHS || !Cmp->value)
      return nullptr;
    bool Negated = Cmp->NE() || Cmp->NOT();
    SourceRange OpRange = rangeOf(tokenOf(Cmp->IS()   ? Cmp->IS()
                                          : Cmp->EQ() ? Cmp->EQ()
                                                      : Cmp->NE()));
    auto Value = std::make_unique<BoolLiteralExpr>(
        Cmp->value->getType() == P::TRUE, rangeOf(Cmp->value));
    return std::make_unique<CompareExpr>(
        std::move(LHS), Negated ? CompareOp::NotEqual : CompareOp::Equal,
        OpRange, std::move(Value), R);
  }
  if (auto *Cmp = dynamic_cast<P::ComparisonAtomContext *>(Ctx)) {
    ExprPtr LHS = buildOperand(Cmp->lhs);
    ExprPtr RHS = buildOperand(Cmp->rhs);
    P::CompareOpContext *OpCtx = Cmp->op;
    if (!LHS || !RHS || !OpCtx || OpCtx->exception)
      return nullptr;
    CompareOp Op = CompareOp::Equal;
    if (OpCtx->LT())
      Op = CompareOp::Less;
    else if (OpCtx->LE())
      Op = CompareOp::LessEqual;
    else if (OpCtx->GT())
      Op = CompareOp::Greater;
    else if (OpCtx->GE())
      Op = CompareOp::GreaterEqual;
    else if (OpCtx->NE() || (OpCtx->IS() && OpCtx->NOT()))
      Op = CompareOp::NotEqual;
    return std::make_unique<CompareExpr>(std::move(LHS), Op, rangeOf(OpCtx),
                                         std::move(RHS), R);
  }
  if (auto *In = dynamic_cast<P::IntervalAtomContext *>(Ctx)) {
    ExprPtr Operand = buildOperand(In->operand());
    std::optional<IntervalLiteral> I =
        buildInterval(In->interval(), In->unit());
    if (!Operand || !I)
      return nullptr;
    return std::make_unique<InIntervalExpr>(std::move(Operand), std::move(*I),
                                            R);
  }
  if (auto *Set = dynamic_cast<P::SetAtomContext *>(Ctx)) {
    ExprPtr Operand = buildOperand(Set->operand());
    if (!Operand || isMissing(tokenOf(Set->RBRACE())))
      return nullptr;
    std::vector<Identifier> Values;
    for (P::IdentContext *V : Set->ident())
      if (std::optional<Identifier> Id = identOf(V))
        Values.push_back(std::move(*Id));
    return std::make_unique<InSetExpr>(
        std::move(Operand), Set->NOT() != nullptr, std::move(Values), R);
  }
  if (auto *Op = dynamic_cast<P::OperandAtomContext *>(Ctx))
    return buildOperand(Op->operand());
  return nullptr;
}

ExprPtr AstBuilder::buildOperand(P::OperandContext *Ctx) {
  if (!Ctx || Ctx->exception)
    return nullptr;
  if (auto *Prob = dynamic_cast<P::ProbabilityOperandContext *>(Ctx)) {
    std::optional<Identifier> Diagnosis = identOf(Prob->ident());
    if (!Diagnosis || isMissing(tokenOf(Prob->RPAREN())))
      return nullptr;
    return std::make_unique<ProbabilityExpr>(std::move(*Diagnosis),
                                             rangeOf(Ctx));
  }
  if (auto *Quantity = dynamic_cast<P::QuantityOperandContext *>(Ctx)) {
    std::optional<NumberLiteral> N = signedNumberOf(Quantity->signedNumber());
    if (!N)
      return nullptr;
    return std::make_unique<QuantityExpr>(
        std::move(*N), unitOf(Quantity->unit()), rangeOf(Ctx));
  }
  if (auto *Name = dynamic_cast<P::NameOperandContext *>(Ctx)) {
    std::optional<Identifier> Id = identOf(Name->ident());
    if (!Id)
      return nullptr;
    return std::make_unique<NameRefExpr>(std::move(*Id));
  }
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

std::unique_ptr<Pathway> AstBuilder::build(P::FileContext *Ctx) {
  P::PathwayDeclContext *Decl = Ctx ? Ctx->pathwayDecl() : nullptr;
  if (!Decl)
    return nullptr;
  std::optional<Identifier> Name = identOf(Decl->name);
  if (!Name)
    return nullptr;
  auto Out = std::make_unique<Pathway>();
  for (const std::string &Swallowed : SwallowedNames)
    Out->NamesInBrokenText.insert(Swallowed);
  Out->Name = std::move(*Name);
  Out->Range = rangeOf(Decl);
  for (P::MemberContext *Member : Decl->member())
    buildMember(Member, *Out);
  // Tokens that error recovery skipped hang off the enclosing rules as
  // error nodes, outside any member.
  for (antlr4::ParserRuleContext *Outer :
       {static_cast<antlr4::ParserRuleContext *>(Ctx),
        static_cast<antlr4::ParserRuleContext *>(Decl)})
    for (antlr4::tree::ParseTree *Child : Outer->children)
      if (dynamic_cast<antlr4::tree::ErrorNode *>(Child))
        collectNames(Child, *Out);
  return Out;
}

void AstBuilder::collectNames(antlr4::tree::ParseTree *Tree,
                              Pathway &Out) const {
  if (auto *Leaf = dynamic_cast<antlr4::tree::TerminalNode *>(Tree)) {
    antlr4::Token *T = Leaf->getSymbol();
    if (T && (T->getType() == P::IDENT || T->getType() <= P::PROBABILITY))
      Out.NamesInBrokenText.insert(T->getText());
    return;
  }
  for (antlr4::tree::ParseTree *Child : Tree->children)
    collectNames(Child, Out);
}

void AstBuilder::buildMember(P::MemberContext *Ctx, Pathway &Out) {
  if (hasSyntaxError(Ctx))
    collectNames(Ctx, Out);
  if (auto *M = Ctx->metadata())
    buildMetadata(M, Out);
  else if (auto *S = Ctx->sourceDecl())
    buildSource(S, Out);
  else if (auto *I = Ctx->inputsBlock())
    for (P::InputDeclContext *Input : I->inputDecl())
      buildInputs(Input, Out);
  else if (auto *R = Ctx->redFlagDecl())
    buildRedFlag(R, Out);
  else if (auto *Inc = Ctx->includeDecl())
    buildInclude(Inc, Out);
  else if (auto *Exc = Ctx->excludeDecl())
    buildExclude(Exc, Out);
  else if (auto *D = Ctx->diagnosisDecl())
    buildDiagnosis(D, Out);
  else if (auto *E = Ctx->examDecl())
    buildExam(E, Out);
  else if (auto *Pr = Ctx->procedureDecl())
    buildProcedure(Pr, Out);
  else if (auto *S = Ctx->stepDecl())
    buildStep(S, Out);
  else if (auto *O = Ctx->outcomeDecl())
    buildOutcome(O, Out);
  else if (auto *N = Ctx->noteDecl()) {
    if (std::optional<Note> Built = buildNote(N))
      Out.Notes.push_back(std::move(*Built));
  }
}

/// Attributes that may be given once (a source's year, a procedure's
/// rating, an outcome's urgency): reports a repeat at the second one, with
/// the first as a note.
class AstBuilder::AttributeSet {
public:
  explicit AttributeSet(AstBuilder &Builder) : Builder(Builder) {}

  bool firstTime(antlr4::ParserRuleContext *Attr) {
    antlr4::Token *Keyword = Attr->start;
    if (!Keyword)
      return false;
    auto [It, Inserted] = First.try_emplace(Keyword->getText(), Keyword);
    if (Inserted)
      return true;
    Builder.Diags.report(Builder.rangeOf(Keyword), diag::err_duplicate_metadata)
        << Keyword->getText();
    Builder.Diags.report(Builder.rangeOf(It->second),
                         diag::note_previous_definition)
        << Keyword->getText();
    return false;
  }

private:
  AstBuilder &Builder;
  llvm::StringMap<antlr4::Token *> First;
};

void AstBuilder::buildMetadata(P::MetadataContext *Ctx, Pathway &Out) {
  std::optional<StringLiteral> Value = stringOf(Ctx->value);
  if (!Value || !Ctx->key)
    return;
  Metadata M;
  switch (Ctx->key->getType()) {
  case P::TITLE: M.Key = Metadata::MetadataKey::Title; break;
  case P::VERSION: M.Key = Metadata::MetadataKey::Version; break;
  case P::POPULATION: M.Key = Metadata::MetadataKey::Population; break;
  default: M.Key = Metadata::MetadataKey::Summary; break;
  }
  M.Value = std::move(*Value);
  M.Range = rangeOf(Ctx);
  Out.Meta.push_back(std::move(M));
}

void AstBuilder::buildSource(P::SourceDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  std::optional<StringLiteral> Title = stringOf(Ctx->title);
  auto S = std::make_unique<SourceDecl>(
      std::move(*Name), Title.value_or(StringLiteral()), rangeOf(Ctx));
  S->Invalid = !Title;
  AttributeSet Seen(*this);
  for (P::SourceAttributeContext *Attr : Ctx->sourceAttribute()) {
    if (!Seen.firstTime(Attr))
      continue;
    if (auto *Year = dynamic_cast<P::SourceYearContext *>(Attr))
      S->Year = numberOf(tokenOf(Year->NUMBER()));
    else if (auto *Url = dynamic_cast<P::SourceUrlContext *>(Attr))
      S->Url = stringOf(tokenOf(Url->STRING()));
    else if (auto *Author = dynamic_cast<P::SourceAuthorContext *>(Attr))
      S->Author = stringOf(tokenOf(Author->STRING()));
  }
  Out.Sources.push_back(std::move(S));
}

std::optional<InputType> AstBuilder::buildInputType(P::InputTypeContext *Ctx) {
  if (!Ctx || Ctx->exception)
    return std::nullopt;
  InputType T;
  T.Range = rangeOf(Ctx);
  if (dynamic_cast<P::BoolTypeContext *>(Ctx)) {
    T.Kind = InputType::TypeKind::Bool;
    return T;
  }
  if (auto *Num = dynamic_cast<P::NumberTypeContext *>(Ctx)) {
    T.Kind = InputType::TypeKind::Number;
    // The unit belongs to the input, not to the interval literal.
    T.Domain = buildInterval(Num->interval(), nullptr);
    if (!T.Domain)
      return std::nullopt;
    T.UnitName = unitOf(Num->unit());
    return T;
  }
  if (auto *Enum = dynamic_cast<P::EnumTypeContext *>(Ctx)) {
    T.Kind = InputType::TypeKind::Enum;
    for (P::IdentContext *V : Enum->ident())
      if (std::optional<Identifier> Id = identOf(V))
        T.EnumValues.push_back(std::move(*Id));
    return T;
  }
  return std::nullopt;
}

void AstBuilder::buildInputs(P::InputDeclContext *Ctx, Pathway &Out) {
  std::optional<InputType> Type = buildInputType(Ctx->inputType());
  std::optional<StringLiteral> Description = stringOf(Ctx->description);
  for (P::IdentContext *NameCtx : Ctx->ident()) {
    std::optional<Identifier> Name = identOf(NameCtx);
    if (!Name)
      continue;
    SourceRange R = Name->Range;
    auto Input = std::make_unique<InputDecl>(
        std::move(*Name), Type.value_or(InputType()), Description,
        SourceRange::join(R, Type ? Type->Range : SourceRange()));
    Input->Invalid = !Type || hasSyntaxError(Ctx);
    Out.Inputs.push_back(std::move(Input));
  }
}

void AstBuilder::buildRedFlag(P::RedFlagDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  ExprPtr Condition = buildExpr(Ctx->expr());
  std::optional<Identifier> Urgency = identOf(Ctx->urgency);
  std::optional<StringLiteral> Action = stringOf(Ctx->action);
  bool Complete = Condition && Urgency && Action;
  if (!Condition)
    Condition = std::make_unique<BoolLiteralExpr>(false, Name->Range);
  auto R = std::make_unique<RedFlagDecl>(
      std::move(*Name), std::move(Condition), Urgency.value_or(Identifier()),
      Action.value_or(StringLiteral()), buildCitations(Ctx->citeClause()),
      rangeOf(Ctx));
  R->Invalid = !Complete || hasSyntaxError(Ctx);
  Out.RedFlags.push_back(std::move(R));
}

void AstBuilder::buildInclude(P::IncludeDeclContext *Ctx, Pathway &Out) {
  std::optional<StringLiteral> Label = stringOf(Ctx->label);
  ExprPtr Condition = buildExpr(Ctx->expr());
  if (!Label || !Condition || hasSyntaxError(Ctx))
    return;
  Criterion C;
  C.Kind = Criterion::CriterionKind::Include;
  C.Label = std::move(*Label);
  C.Condition = std::move(Condition);
  C.Citations = buildCitations(Ctx->citeClause());
  C.Range = rangeOf(Ctx);
  Out.Criteria.push_back(std::move(C));
}

void AstBuilder::buildExclude(P::ExcludeDeclContext *Ctx, Pathway &Out) {
  std::optional<StringLiteral> Label = stringOf(Ctx->label);
  ExprPtr Condition = buildExpr(Ctx->expr());
  std::optional<StringLiteral> Referral = stringOf(Ctx->referral);
  if (!Label || !Condition || !Referral || hasSyntaxError(Ctx))
    return;
  Criterion C;
  C.Kind = Criterion::CriterionKind::Exclude;
  C.Label = std::move(*Label);
  C.Condition = std::move(Condition);
  C.Referral = std::move(*Referral);
  C.Citations = buildCitations(Ctx->citeClause());
  C.Range = rangeOf(Ctx);
  Out.Criteria.push_back(std::move(C));
}

void AstBuilder::buildDiagnosis(P::DiagnosisDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  std::optional<StringLiteral> Title = stringOf(Ctx->title);
  auto D = std::make_unique<DiagnosisDecl>(
      std::move(*Name), Title.value_or(StringLiteral()), rangeOf(Ctx));
  D->Invalid = !Title || hasSyntaxError(Ctx);
  if (auto *Value =
          dynamic_cast<P::PretestValueContext *>(Ctx->pretestClause())) {
    D->Pretest = buildEvidence(Value->evidenceValue());
    D->Invalid |= !D->Pretest;
  } else if (auto *Input =
                 dynamic_cast<P::PretestInputContext *>(Ctx->pretestClause())) {
    D->PretestInput = identOf(Input->ident());
    D->Invalid |= !D->PretestInput;
  }
  D->Citations = buildCitations(Ctx->citeClause());
  Out.Diagnoses.push_back(std::move(D));
}

void AstBuilder::buildExam(P::ExamDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  std::optional<StringLiteral> Title = stringOf(Ctx->title);
  std::optional<Identifier> Detects = identOf(Ctx->diagnosis);
  std::optional<EvidenceValue> Sens = buildEvidence(Ctx->sensitivity);
  std::optional<EvidenceValue> Spec = buildEvidence(Ctx->specificity);
  bool Complete = Title && Detects && Sens && Spec;
  auto E = std::make_unique<ExamDecl>(
      std::move(*Name), Title.value_or(StringLiteral()),
      Detects.value_or(Identifier()), Sens.value_or(EvidenceValue()),
      Spec.value_or(EvidenceValue()), buildCitations(Ctx->citeClause()),
      rangeOf(Ctx));
  E->Invalid = !Complete || hasSyntaxError(Ctx);
  Out.Exams.push_back(std::move(E));
}

void AstBuilder::buildProcedure(P::ProcedureDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  std::optional<StringLiteral> Title = stringOf(Ctx->title);
  std::optional<Identifier> Category = identOf(Ctx->category);
  auto Pr = std::make_unique<ProcedureDecl>(
      std::move(*Name), Title.value_or(StringLiteral()),
      Category.value_or(Identifier()), rangeOf(Ctx));
  Pr->Invalid = !Title || !Category || hasSyntaxError(Ctx);
  AttributeSet Seen(*this);
  for (P::ProcedureAttributeContext *Attr : Ctx->procedureAttribute()) {
    if (!Seen.firstTime(Attr))
      continue;
    if (auto *Rating = dynamic_cast<P::ProcedureRatingContext *>(Attr))
      Pr->Rating = numberOf(tokenOf(Rating->NUMBER()));
    else if (auto *Rad = dynamic_cast<P::ProcedureRadiationContext *>(Attr))
      Pr->RadiationName = identOf(Rad->level);
  }
  Pr->Citations = buildCitations(Ctx->citeClause());
  Out.Procedures.push_back(std::move(Pr));
}

void AstBuilder::buildStep(P::StepDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  auto Step = std::make_unique<StepDecl>(std::move(*Name), rangeOf(Ctx));
  if (auto *Start = Ctx->START()) {
    Step->IsStart = true;
    Step->StartRange = rangeOf(tokenOf(Start));
  }
  Step->Title = stringOf(Ctx->title);
  for (P::StepItemContext *Item : Ctx->stepItem())
    buildStepItem(Item, *Step);
  // A step whose body did not parse keeps its name for lookups, but its
  // contents are incomplete: structural checks must not judge it.
  Step->Invalid |= hasSyntaxError(Ctx) || isMissing(tokenOf(Ctx->RBRACE()));
  Out.Steps.push_back(std::move(Step));
}

void AstBuilder::buildStepItem(P::StepItemContext *Ctx, StepDecl &Step) {
  if (hasSyntaxError(Ctx))
    Step.Invalid = true;
  if (auto *Order = dynamic_cast<P::OrderItemContext *>(Ctx)) {
    OrderItem Item;
    for (P::IdentContext *Proc : Order->ident())
      if (std::optional<Identifier> Id = identOf(Proc))
        Item.Procedures.push_back(std::move(*Id));
    if (P::JustifyClauseContext *Justify = Order->justifyClause())
      Item.Justification = stringOf(tokenOf(Justify->STRING()));
    Item.Citations = buildCitations(Order->citeClause());
    Item.Range = rangeOf(Ctx);
    Step.Orders.push_back(std::move(Item));
  } else if (auto *Assess = dynamic_cast<P::AssessItemContext *>(Ctx)) {
    for (P::IdentContext *Name : Assess->ident())
      if (std::optional<Identifier> Id = identOf(Name))
        Step.Assessed.push_back(std::move(*Id));
  } else if (auto *BranchCtx = dynamic_cast<P::BranchItemContext *>(Ctx)) {
    Branch B;
    B.Range = rangeOf(Ctx);
    for (P::BranchArmContext *ArmCtx : BranchCtx->branchArm()) {
      if (std::optional<BranchArm> Arm = buildArm(ArmCtx))
        B.Arms.push_back(std::move(*Arm));
      else
        Step.Invalid = true;
    }
    Step.Branches.push_back(std::move(B));
  } else if (auto *Next = dynamic_cast<P::NextItemContext *>(Ctx)) {
    if (std::optional<Identifier> Target = identOf(Next->target))
      Step.Nexts.push_back(std::move(*Target));
    else
      Step.Invalid = true;
  } else if (auto *NoteCtx = dynamic_cast<P::StepNoteContext *>(Ctx)) {
    if (std::optional<Note> N = buildNote(NoteCtx->noteDecl()))
      Step.Notes.push_back(std::move(*N));
  }
}

std::optional<BranchArm> AstBuilder::buildArm(P::BranchArmContext *Ctx) {
  if (hasSyntaxError(Ctx))
    return std::nullopt;
  BranchArm Arm;
  if (!Ctx->OTHERWISE()) {
    Arm.Condition = buildExpr(Ctx->expr());
    if (!Arm.Condition)
      return std::nullopt;
  }
  std::optional<Identifier> Target = identOf(Ctx->target);
  if (!Target)
    return std::nullopt;
  Arm.Target = std::move(*Target);
  Arm.Citations = buildCitations(Ctx->citeClause());
  for (P::NoteDeclContext *N : Ctx->noteDecl())
    if (std::optional<Note> Built = buildNote(N))
      Arm.Notes.push_back(std::move(*Built));
  Arm.Range = rangeOf(Ctx);
  return Arm;
}

void AstBuilder::buildOutcome(P::OutcomeDeclContext *Ctx, Pathway &Out) {
  std::optional<Identifier> Name = identOf(Ctx->name);
  if (!Name)
    return;
  std::optional<StringLiteral> Title = stringOf(Ctx->title);
  auto O = std::make_unique<OutcomeDecl>(
      std::move(*Name), Title.value_or(StringLiteral()), rangeOf(Ctx));
  O->Invalid = !Title || hasSyntaxError(Ctx);
  AttributeSet Seen(*this);
  for (P::OutcomeItemContext *Item : Ctx->outcomeItem()) {
    if (auto *Urgency = dynamic_cast<P::OutcomeUrgencyContext *>(Item)) {
      if (Seen.firstTime(Item))
        O->UrgencyName = identOf(Urgency->level);
    } else if (auto *Rec = dynamic_cast<P::OutcomeRecommendContext *>(Item)) {
      std::optional<StringLiteral> Text = stringOf(tokenOf(Rec->STRING()));
      if (!Text)
        continue;
      Recommendation R;
      R.Text = std::move(*Text);
      R.Citations = buildCitations(Rec->citeClause());
      R.Range = rangeOf(Item);
      O->Recommendations.push_back(std::move(R));
    } else if (auto *N = dynamic_cast<P::OutcomeNoteContext *>(Item)) {
      if (std::optional<Note> Built = buildNote(N->noteDecl()))
        O->Notes.push_back(std::move(*Built));
    }
  }
  Out.Outcomes.push_back(std::move(O));
}
