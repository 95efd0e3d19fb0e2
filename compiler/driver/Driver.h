//===- Driver.h - Running the compiler's stages over files ------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The sequence every client runs (the command line, the tests): load a file
/// into the source manager, parse it, analyse it. Each stage reports to the
/// same diagnostics engine; nothing here prints or exits.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_DRIVER_DRIVER_H
#define PATHWAYC_DRIVER_DRIVER_H

#include "diag/SourceLocation.h"
#include "ir/Module.h"
#include "verify/Verifier.h"

#include "llvm/ADT/StringRef.h"

#include <memory>

namespace pathwayc {

class DiagnosticsEngine;
struct Pathway;

/// Loads \p Path into the engine's source manager, reporting a missing,
/// unreadable or oversized file, or a directory. Returns 0 on failure.
BufferID loadPathwayFile(llvm::StringRef Path, DiagnosticsEngine &Diags);

/// Parses and analyses one buffer. Returns the AST, even when it has errors
/// (nodes with errors are marked Invalid), or null when nothing could be
/// parsed.
std::unique_ptr<Pathway> checkPathway(BufferID Buffer,
                                      DiagnosticsEngine &Diags);

/// A pathway taken as far as it goes: its AST, and when that checked
/// without errors, its decision graph and what the verifier established.
struct CompiledPathway {
  std::unique_ptr<Pathway> AST;
  std::unique_ptr<ir::Module> Graph;
  verify::VerificationReport Report;
};

/// Parses, analyses, and — only for a pathway without errors, since the
/// verifier proves things about what the author meant, not about a broken
/// text — lowers to the decision graph and verifies it.
CompiledPathway compilePathway(BufferID Buffer, DiagnosticsEngine &Diags,
                               const PipelineOptions &Verifier);

} // namespace pathwayc

#endif // PATHWAYC_DRIVER_DRIVER_H
