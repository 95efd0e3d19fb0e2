//===- Loader.cpp - Reading a JSON decision graph -------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The document is read section by section in the order the JSON target
// writes it, so that every name is declared before it is referred to:
// sources, inputs, diagnoses, exams and procedures, then nodes, then edges.
// Checks that need the whole graph (the shape of each node kind, cycles)
// run last, and the flat tables evaluation reads are laid out only from a
// document without errors.
//
//===----------------------------------------------------------------------===//

#include "Loader.h"
#include "LoaderImpl.h"

#include <algorithm>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

namespace {

const char *const Units[] = {"percent", "minutes", "hours",   "days", "weeks",
                             "months",  "years",   "degrees", "mm",   "cm"};

} // namespace

std::unique_ptr<ProgramData> Loader::run(const json &Root) {
  Where W = Where::root();
  if (!Reader.expectObject(Root, W) || !checkFormat(Root, W))
    return nullptr;
  readPathway(Root, W);
  readNames(Root, W, "sources", "source", SourceNames);
  readInputs(Root, W);
  readDiagnoses(Root, W);
  readExams(Root, W);
  readNames(Root, W, "procedures", "procedure", ProcedureNames);
  // Guards and nodes name variables; a document whose declarations are
  // broken would only add errors that follow from those.
  if (Reader.hasErrors())
    return nullptr;
  finishVariables();
  readNodes(Root, W);
  readEdges(Root, W);
  if (std::optional<std::uint32_t> Entry = readNodeRef(Root, W, "entry"))
    Data->Entry = *Entry;
  readNodeRef(Root, W, "start");
  readScreeningSummaries(Root, W);
  if (Reader.hasErrors())
    return nullptr;
  checkShapes(W.key("nodes"));
  if (Reader.hasErrors())
    return nullptr;
  checkAcyclic(W);
  if (Reader.hasErrors())
    return nullptr;
  layOut();
  return std::move(Data);
}

bool Loader::checkFormat(const json &Root, const Where &W) {
  const std::string *Format = Reader.string(Root, W, "format");
  if (!Format)
    return false;
  if (*Format != "pathwayc-graph") {
    Reader.error(W.key("format"), "unknown format " + quoteName(*Format) +
                                      "; expected 'pathwayc-graph'");
    return false;
  }
  const json *Version = Reader.member(Root, W, "formatVersion");
  if (!Version)
    return false;
  if (!Version->is_number_integer() && !Version->is_number_unsigned()) {
    Reader.error(W.key("formatVersion"),
                 std::string("must be an integer, not ") +
                     describeJsonType(*Version));
    return false;
  }
  if (*Version != 1) {
    Reader.error(W.key("formatVersion"),
                 "unsupported format version " + Version->dump() +
                     "; this interpreter reads version 1");
    return false;
  }
  return true;
}

void Loader::readPathway(const json &Root, const Where &W) {
  const json *Pathway = Reader.object(Root, W, "pathway");
  if (!Pathway)
    return;
  Where PW = W.key("pathway");
  if (const std::string *Name = Reader.string(*Pathway, PW, "name", true))
    Data->Name = Data->keep(*Name);
  if (const std::string *Title = Reader.string(*Pathway, PW, "title"))
    Data->Title = Data->keep(*Title);
}

void Loader::readNames(const json &Root, const Where &W, const char *Section,
                       const char *What,
                       std::unordered_set<std::string> &Names) {
  const json *List = Reader.array(Root, W, Section);
  if (!List)
    return;
  Reader.forEachObject(
      *List, W.key(Section), [&](const json &D, const Where &DW) {
        const std::string *Name = Reader.string(D, DW, "name", true);
        if (Name && !Names.insert(*Name).second)
          Reader.error(DW.key("name"), std::string(What) + " " +
                                           quoteName(*Name) +
                                           " is declared twice");
      });
}

void Loader::readInputs(const json &Root, const Where &W) {
  const json *Inputs = Reader.array(Root, W, "inputs");
  if (!Inputs)
    return;
  Reader.forEachObject(
      *Inputs, W.key("inputs"), [&](const json &In, const Where &IW) {
        const std::string *Name = Reader.string(In, IW, "name", true);
        const std::string *Type = Reader.string(In, IW, "type");
        std::string Description;
        bool HasDescription =
            Reader.optionalString(In, IW, "description", Description);
        if (!Name || !Type || !HasDescription)
          return;
        VariableInfo V;
        if (!Description.empty())
          V.Description = Data->keep(std::move(Description));
        if (*Type == "bool") {
          V.Kind = VariableKind::Bool;
        } else if (*Type == "number") {
          V.Kind = VariableKind::Number;
          if (!readDomain(In, IW, V))
            return;
        } else if (*Type == "enum") {
          V.Kind = VariableKind::Enum;
          if (!readValues(In, IW, V))
            return;
        } else {
          Reader.error(IW.key("type"),
                       "unknown input type " + quoteName(*Type) +
                           "; expected 'bool', 'number' or 'enum'");
          return;
        }
        addVariable(*Name, IW.key("name"), V);
      });
  Data->NumInputs = static_cast<std::uint32_t>(Data->Variables.size());
}

bool Loader::readDomain(const json &Input, const Where &W, VariableInfo &V) {
  const json *Domain = Reader.object(Input, W, "domain");
  std::string Unit;
  bool HasUnit = Reader.optionalString(Input, W, "unit", Unit);
  if (!Domain || !HasUnit)
    return false;
  Where DW = W.key("domain");
  std::optional<double> Low = Reader.number(*Domain, DW, "low");
  std::optional<double> High = Reader.number(*Domain, DW, "high");
  std::optional<bool> LowOpen = Reader.boolean(*Domain, DW, "lowOpen");
  std::optional<bool> HighOpen = Reader.boolean(*Domain, DW, "highOpen");
  if (!Low || !High || !LowOpen || !HighOpen)
    return false;
  V.Low = *Low;
  V.High = *High;
  V.LowOpen = *LowOpen;
  V.HighOpen = *HighOpen;
  if (!(V.Low < V.High || (V.Low == V.High && !V.LowOpen && !V.HighOpen))) {
    Reader.error(DW, "the domain holds no value");
    return false;
  }
  if (!Unit.empty()) {
    if (std::find(std::begin(Units), std::end(Units), Unit) ==
        std::end(Units)) {
      Reader.error(W.key("unit"), "unknown unit " + quoteName(Unit));
      return false;
    }
    V.Unit = Data->keep(std::move(Unit));
  }
  return true;
}

bool Loader::readValues(const json &Input, const Where &W, VariableInfo &V) {
  const json *Values = Reader.nonEmptyArray(
      Input, W, "values", "an enum input needs at least one value");
  if (!Values)
    return false;
  Where VW = W.key("values");
  std::vector<std::string_view> Kept;
  std::unordered_set<std::string> Seen;
  for (std::size_t I = 0; I != Values->size(); ++I) {
    const json &Value = (*Values)[I];
    if (!Value.is_string() || Value.get_ref<const std::string &>().empty()) {
      Reader.error(VW.at(I), std::string("must be a non-empty string, not ") +
                                 describeJsonType(Value));
      return false;
    }
    const std::string &S = Value.get_ref<const std::string &>();
    if (!Seen.insert(S).second) {
      Reader.error(VW.at(I), "value " + quoteName(S) + " is listed twice");
      return false;
    }
    Kept.push_back(Data->keep(S));
  }
  Data->EnumValues.push_back(std::move(Kept));
  V.Values = Span<std::string_view>(Data->EnumValues.back());
  return true;
}

void Loader::addVariable(const std::string &Name, const Where &W,
                         VariableInfo V) {
  auto Index = static_cast<std::uint32_t>(VariableNames.size());
  if (!VariableByName.emplace(Name, Index).second) {
    Reader.error(W, quoteName(Name) + " is declared twice (inputs and exams "
                                      "share one namespace)");
    return;
  }
  VariableNames.push_back(Name);
  Data->Variables.push_back(V);
}

void Loader::readDiagnoses(const json &Root, const Where &W) {
  const json *Diagnoses = Reader.array(Root, W, "diagnoses");
  if (!Diagnoses)
    return;
  Reader.forEachObject(
      *Diagnoses, W.key("diagnoses"), [&](const json &D, const Where &DW) {
        const std::string *Name = Reader.string(D, DW, "name", true);
        const std::string *Title = Reader.string(D, DW, "title");
        const json *Pretest = Reader.member(D, DW, "pretest");
        if (!Name || !Title || !Pretest)
          return;
        DiagnosisData Diagnosis;
        if (!readPretest(*Pretest, DW.key("pretest"), Diagnosis))
          return;
        auto Index = static_cast<std::uint32_t>(Data->Diagnoses.size());
        if (!DiagnosisIndex.emplace(*Name, Index).second) {
          Reader.error(DW.key("name"),
                       "diagnosis " + quoteName(*Name) + " is declared twice");
          return;
        }
        Diagnosis.Name = Data->keep(*Name);
        Diagnosis.Title = Data->keep(*Title);
        Data->Diagnoses.push_back(std::move(Diagnosis));
      });
}

bool Loader::readPretest(const json &Pretest, const Where &W,
                         DiagnosisData &D) {
  if (Pretest.is_null())
    return true;
  if (!Reader.expectObject(Pretest, W))
    return false;
  if (Pretest.contains("input")) {
    const std::string *Input = Reader.string(Pretest, W, "input", true);
    if (!Input)
      return false;
    auto It = VariableByName.find(*Input);
    std::size_t Var =
        It == VariableByName.end() ? VariableNames.size() : It->second;
    const VariableInfo *V =
        Var < Data->NumInputs ? &Data->Variables[Var] : nullptr;
    bool Percent = V && V->Unit == "percent";
    double Max = Percent ? 100 : 1;
    if (!V || V->Kind != VariableKind::Number ||
        !(V->Unit.empty() || Percent) || V->Low < 0 || V->High > Max) {
      Reader.error(W.key("input"),
                   "the pretest must come from a number input whose domain "
                   "lies in [0, 1], or in [0, 100] percent; " +
                       quoteName(*Input) + " is not one");
      return false;
    }
    D.PretestInput = static_cast<std::uint32_t>(Var);
    D.PretestPercent = Percent;
    return true;
  }
  std::optional<ProbabilityInterval> Figure = readEvidence(Pretest, W);
  if (!Figure)
    return false;
  D.HasFigure = true;
  D.Figure = *Figure;
  return true;
}

std::optional<ProbabilityInterval> Loader::readEvidence(const json &Evidence,
                                                        const Where &W) {
  std::optional<double> Low, High;
  if (Evidence.contains("point")) {
    Low = High = Reader.number(Evidence, W, "point");
  } else {
    Low = Reader.number(Evidence, W, "low");
    High = Reader.number(Evidence, W, "high");
  }
  if (!Low || !High)
    return std::nullopt;
  ProbabilityInterval Figure(*Low, *High);
  if (!Figure.isValid()) {
    Reader.error(W, "must be a fraction, or a range of fractions, within "
                    "[0, 1]");
    return std::nullopt;
  }
  return Figure;
}

void Loader::readExams(const json &Root, const Where &W) {
  const json *Exams = Reader.array(Root, W, "exams");
  if (!Exams)
    return;
  Reader.forEachObject(
      *Exams, W.key("exams"), [&](const json &E, const Where &EW) {
        const std::string *Name = Reader.string(E, EW, "name", true);
        const std::string *Title = Reader.string(E, EW, "title");
        const std::string *Diagnosis = Reader.string(E, EW, "diagnosis", true);
        std::optional<ProbabilityInterval> Figures[2];
        const char *const FigureKeys[] = {"sensitivity", "specificity"};
        for (int I = 0; I != 2; ++I)
          if (const json *Figure = Reader.object(E, EW, FigureKeys[I]))
            Figures[I] = readEvidence(*Figure, EW.key(FigureKeys[I]));
        std::optional<LikelihoodRatio> Positive =
            readRatio(E, EW, "lrPositive");
        std::optional<LikelihoodRatio> Negative =
            readRatio(E, EW, "lrNegative");
        if (!Name || !Title || !Diagnosis || !Figures[0] || !Figures[1] ||
            !Positive || !Negative)
          return;
        auto It = DiagnosisIndex.find(*Diagnosis);
        if (It == DiagnosisIndex.end()) {
          Reader.error(EW.key("diagnosis"),
                       "unknown diagnosis " + quoteName(*Diagnosis));
          return;
        }
        // docs/evaluation.md: the ratios are computeLikelihoodRatios() of
        // the figures, which the document's ratios only repeat; a document
        // whose ratios say otherwise contradicts itself.
        ExamData Exam;
        Exam.Diagnosis = It->second;
        Exam.Ratios = computeLikelihoodRatios(*Figures[0], *Figures[1]);
        if (Exam.Ratios.Positive != *Positive ||
            Exam.Ratios.Negative != *Negative) {
          Reader.error(EW.key(Exam.Ratios.Positive != *Positive ? "lrPositive"
                                                                : "lrNegative"),
                       "does not follow from the exam's sensitivity and "
                       "specificity");
          return;
        }
        auto Index = static_cast<std::uint32_t>(Data->Exams.size());
        Data->Diagnoses[It->second].Exams.push_back(Index);
        Data->Exams.push_back(Exam);
        VariableInfo V;
        V.Kind = VariableKind::Finding;
        V.Description = Data->keep(*Title);
        addVariable(*Name, EW.key("name"), V);
      });
  for (const DiagnosisData &D : Data->Diagnoses)
    Data->MaxExamsPerDiagnosis =
        std::max(Data->MaxExamsPerDiagnosis, D.Exams.size());
}

std::optional<LikelihoodRatio>
Loader::readRatio(const json &Exam, const Where &W, const char *Key) {
  const json *Ratio = Reader.object(Exam, W, Key);
  if (!Ratio)
    return std::nullopt;
  Where RW = W.key(Key);
  // JSON has no infinity: "inf" is an infinite ratio and null the
  // undefined 0/0, which takes its widest value, 0 as a low end and
  // +Infinity as a high one, as computeLikelihoodRatios() does.
  auto End = [&](const char *EndKey, bool IsHigh) -> std::optional<double> {
    const json *J = Reader.member(*Ratio, RW, EndKey);
    if (!J)
      return std::nullopt;
    if (J->is_null())
      return IsHigh ? Infinity : 0.0;
    if (J->is_string() && *J == "inf")
      return Infinity;
    if (J->is_number() && J->get<double>() >= 0)
      return J->get<double>();
    Reader.error(RW.key(EndKey),
                 "a likelihood ratio must be a number >= 0, \"inf\" or null");
    return std::nullopt;
  };
  std::optional<double> Low, High;
  if (Ratio->contains("point")) {
    Low = End("point", false);
    High = End("point", true);
  } else {
    Low = End("low", false);
    High = End("high", true);
  }
  if (!Low || !High)
    return std::nullopt;
  LikelihoodRatio R(*Low, *High);
  if (!R.isValid()) {
    Reader.error(RW, "the low end of a likelihood ratio is above its high end");
    return std::nullopt;
  }
  return R;
}

void Loader::finishVariables() {
  // One buffer in declaration order, so that the names' addresses sort as
  // the variables do: evaluation keeps MissingInputs in declaration order by
  // comparing them.
  std::string Joined;
  for (const std::string &Name : VariableNames)
    Joined += Name;
  std::string_view All = Data->keep(std::move(Joined));
  std::size_t Offset = 0;
  for (std::size_t I = 0; I != VariableNames.size(); ++I) {
    VariableInfo &V = Data->Variables[I];
    V.Name = All.substr(Offset, VariableNames[I].size());
    Offset += VariableNames[I].size();
    Data->VariableIndex.emplace(V.Name, static_cast<std::uint32_t>(I));
    if (V.Kind == VariableKind::Number)
      Data->NumberInputs.push_back(static_cast<std::uint32_t>(I));
  }
  for (std::size_t I = 0; I != Data->Exams.size(); ++I)
    Data->Exams[I].Name = Data->Variables[Data->NumInputs + I].Name;
}

std::vector<Citation> Loader::readCitations(const json &Obj, const Where &W) {
  std::vector<Citation> Citations;
  const json *List = Reader.array(Obj, W, "citations");
  if (!List)
    return Citations;
  Reader.forEachObject(
      *List, W.key("citations"), [&](const json &C, const Where &CW) {
        const std::string *Source = Reader.string(C, CW, "source", true);
        std::string Quote;
        if (!Reader.optionalString(C, CW, "quote", Quote) || !Source)
          return;
        if (!SourceNames.count(*Source)) {
          Reader.error(CW.key("source"),
                       "unknown source " + quoteName(*Source));
          return;
        }
        Citations.push_back({Data->keep(*Source),
                             Quote.empty() ? std::string_view()
                                           : Data->keep(std::move(Quote))});
      });
  return Citations;
}

std::vector<Note> Loader::readNotes(const json &Obj, const Where &W) {
  std::vector<Note> Notes;
  const json *List = Reader.array(Obj, W, "notes");
  if (!List)
    return Notes;
  Reader.forEachObject(
      *List, W.key("notes"), [&](const json &N, const Where &NW) {
        const std::string *Kind = Reader.string(N, NW, "kind");
        const std::string *Text = Reader.string(N, NW, "text");
        readCitations(N, NW);
        if (!Kind || !Text)
          return;
        if (*Kind != "note" && *Kind != "pitfall") {
          Reader.error(NW.key("kind"), "unknown note kind " + quoteName(*Kind) +
                                           "; expected 'note' or 'pitfall'");
          return;
        }
        Notes.push_back({*Kind == "pitfall", Data->keep(*Text)});
      });
  return Notes;
}

std::unique_ptr<ProgramData>
detail::loadProgramData(std::string_view Text, std::string_view File,
                        std::vector<InputError> &Errors) {
  json Root;
  if (!parseJson(Text, File, Root, Errors))
    return nullptr;
  return Loader(Text, File, Errors).run(Root);
}
