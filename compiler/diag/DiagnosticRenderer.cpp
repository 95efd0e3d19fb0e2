//===- DiagnosticRenderer.cpp - Text and JSON output of diagnostics -------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/DiagnosticRenderer.h"

#include "diag/SourceManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace pathwayc;

namespace {

constexpr unsigned TabStop = 4;
/// The narrowest line-number gutter, as in clang: "   41 | ".
constexpr unsigned MinLineNumberWidth = 4;

/// A source line wider than this is shown as a window around the caret, with
/// "..." for what is cut, so that a generated one-line file still gives a
/// readable diagnostic. The window keeps some context left of the caret.
constexpr unsigned MaxSnippetColumns = 100;
constexpr unsigned SnippetLeftContext = 40;
constexpr llvm::StringLiteral Ellipsis = "...";
/// Lines longer than this are cut to this many bytes around the caret
/// before any per-character work, so that a diagnostic in a one-line file
/// of many megabytes costs what one in a short line does.
constexpr size_t MaxLineBytes = 4096;

constexpr const char *AnsiReset = "\033[0m";
constexpr const char *AnsiBold = "\033[1m";
constexpr const char *AnsiRed = "\033[1;31m";
constexpr const char *AnsiMagenta = "\033[1;35m";
constexpr const char *AnsiCyan = "\033[1;36m";
constexpr const char *AnsiGreen = "\033[1;32m";
constexpr const char *AnsiFixIt = "\033[0;32m";

/// A source line as it is printed: tabs expanded, control characters and
/// invalid UTF-8 made visible, and for every byte of the original the
/// display column where the character holding it starts.
struct DisplayLine {
  std::string Text;
  /// One entry per byte of the line plus one for its end (the total width).
  std::vector<unsigned> ByteColumn;

  /// The display column just past the character that holds byte \p Byte.
  unsigned getColumnAfter(size_t Byte) const {
    size_t Next = Byte + 1;
    while (Next + 1 < ByteColumn.size() && ByteColumn[Next] == ByteColumn[Byte])
      ++Next;
    return ByteColumn[Next];
  }
};

/// What the caret line points at, in bytes of the source line.
struct CaretSpan {
  size_t Begin = 0;
  size_t End = 0; ///< Exclusive; equal to Begin for a lone caret.
};

} // namespace

/// Two upper-case hex digits.
static std::string hexByte(unsigned char C) {
  static constexpr char Digits[] = "0123456789ABCDEF";
  return std::string{Digits[C >> 4], Digits[C & 15]};
}

static DisplayLine expandLine(llvm::StringRef Line) {
  DisplayLine Result;
  Result.ByteColumn.reserve(Line.size() + 1);
  unsigned Column = 0;
  size_t I = 0, E = Line.size();
  while (I != E) {
    unsigned char C = static_cast<unsigned char>(Line[I]);
    size_t Length = 1;
    unsigned Width;
    if (C == '\t') {
      Width = TabStop - Column % TabStop;
      Result.Text.append(Width, ' ');
    } else if (C < 0x20 || C == 0x7F) {
      std::string Shown = "<U+00" + hexByte(C) + ">";
      Width = static_cast<unsigned>(Shown.size());
      Result.Text += Shown;
    } else if (C < 0x80) {
      Width = 1;
      Result.Text += static_cast<char>(C);
    } else {
      const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Line.data() + I);
      const auto *End = reinterpret_cast<const llvm::UTF8 *>(Line.data() + E);
      if (llvm::isLegalUTF8Sequence(Begin, End)) {
        // One column per character, whatever its byte length.
        Length = llvm::getNumBytesForUTF8(C);
        Width = 1;
        Result.Text.append(Line.data() + I, Length);
      } else {
        std::string Shown = "<" + hexByte(C) + ">";
        Width = static_cast<unsigned>(Shown.size());
        Result.Text += Shown;
      }
    }
    for (size_t K = 0; K != Length; ++K)
      Result.ByteColumn.push_back(Column);
    Column += Width;
    I += Length;
  }
  Result.ByteColumn.push_back(Column);
  return Result;
}

static llvm::StringRef getSeverityName(Severity Level) {
  switch (Level) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

static const char *getSeverityColor(Severity Level) {
  switch (Level) {
  case Severity::Note: return AnsiCyan;
  case Severity::Warning: return AnsiMagenta;
  case Severity::Error: return AnsiRed;
  }
  return AnsiRed;
}

static unsigned getNumDigits(unsigned N) {
  unsigned Digits = 1;
  while (N >= 10) {
    N /= 10;
    ++Digits;
  }
  return Digits;
}

/// The bytes of \p Line (line \p Begin.Line of its buffer) that \p Range
/// covers: to the range's end on this line, or to the end of the line if the
/// range goes on past it.
static CaretSpan getCaretSpan(const SourceManager &SM, SourceRange Range,
                              LineColumn Begin, llvm::StringRef Line,
                              size_t Cut) {
  CaretSpan Span;
  Span.Begin = std::min<size_t>(Begin.Column - 1, Line.size());
  Span.End = Span.Begin;
  SourceLocation EndLoc = Range.getEnd();
  if (!EndLoc.isValid() || EndLoc == Range.getBegin())
    return Span;
  if (EndLoc.getBuffer() != Range.getBegin().getBuffer()) {
    Span.End = Line.size();
    return Span;
  }
  if (EndLoc < Range.getBegin())
    return Span;
  LineColumn End = SM.getLineColumn(EndLoc);
  if (End.Line == Begin.Line)
    Span.End = std::clamp<size_t>(End.Column - 1 -
                                      std::min<size_t>(Cut, End.Column - 1),
                                  Span.Begin, Line.size());
  else
    Span.End = Line.size();
  return Span;
}

/// The fix-it hint line: each replacement that starts on this line, at the
/// column where it starts. Empty if there is nothing to show.
static std::string buildFixItLine(const SourceManager &SM,
                                  llvm::ArrayRef<FixIt> FixIts, BufferID Buffer,
                                  unsigned LineNo, llvm::StringRef Line,
                                  const DisplayLine &Display) {
  llvm::SmallVector<std::pair<unsigned, llvm::StringRef>, 2> Hints;
  for (const FixIt &F : FixIts) {
    SourceLocation Begin = F.Range.getBegin();
    if (!Begin.isValid() || Begin.getBuffer() != Buffer ||
        F.Replacement.empty())
      continue;
    // A hint is shown on one line, as typed; anything else only travels in
    // the JSON output.
    if (llvm::any_of(F.Replacement,
                     [](char C) { return C == '\n' || C == '\r'; }))
      continue;
    LineColumn LC = SM.getLineColumn(Begin);
    if (LC.Line != LineNo)
      continue;
    size_t Byte = std::min<size_t>(LC.Column - 1, Line.size());
    Hints.emplace_back(Display.ByteColumn[Byte], F.Replacement);
  }
  std::stable_sort(
      Hints.begin(), Hints.end(),
      [](const auto &A, const auto &B) { return A.first < B.first; });
  std::string Result;
  for (const auto &[Column, Text] : Hints) {
    if (Result.size() < Column)
      Result.append(Column - Result.size(), ' ');
    else if (!Result.empty())
      Result += ' ';
    for (char C : Text)
      Result += C == '\t' ? ' ' : C;
  }
  return Result;
}

/// The characters of display text \p Text whose columns are in [From, To).
/// Columns count characters, so UTF-8 continuation bytes stay with theirs.
static std::string sliceColumns(llvm::StringRef Text, unsigned From,
                                unsigned To) {
  std::string Result;
  unsigned Column = 0;
  for (size_t I = 0; I != Text.size(); ++I) {
    bool Continuation = (static_cast<unsigned char>(Text[I]) & 0xC0) == 0x80;
    if (I != 0 && !Continuation)
      ++Column;
    if (Column >= To)
      break;
    if (Column >= From)
      Result += Text[I];
  }
  return Result;
}

/// The header line, snippet and fix-it hints of a diagnostic or a note.
static void renderEntry(llvm::raw_ostream &OS, const SourceManager &SM,
                        Severity Level, llvm::StringRef Code, SourceRange Range,
                        llvm::StringRef Message, llvm::ArrayRef<FixIt> FixIts,
                        const TextRenderOptions &Opts) {
  SourceLocation Begin = Range.getBegin();
  bool HasLocation = Begin.isValid() && Begin.getBuffer() <= SM.getNumBuffers();
  LineColumn LC;
  if (HasLocation)
    LC = SM.getLineColumn(Begin);

  if (Opts.Color)
    OS << AnsiBold;
  if (HasLocation)
    OS << SM.getName(Begin.getBuffer()) << ':' << LC.Line << ':' << LC.Column
       << ": ";
  else
    OS << "pathwayc: ";
  if (Opts.Color)
    OS << AnsiReset << getSeverityColor(Level);
  OS << getSeverityName(Level);
  if (Level != Severity::Note && !Code.empty())
    OS << '[' << Code << ']';
  OS << ':';
  if (Opts.Color)
    OS << AnsiReset << AnsiBold;
  OS << ' ' << Message;
  if (Opts.Color)
    OS << AnsiReset;
  OS << '\n';

  if (!HasLocation)
    return;

  llvm::StringRef Line = SM.getLineText(Begin.getBuffer(), LC.Line);
  size_t Cut = 0;
  bool CutAfter = false;
  LineColumn Caret = LC;
  if (Line.size() > MaxLineBytes) {
    auto IsContinuation = [](char C) {
      return (static_cast<unsigned char>(C) & 0xC0) == 0x80;
    };
    size_t At = std::min<size_t>(LC.Column - 1, Line.size());
    Cut = At > MaxLineBytes / 2 ? At - MaxLineBytes / 2 : 0;
    while (Cut > 0 && IsContinuation(Line[Cut]))
      --Cut;
    size_t End = std::min(Line.size(), Cut + MaxLineBytes);
    while (End < Line.size() && IsContinuation(Line[End]))
      ++End;
    CutAfter = End < Line.size();
    Line = Line.slice(Cut, End);
    Caret.Column -= Cut;
  }
  DisplayLine Display = expandLine(Line);
  CaretSpan Span = getCaretSpan(SM, Range, Caret, Line, Cut);
  unsigned CaretColumn = Display.ByteColumn[Span.Begin];
  unsigned EndColumn = CaretColumn + 1;
  if (Span.End > Span.Begin)
    EndColumn = std::max(EndColumn, Display.getColumnAfter(Span.End - 1));

  // The window of display columns shown: the whole line when it fits.
  unsigned LineWidth = Display.ByteColumn.back();
  unsigned WindowBegin = 0;
  unsigned WindowEnd = std::max(LineWidth, EndColumn);
  if (LineWidth > MaxSnippetColumns) {
    WindowBegin =
        CaretColumn > SnippetLeftContext ? CaretColumn - SnippetLeftContext : 0;
    WindowEnd = std::min(WindowBegin + MaxSnippetColumns, LineWidth);
    EndColumn = std::min(EndColumn, WindowEnd + 1);
  }
  bool ElideBefore = WindowBegin > 0 || Cut > 0;
  bool ElideAfter = WindowEnd < LineWidth || CutAfter;
  unsigned Shift = ElideBefore ? Ellipsis.size() : 0;

  unsigned Width = std::max(MinLineNumberWidth, getNumDigits(LC.Line));
  OS.indent(Width - getNumDigits(LC.Line) + 1) << LC.Line << " |";
  if (!Display.Text.empty()) {
    OS << ' ' << (ElideBefore ? Ellipsis : "");
    OS << sliceColumns(Display.Text, WindowBegin, WindowEnd);
    OS << (ElideAfter ? Ellipsis : "");
  }
  OS << '\n';

  OS.indent(Width + 2) << "| ";
  CaretColumn = CaretColumn - WindowBegin + Shift;
  EndColumn = EndColumn - WindowBegin + Shift;
  OS.indent(CaretColumn);
  if (Opts.Color)
    OS << AnsiGreen;
  OS << '^';
  for (unsigned C = CaretColumn + 1; C < EndColumn; ++C)
    OS << '~';
  if (Opts.Color)
    OS << AnsiReset;
  OS << '\n';

  // Fix-its are shown for lines shown whole (not cut to a byte window).
  std::string Hints = Cut > 0 || CutAfter
                          ? std::string()
                          : buildFixItLine(SM, FixIts, Begin.getBuffer(),
                                           LC.Line, Line, Display);
  if (ElideBefore && !Hints.empty()) {
    Hints = sliceColumns(Hints, WindowBegin, WindowBegin + MaxSnippetColumns);
    if (!Hints.empty())
      Hints.insert(0, Shift, ' ');
  }
  if (!Hints.empty()) {
    OS.indent(Width + 2) << "| ";
    if (Opts.Color)
      OS << AnsiFixIt;
    OS << Hints;
    if (Opts.Color)
      OS << AnsiReset;
    OS << '\n';
  }
}

void pathwayc::renderDiagnosticText(llvm::raw_ostream &OS,
                                    const SourceManager &SM,
                                    const Diagnostic &D,
                                    const TextRenderOptions &Opts) {
  renderEntry(OS, SM, D.Level, D.getCode(), D.Range, D.Message, D.FixIts, Opts);
  if (D.Witness) {
    // Continuation lines line up under the first: "  witness: ".
    llvm::StringRef Rest = D.Witness->Vignette;
    OS << "  witness: ";
    bool First = true;
    while (First || !Rest.empty()) {
      auto [Piece, Tail] = Rest.split('\n');
      if (!First)
        OS.indent(11);
      OS << Piece.rtrim('\r') << '\n';
      Rest = Tail;
      First = false;
    }
  }
  for (const DiagnosticNote &N : D.Notes)
    renderEntry(OS, SM, Severity::Note, "", N.Range, N.Message, {}, Opts);
}

void pathwayc::renderDiagnosticsText(llvm::raw_ostream &OS,
                                     const SourceManager &SM,
                                     llvm::ArrayRef<Diagnostic> Diags,
                                     const TextRenderOptions &Opts) {
  unsigned NumErrors = 0, NumWarnings = 0;
  for (const Diagnostic &D : Diags) {
    renderDiagnosticText(OS, SM, D, Opts);
    if (D.Level == Severity::Error)
      ++NumErrors;
    else if (D.Level == Severity::Warning)
      ++NumWarnings;
  }
  if (NumErrors == 0 && NumWarnings == 0)
    return;
  // clang's wording: "1 warning and 2 errors generated."
  if (NumWarnings)
    OS << NumWarnings << (NumWarnings == 1 ? " warning" : " warnings");
  if (NumWarnings && NumErrors)
    OS << " and ";
  if (NumErrors)
    OS << NumErrors << (NumErrors == 1 ? " error" : " errors");
  OS << " generated.\n";
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

static nlohmann::json locationToJson(const SourceManager &SM,
                                     SourceLocation Loc) {
  LineColumn LC = SM.getLineColumn(Loc);
  nlohmann::json J = nlohmann::json::object();
  J["line"] = LC.Line;
  J["column"] = LC.Column;
  J["offset"] = Loc.getOffset();
  return J;
}

static bool hasLocation(const SourceManager &SM, SourceRange Range) {
  return Range.isValid() && Range.getBegin().getBuffer() <= SM.getNumBuffers();
}

static nlohmann::json fileToJson(const SourceManager &SM, SourceRange Range) {
  if (!hasLocation(SM, Range))
    return nullptr;
  return SM.getName(Range.getBegin().getBuffer()).str();
}

static nlohmann::json rangeToJson(const SourceManager &SM, SourceRange Range) {
  if (!hasLocation(SM, Range))
    return nullptr;
  SourceLocation End = Range.getEnd();
  if (End.getBuffer() != Range.getBegin().getBuffer() || End < Range.getBegin())
    End = Range.getBegin();
  nlohmann::json J = nlohmann::json::object();
  J["begin"] = locationToJson(SM, Range.getBegin());
  J["end"] = locationToJson(SM, End);
  return J;
}

nlohmann::json pathwayc::diagnosticsToJson(const SourceManager &SM,
                                           llvm::ArrayRef<Diagnostic> Diags) {
  nlohmann::json List = nlohmann::json::array();
  for (const Diagnostic &D : Diags) {
    nlohmann::json J = nlohmann::json::object();
    J["code"] = D.getCode().str();
    J["severity"] = getSeverityName(D.Level).str();
    J["message"] = D.Message;
    J["file"] = fileToJson(SM, D.Range);
    J["range"] = rangeToJson(SM, D.Range);

    nlohmann::json Notes = nlohmann::json::array();
    for (const DiagnosticNote &N : D.Notes) {
      nlohmann::json NJ = nlohmann::json::object();
      NJ["message"] = N.Message;
      NJ["file"] = fileToJson(SM, N.Range);
      NJ["range"] = rangeToJson(SM, N.Range);
      Notes.push_back(std::move(NJ));
    }
    J["notes"] = std::move(Notes);

    nlohmann::json FixIts = nlohmann::json::array();
    for (const FixIt &F : D.FixIts) {
      nlohmann::json FJ = nlohmann::json::object();
      FJ["range"] = rangeToJson(SM, F.Range);
      FJ["replacement"] = F.Replacement;
      FixIts.push_back(std::move(FJ));
    }
    J["fixits"] = std::move(FixIts);

    if (D.Witness) {
      nlohmann::json Inputs = nlohmann::json::array();
      for (const auto &[Name, Value] : D.Witness->Inputs)
        Inputs.push_back({{"input", Name}, {"value", Value}});
      J["witness"] = {{"vignette", D.Witness->Vignette},
                      {"inputs", std::move(Inputs)},
                      {"path", D.Witness->Path}};
    }
    List.push_back(std::move(J));
  }
  nlohmann::json Root = nlohmann::json::object();
  Root["version"] = 1;
  Root["diagnostics"] = std::move(List);
  return Root;
}

void pathwayc::renderDiagnosticsJson(llvm::raw_ostream &OS,
                                     const SourceManager &SM,
                                     llvm::ArrayRef<Diagnostic> Diags) {
  // Messages quote the author's text, which may not be valid UTF-8; replace
  // bad bytes instead of letting dump() throw.
  OS << diagnosticsToJson(SM, Diags).dump(
            2, ' ', /*ensure_ascii=*/false,
            nlohmann::json::error_handler_t::replace)
     << '\n';
}
