//===- Namer.cpp - C++ identifiers for the names of a pathway -------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "cpp/Namer.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <iterator>

using namespace pathwayc;
using namespace pathwayc::cpp;

/// C++17's keywords and alternative tokens, C++20's new keywords (generated
/// code should survive a newer -std), and the macros that the standard
/// headers, glibc, and compilers in GNU mode define with names a guideline
/// might use. Sorted, for binary search.
static constexpr llvm::StringLiteral ReservedWords[] = {
    "EOF",
    "NULL",
    "alignas",
    "alignof",
    "and",
    "and_eq",
    "asm",
    "assert",
    "auto",
    "bitand",
    "bitor",
    "bool",
    "break",
    "case",
    "catch",
    "char",
    "char16_t",
    "char32_t",
    "char8_t",
    "class",
    "co_await",
    "co_return",
    "co_yield",
    "compl",
    "concept",
    "const",
    "const_cast",
    "consteval",
    "constexpr",
    "constinit",
    "continue",
    "decltype",
    "default",
    "delete",
    "do",
    "double",
    "dynamic_cast",
    "else",
    "enum",
    "errno",
    "explicit",
    "export",
    "extern",
    "false",
    "float",
    "for",
    "friend",
    "goto",
    "i386",
    "if",
    "inline",
    "int",
    "linux",
    "long",
    "major",
    "makedev",
    "minor",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "not_eq",
    "nullptr",
    "offsetof",
    "operator",
    "or",
    "or_eq",
    "private",
    "protected",
    "public",
    "register",
    "reinterpret_cast",
    "requires",
    "return",
    "setjmp",
    "short",
    "signed",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "stderr",
    "stdin",
    "stdout",
    "struct",
    "switch",
    "template",
    "this",
    "thread_local",
    "throw",
    "true",
    "try",
    "typedef",
    "typeid",
    "typename",
    "union",
    "unix",
    "unsigned",
    "using",
    "virtual",
    "void",
    "volatile",
    "wchar_t",
    "while",
    "xor",
    "xor_eq",
};

bool cpp::isReservedWord(llvm::StringRef Word) {
  assert(std::is_sorted(std::begin(ReservedWords), std::end(ReservedWords)) &&
         "ReservedWords must stay sorted");
  return std::binary_search(std::begin(ReservedWords), std::end(ReservedWords),
                            Word);
}

std::string cpp::makeIdentifier(llvm::StringRef Name, NameStyle Style) {
  // Letters, digits and single underscores; anything else is a separator.
  std::string Id;
  bool AtWordStart = true;
  for (char C : Name) {
    if (!llvm::isAlnum(C)) {
      if (Style == NameStyle::AsWritten && !Id.empty() && Id.back() != '_')
        Id += '_';
      AtWordStart = true;
      continue;
    }
    if (Style == NameStyle::UpperCamel && AtWordStart)
      C = llvm::toUpper(C);
    Id += C;
    AtWordStart = false;
  }
  // A trailing separator would make `a_` and `a` differ only there; and
  // an identifier that ends in an underscore is the keyword escape.
  while (!Id.empty() && Id.back() == '_')
    Id.pop_back();
  if (Id.empty() || llvm::isDigit(Id.front()))
    Id.insert(Id.begin(), Style == NameStyle::UpperCamel ? 'V' : 'v');
  if (isReservedWord(Id))
    Id += '_';
  return Id;
}

Namer::Namer(llvm::ArrayRef<llvm::StringRef> Taken) {
  for (llvm::StringRef Name : Taken)
    Used.insert(Name);
}

llvm::StringRef Namer::get(llvm::StringRef Name, NameStyle Style) {
  std::string Key = (llvm::Twine(static_cast<int>(Style)) + ":" + Name).str();
  auto Found = Assigned.find(Key);
  if (Found != Assigned.end())
    return Found->second;

  std::string Base = makeIdentifier(Name, Style);
  std::string Id = Base;
  // An escaped keyword already ends in an underscore; a second one would
  // make a reserved identifier.
  llvm::StringRef Separator = Base.back() == '_' ? "" : "_";
  for (unsigned Suffix = 2; Used.count(Id); ++Suffix)
    Id = Base + Separator.str() + std::to_string(Suffix);
  Used.insert(Id);
  return Assigned.try_emplace(Key, std::move(Id)).first->second;
}
