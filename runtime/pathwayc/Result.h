//===- Result.h - The result of evaluating a pathway on a case --*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What evaluating a pathway on a patient case gives (docs/language.md, "The
/// result"), shared by the generated C++ and the interpreter so that the two
/// implementations of one meaning can be compared exactly: field by field
/// with operator==, or as text with printResult().
///
/// printResult() is a stable, complete and deterministic rendering: every
/// field is printed, lists with their lengths, strings quoted with escapes,
/// numbers in the shortest positional form that reads back to the same
/// double. It ignores the stream's formatting flags and locale, so two equal
/// results always print the same bytes and two different ones never do
/// (leaving aside NaN, which this runtime never produces).
///
/// This header depends only on the C++17 standard library: generated code
/// includes it.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_RESULT_H
#define PATHWAYC_RUNTIME_RESULT_H

#include "pathwayc/Model.h"
#include "pathwayc/Probability.h"
#include "pathwayc/Span.h"

#include <cassert>
#include <charconv>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace pathwayc::runtime {

/// How evaluation ended.
enum class Status {
  Outcome,       ///< An outcome was reached.
  RedFlag,       ///< A red flag held; its action is the recommendation.
  Excluded,      ///< An exclusion held; its referral is the recommendation.
  NotApplicable, ///< An inclusion criterion failed.
  Pending,       ///< A red flag, criterion or branch needs missing inputs.
  Indeterminate, ///< A branch's probability guard straddles its threshold.
  InvalidInput,  ///< A value lies outside its input's declared domain.
  Uncovered,     ///< No arm of a branch holds although every input is known.
                 ///< The verifier proves this never happens, so only a
                 ///< graph that was not verified (a hand-edited JSON
                 ///< document, say) can end here.
};

/// The status as printResult() prints it: "outcome", "red_flag", "excluded",
/// "not_applicable", "pending", "indeterminate", "invalid_input" or
/// "uncovered".
constexpr const char *statusName(Status S) {
  switch (S) {
  case Status::Outcome: return "outcome";
  case Status::RedFlag: return "red_flag";
  case Status::Excluded: return "excluded";
  case Status::NotApplicable: return "not_applicable";
  case Status::Pending: return "pending";
  case Status::Indeterminate: return "indeterminate";
  case Status::InvalidInput: return "invalid_input";
  case Status::Uncovered: return "uncovered";
  }
  return "invalid";
}

/// How soon the outcome or red flag reached must be acted on; None for
/// every other ending.
enum class Urgency { None, Routine, Soon, Urgent, Emergency };

/// "none", "routine", "soon", "urgent" or "emergency".
constexpr const char *urgencyName(Urgency U) {
  switch (U) {
  case Urgency::None: return "none";
  case Urgency::Routine: return "routine";
  case Urgency::Soon: return "soon";
  case Urgency::Urgent: return "urgent";
  case Urgency::Emergency: return "emergency";
  }
  return "invalid";
}

/// One node evaluation passed through, in order, and what happened there.
/// Everything in it is fixed by the node and what happened, so generated
/// code keeps one constant entry per node and event and the trace copies
/// views of it.
struct TraceEntry {
  /// The decision graph's node id ("screen.infection",
  /// "step.read_relief.branch", "outcome.hip_is_generator").
  std::string_view NodeId;
  /// What happened: "true", "false" or "unknown" for a red flag or
  /// criterion; the label of the arm taken ("relief > 75 percent",
  /// "otherwise"), or "pending", "indeterminate" or "uncovered", for a
  /// branch; empty for the other nodes.
  std::string_view Event;
  /// The sources cited there: the node's, then those of what it orders, of
  /// the arm taken, or of its recommendations, each citation once.
  Span<Citation> Citations;
  /// The notes and pitfalls there: the node's, then the arm's.
  Span<Note> Notes;

  friend bool operator==(const TraceEntry &A, const TraceEntry &B) {
    return A.NodeId == B.NodeId && A.Event == B.Event &&
           A.Citations == B.Citations && A.Notes == B.Notes;
  }
  friend bool operator!=(const TraceEntry &A, const TraceEntry &B) {
    return !(A == B);
  }
};

/// The post-test probability of one diagnosis where a branch read it.
struct ProbabilityResult {
  std::string_view Diagnosis;
  ProbabilityInterval Value;
  /// The findings contradict each other under the evidence (see
  /// ProbabilityUpdate); Value is then [0, 1].
  bool Contradictory = false;

  friend bool operator==(const ProbabilityResult &A,
                         const ProbabilityResult &B) {
    return A.Diagnosis == B.Diagnosis && A.Value == B.Value &&
           A.Contradictory == B.Contradictory;
  }
  friend bool operator!=(const ProbabilityResult &A,
                         const ProbabilityResult &B) {
    return !(A == B);
  }
};

/// The result of evaluating a pathway on a case (docs/language.md, "The
/// result"). Its strings are views into the module that produced it: static
/// storage for generated code, the loaded program for the interpreter,
/// which must outlive the result.
struct Result {
  Status State = Status::Pending;
  /// The node id of the terminal reached ("outcome.hip_is_generator",
  /// "red_flag.infection", "excluded.1", "not_applicable.2"), or of the red
  /// flag, criterion or branch where evaluation stopped; empty for
  /// InvalidInput.
  std::string_view Reached;
  std::string_view Title;
  /// The urgency of the outcome or red flag reached; None otherwise.
  Urgency Level = Urgency::None;
  /// An outcome's recommendations, a red flag's action or an exclusion's
  /// referral. When evaluation is pending on a red flag or an exclusion,
  /// the actions of later red flags, or the referrals of later exclusions,
  /// that do hold: they apply whatever the missing inputs turn out to be.
  std::vector<std::string_view> Recommendations;
  /// The procedures ordered on the way, in order.
  std::vector<std::string_view> ActionsOrdered;
  /// When pending: the unknown inputs and exam findings read by the
  /// conditions that could not be decided, in declaration order (inputs,
  /// then exams).
  std::vector<std::string_view> MissingInputs;
  /// When pending or indeterminate: the conditions that could not be
  /// decided, as written (a criterion's condition, an arm's guard).
  std::vector<std::string_view> Undecided;
  /// When InvalidInput: the inputs whose values lie outside their domains,
  /// in declaration order.
  std::vector<std::string_view> InvalidInputs;
  /// The post-test probabilities computed on the way: at each branch that
  /// reads probability(d), one entry per such diagnosis whose pretest is
  /// known, in declaration order.
  std::vector<ProbabilityResult> Probabilities;
  std::vector<TraceEntry> Trace;

  friend bool operator==(const Result &A, const Result &B) {
    return A.State == B.State && A.Reached == B.Reached && A.Title == B.Title &&
           A.Level == B.Level && A.Recommendations == B.Recommendations &&
           A.ActionsOrdered == B.ActionsOrdered &&
           A.MissingInputs == B.MissingInputs && A.Undecided == B.Undecided &&
           A.InvalidInputs == B.InvalidInputs &&
           A.Probabilities == B.Probabilities && A.Trace == B.Trace;
  }
  friend bool operator!=(const Result &A, const Result &B) { return !(A == B); }
};

/// Prints \p X in the shortest positional form that reads back to the same
/// double: 0.8907, 0.0000288, 32.592592592592595, never an exponent. Negative
/// zero prints as 0, infinities as inf and -inf.
inline void printNumber(std::ostream &OS, double X) {
  if (X == 0)
    X = 0; // -0 and 0 compare equal, so they print the same.
  // The longest fixed form of a double is under 330 characters.
  char Buffer[512];
  std::to_chars_result Printed = std::to_chars(Buffer, Buffer + sizeof(Buffer),
                                               X, std::chars_format::fixed);
  assert(Printed.ec == std::errc() && "buffer too small");
  OS.write(Buffer, Printed.ptr - Buffer);
}

/// Prints \p Text between double quotes, with C's escapes: a backslash
/// before a double quote or a backslash; backslash and `n`, `t` or `r` for a
/// line break, a tab or a carriage return; backslash, `x` and two lower-case
/// hex digits for any other control character. Other bytes, UTF-8 included,
/// are printed as they are.
inline void printQuoted(std::ostream &OS, std::string_view Text) {
  static constexpr char Hex[] = "0123456789abcdef";
  OS.put('"');
  for (char C : Text) {
    switch (C) {
    case '"': OS.write("\\\"", 2); break;
    case '\\': OS.write("\\\\", 2); break;
    case '\n': OS.write("\\n", 2); break;
    case '\t': OS.write("\\t", 2); break;
    case '\r': OS.write("\\r", 2); break;
    default: {
      auto Byte = static_cast<unsigned char>(C);
      if (Byte < 0x20 || Byte == 0x7f) {
        const char Escape[] = {'\\', 'x', Hex[Byte >> 4], Hex[Byte & 0xf]};
        OS.write(Escape, sizeof(Escape));
      } else {
        OS.put(C);
      }
    }
    }
  }
  OS.put('"');
}

namespace detail {

inline void printText(std::ostream &OS, std::string_view Text) {
  OS.write(Text.data(), static_cast<std::streamsize>(Text.size()));
}

/// Prints "Label: N\n", N in decimal whatever the stream's flags.
inline void printCount(std::ostream &OS, std::string_view Label,
                       std::size_t N) {
  char Digits[32];
  std::to_chars_result Printed =
      std::to_chars(Digits, Digits + sizeof(Digits), N);
  printText(OS, Label);
  printText(OS, ": ");
  OS.write(Digits, Printed.ptr - Digits);
  OS.put('\n');
}

inline void printStrings(std::ostream &OS, std::string_view Label,
                         const std::vector<std::string_view> &Items) {
  printCount(OS, Label, Items.size());
  for (std::string_view Item : Items) {
    printText(OS, "  ");
    printQuoted(OS, Item);
    OS.put('\n');
  }
}

} // namespace detail

/// Prints \p R one field a line, every field always, in this form:
///
///   status: pending
///   reached: "step.read_relief.branch"
///   title: "Index pain relief in the anesthetic phase"
///   urgency: none
///   recommendations: 0
///   actions ordered: 1
///     "hip_injection"
///   missing inputs: 1
///     "relief"
///   undecided: 1
///     "relief > 75 percent"
///   invalid inputs: 0
///   probabilities: 2
///     "gmed_tendinopathy" 0.8906882591093117
///     "lumbosacral_radiculopathy" [0, 1] contradictory
///   trace: 2
///     "screen.infection" "false"
///       cite "acr_hip" "If there is suspicion of infection, ..."
///     "step.injection.order" ""
///       note "Confirm placement with the proceduralist."
///       pitfall "A block is not a cure."
///
/// A probability that is a point prints as one number, an interval as
/// [Low, High]; " contradictory" follows when the findings contradict each
/// other. A trace entry prints its node id and event, then one indented
/// line per citation (source and quote) and per note or pitfall.
inline void printResult(std::ostream &OS, const Result &R) {
  using detail::printText;
  printText(OS, "status: ");
  printText(OS, statusName(R.State));
  printText(OS, "\nreached: ");
  printQuoted(OS, R.Reached);
  printText(OS, "\ntitle: ");
  printQuoted(OS, R.Title);
  printText(OS, "\nurgency: ");
  printText(OS, urgencyName(R.Level));
  OS.put('\n');
  detail::printStrings(OS, "recommendations", R.Recommendations);
  detail::printStrings(OS, "actions ordered", R.ActionsOrdered);
  detail::printStrings(OS, "missing inputs", R.MissingInputs);
  detail::printStrings(OS, "undecided", R.Undecided);
  detail::printStrings(OS, "invalid inputs", R.InvalidInputs);

  detail::printCount(OS, "probabilities", R.Probabilities.size());
  for (const ProbabilityResult &P : R.Probabilities) {
    printText(OS, "  ");
    printQuoted(OS, P.Diagnosis);
    OS.put(' ');
    if (P.Value.isPoint()) {
      printNumber(OS, P.Value.Low);
    } else {
      OS.put('[');
      printNumber(OS, P.Value.Low);
      printText(OS, ", ");
      printNumber(OS, P.Value.High);
      OS.put(']');
    }
    if (P.Contradictory)
      printText(OS, " contradictory");
    OS.put('\n');
  }

  detail::printCount(OS, "trace", R.Trace.size());
  for (const TraceEntry &Entry : R.Trace) {
    printText(OS, "  ");
    printQuoted(OS, Entry.NodeId);
    OS.put(' ');
    printQuoted(OS, Entry.Event);
    OS.put('\n');
    for (const Citation &C : Entry.Citations) {
      printText(OS, "    cite ");
      printQuoted(OS, C.Source);
      OS.put(' ');
      printQuoted(OS, C.Quote);
      OS.put('\n');
    }
    for (const Note &N : Entry.Notes) {
      printText(OS, N.IsPitfall ? "    pitfall " : "    note ");
      printQuoted(OS, N.Text);
      OS.put('\n');
    }
  }
}

/// printResult() into a string.
inline std::string resultToString(const Result &R) {
  std::ostringstream OS;
  printResult(OS, R);
  return OS.str();
}

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_RESULT_H
