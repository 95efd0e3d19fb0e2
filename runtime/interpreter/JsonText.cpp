//===- JsonText.cpp - Positions in JSON documents -------------------------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//

#include "JsonText.h"

#include <algorithm>
#include <cstdio>

using namespace pathwayc::runtime;
using namespace pathwayc::runtime::detail;
using json = nlohmann::json;

std::string pathwayc::runtime::formatInputError(const InputError &E) {
  std::string S = E.File;
  if (E.Line != 0) {
    S += ':' + std::to_string(E.Line);
    if (E.Column != 0)
      S += ':' + std::to_string(E.Column);
  }
  S += ": error: ";
  S += E.Message;
  return S;
}

InputError detail::errorAt(std::string_view Text, std::string_view File,
                           std::size_t Offset, std::string Message) {
  Offset = std::min(Offset, Text.size());
  std::string_view Before = Text.substr(0, Offset);
  std::size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == std::string_view::npos ? 0 : LineStart + 1;
  InputError E;
  E.File = std::string(File);
  E.Line =
      static_cast<unsigned>(std::count(Before.begin(), Before.end(), '\n')) + 1;
  E.Column = static_cast<unsigned>(Offset - LineStart) + 1;
  E.Message = std::move(Message);
  return E;
}

std::string detail::escapeForMessage(std::string_view Text) {
  std::string Out;
  for (char C : Text) {
    auto Byte = static_cast<unsigned char>(C);
    if (Byte >= 0x20 && Byte < 0x7f) {
      Out += C;
      continue;
    }
    char Escape[5];
    std::snprintf(Escape, sizeof(Escape), "\\x%02x", Byte);
    Out += Escape;
  }
  return Out;
}

void detail::appendError(std::vector<InputError> &Errors, std::size_t &Reported,
                         InputError E) {
  if (Reported < MaxErrors) {
    Errors.push_back(std::move(E));
  } else if (Reported == MaxErrors) {
    E.Line = E.Column = 0;
    E.Message = "too many errors; stopping here";
    Errors.push_back(std::move(E));
  }
  ++Reported;
}

std::string detail::quoteName(std::string_view Name) {
  return "'" + escapeForMessage(Name) + "'";
}

namespace {

/// Records the first error of a SAX parse and accepts everything else: run
/// only on a text that failed to parse, to learn where and why.
class ErrorFinder : public nlohmann::json_sax<json> {
public:
  std::size_t Position = 0;
  std::string What;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t &) override { return true; }
  bool string(string_t &) override { return true; }
  bool binary(binary_t &) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t &) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t Pos, const std::string &,
                   const nlohmann::detail::exception &Ex) override {
    Position = Pos;
    What = Ex.what();
    return false;
  }
};

/// nlohmann's message without its "[json.exception...]" tag and its own
/// "at line L, column C" (counted differently from ours).
std::string cleanParserMessage(std::string What) {
  if (!What.empty() && What.front() == '[') {
    std::size_t Close = What.find("] ");
    if (Close != std::string::npos)
      What.erase(0, Close + 2);
  }
  const std::string_view Prefix = "parse error at line ";
  if (What.compare(0, Prefix.size(), Prefix) == 0) {
    std::size_t Colon = What.find(": ");
    if (Colon != std::string::npos)
      What.erase(0, Colon + 2);
  } else if (What.compare(0, 12, "parse error:") == 0) {
    What.erase(0, 13);
  }
  return escapeForMessage(What);
}

bool isBlank(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

std::size_t skipBlanks(std::string_view Text, std::size_t Pos) {
  while (Pos < Text.size() && isBlank(Text[Pos]))
    ++Pos;
  return Pos;
}

/// From the opening quote to just after the closing one.
std::size_t skipString(std::string_view Text, std::size_t Pos) {
  for (++Pos; Pos < Text.size() && Text[Pos] != '"'; ++Pos)
    if (Text[Pos] == '\\')
      ++Pos;
  return std::min(Pos + 1, Text.size());
}

/// Past the value starting at \p Pos, without recursion, so that no nesting
/// depth can exhaust the stack.
std::size_t skipValue(std::string_view Text, std::size_t Pos) {
  if (Pos >= Text.size())
    return Text.size();
  char First = Text[Pos];
  if (First == '"')
    return skipString(Text, Pos);
  if (First != '{' && First != '[') {
    while (Pos < Text.size() && !isBlank(Text[Pos]) && Text[Pos] != ',' &&
           Text[Pos] != '}' && Text[Pos] != ']')
      ++Pos;
    return Pos;
  }
  std::size_t Depth = 0;
  while (Pos < Text.size()) {
    char C = Text[Pos];
    if (C == '"') {
      Pos = skipString(Text, Pos);
      continue;
    }
    ++Pos;
    if (C == '{' || C == '[')
      ++Depth;
    else if ((C == '}' || C == ']') && --Depth == 0)
      return Pos;
  }
  return Pos;
}

/// The text of the string token at \p Pos, decoded.
std::string decodeString(std::string_view Text, std::size_t Pos,
                         std::size_t End) {
  std::string_view Raw = Text.substr(Pos, End - Pos);
  if (Raw.size() >= 2 && Raw.find('\\') == std::string_view::npos)
    return std::string(Raw.substr(1, Raw.size() - 2));
  json Decoded = json::parse(Raw, nullptr, /*allow_exceptions=*/false);
  return Decoded.is_string() ? Decoded.get<std::string>() : std::string();
}

/// Calls \p Visit(Key, KeyOffset, ValueOffset) for each member of the
/// object at \p Pos, in order; stops early when it returns false.
template <typename Fn>
void forEachMember(std::string_view Text, std::size_t Pos, Fn Visit) {
  if (Pos >= Text.size() || Text[Pos] != '{')
    return;
  Pos = skipBlanks(Text, Pos + 1);
  while (Pos < Text.size() && Text[Pos] == '"') {
    std::size_t KeyEnd = skipString(Text, Pos);
    std::string Key = decodeString(Text, Pos, KeyEnd);
    std::size_t Colon = skipBlanks(Text, KeyEnd);
    if (Colon >= Text.size() || Text[Colon] != ':')
      return;
    std::size_t Value = skipBlanks(Text, Colon + 1);
    if (!Visit(Key, Pos, Value))
      return;
    Pos = skipBlanks(Text, skipValue(Text, Value));
    if (Pos >= Text.size() || Text[Pos] != ',')
      return;
    Pos = skipBlanks(Text, Pos + 1);
  }
}

} // namespace

bool detail::parseJson(std::string_view Text, std::string_view File, json &Out,
                       std::vector<InputError> &Errors) {
  if (Text.size() > MaxDocumentBytes) {
    InputError E;
    E.File = std::string(File);
    E.Message = "the file is larger than 64 MiB";
    Errors.push_back(std::move(E));
    return false;
  }
  Out = json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (!Out.is_discarded())
    return true;
  ErrorFinder Finder;
  json::sax_parse(Text, &Finder);
  // nlohmann counts the characters read, the offending one included.
  std::size_t Offset = Finder.Position == 0 ? 0 : Finder.Position - 1;
  // A number too large for a double is reported after its last digit has
  // been read; point at its first.
  if (Finder.What.find("number overflow") != std::string::npos)
    while (Offset > 0 && Offset <= Text.size() &&
           std::string_view("0123456789+-.eE").find(Text[Offset - 1]) !=
               std::string_view::npos)
      --Offset;
  Errors.push_back(errorAt(Text, File, Offset,
                           "invalid JSON: " + cleanParserMessage(Finder.What)));
  return false;
}

std::size_t detail::topLevelOffset(std::string_view Text) {
  std::size_t Pos = 0;
  if (Text.substr(0, 3) == "\xEF\xBB\xBF")
    Pos = 3;
  return skipBlanks(Text, Pos);
}

std::optional<std::size_t>
detail::locateValue(std::string_view Text, const std::vector<PathStep> &Path) {
  std::size_t Pos = topLevelOffset(Text);
  for (const PathStep &Step : Path) {
    if (Pos >= Text.size())
      return std::nullopt;
    if (Step.IsIndex) {
      if (Text[Pos] != '[')
        return std::nullopt;
      Pos = skipBlanks(Text, Pos + 1);
      for (std::size_t I = 0; I != Step.Index; ++I) {
        Pos = skipBlanks(Text, skipValue(Text, Pos));
        if (Pos >= Text.size() || Text[Pos] != ',')
          return std::nullopt;
        Pos = skipBlanks(Text, Pos + 1);
      }
      if (Pos >= Text.size() || Text[Pos] == ']')
        return std::nullopt;
      continue;
    }
    std::optional<std::size_t> Found;
    forEachMember(Text, Pos,
                  [&](const std::string &Key, std::size_t, std::size_t Value) {
                    if (Key == Step.Key)
                      Found = Value;
                    return true;
                  });
    if (!Found)
      return std::nullopt;
    Pos = *Found;
  }
  return Pos;
}

std::vector<ObjectMember> detail::scanTopLevelMembers(std::string_view Text) {
  std::vector<ObjectMember> Members;
  forEachMember(
      Text, topLevelOffset(Text),
      [&](std::string &Key, std::size_t KeyOffset, std::size_t ValueOffset) {
        ObjectMember M;
        M.Key = std::move(Key);
        M.KeyOffset = KeyOffset;
        M.ValueOffset = ValueOffset;
        std::size_t End = skipValue(Text, ValueOffset);
        M.Value = Text.substr(ValueOffset, End - ValueOffset);
        Members.push_back(std::move(M));
        return true;
      });
  return Members;
}

const char *detail::describeJsonType(const json &J) {
  switch (J.type()) {
  case json::value_t::null: return "null";
  case json::value_t::boolean: return "a boolean";
  case json::value_t::string: return "a string";
  case json::value_t::array: return "an array";
  case json::value_t::object: return "an object";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
  case json::value_t::number_float: return "a number";
  case json::value_t::binary:
  case json::value_t::discarded: break;
  }
  return "an invalid value";
}
