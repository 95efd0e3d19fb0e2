//===- VerifyDiagnosticsTest.cpp - expected-* directives ------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/VerifyDiagnostics.h"

#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace pathwayc;

namespace {

/// Most tests report err_syntax, whose message is exactly its argument, so
/// that they do not depend on the wording of other entries in the table.
class VerifyDiagnosticsTest : public ::testing::Test {
protected:
  VerifyDiagnosticsTest()
      : Diags(SM), Syntax(getDiagnosticInfo(diag::err_syntax).Code.str()) {}

  BufferID add(const std::string &Contents,
               const std::string &Name = "v.pathway") {
    return SM.addBuffer(Name, Contents);
  }

  /// The location of 1-based \p Line and \p Column of \p Buffer.
  SourceLocation at(BufferID Buffer, unsigned Line, unsigned Column) {
    SourceLocation Start = SM.getLineStart(Buffer, Line);
    EXPECT_TRUE(Start.isValid()) << "no line " << Line;
    return SourceLocation(Buffer, Start.getOffset() + Column - 1);
  }

  void error(SourceLocation Loc, llvm::StringRef Message) {
    Diags.report(Loc, diag::err_syntax) << Message;
  }

  /// A note (attached to the latest error) whose message mentions \p What.
  void note(SourceLocation Loc, llvm::StringRef What) {
    Diags.report(Loc, diag::note_opened_here) << What;
  }

  std::string noteMessage(llvm::StringRef What) {
    return formatDiagnosticMessage(
        getDiagnosticInfo(diag::note_opened_here).Format, {What.str()});
  }

  VerifyResult verify() {
    return verifyDiagnostics(SM, Diags.getSortedDiagnostics());
  }

  std::vector<std::string> codes(const VerifyResult &Result) {
    std::vector<std::string> Codes;
    for (const auto &Entry : Result.MatchedCodes)
      Codes.push_back(Entry.getKey().str());
    std::sort(Codes.begin(), Codes.end());
    return Codes;
  }

  using Strings = std::vector<std::string>;

  SourceManager SM;
  DiagnosticsEngine Diags;
  /// The code of err_syntax, as problems quote it.
  std::string Syntax;
};

const char *const WellFormed = "pathway demo {\n"
                               "  x = $ // expected-error {{'$'}}\n"
                               "  // expected-error@+1:7 {{unexpected '#'}}\n"
                               "  y = #\n"
                               "  ( // expected-note {{group}}\n"
                               "} // expected-error@-1 {{expected ')'}}\n";

} // namespace

TEST_F(VerifyDiagnosticsTest, AllMatched) {
  BufferID B = add(WellFormed);
  Diags.report(at(B, 2, 7), diag::err_unexpected_character) << "$"
                                                            << "" << 0u;
  error(at(B, 4, 7), "unexpected '#'");
  error(at(B, 5, 3), "expected ')' to close the group");
  note(at(B, 5, 3), "group");
  VerifyResult Result = verify();
  EXPECT_TRUE(Result.Ok);
  EXPECT_EQ(Result.Problems, Strings());
  Strings Expected = {
      Syntax, getDiagnosticInfo(diag::err_unexpected_character).Code.str()};
  std::sort(Expected.begin(), Expected.end());
  EXPECT_EQ(codes(Result), Expected);
}

TEST_F(VerifyDiagnosticsTest, ExpectedButNotSeen) {
  BufferID B = add(WellFormed);
  Diags.report(at(B, 2, 7), diag::err_unexpected_character) << "$"
                                                            << "" << 0u;
  error(at(B, 5, 3), "expected ')' to close the group");
  VerifyResult Result = verify();
  EXPECT_FALSE(Result.Ok);
  EXPECT_EQ(Result.Problems,
            Strings({"expected error at v.pathway:4:7 was not seen: "
                     "{{unexpected '#'}}",
                     "expected note at v.pathway:5 was not seen: {{group}}"}));
  EXPECT_EQ(codes(Result).size(), 2u);
}

TEST_F(VerifyDiagnosticsTest, SeenButNotExpected) {
  BufferID B = add("pathway demo {\n"
                   "  x = $ # // expected-error {{'$'}}\n"
                   "}\n");
  error(at(B, 2, 7), "unexpected '$'");
  error(at(B, 2, 9), "unexpected '#'");
  note(at(B, 2, 9), "hash");
  VerifyResult Result = verify();
  EXPECT_FALSE(Result.Ok);
  EXPECT_EQ(Result.Problems,
            Strings({"error '" + Syntax +
                         "' at v.pathway:2:9 was not expected: unexpected '#'",
                     "note at v.pathway:2:9 was not expected: " +
                         noteMessage("hash")}));
}

TEST_F(VerifyDiagnosticsTest, ColumnMismatch) {
  BufferID B = add("// expected-error@+1:9 {{unexpected '#'}}\n"
                   "  y = #\n");
  error(at(B, 2, 7), "unexpected '#'");
  VerifyResult Result = verify();
  EXPECT_FALSE(Result.Ok);
  EXPECT_EQ(Result.Problems,
            Strings({"expected error at v.pathway:2:9 was not seen: "
                     "{{unexpected '#'}}",
                     "error '" + Syntax +
                         "' at v.pathway:2:7 was not expected: "
                         "unexpected '#'"}));
  EXPECT_TRUE(Result.MatchedCodes.empty());
}

TEST_F(VerifyDiagnosticsTest, ColumnOnTheSameLine) {
  BufferID B = add("  y = # // expected-error:7 {{'#'}}\n");
  error(at(B, 1, 7), "unexpected '#'");
  EXPECT_TRUE(verify().Ok);
}

TEST_F(VerifyDiagnosticsTest, RelativeAndAbsoluteLines) {
  BufferID B = add("// expected-error@+2 {{'a'}}\n"
                   "// expected-error@4 {{'b'}} expected-error@5:1 {{'c'}}\n"
                   "a\n"
                   "b\n"
                   "c\n"
                   "// expected-error@-3 {{'d'}}\n");
  error(at(B, 3, 1), "'a'");
  error(at(B, 4, 1), "'b'");
  error(at(B, 5, 1), "'c'");
  error(at(B, 3, 1), "'d'");
  VerifyResult Result = verify();
  EXPECT_TRUE(Result.Ok);
  EXPECT_EQ(Result.Problems, Strings());
}

TEST_F(VerifyDiagnosticsTest, SeverityMustMatch) {
  BufferID B = add("$ // expected-warning {{'$'}}\n");
  error(at(B, 1, 1), "unexpected '$'");
  VerifyResult Result = verify();
  EXPECT_EQ(Result.Problems,
            Strings({"expected warning at v.pathway:1 was not seen: {{'$'}}",
                     "error '" + Syntax +
                         "' at v.pathway:1:1 was not expected: "
                         "unexpected '$'"}));
}

TEST_F(VerifyDiagnosticsTest, PromotedWarningsAreExpectedAsErrors) {
  BufferID B = add("input pain // expected-error {{'pain'}}\n");
  Diags.setWarningsAsErrors(true);
  Diags.report(at(B, 1, 7), diag::warn_unused_declaration) << 1 << "pain";
  VerifyResult Result = verify();
  EXPECT_TRUE(Result.Ok);
  EXPECT_EQ(
      codes(Result),
      Strings({getDiagnosticInfo(diag::warn_unused_declaration).Code.str()}));
}

TEST_F(VerifyDiagnosticsTest, EachDirectiveMatchesOneDiagnostic) {
  BufferID B = add("$ // expected-error {{'$'}} expected-error {{'$'}}\n"
                   "# // expected-error {{'#'}}\n");
  error(at(B, 1, 1), "unexpected '$'");
  error(at(B, 2, 1), "unexpected '#'");
  error(at(B, 2, 1), "unexpected '#'");
  VerifyResult Result = verify();
  EXPECT_EQ(Result.Problems,
            Strings({"expected error at v.pathway:1 was not seen: {{'$'}}",
                     "error '" + Syntax +
                         "' at v.pathway:2:1 was not expected: "
                         "unexpected '#'"}));
}

TEST_F(VerifyDiagnosticsTest, LooseDirectiveDoesNotStealAStrictOnesMatch) {
  BufferID B =
      add("ab c // expected-error {{unexpected}} expected-error {{'ab'}}\n");
  error(at(B, 1, 1), "unexpected 'ab'");
  error(at(B, 1, 4), "unexpected 'c'");
  VerifyResult Result = verify();
  EXPECT_TRUE(Result.Ok);
  EXPECT_EQ(Result.Problems, Strings());
}

TEST_F(VerifyDiagnosticsTest, NoDiagnostics) {
  add("// expected-no-diagnostics\npathway demo {}\n");
  EXPECT_TRUE(verify().Ok);
}

TEST_F(VerifyDiagnosticsTest, NoDiagnosticsButThereIsOne) {
  BufferID B = add("// expected-no-diagnostics\n$\n");
  error(at(B, 2, 1), "unexpected '$'");
  VerifyResult Result = verify();
  EXPECT_FALSE(Result.Ok);
  EXPECT_EQ(Result.Problems,
            Strings({"error '" + Syntax +
                     "' at v.pathway:2:1 was not expected: unexpected '$'"}));
}

TEST_F(VerifyDiagnosticsTest, NoDiagnosticsWithOtherDirectives) {
  BufferID B = add("// expected-no-diagnostics\n$ // expected-error {{'$'}}\n");
  error(at(B, 2, 1), "unexpected '$'");
  EXPECT_EQ(verify().Problems,
            Strings({"v.pathway:1: 'expected-no-diagnostics' cannot be "
                     "combined with other expected directives"}));
}

TEST_F(VerifyDiagnosticsTest, FileWithoutDirectives) {
  add("pathway demo {}\n", "n.pathway");
  VerifyResult Result = verify();
  EXPECT_FALSE(Result.Ok);
  EXPECT_EQ(Result.Problems,
            Strings({"n.pathway: no expected directives found (write "
                     "'// expected-no-diagnostics' if none are expected)"}));
}

TEST_F(VerifyDiagnosticsTest, OnlyLineCommentsHoldDirectives) {
  add("title \"// expected-error {{in a string}}\"\n"
      "/* // expected-error {{in a block comment}} */\n"
      "x // unexpected-error {{not a directive}}\n",
      "s.pathway");
  EXPECT_EQ(verify().Problems,
            Strings({"s.pathway: no expected directives found (write "
                     "'// expected-no-diagnostics' if none are expected)"}));
}

TEST_F(VerifyDiagnosticsTest, StringsWithEscapesAndUnterminatedStrings) {
  BufferID B = add("title \"a \\\" b\" // expected-error {{'a'}}\n"
                   "title \"open // still in the string\n"
                   "b // expected-error {{'b'}}\n");
  error(at(B, 1, 1), "'a'");
  error(at(B, 3, 1), "'b'");
  EXPECT_EQ(verify().Problems, Strings());
}

TEST_F(VerifyDiagnosticsTest, MalformedDirectives) {
  add("// expected-error without braces\n"
      "// expected-eror {{typo}}\n"
      "// expected-error@+9 {{past the end}}\n"
      "// expected-error@x {{no number}}\n"
      "// expected-error:0 {{column zero}}\n"
      "// expected-error {{never closed\n",
      "m.pathway");
  EXPECT_EQ(verify().Problems,
            Strings({"m.pathway:1: cannot find start ('{{') of the expected "
                     "message",
                     "m.pathway:2: unknown directive 'expected-eror'",
                     "m.pathway:3: line 12 named by the directive is not in "
                     "the file",
                     "m.pathway:4: expected a line number after '@'",
                     "m.pathway:5: expected a column number (from 1) after ':'",
                     "m.pathway:6: cannot find end ('}}') of the expected "
                     "message"}));
}

TEST_F(VerifyDiagnosticsTest, DiagnosticWithoutLocationIsUnexpected) {
  add("// expected-no-diagnostics\n");
  error(SourceLocation(), "no such file 'x.pathway'");
  EXPECT_EQ(verify().Problems,
            Strings({"error '" + Syntax +
                     "' was not expected: no such file 'x.pathway'"}));
}

TEST_F(VerifyDiagnosticsTest, DirectivesApplyToTheirOwnFile) {
  BufferID A = add("$ // expected-error {{'$'}}\n", "a.pathway");
  add("$ // expected-error {{'$'}}\n", "b.pathway");
  error(at(A, 1, 1), "unexpected '$'");
  EXPECT_EQ(verify().Problems,
            Strings({"expected error at b.pathway:1 was not seen: {{'$'}}"}));
}

TEST_F(VerifyDiagnosticsTest, CarriageReturnLineFeeds) {
  BufferID B = add("// expected-error@+1:3 {{'$'}}\r\n"
                   "  $ // expected-note {{here}}\r\n");
  error(at(B, 2, 3), "unexpected '$'");
  note(at(B, 2, 1), "here");
  EXPECT_EQ(verify().Problems, Strings());
}
