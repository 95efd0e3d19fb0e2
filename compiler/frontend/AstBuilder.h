//===- AstBuilder.h - Parse tree to AST -------------------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Internal to the front end: the only header that names ANTLR types. The
/// builder has one method per grammar rule and copies every source range into
/// the AST. After a syntax error the parse tree can have holes (missing
/// children, conjured tokens); the builder drops a construct it cannot make
/// sense of, or keeps it marked Invalid when its name survived, so that later
/// references to it do not cascade into "undefined name" errors.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_FRONTEND_ASTBUILDER_H
#define PATHWAYC_FRONTEND_ASTBUILDER_H

#include "ast/AST.h"
#include "frontend/TextChecks.h"

#include "llvm/ADT/StringMap.h"

// The generated parser's headers (and the ANTLR runtime's) are not written
// to this project's warning standard; they are SYSTEM includes through the
// pathwayc_grammar target, and this pragma covers what -isystem does not.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#include "PathwayLexer.h"
#include "PathwayParser.h"
#pragma GCC diagnostic pop

#include <map>
#include <optional>
#include <set>

namespace pathwayc {

class DiagnosticsEngine;

class AstBuilder {
public:
  using P = grammar::PathwayParser;

  AstBuilder(BufferID Buffer, const CodePointMap &Positions,
             DiagnosticsEngine &Diags)
      : Buffer(Buffer), Positions(Positions), Diags(Diags) {}

  std::unique_ptr<Pathway> build(P::FileContext *Ctx);

  /// Records that a syntax error was found at token \p Index; constructs
  /// spanning it are dropped or marked Invalid.
  void markErrorToken(size_t Index) { ErrorTokens.insert(Index); }

  /// Records text that an unclosed comment swallowed: every name in it may
  /// have been declared or used there.
  void markSwallowedText(llvm::StringRef Text);

  /// Records that the bracket at token \p Opener is closed at \p Closer.
  void setMatchingCloser(size_t Opener, size_t Closer) {
    MatchingCloser[Opener] = Closer;
  }
  /// The closing bracket of the opener at \p Index, if it has one.
  std::optional<size_t> getMatchingCloser(size_t Index) const {
    auto It = MatchingCloser.find(Index);
    if (It == MatchingCloser.end())
      return std::nullopt;
    return It->second;
  }

  /// Indexes the visible (default-channel) tokens, for errorShortlyBefore.
  void indexTokens(const std::vector<antlr4::Token *> &Tokens);
  /// True if an error was recorded at most \p Window visible tokens before
  /// token \p Index: a new error there is most likely its echo.
  bool errorShortlyBefore(size_t Index, size_t Window) const;

  /// Source ranges of tokens and rules; invalid for conjured tokens.
  SourceRange rangeOf(antlr4::Token *Tok) const;
  SourceRange rangeOf(antlr4::ParserRuleContext *Ctx) const;

private:
  class AttributeSet;

  void buildMember(P::MemberContext *Ctx, Pathway &Out);
  void buildMetadata(P::MetadataContext *Ctx, Pathway &Out);
  void buildSource(P::SourceDeclContext *Ctx, Pathway &Out);
  void buildInputs(P::InputDeclContext *Ctx, Pathway &Out);
  std::optional<InputType> buildInputType(P::InputTypeContext *Ctx);
  void buildRedFlag(P::RedFlagDeclContext *Ctx, Pathway &Out);
  void buildInclude(P::IncludeDeclContext *Ctx, Pathway &Out);
  void buildExclude(P::ExcludeDeclContext *Ctx, Pathway &Out);
  void buildDiagnosis(P::DiagnosisDeclContext *Ctx, Pathway &Out);
  void buildExam(P::ExamDeclContext *Ctx, Pathway &Out);
  void buildProcedure(P::ProcedureDeclContext *Ctx, Pathway &Out);
  void buildStep(P::StepDeclContext *Ctx, Pathway &Out);
  void buildStepItem(P::StepItemContext *Ctx, StepDecl &Step);
  std::optional<BranchArm> buildArm(P::BranchArmContext *Ctx);
  void buildOutcome(P::OutcomeDeclContext *Ctx, Pathway &Out);
  std::optional<Note> buildNote(P::NoteDeclContext *Ctx);
  std::vector<Citation> buildCitations(P::CiteClauseContext *Ctx);

  ExprPtr buildExpr(P::ExprContext *Ctx);
  ExprPtr buildOr(P::OrExprContext *Ctx);
  ExprPtr buildAnd(P::AndExprContext *Ctx);
  ExprPtr buildNot(P::NotExprContext *Ctx);
  ExprPtr buildAtom(P::AtomContext *Ctx);
  ExprPtr buildOperand(P::OperandContext *Ctx);
  std::optional<IntervalLiteral> buildInterval(P::IntervalContext *Ctx,
                                               P::UnitContext *Unit);
  std::optional<EvidenceValue> buildEvidence(P::EvidenceValueContext *Ctx);

  std::optional<Identifier> identOf(P::IdentContext *Ctx) const;
  std::optional<StringLiteral> stringOf(antlr4::Token *Tok);
  std::optional<NumberLiteral> numberOf(antlr4::Token *Tok);
  std::optional<NumberLiteral> signedNumberOf(P::SignedNumberContext *Ctx);
  std::optional<UnitRef> unitOf(P::UnitContext *Ctx) const;

  /// True if a syntax error was found inside \p Ctx's tokens.
  bool hasSyntaxError(antlr4::ParserRuleContext *Ctx) const;
  /// Adds every name-like token of \p Tree to Out.NamesInBrokenText.
  void collectNames(antlr4::tree::ParseTree *Tree, Pathway &Out) const;

  BufferID Buffer;
  const CodePointMap &Positions;
  DiagnosticsEngine &Diags;
  std::set<size_t> ErrorTokens;
  std::map<size_t, size_t> MatchingCloser;
  /// Names in text an unclosed comment swallowed, copied into the AST.
  std::vector<std::string> SwallowedNames;
  /// For each token, how many visible tokens come before it.
  std::vector<size_t> VisibleOrdinal;
};

} // namespace pathwayc

#endif // PATHWAYC_FRONTEND_ASTBUILDER_H
