//===- LoaderGraph.cpp - Nodes, edges and the shape of the graph ----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Nodes are read by kind; edges join them; then every node is checked to
// have the out-edges its kind needs (docs/evaluation.md), the graph to have
// no cycle, and the trace entries each node and arm can append are laid out
// once, their citations without repeats.
//
//===----------------------------------------------------------------------===//

#include "LoaderImpl.h"

#include <algorithm>
#include <set>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

namespace {

/// The citations of one trace entry: "one that is equal to an earlier one
/// in the same entry is left out" (docs/evaluation.md, "Trace entries").
std::vector<Citation> withoutRepeats(const std::vector<Citation> &In) {
  std::vector<Citation> Out;
  std::set<std::pair<std::string_view, std::string_view>> Seen;
  for (const Citation &C : In)
    if (Seen.insert({C.Source, C.Quote}).second)
      Out.push_back(C);
  return Out;
}

} // namespace

void Loader::readNodes(const json &Root, const Where &W) {
  const json *Nodes =
      Reader.nonEmptyArray(Root, W, "nodes", "the graph has no node");
  if (!Nodes)
    return;
  Where NW = W.key("nodes");
  // Ids first: edges and screening summaries refer to nodes by id, and the
  // array index is the node's index.
  Data->Nodes.resize(Nodes->size());
  NodeDrafts.resize(Nodes->size());
  for (std::size_t I = 0; I != Nodes->size(); ++I) {
    const json &N = (*Nodes)[I];
    if (!Reader.expectObject(N, NW.at(I)))
      continue;
    const std::string *Id = Reader.string(N, NW.at(I), "id", true);
    if (Id && !NodeIndex.emplace(*Id, static_cast<std::uint32_t>(I)).second)
      Reader.error(NW.at(I).key("id"),
                   "node id " + quoteName(*Id) + " is used twice");
  }
  for (std::size_t I = 0; I != Nodes->size(); ++I) {
    const json &N = (*Nodes)[I];
    Where IW = NW.at(I);
    if (N.is_object() && N.contains("id") && N["id"].is_string())
      NodeDrafts[I].Valid = readNode(N, IW, static_cast<std::uint32_t>(I));
  }
}

bool Loader::readNode(const json &N, const Where &W, std::uint32_t Index) {
  NodeData &Node = Data->Nodes[Index];
  NodeDraft &Draft = NodeDrafts[Index];
  const std::string *Kind = Reader.string(N, W, "kind");
  const std::string *Title = Reader.string(N, W, "title");
  Draft.Citations = readCitations(N, W);
  Draft.Notes = readNotes(N, W);
  if (!Kind || !Title)
    return false;
  Node.Id = Data->keep(N["id"].get<std::string>());
  Node.Title = Data->keep(*Title);

  if (*Kind == "red-flag-screen" || *Kind == "exclusion" ||
      *Kind == "inclusion") {
    Node.Kind = *Kind == "red-flag-screen" ? NodeKind::RedFlagScreen
                : *Kind == "exclusion"     ? NodeKind::Exclusion
                                           : NodeKind::Inclusion;
    std::optional<std::uint32_t> Condition = readGuard(N, W, "condition");
    const std::string *Text = Reader.string(N, W, "conditionText");
    if (!Condition || !Text)
      return false;
    Node.Condition = *Condition;
    Node.ConditionText = Data->keep(*Text);
    return true;
  }
  if (*Kind == "order") {
    Node.Kind = NodeKind::Order;
    const json *Orders = Reader.nonEmptyArray(
        N, W, "orders", "an order node orders at least one procedure");
    if (!Orders)
      return false;
    std::vector<std::string_view> Actions;
    bool Ok = true;
    Reader.forEachObject(
        *Orders, W.key("orders"), [&](const json &O, const Where &OW) {
          const std::string *Procedure =
              Reader.string(O, OW, "procedure", true);
          std::vector<Citation> Cited = readCitations(O, OW);
          if (!Procedure || !ProcedureNames.count(*Procedure)) {
            if (Procedure)
              Reader.error(OW.key("procedure"),
                           "unknown procedure " + quoteName(*Procedure));
            Ok = false;
            return;
          }
          Actions.push_back(Data->keep(*Procedure));
          Draft.Citations.insert(Draft.Citations.end(), Cited.begin(),
                                 Cited.end());
        });
    Node.Actions = keepList(Data->TextLists, std::move(Actions));
    return Ok && Orders->size() == Node.Actions.size();
  }
  if (*Kind == "assess") {
    Node.Kind = NodeKind::Assess;
    const json *Assessed = Reader.array(N, W, "assessed");
    if (!Assessed)
      return false;
    Node.AssessBegin = static_cast<std::uint32_t>(Data->AssessedExams.size());
    for (std::size_t I = 0; I != Assessed->size(); ++I) {
      const json &Name = (*Assessed)[I];
      auto It =
          Name.is_string()
              ? Data->VariableIndex.find(Name.get_ref<const std::string &>())
              : Data->VariableIndex.end();
      if (It == Data->VariableIndex.end()) {
        Reader.error(W.key("assessed").at(I),
                     Name.is_string()
                         ? "unknown input or exam " +
                               quoteName(Name.get_ref<const std::string &>())
                         : std::string("must be a string, not ") +
                               describeJsonType(Name));
        return false;
      }
      // Inputs named there change nothing (docs/evaluation.md, "Assess").
      if (It->second >= Data->NumInputs)
        Data->AssessedExams.push_back(It->second - Data->NumInputs);
    }
    Node.AssessEnd = static_cast<std::uint32_t>(Data->AssessedExams.size());
    return true;
  }
  if (*Kind == "branch") {
    Node.Kind = NodeKind::Branch;
    return true;
  }
  if (*Kind == "terminal")
    return readTerminal(N, W, Node, Draft);
  Reader.error(W.key("kind"), "unknown node kind " + quoteName(*Kind));
  return false;
}

bool Loader::readTerminal(const json &N, const Where &W, NodeData &Node,
                          NodeDraft &Draft) {
  Node.Kind = NodeKind::Terminal;
  const std::string *Kind = Reader.string(N, W, "terminal");
  std::string UrgencyName;
  bool HasUrgency = Reader.optionalString(N, W, "urgency", UrgencyName);
  const json *Recommendations = Reader.array(N, W, "recommendations");
  if (!Kind || !HasUrgency || !Recommendations)
    return false;
  bool Acts = *Kind == "outcome" || *Kind == "red-flag";
  if (Acts)
    Node.TerminalStatus =
        *Kind == "outcome" ? Status::Outcome : Status::RedFlag;
  else if (*Kind == "excluded")
    Node.TerminalStatus = Status::Excluded;
  else if (*Kind == "not-applicable")
    Node.TerminalStatus = Status::NotApplicable;
  else {
    Reader.error(W.key("terminal"),
                 "unknown terminal kind " + quoteName(*Kind));
    return false;
  }
  const char *const Levels[] = {"routine", "soon", "urgent", "emergency"};
  const char *const *Level =
      std::find(std::begin(Levels), std::end(Levels), UrgencyName);
  if (Level == std::end(Levels) && (Acts || !UrgencyName.empty())) {
    Reader.error(W.key("urgency"),
                 UrgencyName.empty()
                     ? "an outcome or red-flag terminal needs an urgency"
                     : "unknown urgency " + quoteName(UrgencyName));
    return false;
  }
  // An exclusion's terminal carries an urgency in the document, but the
  // result's Level is none for every ending other than an outcome or a red
  // flag (docs/evaluation.md, "Terminal").
  if (Acts)
    Node.Level = static_cast<Urgency>(static_cast<int>(Urgency::Routine) +
                                      (Level - Levels));
  std::vector<std::string_view> Texts;
  Reader.forEachObject(*Recommendations, W.key("recommendations"),
                       [&](const json &R, const Where &RW) {
                         const std::string *Text = Reader.string(R, RW, "text");
                         std::vector<Citation> Cited = readCitations(R, RW);
                         if (Text)
                           Texts.push_back(Data->keep(*Text));
                         Draft.Citations.insert(Draft.Citations.end(),
                                                Cited.begin(), Cited.end());
                       });
  Node.Recommendations = keepList(Data->TextLists, std::move(Texts));
  return Node.Recommendations.size() == Recommendations->size();
}

std::optional<std::uint32_t>
Loader::readNodeRef(const json &Obj, const Where &W, const char *Key) {
  const std::string *Id = Reader.string(Obj, W, Key, true);
  if (!Id)
    return std::nullopt;
  auto It = NodeIndex.find(*Id);
  if (It != NodeIndex.end())
    return It->second;
  Reader.error(W.key(Key), "unknown node " + quoteName(*Id));
  return std::nullopt;
}

void Loader::readEdges(const json &Root, const Where &W) {
  const json *Edges = Reader.array(Root, W, "edges");
  if (!Edges)
    return;
  Where EW = W.key("edges");
  for (std::size_t I = 0; I != Edges->size(); ++I) {
    Where IW = EW.at(I);
    const json &E = (*Edges)[I];
    if (!Reader.expectObject(E, IW))
      continue;
    EdgeDraft Draft;
    Draft.DocIndex = I;
    std::optional<std::uint32_t> From = readNodeRef(E, IW, "from");
    std::optional<std::uint32_t> To = readNodeRef(E, IW, "to");
    std::string Label;
    bool HasLabel = Reader.optionalString(E, IW, "label", Label);
    std::optional<std::uint32_t> Guard = readGuard(E, IW, "guard");
    Draft.Citations = readCitations(E, IW);
    Draft.Notes = readNotes(E, IW);
    if (!From || !To || !HasLabel || !Guard)
      continue;
    Draft.From = *From;
    Draft.To = *To;
    Draft.Guard = *Guard;
    if (!Label.empty())
      Draft.Label = Data->keep(std::move(Label));
    NodeDrafts[*From].OutEdges.push_back(
        static_cast<std::uint32_t>(EdgeDrafts.size()));
    EdgeDrafts.push_back(std::move(Draft));
  }
}

void Loader::readScreeningSummaries(const json &Root, const Where &W) {
  // `redFlags` and `criteria` repeat what the screening nodes say; the walk
  // reads the nodes, but a summary that contradicts them is a broken
  // document.
  for (const char *Section : {"redFlags", "criteria"}) {
    const json *List = Reader.array(Root, W, Section);
    if (!List)
      continue;
    bool Flags = Section == std::string_view("redFlags");
    Reader.forEachObject(
        *List, W.key(Section), [&](const json &S, const Where &SW) {
          std::optional<std::uint32_t> Node = readNodeRef(S, SW, "node");
          if (!Node || !NodeDrafts[*Node].Valid)
            return;
          NodeKind Kind = Data->Nodes[*Node].Kind;
          bool Fits = Flags ? Kind == NodeKind::RedFlagScreen
                            : Kind == NodeKind::Exclusion ||
                                  Kind == NodeKind::Inclusion;
          if (!Fits)
            Reader.error(SW.key("node"),
                         "node " + quoteName(Data->Nodes[*Node].Id) +
                             " is not " +
                             (Flags ? "a red-flag screen" : "a criterion"));
          const json *Terminal = Reader.member(S, SW, "terminal");
          if (Terminal && !Terminal->is_null())
            readNodeRef(S, SW, "terminal");
        });
  }
}

//===----------------------------------------------------------------------===//
// The whole graph
//===----------------------------------------------------------------------===//

void Loader::checkShapes(const Where &Nodes) {
  for (std::size_t I = 0; I != Data->Nodes.size(); ++I) {
    NodeData &Node = Data->Nodes[I];
    const std::vector<std::uint32_t> &Out = NodeDrafts[I].OutEdges;
    Where W = Nodes.at(I);
    auto Count = [&](const char *What, std::size_t Want) {
      if (Out.size() == Want)
        return true;
      Reader.error(W, std::string(What) + " needs " + std::to_string(Want) +
                          " out-edge" + (Want == 1 ? "" : "s") + "; " +
                          quoteName(Node.Id) + " has " +
                          std::to_string(Out.size()));
      return false;
    };
    switch (Node.Kind) {
    case NodeKind::RedFlagScreen:
    case NodeKind::Exclusion:
    case NodeKind::Inclusion: {
      // docs/evaluation.md: the screen stops at "the out-edge whose target
      // is a terminal" and goes on along "the other out-edge".
      Status Stop = Node.Kind == NodeKind::RedFlagScreen ? Status::RedFlag
                    : Node.Kind == NodeKind::Exclusion   ? Status::Excluded
                                                       : Status::NotApplicable;
      if (!Count("a red-flag screen or criterion", 2))
        break;
      for (std::uint32_t E : Out) {
        const NodeData &Target = Data->Nodes[EdgeDrafts[E].To];
        bool IsStop =
            Target.Kind == NodeKind::Terminal && Target.TerminalStatus == Stop;
        (IsStop ? Node.Terminal : Node.Next) = EdgeDrafts[E].To;
      }
      if (Node.Terminal == NoIndex || Node.Next == NoIndex ||
          Data->Nodes[Node.Next].Kind == NodeKind::Terminal)
        Reader.error(W, quoteName(Node.Id) + " needs one out-edge to its " +
                            statusName(Stop) +
                            " terminal and one to a node that is not a "
                            "terminal");
      break;
    }
    case NodeKind::Order:
    case NodeKind::Assess:
      if (Count(Node.Kind == NodeKind::Order ? "an order node"
                                             : "an assess node",
                1))
        Node.Next = EdgeDrafts[Out.front()].To;
      break;
    case NodeKind::Terminal: Count("a terminal", 0); break;
    case NodeKind::Branch: break;
    }
  }
}

void Loader::checkAcyclic(const Where &Root) {
  // Depth-first, with an explicit stack so that no graph can exhaust the
  // call stack; the longest path from each node falls out of the post-order
  // and sizes the trace.
  enum : char { Unvisited, OnStack, Done };
  std::size_t N = Data->Nodes.size();
  std::vector<char> State(N, Unvisited);
  std::vector<std::size_t> Longest(N, 1);
  std::vector<std::pair<std::uint32_t, std::size_t>> Stack;
  for (std::uint32_t Start = 0; Start != N; ++Start) {
    if (State[Start] != Unvisited)
      continue;
    Stack.push_back({Start, 0});
    State[Start] = OnStack;
    while (!Stack.empty()) {
      auto &[Node, Next] = Stack.back();
      const std::vector<std::uint32_t> &Out = NodeDrafts[Node].OutEdges;
      if (Next == Out.size()) {
        State[Node] = Done;
        for (std::uint32_t E : Out)
          Longest[Node] =
              std::max(Longest[Node], Longest[EdgeDrafts[E].To] + 1);
        Stack.pop_back();
        continue;
      }
      const EdgeDraft &E = EdgeDrafts[Out[Next++]];
      if (State[E.To] == OnStack) {
        Reader.error(Root.key("edges").at(E.DocIndex).key("to"),
                     "this edge closes a cycle through node " +
                         quoteName(Data->Nodes[E.To].Id));
        return;
      }
      if (State[E.To] == Unvisited) {
        State[E.To] = OnStack;
        Stack.push_back({E.To, 0});
      }
    }
  }
  Data->LongestPath = Longest[Data->Entry];
}

void Loader::layOut() {
  for (std::size_t I = 0; I != Data->Nodes.size(); ++I) {
    NodeData &Node = Data->Nodes[I];
    const NodeDraft &Draft = NodeDrafts[I];
    Span<Note> Notes = keepList(Data->NoteLists, Draft.Notes);
    Node.Entry = {
        Node.Id,
        {},
        keepList(Data->CitationLists, withoutRepeats(Draft.Citations)),
        Notes};
    if (Node.Kind != NodeKind::Branch)
      continue;
    Node.EdgesBegin = static_cast<std::uint32_t>(Data->Edges.size());
    std::vector<std::uint32_t> Diagnoses;
    for (std::uint32_t E : Draft.OutEdges) {
      const EdgeDraft &Edge = EdgeDrafts[E];
      std::vector<Citation> Cited = Draft.Citations;
      Cited.insert(Cited.end(), Edge.Citations.begin(), Edge.Citations.end());
      std::vector<Note> Noted = Draft.Notes;
      Noted.insert(Noted.end(), Edge.Notes.begin(), Edge.Notes.end());
      EdgeData Arm;
      Arm.To = Edge.To;
      Arm.Guard = Edge.Guard;
      Arm.Label = Edge.Label;
      Arm.Taken = {Node.Id, Edge.Label,
                   keepList(Data->CitationLists, withoutRepeats(Cited)),
                   keepList(Data->NoteLists, std::move(Noted))};
      Data->Edges.push_back(Arm);
      const GuardInfo &G = Data->Guards[Edge.Guard];
      const GuardNode *Begin = &Data->GuardNodes[G.Root];
      for (const GuardNode *A = Begin; A != Begin + Begin->Size; ++A)
        if (A->Op == GuardOp::Probability)
          Diagnoses.push_back(A->Var);
    }
    Node.EdgesEnd = static_cast<std::uint32_t>(Data->Edges.size());
    std::sort(Diagnoses.begin(), Diagnoses.end());
    Diagnoses.erase(std::unique(Diagnoses.begin(), Diagnoses.end()),
                    Diagnoses.end());
    Node.DiagnosesBegin =
        static_cast<std::uint32_t>(Data->BranchDiagnoses.size());
    Data->BranchDiagnoses.insert(Data->BranchDiagnoses.end(), Diagnoses.begin(),
                                 Diagnoses.end());
    Node.DiagnosesEnd =
        static_cast<std::uint32_t>(Data->BranchDiagnoses.size());
  }
}
