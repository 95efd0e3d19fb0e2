//===- Diagnostic.cpp - Diagnostics engine --------------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "diag/Diagnostic.h"

#include "llvm/ADT/StringExtras.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>

using namespace pathwayc;

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

static const DiagnosticInfo DiagnosticTable[] = {
#define DIAG(ID, SEVERITY, CODE, TEXT)                                         \
  {diag::ID, #ID, Severity::SEVERITY, CODE, TEXT},
#include "diag/Diagnostics.def"
#undef DIAG
};

static_assert(sizeof(DiagnosticTable) / sizeof(DiagnosticTable[0]) ==
                  diag::NumDiagnostics,
              "the table and the diag::ID enumeration disagree");

const DiagnosticInfo &pathwayc::getDiagnosticInfo(diag::ID ID) {
  assert(ID < diag::NumDiagnostics && "invalid diagnostic ID");
  if (ID >= diag::NumDiagnostics)
    ID = static_cast<diag::ID>(0);
  return DiagnosticTable[ID];
}

//===----------------------------------------------------------------------===//
// Message formatting
//===----------------------------------------------------------------------===//

/// Appends argument \p Index, or (on a malformed template, which asserts in
/// debug builds) the directive itself so that release builds still say
/// something.
static void appendArgument(unsigned Index, llvm::ArrayRef<std::string> Args,
                           std::string &Out) {
  assert(Index < Args.size() && "diagnostic argument index out of range");
  if (Index < Args.size()) {
    Out += Args[Index];
    return;
  }
  Out += '%';
  Out += static_cast<char>('0' + Index);
}

static void formatInto(llvm::StringRef Format, llvm::ArrayRef<std::string> Args,
                       std::string &Out) {
  static constexpr llvm::StringLiteral SelectPrefix = "%select{";
  size_t I = 0, E = Format.size();
  while (I != E) {
    char C = Format[I];
    if (C != '%') {
      Out += C;
      ++I;
      continue;
    }
    if (I + 1 == E) {
      assert(false && "'%' at the end of a diagnostic template");
      Out += '%';
      ++I;
      continue;
    }
    char Next = Format[I + 1];
    if (Next == '%') {
      Out += '%';
      I += 2;
      continue;
    }
    if (llvm::isDigit(Next)) {
      appendArgument(static_cast<unsigned>(Next - '0'), Args, Out);
      I += 2;
      continue;
    }
    if (!Format.substr(I).startswith(SelectPrefix)) {
      assert(false && "unknown '%' directive in a diagnostic template");
      Out += '%';
      ++I;
      continue;
    }

    // %select{a|b|c}N: split the options at top-level '|', honouring nested
    // braces (an option may itself contain a %select).
    size_t OptionBegin = I + SelectPrefix.size();
    size_t J = OptionBegin;
    unsigned Depth = 0;
    llvm::SmallVector<llvm::StringRef, 4> Options;
    for (; J != E; ++J) {
      char D = Format[J];
      if (D == '{') {
        ++Depth;
      } else if (D == '}') {
        if (Depth == 0)
          break;
        --Depth;
      } else if (D == '|' && Depth == 0) {
        Options.push_back(Format.slice(OptionBegin, J));
        OptionBegin = J + 1;
      }
    }
    if (J == E || J + 1 == E || !llvm::isDigit(Format[J + 1])) {
      assert(false && "malformed %select in a diagnostic template");
      Out += Format.substr(I).str();
      return;
    }
    Options.push_back(Format.slice(OptionBegin, J));
    unsigned Index = static_cast<unsigned>(Format[J + 1] - '0');
    I = J + 2;

    assert(Index < Args.size() && "diagnostic argument index out of range");
    if (Index >= Args.size()) {
      appendArgument(Index, Args, Out);
      continue;
    }
    unsigned Choice;
    if (llvm::StringRef(Args[Index]).getAsInteger(10, Choice) ||
        Choice >= Options.size()) {
      assert(false && "%select argument is not a valid option index");
      Out += Args[Index];
      continue;
    }
    formatInto(Options[Choice], Args, Out);
  }
}

std::string
pathwayc::formatDiagnosticMessage(llvm::StringRef Format,
                                  llvm::ArrayRef<std::string> Args) {
  std::string Out;
  Out.reserve(Format.size() + 16);
  formatInto(Format, Args, Out);
  return Out;
}

//===----------------------------------------------------------------------===//
// DiagnosticBuilder
//===----------------------------------------------------------------------===//

DiagnosticBuilder::DiagnosticBuilder(DiagnosticsEngine &Engine,
                                     SourceRange Range, diag::ID ID)
    : Engine(&Engine), Range(Range), ID(ID) {}

DiagnosticBuilder::DiagnosticBuilder(DiagnosticBuilder &&Other) noexcept
    : Engine(Other.Engine), Range(Other.Range), ID(Other.ID),
      Args(std::move(Other.Args)), FixIts(std::move(Other.FixIts)),
      Witness(std::move(Other.Witness)) {
  Other.Engine = nullptr;
}

DiagnosticBuilder::~DiagnosticBuilder() {
  if (Engine)
    Engine->emit(*this);
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(llvm::StringRef Arg) {
  assert(Args.size() < 10 && "a diagnostic takes at most 10 arguments");
  Args.push_back(Arg.str());
  return *this;
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(const char *Arg) {
  return *this << llvm::StringRef(Arg ? Arg : "");
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(const std::string &Arg) {
  return *this << llvm::StringRef(Arg);
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(int64_t Arg) {
  return *this << llvm::StringRef(std::to_string(Arg));
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(uint64_t Arg) {
  return *this << llvm::StringRef(std::to_string(Arg));
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(int Arg) {
  return *this << static_cast<int64_t>(Arg);
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(unsigned Arg) {
  return *this << static_cast<uint64_t>(Arg);
}

DiagnosticBuilder &DiagnosticBuilder::operator<<(double Arg) {
  // fmt's "{}" is the shortest text that reads back to the same double.
  return *this << llvm::StringRef(fmt::format("{}", Arg));
}

DiagnosticBuilder &DiagnosticBuilder::addFixIt(SourceRange Range,
                                               llvm::StringRef Replacement) {
  FixIts.push_back(FixIt{Range, Replacement.str()});
  return *this;
}

DiagnosticBuilder &DiagnosticBuilder::setWitness(CaseWitness Witness) {
  this->Witness = std::move(Witness);
  return *this;
}

DiagnosticBuilder &DiagnosticBuilder::setWitness(llvm::StringRef Vignette) {
  this->Witness = CaseWitness{Vignette.str(), {}, {}};
  return *this;
}

//===----------------------------------------------------------------------===//
// DiagnosticsEngine
//===----------------------------------------------------------------------===//

DiagnosticBuilder DiagnosticsEngine::report(SourceRange Range, diag::ID ID) {
  return DiagnosticBuilder(*this, Range, ID);
}

void DiagnosticsEngine::emit(DiagnosticBuilder &Builder) {
  const DiagnosticInfo &Info = getDiagnosticInfo(Builder.ID);
  std::string Message = formatDiagnosticMessage(Info.Format, Builder.Args);

  if (Info.DefaultSeverity == Severity::Note) {
    assert(Builder.FixIts.empty() && !Builder.Witness &&
           "notes carry neither fix-its nor witnesses");
    auto Parent =
        std::find_if(Diags.rbegin(), Diags.rend(), [](const Diagnostic &D) {
          return D.Level != Severity::Note;
        });
    assert(Parent != Diags.rend() &&
           "a note must follow the error or warning it explains");
    if (Parent != Diags.rend()) {
      Parent->Notes.push_back(
          DiagnosticNote{Builder.ID, Builder.Range, std::move(Message)});
      return;
    }
    // Release builds keep an orphaned note as a diagnostic of its own rather
    // than lose it.
  }

  Diagnostic D;
  D.ID = Builder.ID;
  D.Level = Info.DefaultSeverity;
  if (D.Level == Severity::Warning && WarningsAsErrors)
    D.Level = Severity::Error;
  D.Range = Builder.Range;
  D.Message = std::move(Message);
  D.FixIts = std::move(Builder.FixIts);
  D.Witness = std::move(Builder.Witness);

  if (D.Level == Severity::Error)
    ++NumErrors;
  else if (D.Level == Severity::Warning)
    ++NumWarnings;
  Diags.push_back(std::move(D));
}

std::vector<Diagnostic> DiagnosticsEngine::getSortedDiagnostics() const {
  std::vector<Diagnostic> Sorted = Diags;
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const Diagnostic &A, const Diagnostic &B) {
                     return A.Range.getBegin() < B.Range.getBegin();
                   });
  return Sorted;
}

//===----------------------------------------------------------------------===//
// Near misses
//===----------------------------------------------------------------------===//

/// Edit distance in which swapping two adjacent characters ('releif') is
/// one edit, as typists make it, not two (optimal string alignment).
static unsigned getTypoDistance(llvm::StringRef A, llvm::StringRef B) {
  std::vector<std::vector<unsigned>> D(A.size() + 1,
                                       std::vector<unsigned>(B.size() + 1));
  for (size_t I = 0; I <= A.size(); ++I)
    D[I][0] = I;
  for (size_t J = 0; J <= B.size(); ++J)
    D[0][J] = J;
  for (size_t I = 1; I <= A.size(); ++I)
    for (size_t J = 1; J <= B.size(); ++J) {
      unsigned Cost = A[I - 1] == B[J - 1] ? 0 : 1;
      D[I][J] =
          std::min({D[I - 1][J] + 1, D[I][J - 1] + 1, D[I - 1][J - 1] + Cost});
      if (I > 1 && J > 1 && A[I - 1] == B[J - 2] && A[I - 2] == B[J - 1])
        D[I][J] = std::min(D[I][J], D[I - 2][J - 2] + 1);
    }
  return D[A.size()][B.size()];
}

llvm::StringRef
pathwayc::findNearMiss(llvm::StringRef Typo,
                       llvm::ArrayRef<llvm::StringRef> Candidates) {
  if (Typo.empty())
    return llvm::StringRef();
  for (llvm::StringRef Candidate : Candidates)
    if (Candidate == Typo)
      return llvm::StringRef();

  // Like clang's typo correction: a name is a plausible misspelling if at
  // most a third of it is wrong, but one edit is always allowed. Case is
  // ignored for the distance, so 'RELEIF' still finds 'relief'; the
  // case-sensitive distance breaks ties, then the order of the candidates.
  unsigned Threshold = std::max<unsigned>(1, Typo.size() / 3);
  std::string LowerTypo = Typo.lower();
  llvm::StringRef Best;
  unsigned BestDistance = Threshold + 1;
  unsigned BestExactDistance = 0;
  for (llvm::StringRef Candidate : Candidates) {
    if (Candidate.empty())
      continue;
    std::string LowerCandidate = Candidate.lower();
    unsigned Distance = getTypoDistance(LowerTypo, LowerCandidate);
    // Rewriting every character of a short name is not a correction: 'o'
    // is no misspelling of 'a'.
    if (Distance > Threshold || Distance >= Typo.size())
      continue;
    unsigned ExactDistance = Typo.edit_distance(Candidate);
    if (Distance < BestDistance ||
        (Distance == BestDistance && ExactDistance < BestExactDistance)) {
      Best = Candidate;
      BestDistance = Distance;
      BestExactDistance = ExactDistance;
    }
  }
  return Best;
}
