//===- DiagnosticTest.cpp - Engine, table, formatting and rendering -------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/Diagnostic.h"
#include "diag/DiagnosticRenderer.h"
#include "diag/SourceManager.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace pathwayc;

namespace {

/// The range of the \p Occurrence-th (from 0) \p Needle in \p Buffer.
SourceRange rangeOf(const SourceManager &SM, BufferID Buffer,
                    llvm::StringRef Needle, unsigned Occurrence = 0) {
  llvm::StringRef Contents = SM.getContents(Buffer);
  size_t Pos = Contents.find(Needle);
  for (unsigned I = 0; I != Occurrence && Pos != llvm::StringRef::npos; ++I)
    Pos = Contents.find(Needle, Pos + 1);
  // Not EXPECT_NE: binding LLVM 14's StringRef::npos to a reference clashes
  // with its definition in libLLVMSupport.a.
  EXPECT_TRUE(Pos != llvm::StringRef::npos)
      << "'" << Needle.str() << "' not found";
  if (Pos == llvm::StringRef::npos)
    return SourceRange();
  return SourceRange(SourceLocation(Buffer, uint32_t(Pos)),
                     SourceLocation(Buffer, uint32_t(Pos + Needle.size())));
}

std::string renderText(const SourceManager &SM,
                       llvm::ArrayRef<Diagnostic> Diags, bool Color = false) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  TextRenderOptions Opts;
  Opts.Color = Color;
  renderDiagnosticsText(OS, SM, Diags, Opts);
  OS.flush();
  return Out;
}

std::vector<std::string> format(std::initializer_list<const char *> Args) {
  return std::vector<std::string>(Args.begin(), Args.end());
}

/// What the table makes of \p ID with \p Args, so that tests do not repeat
/// (and break on) the wording of messages that other people own.
std::string messageFor(diag::ID ID, std::vector<std::string> Args) {
  return formatDiagnosticMessage(getDiagnosticInfo(ID).Format, Args);
}

/// "error[PW0104]" for \p ID.
std::string errorLabel(diag::ID ID) {
  return "error[" + getDiagnosticInfo(ID).Code.str() + "]";
}

/// The first warning in the table, if there is one yet.
std::optional<diag::ID> findWarningID() {
  for (unsigned I = 0; I != diag::NumDiagnostics; ++I)
    if (getDiagnosticInfo(diag::ID(I)).DefaultSeverity == Severity::Warning)
      return diag::ID(I);
  return std::nullopt;
}

} // namespace

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

TEST(DiagnosticTableTest, FollowsTheHouseRules) {
  llvm::StringSet<> Codes;
  for (unsigned I = 0; I != diag::NumDiagnostics; ++I) {
    const DiagnosticInfo &Info = getDiagnosticInfo(diag::ID(I));
    SCOPED_TRACE(Info.Name.str());
    EXPECT_EQ(unsigned(Info.ID), I);

    ASSERT_FALSE(Info.Format.empty());
    EXPECT_FALSE(Info.Format.front() >= 'A' && Info.Format.front() <= 'Z')
        << "message starts with an upper-case letter: " << Info.Format.str();
    EXPECT_FALSE(Info.Format.endswith("."))
        << "message ends with a period: " << Info.Format.str();

    switch (Info.DefaultSeverity) {
    case Severity::Error: EXPECT_TRUE(Info.Name.startswith("err_")); break;
    case Severity::Warning: EXPECT_TRUE(Info.Name.startswith("warn_")); break;
    case Severity::Note:
      EXPECT_TRUE(Info.Name.startswith("note_"));
      EXPECT_TRUE(Info.Code.empty()) << "notes have no code";
      break;
    }

    if (Info.DefaultSeverity != Severity::Note) {
      EXPECT_TRUE(Info.Code.size() == 6 && Info.Code.startswith("PW") &&
                  llvm::all_of(Info.Code.drop_front(2), llvm::isDigit))
          << "code is not PW + 4 digits: '" << Info.Code.str() << "'";
      EXPECT_TRUE(Codes.insert(Info.Code).second)
          << "code " << Info.Code.str() << " is used twice";
    }

    // Every template must be well formed: with "0" for every argument each
    // %select takes its first option, and a bad directive asserts.
    std::vector<std::string> Args(10, "0");
    std::string Message = formatDiagnosticMessage(Info.Format, Args);
    EXPECT_FALSE(Message.empty());
  }
}

TEST(DiagnosticTableTest, LooksUpByID) {
  const DiagnosticInfo &Info = getDiagnosticInfo(diag::err_file_not_found);
  EXPECT_EQ(Info.ID, diag::err_file_not_found);
  EXPECT_EQ(Info.Name, "err_file_not_found");
  EXPECT_EQ(Info.DefaultSeverity, Severity::Error);
  EXPECT_TRUE(Info.Code.startswith("PW00")) << "input file errors are PW00xx";
  EXPECT_TRUE(Info.Format.contains("%0"));
  EXPECT_EQ(getDiagnosticInfo(diag::err_syntax).Format, "%0");
  EXPECT_EQ(getDiagnosticInfo(diag::note_opened_here).Code, "");
}

//===----------------------------------------------------------------------===//
// Message formatting
//===----------------------------------------------------------------------===//

TEST(FormatDiagnosticMessageTest, Arguments) {
  EXPECT_EQ(formatDiagnosticMessage("plain text", {}), "plain text");
  EXPECT_EQ(formatDiagnosticMessage("'%0' and '%1'", format({"a", "b"})),
            "'a' and 'b'");
  EXPECT_EQ(formatDiagnosticMessage("%1%0%1", format({"x", "y"})), "yxy");
  EXPECT_EQ(formatDiagnosticMessage("%9", format({"0", "1", "2", "3", "4", "5",
                                                  "6", "7", "8", "nine"})),
            "nine");
  // Arguments are not themselves templates.
  EXPECT_EQ(formatDiagnosticMessage("'%0'", format({"100%0 %%"})),
            "'100%0 %%'");
}

TEST(FormatDiagnosticMessageTest, Percent) {
  EXPECT_EQ(formatDiagnosticMessage("100%%", {}), "100%");
  EXPECT_EQ(formatDiagnosticMessage("%0%% of patients", format({"75"})),
            "75% of patients");
  EXPECT_EQ(formatDiagnosticMessage("%%0", format({"x"})), "%0");
}

TEST(FormatDiagnosticMessageTest, Select) {
  const char *Format = "expected '%0' to close the %select{step|list|group}1";
  EXPECT_EQ(formatDiagnosticMessage(Format, format({"}", "0"})),
            "expected '}' to close the step");
  EXPECT_EQ(formatDiagnosticMessage(Format, format({"]", "1"})),
            "expected ']' to close the list");
  EXPECT_EQ(formatDiagnosticMessage(Format, format({")", "2"})),
            "expected ')' to close the group");
  // Empty options, arguments and nested selects inside options.
  EXPECT_EQ(formatDiagnosticMessage("%0 input%select{|s}1", format({"2", "1"})),
            "2 inputs");
  EXPECT_EQ(formatDiagnosticMessage("%0 input%select{|s}1", format({"1", "0"})),
            "1 input");
  EXPECT_EQ(formatDiagnosticMessage("%select{'%1' is %select{low|high}2|none}0",
                                    format({"0", "pain", "1"})),
            "'pain' is high");
  EXPECT_EQ(formatDiagnosticMessage("%select{a|b}0%%", format({"1"})), "b%");
}

TEST(FormatDiagnosticMessageDeathTest, ArgumentOutOfRange) {
  EXPECT_DEBUG_DEATH(formatDiagnosticMessage("'%1'", format({"a"})),
                     "out of range");
  EXPECT_DEBUG_DEATH(formatDiagnosticMessage("%select{a|b}0", format({"2"})),
                     "not a valid option");
}

//===----------------------------------------------------------------------===//
// The engine
//===----------------------------------------------------------------------===//

TEST(DiagnosticsEngineTest, RecordsFormattedDiagnostics) {
  SourceManager SM;
  BufferID B = SM.addBuffer("t.pathway", "step a { $ }\n");
  DiagnosticsEngine Diags(SM);
  EXPECT_EQ(&Diags.getSourceManager(), &SM);
  SourceRange Dollar = rangeOf(SM, B, "$");
  Diags.report(Dollar, diag::err_unexpected_character) << "$"
                                                       << "" << 0u;
  Diags.report(Dollar.getBegin(), diag::err_expected_closing)
      << std::string("}") << llvm::StringRef("step");

  ASSERT_EQ(Diags.getDiagnostics().size(), 2u);
  const Diagnostic &First = Diags.getDiagnostics()[0];
  EXPECT_EQ(First.ID, diag::err_unexpected_character);
  EXPECT_EQ(First.Level, Severity::Error);
  EXPECT_EQ(First.Range, Dollar);
  EXPECT_EQ(First.Message,
            messageFor(diag::err_unexpected_character, {"$", "", "0"}));
  EXPECT_EQ(First.getCode(),
            getDiagnosticInfo(diag::err_unexpected_character).Code);
  EXPECT_TRUE(First.Notes.empty());
  EXPECT_FALSE(First.Witness);
  const Diagnostic &Second = Diags.getDiagnostics()[1];
  EXPECT_EQ(Second.Range, SourceRange(Dollar.getBegin()));
  EXPECT_EQ(Second.Message,
            messageFor(diag::err_expected_closing, {"}", "step"}));
  EXPECT_EQ(Diags.getNumErrors(), 2u);
  EXPECT_EQ(Diags.getNumWarnings(), 0u);
  EXPECT_TRUE(Diags.hasErrors());
}

TEST(DiagnosticsEngineTest, StreamsNumbers) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  auto MessageOf = [&](auto Value) {
    Diags.report(SourceLocation(), diag::err_syntax) << Value;
    return Diags.getDiagnostics().back().Message;
  };
  EXPECT_EQ(MessageOf(0.75), "0.75");
  EXPECT_EQ(MessageOf(75.0), "75");
  EXPECT_EQ(MessageOf(72.7), "72.7");
  EXPECT_EQ(MessageOf(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(MessageOf(-3), "-3");
  EXPECT_EQ(MessageOf(42u), "42");
  EXPECT_EQ(MessageOf(int64_t(-9000000000)), "-9000000000");
  EXPECT_EQ(MessageOf(size_t(18446744073709551615ull)), "18446744073709551615");
  EXPECT_EQ(MessageOf("text"), "text");
}

TEST(DiagnosticsEngineTest, FixItsAndWitnesses) {
  SourceManager SM;
  BufferID B = SM.addBuffer("t.pathway", "releif\n");
  DiagnosticsEngine Diags(SM);
  SourceRange Typo = rangeOf(SM, B, "releif");
  Diags.report(Typo, diag::err_syntax)
          .addFixIt(Typo, "relief")
          .setWitness("pain = 80")
      << "unknown input 'releif'";
  ASSERT_EQ(Diags.getDiagnostics().size(), 1u);
  const Diagnostic &D = Diags.getDiagnostics()[0];
  EXPECT_EQ(D.Message, "unknown input 'releif'");
  ASSERT_EQ(D.FixIts.size(), 1u);
  EXPECT_EQ(D.FixIts[0].Range, Typo);
  EXPECT_EQ(D.FixIts[0].Replacement, "relief");
  ASSERT_TRUE(D.Witness);
  EXPECT_EQ(D.Witness->Vignette, "pain = 80");
}

TEST(DiagnosticsEngineTest, MovedFromBuildersDoNotEmit) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  {
    DiagnosticBuilder First = Diags.report(SourceLocation(), diag::err_syntax);
    First << "once";
    DiagnosticBuilder Second(std::move(First));
    EXPECT_TRUE(Diags.getDiagnostics().empty());
  }
  ASSERT_EQ(Diags.getDiagnostics().size(), 1u);
  EXPECT_EQ(Diags.getDiagnostics()[0].Message, "once");
  EXPECT_EQ(Diags.getNumErrors(), 1u);
}

TEST(DiagnosticsEngineTest, NotesAttachToTheLatestDiagnostic) {
  SourceManager SM;
  BufferID B = SM.addBuffer("n.pathway", "step a { ( # }\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "}"), diag::err_expected_closing) << ")"
                                                                << "group";
  Diags.report(rangeOf(SM, B, "("), diag::note_opened_here) << "group";
  Diags.report(rangeOf(SM, B, "#"), diag::err_unexpected_character) << "#"
                                                                    << "" << 0u;
  Diags.report(rangeOf(SM, B, "{"), diag::note_opened_here) << "step";
  Diags.report(rangeOf(SM, B, "("), diag::note_opened_here) << "group";

  const std::vector<Diagnostic> &All = Diags.getDiagnostics();
  ASSERT_EQ(All.size(), 2u);
  ASSERT_EQ(All[0].Notes.size(), 1u);
  EXPECT_EQ(All[0].Notes[0].ID, diag::note_opened_here);
  EXPECT_EQ(All[0].Notes[0].Range, rangeOf(SM, B, "("));
  EXPECT_EQ(All[0].Notes[0].Message,
            messageFor(diag::note_opened_here, {"group"}));
  ASSERT_EQ(All[1].Notes.size(), 2u);
  EXPECT_EQ(All[1].Notes[0].Message,
            messageFor(diag::note_opened_here, {"step"}));
  EXPECT_EQ(All[1].Notes[1].Message,
            messageFor(diag::note_opened_here, {"group"}));
  EXPECT_EQ(Diags.getNumErrors(), 2u);
  EXPECT_EQ(Diags.getNumWarnings(), 0u);
}

TEST(DiagnosticsEngineDeathTest, NoteWithoutADiagnostic) {
  SourceManager SM;
  EXPECT_DEBUG_DEATH(
      {
        DiagnosticsEngine Diags(SM);
        Diags.report(SourceLocation(), diag::note_opened_here) << "step";
      },
      "must follow");
#ifdef NDEBUG
  // Release builds keep the orphan as a diagnostic of its own.
  DiagnosticsEngine Diags(SM);
  Diags.report(SourceLocation(), diag::note_opened_here) << "step";
  ASSERT_EQ(Diags.getDiagnostics().size(), 1u);
  EXPECT_EQ(Diags.getDiagnostics()[0].Level, Severity::Note);
  EXPECT_EQ(Diags.getDiagnostics()[0].Message,
            messageFor(diag::note_opened_here, {"step"}));
  EXPECT_EQ(Diags.getNumErrors(), 0u);
#endif
}

TEST(DiagnosticsEngineTest, WarningsAsErrors) {
  std::optional<diag::ID> Warning = findWarningID();
  if (!Warning)
    GTEST_SKIP() << "the diagnostic table has no warning yet";
  auto Report = [](DiagnosticsEngine &Diags, diag::ID ID) {
    DiagnosticBuilder Builder = Diags.report(SourceLocation(), ID);
    for (unsigned I = 0; I != 10; ++I)
      Builder << "0";
  };
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Report(Diags, *Warning);
  EXPECT_EQ(Diags.getDiagnostics().back().Level, Severity::Warning);
  EXPECT_EQ(Diags.getNumWarnings(), 1u);
  EXPECT_EQ(Diags.getNumErrors(), 0u);
  EXPECT_FALSE(Diags.hasErrors());

  Diags.setWarningsAsErrors(true);
  Report(Diags, *Warning);
  EXPECT_EQ(Diags.getDiagnostics().back().Level, Severity::Error);
  EXPECT_EQ(Diags.getDiagnostics().back().getCode(),
            getDiagnosticInfo(*Warning).Code);
  EXPECT_EQ(Diags.getDiagnostics().front().Level, Severity::Warning);
  EXPECT_EQ(Diags.getNumWarnings(), 1u);
  EXPECT_EQ(Diags.getNumErrors(), 1u);
  EXPECT_TRUE(Diags.hasErrors());

  // Errors and notes are not affected.
  Report(Diags, diag::err_syntax);
  Report(Diags, diag::note_opened_here);
  EXPECT_EQ(Diags.getDiagnostics().back().Notes.size(), 1u);
  EXPECT_EQ(Diags.getNumErrors(), 2u);
}

TEST(DiagnosticsEngineTest, SortsByBufferAndOffsetStably) {
  SourceManager SM;
  BufferID A = SM.addBuffer("a.pathway", "0123456789");
  BufferID B = SM.addBuffer("b.pathway", "0123456789");
  DiagnosticsEngine Diags(SM);
  Diags.report(SourceLocation(B, 2), diag::err_syntax) << "b2";
  Diags.report(SourceLocation(A, 5), diag::err_syntax) << "a5 first";
  Diags.report(SourceLocation(B, 0), diag::note_opened_here) << "b0";
  Diags.report(SourceLocation(A, 1), diag::err_syntax) << "a1";
  Diags.report(SourceLocation(A, 5), diag::err_syntax) << "a5 second";
  Diags.report(SourceLocation(), diag::err_file_not_found) << "x.pathway";

  std::vector<std::string> Order;
  for (const Diagnostic &D : Diags.getSortedDiagnostics())
    Order.push_back(D.Message);
  EXPECT_EQ(Order, std::vector<std::string>(
                       {messageFor(diag::err_file_not_found, {"x.pathway"}),
                        "a1", "a5 first", "a5 second", "b2"}));
  // The note travels with its diagnostic.
  EXPECT_EQ(Diags.getSortedDiagnostics()[2].Notes.size(), 1u);
  // The reporting order is kept.
  EXPECT_EQ(Diags.getDiagnostics()[0].Message, "b2");
}

//===----------------------------------------------------------------------===//
// Near misses
//===----------------------------------------------------------------------===//

TEST(FindNearMissTest, SuggestsCloseNames) {
  std::vector<llvm::StringRef> Names = {"pain", "relief", "age", "duration"};
  EXPECT_EQ(findNearMiss("releif", Names), "relief");
  EXPECT_EQ(findNearMiss("relif", Names), "relief");
  EXPECT_EQ(findNearMiss("durration", Names), "duration");
  EXPECT_EQ(findNearMiss("pein", Names), "pain");
  EXPECT_EQ(findNearMiss("ag", Names), "age");
  EXPECT_EQ(findNearMiss("RELEIF", Names), "relief");
}

TEST(FindNearMissTest, SwappedLettersAreOneEdit) {
  std::vector<llvm::StringRef> Names = {"pain", "relief", "src", "months"};
  EXPECT_EQ(findNearMiss("pian", Names), "pain");
  EXPECT_EQ(findNearMiss("releif", Names), "relief");
  EXPECT_EQ(findNearMiss("scr", Names), "src");
  EXPECT_EQ(findNearMiss("monhts", Names), "months");
}

TEST(FindNearMissTest, RejectsDistantNames) {
  std::vector<llvm::StringRef> Names = {"pain", "relief", "age"};
  EXPECT_EQ(findNearMiss("xyz", Names), "");
  EXPECT_EQ(findNearMiss("rlf", Names), "");
  EXPECT_EQ(findNearMiss("painful", Names), "");
  // Two edits in four letters is more than a third of the name.
  EXPECT_EQ(findNearMiss("pxyn", Names), "");
  EXPECT_EQ(findNearMiss("", Names), "");
  EXPECT_EQ(findNearMiss("pain", {}), "");
}

TEST(FindNearMissTest, ExactMatchIsNotAMiss) {
  std::vector<llvm::StringRef> Names = {"pains", "pain"};
  EXPECT_EQ(findNearMiss("pain", Names), "");
}

TEST(FindNearMissTest, PrefersTheClosestThenTheFirst) {
  EXPECT_EQ(findNearMiss("abcdef", {"abcxyz", "abcdxf", "abcdeg"}), "abcdxf");
  EXPECT_EQ(findNearMiss("ab", {"ax", "ay"}), "ax");
  // Same distance ignoring case: the one that also matches the case wins.
  EXPECT_EQ(findNearMiss("Relief2", {"RELIEF", "Relief"}), "Relief");
}

//===----------------------------------------------------------------------===//
// Text rendering
//===----------------------------------------------------------------------===//

TEST(RenderTextTest, TabsFixItAndNote) {
  SourceManager SM;
  BufferID B = SM.addBuffer("t.pathway", "pathway demo {\n"
                                         "\trelief: number\n"
                                         "\t\tif releif >= 75 -> x\n"
                                         "}\n");
  DiagnosticsEngine Diags(SM);
  SourceRange Typo = rangeOf(SM, B, "releif");
  Diags.report(Typo, diag::err_syntax).addFixIt(Typo, "relief")
      << "unknown input 'releif'; did you mean 'relief'?";
  Diags.report(rangeOf(SM, B, "relief"), diag::note_opened_here)
      << "declaration";
  EXPECT_EQ(renderText(SM, Diags.getSortedDiagnostics()),
            "t.pathway:3:6: " + errorLabel(diag::err_syntax) +
                ": unknown input 'releif'; did you mean 'relief'?\n"
                "    3 |         if releif >= 75 -> x\n"
                "      |            ^~~~~~\n"
                "      |            relief\n"
                "t.pathway:2:2: note: " +
                messageFor(diag::note_opened_here, {"declaration"}) +
                "\n"
                "    2 |     relief: number\n"
                "      |     ^~~~~~\n"
                "1 error generated.\n");
}

TEST(RenderTextTest, TabStopsDependOnTheColumn) {
  SourceManager SM;
  BufferID B = SM.addBuffer("t.pathway", "ab\tc\td\n");
  DiagnosticsEngine Diags(SM);
  // The first tab fills two columns, the second three; a range over a tab
  // underlines all of it.
  Diags.report(rangeOf(SM, B, "\tc\t"), diag::err_syntax) << "tabs";
  Diags.report(rangeOf(SM, B, "d"), diag::err_syntax) << "d";
  const std::string Error = errorLabel(diag::err_syntax);
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "t.pathway:1:3: " + Error + ": tabs\n" +
                "    1 | ab  c   d\n"
                "      |   ^~~~~~\n"
                "t.pathway:1:6: " +
                Error + ": d\n" +
                "    1 | ab  c   d\n"
                "      |         ^\n"
                "2 errors generated.\n");
}

TEST(RenderTextTest, MultiByteCharactersAreOneColumn) {
  SourceManager SM;
  BufferID B = SM.addBuffer("u.pathway", "title \"Hüftschmerz – akut\" §\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "§"), diag::err_syntax) << "unexpected '§'";
  Diags.report(rangeOf(SM, B, "akut"), diag::err_syntax) << "akut";
  Diags.report(rangeOf(SM, B, "Hüft"), diag::err_syntax) << "Hüft";
  const std::string Error = errorLabel(diag::err_syntax);
  // Columns in the header count bytes; the caret counts characters.
  EXPECT_EQ(renderText(SM, Diags.getSortedDiagnostics()),
            "u.pathway:1:8: " + Error + ": Hüft\n" +
                "    1 | title \"Hüftschmerz – akut\" §\n"
                "      |        ^~~~\n"
                "u.pathway:1:25: " +
                Error + ": akut\n" +
                "    1 | title \"Hüftschmerz – akut\" §\n"
                "      |                      ^~~~\n"
                "u.pathway:1:31: " +
                Error + ": unexpected '§'\n" +
                "    1 | title \"Hüftschmerz – akut\" §\n"
                "      |                            ^\n"
                "3 errors generated.\n");
}

TEST(RenderTextTest, ControlCharactersAndInvalidUTF8AreShownEscaped) {
  SourceManager SM;
  BufferID B = SM.addBuffer("c.pathway", "a\x01"
                                         "b\xFF"
                                         "c\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "\x01"), diag::err_syntax) << "control";
  Diags.report(rangeOf(SM, B, "c"), diag::err_syntax) << "after";
  const std::string Error = errorLabel(diag::err_syntax);
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "c.pathway:1:2: " + Error + ": control\n" +
                "    1 | a<U+0001>b<FF>c\n"
                "      |  ^~~~~~~~\n"
                "c.pathway:1:5: " +
                Error + ": after\n" +
                "    1 | a<U+0001>b<FF>c\n"
                "      |               ^\n"
                "2 errors generated.\n");
}

TEST(RenderTextTest, MultiLineRangeAndEndOfFile) {
  SourceManager SM;
  BufferID B = SM.addBuffer("m.pathway", "step a {\r\n  x\r\n");
  DiagnosticsEngine Diags(SM);
  SourceLocation End(B, uint32_t(SM.getContents(B).size()));
  Diags.report(SourceRange(rangeOf(SM, B, "a").getBegin(), End),
               diag::err_expected_closing)
      << "}"
      << "step";
  Diags.report(rangeOf(SM, B, "{"), diag::note_opened_here) << "step";
  Diags.report(End, diag::err_expected_closing) << "}"
                                                << "step";
  const std::string Header =
      errorLabel(diag::err_expected_closing) + ": " +
      messageFor(diag::err_expected_closing, {"}", "step"}) + "\n";
  EXPECT_EQ(renderText(SM, Diags.getSortedDiagnostics()),
            "m.pathway:1:6: " + Header +
                "    1 | step a {\n"
                "      |      ^~~\n"
                "m.pathway:1:8: note: " +
                messageFor(diag::note_opened_here, {"step"}) + "\n" +
                "    1 | step a {\n"
                "      |        ^\n"
                "m.pathway:3:1: " +
                Header +
                "    3 |\n"
                "      | ^\n"
                "2 errors generated.\n");
}

TEST(RenderTextTest, InvalidRangeHasNoLocation) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  Diags.report(SourceLocation(), diag::err_file_not_found) << "missing.pathway";
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "pathwayc: " + errorLabel(diag::err_file_not_found) + ": " +
                messageFor(diag::err_file_not_found, {"missing.pathway"}) +
                "\n"
                "1 error generated.\n");
}

TEST(RenderTextTest, WitnessComesBeforeTheNotes) {
  SourceManager SM;
  BufferID B = SM.addBuffer("w.pathway", "xyz\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "xyz"), diag::err_syntax)
          .setWitness("age = 70, pain = 80\nrelief = 0")
      << "no outcome is reached";
  Diags.report(rangeOf(SM, B, "z"), diag::note_opened_here) << "z";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderDiagnosticText(OS, SM, Diags.getDiagnostics()[0], TextRenderOptions());
  OS.flush();
  EXPECT_EQ(Out, "w.pathway:1:1: " + errorLabel(diag::err_syntax) +
                     ": no outcome is reached\n"
                     "    1 | xyz\n"
                     "      | ^~~\n"
                     "  witness: age = 70, pain = 80\n"
                     "           relief = 0\n"
                     "w.pathway:1:3: note: " +
                     messageFor(diag::note_opened_here, {"z"}) +
                     "\n"
                     "    1 | xyz\n"
                     "      |   ^\n");
}

TEST(RenderTextTest, FixItOnAnotherLineIsNotShown) {
  SourceManager SM;
  BufferID B = SM.addBuffer("f.pathway", "a\nb\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "a"), diag::err_syntax)
          .addFixIt(rangeOf(SM, B, "b"), "c")
          .addFixIt(rangeOf(SM, B, "a"), "multi\nline")
      << "m";
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "f.pathway:1:1: " + errorLabel(diag::err_syntax) +
                ": m\n"
                "    1 | a\n"
                "      | ^\n"
                "1 error generated.\n");
}

TEST(RenderTextTest, LongLinesAreShownAsAWindowAroundTheCaret) {
  SourceManager SM;
  std::string Line = std::string(300, 'a') + "bad" + std::string(300, 'z');
  BufferID B = SM.addBuffer("long.pathway", Line + "\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "bad"), diag::err_syntax) << "x";
  // 40 columns of context before the caret, 100 columns in all.
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "long.pathway:1:301: " + errorLabel(diag::err_syntax) +
                ": x\n"
                "    1 | ..." +
                std::string(40, 'a') + "bad" + std::string(57, 'z') +
                "...\n"
                "      | " +
                std::string(43, ' ') + "^~~\n" + "1 error generated.\n");
}

TEST(RenderTextTest, LongLineNearItsStartKeepsTheStart) {
  SourceManager SM;
  BufferID B = SM.addBuffer("long.pathway", "bad" + std::string(200, 'z'));
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "bad"), diag::err_syntax) << "x";
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "long.pathway:1:1: " + errorLabel(diag::err_syntax) +
                ": x\n"
                "    1 | bad" +
                std::string(97, 'z') +
                "...\n"
                "      | ^~~\n"
                "1 error generated.\n");
}

TEST(RenderTextTest, WideLineNumbers) {
  SourceManager SM;
  BufferID B = SM.addBuffer("big.pathway", std::string(12344, '\n') + "x\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "x"), diag::err_syntax) << "x";
  EXPECT_EQ(renderText(SM, Diags.getDiagnostics()),
            "big.pathway:12345:1: " + errorLabel(diag::err_syntax) +
                ": x\n"
                " 12345 | x\n"
                "       | ^\n"
                "1 error generated.\n");
}

TEST(RenderTextTest, SummaryWording) {
  auto Make = [](Severity Level) {
    Diagnostic D;
    D.ID = diag::err_syntax;
    D.Level = Level;
    D.Message = "m";
    return D;
  };
  auto SummaryOf = [&](std::vector<Severity> Levels) {
    SourceManager SM;
    std::vector<Diagnostic> Diags;
    for (Severity Level : Levels)
      Diags.push_back(Make(Level));
    std::string Out = renderText(SM, Diags);
    llvm::StringRef Text(Out);
    Text = Text.drop_back(); // The final newline.
    return Text.substr(Text.rfind('\n') + 1).str();
  };
  EXPECT_EQ(SummaryOf({Severity::Error}), "1 error generated.");
  EXPECT_EQ(SummaryOf({Severity::Error, Severity::Error}),
            "2 errors generated.");
  EXPECT_EQ(SummaryOf({Severity::Warning}), "1 warning generated.");
  EXPECT_EQ(SummaryOf({Severity::Warning, Severity::Warning}),
            "2 warnings generated.");
  EXPECT_EQ(SummaryOf({Severity::Error, Severity::Warning, Severity::Error,
                       Severity::Error}),
            "1 warning and 3 errors generated.");
  EXPECT_EQ(SummaryOf({Severity::Warning, Severity::Warning, Severity::Error}),
            "2 warnings and 1 error generated.");

  SourceManager SM;
  EXPECT_EQ(renderText(SM, {}), "");
  EXPECT_EQ(renderText(SM, {Make(Severity::Note)}), "pathwayc: note: m\n");
  const std::string Code = getDiagnosticInfo(diag::err_syntax).Code.str();
  EXPECT_EQ(renderText(SM, {Make(Severity::Warning)}),
            "pathwayc: warning[" + Code + "]: m\n1 warning generated.\n");
}

TEST(RenderTextTest, Color) {
  SourceManager SM;
  BufferID B = SM.addBuffer("k.pathway", "x $\n");
  DiagnosticsEngine Diags(SM);
  SourceRange Dollar = rangeOf(SM, B, "$");
  Diags.report(Dollar, diag::err_syntax).addFixIt(Dollar, "y") << "dollar";
  Diags.report(rangeOf(SM, B, "x"), diag::note_opened_here) << "x";
  Diagnostic Warning;
  Warning.ID = diag::err_syntax;
  Warning.Level = Severity::Warning;
  Warning.Message = "w";
  std::vector<Diagnostic> All = Diags.getDiagnostics();
  All.push_back(Warning);
  const std::string Code = getDiagnosticInfo(diag::err_syntax).Code.str();
  EXPECT_EQ(renderText(SM, All, /*Color=*/true),
            "\033[1mk.pathway:1:3: \033[0m\033[1;31merror[" + Code +
                "]:\033[0m\033[1m dollar\033[0m\n"
                "    1 | x $\n"
                "      |   \033[1;32m^\033[0m\n"
                "      | \033[0;32m  y\033[0m\n"
                "\033[1mk.pathway:1:1: \033[0m\033[1;36mnote:\033[0m"
                "\033[1m " +
                messageFor(diag::note_opened_here, {"x"}) +
                "\033[0m\n"
                "    1 | x $\n"
                "      | \033[1;32m^\033[0m\n"
                "\033[1mpathwayc: \033[0m\033[1;35mwarning[" +
                Code +
                "]:\033[0m\033[1m w\033[0m\n"
                "1 warning and 1 error generated.\n");
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

TEST(RenderJsonTest, Shape) {
  SourceManager SM;
  BufferID B = SM.addBuffer("j.pathway", "ab\n  releif\n");
  DiagnosticsEngine Diags(SM);
  SourceRange Typo = rangeOf(SM, B, "releif");
  Diags.report(Typo, diag::err_syntax)
          .addFixIt(Typo, "relief")
          .setWitness(CaseWitness{"pain = 80 reaches no arm",
                                  {{"pain", "80"}, {"flag", "true"}},
                                  {"start", "branch:s"}})
      << "unknown input 'releif'";
  Diags.report(rangeOf(SM, B, "ab"), diag::note_opened_here) << "ab";
  Diags.report(SourceLocation(), diag::err_file_not_found) << "x.pathway";

  nlohmann::json J = diagnosticsToJson(SM, Diags.getSortedDiagnostics());
  EXPECT_EQ(J["version"], 1);
  ASSERT_TRUE(J["diagnostics"].is_array());
  ASSERT_EQ(J["diagnostics"].size(), 2u);

  const nlohmann::json &Missing = J["diagnostics"][0];
  EXPECT_EQ(Missing["code"], getDiagnosticInfo(diag::err_file_not_found).Code);
  EXPECT_EQ(Missing["severity"], "error");
  EXPECT_EQ(Missing["message"],
            messageFor(diag::err_file_not_found, {"x.pathway"}));
  EXPECT_TRUE(Missing["file"].is_null());
  EXPECT_TRUE(Missing["range"].is_null());
  EXPECT_EQ(Missing["notes"], nlohmann::json::array());
  EXPECT_EQ(Missing["fixits"], nlohmann::json::array());
  EXPECT_FALSE(Missing.contains("witness"));

  nlohmann::json Range = nlohmann::json::parse(R"({
    "begin": {"line": 2, "column": 3, "offset": 5},
    "end": {"line": 2, "column": 9, "offset": 11}})");
  nlohmann::json Note = nlohmann::json::parse(R"({
    "file": "j.pathway",
    "range": {"begin": {"line": 1, "column": 1, "offset": 0},
              "end": {"line": 1, "column": 3, "offset": 2}}})");
  Note["message"] = messageFor(diag::note_opened_here, {"ab"});
  nlohmann::json Expected = {
      {"code", getDiagnosticInfo(diag::err_syntax).Code.str()},
      {"severity", "error"},
      {"message", "unknown input 'releif'"},
      {"file", "j.pathway"},
      {"range", Range},
      {"notes", nlohmann::json::array({Note})},
      {"fixits", {{{"range", Range}, {"replacement", "relief"}}}},
      {"witness",
       {{"vignette", "pain = 80 reaches no arm"},
        {"inputs",
         {{{"input", "pain"}, {"value", "80"}},
          {{"input", "flag"}, {"value", "true"}}}},
        {"path", {"start", "branch:s"}}}}};
  EXPECT_EQ(J["diagnostics"][1], Expected) << J["diagnostics"][1].dump(2);
}

TEST(RenderJsonTest, PrettyWithSortedKeysAndFinalNewline) {
  SourceManager SM;
  BufferID B = SM.addBuffer("j.pathway", "$\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "$"), diag::err_syntax) << "dollar";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  renderDiagnosticsJson(OS, SM, Diags.getDiagnostics());
  OS.flush();
  const std::string Code = getDiagnosticInfo(diag::err_syntax).Code.str();
  EXPECT_EQ(Out, R"({
  "diagnostics": [
    {
      "code": ")" + Code +
                     R"(",
      "file": "j.pathway",
      "fixits": [],
      "message": "dollar",
      "notes": [],
      "range": {
        "begin": {
          "column": 1,
          "line": 1,
          "offset": 0
        },
        "end": {
          "column": 2,
          "line": 1,
          "offset": 1
        }
      },
      "severity": "error"
    }
  ],
  "version": 1
}
)");
}

TEST(RenderJsonTest, InvalidUTF8DoesNotThrow) {
  SourceManager SM;
  BufferID B = SM.addBuffer("bad\xFF.pathway", "\xFF\n");
  DiagnosticsEngine Diags(SM);
  Diags.report(rangeOf(SM, B, "\xFF"), diag::err_syntax) << "byte '\xFF'";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  EXPECT_NO_THROW(renderDiagnosticsJson(OS, SM, Diags.getDiagnostics()));
  OS.flush();
  nlohmann::json J = nlohmann::json::parse(Out);
  EXPECT_EQ(J["diagnostics"][0]["message"], "byte '\xEF\xBF\xBD'");
  EXPECT_EQ(J["diagnostics"][0]["file"], "bad\xEF\xBF\xBD.pathway");
}
