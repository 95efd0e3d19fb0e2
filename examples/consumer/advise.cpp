// Evaluates two cases on the decision modules that pathway_add_module()
// generated from the guidelines, and prints what each guideline recommends.
//
//   advise [RELIEF]   RELIEF: pain relief after the hip injection, percent
//                     (default 80); "unknown" leaves it out.

#include "acr_hip_pain_coexisting_back_or_knee.h"
#include "lateral_hip_pain_spine_or_si.h"

#include <cstdlib>
#include <iostream>
#include <string>

namespace acr = acr_hip_pain_coexisting_back_or_knee;
namespace lateral = lateral_hip_pain_spine_or_si;
using pathwayc::runtime::Result;

namespace {

void print(std::string_view Pathway, const Result &R) {
  std::cout << Pathway << ": " << pathwayc::runtime::statusName(R.State)
            << " at " << R.Reached << "\n";
  for (std::string_view Action : R.ActionsOrdered)
    std::cout << "  ordered: " << Action << "\n";
  for (std::string_view Missing : R.MissingInputs)
    std::cout << "  needs: " << Missing << "\n";
  for (std::string_view Text : R.Recommendations)
    std::cout << "  recommend: " << Text << "\n";
}

} // namespace

int main(int Argc, char **Argv) {
  std::string Relief = Argc > 1 ? Argv[1] : "80";

  // Chronic hip pain with radiographic osteoarthritis and lumbar disease,
  // after a confirmed intra-articular injection.
  acr::Inputs Hip;
  Hip.suspected_infection = false;
  Hip.suspected_malignancy = false;
  Hip.suspected_acute_fracture = false;
  Hip.suspected_labral_tear_or_fai = false;
  Hip.clearly_extra_articular = false;
  Hip.hip_pain_duration = 8;
  Hip.radiographs = acr::Radiographs::osteoarthritis;
  Hip.lumbar_pathology = true;
  Hip.goal_is_isolating_hip = true;
  Hip.intra_articular_confirmed = true;
  if (Relief != "unknown")
    Hip.relief = std::strtod(Relief.c_str(), nullptr);
  print(acr::PathwayName, acr::evaluate(Hip));

  // Lateral hip pain with saddle anaesthesia: a red flag comes first.
  lateral::Inputs Saddle;
  Saddle.urinary_retention = false;
  Saddle.fecal_incontinence = false;
  Saddle.saddle_anesthesia = true;
  Saddle.fever = false;
  Saddle.unexplained_weight_loss = false;
  Saddle.history_of_cancer = false;
  print(lateral::PathwayName, lateral::evaluate(Saddle));
  return 0;
}
