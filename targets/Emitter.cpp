//===- Emitter.cpp - The interface every target implements ----------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "Emitter.h"

#include "diag/Diagnostic.h"
#include "ir/Module.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cassert>

using namespace pathwayc;

struct MemoryOutputContext::File {
  std::string Contents;
  llvm::raw_string_ostream Stream{Contents};
};

MemoryOutputContext::MemoryOutputContext() = default;
MemoryOutputContext::~MemoryOutputContext() = default;

llvm::raw_ostream &MemoryOutputContext::open(llvm::StringRef RelativePath) {
  auto [It, Inserted] =
      Files.try_emplace(RelativePath, std::make_unique<File>());
  assert(Inserted && "an emitter opened the same file twice");
  (void)Inserted;
  return It->second->Stream;
}

std::vector<std::pair<std::string, std::string>>
MemoryOutputContext::getFiles() const {
  std::vector<std::pair<std::string, std::string>> Result;
  for (const auto &Entry : Files) {
    Entry.second->Stream.flush();
    Result.emplace_back(Entry.first().str(), Entry.second->Contents);
  }
  std::sort(Result.begin(), Result.end());
  return Result;
}

const std::string *
MemoryOutputContext::getFile(llvm::StringRef RelativePath) const {
  auto It = Files.find(RelativePath);
  if (It == Files.end())
    return nullptr;
  It->second->Stream.flush();
  return &It->second->Contents;
}

bool pathwayc::parseTargetOptions(
    llvm::StringRef Parameter, llvm::StringRef Target, DiagnosticsEngine &Diags,
    llvm::function_ref<bool(llvm::StringRef Item)> Accept) {
  llvm::SmallVector<llvm::StringRef, 4> Items;
  Parameter.split(Items, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  bool Valid = true;
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || Accept(Item))
      continue;
    Diags.report(SourceRange(), diag::err_unknown_target_option)
        << Item << Target;
    Valid = false;
  }
  return Valid;
}

std::string pathwayc::sha256Hex(llvm::StringRef Bytes) {
  std::array<uint8_t, 32> Hash = llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(Bytes.data()), Bytes.size()));
  return llvm::toHex(Hash, /*LowerCase=*/true);
}

std::string EmitRequest::getOutputName() const {
  return OutputName.empty() ? Graph.Name : OutputName;
}
