//===- ProgramData.h - A decision graph compiled for evaluation -*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// What Program::load() makes of a JSON document: flat arrays indexed by
/// number, so that evaluation never looks up a name. Guards are pre-order
/// arrays of nodes; every trace entry a node can append is fixed by the node
/// and the event, so its citations (de-duplicated) and notes are laid out at
/// load time and the trace copies views of them.
///
/// Every string the Result views lives in Strings, whose elements never
/// move, and every Span points into a vector that is complete before the
/// span is taken.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_INTERPRETER_PROGRAMDATA_H
#define PATHWAYC_INTERPRETER_PROGRAMDATA_H

#include "pathwayc/Interpreter.h"
#include "pathwayc/Model.h"
#include "pathwayc/Probability.h"
#include "pathwayc/Result.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pathwayc::runtime::detail {

inline constexpr std::uint32_t NoIndex = UINT32_MAX;

enum class GuardOp : std::uint8_t {
  True,
  False,
  Not,
  And,
  Or,
  /// A bool input or an exam finding has Value.
  Bool,
  /// A number input lies in one of Intervals[Begin, End).
  Number,
  /// An enum input's value index is one of AllowedValues[Begin, End),
  /// which are ascending.
  Enum,
  /// probability(Var) (Var is a diagnosis) against the disjoint parts
  /// Intervals[Begin, End).
  Probability,
};

/// One node of a guard. A guard is stored in pre-order: a node's operands
/// follow it, each spanning its own Size entries.
struct GuardNode {
  GuardOp Op = GuardOp::True;
  bool Value = false;
  /// Entries in this subtree, the node itself included.
  std::uint32_t Size = 1;
  /// Bool, Number, Enum: the variable; Probability: the diagnosis.
  std::uint32_t Var = 0;
  std::uint32_t Begin = 0;
  std::uint32_t End = 0;
};

/// A compiled guard: its root in GuardNodes and the variables it can be
/// unknown on (docs/evaluation.md, "Guards": its inputs and findings, and
/// the pretest input of each probability it reads), ascending, in
/// GuardVars[VarsBegin, VarsEnd).
struct GuardInfo {
  std::uint32_t Root = 0;
  std::uint32_t VarsBegin = 0;
  std::uint32_t VarsEnd = 0;
};

enum class NodeKind : std::uint8_t {
  RedFlagScreen,
  Exclusion,
  Inclusion,
  Order,
  Assess,
  Branch,
  Terminal,
};

struct EdgeData {
  std::uint32_t To = 0;
  std::uint32_t Guard = 0;
  /// The event of the entry when the edge is taken ("" for a null label).
  std::string_view Label;
  /// The branch's entry when this arm is taken: the node's citations and
  /// notes, then the edge's.
  TraceEntry Taken;
};

struct NodeData {
  NodeKind Kind = NodeKind::Terminal;
  std::string_view Id;
  std::string_view Title;
  /// The node's entry with an empty event; screens, criteria and branches
  /// copy it with their event.
  TraceEntry Entry;

  /// Screens and criteria: the condition, its text, the terminal it stops
  /// at and the node it goes on to. Order and assess: Next.
  std::uint32_t Condition = 0;
  std::string_view ConditionText;
  std::uint32_t Terminal = NoIndex;
  std::uint32_t Next = NoIndex;

  /// Order: the procedures' names.
  Span<std::string_view> Actions;
  /// Assess: the exams it assesses, in AssessedExams[Begin, End).
  std::uint32_t AssessBegin = 0;
  std::uint32_t AssessEnd = 0;

  /// Branch: out-edges in Edges[Begin, End), and the diagnoses whose
  /// probability they read, in declaration order, in BranchDiagnoses.
  std::uint32_t EdgesBegin = 0;
  std::uint32_t EdgesEnd = 0;
  std::uint32_t DiagnosesBegin = 0;
  std::uint32_t DiagnosesEnd = 0;

  /// Terminal.
  Status TerminalStatus = Status::Outcome;
  Urgency Level = Urgency::None;
  Span<std::string_view> Recommendations;
};

/// Where a diagnosis's pretest probability comes from.
struct DiagnosisData {
  std::string_view Name;
  std::string_view Title;
  /// A figure, or the value of PretestInput (divided by 100 when
  /// PretestPercent), or neither (no guard may then read it).
  bool HasFigure = false;
  ProbabilityInterval Figure;
  std::uint32_t PretestInput = NoIndex;
  bool PretestPercent = false;
  /// The exams that detect it, in declaration order (exam indices).
  std::vector<std::uint32_t> Exams;
};

struct ExamData {
  std::string_view Name;
  std::uint32_t Diagnosis = 0;
  LikelihoodRatios Ratios;
};

struct ProgramData {
  /// Owns every string views point to; a deque never moves its elements.
  std::deque<std::string> Strings;

  std::string_view Name;
  std::string_view Title;

  /// Inputs, then exams: the case's slots.
  std::vector<VariableInfo> Variables;
  std::uint32_t NumInputs = 0;
  std::unordered_map<std::string_view, std::uint32_t> VariableIndex;
  /// Enum inputs' values, which VariableInfo::Values views.
  std::deque<std::vector<std::string_view>> EnumValues;
  /// The number inputs, checked against their domains first.
  std::vector<std::uint32_t> NumberInputs;

  std::vector<DiagnosisData> Diagnoses;
  std::vector<ExamData> Exams;
  /// The most exams that detect any one diagnosis.
  std::size_t MaxExamsPerDiagnosis = 0;

  std::vector<GuardNode> GuardNodes;
  std::vector<ThresholdInterval> Intervals;
  std::vector<std::uint32_t> AllowedValues;
  std::vector<GuardInfo> Guards;
  std::vector<std::uint32_t> GuardVars;

  std::vector<NodeData> Nodes;
  std::vector<EdgeData> Edges;
  std::vector<std::uint32_t> AssessedExams;
  std::vector<std::uint32_t> BranchDiagnoses;
  /// Storage for the Actions and Recommendations spans.
  std::deque<std::vector<std::string_view>> TextLists;
  /// Storage for the trace entries' spans.
  std::deque<std::vector<Citation>> CitationLists;
  std::deque<std::vector<Note>> NoteLists;

  std::uint32_t Entry = 0;
  /// The most nodes any walk passes through: the trace's capacity.
  std::size_t LongestPath = 0;

  /// Copies \p S into Strings and returns a view that stays valid.
  std::string_view keep(std::string S) {
    Strings.push_back(std::move(S));
    return Strings.back();
  }
};

} // namespace pathwayc::runtime::detail

#endif // PATHWAYC_INTERPRETER_PROGRAMDATA_H
