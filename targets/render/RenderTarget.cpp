//===- RenderTarget.cpp - Diagrams rendered by Graphviz -------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// `dot` reads the diagram on stdin from a temporary file and writes the
// rendering and its errors to two more, all under the system's temporary
// directory and removed whatever happens; the output directory is touched
// only by the driver, once every target has succeeded.
//
//===----------------------------------------------------------------------===//

#include "render/RenderTarget.h"

#include "diag/Diagnostic.h"
#include "dot/DotTarget.h"
#include "ir/Module.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

using namespace pathwayc;

namespace {

/// How long `dot` may take on one diagram before it counts as failed; the
/// shipped guidelines take well under a second.
constexpr unsigned RenderTimeoutSeconds = 120;

llvm::Error makeError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// A file under the system's temporary directory, removed with the object.
class ScratchFile {
public:
  /// Creates the file with \p Contents; \p Suffix is its extension.
  llvm::Error create(llvm::StringRef Suffix, llvm::StringRef Contents = "") {
    int FD;
    if (std::error_code EC = llvm::sys::fs::createTemporaryFile(
            "pathwayc-render", Suffix, FD, Path))
      return makeError("cannot create a temporary file for Graphviz: " +
                       EC.message());
    Remover.setFile(Path);
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      return makeError("cannot write the temporary file '" + Path + "'");
    }
    return llvm::Error::success();
  }
  llvm::StringRef path() const { return Path; }
  /// The file's bytes; empty if it cannot be read.
  std::string read() const {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  }

private:
  llvm::SmallString<128> Path;
  llvm::FileRemover Remover;
};

/// \p Diagram, the pathway \p Name's, rendered by `dot -T<Format>`; on
/// failure, reports why to \p Diags and returns nothing.
std::optional<std::string> render(llvm::StringRef Diagram,
                                  llvm::StringRef Format, llvm::StringRef Name,
                                  DiagnosticsEngine &Diags) {
  llvm::ErrorOr<std::string> Dot = llvm::sys::findProgramByName("dot");
  if (!Dot) {
    Diags.report(SourceRange(), diag::err_render_tool_missing) << Format;
    return std::nullopt;
  }

  ScratchFile In, Out, Err;
  auto Failed = [&](llvm::Error E) {
    if (!E)
      return false;
    Diags.report(SourceRange(), diag::err_render_failed)
        << *Dot << Name << Format << llvm::toString(std::move(E));
    return true;
  };
  if (Failed(In.create("dot", Diagram)) || Failed(Out.create(Format)) ||
      Failed(Err.create("err")))
    return std::nullopt;

  std::string TypeFlag = ("-T" + Format).str();
  llvm::StringRef Args[] = {*Dot, TypeFlag};
  llvm::Optional<llvm::StringRef> Redirects[] = {In.path(), Out.path(),
                                                 Err.path()};
  std::string RunError;
  int Status = llvm::sys::ExecuteAndWait(*Dot, Args, /*Env=*/llvm::None,
                                         Redirects, RenderTimeoutSeconds,
                                         /*MemoryLimit=*/0, &RunError);
  if (Status != 0) {
    // A negative status means dot did not run, crashed or timed out, and
    // RunError says which.
    std::string Why =
        Status > 0 ? "exit status " + std::to_string(Status) : RunError;
    std::string Stderr = llvm::StringRef(Err.read()).trim().str();
    Diags.report(SourceRange(), diag::err_render_failed)
        << *Dot << Name << Format
        << (Stderr.empty() ? Why : Why + "\n" + Stderr);
    return std::nullopt;
  }
  return Out.read();
}

/// The svg and png targets: the dot target's diagram, rendered.
class RenderEmitter : public Emitter {
public:
  RenderEmitter(llvm::StringRef Format, llvm::StringRef Description)
      : Format(Format), Description(Description) {}

  llvm::StringRef getName() const override { return Format; }
  llvm::StringRef getDescription() const override { return Description; }

  bool emit(const EmitRequest &Request, OutputContext &Out,
            DiagnosticsEngine &Diags) override {
    // The dot target parses the options (so both accept the same ones) and
    // draws the highlight.
    MemoryOutputContext Diagrams;
    if (!createDotEmitter()->emit(Request, Diagrams, Diags))
      return false;
    for (const auto &[DotPath, Diagram] : Diagrams.getFiles()) {
      std::optional<std::string> Rendered =
          render(Diagram, Format, Request.Graph.Name, Diags);
      if (!Rendered)
        return false;
      llvm::SmallString<64> Path(DotPath);
      llvm::sys::path::replace_extension(Path, Format,
                                         llvm::sys::path::Style::posix);
      Out.open(Path) << *Rendered;
    }
    return true;
  }

private:
  llvm::StringRef Format;
  llvm::StringRef Description;
};

} // namespace

std::unique_ptr<Emitter> pathwayc::createSvgEmitter() {
  return std::make_unique<RenderEmitter>(
      "svg", "the Graphviz diagram rendered as SVG by Graphviz's dot "
             "(<pathway>.svg; notes show as tooltips in a browser)");
}

std::unique_ptr<Emitter> pathwayc::createPngEmitter() {
  return std::make_unique<RenderEmitter>(
      "png", "the Graphviz diagram rendered as PNG by Graphviz's dot "
             "(<pathway>.png)");
}
