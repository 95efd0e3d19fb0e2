//===- JsonTarget.cpp - The decision graph as a JSON document -------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// One document per pathway, built as an ordered_json so that every object's
// keys come out in the order they are inserted here, and every array in the
// IR's order: the same graph always gives the same bytes. The field by field
// description is docs/targets/json.md; the schema, which the tests validate
// every document against, is docs/targets/pathway-graph.schema.json. A
// change to the shape of the document changes both, and FormatVersion when
// it is not backward compatible.
//
//===----------------------------------------------------------------------===//

#include "json/JsonTarget.h"

#include "diag/Diagnostic.h"
#include "diag/SourceManager.h"
#include "ir/Module.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cassert>
#include <cmath>
#include <optional>

using namespace pathwayc;
using namespace pathwayc::ir;

namespace {

using Json = nlohmann::ordered_json;

constexpr llvm::StringLiteral FormatName = "pathwayc-graph";
constexpr int FormatVersion = 1;

/// How a likelihood ratio with a zero denominator is written: JSON has no
/// infinity, and the schema accepts this string wherever a ratio may be
/// infinite.
constexpr llvm::StringLiteral InfiniteRatio = "inf";

/// The target's options, parsed from `--json_opt=...`.
struct JsonOptions {
  /// One line, no indentation.
  bool Compact = false;
};

/// Builds the document for one module. Line and column numbers come from
/// the source manager that owns the module's buffers.
class DocumentBuilder {
public:
  DocumentBuilder(const Module &M, const SourceManager &SM) : M(M), SM(SM) {}

  Json build(const Provenance &Origin) const;

private:
  // Pieces shared by many objects.
  Json range(SourceRange R) const;
  Json citations(const std::vector<Citation> &Cs) const;
  Json notes(const std::vector<Note> &Ns) const;
  static Json number(double X);
  static Json optionalText(const std::string &Text);
  static Json interval(const Interval &I);
  static Json evidence(const Evidence &E);
  static Json ratio(double Numerator, double Denominator);

  Json guard(const Guard &G) const;
  llvm::StringRef varName(unsigned Var) const { return M.Variables[Var].Name; }
  const std::string &nodeId(unsigned Node) const { return M.Nodes[Node].Id; }
  /// The terminal that a screening node stops at.
  std::optional<unsigned> stopTerminal(const Node &N) const;
  Json optionalNodeId(std::optional<unsigned> Node) const {
    return Node ? Json(nodeId(*Node)) : Json(nullptr);
  }

  Json pathway() const;
  Json sources() const;
  Json inputs() const;
  Json redFlags() const;
  Json criteria() const;
  Json diagnoses() const;
  Json exams() const;
  Json procedures() const;
  Json node(const Node &N) const;
  Json edge(const Edge &E) const;

  const Module &M;
  const SourceManager &SM;
};

//===----------------------------------------------------------------------===//
// Shared pieces
//===----------------------------------------------------------------------===//

Json DocumentBuilder::range(SourceRange R) const {
  // A range in a buffer this source manager does not own has no line to
  // give; the schema allows null.
  if (!R.isValid() || R.getBegin().getBuffer() > SM.getNumBuffers())
    return nullptr;
  LineColumn Begin = SM.getLineColumn(R.getBegin());
  LineColumn End = R.getEnd().isValid() ? SM.getLineColumn(R.getEnd()) : Begin;
  Json J;
  J["line"] = Begin.Line;
  J["column"] = Begin.Column;
  J["endLine"] = End.Line;
  J["endColumn"] = End.Column;
  return J;
}

Json DocumentBuilder::citations(const std::vector<Citation> &Cs) const {
  Json Out = Json::array();
  for (const Citation &C : Cs) {
    Json J;
    J["source"] = C.Source;
    J["quote"] = optionalText(C.Quote);
    J["range"] = range(C.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::notes(const std::vector<Note> &Ns) const {
  Json Out = Json::array();
  for (const Note &N : Ns) {
    Json J;
    J["kind"] = N.IsPitfall ? "pitfall" : "note";
    J["text"] = N.Text;
    J["citations"] = citations(N.Citations);
    J["range"] = range(N.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::number(double X) {
  // Every figure the IR holds is finite: domains and thresholds are
  // literals, evidence is within [0, 1]. (nlohmann would write NaN and
  // infinity as null.)
  assert(std::isfinite(X) && "a non-finite number in the decision graph");
  return X;
}

Json DocumentBuilder::optionalText(const std::string &Text) {
  if (Text.empty())
    return nullptr;
  return Text;
}

Json DocumentBuilder::interval(const Interval &I) {
  Json J;
  J["low"] = number(I.Low);
  J["high"] = number(I.High);
  J["lowOpen"] = I.LowOpen;
  J["highOpen"] = I.HighOpen;
  return J;
}

Json DocumentBuilder::evidence(const Evidence &E) {
  Json J;
  if (!E.isRange()) {
    J["point"] = number(E.Low);
    return J;
  }
  J["low"] = number(E.Low);
  J["high"] = number(E.High);
  return J;
}

Json DocumentBuilder::ratio(double Numerator, double Denominator) {
  // The verifier reads a zero denominator the same way (EvidencePass.cpp):
  // a finding that occurs only with the diagnosis has an infinite ratio;
  // 0/0, a finding that never occurs either way, has none.
  if (Denominator > 0)
    return number(Numerator / Denominator);
  if (Numerator > 0)
    return InfiniteRatio.str();
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

Json DocumentBuilder::guard(const Guard &G) const {
  Json J;
  switch (G.getKind()) {
  case Guard::GuardKind::True: J["op"] = "true"; return J;
  case Guard::GuardKind::False: J["op"] = "false"; return J;
  case Guard::GuardKind::Not:
  case Guard::GuardKind::And:
  case Guard::GuardKind::Or: {
    J["op"] = G.getKind() == Guard::GuardKind::Not   ? "not"
              : G.getKind() == Guard::GuardKind::And ? "and"
                                                     : "or";
    Json Args = Json::array();
    for (const GuardRef &Operand : G.getOperands())
      Args.push_back(guard(*Operand));
    J["args"] = std::move(Args);
    return J;
  }
  case Guard::GuardKind::Atom: break;
  }

  switch (G.getVarKind()) {
  case VarKind::Bool:
  case VarKind::Finding:
    J["op"] = "bool";
    J["var"] = varName(G.getVar());
    J["value"] = G.getBoolValue();
    return J;
  case VarKind::Number:
  case VarKind::Probability: {
    J["op"] = "number";
    J["var"] = varName(G.getVar());
    Json Intervals = Json::array();
    for (const Interval &I : G.getIntervals().getPieces())
      Intervals.push_back(interval(I));
    J["intervals"] = std::move(Intervals);
    return J;
  }
  case VarKind::Enum: {
    const Variable &V = M.Variables[G.getVar()];
    J["op"] = "enum";
    J["var"] = V.Name;
    Json Values = Json::array();
    for (unsigned Index : G.getEnumValues())
      Values.push_back(V.Values[Index]);
    J["values"] = std::move(Values);
    return J;
  }
  }
  llvm_unreachable("unknown variable kind");
}

//===----------------------------------------------------------------------===//
// Declarations
//===----------------------------------------------------------------------===//

Json DocumentBuilder::pathway() const {
  Json J;
  J["name"] = M.Name;
  J["title"] = M.Title;
  J["version"] = M.Version;
  J["population"] = optionalText(M.Population);
  J["summary"] = optionalText(M.Summary);
  J["range"] = range(M.Range);
  return J;
}

Json DocumentBuilder::sources() const {
  Json Out = Json::array();
  for (const Source &S : M.Sources) {
    Json J;
    J["name"] = S.Name;
    J["title"] = S.Title;
    J["year"] = S.Year ? Json(*S.Year) : Json(nullptr);
    J["author"] = optionalText(S.Author);
    J["url"] = optionalText(S.Url);
    J["range"] = range(S.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::inputs() const {
  // Findings and probabilities are variables too, but they belong to exams
  // and diagnoses; guards name them by the exam and as "probability(d)".
  Json Out = Json::array();
  for (const Variable &V : M.Variables) {
    if (V.Kind == VarKind::Finding || V.Kind == VarKind::Probability)
      continue;
    Json J;
    J["name"] = V.Name;
    switch (V.Kind) {
    case VarKind::Bool: J["type"] = "bool"; break;
    case VarKind::Number:
      J["type"] = "number";
      J["domain"] = interval(V.Domain);
      J["unit"] = V.DomainUnit == Unit::None
                      ? Json(nullptr)
                      : Json(getUnitName(V.DomainUnit).str());
      break;
    case VarKind::Enum:
      J["type"] = "enum";
      J["values"] = V.Values;
      break;
    case VarKind::Finding:
    case VarKind::Probability: llvm_unreachable("skipped above");
    }
    J["description"] = optionalText(V.Description);
    J["range"] = range(V.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

std::optional<unsigned> DocumentBuilder::stopTerminal(const Node &N) const {
  // A screening node's first edge stops at its terminal; the other goes on
  // to the next screen or to the start step, never to a terminal.
  for (unsigned E : N.OutEdges)
    if (M.Nodes[M.Edges[E].To].Kind == NodeKind::Terminal)
      return M.Edges[E].To;
  return std::nullopt;
}

Json DocumentBuilder::redFlags() const {
  // In evaluation order, which is node order: emergencies first.
  Json Out = Json::array();
  for (const Node &N : M.Nodes) {
    if (N.Kind != NodeKind::RedFlagScreen)
      continue;
    Json J;
    J["node"] = N.Id;
    J["name"] = N.Name;
    J["urgency"] = getUrgencyName(N.Level).str();
    J["condition"] = guard(*N.Condition);
    J["conditionText"] = N.ConditionText;
    J["action"] = N.Title;
    J["terminal"] = optionalNodeId(stopTerminal(N));
    J["citations"] = citations(N.Citations);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::criteria() const {
  // Exclusions, then inclusions, in evaluation order.
  Json Out = Json::array();
  for (const Node &N : M.Nodes) {
    if (N.Kind != NodeKind::Exclusion && N.Kind != NodeKind::Inclusion)
      continue;
    bool IsExclusion = N.Kind == NodeKind::Exclusion;
    Json J;
    J["node"] = N.Id;
    J["kind"] = getNodeKindName(N.Kind).str();
    J["label"] = N.Name;
    J["condition"] = guard(*N.Condition);
    J["conditionText"] = N.ConditionText;
    // An exclusion's terminal holds its referral as its one recommendation.
    std::optional<unsigned> Terminal = stopTerminal(N);
    J["referral"] = nullptr;
    if (IsExclusion && Terminal && !M.Nodes[*Terminal].Recommendations.empty())
      J["referral"] = M.Nodes[*Terminal].Recommendations.front();
    J["terminal"] = optionalNodeId(Terminal);
    J["citations"] = citations(N.Citations);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::diagnoses() const {
  Json Out = Json::array();
  for (const Diagnosis &D : M.Diagnoses) {
    Json J;
    J["name"] = D.Name;
    J["title"] = D.Title;
    if (D.PretestVar) {
      J["pretest"]["input"] = varName(*D.PretestVar);
    } else if (D.Pretest) {
      J["pretest"] = evidence(*D.Pretest);
    } else {
      J["pretest"] = nullptr;
    }
    J["citations"] = citations(D.Citations);
    J["range"] = range(D.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::exams() const {
  Json Out = Json::array();
  for (const Exam &E : M.Exams) {
    const Evidence &Sens = E.Sensitivity;
    const Evidence &Spec = E.Specificity;
    Json J;
    J["name"] = E.Name;
    J["title"] = E.Title;
    J["diagnosis"] = M.Diagnoses[E.Diagnosis].Name;
    J["sensitivity"] = evidence(Sens);
    J["specificity"] = evidence(Spec);
    // LR+ = sens / (1 - spec) grows with both figures and LR- =
    // (1 - sens) / spec shrinks with both, so the interval over the
    // figures' ranges runs between the ratios at their ends.
    Json Positive, Negative;
    if (!Sens.isRange() && !Spec.isRange()) {
      Positive["point"] = ratio(Sens.Low, 1 - Spec.Low);
      Negative["point"] = ratio(1 - Sens.Low, Spec.Low);
    } else {
      Positive["low"] = ratio(Sens.Low, 1 - Spec.Low);
      Positive["high"] = ratio(Sens.High, 1 - Spec.High);
      Negative["low"] = ratio(1 - Sens.High, Spec.High);
      Negative["high"] = ratio(1 - Sens.Low, Spec.Low);
    }
    J["lrPositive"] = std::move(Positive);
    J["lrNegative"] = std::move(Negative);
    J["citations"] = citations(E.Citations);
    J["range"] = range(E.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

Json DocumentBuilder::procedures() const {
  Json Out = Json::array();
  for (const Procedure &P : M.Procedures) {
    Json J;
    J["name"] = P.Name;
    J["title"] = P.Title;
    J["category"] = getAppropriatenessName(P.Category).str();
    J["rating"] = P.Rating ? Json(*P.Rating) : Json(nullptr);
    J["radiation"] = getRadiationLevelName(P.Radiation).str();
    J["citations"] = citations(P.Citations);
    J["range"] = range(P.Range);
    Out.push_back(std::move(J));
  }
  return Out;
}

//===----------------------------------------------------------------------===//
// The graph
//===----------------------------------------------------------------------===//

Json DocumentBuilder::node(const Node &N) const {
  Json J;
  J["id"] = N.Id;
  J["kind"] = getNodeKindName(N.Kind).str();
  J["name"] = N.Name;
  J["title"] = N.Title;
  J["range"] = range(N.Range);
  switch (N.Kind) {
  case NodeKind::RedFlagScreen:
    J["urgency"] = getUrgencyName(N.Level).str();
    [[fallthrough]];
  case NodeKind::Exclusion:
  case NodeKind::Inclusion:
    J["condition"] = guard(*N.Condition);
    J["conditionText"] = N.ConditionText;
    break;
  case NodeKind::Order: {
    Json Orders = Json::array();
    for (const OrderedProcedure &O : N.Orders) {
      Json Order;
      Order["procedure"] = M.Procedures[O.Procedure].Name;
      Order["justification"] = optionalText(O.Justification);
      Order["citations"] = citations(O.Citations);
      Order["range"] = range(O.Range);
      Orders.push_back(std::move(Order));
    }
    J["orders"] = std::move(Orders);
    break;
  }
  case NodeKind::Assess: {
    Json Assessed = Json::array();
    for (unsigned V : N.Assessed)
      Assessed.push_back(varName(V));
    J["assessed"] = std::move(Assessed);
    break;
  }
  case NodeKind::Branch: break;
  case NodeKind::Terminal: {
    J["terminal"] = getTerminalKindName(N.Terminal).str();
    // "Not applicable" is no call to act, so it has no urgency.
    J["urgency"] = N.Terminal == TerminalKind::NotApplicable
                       ? Json(nullptr)
                       : Json(getUrgencyName(N.Level).str());
    Json Recommendations = Json::array();
    for (size_t I = 0; I != N.Recommendations.size(); ++I) {
      Json R;
      R["text"] = N.Recommendations[I];
      R["citations"] = I < N.RecommendationCitations.size()
                           ? citations(N.RecommendationCitations[I])
                           : Json::array();
      R["range"] = I < N.RecommendationRanges.size()
                       ? range(N.RecommendationRanges[I])
                       : Json(nullptr);
      Recommendations.push_back(std::move(R));
    }
    J["recommendations"] = std::move(Recommendations);
    break;
  }
  }
  J["citations"] = citations(N.Citations);
  J["notes"] = notes(N.Notes);
  return J;
}

Json DocumentBuilder::edge(const Edge &E) const {
  Json J;
  J["from"] = nodeId(E.From);
  J["to"] = nodeId(E.To);
  J["label"] = optionalText(E.Label);
  J["isOtherwise"] = E.IsOtherwise;
  J["armIndex"] = E.ArmIndex;
  J["guard"] = guard(*E.Condition);
  J["range"] = range(E.Range);
  J["citations"] = citations(E.Citations);
  J["notes"] = notes(E.Notes);
  return J;
}

Json DocumentBuilder::build(const Provenance &Origin) const {
  Json Doc;
  Doc["format"] = FormatName.str();
  Doc["formatVersion"] = FormatVersion;

  Json &P = Doc["provenance"];
  P["compiler"]["name"] = "pathwayc";
  P["compiler"]["version"] = Origin.CompilerVersion;
  P["source"] = Origin.SourceFile;
  P["sha256"] = Origin.SourceSha256;
  P["checks"] = Origin.PassedChecks;

  Doc["pathway"] = pathway();
  Doc["sources"] = sources();
  Doc["inputs"] = inputs();
  Doc["redFlags"] = redFlags();
  Doc["criteria"] = criteria();
  Doc["diagnoses"] = diagnoses();
  Doc["exams"] = exams();
  Doc["procedures"] = procedures();
  Json &Nodes = Doc["nodes"] = Json::array();
  for (const Node &N : M.Nodes)
    Nodes.push_back(node(N));
  Json &Edges = Doc["edges"] = Json::array();
  for (const Edge &E : M.Edges)
    Edges.push_back(edge(E));
  Doc["entry"] = nodeId(M.Entry);
  Doc["start"] = nodeId(M.StartStep);
  Doc["notes"] = notes(M.Notes);
  return Doc;
}

//===----------------------------------------------------------------------===//
// The emitter
//===----------------------------------------------------------------------===//

class JsonEmitter : public Emitter {
public:
  llvm::StringRef getName() const override { return "json"; }
  llvm::StringRef getDescription() const override {
    return "the decision graph as a versioned JSON document (<pathway>.json; "
           "--json_opt=compact writes it on one line)";
  }

  bool emit(const EmitRequest &Request, OutputContext &Out,
            DiagnosticsEngine &Diags) override {
    JsonOptions Options;
    bool Valid = parseTargetOptions(Request.Parameter, "json", Diags,
                                    [&](llvm::StringRef Item) {
                                      if (Item != "compact")
                                        return false;
                                      Options.Compact = true;
                                      return true;
                                    });
    if (!Valid)
      return false;
    // The driver reports to the engine whose source manager loaded the
    // pathway, so it is the one that turns ranges into lines and columns.
    Json Doc = DocumentBuilder(Request.Graph, Diags.getSourceManager())
                   .build(Request.Origin);
    // Sources are checked to be UTF-8 (PW0005), so nothing is replaced;
    // replacing rather than throwing keeps a slip from aborting the run.
    llvm::raw_ostream &OS = Out.open(Request.getOutputName() + ".json");
    OS << Doc.dump(Options.Compact ? -1 : 2, ' ', /*ensure_ascii=*/false,
                   Json::error_handler_t::replace)
       << '\n';
    return true;
  }
};

} // namespace

std::unique_ptr<Emitter> pathwayc::createJsonEmitter() {
  return std::make_unique<JsonEmitter>();
}
