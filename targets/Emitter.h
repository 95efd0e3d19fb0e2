//===- Emitter.h - The interface every target implements --------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A target turns a verified decision graph into files. Every target
/// implements Emitter, lives in its own folder under targets/, exposes only a
/// factory in its header (`std::unique_ptr<Emitter> createJsonEmitter();`),
/// and is registered in one table in the driver.
///
/// Emitters read only the IR (never the AST or the text) and never touch the
/// filesystem: they write through an OutputContext the driver supplies,
/// which writes files only once every target has succeeded, so an error
/// never leaves partial output behind.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_EMITTER_H
#define PATHWAYC_TARGETS_EMITTER_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class DiagnosticsEngine;

namespace ir {
class Module;
}

/// Where emitters write. Paths are relative to the output directory and
/// use '/'.
class OutputContext {
public:
  virtual ~OutputContext() = default;
  /// A stream for the file at \p RelativePath; opening a path twice is a
  /// programming error.
  virtual llvm::raw_ostream &open(llvm::StringRef RelativePath) = 0;
};

/// Keeps every file in memory: the driver's staging area and the tests'
/// output context.
class MemoryOutputContext : public OutputContext {
public:
  MemoryOutputContext();
  ~MemoryOutputContext() override;
  llvm::raw_ostream &open(llvm::StringRef RelativePath) override;
  /// The files written so far, by path, in path order.
  std::vector<std::pair<std::string, std::string>> getFiles() const;
  /// The contents of \p RelativePath, or null if it was not written.
  const std::string *getFile(llvm::StringRef RelativePath) const;

private:
  struct File;
  llvm::StringMap<std::unique_ptr<File>> Files;
};

/// What every artifact records about where it came from.
struct Provenance {
  std::string CompilerVersion;
  /// The source file as named on the command line (relative paths stay
  /// relative, so that output does not depend on the build directory).
  std::string SourceFile;
  /// Lower-case hex SHA-256 of the source file's bytes.
  std::string SourceSha256;
  /// The verification passes that ran and found no error, in order.
  std::vector<std::string> PassedChecks;
};

/// Splits a target's option string at commas and hands each item to
/// \p Accept, reporting every item it refuses (PW0008) as an option
/// \p Target does not know. Returns false if any was refused.
bool parseTargetOptions(llvm::StringRef Parameter, llvm::StringRef Target,
                        DiagnosticsEngine &Diags,
                        llvm::function_ref<bool(llvm::StringRef Item)> Accept);

/// Lower-case hex SHA-256 of \p Bytes.
std::string sha256Hex(llvm::StringRef Bytes);

struct EmitRequest {
  const ir::Module &Graph;
  Provenance Origin;
  /// The target's own options, from `--<target>_opt=...`; each target
  /// parses its own and reports what it does not understand.
  std::string Parameter;
  /// Node ids of a verifier witness path to draw highlighted (targets that
  /// draw the graph honour it; others ignore it).
  std::vector<std::string> Highlight;
  /// What every file written for the pathway is named, before its
  /// extension, when not the pathway's name: its source file's stem under
  /// `--name-after-file`.
  std::string OutputName;

  /// OutputName, or the pathway's name when it is empty.
  std::string getOutputName() const;
};

class Emitter {
public:
  virtual ~Emitter() = default;
  /// The name on the command line: `--emit json`.
  virtual llvm::StringRef getName() const = 0;
  /// One line for `--help`.
  virtual llvm::StringRef getDescription() const = 0;
  /// Writes the target's files for one pathway. Returns false after
  /// reporting an error (an unknown option, say) to \p Diags.
  virtual bool emit(const EmitRequest &Request, OutputContext &Out,
                    DiagnosticsEngine &Diags) = 0;
};

} // namespace pathwayc

#endif // PATHWAYC_TARGETS_EMITTER_H
