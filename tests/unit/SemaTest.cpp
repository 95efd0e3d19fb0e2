//===- SemaTest.cpp - What semantic analysis records in the AST -----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Which diagnostics sema reports is tested by the -verify files in
// tests/diagnostics; these tests check what it writes into the AST for the
// later stages: resolved names, converted numbers, evidence as fractions.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include "gtest/gtest.h"

using namespace pathwayc;
using namespace pathwayc::test;
using llvm::cast;

namespace {

/// A clean pathway around \p Members: a source, an outcome to go to, and a
/// start step that uses every input listed in \p Assess.
std::unique_ptr<Compilation> checkMembers(llvm::StringRef Members,
                                          llvm::StringRef Assess) {
  std::string Text = "pathway p {\n  title \"T\"\n  version \"1\"\n"
                     "  source s \"S\"\n" +
                     Members.str() + "\n  start step st {\n    assess " +
                     Assess.str() +
                     "\n    next done\n  }\n"
                     "  outcome done \"Done\" { recommend \"r\" cite s }\n}\n";
  return compile(Text);
}

const Expr &firstCriterion(const Compilation &C) {
  return *C.AST->Criteria.front().Condition;
}

TEST(SemaTest, TimeUnitsConvertToTheInputsUnit) {
  auto C = checkMembers("inputs { d: number in [0, 1200] months }\n"
                        "include \"c\": d >= 26 weeks",
                        "d");
  ASSERT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  const auto &Cmp = cast<CompareExpr>(firstCriterion(*C));
  const auto &Q = cast<QuantityExpr>(*Cmp.RHS);
  // 26 weeks = 182 days; a month is 365.25 / 12 days.
  EXPECT_NEAR(Q.Converted, 182.0 / (365.25 / 12), 1e-9);
  EXPECT_EQ(Q.UnitName->Resolved, Unit::Weeks);
}

TEST(SemaTest, IntervalEndsConvert) {
  auto C = checkMembers("inputs { d: number in [0, 100] years }\n"
                        "include \"c\": d in [6, 18) months",
                        "d");
  ASSERT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  const auto &In = cast<InIntervalExpr>(firstCriterion(*C));
  EXPECT_DOUBLE_EQ(In.ConvertedLow, 0.5);
  EXPECT_DOUBLE_EQ(In.ConvertedHigh, 1.5);
}

TEST(SemaTest, NamesResolveToTheirDeclarations) {
  auto C =
      checkMembers("inputs { xray: one of { negative, oa }\n flag: bool }\n"
                   "include \"c\": xray is oa and flag",
                   "xray, flag");
  ASSERT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  const auto &And = cast<LogicalExpr>(firstCriterion(*C));
  const auto &Is = cast<CompareExpr>(*And.Operands[0]);
  EXPECT_EQ(cast<NameRefExpr>(*Is.LHS).Resolved, C->AST->Inputs[0].get());
  EXPECT_EQ(Is.RHS->Type, ExprType::EnumValue);
  EXPECT_EQ(cast<NameRefExpr>(*And.Operands[1]).Resolved,
            C->AST->Inputs[1].get());
  EXPECT_EQ(And.Type, ExprType::Bool);
  EXPECT_EQ(C->AST->Start, C->AST->Steps[0].get());
  EXPECT_EQ(C->AST->Steps[0]->ResolvedNexts[0], C->AST->Outcomes[0].get());
}

TEST(SemaTest, EvidenceIsStoredAsFractions) {
  auto C = checkMembers(
      "diagnosis g \"G\" pretest 3..5 percent cite s\n"
      "exam t \"T\" detects g sensitivity 72.7 percent specificity "
      "0.87..1.00 cite s",
      "t");
  ASSERT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  const DiagnosisDecl &G = *C->AST->Diagnoses[0];
  EXPECT_DOUBLE_EQ(G.Pretest->LowFraction, 0.03);
  EXPECT_DOUBLE_EQ(G.Pretest->HighFraction, 0.05);
  const ExamDecl &T = *C->AST->Exams[0];
  EXPECT_EQ(T.ResolvedDiagnosis, &G);
  EXPECT_DOUBLE_EQ(T.Sensitivity.LowFraction, 0.727);
  EXPECT_DOUBLE_EQ(T.Sensitivity.HighFraction, 0.727);
  EXPECT_DOUBLE_EQ(T.Specificity.LowFraction, 0.87);
  EXPECT_DOUBLE_EQ(T.Specificity.HighFraction, 1.0);
}

TEST(SemaTest, VocabularyWordsResolve) {
  auto C = checkMembers(
      "procedure inj \"I\" may_be_appropriate rating 5 radiation low cite s\n"
      "red_flag f: flag -> emergency \"now\" cite s\n"
      "inputs { flag: bool }",
      "flag");
  ASSERT_EQ(C->Diags.getNumErrors(), 0u) << C->diagnostics();
  EXPECT_EQ(C->AST->Procedures[0]->Category, Appropriateness::MayBeAppropriate);
  EXPECT_EQ(C->AST->Procedures[0]->Radiation, RadiationLevel::Low);
  EXPECT_EQ(C->AST->RedFlags[0]->Level, Urgency::Emergency);
}

TEST(SemaTest, ErrorsMarkDeclarationsInvalid) {
  auto C = checkMembers("inputs { d: number in [10, 0] }", "d");
  EXPECT_EQ(C->Diags.getNumErrors(), 1u) << C->diagnostics();
  EXPECT_TRUE(C->AST->Inputs[0]->Invalid);
}

TEST(SemaTest, UnitsConvertBothWays) {
  EXPECT_DOUBLE_EQ(convertUnit(3, Unit::Months, Unit::Days), 3 * 365.25 / 12);
  EXPECT_DOUBLE_EQ(convertUnit(1, Unit::Years, Unit::Months), 12);
  EXPECT_DOUBLE_EQ(convertUnit(2, Unit::Weeks, Unit::Days), 14);
  EXPECT_DOUBLE_EQ(convertUnit(90, Unit::Minutes, Unit::Hours), 1.5);
  EXPECT_DOUBLE_EQ(convertUnit(2, Unit::Centimetres, Unit::Millimetres), 20);
  EXPECT_EQ(getDimension(Unit::Percent), Dimension::Fraction100);
  EXPECT_NE(getDimension(Unit::Percent), getDimension(Unit::None));
}

} // namespace
