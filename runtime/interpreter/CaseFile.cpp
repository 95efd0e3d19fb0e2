//===- CaseFile.cpp - Reading a patient case from JSON --------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// A case file is a flat object from variable names to values
// (docs/interpreter.md). nlohmann checks the syntax and the encoding; the
// top-level members are then read from the text itself, so that duplicate
// keys (which nlohmann merges silently) are seen and every error points at
// the key or value it is about.
//
//===----------------------------------------------------------------------===//

#include "JsonText.h"
#include "ProgramData.h"

#include <algorithm>
#include <sstream>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

namespace {

/// The edit distance between \p A and \p B, giving up (returning Limit + 1)
/// once it must exceed \p Limit.
std::size_t editDistance(std::string_view A, std::string_view B,
                         std::size_t Limit) {
  if ((A.size() > B.size() ? A.size() - B.size() : B.size() - A.size()) > Limit)
    return Limit + 1;
  std::vector<std::size_t> Row(B.size() + 1);
  for (std::size_t J = 0; J <= B.size(); ++J)
    Row[J] = J;
  for (std::size_t I = 1; I <= A.size(); ++I) {
    std::size_t Diagonal = Row[0];
    Row[0] = I;
    std::size_t RowMin = Row[0];
    for (std::size_t J = 1; J <= B.size(); ++J) {
      std::size_t Above = Row[J];
      Row[J] = std::min({Row[J] + 1, Row[J - 1] + 1,
                         Diagonal + (A[I - 1] == B[J - 1] ? 0 : 1)});
      Diagonal = Above;
      RowMin = std::min(RowMin, Row[J]);
    }
    if (RowMin > Limit)
      return Limit + 1;
  }
  return Row[B.size()];
}

/// The candidate closest to \p Name, if it is close enough to be a typo:
/// within a third of the name's length, as clang's suggestions are.
std::string_view closest(std::string_view Name,
                         const std::vector<std::string_view> &Candidates) {
  std::size_t Limit = (Name.size() + 2) / 3;
  std::string_view Best;
  std::size_t BestDistance = Limit + 1;
  for (std::string_view C : Candidates) {
    std::size_t D = editDistance(Name, C, Limit);
    if (D < BestDistance) {
      Best = C;
      BestDistance = D;
    }
  }
  return Best;
}

std::string formatNumber(double X) {
  std::ostringstream OS;
  printNumber(OS, X);
  return OS.str();
}

/// What a variable accepts, for messages: "a number in [0, 100] percent".
std::string describeVariable(const VariableInfo &V) {
  switch (V.Kind) {
  case VariableKind::Bool: return "true or false";
  case VariableKind::Finding:
    return "an exam finding, \"positive\" or \"negative\"";
  case VariableKind::Number: {
    std::string S = "a number in ";
    S += V.LowOpen ? '(' : '[';
    S += formatNumber(V.Low) + ", " + formatNumber(V.High);
    S += V.HighOpen ? ')' : ']';
    if (!V.Unit.empty())
      S += " " + std::string(V.Unit);
    return S;
  }
  case VariableKind::Enum: {
    std::string S = "one of ";
    for (std::size_t I = 0; I != V.Values.size(); ++I)
      S += (I ? ", " : "") + std::string(V.Values[I]);
    return S;
  }
  }
  return "";
}

class CaseReader {
public:
  CaseReader(const Program &P, std::string_view Text, std::string_view File,
             std::vector<InputError> &Errors)
      : P(P), Text(Text), File(File), Errors(Errors) {}

  std::optional<Case> read();

private:
  void error(std::size_t Offset, std::string Message) {
    appendError(Errors, Reported,
                Reported < MaxErrors
                    ? errorAt(Text, File, Offset, std::move(Message))
                    : InputError{std::string(File), 0, 0, {}});
  }
  std::string notAVariable(std::string_view Name) const;
  std::string givenTwice(std::string_view Name, std::size_t FirstOffset) const;
  /// Sets \p Var from \p Value (at \p Offset); false after an error.
  bool set(Case &C, std::size_t Var, const json &Value, std::size_t Offset);

  const Program &P;
  std::string_view Text;
  std::string_view File;
  std::vector<InputError> &Errors;
  std::size_t Reported = 0;
};

std::optional<Case> CaseReader::read() {
  json Root;
  if (!parseJson(Text, File, Root, Errors))
    return std::nullopt;
  if (!Root.is_object()) {
    error(topLevelOffset(Text),
          std::string("a case must be an object from input and exam names "
                      "to values, not ") +
              describeJsonType(Root));
    return std::nullopt;
  }
  Case C(P);
  bool Ok = true;
  std::vector<std::size_t> FirstKeyOffset(P.getNumVariables(), Text.size());
  for (const ObjectMember &M : scanTopLevelMembers(Text)) {
    std::optional<std::size_t> Var = P.findVariable(M.Key);
    if (!Var || FirstKeyOffset[*Var] != Text.size()) {
      Ok = false;
      // Past the error limit nothing more is shown, so nothing is worked
      // out: a file of a million bad keys stays linear.
      if (Reported >= MaxErrors)
        error(0, {});
      else
        error(M.KeyOffset, Var ? givenTwice(M.Key, FirstKeyOffset[*Var])
                               : notAVariable(M.Key));
      continue;
    }
    FirstKeyOffset[*Var] = M.KeyOffset;
    // The value's text was checked as part of the whole document.
    json Value = json::parse(M.Value, nullptr, /*allow_exceptions=*/false);
    Ok &= set(C, *Var, Value, M.ValueOffset);
  }
  if (!Ok)
    return std::nullopt;
  return C;
}

std::string CaseReader::notAVariable(std::string_view Name) const {
  std::vector<std::string_view> Names;
  for (std::size_t I = 0; I != P.getNumVariables(); ++I)
    Names.push_back(P.getVariable(I).Name);
  std::string Message = quoteName(Name) + " is not an input or exam of '" +
                        std::string(P.getName()) + "'";
  std::string_view Suggestion = closest(Name, Names);
  if (!Suggestion.empty())
    Message += "; did you mean " + quoteName(Suggestion) + "?";
  return Message;
}

std::string CaseReader::givenTwice(std::string_view Name,
                                   std::size_t FirstOffset) const {
  InputError First = errorAt(Text, File, FirstOffset, "");
  return quoteName(Name) + " is given twice (first at line " +
         std::to_string(First.Line) + ", column " +
         std::to_string(First.Column) + ")";
}

bool CaseReader::set(Case &C, std::size_t Var, const json &Value,
                     std::size_t Offset) {
  const VariableInfo &V = P.getVariable(Var);
  if (Value.is_null())
    return true;
  auto WrongType = [&](std::string Found) {
    error(Offset,
          quoteName(V.Name) + " is " + describeVariable(V) + ", not " + Found);
    return false;
  };
  switch (V.Kind) {
  case VariableKind::Bool:
    if (!Value.is_boolean())
      return WrongType(describeJsonType(Value));
    return C.setBool(Var, Value.get<bool>());
  case VariableKind::Finding: {
    // Generated C++ takes a finding as a bool, so true and false are the
    // likely slips: name the spelling that was meant.
    if (Value.is_boolean())
      return WrongType(Value.dump() + "; write \"" +
                       (Value.get<bool>() ? "positive" : "negative") + "\"");
    if (!Value.is_string())
      return WrongType(describeJsonType(Value));
    const std::string &S = Value.get_ref<const std::string &>();
    if (S != "positive" && S != "negative")
      return WrongType("\"" + escapeForMessage(S) + "\"");
    return C.setBool(Var, S == "positive");
  }
  case VariableKind::Number: {
    if (!Value.is_number())
      return WrongType(describeJsonType(Value));
    double X = Value.get<double>();
    if (!V.inDomain(X)) {
      error(Offset, quoteName(V.Name) + " is " + formatNumber(X) +
                        ", outside its domain: " + describeVariable(V));
      return false;
    }
    return C.setNumber(Var, X);
  }
  case VariableKind::Enum: {
    if (!Value.is_string())
      return WrongType(describeJsonType(Value));
    const std::string &S = Value.get_ref<const std::string &>();
    if (C.setEnum(Var, S))
      return true;
    std::vector<std::string_view> Values(V.Values.begin(), V.Values.end());
    std::string Message = quoteName(V.Name) + " has no value " + quoteName(S) +
                          "; it is " + describeVariable(V);
    std::string_view Suggestion = closest(S, Values);
    if (!Suggestion.empty())
      Message += " (did you mean " + quoteName(Suggestion) + "?)";
    error(Offset, std::move(Message));
    return false;
  }
  }
  return false;
}

} // namespace

std::optional<Case> Case::parse(const Program &P, std::string_view JsonText,
                                std::string_view FileName,
                                std::vector<InputError> &Errors) {
  return CaseReader(P, JsonText, FileName, Errors).read();
}
