//===- ResultJson.cpp - A result as a JSON document -----------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// The keys follow the fields of Result in order, and every key is always
// present, so two equal results give the same bytes. Probabilities keep
// every digit (nlohmann prints the shortest text that reads back to the same
// double).
//
//===----------------------------------------------------------------------===//

#include "pathwayc/Interpreter.h"

#include <nlohmann/json.hpp>

using namespace pathwayc::runtime;
using json = nlohmann::ordered_json;

namespace {

json strings(const std::vector<std::string_view> &Items) {
  json List = json::array();
  for (std::string_view Item : Items)
    List.push_back(std::string(Item));
  return List;
}

json traceEntry(const TraceEntry &Entry) {
  json J;
  J["node"] = std::string(Entry.NodeId);
  J["event"] = std::string(Entry.Event);
  json Citations = json::array();
  for (const Citation &C : Entry.Citations) {
    json Cited;
    Cited["source"] = std::string(C.Source);
    // As in the graph document, a citation that quotes nothing has a null
    // quote.
    Cited["quote"] =
        C.Quote.empty() ? json(nullptr) : json(std::string(C.Quote));
    Citations.push_back(std::move(Cited));
  }
  J["citations"] = std::move(Citations);
  json Notes = json::array();
  for (const Note &N : Entry.Notes) {
    json Noted;
    Noted["kind"] = N.IsPitfall ? "pitfall" : "note";
    Noted["text"] = std::string(N.Text);
    Notes.push_back(std::move(Noted));
  }
  J["notes"] = std::move(Notes);
  return J;
}

} // namespace

std::string pathwayc::runtime::resultToJson(const Result &R) {
  json J;
  J["format"] = "pathwayc-result";
  J["formatVersion"] = 1;
  J["status"] = statusName(R.State);
  J["reached"] = std::string(R.Reached);
  J["title"] = std::string(R.Title);
  J["urgency"] = urgencyName(R.Level);
  J["recommendations"] = strings(R.Recommendations);
  J["actionsOrdered"] = strings(R.ActionsOrdered);
  J["missingInputs"] = strings(R.MissingInputs);
  J["undecided"] = strings(R.Undecided);
  J["invalidInputs"] = strings(R.InvalidInputs);
  json Probabilities = json::array();
  for (const ProbabilityResult &P : R.Probabilities) {
    json Entry;
    Entry["diagnosis"] = std::string(P.Diagnosis);
    Entry["low"] = P.Value.Low;
    Entry["high"] = P.Value.High;
    Entry["contradictory"] = P.Contradictory;
    Probabilities.push_back(std::move(Entry));
  }
  J["probabilities"] = std::move(Probabilities);
  json Trace = json::array();
  for (const TraceEntry &Entry : R.Trace)
    Trace.push_back(traceEntry(Entry));
  J["trace"] = std::move(Trace);
  // Strings come from a document nlohmann checked as UTF-8, or from a
  // caller's program; a bad byte is replaced rather than thrown on.
  return J.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}
