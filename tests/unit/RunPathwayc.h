//===- RunPathwayc.h - Running the real binary in tests ---------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TESTS_RUNPATHWAYC_H
#define PATHWAYC_TESTS_RUNPATHWAYC_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace pathwayc::test {

struct RunResult {
  int ExitCode = -1;
  std::string Out;
  std::string Err;
};

inline std::string readWholeFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer ? (*Buffer)->getBuffer().str() : std::string();
}

/// Runs the pathwayc binary with \p Args, capturing both streams, in this
/// process's environment or, when given, in \p Env ("NAME=value" each).
inline RunResult
runPathwayc(const std::vector<std::string> &Args,
            llvm::Optional<llvm::ArrayRef<llvm::StringRef>> Env = llvm::None) {
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("pathwayc-test", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("pathwayc-test", "err", ErrPath);
  std::vector<llvm::StringRef> Argv = {PATHWAYC_BINARY};
  for (const std::string &A : Args)
    Argv.push_back(A);
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  RunResult R;
  R.ExitCode = llvm::sys::ExecuteAndWait(PATHWAYC_BINARY, Argv, Env, Redirects,
                                         /*SecondsToWait=*/120);
  R.Out = readWholeFile(OutPath);
  R.Err = readWholeFile(ErrPath);
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return R;
}

/// A file in a fresh temporary directory, removed with the object.
class TempFile {
public:
  TempFile(llvm::StringRef Name, llvm::StringRef Contents) {
    llvm::sys::fs::createUniqueDirectory("pathwayc-test", Dir);
    Path = Dir;
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    OS << Contents;
  }
  ~TempFile() {
    llvm::sys::fs::remove(Path);
    llvm::sys::fs::remove(Dir);
  }
  std::string path() const { return std::string(Path); }
  std::string dir() const { return std::string(Dir); }

private:
  llvm::SmallString<128> Dir;
  llvm::SmallString<128> Path;
};

} // namespace pathwayc::test

#endif // PATHWAYC_TESTS_RUNPATHWAYC_H
