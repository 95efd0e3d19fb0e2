//===- EvidenceSafetyPassTest.cpp - The evidence and safety passes --------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Small pathways through the real front end and lowering, with one pass run
// on the graph, and the exact findings it reports: code, line and message,
// and for probability guards the witness. Each kind of finding has a
// positive case and a correct pathway that must not get it.
//
//===----------------------------------------------------------------------===//

#include "VerifierTestSupport.h"

#include "diag/SourceManager.h"

#include <string>
#include <vector>

using namespace pathwayc;
using namespace pathwayc::test;

namespace {

/// The 1-based line of the first occurrence of \p Needle in \p Text.
unsigned lineOf(const std::string &Text, const std::string &Needle) {
  size_t At = Text.find(Needle);
  EXPECT_NE(At, std::string::npos) << "no '" << Needle << "'";
  return 1 + llvm::StringRef(Text).take_front(At).count('\n');
}

std::string finding(unsigned Line, llvm::StringRef Code,
                    llvm::StringRef Message) {
  return std::to_string(Line) + ": " + Code.str() + ": " + Message.str();
}

/// A pathway compiled to its graph and checked by one pass.
struct Checked {
  std::string Text;
  Graph G;

  /// The pass's findings (PW08xx, PW09xx and the budget's PW0604) as
  /// "LINE: CODE: message" in source order; sema's warnings are left out.
  std::vector<std::string> Findings;

  unsigned line(const std::string &Needle) const {
    return lineOf(Text, Needle);
  }
};

Checked run(llvm::StringRef Pass, llvm::StringRef Members) {
  Checked C;
  C.Text = pathwayWith(Members);
  C.G = lower(C.Text);
  if (!C.G.M)
    return C;
  C.G.runPass(Pass);
  for (const Diagnostic &D : C.G.C->Diags.getSortedDiagnostics()) {
    llvm::StringRef Code = D.getCode();
    if (Code.startswith("PW08") || Code.startswith("PW09") || Code == "PW0604")
      C.Findings.push_back(finding(
          C.G.C->SM.getLineColumn(D.Range.getBegin()).Line, Code, D.Message));
  }
  return C;
}

using Lines = std::vector<std::string>;

//===----------------------------------------------------------------------===//
// Evidence: uninformative exams (PW0801)
//===----------------------------------------------------------------------===//

TEST(EvidencePassTest, UninformativeExams) {
  Checked C = run("evidence", R"(
  diagnosis d "D" pretest 0.2 cite s
  exam coin "Coin" detects d sensitivity 0.6 specificity 0.4 cite s
  exam noise "Noise" detects d sensitivity 0.1 specificity 0.2 cite s
  exam ranged "Ranged" detects d sensitivity 0.3..0.6 specificity 0.5..0.7 cite s
  exam pct "Percent" detects d sensitivity 40 percent specificity 55 percent cite s
  start step st {
    assess coin, noise, ranged, pct
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("exam coin"), "PW0801",
                           "exam 'coin' is uninformative: its sensitivity plus "
                           "specificity is 1, not above 1, so a positive "
                           "finding does not raise the probability of 'd'"),
                   // 0.1 + 0.2 is 0.30000000000000004 in binary.
                   finding(C.line("exam noise"), "PW0801",
                           "exam 'noise' is uninformative: its sensitivity "
                           "plus specificity is 0.3, not above 1, so a "
                           "positive finding does not raise the probability "
                           "of 'd'"),
                   finding(C.line("exam ranged"), "PW0801",
                           "exam 'ranged' may be uninformative: its "
                           "sensitivity plus specificity is 0.8 at the low "
                           "ends of their ranges, not above 1, so a positive "
                           "finding may not raise the probability of 'd'"),
                   finding(C.line("exam pct"), "PW0801",
                           "exam 'pct' is uninformative: its sensitivity plus "
                           "specificity is 0.95, not above 1, so a positive "
                           "finding does not raise the probability of 'd'")}));
}

TEST(EvidencePassTest, InformativeExamsAreNotReported) {
  Checked C = run("evidence", R"(
  diagnosis gmed "Gluteus medius tendinopathy" pretest 0.3 cite s
  exam rer "Resisted external rotation" detects gmed
      sensitivity 88 percent specificity 97.3 percent cite s
  exam barely "Barely" detects gmed sensitivity 0.5..0.6 specificity 0.51..0.7 cite s
  start step st {
    assess rer, barely
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

//===----------------------------------------------------------------------===//
// Evidence: orders rated usually not appropriate (PW0802)
//===----------------------------------------------------------------------===//

TEST(EvidencePassTest, UnjustifiedOrderOfAUsuallyNotAppropriateProcedure) {
  Checked C = run("evidence", R"(
  procedure mri "MRI hip" usually_not_appropriate cite s
  procedure xr "Radiographs" usually_appropriate cite s
  procedure ct "CT hip" usually_not_appropriate cite s
  start step st {
    order mri cite s
    order xr cite s
    order ct justify "MRI is contraindicated for this patient" cite s
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("order mri"), "PW0802",
                           "step 'st' orders 'mri', rated usually not "
                           "appropriate, without a 'justify' saying why")}));
}

TEST(EvidencePassTest, JustifiedOrdersAreNotReported) {
  Checked C = run("evidence", R"(
  procedure ct "CT hip" usually_not_appropriate cite s
  procedure inj "Injection" may_be_appropriate cite s
  start step st {
    order ct justify "MRI is contraindicated for this patient" cite s
    order inj cite s
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

//===----------------------------------------------------------------------===//
// Evidence: indeterminate probability guards (PW0803)
//===----------------------------------------------------------------------===//

const char *EmgBranch = R"(
  diagnosis lsr "Lumbosacral radiculopathy" pretest 0.03..0.05 cite s
  exam emg "Six-muscle needle EMG" detects lsr
      sensitivity 0.49..0.86 specificity 0.87..1.00 cite s
  start step st {
    assess emg
    branch {
      probability(lsr) >= 0.5 -> treat cite s
      otherwise               -> watch
    }
  }
  outcome treat "Treat" { recommend "t" cite s }
  outcome watch "Watch" { recommend "w" cite s }
)";

TEST(EvidencePassTest, EmgRangesMakeTheThresholdIndeterminate) {
  Checked C = run("evidence", EmgBranch);
  // Positive: LR+ from 0.49 / 0.13 to 0.86 / 0 (infinite); the low end from
  // the 0.03 pretest is 0.1044, the high end 1.
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'st' cannot be decided when "
                           "emg is positive: probability(lsr) lies in "
                           "[0.104, 1], on both sides of 0.5")}));
  const CaseWitness *W = C.G.witness("PW0803");
  ASSERT_TRUE(W);
  EXPECT_EQ(W->Vignette,
            "emg is positive, so probability(lsr) can be anywhere in "
            "[0.104, 1], and the arm 'probability(lsr) >= 0.5' holds for "
            "only part of it");
  EXPECT_EQ(W->Inputs, (std::vector<std::pair<std::string, std::string>>{
                           {"emg", "positive"}}));
  EXPECT_EQ(W->Path,
            (std::vector<std::string>{"step.st.assess", "step.st.branch"}));
}

TEST(EvidencePassTest, PointEvidenceIsNeverIndeterminate) {
  Checked C = run("evidence", R"(
  inputs { gmed_pretest: number in [0, 100] percent }
  diagnosis gmed "Gluteus medius tendinopathy" pretest 0.3 cite s
  diagnosis oa "Hip osteoarthritis" pretest input gmed_pretest
  exam rer "Resisted external rotation" detects gmed
      sensitivity 0.88 specificity 0.973 cite s
  exam palpation "Trochanteric palpation" detects gmed
      sensitivity 0.8 specificity 0.6 cite s
  exam fadir "FADIR" detects oa sensitivity 0.78 specificity 0.65 cite s
  start step st {
    assess rer, palpation, fadir, gmed_pretest
    branch {
      probability(gmed) >= 0.8 and probability(oa) >= 0.5 -> treat cite s
      probability(gmed) < 0.2 -> elsewhere cite s
      otherwise -> image
    }
  }
  outcome treat "Treat" { recommend "t" cite s }
  outcome elsewhere "Elsewhere" { recommend "e" cite s }
  outcome image "Image" { recommend "i" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

TEST(EvidencePassTest, InputPretestPicksTheOneAtTheMiddleRatio) {
  Checked C = run("evidence", R"(
  inputs { p: number in [0, 1] }
  diagnosis d "D" pretest input p
  exam t "Test" detects d sensitivity 0.7..0.8 specificity 0.8..0.9 cite s
  start step st {
    assess t, p
    branch {
      probability(d) >= 0.5 -> yes cite s
      otherwise -> no
    }
  }
  outcome yes "Yes" { recommend "y" cite s }
  outcome no "No" { recommend "n" cite s }
)");
  // LR+ from 3.5 to 8; at the middle ratio, 5.75, the pretest 0.148 gives
  // 0.5; there the posterior runs from 0.378 to 0.582.
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'st' cannot be decided when "
                           "p = 0.148 and t is positive: probability(d) lies "
                           "in [0.378, 0.582], on both sides of 0.5")}));
  const CaseWitness *W = C.G.witness("PW0803");
  ASSERT_TRUE(W);
  EXPECT_EQ(W->Inputs, (std::vector<std::pair<std::string, std::string>>{
                           {"p", "0.148"}, {"t", "positive"}}));
}

TEST(EvidencePassTest, PercentPretestInputOutsideTheStraddlingRange) {
  // A pretest of at most 5 percent keeps even a positive finding's
  // interval below 0.9 (at most 0.296): nothing to report.
  Checked C = run("evidence", R"(
  inputs { p: number in [0, 5] percent }
  diagnosis d "D" pretest input p
  exam t "Test" detects d sensitivity 0.7..0.8 specificity 0.8..0.9 cite s
  start step st {
    assess t, p
    branch {
      probability(d) >= 0.9 -> yes cite s
      otherwise -> no
    }
  }
  outcome yes "Yes" { recommend "y" cite s }
  outcome no "No" { recommend "n" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

TEST(EvidencePassTest, ContradictoryFindingsAreIndeterminate) {
  Checked C = run("evidence", R"(
  diagnosis lsr "Lumbosacral radiculopathy" pretest 0.5 cite s
  exam emg "EMG" detects lsr sensitivity 0.5 specificity 1 cite s
  exam slr "Straight leg raise" detects lsr sensitivity 1 specificity 0.5 cite s
  start step st {
    assess emg, slr
    branch {
      probability(lsr) >= 0.8 -> treat cite s
      otherwise -> watch
    }
  }
  outcome treat "Treat" { recommend "t" cite s }
  outcome watch "Watch" { recommend "w" cite s }
)");
  // Alone, each finding gives a point: 1, 0.333, 0.667 or 0.
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'st' cannot be decided when "
                           "emg is positive and slr is negative: "
                           "probability(lsr) lies in [0, 1], on both sides "
                           "of 0.8")}));
  const CaseWitness *W = C.G.witness("PW0803");
  ASSERT_TRUE(W);
  EXPECT_EQ(W->Vignette,
            "emg is positive and slr is negative: a finding with a "
            "likelihood ratio of 0 and one with an infinite likelihood ratio "
            "contradict each other, so probability(lsr) can be anything in "
            "[0, 1]");
}

TEST(EvidencePassTest, PretestRangeAloneCanBeIndeterminate) {
  Checked C = run("evidence", R"(
  diagnosis d "D" pretest 0.3..0.6 cite s
  start step st {
    branch {
      probability(d) > 0.5 -> yes cite s
      otherwise -> no
    }
  }
  outcome yes "Yes" { recommend "y" cite s }
  outcome no "No" { recommend "n" cite s }
)");
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'st' cannot be decided when no "
                           "exam that detects 'd' has been assessed: "
                           "probability(d) lies in [0.3, 0.6], on both sides "
                           "of 0.5")}));
}

TEST(EvidencePassTest, FindingsTheEarlierBranchRulesOutAreNotReported) {
  // Only a negative EMG could straddle 0.02 (from 0.0043 to 0.0299), and
  // step b is reached only after a positive one.
  Checked C = run("evidence", R"(
  diagnosis lsr "Lumbosacral radiculopathy" pretest 0.03..0.05 cite s
  exam emg "EMG" detects lsr sensitivity 0.49..0.86 specificity 0.87..1.00 cite s
  start step a {
    assess emg
    branch {
      emg     -> b cite s
      not emg -> watch cite s
    }
  }
  step b {
    branch {
      probability(lsr) < 0.02 -> watch cite s
      otherwise               -> treat
    }
  }
  outcome treat "Treat" { recommend "t" cite s }
  outcome watch "Watch" { recommend "w" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

TEST(EvidencePassTest, AnIndeterminateGuardStopsEvaluationBeforeTheNext) {
  // A positive EMG leaves step a undecided, so it never reaches step b,
  // where it would straddle 0.5 too; a negative or unknown one never
  // reaches b either, being below 0.2.
  Checked C = run("evidence", R"(
  diagnosis lsr "Lumbosacral radiculopathy" pretest 0.03..0.05 cite s
  exam emg "EMG" detects lsr sensitivity 0.49..0.86 specificity 0.87..1.00 cite s
  start step a {
    assess emg
    branch {
      probability(lsr) >= 0.2 -> b cite s
      otherwise -> watch
    }
  }
  step b {
    branch {
      probability(lsr) >= 0.5 -> treat cite s
      otherwise               -> watch
    }
  }
  outcome treat "Treat" { recommend "t" cite s }
  outcome watch "Watch" { recommend "w" cite s }
)");
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'a' cannot be decided when "
                           "emg is positive: probability(lsr) lies in "
                           "[0.104, 1], on both sides of 0.2")}));
}

TEST(EvidencePassTest, InputPretestLimitedByACriterion) {
  // The pretests that straddle 0.5 after a negative finding are those in
  // [0.727, 0.818); the inclusion allows only those above 0.8, and the
  // solver picks one inside.
  Checked C = run("evidence", R"(
  inputs { p: number in [0, 1] }
  include "high suspicion": p > 0.8 cite s
  diagnosis d "D" pretest input p
  exam t "Test" detects d sensitivity 0.7..0.8 specificity 0.8..0.9 cite s
  start step st {
    assess t, p
    branch {
      probability(d) >= 0.5 -> yes cite s
      otherwise -> no
    }
  }
  outcome yes "Yes" { recommend "y" cite s }
  outcome no "No" { recommend "n" cite s }
)");
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("branch {"), "PW0803",
                           "the branch in step 'st' cannot be decided when "
                           "p = 0.809 and t is negative: probability(d) lies "
                           "in [0.484, 0.614], on both sides of 0.5")}));
}

TEST(EvidencePassTest, TooManyExamsIsReportedNotSkipped) {
  std::string Members = "  diagnosis d \"D\" pretest 0.1..0.2 cite s\n";
  std::string Assess;
  for (int I = 0; I != 11; ++I) {
    std::string Name = "e" + std::to_string(I);
    Members += "  exam " + Name +
               " \"E\" detects d sensitivity 0.8..0.9 "
               "specificity 0.8..0.9 cite s\n";
    Assess += (I ? ", " : "") + Name;
  }
  Members += "  start step st {\n    assess " + Assess +
             "\n    branch {\n      probability(d) >= 0.5 -> yes cite s\n"
             "      otherwise -> no\n    }\n  }\n"
             "  outcome yes \"Y\" { recommend \"y\" cite s }\n"
             "  outcome no \"N\" { recommend \"n\" cite s }\n";
  Checked C = run("evidence", Members);
  ASSERT_EQ(C.Findings.size(), 1u);
  EXPECT_EQ(C.Findings[0],
            finding(C.line("branch {"), "PW0806",
                    "step 'st' weighs 11 exams that detect 'd'; their 177147 "
                    "combinations of findings are too many to check its "
                    "probability guards"));
}

//===----------------------------------------------------------------------===//
// Evidence: exams never assessed (PW0804)
//===----------------------------------------------------------------------===//

TEST(EvidencePassTest, ExamsNeverAssessed) {
  Checked C = run("evidence", R"(
  diagnosis d "D" pretest 0.2 cite s
  exam late "Late" detects d sensitivity 0.8 specificity 0.9 cite s
  exam unasked "Unasked" detects d sensitivity 0.8 specificity 0.9 cite s
  exam unnamed "Unnamed" detects d sensitivity 0.8 specificity 0.9 cite s
  start step st {
    branch {
      unasked     -> done cite s
      not unasked -> done cite s
    }
  }
  step orphan {
    assess late
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  // 'unnamed' is never used at all, which sema already says (PW0208).
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("exam late"), "PW0804",
                           "exam 'late' is never assessed on any path, so no "
                           "decision can use its finding"),
                   finding(C.line("exam unasked"), "PW0804",
                           "exam 'unasked' is never assessed on any path, so "
                           "no decision can use its finding")}));
}

TEST(EvidencePassTest, ExamAssessedOnEveryPathIsNotReported) {
  Checked C = run("evidence", R"(
  inputs { side: one of { left, right } }
  diagnosis d "D" pretest 0.2 cite s
  exam t "Test" detects d sensitivity 0.8 specificity 0.9 cite s
  start step st {
    assess side
    branch {
      side is left  -> l cite s
      side is right -> r cite s
    }
  }
  step l {
    assess t
    next done
  }
  step r {
    assess t
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

//===----------------------------------------------------------------------===//
// Safety: orders before the red-flag screen (PW0901)
//===----------------------------------------------------------------------===//

TEST(SafetyPassTest, OrdersWithoutRedFlagsAreUnscreened) {
  Checked C = run("safety", R"(
  inputs { chronic: bool }
  include "chronic pain": chronic cite s
  procedure xr "Radiographs" usually_appropriate cite s
  procedure inj "Injection" usually_appropriate cite s
  start step st {
    order xr cite s
    next second
  }
  step second {
    order xr, inj cite s
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  // Each procedure once, at the first order evaluation reaches.
  EXPECT_EQ(C.Findings,
            (Lines{finding(C.line("order xr cite"), "PW0901",
                           "step 'st' orders 'xr' on a path that passes no "
                           "red-flag screen"),
                   finding(C.line("order xr, inj"), "PW0901",
                           "step 'second' orders 'inj' on a path that passes "
                           "no red-flag screen")}));
  const CaseWitness *W = nullptr;
  for (const Diagnostic &D : C.G.C->Diags.getDiagnostics())
    if (D.getCode() == "PW0901" && !W)
      W = &*D.Witness;
  ASSERT_TRUE(W);
  EXPECT_EQ(W->Vignette, "the path 'chronic pain' -> st orders 'xr' without "
                         "screening any red flag");
  EXPECT_EQ(W->Path, (std::vector<std::string>{"include.1", "step.st.order"}));
}

TEST(SafetyPassTest, OrdersAfterRedFlagsAreScreened) {
  Checked C = run("safety", R"(
  inputs { fever: bool }
  red_flag infection: fever -> urgent "Urgent evaluation for infection" cite s
  procedure xr "Radiographs" usually_appropriate cite s
  start step st {
    order xr cite s
    next done
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

//===----------------------------------------------------------------------===//
// Safety: citations (PW0902, PW0903)
//===----------------------------------------------------------------------===//

TEST(SafetyPassTest, UncitedRecommendationsAndEvidence) {
  Checked C = run("safety", R"(
  inputs {
    fever, labral: bool
    gp: number in [0, 1]
  }
  red_flag infection: fever -> urgent "Urgent evaluation for infection"
  exclude "labral tear": labral -> refer "MR arthrography pathway"
  diagnosis d "D" pretest 0.2
  diagnosis g "G" pretest input gp
  exam t "Test" detects d sensitivity 0.8 specificity 0.9
  procedure xr "Radiographs" usually_appropriate
  start step st {
    order xr cite s
    assess t, gp
    next done
  }
  outcome done "Done" {
    recommend "Cited" cite s
    recommend "Not cited"
  }
)");
  EXPECT_EQ(
      C.Findings,
      (Lines{finding(C.line("red_flag"), "PW0902",
                     "no source is cited for the action of red flag 'infection'"),
             finding(C.line("exclude"), "PW0902",
                     "no source is cited for the referral of exclusion 'labral tear'"),
             finding(C.line("diagnosis d"), "PW0902",
                     "no source is cited for the pretest probability of 'd'"),
             finding(C.line("exam t"), "PW0902",
                     "no source is cited for the sensitivity and specificity "
                     "of exam 't'"),
             finding(C.line("procedure xr"), "PW0902",
                     "no source is cited for the appropriateness of procedure "
                  "'xr'"),
             finding(C.line("recommend \"Not"), "PW0902",
                     "no source is cited for this recommendation of outcome "
                     "'done'")}));
}

TEST(SafetyPassTest, UncitedThresholds) {
  Checked C = run("safety", R"(
  inputs {
    temperature: number in [30, 45]
    age: number in [0, 120] years
    relief: number in [0, 100] percent
    confirmed: bool
  }
  red_flag fever: temperature > 38 -> urgent "Urgent evaluation" cite s
  red_flag hot: temperature >= 40 and confirmed -> emergency "Now"
  include "adult": age >= 18 years
  diagnosis d "D" pretest 0.2 cite s
  exam t "Test" detects d sensitivity 0.8 specificity 0.9 cite s
  start step st {
    assess relief, confirmed, t
    branch {
      not confirmed -> done
      confirmed and relief > 75 percent -> done
      confirmed and relief in [30, 75] percent -> prob
      otherwise -> done
    }
  }
  step prob {
    branch {
      probability(d) >= 0.8 -> done
      probability(d) in [0.2, 0.8) -> done cite s
      probability(d) < 0.2 -> done
    }
  }
  outcome done "Done" { recommend "r" cite s }
)");
  EXPECT_EQ(
      C.Findings,
      (Lines{finding(C.line("red_flag hot"), "PW0902",
                     "no source is cited for the action of red flag 'hot'"),
             // The red flag's missing citation covers its threshold too.
             finding(C.line("include"), "PW0903",
                     "criterion 'adult' compares with 18 years but cites no "
                     "source for it"),
             finding(C.line("confirmed and relief >"), "PW0903",
                     "arm 'confirmed and relief > 75 percent' compares with "
                     "75 percent but cites no source for it"),
             finding(C.line("confirmed and relief in"), "PW0903",
                     "arm 'confirmed and relief in [30, 75] percent' compares "
                     "with 30 percent and 75 percent but cites no source for "
                     "them"),
             finding(C.line("probability(d) >= 0.8"), "PW0903",
                     "arm 'probability(d) >= 0.8' compares with 0.8 but cites "
                     "no source for it"),
             finding(C.line("probability(d) < 0.2"), "PW0903",
                     "arm 'probability(d) < 0.2' compares with 0.2 but cites "
                     "no source for it")}));
}

TEST(SafetyPassTest, FullyCitedPathwayHasNoFindings) {
  Checked C = run("safety", R"(
  inputs {
    fever: bool
    labral: bool
    age: number in [0, 120] years
    relief: number in [0, 100] percent
  }
  red_flag infection: fever -> urgent "Urgent evaluation for infection" cite s "fever"
  exclude "labral tear": labral -> refer "MR arthrography pathway" cite s
  include "adult": age >= 18 years cite s "adults"
  diagnosis d "D" pretest 0.2 cite s
  exam t "Test" detects d sensitivity 0.8 specificity 0.9 cite s
  procedure inj "Injection" usually_appropriate cite s
  start step st {
    order inj cite s
    assess relief, t
    branch {
      relief > 75 percent -> good cite s "more than 75 percent"
      relief <= 75 percent and probability(d) >= 0.5 -> good cite s
      otherwise -> poor
    }
  }
  outcome good "Good" { recommend "g" cite s }
  outcome poor "Poor" { recommend "p" cite s, s "two citations" }
)");
  EXPECT_EQ(C.Findings, Lines{});
}

} // namespace
