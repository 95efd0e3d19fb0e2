//===- CppText.cpp - Guideline text inside C++ source ---------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "cpp/CppText.h"

#include "llvm/ADT/StringExtras.h"

#include <cassert>
#include <charconv>
#include <cmath>

using namespace pathwayc;
using namespace pathwayc::cpp;

std::string cpp::cppStringLiteral(llvm::StringRef Bytes) {
  std::string Out = "\"";
  char Previous = '\0';
  for (char C : Bytes) {
    auto Byte = static_cast<unsigned char>(C);
    switch (C) {
    case '"': Out += "\\\""; break;
    case '\\': Out += "\\\\"; break;
    case '\n': Out += "\\n"; break;
    case '\t': Out += "\\t"; break;
    case '?': Out += Previous == '?' ? "\\?" : "?"; break;
    default:
      if (Byte >= 0x20 && Byte < 0x7f) {
        Out += C;
      } else {
        Out += '\\';
        Out += static_cast<char>('0' + (Byte >> 6));
        Out += static_cast<char>('0' + ((Byte >> 3) & 7));
        Out += static_cast<char>('0' + (Byte & 7));
      }
    }
    Previous = C;
  }
  Out += '"';
  return Out;
}

std::string cpp::cppCommentText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    auto Byte = static_cast<unsigned char>(C);
    bool IsSpace = Byte < 0x20 || Byte == 0x7f || C == ' ';
    if (IsSpace) {
      if (!Out.empty() && Out.back() != ' ')
        Out += ' ';
      continue;
    }
    // No trigraph either: `??/` at the end of a line would splice it.
    if (C == '?' && !Out.empty() && Out.back() == '?')
      Out += ' ';
    Out += C;
  }
  while (!Out.empty() && Out.back() == ' ')
    Out.pop_back();
  if (!Out.empty() && Out.back() == '\\')
    Out += '.';
  return Out;
}

std::string cpp::cppDouble(double X) {
  assert(!std::isnan(X) && "the IR holds no NaN");
  if (std::isinf(X))
    return X > 0 ? "pathwayc::runtime::Infinity"
                 : "-pathwayc::runtime::Infinity";
  char Buffer[64];
  std::to_chars_result Printed =
      std::to_chars(Buffer, Buffer + sizeof(Buffer), X);
  assert(Printed.ec == std::errc() && "a double fits in 64 characters");
  std::string Text(Buffer, Printed.ptr);
  if (Text.find_first_of(".e") == std::string::npos)
    Text += ".0";
  return Text;
}
