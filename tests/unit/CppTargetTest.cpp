//===- CppTargetTest.cpp - The C++ target ---------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The pieces of the C++ target (the namer, the text escapes, the template
// writer), the emitted files' shape and options, and the goldens in
// tests/golden/cpp. That the emitted code compiles with g++ and clang++ and
// means what docs/evaluation.md says is tested in tests/generated/, which
// builds it.
//
//===----------------------------------------------------------------------===//

#include "EmitTestSupport.h"

#include "ast/AST.h"

#include "cpp/CodeWriter.h"
#include "cpp/CppTarget.h"
#include "cpp/CppText.h"
#include "cpp/Namer.h"

#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdlib>
#include <limits>

using namespace pathwayc;
using namespace pathwayc::cpp;

namespace {

//===----------------------------------------------------------------------===//
// Namer
//===----------------------------------------------------------------------===//

TEST(NamerTest, OrdinaryNamesStayAsTheyAre) {
  EXPECT_EQ(makeIdentifier("relief", NameStyle::AsWritten), "relief");
  EXPECT_EQ(makeIdentifier("l2_l3", NameStyle::AsWritten), "l2_l3");
  EXPECT_EQ(makeIdentifier("Relief", NameStyle::AsWritten), "Relief");
}

TEST(NamerTest, KeywordsAndMacrosGetAnUnderscore) {
  for (const char *Word :
       {"class", "delete", "new", "default", "namespace", "and", "not_eq",
        "co_await", "requires", "char8_t", "assert", "errno", "major", "minor",
        "linux", "unix", "NULL", "EOF", "stdin"}) {
    SCOPED_TRACE(Word);
    EXPECT_TRUE(isReservedWord(Word));
    EXPECT_EQ(makeIdentifier(Word, NameStyle::AsWritten),
              std::string(Word) + "_");
  }
  EXPECT_FALSE(isReservedWord("relief"));
  EXPECT_FALSE(isReservedWord("Class"));
}

TEST(NamerTest, ReservedIdentifiersAreAvoided) {
  // A double underscore anywhere, or an underscore and a capital at the
  // start, belongs to the implementation.
  EXPECT_EQ(makeIdentifier("a__b", NameStyle::AsWritten), "a_b");
  EXPECT_EQ(makeIdentifier("_Upper", NameStyle::AsWritten), "Upper");
  EXPECT_EQ(makeIdentifier("__x", NameStyle::AsWritten), "x");
  EXPECT_EQ(makeIdentifier("_draft", NameStyle::AsWritten), "draft");
  EXPECT_EQ(makeIdentifier("trailing_", NameStyle::AsWritten), "trailing");
}

TEST(NamerTest, OtherCharactersAndDigits) {
  EXPECT_EQ(makeIdentifier("a.b-c d", NameStyle::AsWritten), "a_b_c_d");
  EXPECT_EQ(makeIdentifier("2_weeks", NameStyle::AsWritten), "v2_weeks");
  EXPECT_EQ(makeIdentifier("", NameStyle::AsWritten), "v");
  EXPECT_EQ(makeIdentifier("___", NameStyle::AsWritten), "v");
  EXPECT_EQ(makeIdentifier("caf\xc3\xa9", NameStyle::AsWritten), "caf");
  EXPECT_EQ(makeIdentifier("step.read_relief.branch", NameStyle::AsWritten),
            "step_read_relief_branch");
}

TEST(NamerTest, UpperCamelForTypes) {
  EXPECT_EQ(makeIdentifier("radiographs", NameStyle::UpperCamel),
            "Radiographs");
  EXPECT_EQ(makeIdentifier("hip_pain_duration", NameStyle::UpperCamel),
            "HipPainDuration");
  EXPECT_EQ(makeIdentifier("_inputs", NameStyle::UpperCamel), "Inputs");
  EXPECT_EQ(makeIdentifier("l2_l3", NameStyle::UpperCamel), "L2L3");
  EXPECT_EQ(makeIdentifier("3d", NameStyle::UpperCamel), "V3d");
}

TEST(NamerTest, CollisionsAndTakenNames) {
  Namer Names({"Inputs", "evaluate"});
  EXPECT_EQ(Names.get("evaluate").str(), "evaluate_2");
  EXPECT_EQ(Names.get("_inputs", NameStyle::UpperCamel).str(), "Inputs_2");
  // a__b and a_b come out the same; the second gets a suffix.
  EXPECT_EQ(Names.get("a__b").str(), "a_b");
  EXPECT_EQ(Names.get("a_b").str(), "a_b_2");
  // A name whose spelling is another's suffixed form is still unique.
  EXPECT_EQ(Names.get("a_b_2").str(), "a_b_2_2");
  // Asking again gives the same identifier; another style is another name.
  EXPECT_EQ(Names.get("a__b").str(), "a_b");
  EXPECT_EQ(Names.get("evaluate").str(), "evaluate_2");
  EXPECT_EQ(Names.get("a_b", NameStyle::UpperCamel).str(), "AB");
  // Keywords escaped by the namer still collide with a name spelled so.
  Namer Keywords;
  EXPECT_EQ(Keywords.get("class_").str(), "class_");
  EXPECT_EQ(Keywords.get("class").str(), "class_2");
}

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

TEST(CppTextTest, StringLiterals) {
  EXPECT_EQ(cppStringLiteral(""), "\"\"");
  EXPECT_EQ(cppStringLiteral("relief > 75 percent"), "\"relief > 75 percent\"");
  EXPECT_EQ(cppStringLiteral("say \"no\""), "\"say \\\"no\\\"\"");
  EXPECT_EQ(cppStringLiteral("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(cppStringLiteral("line\nbreak\ttab\rreturn"),
            "\"line\\nbreak\\ttab\\015return\"");
  // No trigraph can form: ??/ would be a backslash under -trigraphs.
  EXPECT_EQ(cppStringLiteral("?\?/ ?\?= ?\?\?"), "\"?\\?/ ?\\?= ?\\?\\?\"");
  // Octal escapes stop after three digits, so the digits after them stay
  // digits; a \x escape would swallow them.
  EXPECT_EQ(cppStringLiteral("caf\xc3\xa9"
                             "123"),
            "\"caf\\303\\251123\"");
  EXPECT_EQ(cppStringLiteral(llvm::StringRef("\0\x7f", 2)), "\"\\000\\177\"");
  // Comment markers and format directives mean nothing in a literal.
  EXPECT_EQ(cppStringLiteral("*/ /* // 100 % %s"), "\"*/ /* // 100 % %s\"");
}

TEST(CppTextTest, CommentText) {
  EXPECT_EQ(cppCommentText("plain text"), "plain text");
  EXPECT_EQ(cppCommentText("two\nlines\tand  spaces "), "two lines and spaces");
  // A trailing backslash would splice the next line into the comment.
  EXPECT_EQ(cppCommentText("ends in \\"), "ends in \\.");
  EXPECT_EQ(cppCommentText("ends in \\\n"), "ends in \\.");
  EXPECT_EQ(cppCommentText("ends in ?\?/"), "ends in ? ?/");
  EXPECT_EQ(cppCommentText("*/ stays: only // comments are written"),
            "*/ stays: only // comments are written");
}

TEST(CppTextTest, Doubles) {
  EXPECT_EQ(cppDouble(75), "75.0");
  EXPECT_EQ(cppDouble(0.8), "0.8");
  EXPECT_EQ(cppDouble(-5), "-5.0");
  EXPECT_EQ(cppDouble(1e21), "1e+21");
  EXPECT_EQ(cppDouble(std::numeric_limits<double>::infinity()),
            "pathwayc::runtime::Infinity");
  EXPECT_EQ(cppDouble(-std::numeric_limits<double>::infinity()),
            "-pathwayc::runtime::Infinity");
  // The digits read back to the same double.
  for (double X : {0.1 + 0.2, 1.0 / 3, 3.0 / 12, 1e-300, 5e-324,
                   1.7976931348623157e308, 13.799342915811089}) {
    std::string Text = cppDouble(X);
    EXPECT_EQ(std::strtod(Text.c_str(), nullptr), X) << Text;
  }
}

//===----------------------------------------------------------------------===//
// CodeWriter
//===----------------------------------------------------------------------===//

std::string written(llvm::function_ref<void(CodeWriter &)> Write) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  CodeWriter W(OS);
  Write(W);
  return OS.str();
}

TEST(CodeWriterTest, VariablesAndIndent) {
  std::string Text = written([](CodeWriter &W) {
    W.print("struct $name$ {\n", {{"name", "Inputs"}});
    {
      CodeWriter::Indent Indent(W);
      W.print("std::optional<$type$> $field$;\n\n$type$ $$Other;\n",
              {{"type", "double"}, {"field", "relief"}});
      CodeWriter::Indent Deeper(W);
      W.print("// $a$$b$\n", {{"a", "x"}, {"b", "y"}});
    }
    W.print("};\n");
  });
  EXPECT_EQ(Text, "struct Inputs {\n"
                  "  std::optional<double> relief;\n"
                  "\n"
                  "  double $Other;\n"
                  "    // xy\n"
                  "};\n");
}

TEST(CodeWriterTest, MultiLineValuesAreIndentedLineByLine) {
  std::string Text = written([](CodeWriter &W) {
    CodeWriter::Indent Indent(W);
    W.print("x = $value$;\n", {{"value", "{\n  1,\n}"}});
  });
  EXPECT_EQ(Text, "  x = {\n    1,\n  };\n");
}

TEST(CodeWriterTest, PartialLinesJoin) {
  std::string Text = written([](CodeWriter &W) {
    CodeWriter::Indent Indent(W);
    W.print("a");
    W.print("b\n");
  });
  EXPECT_EQ(Text, "  ab\n");
}

#ifndef NDEBUG
TEST(CodeWriterDeathTest, UndefinedVariableAsserts) {
  EXPECT_DEATH(written([](CodeWriter &W) { W.print("$missing$\n"); }),
               "template variable not defined");
}
#else
TEST(CodeWriterTest, UndefinedVariableShowsInTheOutput) {
  EXPECT_EQ(written([](CodeWriter &W) { W.print("$missing$\n"); }),
            "$missing$\n");
}
#endif

//===----------------------------------------------------------------------===//
// The emitter
//===----------------------------------------------------------------------===//

constexpr const char *SmallPathway = R"(pathway small_example {
  title "A small example"
  version "1"
  source src "A source"
  inputs {
    fever: bool "temperature above 38 C"
    relief: number in [0, 100] percent "pain relief"
    side: one of { left, right, both }
  }
  red_flag infection: fever -> urgent "Evaluate for infection" cite src
  start step read "Read the relief" {
    assess relief, side
    branch {
      relief > 75 percent -> good cite src
      relief <= 75 percent and side is both -> bad cite src
      relief <= 75 percent and side is not both -> bad cite src
    }
  }
  outcome good "Good" { recommend "Carry on" cite src }
  outcome bad "Bad" { recommend "Think again" cite src }
}
)";

TEST(CppEmitterTest, WritesAHeaderAndASource) {
  auto E = test::emitText(createCppEmitter, SmallPathway);
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  auto Files = E->Out.getFiles();
  ASSERT_EQ(Files.size(), 2u);
  EXPECT_EQ(Files[0].first, "small_example.cpp");
  EXPECT_EQ(Files[1].first, "small_example.h");
  const std::string &Source = Files[0].second;
  const std::string &Header = Files[1].second;

  EXPECT_NE(Header.find("namespace small_example {"), std::string::npos);
  EXPECT_NE(Header.find("enum class Side {\n  left,\n  right,\n  both,\n};"),
            std::string::npos);
  EXPECT_NE(Header.find("  std::optional<bool> fever;\n"), std::string::npos);
  EXPECT_NE(Header.find("  std::optional<double> relief;\n"),
            std::string::npos);
  EXPECT_NE(Header.find("  std::optional<Side> side;\n"), std::string::npos);
  EXPECT_NE(Header.find("pathwayc::runtime::Result evaluate(const Inputs "
                        "&In);"),
            std::string::npos);
  EXPECT_NE(Source.find("#include \"small_example.h\""), std::string::npos);
  EXPECT_NE(Source.find("rt::test(In.relief, [](double V) { return V > 75.0 "
                        "&& V <= 100.0; })"),
            std::string::npos);
  EXPECT_NE(Source.find("rt::test(In.side, [](Side V) { return V == "
                        "Side::both; })"),
            std::string::npos);
}

TEST(CppEmitterTest, EveryFileStartsWithItsProvenance) {
  auto E = test::emitText(createCppEmitter, SmallPathway);
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  for (const auto &[Name, Contents] : E->Out.getFiles()) {
    SCOPED_TRACE(Name);
    EXPECT_EQ(Contents.rfind("// Generated by pathwayc " PATHWAYC_VERSION
                             " from test.pathway. Do not edit.\n"
                             "// Source sha256: ",
                             0),
              0u);
    EXPECT_NE(Contents.find("// Checks passed: structure, criteria, "
                            "coverage, assessment, evidence, safety.\n"),
              std::string::npos);
  }
}

TEST(CppEmitterTest, NamespaceOption) {
  auto E =
      test::emitText(createCppEmitter, SmallPathway, "namespace=clinic::hip");
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  const std::string *Header = E->Out.getFile("small_example.h");
  ASSERT_NE(Header, nullptr);
  EXPECT_NE(Header->find("namespace clinic::hip {"), std::string::npos);
  EXPECT_NE(Header->find("#ifndef PATHWAYC_GENERATED_CLINIC_HIP_H"),
            std::string::npos);

  for (const char *Bad : {"namespace=", "namespace=a::", "namespace=class",
                          "namespace=a b", "namespaces=x", "inline"}) {
    SCOPED_TRACE(Bad);
    auto Failed = test::emitText(createCppEmitter, SmallPathway, Bad);
    EXPECT_FALSE(Failed->Succeeded);
    EXPECT_NE(Failed->diagnostics().find("PW0008"), std::string::npos)
        << Failed->diagnostics();
  }
}

TEST(CppEmitterTest, OutputIsDeterministic) {
  auto First = test::emitText(createCppEmitter, SmallPathway);
  auto Second = test::emitText(createCppEmitter, SmallPathway);
  ASSERT_TRUE(First->Succeeded && Second->Succeeded);
  EXPECT_EQ(First->Out.getFiles(), Second->Out.getFiles());
}

TEST(CppEmitterTest, NoTrailingSpacesOrTabs) {
  auto E = test::emitFile(createCppEmitter,
                          test::sourcePath("tests/inputs/cpp/"
                                           "hostile_names.pathway"),
                          "hostile_names.pathway");
  ASSERT_TRUE(E->Succeeded) << E->diagnostics();
  for (const auto &[Name, Contents] : E->Out.getFiles()) {
    SCOPED_TRACE(Name);
    EXPECT_EQ(Contents.find(" \n"), std::string::npos);
    EXPECT_EQ(Contents.find('\t'), std::string::npos);
    EXPECT_EQ(Contents.find('\r'), std::string::npos);
  }
}

//===----------------------------------------------------------------------===//
// Goldens
//===----------------------------------------------------------------------===//

class CppGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(CppGoldenTest, MatchesGolden) {
  test::expectMatchesGoldens(createCppEmitter, "cpp", GetParam());
}

std::string goldenTestName(const testing::TestParamInfo<std::string> &Info) {
  return Info.param;
}

INSTANTIATE_TEST_SUITE_P(Shipped, CppGoldenTest,
                         testing::ValuesIn(test::shippedGuidelines()),
                         goldenTestName);

TEST(CppGoldenSetTest, OneHeaderAndSourcePerGuideline) {
  test::expectOneGoldenPerGuideline("cpp", {".cpp", ".h"});
}

} // namespace
