//===- Guard.h - Conditions of the decision graph ---------------*- C++ -*-===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
///
/// \file
/// A guard is a condition over the pathway's variables in a normal form that
/// the verifier can decide exactly: and/or/not over atoms, each atom
/// constraining one variable to a set of values —
///
///   - a number or a probability: a union of intervals (`relief > 75 percent`
///     becomes `relief in (75, 100]` once the domain is known);
///   - a list of values: a subset of them;
///   - a bool or an exam finding: true or false.
///
/// Guards are immutable and shared (GuardRef), so a context formula that
/// grows along a path reuses its prefixes instead of copying them.
///
//===----------------------------------------------------------------------===//

#ifndef PATHWAYC_IR_GUARD_H
#define PATHWAYC_IR_GUARD_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace pathwayc::ir {

/// An interval of the real line with open or closed ends.
struct Interval {
  double Low = 0;
  double High = 0;
  bool LowOpen = false;
  bool HighOpen = false;

  bool contains(double X) const {
    return (LowOpen ? X > Low : X >= Low) && (HighOpen ? X < High : X <= High);
  }
  bool isEmpty() const {
    return Low > High || (Low == High && (LowOpen || HighOpen));
  }
  bool isPoint() const { return Low == High && !LowOpen && !HighOpen; }
  friend bool operator==(const Interval &A, const Interval &B) {
    return A.Low == B.Low && A.High == B.High && A.LowOpen == B.LowOpen &&
           A.HighOpen == B.HighOpen;
  }
};

/// A finite union of disjoint intervals, sorted by their low ends.
class IntervalSet {
public:
  IntervalSet() = default;
  explicit IntervalSet(Interval I) { add(I); }

  void add(Interval I);
  IntervalSet intersect(const IntervalSet &Other) const;
  /// Complement within \p Domain.
  IntervalSet complement(const Interval &Domain) const;
  bool contains(double X) const;
  bool isEmpty() const { return Pieces.empty(); }
  llvm::ArrayRef<Interval> getPieces() const { return Pieces; }
  friend bool operator==(const IntervalSet &A, const IntervalSet &B) {
    return A.Pieces == B.Pieces;
  }

private:
  std::vector<Interval> Pieces;
};

/// What a guard atom constrains.
enum class VarKind {
  Bool,        ///< A bool input.
  Number,      ///< A number input, in its declared unit.
  Enum,        ///< An input with a list of values.
  Finding,     ///< An exam's finding: positive (true) or negative (false).
  Probability, ///< probability(d): the post-test probability of a diagnosis.
};

class Guard;
using GuardRef = std::shared_ptr<const Guard>;

/// Calls \p F on every atom of \p G, left to right.
template <typename Fn> void forEachAtom(const Guard &G, Fn F);

class Guard {
public:
  enum class GuardKind { True, False, Atom, Not, And, Or };

  GuardKind getKind() const { return Kind; }
  bool isTrue() const { return Kind == GuardKind::True; }
  bool isFalse() const { return Kind == GuardKind::False; }

  // Atom accessors.
  unsigned getVar() const { return Var; }
  VarKind getVarKind() const { return VK; }
  /// Bool and Finding: the value the atom requires.
  bool getBoolValue() const { return BoolValue; }
  /// Number and Probability: the values the atom allows.
  const IntervalSet &getIntervals() const { return Intervals; }
  /// Enum: the indices of the values the atom allows, ascending.
  llvm::ArrayRef<unsigned> getEnumValues() const { return EnumValues; }

  // Not, And, Or.
  llvm::ArrayRef<GuardRef> getOperands() const { return Operands; }

  // Constructors simplify: constants fold, nested and/or flatten, double
  // negation cancels, and an atom that allows nothing is False.
  static GuardRef getTrue();
  static GuardRef getFalse();
  static GuardRef boolAtom(unsigned Var, VarKind Kind, bool Value);
  static GuardRef numberAtom(unsigned Var, VarKind Kind, IntervalSet Allowed);
  static GuardRef enumAtom(unsigned Var, std::vector<unsigned> Allowed);
  static GuardRef makeNot(GuardRef G);
  static GuardRef makeAnd(llvm::ArrayRef<GuardRef> Gs);
  static GuardRef makeOr(llvm::ArrayRef<GuardRef> Gs);
  static GuardRef makeAnd(GuardRef A, GuardRef B) { return makeAnd({A, B}); }
  static GuardRef makeOr(GuardRef A, GuardRef B) { return makeOr({A, B}); }

  /// Appends the variables the guard reads, without duplicates.
  void collectVars(llvm::SmallVectorImpl<unsigned> &Vars) const;

  // Not for direct use: the constructors above return shared guards.
  explicit Guard(GuardKind Kind) : Kind(Kind) {}

private:
  static GuardRef makeJunction(GuardKind Kind, llvm::ArrayRef<GuardRef> Gs);
  static std::vector<GuardRef> foldAtoms(GuardKind Kind,
                                         std::vector<GuardRef> Operands);

  GuardKind Kind;
  unsigned Var = 0;
  VarKind VK = VarKind::Bool;
  bool BoolValue = false;
  IntervalSet Intervals;
  std::vector<unsigned> EnumValues;
  std::vector<GuardRef> Operands;
};

template <typename Fn> void forEachAtom(const Guard &G, Fn F) {
  if (G.getKind() == Guard::GuardKind::Atom) {
    F(G);
    return;
  }
  for (const GuardRef &Operand : G.getOperands())
    forEachAtom(*Operand, F);
}

} // namespace pathwayc::ir

#endif // PATHWAYC_IR_GUARD_H
