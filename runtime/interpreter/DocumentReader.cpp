//===- DocumentReader.cpp - Typed, located access to a JSON DOM -----------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "DocumentReader.h"

#include <cmath>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

std::string Where::str() const {
  std::string S = Parent ? Parent->str() : std::string();
  if (!Parent)
    return S;
  if (IsIndex)
    return S + '[' + std::to_string(Index) + ']';
  if (!S.empty())
    S += '.';
  return S + std::string(Key);
}

std::vector<PathStep> Where::steps() const {
  std::vector<PathStep> Steps;
  for (const Where *W = this; W->Parent; W = W->Parent)
    Steps.push_back({W->Key, W->Index, W->IsIndex});
  return {Steps.rbegin(), Steps.rend()};
}

void DocumentReader::error(const Where &W, const std::string &Message) {
  Failed = true;
  if (Reported >= MaxErrors) {
    appendError(Errors, Reported, InputError{std::string(File), 0, 0, {}});
    return;
  }
  std::string Path = W.str();
  std::string Text = Path.empty() ? Message : Path + ": " + Message;
  if (std::optional<std::size_t> Offset = locateValue(this->Text, W.steps())) {
    appendError(Errors, Reported,
                errorAt(this->Text, File, *Offset, std::move(Text)));
    return;
  }
  InputError E;
  E.File = std::string(File);
  E.Message = std::move(Text);
  appendError(Errors, Reported, std::move(E));
}

void DocumentReader::typeError(const json &J, const Where &W,
                               const char *Wanted) {
  error(W, std::string("must be ") + Wanted + ", not " + describeJsonType(J));
}

bool DocumentReader::expectObject(const json &J, const Where &W) {
  if (J.is_object())
    return true;
  typeError(J, W, "an object");
  return false;
}

const json *DocumentReader::member(const json &Obj, const Where &W,
                                   const char *Key) {
  auto It = Obj.find(Key);
  if (It != Obj.end())
    return &*It;
  error(W, std::string("missing key '") + Key + "'");
  return nullptr;
}

const json *DocumentReader::object(const json &Obj, const Where &W,
                                   const char *Key) {
  const json *J = member(Obj, W, Key);
  if (J && !expectObject(*J, W.key(Key)))
    return nullptr;
  return J;
}

const json *DocumentReader::array(const json &Obj, const Where &W,
                                  const char *Key) {
  const json *J = member(Obj, W, Key);
  if (J && !J->is_array()) {
    typeError(*J, W.key(Key), "an array");
    return nullptr;
  }
  return J;
}

const json *DocumentReader::nonEmptyArray(const json &Obj, const Where &W,
                                          const char *Key,
                                          const char *IfEmpty) {
  const json *J = array(Obj, W, Key);
  if (J && J->empty()) {
    error(W.key(Key), IfEmpty);
    return nullptr;
  }
  return J;
}

const std::string *DocumentReader::string(const json &Obj, const Where &W,
                                          const char *Key, bool NonEmpty) {
  const json *J = member(Obj, W, Key);
  if (!J)
    return nullptr;
  if (!J->is_string()) {
    typeError(*J, W.key(Key), NonEmpty ? "a non-empty string" : "a string");
    return nullptr;
  }
  const std::string &S = J->get_ref<const std::string &>();
  if (NonEmpty && S.empty()) {
    error(W.key(Key), "must not be empty");
    return nullptr;
  }
  return &S;
}

bool DocumentReader::optionalString(const json &Obj, const Where &W,
                                    const char *Key, std::string &Out) {
  const json *J = member(Obj, W, Key);
  if (!J)
    return false;
  if (J->is_null()) {
    Out.clear();
    return true;
  }
  if (!J->is_string()) {
    typeError(*J, W.key(Key), "a string or null");
    return false;
  }
  Out = J->get<std::string>();
  return true;
}

std::optional<bool> DocumentReader::boolean(const json &Obj, const Where &W,
                                            const char *Key) {
  const json *J = member(Obj, W, Key);
  if (!J)
    return std::nullopt;
  if (!J->is_boolean()) {
    typeError(*J, W.key(Key), "true or false");
    return std::nullopt;
  }
  return J->get<bool>();
}

std::optional<double> DocumentReader::number(const json &Obj, const Where &W,
                                             const char *Key) {
  const json *J = member(Obj, W, Key);
  if (!J)
    return std::nullopt;
  if (!J->is_number()) {
    typeError(*J, W.key(Key), "a number");
    return std::nullopt;
  }
  double X = J->get<double>();
  if (!std::isfinite(X)) {
    error(W.key(Key), "must be a finite number");
    return std::nullopt;
  }
  return X;
}
