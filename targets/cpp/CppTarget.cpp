//===- CppTarget.cpp - The decision graph as C++ code ---------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// A module's `evaluate` is the decision graph unrolled into straight-line
// code: one block per node, in depth-first order from the entry, joined by
// `goto`. The graph is acyclic (the verifier proves it), so this is the
// shape a hand-written if/else takes, without duplicating the blocks that
// several paths share. Every trace entry the function can append is a
// constant in one table, and every string a result holds is a view of a
// literal, so evaluating a case allocates only the result's vectors.
//
// The meaning is docs/evaluation.md, rule for rule; the interpreter in
// runtime/ implements the same page from the JSON target, and the tests
// compare the two on every shipped guideline.
//
// Names: every identifier comes from a Namer (Namer.h) and every string or
// comment from CppText.h, so no guideline can produce code that does not
// compile or that says something else.
//
//===----------------------------------------------------------------------===//

#include "cpp/CppTarget.h"

#include "cpp/CodeWriter.h"
#include "cpp/CppText.h"
#include "cpp/Namer.h"

#include "diag/Diagnostic.h"
#include "ir/Module.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace pathwayc;
using namespace pathwayc::cpp;
using namespace pathwayc::ir;

namespace {

/// The target's options, parsed from `--cpp_opt=...`.
struct CppOptions {
  /// The namespace's components; empty for the pathway's name.
  std::vector<std::string> Namespace;
};

/// One trace entry the generated code can append: docs/evaluation.md,
/// "Trace entries".
struct TraceSite {
  std::string NodeId;
  std::string Event;
  std::vector<std::pair<std::string, std::string>> Citations;
  std::vector<std::pair<bool, std::string>> Notes;

  void addCitations(const std::vector<ir::Citation> &From) {
    for (const ir::Citation &C : From) {
      std::pair<std::string, std::string> Key(C.Source, C.Quote);
      if (!llvm::is_contained(Citations, Key))
        Citations.push_back(std::move(Key));
    }
  }
  void addNotes(const std::vector<ir::Note> &From) {
    for (const ir::Note &N : From)
      Notes.emplace_back(N.IsPitfall, N.Text);
  }
};

/// The names the generated code declares itself at namespace scope, or as
/// locals of `evaluate` that a type name must not hide.
constexpr llvm::StringLiteral ReservedGlobalNames[] = {
    "Assessed",
    "AssessedSet",
    "C",
    "CompilerVersion",
    "Count",
    "Diagnoses",
    "Exams",
    "I",
    "In",
    "Inputs",
    "Level",
    "Missing",
    "MissingSet",
    "Name",
    "Parsed",
    "PassedChecks",
    "PathwayName",
    "PathwayTitle",
    "PathwayVersion",
    "PendingAt",
    "PendingTitle",
    "Pretest",
    "Procedures",
    "R",
    "Ratios",
    "Reached",
    "SourceFile",
    "SourceSha256",
    "Sources",
    "State",
    "Title",
    "Trace",
    "TraceCitations",
    "TraceNotes",
    "V",
    "Value",
    "VariableNames",
    "evaluate",
    "fromName",
    "nameOf",
    "setBool",
    "setEnum",
    "setNumber",
    "pathwayc",
    "rt",
    "std",
    "stop",
    "stopPending",
    "collectMissing",
};

class ModuleWriter {
public:
  ModuleWriter(const EmitRequest &Request, const CppOptions &Options);

  void writeHeader(llvm::raw_ostream &OS);
  void writeSource(llvm::raw_ostream &OS);

private:
  // Names.
  void assignNames();
  bool isInput(const Variable &V) const {
    return V.Kind == VarKind::Bool || V.Kind == VarKind::Number ||
           V.Kind == VarKind::Enum;
  }
  std::string qualifiedNamespace() const;

  // Pieces of both files.
  void writeProvenance(CodeWriter &W) const;
  void openNamespace(CodeWriter &W) const;
  void closeNamespace(CodeWriter &W) const;

  // The header.
  void writeMetadata(CodeWriter &W) const;
  void writeEnum(CodeWriter &W, unsigned Var) const;
  void writeInputs(CodeWriter &W) const;
  void writeTables(CodeWriter &W) const;

  // The source.
  void writeEvaluate(CodeWriter &W);
  void writeEvaluateBody(CodeWriter &W);
  /// Declares `P<d>` for each diagnosis whose probability \p G reads.
  void writeProbabilities(CodeWriter &W, const std::set<unsigned> &Diagnoses,
                          bool Record) const;
  void writeHelpers(CodeWriter &W) const;
  void writeSetters(CodeWriter &W) const;
  void writeTraceTables(CodeWriter &W) const;
  void writeNode(CodeWriter &W, unsigned Node);
  void writeCriterion(CodeWriter &W, unsigned Index);
  /// Declares `C`, the value of a red flag's or criterion's condition, and
  /// appends the trace entry for it.
  void writeCriterionValue(CodeWriter &W, const Node &N);
  void writeScan(CodeWriter &W, unsigned Node);
  /// Goes on from a screen that stopped evaluation to the next screen of
  /// \p Kind, or ends the evaluation when \p Next is of another kind.
  void writeScanNext(CodeWriter &W, unsigned Next, NodeKind Kind);
  void writeBranch(CodeWriter &W, const Node &N);
  void writeTerminal(CodeWriter &W, const Node &N);
  void writeMarkMissing(CodeWriter &W, const Guard &G) const;

  std::string guardExpr(const Guard &G) const;
  std::string intervalTest(const IntervalSet &Set) const;
  /// The case variables (inputs, then findings) that \p G can be unknown
  /// for, ascending.
  std::vector<unsigned> unknownVars(const Guard &G) const;
  /// The diagnoses whose probability \p G reads.
  void collectDiagnoses(const Guard &G, std::set<unsigned> &Out) const;

  unsigned addSite(TraceSite Site);
  /// Four consecutive sites, one per runtime::Truth value in its order
  /// (false, true, unknown, indeterminate), for a red flag or criterion.
  unsigned criterionSites(const Node &N);
  TraceSite nodeSite(const Node &N, llvm::StringRef Event) const;
  const std::string &label(unsigned Node) const { return LabelOf[Node]; }
  /// The out-edge of a screening node that leads to a terminal, and the
  /// other one.
  std::pair<const Edge *, const Edge *> splitScreening(const Node &N) const;
  unsigned longestPath() const;

  const Module &M;
  const Provenance &Origin;
  /// The files' name before the extension: "acr_hip" for acr_hip.h.
  std::string OutputName;
  std::vector<std::string> NamespacePath;

  Namer GlobalNames;
  Namer FieldNames;
  Namer LabelNames;
  /// The case's variables: inputs, then exams' findings, as IR indices.
  std::vector<unsigned> CaseVars;
  /// By IR variable: its index among CaseVars, or -1.
  std::vector<int> CaseIndexOf;
  /// By IR variable (inputs and findings): the Inputs field.
  std::vector<std::string> FieldOf;
  /// By IR variable (enum inputs): the enum type and its enumerators.
  std::vector<std::string> EnumTypeOf;
  std::vector<std::vector<std::string>> EnumeratorsOf;
  /// By diagnosis: the helper that computes its probability, or empty when
  /// no guard reads it.
  std::vector<std::string> ProbabilityFnOf;
  /// By node: its label in `evaluate`, and the label of the block that
  /// scans it after an earlier screen was unknown.
  std::vector<std::string> LabelOf;
  std::vector<std::string> ScanLabelOf;
  bool NeedsAssessed = false;
  bool HasInclusions = false;
  unsigned MaxArms = 0;

  std::vector<TraceSite> Sites;
  std::vector<unsigned> ScanQueue;
  std::set<unsigned> ScanQueued;
};

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

ModuleWriter::ModuleWriter(const EmitRequest &Request,
                           const CppOptions &Options)
    : M(Request.Graph), Origin(Request.Origin),
      OutputName(Request.getOutputName()), NamespacePath(Options.Namespace) {
  if (NamespacePath.empty()) {
    Namer NamespaceNames({"std", "pathwayc"});
    NamespacePath.push_back(NamespaceNames.get(M.Name).str());
  }
  assignNames();
}

void ModuleWriter::assignNames() {
  for (const Node &N : M.Nodes) {
    HasInclusions |= N.Kind == NodeKind::Inclusion;
    if (N.Kind == NodeKind::Branch)
      MaxArms = std::max<unsigned>(MaxArms, N.OutEdges.size());
  }
  auto ReadsProbability = [&](const Guard &G) {
    bool Found = false;
    forEachAtom(G, [&](const Guard &Atom) {
      Found |= Atom.getVarKind() == VarKind::Probability;
    });
    return Found;
  };
  for (const Edge &E : M.Edges)
    NeedsAssessed |= ReadsProbability(*E.Condition);

  // Locals of evaluate that a type must not hide: one per arm and per
  // diagnosis, besides the fixed ones.
  std::vector<std::string> Locals;
  for (unsigned I = 0; I != MaxArms; ++I)
    Locals.push_back("Arm" + std::to_string(I));
  for (unsigned I = 0; I != M.Diagnoses.size(); ++I)
    Locals.push_back("P" + std::to_string(I));
  llvm::SmallVector<llvm::StringRef, 64> Taken(std::begin(ReservedGlobalNames),
                                               std::end(ReservedGlobalNames));
  Taken.append(Locals.begin(), Locals.end());
  Taken.push_back(NamespacePath.back());
  GlobalNames = Namer(Taken);

  unsigned NumVars = M.Variables.size();
  CaseIndexOf.assign(NumVars, -1);
  FieldOf.resize(NumVars);
  EnumTypeOf.resize(NumVars);
  EnumeratorsOf.resize(NumVars);
  for (unsigned Var = 0; Var != NumVars; ++Var)
    if (isInput(M.Variables[Var]))
      CaseVars.push_back(Var);
  for (const Exam &E : M.Exams)
    CaseVars.push_back(E.FindingVar);
  for (unsigned I = 0; I != CaseVars.size(); ++I)
    CaseIndexOf[CaseVars[I]] = I;

  // Types first, so that no field can hide one inside Inputs.
  // A field named like its struct is legal but misleading.
  llvm::SmallVector<llvm::StringRef, 16> FieldTaken = {"std", "pathwayc",
                                                       "Inputs"};
  for (unsigned Var : CaseVars) {
    const Variable &V = M.Variables[Var];
    if (V.Kind != VarKind::Enum)
      continue;
    EnumTypeOf[Var] = GlobalNames.get(V.Name, NameStyle::UpperCamel).str();
    Namer Enumerators;
    for (const std::string &Value : V.Values)
      EnumeratorsOf[Var].push_back(Enumerators.get(Value).str());
  }
  for (unsigned Var : CaseVars)
    if (!EnumTypeOf[Var].empty())
      FieldTaken.push_back(EnumTypeOf[Var]);
  FieldNames = Namer(FieldTaken);
  for (unsigned Var : CaseVars)
    FieldOf[Var] = FieldNames.get(M.Variables[Var].Name).str();

  ProbabilityFnOf.resize(M.Diagnoses.size());
  std::set<unsigned> Read;
  for (const Edge &E : M.Edges)
    collectDiagnoses(*E.Condition, Read);
  for (const Node &N : M.Nodes)
    if (N.Condition)
      collectDiagnoses(*N.Condition, Read);
  for (unsigned D : Read)
    ProbabilityFnOf[D] =
        GlobalNames.get("probability_of_" + M.Diagnoses[D].Name).str();

  LabelOf.resize(M.Nodes.size());
  ScanLabelOf.resize(M.Nodes.size());
  for (unsigned I = 0; I != M.Nodes.size(); ++I)
    LabelOf[I] = LabelNames.get(M.Nodes[I].Id).str();
  for (unsigned I = 0; I != M.Nodes.size(); ++I)
    if (M.Nodes[I].Kind == NodeKind::RedFlagScreen ||
        M.Nodes[I].Kind == NodeKind::Exclusion)
      ScanLabelOf[I] = LabelNames.get("scan." + M.Nodes[I].Id).str();
}

std::string ModuleWriter::qualifiedNamespace() const {
  return llvm::join(NamespacePath, "::");
}

void ModuleWriter::collectDiagnoses(const Guard &G,
                                    std::set<unsigned> &Out) const {
  forEachAtom(G, [&](const Guard &Atom) {
    if (Atom.getVarKind() == VarKind::Probability)
      Out.insert(M.Variables[Atom.getVar()].Owner);
  });
}

//===----------------------------------------------------------------------===//
// Both files
//===----------------------------------------------------------------------===//

void ModuleWriter::writeProvenance(CodeWriter &W) const {
  std::string Checks = Origin.PassedChecks.empty()
                           ? std::string("none")
                           : llvm::join(Origin.PassedChecks, ", ");
  W.print("// Generated by pathwayc $version$ from $source$. Do not edit.\n"
          "// Source sha256: $sha$.\n"
          "// Checks passed: $checks$.\n",
          {{"version", Origin.CompilerVersion},
           {"source", cppCommentText(Origin.SourceFile)},
           {"sha", Origin.SourceSha256},
           {"checks", Checks}});
}

void ModuleWriter::openNamespace(CodeWriter &W) const {
  W.print("namespace $ns$ {\n", {{"ns", qualifiedNamespace()}});
}

void ModuleWriter::closeNamespace(CodeWriter &W) const {
  W.print("} // namespace $ns$\n", {{"ns", qualifiedNamespace()}});
}

//===----------------------------------------------------------------------===//
// The header
//===----------------------------------------------------------------------===//

void ModuleWriter::writeHeader(llvm::raw_ostream &OS) {
  CodeWriter W(OS);
  std::string Guard = "PATHWAYC_GENERATED_" +
                      llvm::StringRef(makeIdentifier(qualifiedNamespace(),
                                                     NameStyle::AsWritten))
                          .upper() +
                      "_H";
  writeProvenance(W);
  W.print("//\n"
          "// The decision module of pathway '$name$': $title$\n"
          "// docs/targets/cpp.md describes this API.\n"
          "\n"
          "#ifndef $guard$\n"
          "#define $guard$\n"
          "\n"
          "#include \"pathwayc/Model.h\"\n"
          "#include \"pathwayc/Result.h\"\n"
          "\n"
          "#include <array>\n"
          "#include <optional>\n"
          "#include <string_view>\n"
          "\n",
          {{"name", cppCommentText(M.Name)},
           {"title", cppCommentText(M.Title)},
           {"guard", Guard}});
  openNamespace(W);
  W.print("\n");
  writeMetadata(W);
  for (unsigned Var : CaseVars)
    if (M.Variables[Var].Kind == VarKind::Enum)
      writeEnum(W, Var);
  writeInputs(W);
  W.print("/// Set a field of \\p In by the pathway's name for it, for cases "
          "that come\n"
          "/// as names and values: a bool input or an exam's finding, a "
          "number input,\n"
          "/// or a list input by the name of its value. False, changing "
          "nothing, when\n"
          "/// the pathway has no such input or value.\n"
          "bool setBool(Inputs &In, std::string_view Name, bool Value);\n"
          "bool setNumber(Inputs &In, std::string_view Name, double Value);\n"
          "bool setEnum(Inputs &In, std::string_view Name, std::string_view "
          "Value);\n"
          "\n");
  W.print(
      "/// Evaluates the pathway on the case \\p In, as docs/evaluation.md\n"
      "/// defines. The result's strings are views of static data.\n"
      "pathwayc::runtime::Result evaluate(const Inputs &In);\n"
      "\n");
  writeTables(W);
  closeNamespace(W);
  W.print("\n#endif // $guard$\n", {{"guard", Guard}});
}

void ModuleWriter::writeMetadata(CodeWriter &W) const {
  auto Constant = [&](llvm::StringRef Name, llvm::StringRef Value) {
    W.print("inline constexpr std::string_view $name$ = $value$;\n",
            {{"name", Name}, {"value", cppStringLiteral(Value)}});
  };
  Constant("PathwayName", M.Name);
  Constant("PathwayTitle", M.Title);
  Constant("PathwayVersion", M.Version);
  Constant("CompilerVersion", Origin.CompilerVersion);
  Constant("SourceFile", Origin.SourceFile);
  Constant("SourceSha256", Origin.SourceSha256);
  std::vector<std::string> Checks;
  for (const std::string &Check : Origin.PassedChecks)
    Checks.push_back(cppStringLiteral(Check));
  W.print("/// The verifier's checks that passed, in the order they ran.\n"
          "inline constexpr std::array<std::string_view, $n$> PassedChecks = "
          "{$checks$};\n\n",
          {{"n", std::to_string(Checks.size())},
           {"checks", llvm::join(Checks, ", ")}});
}

void ModuleWriter::writeEnum(CodeWriter &W, unsigned Var) const {
  const Variable &V = M.Variables[Var];
  const std::string &Type = EnumTypeOf[Var];
  const std::vector<std::string> &Enumerators = EnumeratorsOf[Var];
  W.print("/// The values of input '$name$'$description$.\n"
          "enum class $type$ {\n",
          {{"name", cppCommentText(V.Name)},
           {"description", V.Description.empty()
                               ? std::string()
                               : ": " + cppCommentText(V.Description)},
           {"type", Type}});
  {
    CodeWriter::Indent Indent(W);
    for (const std::string &Enumerator : Enumerators)
      W.print("$e$,\n", {{"e", Enumerator}});
  }
  W.print("};\n\n"
          "/// The pathway's name for \\p Value.\n"
          "constexpr std::string_view nameOf($type$ Value) {\n"
          "  switch (Value) {\n",
          {{"type", Type}});
  for (unsigned I = 0; I != Enumerators.size(); ++I)
    W.print("  case $type$::$e$: return $name$;\n",
            {{"type", Type},
             {"e", Enumerators[I]},
             {"name", cppStringLiteral(V.Values[I])}});
  W.print("  }\n"
          "  return {};\n"
          "}\n\n"
          "/// Sets \\p Value to the value the pathway names \\p Name; false "
          "when\n"
          "/// there is none.\n"
          "constexpr bool fromName(std::string_view Name, $type$ &Value) {\n",
          {{"type", Type}});
  {
    CodeWriter::Indent Indent(W);
    for (unsigned I = 0; I != Enumerators.size(); ++I)
      W.print("if (Name == $name$) {\n"
              "  Value = $type$::$e$;\n"
              "  return true;\n"
              "}\n",
              {{"type", Type},
               {"e", Enumerators[I]},
               {"name", cppStringLiteral(V.Values[I])}});
    W.print("return false;\n");
  }
  W.print("}\n\n");
}

void ModuleWriter::writeInputs(CodeWriter &W) const {
  W.print("/// A patient case: the pathway's inputs, then its exams' findings "
          "(true\n"
          "/// when positive). A field left empty is unknown.\n"
          "struct Inputs {\n");
  {
    CodeWriter::Indent Indent(W);
    for (unsigned Var : CaseVars) {
      const Variable &V = M.Variables[Var];
      std::string What, Type;
      switch (V.Kind) {
      case VarKind::Bool:
        What = "true or false";
        Type = "bool";
        break;
      case VarKind::Number: {
        std::string Domain =
            (V.Domain.LowOpen ? "(" : "[") + formatNumber(V.Domain.Low) + ", " +
            formatNumber(V.Domain.High) + (V.Domain.HighOpen ? ")" : "]");
        What = "a number in " + Domain;
        if (V.DomainUnit != Unit::None)
          What += " " + getUnitName(V.DomainUnit).str();
        Type = "double";
        break;
      }
      case VarKind::Enum:
        What = "one of " + EnumTypeOf[Var];
        Type = EnumTypeOf[Var];
        break;
      case VarKind::Finding:
        What = "the finding of exam '" + V.Name + "', true when positive";
        Type = "bool";
        break;
      case VarKind::Probability:
        llvm_unreachable("probabilities are not inputs");
      }
      std::string Renamed =
          FieldOf[Var] == V.Name ? "" : " ('" + V.Name + "' in the pathway)";
      std::string Description =
          V.Description.empty() || V.Kind == VarKind::Finding
              ? ""
              : ": " + V.Description;
      W.print("/// $doc$\n"
              "std::optional<$type$> $field$;\n",
              {{"doc", cppCommentText(What + Renamed + Description)},
               {"type", Type},
               {"field", FieldOf[Var]}});
    }
  }
  W.print("};\n\n");
}

/// `{{A}, {B}}` for a std::array of N records, `{}` for none.
static std::string arrayInit(const std::vector<std::string> &Items) {
  if (Items.empty())
    return "{}";
  std::string Out = "{{\n";
  for (const std::string &Item : Items)
    Out += "    " + Item + ",\n";
  return Out + "}}";
}

static std::string interval(const Evidence &E) {
  return "{" + cppDouble(E.Low) + ", " + cppDouble(E.High) + "}";
}

void ModuleWriter::writeTables(CodeWriter &W) const {
  auto Table = [&](llvm::StringRef Doc, llvm::StringRef Type,
                   llvm::StringRef Name,
                   const std::vector<std::string> &Items) {
    W.print("/// $doc$\n"
            "inline constexpr std::array<pathwayc::runtime::$type$, $n$> "
            "$name$ = $items$;\n\n",
            {{"doc", Doc},
             {"type", Type},
             {"n", std::to_string(Items.size())},
             {"name", Name},
             {"items", arrayInit(Items)}});
  };

  std::vector<std::string> Items;
  for (const Source &S : M.Sources)
    Items.push_back(
        "{" + cppStringLiteral(S.Name) + ", " + cppStringLiteral(S.Title) +
        ", " + cppStringLiteral(S.Author) + ", " + cppStringLiteral(S.Url) +
        ", " + std::to_string(S.Year.value_or(0)) + "}");
  Table("The sources the pathway cites, in declaration order.", "SourceInfo",
        "Sources", Items);

  Items.clear();
  for (const Procedure &P : M.Procedures)
    Items.push_back("{" + cppStringLiteral(P.Name) + ", " +
                    cppStringLiteral(P.Title) + ", " +
                    cppStringLiteral(getAppropriatenessName(P.Category)) +
                    ", " + std::to_string(P.Rating.value_or(0)) + ", " +
                    cppStringLiteral(getRadiationLevelName(P.Radiation)) + "}");
  Table("The procedures the pathway can order, with their ACR "
        "appropriateness.",
        "ProcedureInfo", "Procedures", Items);

  Items.clear();
  for (const Diagnosis &D : M.Diagnoses) {
    std::string Pretest = D.Pretest ? interval(*D.Pretest) : "{}";
    std::string Input =
        D.PretestVar ? M.Variables[*D.PretestVar].Name : std::string();
    Items.push_back("{" + cppStringLiteral(D.Name) + ", " +
                    cppStringLiteral(D.Title) + ", " +
                    (D.Pretest ? "true" : "false") + ", " + Pretest + ", " +
                    cppStringLiteral(Input) + "}");
  }
  Table("The differential, in declaration order.", "DiagnosisInfo", "Diagnoses",
        Items);

  Items.clear();
  for (const Exam &E : M.Exams) {
    std::string Sens = interval(E.Sensitivity);
    std::string Spec = interval(E.Specificity);
    Items.push_back("{" + cppStringLiteral(E.Name) + ", " +
                    cppStringLiteral(E.Title) + ", " +
                    std::to_string(E.Diagnosis) + ", " + Sens + ", " + Spec +
                    ",\n     pathwayc::runtime::computeLikelihoodRatios(" +
                    Sens + ", " + Spec + ")}");
  }
  Table("The exams, in declaration order: each one's diagnosis (an index "
        "into\n/// Diagnoses), accuracy and likelihood ratios.",
        "ExamInfo", "Exams", Items);
}

/// The runtime's name for an urgency: Urgency::Routine is "Routine".
static llvm::StringRef urgencyName(Urgency Level) {
  switch (Level) {
  case Urgency::Routine: return "Routine";
  case Urgency::Soon: return "Soon";
  case Urgency::Urgent: return "Urgent";
  case Urgency::Emergency: return "Emergency";
  }
  llvm_unreachable("unknown urgency");
}

//===----------------------------------------------------------------------===//
// Guards
//===----------------------------------------------------------------------===//

std::string ModuleWriter::intervalTest(const IntervalSet &Set) const {
  std::vector<std::string> Pieces;
  for (const Interval &I : Set.getPieces()) {
    if (I.isPoint()) {
      Pieces.push_back("V == " + cppDouble(I.Low));
      continue;
    }
    std::vector<std::string> Ends;
    if (I.Low != -std::numeric_limits<double>::infinity())
      Ends.push_back("V " + std::string(I.LowOpen ? ">" : ">=") + " " +
                     cppDouble(I.Low));
    if (I.High != std::numeric_limits<double>::infinity())
      Ends.push_back("V " + std::string(I.HighOpen ? "<" : "<=") + " " +
                     cppDouble(I.High));
    if (Ends.empty())
      Ends.push_back("true");
    Pieces.push_back(llvm::join(Ends, " && "));
  }
  if (Pieces.size() == 1)
    return Pieces.front();
  for (std::string &Piece : Pieces)
    Piece = "(" + Piece + ")";
  return llvm::join(Pieces, " || ");
}

std::string ModuleWriter::guardExpr(const Guard &G) const {
  switch (G.getKind()) {
  case Guard::GuardKind::True: return "rt::Truth::True";
  case Guard::GuardKind::False: return "rt::Truth::False";
  case Guard::GuardKind::Not: return "!" + guardExpr(*G.getOperands().front());
  case Guard::GuardKind::And:
  case Guard::GuardKind::Or: {
    std::vector<std::string> Operands;
    for (const GuardRef &Operand : G.getOperands())
      Operands.push_back(guardExpr(*Operand));
    llvm::StringRef Op = G.getKind() == Guard::GuardKind::And ? " && " : " || ";
    return "(" + llvm::join(Operands, Op) + ")";
  }
  case Guard::GuardKind::Atom: break;
  }

  unsigned Var = G.getVar();
  switch (G.getVarKind()) {
  case VarKind::Bool:
  case VarKind::Finding:
    return std::string(G.getBoolValue() ? "" : "!") + "rt::toTruth(In." +
           FieldOf[Var] + ")";
  case VarKind::Number:
    return "rt::test(In." + FieldOf[Var] + ", [](double V) { return " +
           intervalTest(G.getIntervals()) + "; })";
  case VarKind::Enum: {
    const std::string &Type = EnumTypeOf[Var];
    std::vector<std::string> Tests;
    for (unsigned Value : G.getEnumValues())
      Tests.push_back("V == " + Type + "::" + EnumeratorsOf[Var][Value]);
    return "rt::test(In." + FieldOf[Var] + ", [](" + Type + " V) { return " +
           llvm::join(Tests, " || ") + "; })";
  }
  case VarKind::Probability: {
    std::string P = "P" + std::to_string(M.Variables[Var].Owner);
    std::vector<std::string> Pieces;
    for (const Interval &I : G.getIntervals().getPieces())
      Pieces.push_back("rt::ThresholdInterval{" + cppDouble(I.Low) + ", " +
                       cppDouble(I.High) + ", " +
                       (I.LowOpen ? "true" : "false") + ", " +
                       (I.HighOpen ? "true" : "false") + "}");
    return "(" + P + " ? rt::toTruth(rt::decide(" + P + "->Value, {" +
           llvm::join(Pieces, ", ") + "})) : rt::Truth::Unknown)";
  }
  }
  llvm_unreachable("unknown variable kind");
}

std::vector<unsigned> ModuleWriter::unknownVars(const Guard &G) const {
  std::set<unsigned> Vars;
  forEachAtom(G, [&](const Guard &Atom) {
    unsigned Var = Atom.getVar();
    if (Atom.getVarKind() == VarKind::Probability) {
      const Diagnosis &D = M.Diagnoses[M.Variables[Var].Owner];
      if (D.PretestVar)
        Vars.insert(CaseIndexOf[*D.PretestVar]);
      return;
    }
    Vars.insert(CaseIndexOf[Var]);
  });
  return {Vars.begin(), Vars.end()};
}

void ModuleWriter::writeMarkMissing(CodeWriter &W, const Guard &G) const {
  for (unsigned Index : unknownVars(G))
    W.print(
        "if (!In.$field$)\n"
        "  Missing[$i$] = true;\n",
        {{"field", FieldOf[CaseVars[Index]]}, {"i", std::to_string(Index)}});
}

//===----------------------------------------------------------------------===//
// Trace sites
//===----------------------------------------------------------------------===//

unsigned ModuleWriter::addSite(TraceSite Site) {
  Sites.push_back(std::move(Site));
  return Sites.size() - 1;
}

TraceSite ModuleWriter::nodeSite(const Node &N, llvm::StringRef Event) const {
  TraceSite Site;
  Site.NodeId = N.Id;
  Site.Event = Event.str();
  Site.addCitations(N.Citations);
  for (const OrderedProcedure &O : N.Orders)
    Site.addCitations(O.Citations);
  for (const std::vector<ir::Citation> &Cites : N.RecommendationCitations)
    Site.addCitations(Cites);
  Site.addNotes(N.Notes);
  return Site;
}

unsigned ModuleWriter::criterionSites(const Node &N) {
  // The order of runtime::Truth, so that `Trace[First + Truth]` is the
  // entry for that value.
  unsigned First = addSite(nodeSite(N, "false"));
  addSite(nodeSite(N, "true"));
  addSite(nodeSite(N, "unknown"));
  addSite(nodeSite(N, "indeterminate"));
  return First;
}

std::pair<const Edge *, const Edge *>
ModuleWriter::splitScreening(const Node &N) const {
  const Edge *Stop = nullptr, *GoOn = nullptr;
  for (unsigned E : N.OutEdges) {
    const Edge &Out = M.Edges[E];
    (M.Nodes[Out.To].Kind == NodeKind::Terminal ? Stop : GoOn) = &Out;
  }
  assert(Stop && GoOn && "a screening node stops or goes on");
  return {Stop, GoOn};
}

unsigned ModuleWriter::longestPath() const {
  // Nodes on the longest path from each node, by memoised depth-first
  // search: the graph is acyclic.
  std::vector<unsigned> Longest(M.Nodes.size(), 0);
  std::function<unsigned(unsigned)> Visit = [&](unsigned Node) {
    if (Longest[Node])
      return Longest[Node];
    unsigned Best = 0;
    for (unsigned E : M.Nodes[Node].OutEdges)
      Best = std::max(Best, Visit(M.Edges[E].To));
    return Longest[Node] = Best + 1;
  };
  return Visit(M.Entry);
}

//===----------------------------------------------------------------------===//
// The source
//===----------------------------------------------------------------------===//

void ModuleWriter::writeSource(llvm::raw_ostream &OS) {
  // The body comes first, into a buffer: writing it decides which trace
  // entries the tables before it must hold.
  std::string Body;
  {
    llvm::raw_string_ostream BodyOS(Body);
    CodeWriter BodyWriter(BodyOS);
    writeEvaluate(BodyWriter);
  }

  CodeWriter W(OS);
  writeProvenance(W);
  W.print("\n"
          "#include \"$header$.h\"\n"
          "\n"
          "#include \"pathwayc/Probability.h\"\n"
          "#include \"pathwayc/Truth.h\"\n"
          "\n"
          "#include <array>\n"
          "#include <cstddef>\n"
          "#include <optional>\n"
          "#include <string_view>\n"
          "\n",
          {{"header", OutputName}});
  openNamespace(W);
  W.print("\nnamespace {\n\n"
          "namespace rt = pathwayc::runtime;\n\n");
  writeTraceTables(W);
  writeHelpers(W);
  W.print("} // namespace\n\n");
  writeSetters(W);
  W.print(Body);
  W.print("\n");
  closeNamespace(W);
}

void ModuleWriter::writeTraceTables(CodeWriter &W) const {
  std::vector<std::string> Citations, Notes, Entries;
  for (unsigned I = 0; I != Sites.size(); ++I) {
    const TraceSite &Site = Sites[I];
    std::string CiteSpan = "{}", NoteSpan = "{}";
    if (!Site.Citations.empty())
      CiteSpan = "{TraceCitations + " + std::to_string(Citations.size()) +
                 ", " + std::to_string(Site.Citations.size()) + "}";
    for (const auto &[Source, Quote] : Site.Citations)
      Citations.push_back("{" + cppStringLiteral(Source) + ", " +
                          cppStringLiteral(Quote) + "}");
    if (!Site.Notes.empty())
      NoteSpan = "{TraceNotes + " + std::to_string(Notes.size()) + ", " +
                 std::to_string(Site.Notes.size()) + "}";
    for (const auto &[IsPitfall, Text] : Site.Notes)
      Notes.push_back(std::string("{") + (IsPitfall ? "true" : "false") + ", " +
                      cppStringLiteral(Text) + "}");
    Entries.push_back("/* " + std::to_string(I) + " */ {" +
                      cppStringLiteral(Site.NodeId) + ", " +
                      cppStringLiteral(Site.Event) + ", " + CiteSpan + ", " +
                      NoteSpan + "}");
  }
  auto Array = [&](llvm::StringRef Doc, llvm::StringRef Type,
                   llvm::StringRef Name,
                   const std::vector<std::string> &Items) {
    if (Items.empty())
      return;
    W.print("// $doc$\n"
            "constexpr rt::$type$ $name$[] = {\n",
            {{"doc", Doc}, {"type", Type}, {"name", Name}});
    for (const std::string &Item : Items)
      W.print("    $item$,\n", {{"item", Item}});
    W.print("};\n\n");
  };
  Array("The citations of the trace entries, each entry's in a run.",
        "Citation", "TraceCitations", Citations);
  Array("The notes and pitfalls of the trace entries.", "Note", "TraceNotes",
        Notes);
  Array("Every trace entry evaluate() can append: a node and what happened "
        "there.",
        "TraceEntry", "Trace", Entries);
}

void ModuleWriter::writeHelpers(CodeWriter &W) const {
  std::vector<std::string> Names;
  for (unsigned Var : CaseVars)
    Names.push_back(cppStringLiteral(M.Variables[Var].Name));
  W.print("// The case's variables: inputs, then exams, in declaration order.\n"
          "constexpr std::array<std::string_view, $n$> VariableNames = "
          "$names$;\n"
          "\n"
          "using MissingSet = std::array<bool, $n$>;\n"
          "\n"
          "void stop(rt::Result &R, rt::Status State, std::string_view "
          "Reached,\n"
          "          std::string_view Title,\n"
          "          rt::Urgency Level = rt::Urgency::None) {\n"
          "  R.State = State;\n"
          "  R.Reached = Reached;\n"
          "  R.Title = Title;\n"
          "  R.Level = Level;\n"
          "}\n"
          "\n"
          "void collectMissing(rt::Result &R, const MissingSet &Missing) {\n"
          "  for (std::size_t I = 0; I != Missing.size(); ++I)\n"
          "    if (Missing[I])\n"
          "      R.MissingInputs.push_back(VariableNames[I]);\n"
          "}\n"
          "\n"
          "void stopPending(rt::Result &R, const MissingSet &Missing,\n"
          "                 std::string_view Reached, std::string_view Title) "
          "{\n"
          "  stop(R, rt::Status::Pending, Reached, Title);\n"
          "  collectMissing(R, Missing);\n"
          "}\n"
          "\n",
          {{"n", std::to_string(CaseVars.size())},
           {"names", "{" + llvm::join(Names, ", ") + "}"}});
  if (NeedsAssessed)
    W.print("using AssessedSet = std::array<bool, $n$>;\n\n",
            {{"n", std::to_string(M.Exams.size())}});

  for (unsigned D = 0; D != M.Diagnoses.size(); ++D) {
    if (ProbabilityFnOf[D].empty())
      continue;
    const Diagnosis &Diag = M.Diagnoses[D];
    std::vector<unsigned> Detecting;
    for (unsigned E = 0; E != M.Exams.size(); ++E)
      if (M.Exams[E].Diagnosis == D)
        Detecting.push_back(E);
    W.print("// probability($name$): its pretest and the known findings of "
            "the\n"
            "// assessed exams that detect it, in odds form.\n"
            "std::optional<rt::ProbabilityUpdate>\n"
            "$fn$(const Inputs &In, const AssessedSet &Assessed) {\n",
            {{"name", cppCommentText(Diag.Name)}, {"fn", ProbabilityFnOf[D]}});
    {
      CodeWriter::Indent Indent(W);
      if (Diag.PretestVar) {
        const Variable &Input = M.Variables[*Diag.PretestVar];
        W.print(
            "if (!In.$field$)\n"
            "  return std::nullopt;\n"
            "const rt::ProbabilityInterval Pretest(*In.$field$$scale$);\n",
            {{"field", FieldOf[*Diag.PretestVar]},
             {"scale", Input.DomainUnit == Unit::Percent ? " / 100.0" : ""}});
      } else {
        W.print("const rt::ProbabilityInterval Pretest = "
                "Diagnoses[$d$].Pretest;\n",
                {{"d", std::to_string(D)}});
      }
      if (Detecting.empty()) {
        W.print("(void)In;\n"
                "(void)Assessed;\n"
                "return rt::updateProbability(Pretest, {});\n");
      } else {
        W.print("rt::LikelihoodRatio Ratios[$k$];\n"
                "std::size_t Count = 0;\n",
                {{"k", std::to_string(Detecting.size())}});
        for (unsigned E : Detecting)
          W.print(
              "if (Assessed[$e$] && In.$field$)\n"
              "  Ratios[Count++] = Exams[$e$].Ratios.forFinding(*In.$field$);"
              "\n",
              {{"e", std::to_string(E)},
               {"field", FieldOf[M.Exams[E].FindingVar]}});
        W.print(
            "return rt::updateProbability(\n"
            "    Pretest, rt::Span<rt::LikelihoodRatio>(Ratios, Count));\n");
      }
    }
    W.print("}\n\n");
  }
}

void ModuleWriter::writeSetters(CodeWriter &W) const {
  struct Setter {
    const char *Signature;
    VarKind Kinds[2];
  };
  const Setter Setters[] = {
      {"bool setBool(Inputs &In, std::string_view Name, bool Value)",
       {VarKind::Bool, VarKind::Finding}},
      {"bool setNumber(Inputs &In, std::string_view Name, double Value)",
       {VarKind::Number, VarKind::Number}},
      {"bool setEnum(Inputs &In, std::string_view Name, std::string_view "
       "Value)",
       {VarKind::Enum, VarKind::Enum}},
  };
  for (const Setter &S : Setters) {
    W.print("$signature$ {\n", {{"signature", S.Signature}});
    {
      CodeWriter::Indent Indent(W);
      bool Any = false;
      for (unsigned Var : CaseVars) {
        const Variable &V = M.Variables[Var];
        if (V.Kind != S.Kinds[0] && V.Kind != S.Kinds[1])
          continue;
        Any = true;
        std::string Name = cppStringLiteral(V.Name);
        TemplateVar Vars[] = {
            {"name", Name}, {"field", FieldOf[Var]}, {"type", EnumTypeOf[Var]}};
        if (V.Kind == VarKind::Enum)
          W.print("if (Name == $name$) {\n"
                  "  $type$ Parsed{};\n"
                  "  if (!fromName(Value, Parsed))\n"
                  "    return false;\n"
                  "  In.$field$ = Parsed;\n"
                  "  return true;\n"
                  "}\n",
                  Vars);
        else
          W.print("if (Name == $name$) {\n"
                  "  In.$field$ = Value;\n"
                  "  return true;\n"
                  "}\n",
                  Vars);
      }
      if (!Any)
        W.print("(void)In;\n"
                "(void)Name;\n"
                "(void)Value;\n");
      W.print("return false;\n");
    }
    W.print("}\n\n");
  }
}

void ModuleWriter::writeEvaluate(CodeWriter &W) {
  W.print("rt::Result evaluate(const Inputs &In) {\n");
  {
    CodeWriter::Indent Indent(W);
    writeEvaluateBody(W);
  }
  W.print("}\n");
}

void ModuleWriter::writeEvaluateBody(CodeWriter &W) {
  W.print("rt::Result R;\n");

  // Values outside their domains: the verifier's proofs hold only inside.
  bool AnyNumber = false;
  for (unsigned Var : CaseVars) {
    const Variable &V = M.Variables[Var];
    if (V.Kind != VarKind::Number)
      continue;
    AnyNumber = true;
    W.print("if (In.$field$ && !(*In.$field$ $lop$ $low$ && *In.$field$ $hop$ "
            "$high$))\n"
            "  R.InvalidInputs.push_back($name$);\n",
            {{"field", FieldOf[Var]},
             {"lop", V.Domain.LowOpen ? ">" : ">="},
             {"low", cppDouble(V.Domain.Low)},
             {"hop", V.Domain.HighOpen ? "<" : "<="},
             {"high", cppDouble(V.Domain.High)},
             {"name", cppStringLiteral(V.Name)}});
  }
  if (AnyNumber)
    W.print("if (!R.InvalidInputs.empty()) {\n"
            "  R.State = rt::Status::InvalidInput;\n"
            "  return R;\n"
            "}\n");
  W.print("R.Trace.reserve($n$);\n"
          "MissingSet Missing{};\n",
          {{"n", std::to_string(longestPath())}});
  if (NeedsAssessed)
    W.print("AssessedSet Assessed{};\n");
  if (HasInclusions)
    W.print("// The first inclusion that was unknown, if any.\n"
            "std::string_view PendingAt, PendingTitle;\n");
  W.print("\n");

  // Blocks in depth-first order from the entry, which needs no label.
  std::vector<unsigned> Order;
  std::vector<bool> Seen(M.Nodes.size(), false);
  std::function<void(unsigned)> Visit = [&](unsigned Node) {
    if (Seen[Node])
      return;
    Seen[Node] = true;
    Order.push_back(Node);
    for (unsigned E : M.Nodes[Node].OutEdges)
      Visit(M.Edges[E].To);
  };
  Visit(M.Entry);
  for (unsigned Node : Order)
    writeNode(W, Node);
  // Scans of the later screens, once an earlier one was unknown.
  for (size_t I = 0; I != ScanQueue.size(); ++I)
    writeScan(W, ScanQueue[I]);
}

void ModuleWriter::writeNode(CodeWriter &W, unsigned Index) {
  const Node &N = M.Nodes[Index];
  if (Index == M.Entry)
    W.print("// $id$: $title$\n"
            "{\n",
            {{"id", cppCommentText(N.Id)}, {"title", cppCommentText(N.Title)}});
  else
    W.print("$label$: // $id$: $title$\n"
            "{\n",
            {{"label", label(Index)},
             {"id", cppCommentText(N.Id)},
             {"title", cppCommentText(N.Title)}});
  {
    CodeWriter::Indent Indent(W);
    switch (N.Kind) {
    case NodeKind::RedFlagScreen:
    case NodeKind::Exclusion:
    case NodeKind::Inclusion: writeCriterion(W, Index); break;
    case NodeKind::Order: {
      for (const OrderedProcedure &O : N.Orders)
        W.print("R.ActionsOrdered.push_back($name$);\n",
                {{"name", cppStringLiteral(M.Procedures[O.Procedure].Name)}});
      unsigned Site = addSite(nodeSite(N, ""));
      W.print("R.Trace.push_back(Trace[$site$]);\n"
              "goto $next$;\n",
              {{"site", std::to_string(Site)},
               {"next", label(M.Edges[N.OutEdges.front()].To)}});
      break;
    }
    case NodeKind::Assess: {
      if (NeedsAssessed)
        for (unsigned Var : N.Assessed)
          if (M.Variables[Var].Kind == VarKind::Finding)
            W.print("Assessed[$e$] = true;\n",
                    {{"e", std::to_string(M.Variables[Var].Owner)}});
      unsigned Site = addSite(nodeSite(N, ""));
      W.print("R.Trace.push_back(Trace[$site$]);\n"
              "goto $next$;\n",
              {{"site", std::to_string(Site)},
               {"next", label(M.Edges[N.OutEdges.front()].To)}});
      break;
    }
    case NodeKind::Branch: writeBranch(W, N); break;
    case NodeKind::Terminal: writeTerminal(W, N); break;
    }
  }
  W.print("}\n");
}

void ModuleWriter::writeCriterionValue(CodeWriter &W, const Node &N) {
  std::set<unsigned> Read;
  collectDiagnoses(*N.Condition, Read);
  writeProbabilities(W, Read, /*Record=*/false);
  W.print("const rt::Truth C = $guard$;\n"
          "R.Trace.push_back(Trace[$first$ + static_cast<std::size_t>(C)]);\n",
          {{"guard", guardExpr(*N.Condition)},
           {"first", std::to_string(criterionSites(N))}});
}

void ModuleWriter::writeCriterion(CodeWriter &W, unsigned Index) {
  const Node &N = M.Nodes[Index];
  auto [Stop, GoOn] = splitScreening(N);
  bool IsInclusion = N.Kind == NodeKind::Inclusion;
  writeCriterionValue(W, N);
  const Node &Next = M.Nodes[GoOn->To];
  if (!IsInclusion) {
    W.print("if (rt::isTrue(C))\n"
            "  goto $stop$;\n"
            "if (rt::isFalse(C))\n"
            "  goto $next$;\n",
            {{"stop", label(Stop->To)}, {"next", label(GoOn->To)}});
    writeMarkMissing(W, *N.Condition);
    W.print("R.Undecided.push_back($text$);\n"
            "stop(R, rt::Status::Pending, $id$, $title$);\n",
            {{"text", cppStringLiteral(N.ConditionText)},
             {"id", cppStringLiteral(N.Id)},
             {"title", cppStringLiteral(N.Title)}});
    // The later screens of the same kind are still evaluated, for the
    // red flags (or exclusions) that hold whatever the missing inputs are
    // and for the inputs the others need.
    writeScanNext(W, GoOn->To, N.Kind);
    return;
  }

  bool HasEarlierInclusion = llvm::any_of(M.Edges, [&](const Edge &E) {
    return E.To == Index && M.Nodes[E.From].Kind == NodeKind::Inclusion;
  });
  W.print("if (rt::isFalse(C)) {\n");
  if (HasEarlierInclusion)
    W.print("  // An earlier unknown inclusion no longer matters.\n"
            "  R.Undecided.clear();\n");
  W.print("  goto $stop$;\n"
          "}\n"
          "if (!rt::isTrue(C)) {\n",
          {{"stop", label(Stop->To)}});
  {
    CodeWriter::Indent Indent(W);
    writeMarkMissing(W, *N.Condition);
    W.print("R.Undecided.push_back($text$);\n"
            "if (PendingAt.empty()) {\n"
            "  PendingAt = $id$;\n"
            "  PendingTitle = $title$;\n"
            "}\n",
            {{"text", cppStringLiteral(N.ConditionText)},
             {"id", cppStringLiteral(N.Id)},
             {"title", cppStringLiteral(N.Title)}});
  }
  W.print("}\n");
  if (Next.Kind != NodeKind::Inclusion)
    W.print("if (!PendingAt.empty()) {\n"
            "  stopPending(R, Missing, PendingAt, PendingTitle);\n"
            "  return R;\n"
            "}\n");
  W.print("goto $next$;\n", {{"next", label(GoOn->To)}});
}

void ModuleWriter::writeScanNext(CodeWriter &W, unsigned Next, NodeKind Kind) {
  if (M.Nodes[Next].Kind != Kind) {
    W.print("collectMissing(R, Missing);\n"
            "return R;\n");
    return;
  }
  if (ScanQueued.insert(Next).second)
    ScanQueue.push_back(Next);
  W.print("goto $scan$;\n", {{"scan", ScanLabelOf[Next]}});
}

void ModuleWriter::writeScan(CodeWriter &W, unsigned Index) {
  const Node &N = M.Nodes[Index];
  auto [Stop, GoOn] = splitScreening(N);
  W.print("$label$: // $id$, after an earlier one was unknown\n"
          "{\n",
          {{"label", ScanLabelOf[Index]}, {"id", cppCommentText(N.Id)}});
  {
    CodeWriter::Indent Indent(W);
    writeCriterionValue(W, N);
    W.print("if (rt::isTrue(C)) {\n");
    {
      // It holds whatever the missing inputs are: its action, and its
      // urgency, belong in the result now.
      CodeWriter::Indent Inner(W);
      const Node &Terminal = M.Nodes[Stop->To];
      for (const std::string &Text : Terminal.Recommendations)
        W.print("R.Recommendations.push_back($text$);\n",
                {{"text", cppStringLiteral(Text)}});
      if (Terminal.Terminal == TerminalKind::RedFlag)
        W.print("if (R.Level < rt::Urgency::$level$)\n"
                "  R.Level = rt::Urgency::$level$;\n",
                {{"level", urgencyName(Terminal.Level)}});
    }
    W.print("} else if (!rt::isFalse(C)) {\n");
    {
      CodeWriter::Indent Inner(W);
      writeMarkMissing(W, *N.Condition);
      W.print("R.Undecided.push_back($text$);\n",
              {{"text", cppStringLiteral(N.ConditionText)}});
    }
    W.print("}\n");
    writeScanNext(W, GoOn->To, N.Kind);
  }
  W.print("}\n");
}

void ModuleWriter::writeProbabilities(CodeWriter &W,
                                      const std::set<unsigned> &Diagnoses,
                                      bool Record) const {
  for (unsigned D : Diagnoses) {
    W.print("const std::optional<rt::ProbabilityUpdate> P$d$ = $fn$(In, "
            "Assessed);\n",
            {{"d", std::to_string(D)}, {"fn", ProbabilityFnOf[D]}});
    if (Record)
      W.print("if (P$d$)\n"
              "  R.Probabilities.push_back({$name$, P$d$->Value, "
              "P$d$->Contradictory});\n",
              {{"d", std::to_string(D)},
               {"name", cppStringLiteral(M.Diagnoses[D].Name)}});
  }
}

void ModuleWriter::writeBranch(CodeWriter &W, const Node &N) {
  std::set<unsigned> Read;
  for (unsigned E : N.OutEdges)
    collectDiagnoses(*M.Edges[E].Condition, Read);
  writeProbabilities(W, Read, /*Record=*/true);

  // The first arm that holds is taken; the verifier proves there is at
  // most one, so the later arms need not be evaluated.
  for (unsigned I = 0; I != N.OutEdges.size(); ++I) {
    const Edge &E = M.Edges[N.OutEdges[I]];
    TraceSite Site = nodeSite(N, E.Label);
    Site.addCitations(E.Citations);
    Site.addNotes(E.Notes);
    unsigned Index = addSite(std::move(Site));
    W.print("const rt::Truth Arm$i$ = $guard$;\n"
            "if (rt::isTrue(Arm$i$)) {\n"
            "  R.Trace.push_back(Trace[$site$]);\n"
            "  goto $next$;\n"
            "}\n",
            {{"i", std::to_string(I)},
             {"guard", guardExpr(*E.Condition)},
             {"site", std::to_string(Index)},
             {"next", label(E.To)}});
  }

  // No arm holds: pending on what the unknown arms read, else
  // indeterminate, else uncovered.
  auto AnyArm = [&](llvm::StringRef Predicate) {
    std::vector<std::string> Tests;
    for (unsigned I = 0; I != N.OutEdges.size(); ++I)
      Tests.push_back(
          ("rt::" + Predicate + "(Arm" + llvm::Twine(I) + ")").str());
    return llvm::join(Tests, " || ");
  };
  std::string Id = cppStringLiteral(N.Id), Title = cppStringLiteral(N.Title);
  W.print("if ($any$) {\n", {{"any", AnyArm("isUnknown")}});
  {
    CodeWriter::Indent Indent(W);
    W.print("R.Trace.push_back(Trace[$site$]);\n",
            {{"site", std::to_string(addSite(nodeSite(N, "pending")))}});
    for (unsigned I = 0; I != N.OutEdges.size(); ++I) {
      const Edge &E = M.Edges[N.OutEdges[I]];
      W.print("if (rt::isUnknown(Arm$i$)) {\n", {{"i", std::to_string(I)}});
      {
        CodeWriter::Indent Inner(W);
        writeMarkMissing(W, *E.Condition);
        W.print("R.Undecided.push_back($label$);\n",
                {{"label", cppStringLiteral(E.Label)}});
      }
      W.print("}\n");
    }
    W.print("stopPending(R, Missing, $id$, $title$);\n"
            "return R;\n",
            {{"id", Id}, {"title", Title}});
  }
  W.print("}\n");

  W.print("if ($any$) {\n", {{"any", AnyArm("isIndeterminate")}});
  {
    CodeWriter::Indent Indent(W);
    W.print("R.Trace.push_back(Trace[$site$]);\n",
            {{"site", std::to_string(addSite(nodeSite(N, "indeterminate")))}});
    for (unsigned I = 0; I != N.OutEdges.size(); ++I)
      W.print("if (rt::isIndeterminate(Arm$i$))\n"
              "  R.Undecided.push_back($label$);\n",
              {{"i", std::to_string(I)},
               {"label", cppStringLiteral(M.Edges[N.OutEdges[I]].Label)}});
    W.print("stop(R, rt::Status::Indeterminate, $id$, $title$);\n"
            "return R;\n",
            {{"id", Id}, {"title", Title}});
  }
  W.print("}\n"
          "R.Trace.push_back(Trace[$site$]);\n"
          "stop(R, rt::Status::Uncovered, $id$, $title$);\n"
          "return R;\n",
          {{"site", std::to_string(addSite(nodeSite(N, "uncovered")))},
           {"id", Id},
           {"title", Title}});
}

void ModuleWriter::writeTerminal(CodeWriter &W, const Node &N) {
  W.print("R.Trace.push_back(Trace[$site$]);\n",
          {{"site", std::to_string(addSite(nodeSite(N, "")))}});
  for (const std::string &Text : N.Recommendations)
    W.print("R.Recommendations.push_back($text$);\n",
            {{"text", cppStringLiteral(Text)}});
  llvm::StringRef Status, Level = "None";
  switch (N.Terminal) {
  case TerminalKind::Outcome: Status = "Outcome"; break;
  case TerminalKind::RedFlag: Status = "RedFlag"; break;
  case TerminalKind::Excluded: Status = "Excluded"; break;
  case TerminalKind::NotApplicable: Status = "NotApplicable"; break;
  }
  if (N.Terminal == TerminalKind::Outcome ||
      N.Terminal == TerminalKind::RedFlag)
    Level = urgencyName(N.Level);
  W.print("stop(R, rt::Status::$status$, $id$, $title$, "
          "rt::Urgency::$level$);\n"
          "return R;\n",
          {{"status", Status},
           {"id", cppStringLiteral(N.Id)},
           {"title", cppStringLiteral(N.Title)},
           {"level", Level}});
}

//===----------------------------------------------------------------------===//
// The emitter
//===----------------------------------------------------------------------===//

class CppEmitter : public Emitter {
public:
  llvm::StringRef getName() const override { return "cpp"; }
  llvm::StringRef getDescription() const override {
    return "a C++17 decision module: <pathway>.h and <pathway>.cpp "
           "(--cpp_opt=namespace=a::b sets the namespace)";
  }

  bool emit(const EmitRequest &Request, OutputContext &Out,
            DiagnosticsEngine &Diags) override {
    CppOptions Options;
    bool Valid = parseTargetOptions(
        Request.Parameter, "cpp", Diags, [&](llvm::StringRef Item) {
          if (!Item.consume_front("namespace="))
            return false;
          llvm::SmallVector<llvm::StringRef, 4> Parts;
          Item.split(Parts, "::");
          std::vector<std::string> Namespace;
          for (llvm::StringRef Part : Parts) {
            // Accept only names that need no change: the user chose them.
            if (Part.empty() ||
                makeIdentifier(Part, NameStyle::AsWritten) != Part)
              return false;
            Namespace.push_back(Part.str());
          }
          Options.Namespace = std::move(Namespace);
          return true;
        });
    if (!Valid)
      return false;
    ModuleWriter Writer(Request, Options);
    const std::string &Name = Request.getOutputName();
    Writer.writeHeader(Out.open(Name + ".h"));
    Writer.writeSource(Out.open(Name + ".cpp"));
    return true;
  }
};

} // namespace

std::unique_ptr<Emitter> pathwayc::createCppEmitter() {
  return std::make_unique<CppEmitter>();
}
