//===- Interpreter.h - Evaluating a JSON decision graph ---------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The interpreter: loads the document the JSON target writes
/// (docs/targets/json.md) into a Program and evaluates patient cases on it
/// exactly as docs/evaluation.md says, giving the same Result, trace
/// included, as the generated C++ does.
///
///   std::vector<InputError> Errors;
///   auto P = Program::load(Text, "acr.json", Errors);
///   if (!P) { for (auto &E : Errors) std::cerr << formatInputError(E) << '\n';
///   } Case C(*P); C.setBool("intra_articular_confirmed", true);
///   C.setNumber("relief", 80);
///   Result R = P->evaluate(C); // R's views point into *P
///
/// Loading checks the whole document and compiles every guard into a flat,
/// index-based form and every trace entry into a constant, so evaluate()
/// reads no JSON, looks up no names and allocates only the Result's vectors.
/// The case file format and `pathwayc eval` are described in
/// docs/interpreter.md.
///
/// This header depends only on the C++17 standard library and the other
/// runtime headers.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_RUNTIME_INTERPRETER_H
#define PATHWAYC_RUNTIME_INTERPRETER_H

#include "pathwayc/Result.h"
#include "pathwayc/Span.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathwayc::runtime {

/// A problem in a document the user gave: 1-based line and column (0 when
/// not known).
struct InputError {
  std::string File;
  unsigned Line = 0;
  /// Counts bytes from 1, as compiler diagnostics do.
  unsigned Column = 0;
  std::string Message;
};

/// "FILE:LINE:COL: error: MESSAGE" (LINE/COL omitted when 0), clang style.
std::string formatInputError(const InputError &E);

/// Documents (graphs and case files) larger than this are refused unread.
inline constexpr std::size_t MaxDocumentBytes = std::size_t(64) << 20;

/// What a case can give a variable.
enum class VariableKind {
  Bool,    ///< A bool input: true or false.
  Number,  ///< A number input, in its declared unit.
  Enum,    ///< An input with a list of values: one of them.
  Finding, ///< An exam's finding: positive (true) or negative (false).
};

/// A variable a case can set, as the document declares it.
struct VariableInfo {
  std::string_view Name;
  VariableKind Kind = VariableKind::Bool;
  /// Number: the declared domain, in Unit. A value outside it makes
  /// evaluate() report Status::InvalidInput.
  double Low = 0;
  double High = 0;
  bool LowOpen = false;
  bool HighOpen = false;
  /// Number: "percent", "months", ..., or empty for a plain number.
  std::string_view Unit;
  /// Enum: the values in declaration order.
  Span<std::string_view> Values;
  /// Empty when the document gives none.
  std::string_view Description;

  /// Number: whether \p X lies in the domain (false for NaN).
  bool inDomain(double X) const {
    return (LowOpen ? Low < X : Low <= X) && (HighOpen ? X < High : X <= High);
  }
};

class Case;

namespace detail {
struct ProgramData;
} // namespace detail

/// A loaded decision graph. Immutable after loading, so one Program can
/// evaluate cases on many threads at once.
class Program {
public:
  /// Loads a JSON target document (format "pathwayc-graph", formatVersion
  /// 1). On any problem returns null and appends located errors; never
  /// crashes or asserts on bad documents.
  static std::unique_ptr<Program> load(std::string_view JsonText,
                                       std::string_view FileName,
                                       std::vector<InputError> &Errors);
  ~Program();
  Program(const Program &) = delete;
  Program &operator=(const Program &) = delete;

  /// The pathway's name.
  std::string_view getName() const;
  std::string_view getTitle() const;

  /// Variables a case can set: inputs in declaration order, then exams.
  /// Index-based access for speed.
  std::size_t getNumVariables() const;
  /// \p Var must be below getNumVariables().
  const VariableInfo &getVariable(std::size_t Var) const;
  std::optional<std::size_t> findVariable(std::string_view Name) const;

  /// Evaluates per docs/evaluation.md. \p C must have been made for this
  /// Program. The Result's views point into this Program, which must
  /// outlive it.
  Result evaluate(const Case &C) const;

  /// The internals, for the interpreter's own translation units.
  const detail::ProgramData &getData() const { return *Data; }

private:
  explicit Program(std::unique_ptr<detail::ProgramData> Data);
  std::unique_ptr<detail::ProgramData> Data;
};

/// The values a case gives to a Program's variables; everything starts
/// unknown. Setters return false, changing nothing, when the name or index
/// is unknown or the kind does not match.
class Case {
public:
  explicit Case(const Program &P);

  const Program &getProgram() const { return *P; }

  /// A bool input, or an exam finding (true = positive).
  bool setBool(std::size_t Var, bool Value);
  /// A number input. Out-of-domain values (NaN included) are allowed here:
  /// evaluate() then reports Status::InvalidInput.
  bool setNumber(std::size_t Var, double Value);
  /// An enum input, by value name.
  bool setEnum(std::size_t Var, std::string_view Value);
  bool setUnknown(std::size_t Var);

  bool setBool(std::string_view Name, bool Value);
  bool setNumber(std::string_view Name, double Value);
  bool setEnum(std::string_view Name, std::string_view Value);
  bool setUnknown(std::string_view Name);

  /// Whether the case gives \p Var a value (false for an index out of
  /// range).
  bool isKnown(std::size_t Var) const {
    return Var < Slots.size() && Slots[Var].Known;
  }

  /// Parses a case file (format in docs/interpreter.md); null + located
  /// errors on any problem.
  static std::optional<Case> parse(const Program &P, std::string_view JsonText,
                                   std::string_view FileName,
                                   std::vector<InputError> &Errors);

  /// One variable's value: a number, a bool as 0 or 1, or an enum value's
  /// index, kept in one flat record so evaluation reads it without
  /// branching on the kind.
  struct Slot {
    double Number = 0;
    std::uint32_t Index = 0;
    bool Known = false;
  };
  const std::vector<Slot> &getSlots() const { return Slots; }

private:
  const Program *P;
  std::vector<Slot> Slots;
};

/// The result as a JSON document: deterministic key order, every field of
/// Result, trace entries with node id, event, citations {source, quote},
/// notes {kind, text}. Indented by two spaces, ending in a newline.
std::string resultToJson(const Result &R);

} // namespace pathwayc::runtime

#endif // PATHWAYC_RUNTIME_INTERPRETER_H
