//===- SarifTest.cpp - SARIF 2.1.0 output of diagnostics ------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace pathwayc;

namespace {

const SarifToolInfo Tool{"0.1.0"};

/// The range of the first \p Needle in \p Buffer.
SourceRange rangeOf(const SourceManager &SM, BufferID Buffer,
                    llvm::StringRef Needle) {
  llvm::StringRef Contents = SM.getContents(Buffer);
  size_t Pos = Contents.find(Needle);
  // Not EXPECT_NE: binding LLVM 14's StringRef::npos to a reference clashes
  // with its definition in libLLVMSupport.a.
  EXPECT_TRUE(Pos != llvm::StringRef::npos)
      << "'" << Needle.str() << "' not found";
  if (Pos == llvm::StringRef::npos)
    return SourceRange();
  return SourceRange(SourceLocation(Buffer, uint32_t(Pos)),
                     SourceLocation(Buffer, uint32_t(Pos + Needle.size())));
}

SourceLocation pointAt(const SourceManager &SM, BufferID Buffer,
                       llvm::StringRef Needle) {
  return rangeOf(SM, Buffer, Needle).getBegin();
}

std::string render(const SourceManager &SM, llvm::ArrayRef<Diagnostic> Diags) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderDiagnosticsSarif(OS, SM, Diags, Tool);
  OS.flush();
  return Out;
}

/// Characters that may appear in a URI reference as themselves (RFC 3986:
/// unreserved, reserved and '%' of a percent-encoding).
bool isURIReference(llvm::StringRef URI) {
  static constexpr llvm::StringLiteral Allowed = "-._~:/?#[]@!$&'()*+,;=%";
  for (size_t I = 0; I != URI.size(); ++I) {
    char C = URI[I];
    if (!llvm::isAlnum(C) && !Allowed.contains(C))
      return false;
    if (C == '%' && (I + 2 >= URI.size() || !llvm::isHexDigit(URI[I + 1]) ||
                     !llvm::isHexDigit(URI[I + 2])))
      return false;
  }
  return true;
}

void expectValidMessage(const nlohmann::json &Message, const std::string &At) {
  ASSERT_TRUE(Message.is_object()) << At;
  ASSERT_TRUE(Message.contains("text")) << At;
  EXPECT_TRUE(Message["text"].is_string()) << At;
}

void expectValidRegion(const nlohmann::json &Region, const std::string &At) {
  ASSERT_TRUE(Region.is_object()) << At;
  for (const char *Key : {"startLine", "startColumn", "endLine", "endColumn"}) {
    ASSERT_TRUE(Region.contains(Key)) << At << ": no " << Key;
    ASSERT_TRUE(Region[Key].is_number_unsigned()) << At << ": " << Key;
    EXPECT_GE(Region[Key].get<unsigned>(), 1u) << At << ": " << Key;
  }
  unsigned StartLine = Region["startLine"], EndLine = Region["endLine"];
  EXPECT_LE(StartLine, EndLine) << At;
  if (StartLine == EndLine) {
    EXPECT_LE(Region["startColumn"].get<unsigned>(),
              Region["endColumn"].get<unsigned>())
        << At;
  }
}

void expectValidArtifactLocation(const nlohmann::json &Artifact,
                                 const std::string &At) {
  ASSERT_TRUE(Artifact.contains("uri")) << At;
  std::string URI = Artifact["uri"];
  EXPECT_TRUE(isURIReference(URI)) << At << ": " << URI;
  // A base only for relative references (file: URIs are absolute).
  EXPECT_EQ(Artifact.contains("uriBaseId"),
            !llvm::StringRef(URI).startswith("file:"))
      << At << ": " << URI;
}

void expectValidPhysicalLocation(const nlohmann::json &Physical,
                                 const std::string &At) {
  ASSERT_TRUE(Physical.contains("artifactLocation")) << At;
  expectValidArtifactLocation(Physical["artifactLocation"], At);
  ASSERT_TRUE(Physical.contains("region")) << At;
  expectValidRegion(Physical["region"], At + ".region");
}

/// The rules of SARIF 2.1.0 that a log like ours can break, checked by hand:
/// required properties, value sets, index bounds and uniqueness.
void expectValidSarif(const nlohmann::json &Log) {
  ASSERT_TRUE(Log.is_object());
  EXPECT_EQ(Log.value("version", ""), "2.1.0");
  EXPECT_EQ(Log.value("$schema", ""),
            "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_TRUE(Log.contains("runs") && Log["runs"].is_array());
  for (const nlohmann::json &Run : Log["runs"]) {
    ASSERT_TRUE(Run.contains("tool"));
    const nlohmann::json &Driver = Run["tool"]["driver"];
    ASSERT_TRUE(Driver.is_object());
    ASSERT_TRUE(Driver.contains("name") && Driver["name"].is_string());
    EXPECT_FALSE(Driver.contains("informationUri"));
    const nlohmann::json &Rules =
        Driver.value("rules", nlohmann::json::array());
    std::set<std::string> RuleIDs;
    for (const nlohmann::json &Rule : Rules) {
      ASSERT_TRUE(Rule.contains("id") && Rule["id"].is_string());
      EXPECT_TRUE(RuleIDs.insert(Rule["id"]).second) << Rule["id"];
      EXPECT_TRUE(Rule["shortDescription"]["text"].is_string());
      std::string Level = Rule["defaultConfiguration"]["level"];
      EXPECT_TRUE(Level == "error" || Level == "warning") << Level;
    }
    ASSERT_TRUE(Run.contains("results") && Run["results"].is_array());
    for (size_t I = 0; I != Run["results"].size(); ++I) {
      const nlohmann::json &Result = Run["results"][I];
      std::string At = "results[" + std::to_string(I) + "]";
      expectValidMessage(Result["message"], At + ".message");
      std::string Level = Result.value("level", "");
      EXPECT_TRUE(Level == "error" || Level == "warning" || Level == "note")
          << At << ": " << Level;
      if (Result.contains("ruleIndex")) {
        ASSERT_TRUE(Result.contains("ruleId")) << At;
        size_t Index = Result["ruleIndex"];
        ASSERT_LT(Index, Rules.size()) << At;
        EXPECT_EQ(Rules[Index]["id"], Result["ruleId"]) << At;
      }
      if (Result.contains("locations")) {
        ASSERT_EQ(Result["locations"].size(), 1u) << At;
        expectValidPhysicalLocation(Result["locations"][0]["physicalLocation"],
                                    At + ".locations[0]");
      }
      std::set<unsigned> Ids;
      for (const nlohmann::json &Related :
           Result.value("relatedLocations", nlohmann::json::array())) {
        ASSERT_TRUE(Related.contains("id")) << At;
        EXPECT_TRUE(Ids.insert(Related["id"].get<unsigned>()).second) << At;
        expectValidMessage(Related["message"], At + ".relatedLocations");
        if (Related.contains("physicalLocation"))
          expectValidPhysicalLocation(Related["physicalLocation"],
                                      At + ".relatedLocations");
      }
      for (const nlohmann::json &Fix :
           Result.value("fixes", nlohmann::json::array())) {
        ASSERT_FALSE(Fix["artifactChanges"].empty()) << At;
        for (const nlohmann::json &Change : Fix["artifactChanges"]) {
          expectValidArtifactLocation(Change["artifactLocation"], At + ".fix");
          ASSERT_FALSE(Change["replacements"].empty()) << At;
          for (const nlohmann::json &Replacement : Change["replacements"])
            expectValidRegion(Replacement["deletedRegion"], At + ".fix");
        }
      }
    }
  }
}

nlohmann::json toSarif(const SourceManager &SM,
                       llvm::ArrayRef<Diagnostic> Diags) {
  nlohmann::json Log = diagnosticsToSarif(SM, Diags, Tool);
  expectValidSarif(Log);
  return Log;
}

const nlohmann::json &firstResult(const nlohmann::json &Log) {
  return Log["runs"][0]["results"][0];
}

const nlohmann::json &regionOf(const nlohmann::json &Result) {
  return Result["locations"][0]["physicalLocation"]["region"];
}

nlohmann::json region(unsigned StartLine, unsigned StartColumn,
                      unsigned EndLine, unsigned EndColumn) {
  return {{"startLine", StartLine},
          {"startColumn", StartColumn},
          {"endLine", EndLine},
          {"endColumn", EndColumn}};
}

} // namespace

TEST(SarifTest, LogHasOneRunOfPathwayc) {
  SourceManager SM;
  BufferID B = SM.addBuffer("a.pathway", "pathway a {}\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "a {"), diag::err_syntax) << "oops";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());

  EXPECT_EQ(Log["version"], "2.1.0");
  EXPECT_EQ(Log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(Log["runs"].size(), 1u);
  const nlohmann::json &Run = Log["runs"][0];
  EXPECT_EQ(Run["tool"]["driver"]["name"], "pathwayc");
  EXPECT_EQ(Run["tool"]["driver"]["version"], "0.1.0");
  EXPECT_EQ(Run["columnKind"], "unicodeCodePoints");
  // Nothing that would tie the log to the machine that wrote it.
  EXPECT_FALSE(Run.contains("originalUriBaseIds"));
  EXPECT_FALSE(Run.contains("artifacts"));
  EXPECT_FALSE(Run.contains("invocations"));
  ASSERT_EQ(Run["results"].size(), 1u);
}

TEST(SarifTest, EmptyRunStillHasResults) {
  // An empty results array says "ran and found nothing" (§3.14.23).
  SourceManager SM;
  nlohmann::json Log = toSarif(SM, {});
  EXPECT_EQ(Log["runs"][0]["results"], nlohmann::json::array());
  EXPECT_EQ(Log["runs"][0]["tool"]["driver"]["rules"], nlohmann::json::array());
}

TEST(SarifTest, NoVersionNoDriverVersion) {
  SourceManager SM;
  nlohmann::json Log = diagnosticsToSarif(SM, {}, SarifToolInfo{});
  EXPECT_FALSE(Log["runs"][0]["tool"]["driver"].contains("version"));
}

TEST(SarifTest, RulesAreSortedDeduplicatedAndIndexed) {
  SourceManager SM;
  BufferID B = SM.addBuffer("r.pathway", "a b c d\n");
  DiagnosticsEngine Diags(SM);
  // Reported out of code order, one code twice.
  Diags.report(pointAt(SM, B, "a"), diag::warn_unused_declaration) << 1 << "a";
  Diags.report(pointAt(SM, B, "b"), diag::err_redefinition) << "b";
  Diags.report(pointAt(SM, B, "c"), diag::err_syntax) << "c";
  Diags.report(pointAt(SM, B, "d"), diag::err_redefinition) << "d";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());

  const nlohmann::json &Rules = Log["runs"][0]["tool"]["driver"]["rules"];
  std::vector<std::string> IDs;
  for (const nlohmann::json &Rule : Rules)
    IDs.push_back(Rule["id"]);
  std::vector<std::string> Expected = {
      getDiagnosticInfo(diag::err_syntax).Code.str(),
      getDiagnosticInfo(diag::err_redefinition).Code.str(),
      getDiagnosticInfo(diag::warn_unused_declaration).Code.str()};
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(IDs, Expected);

  // Results keep the given order, each pointing at its own rule.
  const nlohmann::json &Results = Log["runs"][0]["results"];
  ASSERT_EQ(Results.size(), 4u);
  const diag::ID Order[] = {diag::warn_unused_declaration,
                            diag::err_redefinition, diag::err_syntax,
                            diag::err_redefinition};
  for (size_t I = 0; I != 4; ++I) {
    std::string Code = getDiagnosticInfo(Order[I]).Code.str();
    EXPECT_EQ(Results[I]["ruleId"], Code);
    EXPECT_EQ(Rules[Results[I]["ruleIndex"].get<size_t>()]["id"], Code);
  }
  EXPECT_EQ(Results[1]["ruleIndex"], Results[3]["ruleIndex"]);
}

TEST(SarifTest, RuleDescribesItsDiagnostic) {
  SourceManager SM;
  BufferID B = SM.addBuffer("r.pathway", "releif\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "releif"), diag::err_undefined_name)
      << 1 << "releif"
      << "relief" << 1;
  Diags.report(rangeOf(SM, B, "releif"), diag::err_syntax) << "stray";
  Diags.report(rangeOf(SM, B, "releif"), diag::warn_unused_declaration)
      << 1 << "releif";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Rules = Log["runs"][0]["tool"]["driver"]["rules"];

  auto RuleFor = [&](diag::ID ID) {
    for (const nlohmann::json &Rule : Rules)
      if (Rule["id"] == getDiagnosticInfo(ID).Code.str())
        return Rule;
    ADD_FAILURE() << "no rule for " << getDiagnosticInfo(ID).Name.str();
    return nlohmann::json();
  };
  nlohmann::json Undefined = RuleFor(diag::err_undefined_name);
  EXPECT_EQ(Undefined["name"], "ErrUndefinedName");
  EXPECT_EQ(Undefined["defaultConfiguration"]["level"], "error");
  // Arguments as "…", choices as "a/b", the optional "did you mean" left out.
  EXPECT_EQ(Undefined["shortDescription"]["text"],
            "unknown input or exam/input/diagnosis/procedure/source/step or "
            "outcome '\xE2\x80\xA6'");

  nlohmann::json Unused = RuleFor(diag::warn_unused_declaration);
  EXPECT_EQ(Unused["name"], "WarnUnusedDeclaration");
  EXPECT_EQ(Unused["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(Unused["shortDescription"]["text"],
            "source/input/red flag/diagnosis/exam/procedure/step/outcome "
            "'\xE2\x80\xA6' is never used");

  // A template that is nothing but its argument is named instead.
  EXPECT_EQ(RuleFor(diag::err_syntax)["shortDescription"]["text"],
            "syntax error");
}

TEST(SarifTest, EveryTableEntryMakesARule) {
  // One result per code in the table: every template must turn into a
  // description with no directive left in it.
  SourceManager SM;
  std::vector<Diagnostic> Diags;
  for (unsigned I = 0; I != diag::NumDiagnostics; ++I) {
    const DiagnosticInfo &Info = getDiagnosticInfo(static_cast<diag::ID>(I));
    if (Info.DefaultSeverity == Severity::Note)
      continue;
    Diagnostic D;
    D.ID = Info.ID;
    D.Level = Info.DefaultSeverity;
    D.Message = "message";
    Diags.push_back(D);
  }
  nlohmann::json Log = toSarif(SM, Diags);
  const nlohmann::json &Rules = Log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), Diags.size());
  for (const nlohmann::json &Rule : Rules) {
    std::string Name = Rule["name"], Text = Rule["shortDescription"]["text"];
    EXPECT_EQ(Name.find('_'), std::string::npos) << Name;
    EXPECT_TRUE(Name[0] >= 'A' && Name[0] <= 'Z') << Name;
    EXPECT_EQ(Text.find('%'), std::string::npos) << Name << ": " << Text;
    EXPECT_EQ(Text.find('|'), std::string::npos) << Name << ": " << Text;
    EXPECT_FALSE(Text.empty()) << Name;
  }
}

TEST(SarifTest, LevelIsTheDiagnosticsOwn) {
  SourceManager SM;
  BufferID B = SM.addBuffer("l.pathway", "a b\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(pointAt(SM, B, "a"), diag::warn_unused_declaration) << 1 << "a";
  Diags.setWarningsAsErrors(true);
  Diags.report(pointAt(SM, B, "b"), diag::warn_unused_declaration) << 1 << "b";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Results = Log["runs"][0]["results"];
  EXPECT_EQ(Results[0]["level"], "warning");
  // Promoted by --warnings-as-errors; the rule keeps its default.
  EXPECT_EQ(Results[1]["level"], "error");
  EXPECT_EQ(Log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]
               ["level"],
            "warning");
}

TEST(SarifTest, ColumnsCountCodePoints) {
  SourceManager SM;
  // U+1F9B4 BONE is four bytes in UTF-8, two code units in UTF-16 and one
  // code point; "ü" and "≥" are two and three bytes.
  BufferID B =
      SM.addBuffer("c.pathway", "pathway p {\n"
                                "  \xF0\x9F\xA6\xB4 Hüft ≥ 75 percent\n"
                                "}\n");
  DiagnosticsEngine Diags(SM);
  SourceRange Range = rangeOf(SM, B, "≥ 75");
  Diags.report(Range, diag::err_syntax) << "here";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());

  // Bytes would say column 14, UTF-16 code units 11.
  ASSERT_EQ(SM.getLineColumn(Range.getBegin()).Column, 14u);
  nlohmann::json Expected = region(2, 10, 2, 14);
  Expected["snippet"] = {{"text", "≥ 75"}};
  EXPECT_EQ(regionOf(firstResult(Log)), Expected);
}

TEST(SarifTest, PointCoversItsCharacter) {
  SourceManager SM;
  BufferID B = SM.addBuffer("p.pathway", "Hüft\r\nend");
  DiagnosticsEngine Diags(SM);
  Diags.report(pointAt(SM, B, "ü"), diag::err_syntax) << "umlaut";
  // At the "\r" of "\r\n": the end of the line, with nothing to cover.
  Diags.report(pointAt(SM, B, "\r"), diag::err_syntax) << "end of line";
  // At the end of the buffer, past the last character.
  Diags.report(SourceLocation(B, 10), diag::err_syntax) << "end of file";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Results = Log["runs"][0]["results"];

  nlohmann::json Umlaut = region(1, 2, 1, 3);
  Umlaut["snippet"] = {{"text", "ü"}};
  EXPECT_EQ(regionOf(Results[0]), Umlaut);
  EXPECT_EQ(regionOf(Results[1]), region(1, 5, 1, 5));
  EXPECT_EQ(regionOf(Results[2]), region(2, 4, 2, 4));
}

TEST(SarifTest, RangeOverSeveralLines) {
  SourceManager SM;
  BufferID B = SM.addBuffer("m.pathway", "step a {\n  ü\n}\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "a {\n  ü\n}"), diag::err_syntax) << "step";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  nlohmann::json Expected = region(1, 6, 3, 2);
  Expected["snippet"] = {{"text", "a {\n  ü\n}"}};
  EXPECT_EQ(regionOf(firstResult(Log)), Expected);
}

TEST(SarifTest, SnippetOnlyForValidUTF8) {
  SourceManager SM;
  BufferID B = SM.addBuffer("u.pathway", "a \xFF b\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "\xFF"), diag::err_invalid_utf8) << "FF";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  // The bad byte is one character, and no snippet could say what it is.
  EXPECT_EQ(regionOf(firstResult(Log)), region(1, 3, 1, 4));
}

TEST(SarifTest, NotesAreRelatedLocations) {
  SourceManager SM;
  BufferID B = SM.addBuffer("n.pathway", "input x\ninput x\ninput x\n");
  DiagnosticsEngine Diags(SM);
  SourceRange First = rangeOf(SM, B, "x");
  SourceRange Third(SourceLocation(B, 22), SourceLocation(B, 23));
  Diags.report(Third, diag::err_redefinition) << "x";
  Diags.report(First, diag::note_previous_definition) << "x";
  // The same note twice stays two related locations.
  Diags.report(First, diag::note_previous_definition) << "x";
  Diags.report(SourceRange(), diag::note_declared_here) << "x";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Result = firstResult(Log);

  EXPECT_EQ(regionOf(Result)["startLine"], 3);
  const nlohmann::json &Related = Result["relatedLocations"];
  ASSERT_EQ(Related.size(), 3u);
  std::string Previous =
      Diags.getDiagnostics()[0].Notes[0].Message; // "previous definition ..."
  for (unsigned I = 0; I != 2; ++I) {
    EXPECT_EQ(Related[I]["id"], I);
    EXPECT_EQ(Related[I]["message"]["text"], Previous);
    const nlohmann::json &Physical = Related[I]["physicalLocation"];
    EXPECT_EQ(Physical["artifactLocation"]["uri"], "n.pathway");
    nlohmann::json Expected = region(1, 7, 1, 8);
    Expected["snippet"] = {{"text", "x"}};
    EXPECT_EQ(Physical["region"], Expected);
  }
  EXPECT_EQ(Related[2]["id"], 2);
  EXPECT_FALSE(Related[2].contains("physicalLocation"));
  EXPECT_FALSE(Log["runs"][0]["results"][0].contains("fixes"));
}

TEST(SarifTest, FixItsAreOneFix) {
  SourceManager SM;
  BufferID B = SM.addBuffer("f.pathway", "releif >= 75 percent;\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "releif"), diag::err_undefined_name)
      << 1 << "releif"
      << "relief" << 1;
  std::vector<Diagnostic> D = Diags.getDiagnostics();
  D[0].FixIts.push_back({rangeOf(SM, B, "releif"), "relief"});
  D[0].FixIts.push_back({SourceRange(pointAt(SM, B, " percent")), " {x}"});
  D[0].FixIts.push_back({rangeOf(SM, B, ";"), ""});
  nlohmann::json Log = toSarif(SM, D);

  ASSERT_EQ(firstResult(Log)["fixes"].size(), 1u);
  const nlohmann::json &Fix = firstResult(Log)["fixes"][0];
  // Braces are doubled in messages (§3.11.5), not in inserted content.
  EXPECT_EQ(Fix["description"]["text"],
            "replace 'releif' with 'relief'; insert ' {{x}}'; remove ';'");
  ASSERT_EQ(Fix["artifactChanges"].size(), 1u);
  const nlohmann::json &Change = Fix["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"],
            nlohmann::json({{"uri", "f.pathway"}, {"uriBaseId", "%SRCROOT%"}}));
  nlohmann::json Expected =
      nlohmann::json::array({{{"deletedRegion", region(1, 1, 1, 7)},
                              {"insertedContent", {{"text", "relief"}}}},
                             // An insertion deletes an empty region.
                             {{"deletedRegion", region(1, 13, 1, 13)},
                              {"insertedContent", {{"text", " {x}"}}}},
                             // A deletion inserts nothing.
                             {{"deletedRegion", region(1, 21, 1, 22)}}});
  EXPECT_EQ(Change["replacements"], Expected) << Change.dump(2);
}

TEST(SarifTest, FixItsWithoutLocationsMakeNoFix) {
  SourceManager SM;
  BufferID B = SM.addBuffer("f.pathway", "x\n");
  std::vector<Diagnostic> D(1);
  D[0].ID = diag::err_syntax;
  D[0].Level = Severity::Error;
  D[0].Range = rangeOf(SM, B, "x");
  D[0].Message = "m";
  D[0].FixIts.push_back({SourceRange(), "y"});
  D[0].FixIts.push_back({SourceRange(pointAt(SM, B, "x")), ""});
  nlohmann::json Log = toSarif(SM, D);
  EXPECT_FALSE(firstResult(Log).contains("fixes"));
}

TEST(SarifTest, WitnessIsAProperty) {
  SourceManager SM;
  BufferID B = SM.addBuffer("w.pathway", "branch {}\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "branch"), diag::err_empty_branch)
      .setWitness(CaseWitness{"pain = 80 reaches no arm",
                              {{"pain", "80"}, {"flag", "true"}},
                              {"start", "branch:s"}});
  Diags.report(rangeOf(SM, B, "{}"), diag::err_empty_branch);
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Results = Log["runs"][0]["results"];

  nlohmann::json Expected = {{"vignette", "pain = 80 reaches no arm"},
                             {"inputs",
                              {{{"input", "pain"}, {"value", "80"}},
                               {{"input", "flag"}, {"value", "true"}}}},
                             {"path", {"start", "branch:s"}}};
  EXPECT_EQ(Results[0]["properties"]["witness"], Expected);
  // Path nodes have no source locations, so there is no codeFlow.
  EXPECT_FALSE(Results[0].contains("codeFlows"));
  EXPECT_FALSE(Results[1].contains("properties"));
}

TEST(SarifTest, DiagnosticWithoutLocationHasNoLocations) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.report(SourceRange(), diag::err_file_not_found) << "missing.pathway";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Result = firstResult(Log);
  EXPECT_FALSE(Result.contains("locations"));
  EXPECT_EQ(Result["message"]["text"], Diags.getDiagnostics()[0].Message);
  EXPECT_EQ(Result["ruleId"],
            getDiagnosticInfo(diag::err_file_not_found).Code.str());
}

TEST(SarifTest, OrphanNoteHasNoRule) {
  // Release builds keep a note that follows nothing as a diagnostic of its
  // own; it has no code, so no rule.
  SourceManager SM;
  std::vector<Diagnostic> D(1);
  D[0].ID = diag::note_declared_here;
  D[0].Level = Severity::Note;
  D[0].Message = "'x' is declared here";
  nlohmann::json Log = toSarif(SM, D);
  EXPECT_EQ(firstResult(Log)["level"], "note");
  EXPECT_FALSE(firstResult(Log).contains("ruleId"));
  EXPECT_FALSE(firstResult(Log).contains("ruleIndex"));
  EXPECT_EQ(Log["runs"][0]["tool"]["driver"]["rules"], nlohmann::json::array());
}

TEST(SarifTest, FileNamesAreURIReferences) {
  SourceManager SM;
  BufferID Plain = SM.addBuffer("guidelines/acr hip.pathway", "x\n");
  BufferID Odd = SM.addBuffer("d:ir/Hüft 100%#[1].pathway", "x\n");
  BufferID Absolute = SM.addBuffer("/srv/ci/a b/x:y.pathway", "x\n");
  DiagnosticsEngine Diags(SM);
  for (BufferID B : {Plain, Odd, Absolute})
    Diags.report(pointAt(SM, B, "x"), diag::err_syntax) << "x";
  nlohmann::json Log = toSarif(SM, Diags.getDiagnostics());
  const nlohmann::json &Results = Log["runs"][0]["results"];
  auto ArtifactOf = [&](size_t I) {
    return Results[I]["locations"][0]["physicalLocation"]["artifactLocation"];
  };

  EXPECT_EQ(ArtifactOf(0),
            nlohmann::json({{"uri", "guidelines/acr%20hip.pathway"},
                            {"uriBaseId", "%SRCROOT%"}}));
  // ':' in a relative reference would read as a scheme; UTF-8 is encoded
  // byte by byte.
  EXPECT_EQ(
      ArtifactOf(1),
      nlohmann::json({{"uri", "d%3Air/H%C3%BCft%20100%25%23%5B1%5D.pathway"},
                      {"uriBaseId", "%SRCROOT%"}}));
  EXPECT_EQ(ArtifactOf(2),
            nlohmann::json({{"uri", "file:///srv/ci/a%20b/x:y.pathway"}}));
}

TEST(SarifTest, MessageTextIsEscaped) {
  SourceManager SM;
  std::vector<Diagnostic> D(3);
  for (Diagnostic &Each : D) {
    Each.ID = diag::err_syntax;
    Each.Level = Severity::Error;
  }
  D[0].Message = "expected '}' after '{'";
  // Would read as an embedded link to location 1.
  D[1].Message = "name '[x](1)' with a \\";
  // Brackets that cannot form a link stay as they are.
  D[2].Message = "sensitivity 1.5 is outside [0, 1]";
  nlohmann::json Log = toSarif(SM, D);
  const nlohmann::json &Results = Log["runs"][0]["results"];
  EXPECT_EQ(Results[0]["message"]["text"], "expected '}}' after '{{'");
  EXPECT_EQ(Results[1]["message"]["text"], "name '\\[x\\](1)' with a \\\\");
  EXPECT_EQ(Results[2]["message"]["text"], "sensitivity 1.5 is outside [0, 1]");
}

/// A few diagnostics on a fresh buffer, for rendering.
void reportSample(SourceManager &SM, DiagnosticsEngine &Diags) {
  BufferID B = SM.addBuffer("d.pathway", "input x\ninput x\n");
  Diags.report(rangeOf(SM, B, "input x\n"), diag::warn_unused_declaration)
      << 1 << "x";
  Diags.report(SourceRange(SourceLocation(B, 14), SourceLocation(B, 15)),
               diag::err_redefinition)
      << "x";
  Diags.report(rangeOf(SM, B, "x"), diag::note_previous_definition) << "x";
  Diags.report(SourceRange(), diag::err_file_not_found) << "e.pathway";
}

TEST(SarifTest, RenderingIsPrettyAndDeterministic) {
  auto RenderFresh = [] {
    SourceManager SM;
    DiagnosticsEngine Diags(SM);
    reportSample(SM, Diags);
    std::vector<Diagnostic> Sorted = Diags.getSortedDiagnostics();
    // Twice from the same objects, and once more from new ones below.
    std::string Once = render(SM, Sorted);
    EXPECT_EQ(Once, render(SM, Sorted));
    return Once;
  };
  std::string First = RenderFresh();
  EXPECT_EQ(First, RenderFresh());

  // "version" first (§3.13.2), a two-space indent, a final newline.
  EXPECT_TRUE(llvm::StringRef(First).startswith(
      "{\n  \"version\": \"2.1.0\",\n  \"$schema\": "))
      << First;
  EXPECT_TRUE(llvm::StringRef(First).endswith("\n}\n"));
  EXPECT_NE(First.find("\n      \"columnKind\": \"unicodeCodePoints\",\n"),
            std::string::npos)
      << First;

  // The text is the JSON document, key for key.
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  reportSample(SM, Diags);
  EXPECT_EQ(nlohmann::json::parse(First),
            toSarif(SM, Diags.getSortedDiagnostics()));
}

TEST(SarifTest, InvalidUTF8DoesNotThrow) {
  SourceManager SM;
  BufferID B = SM.addBuffer("bad\xFF.pathway", "\xFF\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "\xFF"), diag::err_syntax) << "byte '\xFF'";
  std::string Out;
  EXPECT_NO_THROW(Out = render(SM, Diags.getDiagnostics()));
  nlohmann::json Log = nlohmann::json::parse(Out);
  expectValidSarif(Log);
  const nlohmann::json &Result = firstResult(Log);
  EXPECT_EQ(Result["message"]["text"], "byte '\xEF\xBF\xBD'");
  // The file name is percent-encoded, so its bytes survive.
  EXPECT_EQ(
      Result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "bad%FF.pathway");
}
