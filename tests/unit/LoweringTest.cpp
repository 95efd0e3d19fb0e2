//===- LoweringTest.cpp - The decision graph, through its printer ---------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "VerifierTestSupport.h"

using namespace pathwayc;
using namespace pathwayc::test;

namespace {

TEST(LoweringTest, ScreeningChainThenSteps) {
  Graph G = lower(pathwayWith(R"(
  inputs {
    fever, saddle: bool
    relief: number in [0, 100] percent
    xray: one of { negative, oa }
  }
  red_flag infection: fever -> urgent "Urgent evaluation" cite s
  red_flag cauda: saddle -> emergency "MRI within hours" cite s
  exclude "negative films": xray is negative -> refer "Other pathway" cite s
  include "some relief data": relief >= 0 percent cite s
  procedure inj "Injection" usually_appropriate cite s
  start step injection {
    order inj
    assess relief
    branch {
      relief > 75 percent -> good cite s
      relief <= 75 percent -> bad cite s
    }
  }
  outcome good "Good" { recommend "g" cite s }
  outcome bad "Bad" { urgency soon recommend "b" cite s }
)"));
  // Emergency red flags are screened before urgent ones, whatever the
  // declaration order; numbers become intervals in the input's unit.
  EXPECT_EQ(G.print(), R"(module p
  var fever: bool
  var saddle: bool
  var relief: number in [0, 100] percent
  var xray: one of { negative, oa }
  entry screen.cauda
  node red_flag.cauda terminal red-flag emergency
    recommend "MRI within hours"
  node screen.cauda red-flag-screen emergency
    if saddle
    -> red_flag.cauda [flagged] when saddle
    -> screen.infection [clear] when not (saddle)
  node red_flag.infection terminal red-flag urgent
    recommend "Urgent evaluation"
  node screen.infection red-flag-screen urgent
    if fever
    -> red_flag.infection [flagged] when fever
    -> exclude.1 [clear] when not (fever)
  node excluded.1 terminal excluded routine
    recommend "Other pathway"
  node exclude.1 exclusion
    if xray is negative
    -> excluded.1 [excluded] when xray is negative
    -> include.1 [not excluded] when not (xray is negative)
  node not_applicable.1 terminal not-applicable
  node include.1 inclusion
    if relief in [0, 100] percent
    -> not_applicable.1 [not met] when not (relief in [0, 100] percent)
    -> step.injection.order [met] when relief in [0, 100] percent
  node outcome.good terminal outcome routine
    recommend "g"
  node outcome.bad terminal outcome soon
    recommend "b"
  node step.injection.order order
    order inj
    -> step.injection.assess when true
  node step.injection.assess assess
    assess relief
    -> step.injection.branch when true
  node step.injection.branch branch
    -> outcome.good [relief > 75 percent] when relief in (75, 100] percent
    -> outcome.bad [relief <= 75 percent] when relief in [0, 75] percent
)");
}

TEST(LoweringTest, OtherwiseIsTheNegationOfTheOtherArms) {
  Graph G = lower(pathwayWith(R"(
  inputs { xray: one of { negative, oa, fracture } }
  start step a {
    assess xray
    branch {
      xray is oa -> o
      xray in { fracture } -> o
      otherwise -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Printed = G.print();
  EXPECT_NE(Printed.find("-> outcome.o [otherwise] when not (xray in { oa, "
                         "fracture })"),
            std::string::npos)
      << Printed;
}

TEST(LoweringTest, UnitsAndComparisonsNormaliseToIntervals) {
  Graph G = lower(pathwayWith(R"(
  inputs { d: number in [0, 10] years }
  start step a {
    assess d
    branch {
      6 months > d -> o
      d in [6, 18) months -> o
      d >= 18 months and d != 5 years -> o
      d == 5 years -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Printed = G.print();
  // A constant on the left flips the comparison; months become years.
  for (const char *Expected :
       {"when d in [0, 0.5) years", "when d in [0.5, 1.5) years",
        "when (d in [1.5, 5) years or d in (5, 10] years)\n",
        "when d == 5 years"})
    EXPECT_NE(Printed.find(Expected), std::string::npos)
        << Expected << "\n"
        << Printed;
}

TEST(LoweringTest, FindingsAndProbabilitiesAreVariables) {
  Graph G = lower(pathwayWith(R"(
  diagnosis g "G" pretest 0.3 cite s
  exam t "T" detects g sensitivity 0.8 specificity 0.9 cite s
  start step a {
    assess t
    branch {
      t is true and probability(g) >= 0.8 -> o
      not t or probability(g) < 0.8 -> o
    }
  }
  outcome o "O" { recommend "r" cite s }
)"));
  std::string Printed = G.print();
  EXPECT_NE(Printed.find("var probability(g): probability in [0, 1]"),
            std::string::npos)
      << Printed;
  EXPECT_NE(Printed.find("var t: finding"), std::string::npos);
  EXPECT_NE(Printed.find("when (t and probability(g) in [0.8, 1])"),
            std::string::npos)
      << Printed;
}

} // namespace
