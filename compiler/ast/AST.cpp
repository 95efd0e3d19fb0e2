//===- AST.cpp - The pathway abstract syntax tree -------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "ast/AST.h"

#include "llvm/Support/ErrorHandling.h"

using namespace pathwayc;

llvm::StringRef pathwayc::getSpelling(CompareOp Op) {
  switch (Op) {
  case CompareOp::Less: return "<";
  case CompareOp::LessEqual: return "<=";
  case CompareOp::Greater: return ">";
  case CompareOp::GreaterEqual: return ">=";
  case CompareOp::Equal: return "==";
  case CompareOp::NotEqual: return "!=";
  }
  llvm_unreachable("unknown comparison");
}

llvm::StringRef pathwayc::getDeclKindName(Decl::DeclKind Kind) {
  switch (Kind) {
  case Decl::DeclKind::Source: return "source";
  case Decl::DeclKind::Input: return "input";
  case Decl::DeclKind::RedFlag: return "red flag";
  case Decl::DeclKind::Diagnosis: return "diagnosis";
  case Decl::DeclKind::Exam: return "exam";
  case Decl::DeclKind::Procedure: return "procedure";
  case Decl::DeclKind::Step: return "step";
  case Decl::DeclKind::Outcome: return "outcome";
  }
  llvm_unreachable("unknown declaration kind");
}

llvm::StringRef pathwayc::getMetadataKeyName(Metadata::MetadataKey Key) {
  switch (Key) {
  case Metadata::MetadataKey::Title: return "title";
  case Metadata::MetadataKey::Version: return "version";
  case Metadata::MetadataKey::Population: return "population";
  case Metadata::MetadataKey::Summary: return "summary";
  }
  llvm_unreachable("unknown metadata key");
}

llvm::StringRef Pathway::getMetadata(Metadata::MetadataKey Key) const {
  for (const Metadata &M : Meta)
    if (M.Key == Key)
      return M.Value.Value;
  return "";
}
