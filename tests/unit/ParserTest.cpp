//===- ParserTest.cpp - Every construct parses to the expected AST --------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include "gtest/gtest.h"

using namespace pathwayc;
using namespace pathwayc::test;

namespace {

/// Parses \p Members inside a pathway and returns the AST dump below the
/// pathway line, failing the test on any diagnostic.
std::string parseMembers(llvm::StringRef Members) {
  std::string Text = "pathway p {\n" + Members.str() + "\n}\n";
  auto C = compile(Text, Stage::Parse);
  EXPECT_EQ(C->Diags.getNumErrors() + C->Diags.getNumWarnings(), 0u)
      << C->diagnostics();
  std::string Dump = C->dump();
  EXPECT_EQ(Dump.substr(0, 10), "Pathway p\n");
  return Dump.size() > 10 ? Dump.substr(10) : "";
}

/// The expression of `include "c": EXPR`, printed fully parenthesised.
std::string parseCondition(llvm::StringRef Condition) {
  std::string Dump = parseMembers("include \"c\": " + Condition.str());
  llvm::StringRef Line = llvm::StringRef(Dump).split('\n').second;
  EXPECT_TRUE(Line.consume_front("    Condition ")) << Dump;
  return Line.split('\n').first.str();
}

TEST(ParserTest, Metadata) {
  EXPECT_EQ(parseMembers("title \"T\"\nversion \"2026.1\"\n"
                         "population \"adults\"\nsummary \"S \\\"q\\\"\""),
            "  Metadata title \"T\"\n"
            "  Metadata version \"2026.1\"\n"
            "  Metadata population \"adults\"\n"
            "  Metadata summary \"S \\\"q\\\"\"\n");
}

TEST(ParserTest, Sources) {
  EXPECT_EQ(parseMembers("source acr \"ACR Criteria\" year 2026 author \"A B\" "
                         "url \"https://example.org\"\nsource b \"B\""),
            "  Source acr \"ACR Criteria\" year 2026 author \"A B\" url "
            "\"https://example.org\"\n"
            "  Source b \"B\"\n");
}

TEST(ParserTest, Inputs) {
  EXPECT_EQ(parseMembers("inputs {\n"
                         "  duration: number in [0, 1200] months \"how long\"\n"
                         "  a, b: bool\n"
                         "  xray: one of { not_done, negative, oa, }\n"
                         "  angle: number in (-10.5, 90] degrees\n"
                         "  frac: number in [0, 1)\n"
                         "}"),
            "  Input duration number in [0, 1200] months \"how long\"\n"
            "  Input a bool\n"
            "  Input b bool\n"
            "  Input xray one of { not_done, negative, oa }\n"
            "  Input angle number in (-10.5, 90] degrees\n"
            "  Input frac number in [0, 1)\n");
}

TEST(ParserTest, RedFlagsAndCriteria) {
  EXPECT_EQ(
      parseMembers("red_flag ces: saddle or bladder -> emergency \"MRI now\" "
                   "cite s \"within hours\"\n"
                   "include \"chronic\": d > 3 months cite s\n"
                   "exclude \"labral\": labral and xray is negative -> refer "
                   "\"MR arthrography\" cite s, t \"q\""),
      "  RedFlag ces emergency \"MRI now\"\n"
      "    Condition (saddle or bladder)\n"
      "    Cite s \"within hours\"\n"
      "  Include \"chronic\"\n"
      "    Condition (d > 3 months)\n"
      "    Cite s\n"
      "  Exclude \"labral\" refer \"MR arthrography\"\n"
      "    Condition (labral and (xray == negative))\n"
      "    Cite s\n"
      "    Cite t \"q\"\n");
}

TEST(ParserTest, DiagnosesExamsProcedures) {
  EXPECT_EQ(
      parseMembers(
          "diagnosis lsr \"Radiculopathy\" pretest 0.03..0.05 cite u\n"
          "diagnosis gm \"Gluteus medius\" pretest input gm_pretest\n"
          "diagnosis oa \"Hip OA\" pretest 20 percent\n"
          "diagnosis x \"Other\"\n"
          "exam tr \"Trendelenburg\" detects gm sensitivity 72.7 percent "
          "specificity 76.9 % cite u\n"
          "exam emg \"EMG\" detects lsr sensitivity 0.49..0.86 specificity "
          "87..100 percent\n"
          "procedure inj \"Injection\" usually_appropriate rating 8 radiation "
          "varies cite a\n"
          "procedure mri \"MRI\" usually_not_appropriate radiation none"),
      "  Diagnosis lsr \"Radiculopathy\"\n"
      "    Pretest 0.03..0.05\n"
      "    Cite u\n"
      "  Diagnosis gm \"Gluteus medius\" pretest input gm_pretest\n"
      "  Diagnosis oa \"Hip OA\"\n"
      "    Pretest 20 percent\n"
      "  Diagnosis x \"Other\"\n"
      "  Exam tr \"Trendelenburg\" detects gm\n"
      "    Sensitivity 72.7 percent\n"
      "    Specificity 76.9 %\n"
      "    Cite u\n"
      "  Exam emg \"EMG\" detects lsr\n"
      "    Sensitivity 0.49..0.86\n"
      "    Specificity 87..100 percent\n"
      "  Procedure inj \"Injection\" usually_appropriate rating 8 radiation "
      "varies\n"
      "    Cite a\n"
      "  Procedure mri \"MRI\" usually_not_appropriate radiation none\n");
}

TEST(ParserTest, StepsAndOutcomes) {
  EXPECT_EQ(parseMembers(
                "start step inj \"Injection\" {\n"
                "  order hip_injection, xray justify \"needed\" cite a\n"
                "  assess confirmed, relief\n"
                "  branch {\n"
                "    confirmed and relief > 75 percent -> good cite a \"q\"\n"
                "    relief in (50, 75] percent -> mixed note \"silent\"\n"
                "    otherwise -> other\n"
                "  }\n"
                "  note \"n\"\n"
                "  pitfall \"p\" cite a\n"
                "}\n"
                "step later { next good }\n"
                "outcome good \"Good\" {\n"
                "  urgency routine\n"
                "  recommend \"Discuss THA\" cite a \"quote\"\n"
                "  note \"after\"\n"
                "}\n"
                "note \"pathway note\"\n"
                "pitfall \"pathway pitfall\""),
            "  StartStep inj \"Injection\"\n"
            "    Order hip_injection xray justify \"needed\"\n"
            "      Cite a\n"
            "    Assess confirmed relief\n"
            "    Branch\n"
            "      Arm (confirmed and (relief > 75 percent)) -> good\n"
            "        Cite a \"q\"\n"
            "      Arm (relief in (50, 75] percent) -> mixed\n"
            "        Note \"silent\"\n"
            "      Arm otherwise -> other\n"
            "    Note \"n\"\n"
            "    Pitfall \"p\"\n"
            "      Cite a\n"
            "  Step later\n"
            "    Next good\n"
            "  Outcome good \"Good\" urgency routine\n"
            "    Recommend \"Discuss THA\"\n"
            "      Cite a \"quote\"\n"
            "    Note \"after\"\n"
            "  Note \"pathway note\"\n"
            "  Pitfall \"pathway pitfall\"\n");
}

TEST(ParserTest, ExpressionPrecedence) {
  // not binds tighter than and, which binds tighter than or.
  EXPECT_EQ(parseCondition("a or b and not c"), "(a or (b and (not c)))");
  EXPECT_EQ(parseCondition("(a or b) and c"), "((a or b) and c)");
  EXPECT_EQ(parseCondition("not not a"), "(not (not a))");
  EXPECT_EQ(parseCondition("a and b and c"), "(a and b and c)");
  EXPECT_EQ(parseCondition("true or false"), "(true or false)");
}

TEST(ParserTest, Comparisons) {
  EXPECT_EQ(parseCondition("x < 1"), "(x < 1)");
  EXPECT_EQ(parseCondition("x <= 1.5 months"), "(x <= 1.5 months)");
  EXPECT_EQ(parseCondition("x > -2"), "(x > -2)");
  EXPECT_EQ(parseCondition("x >= 75 %"), "(x >= 75 %)");
  EXPECT_EQ(parseCondition("x == a"), "(x == a)");
  EXPECT_EQ(parseCondition("x != a"), "(x != a)");
  EXPECT_EQ(parseCondition("x is a"), "(x == a)");
  EXPECT_EQ(parseCondition("x is not a"), "(x != a)");
  EXPECT_EQ(parseCondition("probability(d) >= 0.8"), "(probability(d) >= 0.8)");
}

TEST(ParserTest, IntervalsAndSets) {
  EXPECT_EQ(parseCondition("x in [30, 50] percent"), "(x in [30, 50] percent)");
  EXPECT_EQ(parseCondition("x in (50, 75)"), "(x in (50, 75))");
  EXPECT_EQ(parseCondition("x in [0, 3) months"), "(x in [0, 3) months)");
  EXPECT_EQ(parseCondition("x in (0.2, 0.8]"), "(x in (0.2, 0.8])");
  EXPECT_EQ(parseCondition("x in { a, b }"), "(x in { a, b })");
  EXPECT_EQ(parseCondition("x not in { a }"), "(x not in { a })");
  EXPECT_EQ(parseCondition("probability(d) in [0.2, 0.8)"),
            "(probability(d) in [0.2, 0.8))");
}

TEST(ParserTest, SoftKeywordsAreNames) {
  // Words that are keywords in one position are ordinary names elsewhere.
  EXPECT_EQ(parseMembers("inputs { year, rating, input, number: bool }\n"
                         "include \"c\": year and rating"),
            "  Input year bool\n"
            "  Input rating bool\n"
            "  Input input bool\n"
            "  Input number bool\n"
            "  Include \"c\"\n"
            "    Condition (year and rating)\n");
}

TEST(ParserTest, CommentsAreIgnored) {
  EXPECT_EQ(parseMembers("// a line comment\n/* a block\n comment */ title "
                         "\"T\" // trailing"),
            "  Metadata title \"T\"\n");
}

TEST(ParserTest, StringEscapes) {
  auto C = compile("pathway p { title \"a\\\"b\\\\c\\nd\\te\" }", Stage::Parse);
  ASSERT_TRUE(C->AST);
  EXPECT_EQ(C->AST->getMetadata(Metadata::MetadataKey::Title), "a\"b\\c\nd\te");
}

TEST(ParserTest, SourceRangesPointAtTheText) {
  auto C = compile("pathway p {\n"
                   "  inputs { relief: number in [0, 100] percent }\n"
                   "  include \"c\": relief > 75 percent\n"
                   "}\n",
                   Stage::Parse);
  EXPECT_EQ(C->dump(/*WithRanges=*/true),
            "Pathway p <1:1-4:2>\n"
            "  Input relief number in [0, 100] percent <2:12-2:46>\n"
            "  Include \"c\" <3:3-3:35>\n"
            "    Condition (relief > 75 percent) <3:16-3:35>\n");
}

TEST(ParserTest, RangesCountBytesAfterNonAsciiText) {
  // The lexer counts code points; ranges must still be byte offsets.
  auto C = compile("pathway p {\n"
                   "  title \"Hüft-Schmerz ≥ 3 Monate\" include \"c\": x\n"
                   "}\n",
                   Stage::Parse);
  ASSERT_TRUE(C->AST);
  ASSERT_EQ(C->AST->Criteria.size(), 1u);
  SourceRange R = C->AST->Criteria[0].Condition->getRange();
  EXPECT_EQ(C->SM.getContents(C->Buffer).substr(R.getBegin().getOffset(), 1),
            "x");
}

TEST(ParserTest, CrlfLineEndings) {
  auto C = compile("pathway p {\r\n  title \"T\"\r\n  inputs { a: bool }\r\n"
                   "  include \"c\": b\r\n}\r\n",
                   Stage::Parse);
  EXPECT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  EXPECT_EQ(C->dump(true), "Pathway p <1:1-5:2>\n"
                           "  Metadata title \"T\" <2:3-2:12>\n"
                           "  Input a bool <3:12-3:19>\n"
                           "  Include \"c\" <4:3-4:17>\n"
                           "    Condition b <4:16-4:17>\n");
}

TEST(ParserTest, RecoversAndReportsEveryIndependentSyntaxError) {
  auto C = compile("pathway p {\n"
                   "  inputs { a: bool; b: bool }\n"
                   "  include \"c\" a\n"
                   "  outcome o \"O\" { recommend }\n"
                   "  step s { next o }\n"
                   "}\n",
                   Stage::Parse);
  EXPECT_EQ(C->Diags.getNumErrors(), 3u) << C->diagnostics();
  // The step after the errors is still in the tree.
  ASSERT_TRUE(C->AST);
  ASSERT_EQ(C->AST->Steps.size(), 1u);
  EXPECT_EQ(C->AST->Steps[0]->getName(), "s");
}

TEST(ParserTest, DeepNestingIsRefusedWithoutRecursing) {
  std::string Deep = "pathway p { include \"c\": " + std::string(10000, '(') +
                     "a" + std::string(10000, ')') + " }";
  auto C = compile(Deep, Stage::Parse);
  EXPECT_FALSE(C->AST);
  EXPECT_EQ(C->Diags.getNumErrors(), 1u);
  EXPECT_NE(C->diagnostics().find("brackets nest more than 256 levels deep"),
            std::string::npos);
}

TEST(ParserTest, NestingUpToTheLimitParses) {
  // 254 parentheses inside the pathway's brace: 255 levels.
  std::string Deep = "pathway p { include \"c\": " + std::string(254, '(') +
                     "a" + std::string(254, ')') + " }";
  auto C = compile(Deep, Stage::Parse);
  EXPECT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  ASSERT_TRUE(C->AST);
  EXPECT_EQ(parseCondition(std::string(254, '(') + "a" + std::string(254, ')')),
            "a");
}

} // namespace
