//===- GuidelinesTest.cpp - The shipped guidelines check clean ------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <filesystem>

using namespace pathwayc;

namespace {

std::vector<std::string> shippedGuidelines() {
  std::vector<std::string> Files;
  for (const auto &Entry : std::filesystem::directory_iterator(
           std::filesystem::path(PATHWAYC_SOURCE_DIR) / "guidelines"))
    if (Entry.path().extension() == ".pathway")
      Files.push_back(Entry.path().string());
  std::sort(Files.begin(), Files.end());
  return Files;
}

class GuidelineTest : public testing::TestWithParam<std::string> {};

TEST_P(GuidelineTest, ChecksWithoutAnyDiagnostic) {
  SourceManager SM;
  DiagnosticsEngine Diags(SM);
  BufferID Buffer = loadPathwayFile(GetParam(), Diags);
  ASSERT_NE(Buffer, 0u);
  std::unique_ptr<Pathway> P = checkPathway(Buffer, Diags);
  ASSERT_TRUE(P);
  std::string Rendered;
  llvm::raw_string_ostream OS(Rendered);
  renderDiagnosticsText(OS, SM, Diags.getSortedDiagnostics(), {});
  // Warnings count too: a shipped guideline keeps none.
  EXPECT_EQ(Diags.getDiagnostics().size(), 0u) << Rendered;
  EXPECT_TRUE(P->Start);
  EXPECT_FALSE(P->Sources.empty());
}

std::string testName(const testing::TestParamInfo<std::string> &Info) {
  std::string Name = std::filesystem::path(Info.param).stem().string();
  std::replace_if(
      Name.begin(), Name.end(), [](char C) { return !std::isalnum(C); }, '_');
  return Name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, GuidelineTest,
                         testing::ValuesIn(shippedGuidelines()), testName);

TEST(GuidelinesTest, EveryScenarioIsShipped) {
  // One pathway per source scenario; a missing file must fail loudly rather
  // than shrink the parameterised suite.
  std::vector<std::string> Stems;
  for (const std::string &F : shippedGuidelines())
    Stems.push_back(std::filesystem::path(F).stem().string());
  for (const char *Expected :
       {"acr_hip_pain_coexisting_back_or_knee", "buttock_pain_differential",
        "lateral_hip_pain_spine_or_si", "spine_origin_of_hip_pain"})
    EXPECT_NE(std::find(Stems.begin(), Stems.end(), Expected), Stems.end())
        << Expected;
}

} // namespace
