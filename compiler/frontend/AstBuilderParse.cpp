//===- AstBuilderParse.cpp - Lexing, parsing and syntax errors ------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Runs the generated lexer and parser over a buffer and turns ANTLR's error
// callbacks into the project's diagnostics. Before parsing, one pass over the
// tokens reports what the lexer could not make sense of (stray characters,
// unterminated strings and comments) and hides those tokens from the parser
// so they do not also show up as syntax errors, checks bracket nesting
// against MaxBracketDepth, and finds brackets left open at the end of the
// file.
//
//===----------------------------------------------------------------------===//

#include "frontend/AstBuilder.h"
#include "frontend/Frontend.h"

#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

using namespace pathwayc;
using P = grammar::PathwayParser;

namespace {

/// What an open bracket is called in "expected '}' to close the step".
std::string describeOpener(const std::vector<antlr4::Token *> &Tokens,
                           size_t Index) {
  // The construct that opened a brace is named by the nearest keyword
  // before it on the default channel.
  for (size_t I = Index; I-- > 0;) {
    antlr4::Token *T = Tokens[I];
    if (T->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
      continue;
    switch (T->getType()) {
    case P::PATHWAY: return "pathway";
    case P::STEP: return "step";
    case P::OUTCOME: return "outcome";
    case P::INPUTS: return "inputs block";
    case P::BRANCH: return "branch";
    case P::OF:
    case P::IN: return "list of values";
    case P::LBRACE:
    case P::RBRACE:
    case P::LBRACK:
    case P::RBRACK: return "block";
    default: break;
    }
  }
  return "block";
}

llvm::StringRef closerFor(size_t Type) {
  switch (Type) {
  case P::LBRACE: return "}";
  case P::LBRACK: return "]";
  default: return ")";
  }
}

/// A token as a user would name it in a message.
std::string describeToken(antlr4::Token *T) {
  if (!T || T->getType() == antlr4::Token::EOF)
    return "end of file";
  switch (T->getType()) {
  case P::STRING: return "string";
  case P::NUMBER: return "number '" + T->getText() + "'";
  case P::IDENT: return "name '" + T->getText() + "'";
  default: return "'" + T->getText() + "'";
  }
}

/// An expected token type as a user would name it.
std::string describeTokenType(const antlr4::dfa::Vocabulary &Vocab,
                              ssize_t Type) {
  if (Type == static_cast<ssize_t>(antlr4::Token::EOF))
    return "end of file";
  switch (Type) {
  case P::IDENT: return "a name";
  case P::STRING: return "a string";
  case P::NUMBER: return "a number";
  default: return Vocab.getLiteralName(Type);
  }
}

/// The keywords the grammar's `ident` rule also accepts as names.
bool isSoftKeyword(ssize_t Type) {
  static const ssize_t SoftKeywords[] = {
      P::YEAR,        P::URL,      P::AUTHOR,  P::RATING,  P::RADIATION,
      P::URGENCY,     P::PRETEST,  P::INPUT,   P::DETECTS, P::SENSITIVITY,
      P::SPECIFICITY, P::REFER,    P::JUSTIFY, P::ONE,     P::OF,
      P::BOOL,        P::NUMBER_KW};
  return llvm::is_contained(SoftKeywords, Type);
}

/// A keyword that can never be a name (the grammar's `ident` rule does not
/// accept it).
bool isReservedWord(size_t Type) {
  return Type >= P::PATHWAY && Type <= P::PROBABILITY &&
         !isSoftKeyword(static_cast<ssize_t>(Type));
}

/// Formats an expected-token set: "':'", "'->' or 'cite'", or, for a long
/// set, the first few alternatives and a count.
std::string describeExpected(antlr4::Parser *Recognizer,
                             const antlr4::misc::IntervalSet &Expected) {
  const antlr4::dfa::Vocabulary &Vocab = Recognizer->getVocabulary();
  bool NameExpected = Expected.contains(static_cast<ssize_t>(P::IDENT));
  std::vector<std::string> Names;
  for (ssize_t Type : Expected.toList()) {
    // The error-only tokens are never what the author should write, and the
    // keywords that may also be names are covered by "a name".
    if (Type >= P::UNTERMINATED_STRING || (NameExpected && isSoftKeyword(Type)))
      continue;
    std::string Name = describeTokenType(Vocab, Type);
    if (!Name.empty() && !llvm::is_contained(Names, Name))
      Names.push_back(Name);
  }
  constexpr size_t MaxListed = 6;
  std::string Result;
  size_t Listed = std::min(Names.size(), MaxListed);
  for (size_t I = 0; I != Listed; ++I) {
    if (I)
      Result += (I + 1 == Listed && Names.size() <= MaxListed) ? " or " : ", ";
    Result += Names[I];
  }
  if (Names.size() > MaxListed)
    Result +=
        ", or one of " + std::to_string(Names.size() - MaxListed) + " more";
  return Result;
}

/// Reports syntax errors through the diagnostics engine, in the project's
/// words. ANTLR's recovery (single-token insertion and deletion, then
/// resynchronising on the rule's follow set) is kept as is.
class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  SyntaxErrorStrategy(AstBuilder &Ranges, DiagnosticsEngine &Diags,
                      bool SuppressAtEof)
      : Ranges(Ranges), Diags(Diags), SuppressAtEof(SuppressAtEof) {}

  /// After an error in a rule that opened a bracket, skips to the bracket's
  /// match, so that the closer is not taken for an outer block's (a '}' of
  /// a value list closing the inputs block, and the inputs' one the
  /// pathway). Elsewhere, ANTLR's follow-set recovery.
  void recover(antlr4::Parser *Recognizer, std::exception_ptr E) override {
    antlr4::TokenStream *Stream = Recognizer->getTokenStream();
    antlr4::ParserRuleContext *Ctx = Recognizer->getContext();
    size_t Position = Stream->index();
    size_t RuleStart =
        Ctx && Ctx->start ? Ctx->start->getTokenIndex() : Position;
    for (size_t I = Position; I-- > RuleStart;) {
      std::optional<size_t> Closer = Ranges.getMatchingCloser(I);
      if (!Closer)
        continue;
      if (*Closer < Position)
        continue;
      while (Stream->index() <= *Closer && Stream->LA(1) != antlr4::Token::EOF)
        Recognizer->consume();
      return;
    }
    antlr4::DefaultErrorStrategy::recover(Recognizer, E);
  }

protected:
  void
  reportNoViableAlternative(antlr4::Parser *Recognizer,
                            const antlr4::NoViableAltException &E) override {
    CurrentRecognizer = Recognizer;
    antlr4::Token *T = E.getOffendingToken();
    if (reportReservedWord(T, getExpectedTokens(Recognizer)))
      return;
    report(T, "unexpected " + describeToken(T) + describeContext(Recognizer));
  }

  void reportInputMismatch(antlr4::Parser *Recognizer,
                           const antlr4::InputMismatchException &E) override {
    CurrentRecognizer = Recognizer;
    antlr4::Token *T = E.getOffendingToken();
    if (reportReservedWord(T, E.getExpectedTokens()))
      return;
    report(T,
           "expected " + describeExpected(Recognizer, E.getExpectedTokens()) +
               " but found " + describeToken(T) + describeContext(Recognizer));
  }

  void
  reportFailedPredicate(antlr4::Parser *,
                        const antlr4::FailedPredicateException &E) override {
    report(E.getOffendingToken(),
           "unexpected " + describeToken(E.getOffendingToken()));
  }

  void reportUnwantedToken(antlr4::Parser *Recognizer) override {
    if (inErrorRecoveryMode(Recognizer))
      return;
    CurrentRecognizer = Recognizer;
    beginErrorCondition(Recognizer);
    antlr4::Token *T = Recognizer->getCurrentToken();
    if (reportReservedWord(T, getExpectedTokens(Recognizer)))
      return;
    report(T, "unexpected " + describeToken(T) + "; expected " +
                  describeExpected(Recognizer, getExpectedTokens(Recognizer)) +
                  describeContext(Recognizer));
  }

  void reportMissingToken(antlr4::Parser *Recognizer) override {
    if (inErrorRecoveryMode(Recognizer))
      return;
    CurrentRecognizer = Recognizer;
    beginErrorCondition(Recognizer);
    antlr4::Token *T = Recognizer->getCurrentToken();
    // Point just after the previous token: that is where the missing one
    // belongs, as clang does for a missing ';'.
    antlr4::Token *Prev = Recognizer->getTokenStream()->LT(-1);
    SourceRange At = Ranges.rangeOf(Prev);
    std::string Message =
        "expected " +
        describeExpected(Recognizer, getExpectedTokens(Recognizer)) +
        " before " + describeToken(T) + describeContext(Recognizer);
    if (At.isValid())
      reportAt(SourceRange(At.getEnd()), T, Message);
    else
      report(T, Message);
  }

private:
  /// " in step 'x'" for the innermost named construct being parsed.
  static std::string describeContext(antlr4::Parser *Recognizer) {
    for (antlr4::RuleContext *Ctx = Recognizer->getContext(); Ctx;
         Ctx = dynamic_cast<antlr4::RuleContext *>(Ctx->parent)) {
      auto Named = [](llvm::StringRef Kind, P::IdentContext *Name) {
        if (!Name || Name->children.empty())
          return std::string();
        return " in " + Kind.str() + " '" + Name->getText() + "'";
      };
      if (auto *S = dynamic_cast<P::StepDeclContext *>(Ctx))
        return Named("step", S->name);
      if (auto *O = dynamic_cast<P::OutcomeDeclContext *>(Ctx))
        return Named("outcome", O->name);
      if (auto *R = dynamic_cast<P::RedFlagDeclContext *>(Ctx))
        return Named("red flag", R->name);
      if (auto *E = dynamic_cast<P::ExamDeclContext *>(Ctx))
        return Named("exam", E->name);
      if (auto *Pr = dynamic_cast<P::ProcedureDeclContext *>(Ctx))
        return Named("procedure", Pr->name);
      if (auto *D = dynamic_cast<P::DiagnosisDeclContext *>(Ctx))
        return Named("diagnosis", D->name);
    }
    return "";
  }

  /// Where a name was expected and a keyword came, says so: the author
  /// meant a name, and "unexpected 'note'" would not tell them why.
  bool reportReservedWord(antlr4::Token *T,
                          const antlr4::misc::IntervalSet &Expected) {
    if (!T || !isReservedWord(T->getType()))
      return false;
    // A name is what the grammar wanted, or the keyword follows a comma in
    // a list of names (where ANTLR may already have left the list).
    bool AfterComma = false;
    if (CurrentRecognizer && T->getTokenIndex() != static_cast<size_t>(-1)) {
      antlr4::TokenStream *Stream = CurrentRecognizer->getTokenStream();
      for (size_t I = T->getTokenIndex(); I-- > 0;) {
        antlr4::Token *Prev = Stream->get(I);
        if (Prev->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
          continue;
        AfterComma = Prev->getType() == P::COMMA;
        break;
      }
    }
    if (!Expected.contains(static_cast<ssize_t>(P::IDENT)) && !AfterComma)
      return false;
    SourceRange Range = Ranges.rangeOf(T);
    if (!shouldReport(Range, T))
      return true;
    Diags.report(Range, diag::err_reserved_word_as_name) << T->getText();
    return true;
  }

  void report(antlr4::Token *T, const std::string &Message) {
    reportAt(Ranges.rangeOf(T), T, Message);
  }

  void reportAt(SourceRange Range, antlr4::Token *T,
                const std::string &Message) {
    if (!Range.isValid())
      Range = EndOfFile;
    if (shouldReport(Range, T))
      Diags.report(Range, diag::err_syntax) << Message;
  }

  /// Remembers that the construct around \p T is broken, whether or not
  /// its error was shown, so that the builder does not trust it.
  void markBroken(antlr4::Token *T) {
    if (T && T->getTokenIndex() != static_cast<size_t>(-1))
      Ranges.markErrorToken(T->getTokenIndex());
  }

  /// Filters the errors that only echo an earlier one.
  bool shouldReport(SourceRange Range, antlr4::Token *T) {
    // ANTLR resynchronises token by token, so one slip (or one stray
    // character the lexer dropped) can surface as several errors a few
    // tokens apart: report the first and let the next few tokens go.
    constexpr size_t CascadeTokens = 3;
    size_t Index = T ? T->getTokenIndex() : static_cast<size_t>(-1);
    bool Echo = Ranges.errorShortlyBefore(Index, CascadeTokens);
    markBroken(T);
    if (Echo)
      return false;
    bool AfterPathway =
        CurrentRecognizer && dynamic_cast<P::FileContext *>(
                                 CurrentRecognizer->getContext()) != nullptr;
    bool AtEof = !T || T->getType() == antlr4::Token::EOF;
    // A missing closing bracket at the end of the file was already reported
    // with the bracket that opened it; ANTLR's own view of it adds nothing.
    if (SuppressAtEof && AtEof)
      return false;
    // After an error inside a block, recovery often takes the block's '}'
    // for the pathway's, and then finds text "after the end of the file".
    if (ReportedAny && AfterPathway)
      return false;
    // Like protoc, one error a line: the rest of the line is its echo.
    unsigned Line =
        Diags.getSourceManager().getLineColumn(Range.getBegin()).Line;
    if (Line == LastErrorLine)
      return false;
    LastErrorLine = Line;
    ReportedAny = true;
    return true;
  }

public:
  SourceRange EndOfFile;

private:
  AstBuilder &Ranges;
  DiagnosticsEngine &Diags;
  bool SuppressAtEof;
  /// The parser of the error being reported, for its rule context.
  antlr4::Parser *CurrentRecognizer = nullptr;
  unsigned LastErrorLine = 0;
  bool ReportedAny = false;
};

/// What an author who typed \p Text most likely meant, from other languages'
/// operators and typographic symbols; empty when there is no good guess.
llvm::StringRef suggestForCharacter(llvm::StringRef Text) {
  return llvm::StringSwitch<llvm::StringRef>(Text)
      .Cases("&", "&&", "and")
      .Cases("|", "||", "or")
      .Case("!", "not")
      .Case("=", "==")
      .Case("\u2265", ">=")
      .Case("\u2264", "<=")
      .Case("\u2260", "!=")
      .Case("\u2192", "->")
      .Case("\u201C", "\"")
      .Case("\u201D", "\"")
      .Default("");
}

/// The pass over the token list described at the top of the file. Returns
/// false when the file must not be parsed (nesting beyond the limit); sets
/// \p UnclosedAtEof when brackets were still open at the end.
bool prescanTokens(const std::vector<antlr4::Token *> &Tokens,
                   AstBuilder &Ranges, DiagnosticsEngine &Diags,
                   bool &UnclosedAtEof) {
  llvm::SmallVector<size_t, 32> Open; // Indices of open brackets.
  bool SwallowedRest = false;
  for (size_t I = 0; I != Tokens.size(); ++I) {
    antlr4::Token *T = Tokens[I];
    auto *Writable = dynamic_cast<antlr4::WritableToken *>(T);
    switch (T->getType()) {
    case P::UNEXPECTED_CHAR: {
      // `&&` and `||` are two stray characters but one slip.
      std::string Text = T->getText();
      SourceRange Range = Ranges.rangeOf(T);
      if ((Text == "&" || Text == "|") && I + 1 < Tokens.size() &&
          Tokens[I + 1]->getText() == Text) {
        antlr4::Token *Second = Tokens[++I];
        dynamic_cast<antlr4::WritableToken *>(Second)->setChannel(
            antlr4::Token::HIDDEN_CHANNEL);
        Ranges.markErrorToken(I);
        Text += Text;
        Range = SourceRange::join(Range, Ranges.rangeOf(Second));
      }
      llvm::StringRef Suggestion = suggestForCharacter(Text);
      DiagnosticBuilder Builder =
          Diags.report(Range, diag::err_unexpected_character);
      Builder << Text << Suggestion
              << static_cast<unsigned>(!Suggestion.empty());
      if (!Suggestion.empty())
        Builder.addFixIt(Range, Suggestion);
      Ranges.markErrorToken(I);
      Writable->setChannel(antlr4::Token::HIDDEN_CHANNEL);
      break;
    }
    case P::UNTERMINATED_STRING: {
      SourceRange R = Ranges.rangeOf(T);
      Diags.report(SourceRange(R.getEnd()), diag::err_unterminated_string)
          .addFixIt(SourceRange(R.getEnd()), "\"");
      // Parse on as if the string were closed.
      Writable->setType(P::STRING);
      break;
    }
    case P::UNTERMINATED_COMMENT:
      Diags.report(SourceRange(Ranges.rangeOf(T).getBegin()),
                   diag::err_unterminated_comment);
      Writable->setChannel(antlr4::Token::HIDDEN_CHANNEL);
      // The comment swallowed the rest of the file, closing brackets and
      // all: the one error says it all.
      Ranges.markSwallowedText(T->getText());
      SwallowedRest = true;
      UnclosedAtEof = true;
      break;
    case P::LBRACE:
    case P::LBRACK:
    case P::LPAREN:
      Open.push_back(I);
      if (Open.size() > MaxBracketDepth) {
        Diags.report(Ranges.rangeOf(T), diag::err_nesting_too_deep)
            << MaxBracketDepth;
        return false;
      }
      break;
    case P::RBRACE:
    case P::RBRACK:
    case P::RPAREN: {
      // A closer matches the innermost opener of its kind; openers it skips
      // were left unclosed, which the parser reports where it happens. A
      // closer that matches nothing is the parser's to report too.
      auto Match = std::find_if(Open.rbegin(), Open.rend(), [&](size_t Index) {
        return closerFor(Tokens[Index]->getType()) == T->getText();
      });
      if (Match != Open.rend()) {
        Ranges.setMatchingCloser(*Match, I);
        Open.erase(std::next(Match).base(), Open.end());
      }
      break;
    }
    default: break;
    }
  }
  if (Open.empty() || SwallowedRest)
    return true;
  // Report the innermost bracket left open, where the author most likely
  // forgot to close; the outer ones are usually consequences.
  UnclosedAtEof = true;
  size_t Index = Open.back();
  antlr4::Token *Opener = Tokens[Index];
  std::string What = describeOpener(Tokens, Index);
  SourceLocation End = Ranges.rangeOf(Opener).getEnd();
  for (antlr4::Token *T : Tokens)
    if (T->getType() != antlr4::Token::EOF &&
        T->getChannel() == antlr4::Token::DEFAULT_CHANNEL)
      End = Ranges.rangeOf(T).getEnd();
  Diags.report(SourceRange(End), diag::err_expected_closing)
      << closerFor(Opener->getType()) << What;
  Diags.report(Ranges.rangeOf(Opener), diag::note_opened_here) << What;
  return true;
}

} // namespace

std::unique_ptr<Pathway> pathwayc::parsePathway(BufferID Buffer,
                                                DiagnosticsEngine &Diags) {
  llvm::StringRef Text = Diags.getSourceManager().getContents(Buffer);
  if (!checkSourceText(Buffer, Text, Diags))
    return nullptr;

  unsigned ErrorsBefore = Diags.getNumErrors();
  CodePointMap Positions(Text);
  AstBuilder Builder(Buffer, Positions, Diags);

  antlr4::ANTLRInputStream Input(Text.data(), Text.size());
  grammar::PathwayLexer Lexer(&Input);
  Lexer.removeErrorListeners();
  antlr4::CommonTokenStream Tokens(&Lexer);
  Tokens.fill();

  bool UnclosedAtEof = false;
  if (!prescanTokens(Tokens.getTokens(), Builder, Diags, UnclosedAtEof))
    return nullptr;

  Builder.indexTokens(Tokens.getTokens());
  grammar::PathwayParser Parser(&Tokens);
  Parser.removeErrorListeners();
  auto Strategy =
      std::make_shared<SyntaxErrorStrategy>(Builder, Diags, UnclosedAtEof);
  Strategy->EndOfFile =
      SourceRange(SourceLocation(Buffer, static_cast<uint32_t>(Text.size())));
  Parser.setErrorHandler(Strategy);
  // SLL is enough for this grammar and much faster than full LL on big
  // files; the grammar is not ambiguous, so the two agree.
  Parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  P::FileContext *Tree = Parser.file();
  std::unique_ptr<Pathway> Result = Builder.build(Tree);
  if (Result)
    Result->Incomplete = Diags.getNumErrors() != ErrorsBefore;
  return Result;
}
