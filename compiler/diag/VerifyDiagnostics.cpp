//===- VerifyDiagnostics.cpp - clang -verify style checking ---------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/VerifyDiagnostics.h"

#include "diag/SourceManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <optional>

using namespace pathwayc;

namespace {

/// One `expected-*` directive.
struct Expectation {
  Severity Level;
  BufferID Buffer;
  unsigned Line;       ///< The line the diagnostic is expected on.
  unsigned Column = 0; ///< 0 when any column will do.
  std::string Text;
};

/// One diagnostic or note that a directive may match.
struct Actual {
  Severity Level;
  SourceLocation Loc;
  LineColumn Position;
  llvm::StringRef Code;
  llvm::StringRef Message;
};

/// Reads the directives of one buffer.
class DirectiveParser {
public:
  DirectiveParser(const SourceManager &SM, BufferID Buffer,
                  std::vector<Expectation> &Expected,
                  std::vector<std::string> &Problems)
      : SM(SM), Buffer(Buffer), Expected(Expected), Problems(Problems) {}

  void parseBuffer();

  unsigned getNumDirectives() const { return NumDirectives; }
  /// The line of the first expected-no-diagnostics, or 0.
  unsigned getNoDiagnosticsLine() const { return NoDiagnosticsLine; }

private:
  void parseComment(size_t Offset, llvm::StringRef Text);
  void problem(size_t Offset, const std::string &Message);
  unsigned getLine(size_t Offset) const {
    return SM.getLineColumn(SourceLocation(Buffer, uint32_t(Offset))).Line;
  }

  const SourceManager &SM;
  BufferID Buffer;
  std::vector<Expectation> &Expected;
  std::vector<std::string> &Problems;
  unsigned NumDirectives = 0;
  unsigned NoDiagnosticsLine = 0;
};

} // namespace

static bool isWordChar(char C) {
  return llvm::isAlnum(C) || C == '_' || C == '-';
}

void DirectiveParser::problem(size_t Offset, const std::string &Message) {
  Problems.push_back(fmt::format("{}:{}: {}", SM.getName(Buffer).str(),
                                 getLine(Offset), Message));
}

void DirectiveParser::parseBuffer() {
  // Follows the lexer closely enough to find `//` comments: not inside
  // strings (which end at a line break) or block comments.
  llvm::StringRef Contents = SM.getContents(Buffer);
  size_t I = 0, N = Contents.size();
  while (I < N) {
    char C = Contents[I];
    if (C == '"') {
      ++I;
      while (I < N && Contents[I] != '"' && Contents[I] != '\n' &&
             Contents[I] != '\r') {
        if (Contents[I] == '\\' && I + 1 < N && Contents[I + 1] != '\n' &&
            Contents[I + 1] != '\r')
          ++I;
        ++I;
      }
      if (I < N && Contents[I] == '"')
        ++I;
      continue;
    }
    if (C == '/' && I + 1 < N && Contents[I + 1] == '/') {
      size_t Begin = I + 2;
      size_t End = std::min(Contents.find_first_of("\r\n", Begin), N);
      parseComment(Begin, Contents.slice(Begin, End));
      I = End;
      continue;
    }
    if (C == '/' && I + 1 < N && Contents[I + 1] == '*') {
      size_t End = Contents.find("*/", I + 2);
      I = End == llvm::StringRef::npos ? N : End + 2;
      continue;
    }
    ++I;
  }
}

/// Reads decimal digits at \p Pos of \p Text into \p Value; false if there
/// are none or the number is absurdly large.
static bool parseNumber(llvm::StringRef Text, size_t &Pos, unsigned &Value) {
  size_t Begin = Pos;
  while (Pos < Text.size() && llvm::isDigit(Text[Pos]))
    ++Pos;
  if (Pos == Begin || Pos - Begin > 9)
    return false;
  Value = 0;
  for (size_t I = Begin; I != Pos; ++I)
    Value = Value * 10 + unsigned(Text[I] - '0');
  return true;
}

void DirectiveParser::parseComment(size_t Offset, llvm::StringRef Text) {
  static constexpr llvm::StringLiteral Prefix = "expected-";
  size_t Pos = 0;
  while ((Pos = Text.find(Prefix, Pos)) != llvm::StringRef::npos) {
    size_t DirectiveOffset = Offset + Pos;
    if (Pos > 0 && isWordChar(Text[Pos - 1])) {
      Pos += Prefix.size();
      continue;
    }
    size_t WordEnd = Pos + Prefix.size();
    while (WordEnd < Text.size() && isWordChar(Text[WordEnd]))
      ++WordEnd;
    llvm::StringRef Word = Text.slice(Pos + Prefix.size(), WordEnd);
    Pos = WordEnd;

    if (Word == "no-diagnostics") {
      if (!NoDiagnosticsLine)
        NoDiagnosticsLine = getLine(DirectiveOffset);
      continue;
    }
    std::optional<Severity> Level;
    if (Word == "error")
      Level = Severity::Error;
    else if (Word == "warning")
      Level = Severity::Warning;
    else if (Word == "note")
      Level = Severity::Note;
    if (!Level) {
      problem(DirectiveOffset,
              fmt::format("unknown directive 'expected-{}'", Word.str()));
      continue;
    }
    ++NumDirectives;

    Expectation E;
    E.Level = *Level;
    E.Buffer = Buffer;
    E.Line = getLine(DirectiveOffset);
    if (Pos < Text.size() && Text[Pos] == '@') {
      ++Pos;
      char Sign = Pos < Text.size() ? Text[Pos] : '\0';
      if (Sign == '+' || Sign == '-')
        ++Pos;
      unsigned Number;
      if (!parseNumber(Text, Pos, Number)) {
        problem(DirectiveOffset, "expected a line number after '@'");
        continue;
      }
      int64_t Target = Sign == '+'   ? int64_t(E.Line) + Number
                       : Sign == '-' ? int64_t(E.Line) - Number
                                     : int64_t(Number);
      if (Target < 1 || !SM.getLineStart(Buffer, unsigned(Target)).isValid()) {
        problem(DirectiveOffset,
                fmt::format("line {} named by the directive is not in the file",
                            Target));
        continue;
      }
      E.Line = unsigned(Target);
    }
    if (Pos < Text.size() && Text[Pos] == ':') {
      ++Pos;
      if (!parseNumber(Text, Pos, E.Column) || E.Column == 0) {
        problem(DirectiveOffset, "expected a column number (from 1) after ':'");
        continue;
      }
    }
    while (Pos < Text.size() && (Text[Pos] == ' ' || Text[Pos] == '\t'))
      ++Pos;
    if (!Text.substr(Pos).startswith("{{")) {
      problem(DirectiveOffset,
              "cannot find start ('{{') of the expected message");
      continue;
    }
    size_t Close = Text.find("}}", Pos + 2);
    if (Close == llvm::StringRef::npos) {
      problem(DirectiveOffset,
              "cannot find end ('}}') of the expected message");
      return;
    }
    E.Text = Text.slice(Pos + 2, Close).str();
    Pos = Close + 2;
    Expected.push_back(std::move(E));
  }
}

static llvm::StringRef getSeverityName(Severity Level) {
  switch (Level) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

static bool matches(const Expectation &E, const Actual &A) {
  return E.Level == A.Level && A.Loc.isValid() &&
         A.Loc.getBuffer() == E.Buffer && A.Position.Line == E.Line &&
         (E.Column == 0 || A.Position.Column == E.Column) &&
         A.Message.contains(E.Text);
}

namespace {
/// A maximum matching between directives and diagnostics (augmenting paths),
/// so that a directive with a loose substring cannot steal the diagnostic
/// that a stricter directive on the same line needs.
class Matcher {
public:
  Matcher(llvm::ArrayRef<Expectation> Expected, llvm::ArrayRef<Actual> Actuals)
      : Candidates(Expected.size()), ActualOwner(Actuals.size(), NoMatch),
        ExpectedMatch(Expected.size(), NoMatch) {
    for (size_t E = 0; E != Expected.size(); ++E)
      for (size_t A = 0; A != Actuals.size(); ++A)
        if (matches(Expected[E], Actuals[A]))
          Candidates[E].push_back(A);
    for (size_t E = 0; E != Expected.size(); ++E) {
      std::vector<bool> Visited(Actuals.size(), false);
      augment(E, Visited);
    }
  }

  static constexpr size_t NoMatch = ~size_t(0);
  size_t getMatchOfExpected(size_t E) const { return ExpectedMatch[E]; }
  size_t getMatchOfActual(size_t A) const { return ActualOwner[A]; }

private:
  bool augment(size_t E, std::vector<bool> &Visited) {
    for (size_t A : Candidates[E]) {
      if (Visited[A])
        continue;
      Visited[A] = true;
      if (ActualOwner[A] == NoMatch || augment(ActualOwner[A], Visited)) {
        ActualOwner[A] = E;
        ExpectedMatch[E] = A;
        return true;
      }
    }
    return false;
  }

  std::vector<std::vector<size_t>> Candidates;
  std::vector<size_t> ActualOwner;
  std::vector<size_t> ExpectedMatch;
};
} // namespace

VerifyResult pathwayc::verifyDiagnostics(const SourceManager &SM,
                                         llvm::ArrayRef<Diagnostic> Diags) {
  VerifyResult Result;
  std::vector<Expectation> Expected;

  for (BufferID B = 1, E = SM.getNumBuffers(); B <= E; ++B) {
    DirectiveParser Parser(SM, B, Expected, Result.Problems);
    Parser.parseBuffer();
    std::string Name = SM.getName(B).str();
    if (Parser.getNoDiagnosticsLine() && Parser.getNumDirectives())
      Result.Problems.push_back(fmt::format(
          "{}:{}: 'expected-no-diagnostics' cannot be combined with other "
          "expected directives",
          Name, Parser.getNoDiagnosticsLine()));
    else if (!Parser.getNoDiagnosticsLine() && !Parser.getNumDirectives())
      Result.Problems.push_back(
          fmt::format("{}: no expected directives found (write "
                      "'// expected-no-diagnostics' if none are expected)",
                      Name));
  }

  std::vector<Actual> Actuals;
  auto AddActual = [&](Severity Level, SourceRange Range, llvm::StringRef Code,
                       llvm::StringRef Message) {
    Actual A;
    A.Level = Level;
    A.Loc = Range.getBegin();
    if (A.Loc.getBuffer() > SM.getNumBuffers())
      A.Loc = SourceLocation();
    A.Position = SM.getLineColumn(A.Loc);
    A.Code = Code;
    A.Message = Message;
    Actuals.push_back(A);
  };
  for (const Diagnostic &D : Diags) {
    AddActual(D.Level, D.Range, D.getCode(), D.Message);
    for (const DiagnosticNote &N : D.Notes)
      AddActual(Severity::Note, N.Range, "", N.Message);
  }

  Matcher M(Expected, Actuals);

  for (size_t I = 0; I != Expected.size(); ++I) {
    if (M.getMatchOfExpected(I) != Matcher::NoMatch)
      continue;
    const Expectation &E = Expected[I];
    std::string Where =
        fmt::format("{}:{}", SM.getName(E.Buffer).str(), E.Line);
    if (E.Column)
      Where += fmt::format(":{}", E.Column);
    Result.Problems.push_back(
        fmt::format("expected {} at {} was not seen: {{{{{}}}}}",
                    getSeverityName(E.Level).str(), Where, E.Text));
  }

  for (size_t I = 0; I != Actuals.size(); ++I) {
    const Actual &A = Actuals[I];
    if (M.getMatchOfActual(I) != Matcher::NoMatch) {
      if (A.Level != Severity::Note && !A.Code.empty())
        Result.MatchedCodes.insert(A.Code);
      continue;
    }
    std::string What = getSeverityName(A.Level).str();
    if (A.Level != Severity::Note && !A.Code.empty())
      What += fmt::format(" '{}'", A.Code.str());
    std::string Where;
    if (A.Loc.isValid())
      Where = fmt::format(" at {}:{}:{}", SM.getName(A.Loc.getBuffer()).str(),
                          A.Position.Line, A.Position.Column);
    Result.Problems.push_back(
        fmt::format("{}{} was not expected: {}", What, Where, A.Message.str()));
  }

  Result.Ok = Result.Problems.empty();
  return Result;
}
