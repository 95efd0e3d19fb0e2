//===- DocumentReader.h - Typed, located access to a JSON DOM ---*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Reading keys of a parsed document with their types checked, reporting
/// each problem once with the place it is at: "FILE:LINE:COL: error:
/// nodes[3].kind: must be a string, not a number". A Where names a value by
/// its path from the root; it lives on the stack while the reader descends
/// and is turned into a position (JsonText.h) only when there is an error.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_INTERPRETER_DOCUMENTREADER_H
#define PATHWAYC_INTERPRETER_DOCUMENTREADER_H

#include "JsonText.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathwayc::runtime::detail {

/// The path of a value from the document's root.
class Where {
public:
  static Where root() { return Where(nullptr, {}, 0, false); }
  /// The member \p Key of this object. The result refers to this Where,
  /// which must outlive it.
  Where key(std::string_view Key) const { return Where(this, Key, 0, false); }
  /// The element \p Index of this array.
  Where at(std::size_t Index) const { return Where(this, {}, Index, true); }

  /// "nodes[3].kind", or "" for the root.
  std::string str() const;
  std::vector<PathStep> steps() const;

private:
  Where(const Where *Parent, std::string_view Key, std::size_t Index,
        bool IsIndex)
      : Parent(Parent), Key(Key), Index(Index), IsIndex(IsIndex) {}

  const Where *Parent;
  std::string_view Key;
  std::size_t Index;
  bool IsIndex;
};

class DocumentReader {
public:
  DocumentReader(std::string_view Text, std::string_view File,
                 std::vector<InputError> &Errors)
      : Text(Text), File(File), Errors(Errors) {}

  /// Reports \p Message at the value \p W names, prefixed with its path.
  void error(const Where &W, const std::string &Message);
  bool hasErrors() const { return Failed; }

  // Each getter reads the member Key of the object Obj (at W) and reports a
  // missing key or a wrong type, returning null or nullopt.

  const nlohmann::json *member(const nlohmann::json &Obj, const Where &W,
                               const char *Key);
  const nlohmann::json *object(const nlohmann::json &Obj, const Where &W,
                               const char *Key);
  const nlohmann::json *array(const nlohmann::json &Obj, const Where &W,
                              const char *Key);
  /// An array with at least one element; \p IfEmpty is the error if not.
  const nlohmann::json *nonEmptyArray(const nlohmann::json &Obj, const Where &W,
                                      const char *Key, const char *IfEmpty);
  /// A string; when \p NonEmpty, also not "".
  const std::string *string(const nlohmann::json &Obj, const Where &W,
                            const char *Key, bool NonEmpty = false);
  /// A string or null (returned as ""); false after an error.
  bool optionalString(const nlohmann::json &Obj, const Where &W,
                      const char *Key, std::string &Out);
  std::optional<bool> boolean(const nlohmann::json &Obj, const Where &W,
                              const char *Key);
  std::optional<double> number(const nlohmann::json &Obj, const Where &W,
                               const char *Key);

  /// Whether \p J (at W) is an object, reporting it when not.
  bool expectObject(const nlohmann::json &J, const Where &W);

  /// Calls \p Visit(Element, ElementWhere) for each element of the array
  /// \p Arr (at W) that is an object, reporting those that are not.
  template <typename Fn>
  void forEachObject(const nlohmann::json &Arr, const Where &W, Fn Visit) {
    for (std::size_t I = 0; I != Arr.size(); ++I) {
      Where Element = W.at(I);
      if (expectObject(Arr[I], Element))
        Visit(Arr[I], Element);
    }
  }

private:
  void typeError(const nlohmann::json &J, const Where &W, const char *Wanted);

  std::string_view Text;
  std::string_view File;
  std::vector<InputError> &Errors;
  std::size_t Reported = 0;
  bool Failed = false;
};

} // namespace pathwayc::runtime::detail

#endif // PATHWAYC_INTERPRETER_DOCUMENTREADER_H
