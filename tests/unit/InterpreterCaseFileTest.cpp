//===- InterpreterCaseFileTest.cpp - Reading patient cases from JSON ------===//
//
// Part of pathwayc, a compiler for clinical guideline pathways.
//
//===----------------------------------------------------------------------===//
//
// Case::parse(): what a case file may say (docs/interpreter.md) and every
// way it can be wrong, each error with the line and column of the key or
// value it is about.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestSupport.h"

#include "gtest/gtest.h"

using namespace pathwayc::runtime;
using namespace pathwayc::test;

namespace {

/// The branches pathway: zeta, alpha, danger (bool), level (number in
/// [0, 10]), grade (low, mid or high) and the exam `finding`.
const Program &program() {
  return programFor("tests/inputs/interpreter/branches.pathway");
}

/// The errors of parsing \p Text as "case.json", one a line; "" when it
/// parses.
std::string caseErrors(std::string_view Text) {
  std::vector<InputError> Errors;
  std::optional<Case> C = Case::parse(program(), Text, "case.json", Errors);
  EXPECT_EQ(C.has_value(), Errors.empty());
  std::string Out;
  for (const InputError &E : Errors)
    Out += formatInputError(E) + "\n";
  return Out;
}

TEST(InterpreterCaseFileTest, SetsEveryKindOfVariable) {
  std::vector<InputError> Errors;
  std::optional<Case> C = Case::parse(program(),
                                      "{\n"
                                      "  \"zeta\": true,\n"
                                      "  \"alpha\": false,\n"
                                      "  \"level\": 7.5,\n"
                                      "  \"grade\": \"high\",\n"
                                      "  \"finding\": \"positive\",\n"
                                      "  \"danger\": null\n"
                                      "}\n",
                                      "case.json", Errors);
  ASSERT_TRUE(C) << formatInputError(Errors.front());
  const std::vector<Case::Slot> &Slots = C->getSlots();
  auto Slot = [&](const char *Name) {
    return Slots[*program().findVariable(Name)];
  };
  EXPECT_TRUE(Slot("zeta").Known && Slot("zeta").Index == 1);
  EXPECT_TRUE(Slot("alpha").Known && Slot("alpha").Index == 0);
  EXPECT_TRUE(Slot("level").Known && Slot("level").Number == 7.5);
  EXPECT_TRUE(Slot("grade").Known && Slot("grade").Index == 2);
  EXPECT_TRUE(Slot("finding").Known && Slot("finding").Index == 1);
  EXPECT_FALSE(Slot("danger").Known);
}

TEST(InterpreterCaseFileTest, EmptyObjectsEscapesAndByteOrderMarks) {
  EXPECT_EQ(caseErrors("{}"), "");
  EXPECT_EQ(caseErrors(" \n{ }\n"), "");
  EXPECT_EQ(caseErrors("\xEF\xBB\xBF{\"zeta\": true}"), "");
  std::vector<InputError> Errors;
  std::optional<Case> C =
      Case::parse(program(), "{\"z\\u0065ta\": true}", "case.json", Errors);
  ASSERT_TRUE(C);
  EXPECT_TRUE(C->isKnown(*program().findVariable("zeta")));
}

TEST(InterpreterCaseFileTest, UnknownNamesSuggestTheClosest) {
  EXPECT_EQ(caseErrors("{\n  \"zeta\": true,\n  \"levle\": 3\n}"),
            "case.json:3:3: error: 'levle' is not an input or exam of "
            "'branches'; did you mean 'level'?\n");
  EXPECT_EQ(caseErrors("{\"temperature\": 38}"),
            "case.json:1:2: error: 'temperature' is not an input or exam of "
            "'branches'\n");
}

TEST(InterpreterCaseFileTest, WrongTypes) {
  EXPECT_EQ(caseErrors("{\"level\": \"high\"}"),
            "case.json:1:11: error: 'level' is a number in [0, 10], not a "
            "string\n");
  EXPECT_EQ(caseErrors("{\"zeta\": \"true\"}"),
            "case.json:1:10: error: 'zeta' is true or false, not a string\n");
  EXPECT_EQ(caseErrors("{\"zeta\": 1}"),
            "case.json:1:10: error: 'zeta' is true or false, not a number\n");
  EXPECT_EQ(caseErrors("{\"grade\": [\"low\"]}"),
            "case.json:1:11: error: 'grade' is one of low, mid, high, not an "
            "array\n");
  EXPECT_EQ(caseErrors("{\n\t\"finding\": true\n}"),
            "case.json:2:13: error: 'finding' is an exam finding, "
            "\"positive\" or \"negative\", not true; write \"positive\"\n");
  EXPECT_EQ(caseErrors("{\"finding\": false}"),
            "case.json:1:13: error: 'finding' is an exam finding, "
            "\"positive\" or \"negative\", not false; write \"negative\"\n");
  EXPECT_EQ(caseErrors("{\"finding\": \"yes\"}"),
            "case.json:1:13: error: 'finding' is an exam finding, "
            "\"positive\" or \"negative\", not \"yes\"\n");
  EXPECT_EQ(caseErrors("{\"level\": {\"value\": 3}}"),
            "case.json:1:11: error: 'level' is a number in [0, 10], not an "
            "object\n");
}

TEST(InterpreterCaseFileTest, UnknownEnumValuesListTheAllowedOnes) {
  EXPECT_EQ(caseErrors("{\n  \"grade\": \"medium\"\n}"),
            "case.json:2:12: error: 'grade' has no value 'medium'; it is one "
            "of low, mid, high\n");
  EXPECT_EQ(caseErrors("{\"grade\": \"hihg\"}"),
            "case.json:1:11: error: 'grade' has no value 'hihg'; it is one of "
            "low, mid, high (did you mean 'high'?)\n");
}

TEST(InterpreterCaseFileTest, DuplicateKeys) {
  EXPECT_EQ(
      caseErrors("{\"zeta\": true,\n \"alpha\": true,\n \"zeta\": false}"),
      "case.json:3:2: error: 'zeta' is given twice (first at line 1, "
      "column 2)\n");
  // The same name spelled with an escape is the same key.
  EXPECT_EQ(caseErrors("{\"zeta\": true, \"z\\u0065ta\": true}"),
            "case.json:1:16: error: 'zeta' is given twice (first at line 1, "
            "column 2)\n");
}

TEST(InterpreterCaseFileTest, NumbersOutsideTheirDomain) {
  EXPECT_EQ(caseErrors("{\"level\": 10.5}"),
            "case.json:1:11: error: 'level' is 10.5, outside its domain: a "
            "number in [0, 10]\n");
  EXPECT_EQ(caseErrors("{\"level\": -0.001}"),
            "case.json:1:11: error: 'level' is -0.001, outside its domain: a "
            "number in [0, 10]\n");
  EXPECT_EQ(caseErrors("{\"level\": 10}"), "");
  EXPECT_EQ(caseErrors("{\"level\": 1e999}"),
            "case.json:1:11: error: invalid JSON: number overflow parsing "
            "'1e999'\n");
}

TEST(InterpreterCaseFileTest, NotAnObject) {
  EXPECT_EQ(caseErrors("[1, 2]"),
            "case.json:1:1: error: a case must be an object from input and "
            "exam names to values, not an array\n");
  EXPECT_EQ(caseErrors("\n  \"zeta\""),
            "case.json:2:3: error: a case must be an object from input and "
            "exam names to values, not a string\n");
}

TEST(InterpreterCaseFileTest, BrokenJson) {
  EXPECT_EQ(caseErrors("{\"zeta\": tr"),
            "case.json:1:12: error: invalid JSON: syntax error while parsing "
            "value - invalid literal; last read: '\"zeta\": tr'\n");
  EXPECT_EQ(caseErrors("{\"zeta\": true,\n}"),
            "case.json:2:1: error: invalid JSON: syntax error while parsing "
            "object key - unexpected '}'; expected string literal\n");
  EXPECT_EQ(caseErrors(""),
            "case.json:1:1: error: invalid JSON: syntax error while parsing "
            "value - unexpected end of input; expected '[', '{', or a "
            "literal\n");
  // Invalid UTF-8: a lone lead byte, reported where the sequence breaks.
  EXPECT_EQ(caseErrors("{\"grade\": \"\xc3\"}"),
            "case.json:1:13: error: invalid JSON: syntax error while parsing "
            "value - invalid string: ill-formed UTF-8 byte; last read: "
            "'\"\\xc3\"'\n");
}

TEST(InterpreterCaseFileTest, ReportsEveryError) {
  EXPECT_EQ(caseErrors("{\n"
                       "  \"zeta\": 3,\n"
                       "  \"nothing\": true,\n"
                       "  \"level\": 11\n"
                       "}"),
            "case.json:2:11: error: 'zeta' is true or false, not a number\n"
            "case.json:3:3: error: 'nothing' is not an input or exam of "
            "'branches'\n"
            "case.json:4:12: error: 'level' is 11, outside its domain: a "
            "number in [0, 10]\n");
}

TEST(InterpreterCaseFileTest, RefusesHugeFiles) {
  std::string Huge(MaxDocumentBytes + 1, ' ');
  EXPECT_EQ(caseErrors(Huge),
            "case.json: error: the file is larger than 64 MiB\n");
}

} // namespace
