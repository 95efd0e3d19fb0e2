//===- SarifRenderer.cpp - SARIF 2.1.0 output of diagnostics --------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The log follows the OASIS SARIF 2.1.0 standard; section numbers in the
// comments (§3.11.5 and so on) are that document's.
//
//===----------------------------------------------------------------------===//

#include "diag/DiagnosticRenderer.h"

#include "diag/SourceManager.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <utility>

using namespace pathwayc;

namespace {

constexpr llvm::StringLiteral SarifSchemaUri =
    "https://json.schemastore.org/sarif-2.1.0.json";
constexpr llvm::StringLiteral SarifVersion = "2.1.0";
constexpr llvm::StringLiteral ToolName = "pathwayc";
/// The base that relative file names are resolved against: the root of the
/// sources, which the consumer knows (a CI checkout) and we do not record.
constexpr llvm::StringLiteral SourceRootBaseId = "%SRCROOT%";
/// Covered text longer than this stays out of region.snippet, so that a
/// diagnostic on a whole declaration does not copy it into the log.
constexpr size_t MaxSnippetBytes = 4096;
/// Text longer than this is not quoted in a fix's description.
constexpr size_t MaxQuotedBytes = 80;

/// A place in a buffer as SARIF counts it: 1-based line, 1-based column in
/// Unicode code points, and the byte offset where that column starts.
struct TextPosition {
  unsigned Line = 1;
  unsigned Column = 1;
  uint32_t Offset = 0;
};

/// A SARIF text region (§3.30): Begin is the first character, End the
/// position just past the last one; equal for an insertion point.
struct TextRegion {
  TextPosition Begin;
  TextPosition End;

  bool isEmpty() const { return Begin.Offset == End.Offset; }
};

} // namespace

//===----------------------------------------------------------------------===//
// Positions and regions
//===----------------------------------------------------------------------===//

/// The number of bytes of the character that starts at byte \p I of \p Text:
/// its UTF-8 length, or 1 for a byte that does not start a valid sequence
/// (which a decoder turns into one U+FFFD).
static size_t getCharLength(llvm::StringRef Text, size_t I) {
  unsigned char C = static_cast<unsigned char>(Text[I]);
  if (C < 0x80)
    return 1;
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.data() + I);
  const auto *End =
      reinterpret_cast<const llvm::UTF8 *>(Text.data() + Text.size());
  if (!llvm::isLegalUTF8Sequence(Begin, End))
    return 1;
  return llvm::getNumBytesForUTF8(C);
}

static bool isValidUTF8(llvm::StringRef Text) {
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.data());
  const auto *End =
      reinterpret_cast<const llvm::UTF8 *>(Text.data() + Text.size());
  return llvm::isLegalUTF8String(&Begin, End);
}

static bool hasLocation(const SourceManager &SM, SourceRange Range) {
  return Range.isValid() && Range.getBegin().getBuffer() <= SM.getNumBuffers();
}

/// Where \p Loc is, with columns counted in code points of its line. A
/// location inside a multi-byte character moves to that character's start,
/// or with \p RoundUp past its end; one inside the line terminator moves to
/// the end of the line.
static TextPosition getTextPosition(const SourceManager &SM, SourceLocation Loc,
                                    bool RoundUp) {
  BufferID Buffer = Loc.getBuffer();
  LineColumn LC = SM.getLineColumn(Loc);
  llvm::StringRef Line = SM.getLineText(Buffer, LC.Line);
  size_t Byte = std::min<size_t>(LC.Column - 1, Line.size());
  TextPosition Pos;
  Pos.Line = LC.Line;
  size_t I = 0;
  while (I < Byte) {
    size_t Length = getCharLength(Line, I);
    if (I + Length > Byte && !RoundUp)
      break;
    I += Length;
    ++Pos.Column;
  }
  Pos.Offset =
      SM.getLineStart(Buffer, LC.Line).getOffset() + static_cast<uint32_t>(I);
  return Pos;
}

/// The region that \p Range covers. An end before the beginning or in
/// another buffer is taken as the beginning. With \p WidenPoint, a point
/// covers the character at it, as the caret under it does; fix-its keep
/// their points, which are insertions.
static TextRegion getTextRegion(const SourceManager &SM, SourceRange Range,
                                bool WidenPoint) {
  SourceLocation BeginLoc = Range.getBegin();
  SourceLocation EndLoc = Range.getEnd();
  if (!EndLoc.isValid() || EndLoc.getBuffer() != BeginLoc.getBuffer() ||
      EndLoc < BeginLoc)
    EndLoc = BeginLoc;

  TextRegion Region;
  Region.Begin = getTextPosition(SM, BeginLoc, /*RoundUp=*/false);
  Region.End = EndLoc == BeginLoc
                   ? Region.Begin
                   : getTextPosition(SM, EndLoc, /*RoundUp=*/true);
  if (!WidenPoint || !Region.isEmpty())
    return Region;

  BufferID Buffer = BeginLoc.getBuffer();
  llvm::StringRef Line = SM.getLineText(Buffer, Region.Begin.Line);
  size_t Byte = Region.Begin.Offset -
                SM.getLineStart(Buffer, Region.Begin.Line).getOffset();
  if (Byte < Line.size()) {
    Region.End.Column = Region.Begin.Column + 1;
    Region.End.Offset =
        Region.Begin.Offset + static_cast<uint32_t>(getCharLength(Line, Byte));
  }
  return Region;
}

/// The bytes of the buffer that \p Region covers.
static llvm::StringRef getRegionText(const SourceManager &SM, BufferID Buffer,
                                     const TextRegion &Region) {
  return SM.getContents(Buffer).slice(Region.Begin.Offset, Region.End.Offset);
}

static nlohmann::json regionToSarif(const SourceManager &SM, BufferID Buffer,
                                    const TextRegion &Region,
                                    bool WithSnippet) {
  nlohmann::json J = nlohmann::json::object();
  J["startLine"] = Region.Begin.Line;
  J["startColumn"] = Region.Begin.Column;
  // Always explicit: an absent endColumn means the end of the line.
  J["endLine"] = Region.End.Line;
  J["endColumn"] = Region.End.Column;
  llvm::StringRef Text = getRegionText(SM, Buffer, Region);
  // The snippet must be exactly the region's text, so none rather than one
  // with replacement characters.
  if (WithSnippet && !Text.empty() && Text.size() <= MaxSnippetBytes &&
      isValidUTF8(Text))
    J["snippet"] = {{"text", Text.str()}};
  return J;
}

//===----------------------------------------------------------------------===//
// Artifact locations
//===----------------------------------------------------------------------===//

/// \p Path with every byte that may not appear as itself in a URI path
/// percent-encoded (RFC 3986): spaces, '%', '?', '#', '[', ']', '\', control
/// characters and all non-ASCII bytes among them. ':' is encoded unless
/// \p AllowColon, because in the first segment of a relative reference it
/// would read as a scheme.
static std::string percentEncodePath(llvm::StringRef Path, bool AllowColon) {
  static constexpr llvm::StringLiteral Allowed = "-._~!$&'()*+,;=@/";
  std::string Result;
  Result.reserve(Path.size());
  for (char C : Path) {
    if (llvm::isAlnum(C) || Allowed.contains(C) || (AllowColon && C == ':')) {
      Result += C;
      continue;
    }
    unsigned char Byte = static_cast<unsigned char>(C);
    Result += '%';
    Result += llvm::hexdigit(Byte >> 4);
    Result += llvm::hexdigit(Byte & 15);
  }
  return Result;
}

/// The artifactLocation (§3.4) of a buffer, by its name as given: an
/// absolute path becomes a file: URI, a relative one a relative reference
/// against %SRCROOT%.
static nlohmann::json artifactLocationToSarif(llvm::StringRef Name) {
  nlohmann::json J = nlohmann::json::object();
  if (Name.startswith("/")) {
    J["uri"] = "file://" + percentEncodePath(Name, /*AllowColon=*/true);
    return J;
  }
  J["uri"] = percentEncodePath(Name, /*AllowColon=*/false);
  J["uriBaseId"] = SourceRootBaseId.str();
  return J;
}

static nlohmann::json physicalLocationToSarif(const SourceManager &SM,
                                              SourceRange Range) {
  BufferID Buffer = Range.getBegin().getBuffer();
  TextRegion Region = getTextRegion(SM, Range, /*WidenPoint=*/true);
  nlohmann::json J = nlohmann::json::object();
  J["artifactLocation"] = artifactLocationToSarif(SM.getName(Buffer));
  J["region"] = regionToSarif(SM, Buffer, Region, /*WithSnippet=*/true);
  return J;
}

//===----------------------------------------------------------------------===//
// Messages and rules
//===----------------------------------------------------------------------===//

/// \p Text as a plain text message string. Braces are doubled, since a
/// consumer reads "{0}" as a placeholder (§3.11.5). Where the text contains
/// "](", and so could read as an embedded link "[text](id)" (§3.11.6), '[',
/// ']' and '\' are escaped with a backslash; elsewhere they stand as they are,
/// as the standard allows, since viewers that do not unescape them would
/// show the backslashes.
static std::string escapeMessageText(llvm::StringRef Text) {
  bool EscapeLinks = Text.contains("](");
  std::string Result;
  Result.reserve(Text.size());
  for (char C : Text) {
    if (C == '{' || C == '}')
      Result += C;
    else if (EscapeLinks && (C == '[' || C == ']' || C == '\\'))
      Result += '\\';
    Result += C;
  }
  return Result;
}

static nlohmann::json messageToSarif(llvm::StringRef Text) {
  return {{"text", escapeMessageText(Text)}};
}

static void describeTemplateInto(llvm::StringRef Format, std::string &Out);

/// Appends a readable form of the %select whose options start at \p Format
/// (just past "%select{"), and returns the length of the options, the closing
/// brace and the argument digit; or npos if the %select is malformed.
static size_t describeSelectInto(llvm::StringRef Format, std::string &Out) {
  llvm::SmallVector<llvm::StringRef, 4> Options;
  size_t OptionBegin = 0;
  unsigned Depth = 0;
  for (size_t I = 0, E = Format.size(); I != E; ++I) {
    char C = Format[I];
    if (C == '{') {
      ++Depth;
    } else if (C == '}' && Depth != 0) {
      --Depth;
    } else if (C == '|' && Depth == 0) {
      Options.push_back(Format.slice(OptionBegin, I));
      OptionBegin = I + 1;
    } else if (C == '}') {
      if (I + 1 == E || !llvm::isDigit(Format[I + 1]))
        return llvm::StringRef::npos;
      Options.push_back(Format.slice(OptionBegin, I));
      // A choice with an empty option is an optional part ("; did you mean
      // '%2'?"); a short description leaves it out. Otherwise the choices
      // are listed: "a/b/c".
      if (llvm::none_of(Options, [](llvm::StringRef O) { return O.empty(); })) {
        for (size_t K = 0; K != Options.size(); ++K) {
          if (K != 0)
            Out += '/';
          describeTemplateInto(Options[K], Out);
        }
      }
      return I + 2;
    }
  }
  return llvm::StringRef::npos;
}

/// Appends \p Format with each argument shown as "…" and each %select as its
/// choices.
static void describeTemplateInto(llvm::StringRef Format, std::string &Out) {
  static constexpr llvm::StringLiteral SelectPrefix = "%select{";
  size_t I = 0, E = Format.size();
  while (I != E) {
    char C = Format[I];
    if (C != '%' || I + 1 == E) {
      Out += C;
      ++I;
      continue;
    }
    char Next = Format[I + 1];
    if (Next == '%') {
      Out += '%';
      I += 2;
    } else if (llvm::isDigit(Next)) {
      Out += "\xE2\x80\xA6"; // U+2026 HORIZONTAL ELLIPSIS
      I += 2;
    } else if (Format.substr(I).startswith(SelectPrefix)) {
      size_t Length =
          describeSelectInto(Format.substr(I + SelectPrefix.size()), Out);
      if (Length == llvm::StringRef::npos) {
        Out += Format.substr(I).str();
        return;
      }
      I += SelectPrefix.size() + Length;
    } else {
      Out += C;
      ++I;
    }
  }
}

static llvm::StringRef getLevelName(Severity Level) {
  switch (Level) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

/// "err_undefined_name" -> "ErrUndefinedName".
static std::string toUpperCamel(llvm::StringRef Name) {
  std::string Result;
  bool StartOfWord = true;
  for (char C : Name) {
    if (C == '_') {
      StartOfWord = true;
      continue;
    }
    Result += StartOfWord ? llvm::toUpper(C) : C;
    StartOfWord = false;
  }
  return Result;
}

/// The rule's one-line description: its message template with the arguments
/// left out. A template that is all argument (err_syntax is "%0") is named
/// by its ID and severity instead: "syntax error".
static std::string describeRule(const DiagnosticInfo &Info) {
  std::string Text;
  describeTemplateInto(Info.Format, Text);
  if (llvm::any_of(Text, [](char C) { return llvm::isAlpha(C); }))
    return Text;
  llvm::StringRef Name = Info.Name;
  for (llvm::StringRef Prefix : {"err_", "warn_", "note_"})
    if (Name.consume_front(Prefix))
      break;
  std::string Words = Name.str();
  std::replace(Words.begin(), Words.end(), '_', ' ');
  return Words + " " + getLevelName(Info.DefaultSeverity).str();
}

static nlohmann::json ruleToSarif(const DiagnosticInfo &Info) {
  nlohmann::json J = nlohmann::json::object();
  J["id"] = Info.Code.str();
  J["name"] = toUpperCamel(Info.Name);
  J["shortDescription"] = messageToSarif(describeRule(Info));
  J["defaultConfiguration"] = {
      {"level", getLevelName(Info.DefaultSeverity).str()}};
  return J;
}

//===----------------------------------------------------------------------===//
// Fixes
//===----------------------------------------------------------------------===//

/// "'text'" if \p Text is short and on one line, \p Otherwise if not.
static std::string quoteOr(llvm::StringRef Text, llvm::StringRef Otherwise) {
  if (Text.size() > MaxQuotedBytes || !isValidUTF8(Text) ||
      llvm::any_of(Text, [](char C) { return C == '\n' || C == '\r'; }))
    return Otherwise.str();
  return "'" + Text.str() + "'";
}

static std::string describeFixIt(llvm::StringRef Deleted,
                                 llvm::StringRef Inserted) {
  if (Deleted.empty())
    return "insert " + quoteOr(Inserted, "the suggested text");
  if (Inserted.empty())
    return "remove " + quoteOr(Deleted, "the marked text");
  return "replace " + quoteOr(Deleted, "the marked text") + " with " +
         quoteOr(Inserted, "the suggested text");
}

/// All fix-its of a diagnostic as one fix (§3.55): they are applied
/// together, as clang's are, while the fixes of a result are alternatives.
static std::optional<nlohmann::json> fixToSarif(const SourceManager &SM,
                                                llvm::ArrayRef<FixIt> FixIts) {
  // Changes by buffer, in the order the buffers first appear.
  std::vector<std::pair<BufferID, nlohmann::json>> Changes;
  llvm::SmallVector<std::string, 2> Descriptions;
  for (const FixIt &F : FixIts) {
    if (!hasLocation(SM, F.Range))
      continue;
    BufferID Buffer = F.Range.getBegin().getBuffer();
    TextRegion Region = getTextRegion(SM, F.Range, /*WidenPoint=*/false);
    llvm::StringRef Deleted = getRegionText(SM, Buffer, Region);
    if (Deleted.empty() && F.Replacement.empty())
      continue;

    nlohmann::json Replacement = nlohmann::json::object();
    Replacement["deletedRegion"] =
        regionToSarif(SM, Buffer, Region, /*WithSnippet=*/false);
    // Without insertedContent the region is only deleted.
    if (!F.Replacement.empty())
      Replacement["insertedContent"] = {{"text", F.Replacement}};

    auto It = llvm::find_if(
        Changes, [&](const auto &Change) { return Change.first == Buffer; });
    if (It == Changes.end()) {
      nlohmann::json Change = nlohmann::json::object();
      Change["artifactLocation"] = artifactLocationToSarif(SM.getName(Buffer));
      Change["replacements"] = nlohmann::json::array();
      Changes.emplace_back(Buffer, std::move(Change));
      It = std::prev(Changes.end());
    }
    It->second["replacements"].push_back(std::move(Replacement));
    Descriptions.push_back(describeFixIt(Deleted, F.Replacement));
  }
  if (Changes.empty())
    return std::nullopt;

  nlohmann::json Fix = nlohmann::json::object();
  Fix["description"] = messageToSarif(llvm::join(Descriptions, "; "));
  Fix["artifactChanges"] = nlohmann::json::array();
  for (auto &Change : Changes)
    Fix["artifactChanges"].push_back(std::move(Change.second));
  return Fix;
}

//===----------------------------------------------------------------------===//
// The log
//===----------------------------------------------------------------------===//

static nlohmann::json witnessToSarif(const CaseWitness &Witness) {
  nlohmann::json Inputs = nlohmann::json::array();
  for (const auto &[Name, Value] : Witness.Inputs)
    Inputs.push_back({{"input", Name}, {"value", Value}});
  return {{"vignette", Witness.Vignette},
          {"inputs", std::move(Inputs)},
          {"path", Witness.Path}};
}

nlohmann::json pathwayc::diagnosticsToSarif(const SourceManager &SM,
                                            llvm::ArrayRef<Diagnostic> Diags,
                                            const SarifToolInfo &Tool) {
  // One rule per code that occurs, sorted by code; notes have none.
  std::map<std::string, diag::ID> RuleIDs;
  for (const Diagnostic &D : Diags)
    if (!D.getCode().empty())
      RuleIDs.emplace(D.getCode().str(), D.ID);
  nlohmann::json Rules = nlohmann::json::array();
  std::map<std::string, unsigned> RuleIndex;
  for (const auto &[Code, ID] : RuleIDs) {
    RuleIndex[Code] = static_cast<unsigned>(Rules.size());
    Rules.push_back(ruleToSarif(getDiagnosticInfo(ID)));
  }

  nlohmann::json Results = nlohmann::json::array();
  for (const Diagnostic &D : Diags) {
    nlohmann::json R = nlohmann::json::object();
    std::string Code = D.getCode().str();
    if (!Code.empty()) {
      R["ruleId"] = Code;
      R["ruleIndex"] = RuleIndex[Code];
    }
    R["level"] = getLevelName(D.Level).str();
    R["message"] = messageToSarif(D.Message);
    if (hasLocation(SM, D.Range))
      R["locations"] = {
          {{"physicalLocation", physicalLocationToSarif(SM, D.Range)}}};

    if (!D.Notes.empty()) {
      nlohmann::json Related = nlohmann::json::array();
      for (size_t I = 0, E = D.Notes.size(); I != E; ++I) {
        const DiagnosticNote &N = D.Notes[I];
        nlohmann::json L = nlohmann::json::object();
        // Ids keep notes with the same text and place distinct, as
        // relatedLocations must be (uniqueItems).
        L["id"] = I;
        L["message"] = messageToSarif(N.Message);
        if (hasLocation(SM, N.Range))
          L["physicalLocation"] = physicalLocationToSarif(SM, N.Range);
        Related.push_back(std::move(L));
      }
      R["relatedLocations"] = std::move(Related);
    }

    if (std::optional<nlohmann::json> Fix = fixToSarif(SM, D.FixIts))
      R["fixes"] = nlohmann::json::array({std::move(*Fix)});

    if (D.Witness)
      R["properties"] = {{"witness", witnessToSarif(*D.Witness)}};
    Results.push_back(std::move(R));
  }

  nlohmann::json Driver = nlohmann::json::object();
  Driver["name"] = ToolName.str();
  if (!Tool.Version.empty())
    Driver["version"] = Tool.Version;
  Driver["rules"] = std::move(Rules);

  nlohmann::json Run = nlohmann::json::object();
  Run["tool"] = {{"driver", std::move(Driver)}};
  Run["columnKind"] = "unicodeCodePoints";
  Run["results"] = std::move(Results);

  nlohmann::json Log = nlohmann::json::object();
  Log["$schema"] = SarifSchemaUri.str();
  Log["version"] = SarifVersion.str();
  Log["runs"] = nlohmann::json::array({std::move(Run)});
  return Log;
}

void pathwayc::renderDiagnosticsSarif(llvm::raw_ostream &OS,
                                      const SourceManager &SM,
                                      llvm::ArrayRef<Diagnostic> Diags,
                                      const SarifToolInfo &Tool) {
  nlohmann::json Log = diagnosticsToSarif(SM, Diags, Tool);
  // "version" SHOULD come first (§3.13.2); everything below keeps the sorted
  // order of nlohmann::json, so the output is the same byte for byte.
  nlohmann::ordered_json Ordered = nlohmann::ordered_json::object();
  Ordered["version"] = nlohmann::ordered_json(Log["version"]);
  for (const auto &[Key, Value] : Log.items())
    if (Key != "version")
      Ordered[Key] = nlohmann::ordered_json(Value);
  // Messages quote the author's text, which may not be valid UTF-8; replace
  // bad bytes instead of letting dump() throw.
  OS << Ordered.dump(2, ' ', /*ensure_ascii=*/false,
                     nlohmann::ordered_json::error_handler_t::replace)
     << '\n';
}
