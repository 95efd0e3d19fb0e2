//===- LoaderImpl.h - The loader, shared by its parts -----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_INTERPRETER_LOADERIMPL_H
#define PATHWAYC_INTERPRETER_LOADERIMPL_H

#include "DocumentReader.h"
#include "ProgramData.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pathwayc::runtime::detail {

/// What is kept of a node while the document is read, for the checks and
/// trace entries that need every node and edge.
struct NodeDraft {
  bool Valid = false;
  /// The node's citations, then its orders' or its recommendations'.
  std::vector<Citation> Citations;
  std::vector<Note> Notes;
  /// Indices into the loader's edges, in document order.
  std::vector<std::uint32_t> OutEdges;
};

struct EdgeDraft {
  std::size_t DocIndex = 0;
  std::uint32_t From = 0;
  std::uint32_t To = 0;
  std::uint32_t Guard = 0;
  std::string_view Label;
  std::vector<Citation> Citations;
  std::vector<Note> Notes;
};

/// Reads one document into a ProgramData; its parts are Loader.cpp (the
/// declarations), LoaderGuards.cpp and LoaderGraph.cpp.
class Loader {
public:
  using json = nlohmann::json;

  Loader(std::string_view Text, std::string_view File,
         std::vector<InputError> &Errors)
      : Reader(Text, File, Errors), Data(std::make_unique<ProgramData>()) {}

  std::unique_ptr<ProgramData> run(const json &Root);

private:
  bool checkFormat(const json &Root, const Where &W);
  void readPathway(const json &Root, const Where &W);
  /// Sources and procedures: only their names matter here, and those must
  /// be unique.
  void readNames(const json &Root, const Where &W, const char *Section,
                 const char *What, std::unordered_set<std::string> &Names);
  void readInputs(const json &Root, const Where &W);
  bool readDomain(const json &Input, const Where &W, VariableInfo &V);
  bool readValues(const json &Input, const Where &W, VariableInfo &V);
  void addVariable(const std::string &Name, const Where &W, VariableInfo V);
  void readDiagnoses(const json &Root, const Where &W);
  bool readPretest(const json &Pretest, const Where &W, DiagnosisData &D);
  void readExams(const json &Root, const Where &W);
  std::optional<ProbabilityInterval> readEvidence(const json &Evidence,
                                                  const Where &W);
  std::optional<LikelihoodRatio> readRatio(const json &Exam, const Where &W,
                                           const char *Key);
  void finishVariables();
  void readNodes(const json &Root, const Where &W);
  bool readNode(const json &N, const Where &W, std::uint32_t Index);
  bool readTerminal(const json &N, const Where &W, NodeData &Node,
                    NodeDraft &Draft);
  void readEdges(const json &Root, const Where &W);
  void readScreeningSummaries(const json &Root, const Where &W);
  std::optional<std::uint32_t> readNodeRef(const json &Obj, const Where &W,
                                           const char *Key);
  void checkShapes(const Where &Nodes);
  void checkAcyclic(const Where &Root);
  void layOut();

  std::vector<Citation> readCitations(const json &Obj, const Where &W);
  std::vector<Note> readNotes(const json &Obj, const Where &W);
  std::optional<std::uint32_t> readGuard(const json &Obj, const Where &W,
                                         const char *Key);
  bool compileGuard(const json &G, const Where &W, unsigned Depth,
                    std::vector<std::uint32_t> &Vars);
  bool compileIntervals(const json &Atom, const Where &W, bool Merge);

  template <typename T>
  Span<T> keepList(std::deque<std::vector<T>> &Store, std::vector<T> List) {
    Store.push_back(std::move(List));
    return Span<T>(Store.back());
  }

  DocumentReader Reader;
  std::unique_ptr<ProgramData> Data;
  std::unordered_set<std::string> SourceNames;
  std::unordered_set<std::string> ProcedureNames;
  std::vector<std::string> VariableNames;
  std::unordered_map<std::string, std::uint32_t> VariableByName;
  std::unordered_map<std::string, std::uint32_t> DiagnosisIndex;
  std::unordered_map<std::string, std::uint32_t> NodeIndex;
  std::vector<NodeDraft> NodeDrafts;
  std::vector<EdgeDraft> EdgeDrafts;
};

} // namespace pathwayc::runtime::detail

#endif // PATHWAYC_INTERPRETER_LOADERIMPL_H
