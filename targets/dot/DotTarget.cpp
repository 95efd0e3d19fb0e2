//===- DotTarget.cpp - The decision graph as a Graphviz diagram -----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// One digraph per pathway: a legend, then the screening, criteria and
// work-up clusters, then the terminals, then every edge, each in the IR's
// order, so that the same graph always gives the same bytes. The legend and
// the attributes are described in docs/targets/dot.md.
//
// Every attribute value and node id is written through quote(), which
// escapes it for a DOT string: guideline text is user data and never
// becomes DOT syntax. Labels are plain strings (not HTML-like), so quotes,
// backslashes and newlines are the only characters to escape.
//
//===----------------------------------------------------------------------===//

#include "dot/DotTarget.h"

#include "diag/Diagnostic.h"
#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using namespace pathwayc;
using namespace pathwayc::ir;

namespace {

/// Recommendations longer than this many bytes are shortened in labels
/// (the tooltip keeps them whole).
constexpr size_t MaxRecommendationLength = 60;

/// The colour and width of a highlighted witness path.
constexpr llvm::StringLiteral HighlightColor = "red";
constexpr llvm::StringLiteral HighlightWidth = "3";

/// The target's options, parsed from `--dot_opt=...`.
struct DotOptions {
  /// "TB" (top to bottom) or "LR" (left to right).
  std::string RankDir = "TB";
};

using Attributes = std::vector<std::pair<llvm::StringRef, std::string>>;

/// \p Text as a quoted DOT string: quotes and backslashes escaped, line
/// breaks as `\n` (which Graphviz draws as a centred line break), other
/// control characters dropped.
std::string quote(llvm::StringRef Text) {
  std::string Out = "\"";
  for (char C : Text) {
    switch (C) {
    case '"': Out += "\\\""; break;
    case '\\': Out += "\\\\"; break;
    case '\n': Out += "\\n"; break;
    default:
      if (static_cast<unsigned char>(C) >= 0x20)
        Out += C;
      break;
    }
  }
  Out += '"';
  return Out;
}

/// \p Text cut to about \p Max bytes, at a word boundary when there is one
/// and never inside a UTF-8 sequence, with an ellipsis.
std::string shorten(llvm::StringRef Text, size_t Max) {
  if (Text.size() <= Max)
    return Text.str();
  size_t Cut = Max - 1;
  while (Cut > 0 && (static_cast<unsigned char>(Text[Cut]) & 0xC0) == 0x80)
    --Cut;
  size_t Space = Text.substr(0, Cut).rfind(' ');
  if (Space != llvm::StringRef::npos && Space >= Max / 2)
    Cut = Space;
  return Text.substr(0, Cut).rtrim().str() + "\xE2\x80\xA6";
}

/// \p X to three significant digits, as a person reads it.
std::string roundedNumber(double X) {
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::format("%.3g", X);
  return formatNumber(std::stod(Text));
}

/// Numerator / Denominator as a likelihood ratio: "inf" for a finding that
/// only occurs with the diagnosis, "undefined" for 0/0 (EvidencePass.cpp
/// reads a zero denominator the same way).
std::string ratio(double Numerator, double Denominator) {
  if (Denominator > 0)
    return roundedNumber(Numerator / Denominator);
  return Numerator > 0 ? "inf" : "undefined";
}

/// A ratio's point or interval.
std::string ratioRange(std::string Low, std::string High) {
  if (Low == High)
    return Low;
  return "[" + Low + ", " + High + "]";
}

/// "LR+ 32.6, LR- 0.123" for \p E; intervals when its figures are ranges.
/// LR+ = sens / (1 - spec) rises with both; LR- = (1 - sens) / spec falls
/// with both.
std::string likelihoodRatios(const Exam &E) {
  const Evidence &Sens = E.Sensitivity;
  const Evidence &Spec = E.Specificity;
  std::string Positive = ratioRange(ratio(Sens.Low, 1 - Spec.Low),
                                    ratio(Sens.High, 1 - Spec.High));
  std::string Negative = ratioRange(ratio(1 - Sens.High, Spec.High),
                                    ratio(1 - Sens.Low, Spec.Low));
  return "LR+ " + Positive + ", LR\xE2\x88\x92 " + Negative;
}

/// The fill colour of an outcome or a red flag's terminal.
llvm::StringRef urgencyColor(Urgency U) {
  switch (U) {
  case Urgency::Routine: return "palegreen";
  case Urgency::Soon: return "yellow";
  case Urgency::Urgent: return "orange";
  case Urgency::Emergency: return "red";
  }
  llvm_unreachable("unknown urgency");
}

/// \p Prefix followed by \p Text, unless \p Text already starts with the
/// prefix's words ("Not applicable: ...").
std::string withPrefix(llvm::StringRef Prefix, llvm::StringRef Text) {
  if (Text.startswith_insensitive(Prefix.rtrim(": ")))
    return Text.str();
  return Prefix.str() + Text.str();
}

/// Notes and pitfalls one a line, for a tooltip.
std::string noteText(const std::vector<Note> &Notes) {
  std::string Out;
  for (const Note &N : Notes) {
    if (!Out.empty())
      Out += '\n';
    Out += N.IsPitfall ? "Pitfall: " : "Note: ";
    Out += N.Text;
  }
  return Out;
}

/// Writes one pathway's digraph.
class DotWriter {
public:
  DotWriter(const EmitRequest &Request, const DotOptions &Options,
            llvm::raw_ostream &OS)
      : M(Request.Graph), Request(Request), Options(Options), OS(OS) {
    for (const std::string &Id : Request.Highlight)
      HighlightedNodes.insert(Id);
  }

  void write();

private:
  void writeAttributes(const Attributes &Attrs);
  void writeHeader();
  void writeLegend();
  /// A cluster of the nodes \p Kinds allows, if it has any.
  void writeCluster(llvm::StringRef Name, llvm::StringRef Label,
                    llvm::StringRef Color,
                    std::initializer_list<NodeKind> Kinds);
  void writeNode(const Node &N, llvm::StringRef Indent);
  void writeEdge(const Edge &E);

  Attributes nodeAttributes(const Node &N) const;
  Attributes terminalAttributes(const Node &N) const;
  std::string orderLabel(const Node &N) const;
  std::string assessLabel(const Node &N) const;
  std::string branchLabel(const Node &N) const;
  /// The step a work-up node belongs to, as a reader names it.
  static std::string stepTitle(const Node &N) {
    return N.Title.empty() ? N.Name : N.Title;
  }
  bool isHighlighted(const Edge &E) const;

  const Module &M;
  const EmitRequest &Request;
  const DotOptions &Options;
  llvm::raw_ostream &OS;
  llvm::StringSet<> HighlightedNodes;
};

void DotWriter::writeAttributes(const Attributes &Attrs) {
  OS << " [";
  bool First = true;
  for (const auto &[Name, Value] : Attrs) {
    if (!First)
      OS << ", ";
    First = false;
    OS << Name << '=' << quote(Value);
  }
  OS << "];\n";
}

void DotWriter::write() {
  writeHeader();
  writeLegend();
  writeCluster("cluster_screening", "Screening (red flags)", "mistyrose",
               {NodeKind::RedFlagScreen});
  writeCluster("cluster_criteria", "Criteria (exclusions, inclusions)",
               "aliceblue", {NodeKind::Exclusion, NodeKind::Inclusion});
  writeCluster("cluster_workup", "Work-up (steps)", "whitesmoke",
               {NodeKind::Order, NodeKind::Assess, NodeKind::Branch});
  OS << "\n  // Terminals\n";
  for (const Node &N : M.Nodes)
    if (N.Kind == NodeKind::Terminal)
      writeNode(N, "  ");
  OS << "\n  // Edges\n";
  for (const Edge &E : M.Edges)
    writeEdge(E);
  OS << "}\n";
}

void DotWriter::writeHeader() {
  // The provenance goes in a comment; a comment ends at a line break, so
  // control characters become spaces.
  std::string Origin = "Generated by pathwayc " +
                       Request.Origin.CompilerVersion + " from " +
                       Request.Origin.SourceFile + " (sha256 " +
                       Request.Origin.SourceSha256 + "). Do not edit.";
  for (char &C : Origin)
    if (static_cast<unsigned char>(C) < 0x20)
      C = ' ';
  OS << "// " << Origin << "\n";
  OS << "digraph " << quote(M.Name) << " {\n";

  std::string Label = M.Title.empty() ? M.Name : M.Title;
  if (!M.Version.empty())
    Label += " (version " + M.Version + ")";
  if (!M.Population.empty())
    Label += "\n" + M.Population;
  OS << "  graph";
  Attributes Graph = {{"label", Label},
                      {"labelloc", "t"},
                      {"fontname", "Helvetica"},
                      {"rankdir", Options.RankDir},
                      {"compound", "true"}};
  std::string Notes = noteText(M.Notes);
  if (!Notes.empty())
    Graph.push_back({"tooltip", Notes});
  writeAttributes(Graph);
  OS << "  node";
  writeAttributes({{"fontname", "Helvetica"}, {"fontsize", "11"}});
  OS << "  edge";
  writeAttributes({{"fontname", "Helvetica"}, {"fontsize", "10"}});
}

void DotWriter::writeLegend() {
  // Legend ids start with "legend." followed by a character no IR id
  // contains, so they never clash with a node of the pathway.
  struct Entry {
    const char *Id;
    const char *Label;
    Attributes Attrs;
  };
  const Entry Entries[] = {
      {"legend.:screen", "Red-flag screen", {{"shape", "octagon"}}},
      {"legend.:criterion", "Exclusion or inclusion", {{"shape", "hexagon"}}},
      {"legend.:order",
       "Order (ACR category, rating, radiation)",
       {{"shape", "box"}}},
      {"legend.:assess",
       "Assess (what the next decision reads)",
       {{"shape", "parallelogram"}}},
      {"legend.:branch",
       "Branch (exam LR+/LR\xE2\x88\x92)",
       {{"shape", "diamond"}}},
      {"legend.:routine",
       "Outcome: routine",
       {{"shape", "box"},
        {"style", "rounded,filled"},
        {"fillcolor", urgencyColor(Urgency::Routine).str()}}},
      {"legend.:soon",
       "Outcome: soon",
       {{"shape", "box"},
        {"style", "rounded,filled"},
        {"fillcolor", urgencyColor(Urgency::Soon).str()}}},
      {"legend.:urgent",
       "Outcome: urgent",
       {{"shape", "box"},
        {"style", "rounded,filled"},
        {"fillcolor", urgencyColor(Urgency::Urgent).str()}}},
      {"legend.:emergency",
       "Outcome: emergency",
       {{"shape", "box"},
        {"style", "rounded,filled"},
        {"fillcolor", urgencyColor(Urgency::Emergency).str()}}},
      {"legend.:red_flag",
       "Red flag's action (coloured by urgency)",
       {{"shape", "doubleoctagon"}, {"style", "filled"}, {"fillcolor", "red"}}},
      {"legend.:excluded",
       "Excluded: referral",
       {{"shape", "box"},
        {"style", "rounded,filled,dashed"},
        {"fillcolor", "lightgrey"}}},
      {"legend.:not_applicable",
       "Not applicable",
       {{"shape", "ellipse"}, {"style", "dashed"}}},
      {"legend.:highlight",
       "Highlighted path (verifier finding)",
       {{"shape", "box"},
        {"color", HighlightColor.str()},
        {"penwidth", HighlightWidth.str()}}},
  };
  OS << "\n  subgraph \"cluster_legend\" {\n";
  OS << "    graph";
  writeAttributes({{"label", "Legend"}, {"style", "dashed"}});
  for (const Entry &E : Entries) {
    Attributes Attrs = E.Attrs;
    Attrs.insert(Attrs.begin(), {"label", E.Label});
    OS << "    " << quote(E.Id);
    writeAttributes(Attrs);
  }
  // Invisible edges stack the legend in one column.
  for (size_t I = 1; I < std::size(Entries); ++I) {
    OS << "    " << quote(Entries[I - 1].Id) << " -> " << quote(Entries[I].Id);
    writeAttributes({{"style", "invis"}});
  }
  OS << "  }\n";
}

void DotWriter::writeCluster(llvm::StringRef Name, llvm::StringRef Label,
                             llvm::StringRef Color,
                             std::initializer_list<NodeKind> Kinds) {
  auto InCluster = [&](const Node &N) {
    return llvm::is_contained(Kinds, N.Kind);
  };
  if (llvm::none_of(M.Nodes, InCluster))
    return;
  OS << "\n  subgraph " << quote(Name) << " {\n";
  OS << "    graph";
  writeAttributes({{"label", Label.str()},
                   {"style", "filled"},
                   {"fillcolor", Color.str()},
                   {"color", "grey"}});
  for (const Node &N : M.Nodes)
    if (InCluster(N))
      writeNode(N, "    ");
  OS << "  }\n";
}

void DotWriter::writeNode(const Node &N, llvm::StringRef Indent) {
  Attributes Attrs = nodeAttributes(N);
  std::string Tooltip;
  if (N.Kind == NodeKind::Terminal) {
    // Whole recommendations when the label shortened one.
    for (const std::string &R : N.Recommendations)
      if (R.size() > MaxRecommendationLength)
        Tooltip += (Tooltip.empty() ? "" : "\n") + R;
  }
  std::string Notes = noteText(N.Notes);
  if (!Notes.empty())
    Tooltip += (Tooltip.empty() ? "" : "\n") + Notes;
  if (!Tooltip.empty())
    Attrs.push_back({"tooltip", Tooltip});
  if (HighlightedNodes.count(N.Id)) {
    Attrs.push_back({"color", HighlightColor.str()});
    Attrs.push_back({"penwidth", HighlightWidth.str()});
  }
  OS << Indent << quote(N.Id);
  writeAttributes(Attrs);
}

Attributes DotWriter::nodeAttributes(const Node &N) const {
  switch (N.Kind) {
  case NodeKind::RedFlagScreen:
    return {{"label", "Red flag: " + N.Name + "\n" + N.ConditionText + "\n(" +
                          getUrgencyName(N.Level).str() + ")"},
            {"shape", "octagon"},
            {"style", "filled"},
            {"fillcolor", "white"}};
  case NodeKind::Exclusion:
  case NodeKind::Inclusion:
    return {
        {"label", (N.Kind == NodeKind::Exclusion ? "Exclude: " : "Include: ") +
                      N.Name + "\n" + N.ConditionText},
        {"shape", "hexagon"},
        {"style", "filled"},
        {"fillcolor", "white"}};
  case NodeKind::Order:
    return {{"label", orderLabel(N)},
            {"shape", "box"},
            {"style", "filled"},
            {"fillcolor", "white"}};
  case NodeKind::Assess:
    return {{"label", assessLabel(N)},
            {"shape", "parallelogram"},
            {"style", "filled"},
            {"fillcolor", "white"}};
  case NodeKind::Branch:
    return {{"label", branchLabel(N)},
            {"shape", "diamond"},
            {"style", "filled"},
            {"fillcolor", "white"}};
  case NodeKind::Terminal: return terminalAttributes(N);
  }
  llvm_unreachable("unknown node kind");
}

std::string DotWriter::orderLabel(const Node &N) const {
  std::string Label = stepTitle(N) + "\nOrder:";
  for (const OrderedProcedure &O : N.Orders) {
    const Procedure &P = M.Procedures[O.Procedure];
    Label += "\n" + (P.Title.empty() ? P.Name : P.Title) + " (" +
             getAppropriatenessName(P.Category).str();
    if (P.Rating)
      Label += ", rating " + std::to_string(*P.Rating);
    if (P.Radiation != RadiationLevel::Unspecified)
      Label += ", radiation " + getRadiationLevelName(P.Radiation).str();
    Label += ")";
  }
  return Label;
}

std::string DotWriter::assessLabel(const Node &N) const {
  std::string Label = stepTitle(N) + "\nAssess:";
  for (unsigned Var : N.Assessed) {
    const Variable &V = M.Variables[Var];
    Label += "\n" + V.Name;
    if (V.Kind == VarKind::Finding && !M.Exams[V.Owner].Title.empty())
      Label += " (" + M.Exams[V.Owner].Title + ")";
  }
  return Label;
}

std::string DotWriter::branchLabel(const Node &N) const {
  std::string Label = stepTitle(N);
  if (!llvm::StringRef(Label).endswith("?"))
    Label += "?";
  // The exams whose findings the arms read, in the order they are read.
  llvm::SmallVector<unsigned, 8> Vars;
  for (unsigned E : N.OutEdges)
    if (const GuardRef &G = M.Edges[E].Condition)
      G->collectVars(Vars);
  llvm::SmallVector<unsigned, 4> Exams;
  for (unsigned Var : Vars) {
    const Variable &V = M.Variables[Var];
    if (V.Kind == VarKind::Finding && !llvm::is_contained(Exams, V.Owner))
      Exams.push_back(V.Owner);
  }
  for (unsigned E : Exams) {
    const Exam &X = M.Exams[E];
    Label += "\n" + (X.Title.empty() ? X.Name : X.Title) + ": " +
             likelihoodRatios(X);
  }
  return Label;
}

Attributes DotWriter::terminalAttributes(const Node &N) const {
  std::string Title = N.Title.empty() ? N.Name : N.Title;
  std::string Items;
  for (const std::string &R : N.Recommendations)
    Items += "\n- " + shorten(R, MaxRecommendationLength);
  switch (N.Terminal) {
  case TerminalKind::Outcome:
    return {
        {"label", Title + " [" + getUrgencyName(N.Level).str() + "]" + Items},
        {"shape", "box"},
        {"style", "rounded,filled"},
        {"fillcolor", urgencyColor(N.Level).str()}};
  case TerminalKind::RedFlag:
    return {{"label", "Red flag: " + Title + " [" +
                          getUrgencyName(N.Level).str() + "]" + Items},
            {"shape", "doubleoctagon"},
            {"style", "filled"},
            {"fillcolor", urgencyColor(N.Level).str()}};
  case TerminalKind::Excluded:
    return {{"label", withPrefix("Excluded: ", Title) + Items},
            {"shape", "box"},
            {"style", "rounded,filled,dashed"},
            {"fillcolor", "lightgrey"}};
  case TerminalKind::NotApplicable:
    return {{"label", withPrefix("Not applicable: ", Title) + Items},
            {"shape", "ellipse"},
            {"style", "dashed"}};
  }
  llvm_unreachable("unknown terminal kind");
}

bool DotWriter::isHighlighted(const Edge &E) const {
  const std::vector<std::string> &Path = Request.Highlight;
  for (size_t I = 1; I < Path.size(); ++I)
    if (Path[I - 1] == M.Nodes[E.From].Id && Path[I] == M.Nodes[E.To].Id)
      return true;
  return false;
}

void DotWriter::writeEdge(const Edge &E) {
  Attributes Attrs;
  if (!E.Label.empty())
    Attrs.push_back({"label", E.Label});
  if (E.IsOtherwise)
    Attrs.push_back({"style", "dashed"});
  std::string Notes = noteText(E.Notes);
  if (!Notes.empty())
    Attrs.push_back({"tooltip", Notes});
  if (isHighlighted(E)) {
    Attrs.push_back({"color", HighlightColor.str()});
    Attrs.push_back({"penwidth", HighlightWidth.str()});
  }
  OS << "  " << quote(M.Nodes[E.From].Id) << " -> " << quote(M.Nodes[E.To].Id);
  if (Attrs.empty())
    OS << ";\n";
  else
    writeAttributes(Attrs);
}

//===----------------------------------------------------------------------===//
// The emitter
//===----------------------------------------------------------------------===//

class DotEmitter : public Emitter {
public:
  llvm::StringRef getName() const override { return "dot"; }
  llvm::StringRef getDescription() const override {
    return "the decision graph as a Graphviz diagram (<pathway>.dot; "
           "--dot_opt=rankdir=LR draws it left to right)";
  }

  bool emit(const EmitRequest &Request, OutputContext &Out,
            DiagnosticsEngine &Diags) override {
    DotOptions Options;
    bool Valid = parseTargetOptions(
        Request.Parameter, "dot", Diags, [&](llvm::StringRef Item) {
          if (Item != "rankdir=LR" && Item != "rankdir=TB")
            return false;
          Options.RankDir = Item.drop_front(strlen("rankdir=")).str();
          return true;
        });
    if (!Valid)
      return false;
    DotWriter(Request, Options, Out.open(Request.getOutputName() + ".dot"))
        .write();
    return true;
  }
};

} // namespace

std::unique_ptr<Emitter> pathwayc::createDotEmitter() {
  return std::make_unique<DotEmitter>();
}
