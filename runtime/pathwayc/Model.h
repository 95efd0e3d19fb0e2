//===- Model.h - What a decision module knows about its pathway -*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The static facts of a compiled pathway that a program may want to show:
/// its sources, procedures, diagnoses and exams, and the citations and notes
/// that a result's trace points to. Generated C++ holds them in `constexpr`
/// tables; the interpreter builds the same records from the JSON target.
///
/// Every string is a std::string_view into storage that outlives the
/// records: static storage in generated code, the loaded program in the
/// interpreter. Nothing here allocates, so a module's tables cost nothing at
/// start-up and a result can point into them instead of copying.
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_MODEL_H
#define PATHWAYC_RUNTIME_MODEL_H

#include "pathwayc/Probability.h"
#include "pathwayc/Span.h"

#include <cstddef>
#include <string_view>

namespace pathwayc::runtime {

/// A source cited for a claim, with the sentence quoted (empty when the
/// citation names the source only).
struct Citation {
  std::string_view Source;
  std::string_view Quote;

  friend constexpr bool operator==(const Citation &A, const Citation &B) {
    return A.Source == B.Source && A.Quote == B.Quote;
  }
  friend constexpr bool operator!=(const Citation &A, const Citation &B) {
    return !(A == B);
  }
};

/// A note or a pitfall the author attached to a node or an arm.
struct Note {
  bool IsPitfall = false;
  std::string_view Text;

  friend constexpr bool operator==(const Note &A, const Note &B) {
    return A.IsPitfall == B.IsPitfall && A.Text == B.Text;
  }
  friend constexpr bool operator!=(const Note &A, const Note &B) {
    return !(A == B);
  }
};

/// A source the pathway draws on.
struct SourceInfo {
  std::string_view Name;
  std::string_view Title;
  std::string_view Author; ///< Empty when not given.
  std::string_view Url;    ///< Empty when not given.
  int Year = 0;            ///< 0 when not given.
};

/// A procedure the pathway can order, with its ACR appropriateness.
struct ProcedureInfo {
  std::string_view Name;
  std::string_view Title;
  /// "usually_appropriate", "may_be_appropriate" or
  /// "usually_not_appropriate".
  std::string_view Category;
  int Rating = 0; ///< The ACR rating 1-9; 0 when not given.
  /// "none", "minimal", "low", "medium", "high", "very_high", "varies", or
  /// "unspecified" when the pathway does not say.
  std::string_view Radiation;
};

/// A diagnosis of the differential and where its pretest probability comes
/// from: a figure, an input, or nowhere.
struct DiagnosisInfo {
  std::string_view Name;
  std::string_view Title;
  bool HasPretestFigure = false;
  ProbabilityInterval Pretest; ///< When HasPretestFigure.
  /// The input that supplies the pretest, or empty.
  std::string_view PretestInput;
};

/// An exam: the diagnosis it detects, its accuracy and the likelihood
/// ratios that follow from it.
struct ExamInfo {
  std::string_view Name;
  std::string_view Title;
  std::size_t Diagnosis = 0; ///< Index into the module's diagnoses.
  ProbabilityInterval Sensitivity;
  ProbabilityInterval Specificity;
  LikelihoodRatios Ratios;
};

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_MODEL_H
