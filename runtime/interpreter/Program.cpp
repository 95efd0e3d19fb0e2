//===- Program.cpp - A loaded decision graph and its cases ----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "Loader.h"
#include "ProgramData.h"

#include <algorithm>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;

Program::Program(std::unique_ptr<ProgramData> Data) : Data(std::move(Data)) {}

Program::~Program() = default;

std::unique_ptr<Program> Program::load(std::string_view JsonText,
                                       std::string_view FileName,
                                       std::vector<InputError> &Errors) {
  std::unique_ptr<ProgramData> Data =
      loadProgramData(JsonText, FileName, Errors);
  if (!Data)
    return nullptr;
  return std::unique_ptr<Program>(new Program(std::move(Data)));
}

std::string_view Program::getName() const { return Data->Name; }

std::string_view Program::getTitle() const { return Data->Title; }

std::size_t Program::getNumVariables() const { return Data->Variables.size(); }

const VariableInfo &Program::getVariable(std::size_t Var) const {
  return Data->Variables[Var];
}

std::optional<std::size_t> Program::findVariable(std::string_view Name) const {
  auto It = Data->VariableIndex.find(Name);
  if (It == Data->VariableIndex.end())
    return std::nullopt;
  return It->second;
}

Case::Case(const Program &P) : P(&P), Slots(P.getNumVariables()) {}

bool Case::setBool(std::size_t Var, bool Value) {
  if (Var >= Slots.size())
    return false;
  VariableKind Kind = P->getVariable(Var).Kind;
  if (Kind != VariableKind::Bool && Kind != VariableKind::Finding)
    return false;
  Slots[Var] = {0, Value ? 1u : 0u, true};
  return true;
}

bool Case::setNumber(std::size_t Var, double Value) {
  if (Var >= Slots.size() || P->getVariable(Var).Kind != VariableKind::Number)
    return false;
  Slots[Var] = {Value, 0, true};
  return true;
}

bool Case::setEnum(std::size_t Var, std::string_view Value) {
  if (Var >= Slots.size())
    return false;
  const VariableInfo &V = P->getVariable(Var);
  if (V.Kind != VariableKind::Enum)
    return false;
  const std::string_view *Found =
      std::find(V.Values.begin(), V.Values.end(), Value);
  if (Found == V.Values.end())
    return false;
  Slots[Var] = {0, static_cast<std::uint32_t>(Found - V.Values.begin()), true};
  return true;
}

bool Case::setUnknown(std::size_t Var) {
  if (Var >= Slots.size())
    return false;
  Slots[Var] = Slot();
  return true;
}

bool Case::setBool(std::string_view Name, bool Value) {
  std::optional<std::size_t> Var = P->findVariable(Name);
  return Var && setBool(*Var, Value);
}

bool Case::setNumber(std::string_view Name, double Value) {
  std::optional<std::size_t> Var = P->findVariable(Name);
  return Var && setNumber(*Var, Value);
}

bool Case::setEnum(std::string_view Name, std::string_view Value) {
  std::optional<std::size_t> Var = P->findVariable(Name);
  return Var && setEnum(*Var, Value);
}

bool Case::setUnknown(std::string_view Name) {
  std::optional<std::size_t> Var = P->findVariable(Name);
  return Var && setUnknown(*Var);
}
