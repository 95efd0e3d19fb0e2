//===- InterpreterTestSupport.h - Loading programs in tests -----*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// What the interpreter's tests share: the JSON target's document of a
// pathway, compiled as `pathwayc compile --emit json` does, loaded into a
// Program that lives for the whole test run (results point into it), and
// short ways to set a case and to read a result's lists.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TESTS_INTERPRETERTESTSUPPORT_H
#define PATHWAYC_TESTS_INTERPRETERTESTSUPPORT_H

#include "EmitTestSupport.h"

#include "ast/AST.h"

#include "pathwayc/Interpreter.h"
#include "json/JsonTarget.h"

#include "gtest/gtest.h"

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace pathwayc::test {

/// The JSON document of the pathway at \p Relative (from the source
/// directory), compiled once per test run.
inline const std::string &jsonDocumentFor(const std::string &Relative) {
  static std::map<std::string, std::string> Documents;
  auto It = Documents.find(Relative);
  if (It != Documents.end())
    return It->second;
  auto E = emitFile(createJsonEmitter, sourcePath(Relative), Relative);
  EXPECT_TRUE(E->Succeeded) << E->diagnostics();
  return Documents[Relative] = E->text();
}

/// Every error of loading \p Document as \p Name, formatted, one a line;
/// "" when it loads.
inline std::string loadErrors(const std::string &Document,
                              const std::string &Name = "doc.json") {
  std::vector<runtime::InputError> Errors;
  auto P = runtime::Program::load(Document, Name, Errors);
  std::string Text;
  for (const runtime::InputError &E : Errors)
    Text += runtime::formatInputError(E) + "\n";
  EXPECT_EQ(P == nullptr, !Errors.empty())
      << "a program must load exactly when there is no error";
  return Text;
}

/// \p Document loaded, or a failed test and null.
inline std::unique_ptr<runtime::Program>
loadDocument(const std::string &Document,
             const std::string &Name = "doc.json") {
  std::vector<runtime::InputError> Errors;
  auto P = runtime::Program::load(Document, Name, Errors);
  for (const runtime::InputError &E : Errors)
    ADD_FAILURE() << runtime::formatInputError(E);
  return P;
}

/// The program of the pathway at \p Relative, loaded once per test run so
/// that results may point into it until the end.
inline const runtime::Program &programFor(const std::string &Relative) {
  static std::map<std::string, std::unique_ptr<runtime::Program>> Programs;
  std::unique_ptr<runtime::Program> &P = Programs[Relative];
  if (!P)
    P = loadDocument(jsonDocumentFor(Relative), Relative);
  if (!P) {
    ADD_FAILURE() << Relative << " did not load";
    std::abort();
  }
  return *P;
}

/// A value for one variable of a case: bool (inputs and findings), number,
/// the name of an enum value, or nullptr to make it unknown (as null does
/// in a case file).
using CaseValue = std::variant<bool, double, const char *, std::nullptr_t>;
using CaseValues = std::initializer_list<std::pair<const char *, CaseValue>>;

/// Sets each of \p Values in \p C; every one must set.
inline void setValues(runtime::Case &C, CaseValues Values) {
  for (const auto &[Name, Value] : Values) {
    bool Set = false;
    if (const bool *B = std::get_if<bool>(&Value))
      Set = C.setBool(Name, *B);
    else if (const double *X = std::get_if<double>(&Value))
      Set = C.setNumber(Name, *X);
    else if (const char *const *E = std::get_if<const char *>(&Value))
      Set = C.setEnum(Name, *E);
    else
      Set = C.setUnknown(Name);
    EXPECT_TRUE(Set) << "cannot set " << Name;
  }
}

/// A case of \p P with the given values.
inline runtime::Case makeCase(const runtime::Program &P, CaseValues Values) {
  runtime::Case C(P);
  setValues(C, Values);
  return C;
}

inline std::vector<std::string>
strings(const std::vector<std::string_view> &Items) {
  return {Items.begin(), Items.end()};
}

template <typename T> std::vector<T> toVector(runtime::Span<T> Items) {
  return {Items.begin(), Items.end()};
}

/// "node event" for each trace entry.
inline std::vector<std::string> traceSteps(const runtime::Result &R) {
  std::vector<std::string> Steps;
  for (const runtime::TraceEntry &E : R.Trace)
    Steps.push_back(std::string(E.NodeId) + " " + std::string(E.Event));
  return Steps;
}

} // namespace pathwayc::test

#endif // PATHWAYC_TESTS_INTERPRETERTESTSUPPORT_H
