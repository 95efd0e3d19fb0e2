//===- ASTPrinter.h - A stable textual dump of the AST ----------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Prints the AST one node a line, indented by depth, with each node's source
/// range as <line:col-line:col>. The format is stable: parser tests compare
/// it verbatim, and `pathwayc check --dump-ast` shows it to authors.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_AST_ASTPRINTER_H
#define PATHWAYC_AST_ASTPRINTER_H

namespace llvm {
class raw_ostream;
}

namespace pathwayc {

class SourceManager;
struct Pathway;
class Expr;

/// Prints \p P; ranges are omitted when \p SM is null.
void printAST(llvm::raw_ostream &OS, const Pathway &P, const SourceManager *SM);
/// Prints \p E as a one-line expression in the language's own syntax: fully
/// parenthesised for dumps and tests, or with only the parentheses that
/// precedence needs, for labels people read.
enum class Parens { All, Minimal };
void printExpr(llvm::raw_ostream &OS, const Expr &E, Parens P = Parens::All);

} // namespace pathwayc

#endif // PATHWAYC_AST_ASTPRINTER_H
