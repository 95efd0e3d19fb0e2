//===- CppTarget.h - The decision graph as C++ code -------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// The C++ target (`--emit cpp`) writes each pathway as a decision module:
/// `<pathway-name>.h` and `<pathway-name>.cpp`, in a namespace named after
/// the pathway, with an `Inputs` struct, `evaluate(const Inputs &)` and
/// `constexpr` tables of sources, procedures, diagnoses and exams. The code
/// implements docs/evaluation.md and depends only on the standard library
/// and the headers in runtime/; docs/targets/cpp.md is its manual.
///
/// Options (`--cpp_opt=...`, comma-separated): `namespace=a::b` puts the
/// module in that namespace instead of one named after the pathway.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_TARGETS_CPP_CPPTARGET_H
#define PATHWAYC_TARGETS_CPP_CPPTARGET_H

#include "Emitter.h"

#include <memory>

namespace pathwayc {

std::unique_ptr<Emitter> createCppEmitter();

} // namespace pathwayc

#endif // PATHWAYC_TARGETS_CPP_CPPTARGET_H
