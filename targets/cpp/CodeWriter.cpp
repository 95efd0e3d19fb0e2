//===- CodeWriter.cpp - Templates with named variables and indent ---------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "cpp/CodeWriter.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

#include <cassert>

using namespace pathwayc;
using namespace pathwayc::cpp;

/// Two spaces a level, as the rest of the project's C++.
static constexpr unsigned IndentWidth = 2;

void CodeWriter::write(llvm::StringRef Text) {
  while (!Text.empty()) {
    size_t LineEnd = Text.find('\n');
    llvm::StringRef Line = Text.substr(0, LineEnd);
    if (!Line.empty()) {
      if (AtLineStart)
        OS.indent(Level * IndentWidth);
      OS << Line;
      AtLineStart = false;
    }
    if (LineEnd == llvm::StringRef::npos)
      return;
    OS << '\n';
    AtLineStart = true;
    Text = Text.drop_front(LineEnd + 1);
  }
}

void CodeWriter::print(llvm::StringRef Template,
                       llvm::ArrayRef<TemplateVar> Vars) {
  while (!Template.empty()) {
    size_t Dollar = Template.find('$');
    write(Template.substr(0, Dollar));
    if (Dollar == llvm::StringRef::npos)
      return;
    size_t Close = Template.find('$', Dollar + 1);
    assert(Close != llvm::StringRef::npos && "unterminated $variable$");
    if (Close == llvm::StringRef::npos) {
      write(Template.drop_front(Dollar));
      return;
    }
    llvm::StringRef Name = Template.slice(Dollar + 1, Close);
    Template = Template.drop_front(Close + 1);
    if (Name.empty()) {
      write("$");
      continue;
    }
    const TemplateVar *Var = nullptr;
    for (const TemplateVar &Candidate : Vars)
      if (Candidate.first == Name)
        Var = &Candidate;
    assert(Var && "template variable not defined");
    if (!Var) {
      write((llvm::Twine("$") + Name + "$").str());
      continue;
    }
    write(Var->second);
  }
}
