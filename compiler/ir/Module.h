//===- Module.h - The decision graph of a pathway ---------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The decision graph: what the verifier proves things about and what every
/// target emits. It is lowered from a checked AST (ir/Lowering.h) and holds
/// copies of everything later stages need — metadata, sources, inputs,
/// evidence, procedures, criteria, nodes and guarded edges, notes, citations
/// and source ranges — so that nothing after lowering reads the AST.
///
/// Evaluation walks the nodes from the entry: a chain of red-flag screens
/// (emergency first, then in declaration order), then exclusions, then
/// inclusions, then the steps from `start`. A step becomes up to three nodes
/// — order, assess, then a branch or a single edge — and every path ends in a
/// terminal: an outcome, a red flag's action, an exclusion's referral, or
/// "not applicable".
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_IR_MODULE_H
#define PATHWAYC_IR_MODULE_H

#include "ast/Vocabulary.h"
#include "diag/SourceLocation.h"
#include "ir/Guard.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace pathwayc::ir {

struct Citation {
  std::string Source;
  std::string Quote; ///< Empty when the citation quotes nothing.
  SourceRange Range;
};

struct Note {
  bool IsPitfall = false;
  std::string Text;
  std::vector<Citation> Citations;
  SourceRange Range;
};

struct Source {
  std::string Name;
  std::string Title;
  std::optional<int> Year;
  std::string Author;
  std::string Url;
  SourceRange Range;
};

/// A probability-like figure as fractions; a point when Low == High.
struct Evidence {
  double Low = 0;
  double High = 0;
  bool isRange() const { return Low != High; }
};

/// A variable the guards read: an input, an exam's finding, or the
/// probability of a diagnosis.
struct Variable {
  VarKind Kind = VarKind::Bool;
  std::string Name;
  /// Number: the declared domain in Unit; Probability: [0, 1].
  Interval Domain;
  Unit DomainUnit = Unit::None;
  /// Enum: the values, in declaration order.
  std::vector<std::string> Values;
  std::string Description;
  SourceRange Range;
  /// Finding: the exam; Probability: the diagnosis. Index into Module's
  /// Exams or Diagnoses.
  unsigned Owner = 0;
};

struct Diagnosis {
  std::string Name;
  std::string Title;
  std::optional<Evidence> Pretest;
  /// Index of the input that supplies the pretest probability, if any.
  std::optional<unsigned> PretestVar;
  std::vector<Citation> Citations;
  SourceRange Range;
  unsigned ProbabilityVar = 0;
};

struct Exam {
  std::string Name;
  std::string Title;
  unsigned Diagnosis = 0;
  Evidence Sensitivity;
  Evidence Specificity;
  std::vector<Citation> Citations;
  SourceRange Range;
  unsigned FindingVar = 0;
};

struct Procedure {
  std::string Name;
  std::string Title;
  Appropriateness Category = Appropriateness::UsuallyAppropriate;
  std::optional<int> Rating;
  RadiationLevel Radiation = RadiationLevel::Unspecified;
  std::vector<Citation> Citations;
  SourceRange Range;
};

/// What a terminal node ends evaluation with.
enum class TerminalKind { Outcome, RedFlag, Excluded, NotApplicable };

enum class NodeKind {
  RedFlagScreen, ///< Tests one red flag; flagged -> its terminal.
  Exclusion,     ///< Tests one exclusion; holds -> its terminal.
  Inclusion,     ///< Tests one inclusion; fails -> not applicable.
  Order,         ///< A step's orders, recorded as actions.
  Assess,        ///< A step's assessments: what the next decision reads.
  Branch,        ///< A step's branch: one guarded edge per arm.
  Terminal,      ///< Ends evaluation.
};

llvm::StringRef getNodeKindName(NodeKind Kind);
llvm::StringRef getTerminalKindName(TerminalKind Kind);

/// An ordered procedure: what an Order node records.
struct OrderedProcedure {
  unsigned Procedure = 0;
  std::string Justification;
  std::vector<Citation> Citations;
  SourceRange Range;
};

struct Edge {
  unsigned From = 0;
  unsigned To = 0;
  /// The condition under which evaluation follows the edge. For an
  /// `otherwise` arm it is the negation of the other arms.
  GuardRef Condition;
  /// The condition as the author wrote it, for labels ("relief > 75
  /// percent", "otherwise", "flagged").
  std::string Label;
  bool IsOtherwise = false;
  /// The arm's position in its branch, for Branch nodes.
  unsigned ArmIndex = 0;
  std::vector<Citation> Citations;
  std::vector<Note> Notes;
  SourceRange Range;
};

struct Node {
  NodeKind Kind = NodeKind::Terminal;
  /// Unique and stable: "screen.infection", "step.injection.branch",
  /// "outcome.hip_is_generator". Witness paths name nodes by it.
  std::string Id;
  /// The name of the construct it comes from (step, outcome, red flag), or
  /// the criterion's label.
  std::string Name;
  std::string Title;
  SourceRange Range;
  std::vector<unsigned> OutEdges;

  /// RedFlagScreen, Exclusion, Inclusion: the criterion's condition.
  GuardRef Condition;
  std::string ConditionText;
  /// RedFlagScreen: its urgency; Terminal: the outcome's urgency.
  Urgency Level = Urgency::Routine;

  /// Order.
  std::vector<OrderedProcedure> Orders;
  /// Assess: variables (inputs and findings) the step names.
  std::vector<unsigned> Assessed;

  /// Terminal.
  TerminalKind Terminal = TerminalKind::Outcome;
  /// Outcome: recommendations; RedFlag: the action; Excluded: the referral.
  std::vector<std::string> Recommendations;
  std::vector<std::vector<Citation>> RecommendationCitations;
  std::vector<SourceRange> RecommendationRanges;

  std::vector<Citation> Citations;
  std::vector<Note> Notes;
};

/// One pathway's decision graph.
class Module {
public:
  std::string Name;
  std::string Title;
  std::string Version;
  std::string Population;
  std::string Summary;
  SourceRange Range;
  /// The file it was compiled from, as given on the command line.
  std::string SourceFile;

  std::vector<Source> Sources;
  std::vector<Variable> Variables;
  std::vector<Diagnosis> Diagnoses;
  std::vector<Exam> Exams;
  std::vector<Procedure> Procedures;
  std::vector<Note> Notes;

  std::vector<Node> Nodes;
  std::vector<Edge> Edges;
  unsigned Entry = 0;
  /// The first node of the start step.
  unsigned StartStep = 0;

  unsigned addVariable(Variable V);
  unsigned addNode(Node N);
  /// Adds \p E and records it among its source node's out-edges.
  unsigned addEdge(Edge E);
  std::optional<unsigned> findVariable(llvm::StringRef Name) const;
  std::optional<unsigned> findNode(llvm::StringRef Id) const;

private:
  llvm::StringMap<unsigned> VariableIndex;
  llvm::StringMap<unsigned> NodeIndex;
};

/// The shortest text that reads back to \p X, in positional notation: a
/// clinician reads 0.0000288, not 2.88e-05.
std::string formatNumber(double X);
/// A value of \p V as a person reads it: six significant digits, which hide
/// unit-conversion noise (6 weeks is 1.3798... months) and keep every digit
/// an author types, followed by the variable's unit.
std::string formatValue(double X, const Variable &V);

/// Prints \p M one node a line with its edges and their guards, in node
/// order: a stable text for tests and `pathwayc compile --dump-ir`.
void printModule(llvm::raw_ostream &OS, const Module &M);
/// Prints \p G in the language's syntax over \p M's variable names.
void printGuard(llvm::raw_ostream &OS, const Guard &G, const Module &M);
std::string guardToString(const Guard &G, const Module &M);

} // namespace pathwayc::ir

#endif // PATHWAYC_IR_MODULE_H
