//===- TextChecks.cpp - Checks on raw guideline bytes ---------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "frontend/TextChecks.h"

#include "diag/Diagnostic.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace pathwayc;

namespace {
/// The length of the well-formed UTF-8 sequence at \p I, or 0 if it is not
/// one (overlong forms, surrogates and code points past U+10FFFF included).
unsigned utf8SequenceLength(llvm::StringRef Text, size_t I) {
  const auto *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.data() + I);
  unsigned Length = llvm::getNumBytesForUTF8(*Begin);
  if (I + Length > Text.size())
    return 0;
  return llvm::isLegalUTF8Sequence(Begin, Begin + Length) ? Length : 0;
}
} // namespace

bool pathwayc::checkSourceText(BufferID Buffer, llvm::StringRef Text,
                               DiagnosticsEngine &Diags) {
  if (Text.find_first_not_of(" \t\r\n\f") == llvm::StringRef::npos) {
    Diags.report(SourceLocation(Buffer, 0), diag::err_empty_file);
    return false;
  }
  size_t Nul = Text.find('\0');
  if (Nul != llvm::StringRef::npos) {
    Diags.report(SourceLocation(Buffer, static_cast<uint32_t>(Nul)),
                 diag::err_binary_file);
    return false;
  }
  for (size_t I = 0; I < Text.size();) {
    if (static_cast<unsigned char>(Text[I]) < 0x80) {
      ++I;
      continue;
    }
    unsigned Length = utf8SequenceLength(Text, I);
    if (Length == 0) {
      std::string Hex;
      llvm::raw_string_ostream(Hex)
          << llvm::format_hex_no_prefix(static_cast<unsigned char>(Text[I]), 2,
                                        /*Upper=*/true);
      Diags.report(SourceLocation(Buffer, static_cast<uint32_t>(I)),
                   diag::err_invalid_utf8)
          << Hex;
      return false;
    }
    I += Length;
  }
  return true;
}

CodePointMap::CodePointMap(llvm::StringRef Text) {
  bool Ascii = llvm::all_of(
      Text, [](char C) { return static_cast<unsigned char>(C) < 0x80; });
  if (Ascii)
    return;
  ByteOffsets.reserve(Text.size() + 1);
  for (size_t I = 0; I < Text.size();) {
    ByteOffsets.push_back(static_cast<uint32_t>(I));
    unsigned Length = utf8SequenceLength(Text, I);
    I += Length ? Length : 1;
  }
  ByteOffsets.push_back(static_cast<uint32_t>(Text.size()));
}
