//===- CodeWriter.h - Templates with named variables and indent -*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// How the C++ target writes code: a template with `$name$` variables,
///
///   W.print("std::optional<$type$> $field$;\n",
///           {{"type", "double"}, {"field", FieldName}});
///
/// indented by the enclosing `CodeWriter::Indent` scopes, so that no emitter
/// code concatenates strings or counts spaces. `$$` prints a dollar sign. A
/// variable the call does not define is a bug in the emitter, not in the
/// guideline, so it asserts; in a release build it is printed as written so
/// that the mistake shows in the output instead of vanishing. Blank lines
/// are never indented, so generated files have no trailing spaces.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_CPP_CODEWRITER_H
#define PATHWAYC_TARGETS_CPP_CODEWRITER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>

namespace llvm {
class raw_ostream;
}

namespace pathwayc::cpp {

/// A template variable: its name and its text.
using TemplateVar = std::pair<llvm::StringRef, llvm::StringRef>;

class CodeWriter {
public:
  explicit CodeWriter(llvm::raw_ostream &OS) : OS(OS) {}

  /// Prints \p Template with its `$name$` variables replaced from \p Vars.
  void print(llvm::StringRef Template, llvm::ArrayRef<TemplateVar> Vars = {});

  /// Indents everything printed while it lives by one more level.
  class Indent {
  public:
    explicit Indent(CodeWriter &W) : W(W) { ++W.Level; }
    ~Indent() { --W.Level; }
    Indent(const Indent &) = delete;
    Indent &operator=(const Indent &) = delete;

  private:
    CodeWriter &W;
  };

private:
  void write(llvm::StringRef Text);

  llvm::raw_ostream &OS;
  unsigned Level = 0;
  bool AtLineStart = true;
};

} // namespace pathwayc::cpp

#endif // PATHWAYC_TARGETS_CPP_CODEWRITER_H
