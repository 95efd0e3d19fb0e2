// Pathway.g4 - the grammar of the pathway language.
//
// The parser generated from this file is used only by
// compiler/frontend/AstBuilder.cpp, which turns the parse tree into the
// project's own AST. Keep the rules close to the constructs of
// docs/language.md: one rule per construct, so that the builder can have one
// method per rule.
//
// Category names, radiation levels, urgencies and units are plain identifiers
// here and are resolved by semantic analysis, so that a misspelling gets a
// "did you mean" instead of a syntax error.

grammar Pathway;

// ---------------------------------------------------------------------------
// File structure

file
    : pathwayDecl EOF
    ;

pathwayDecl
    : PATHWAY name=ident LBRACE member* RBRACE
    ;

member
    : metadata
    | sourceDecl
    | inputsBlock
    | redFlagDecl
    | includeDecl
    | excludeDecl
    | diagnosisDecl
    | examDecl
    | procedureDecl
    | stepDecl
    | outcomeDecl
    | noteDecl
    ;

metadata
    : key=(TITLE | VERSION | POPULATION | SUMMARY) value=STRING
    ;

sourceDecl
    : SOURCE name=ident title=STRING sourceAttribute*
    ;

sourceAttribute
    : YEAR NUMBER                                   # sourceYear
    | URL STRING                                    # sourceUrl
    | AUTHOR STRING                                 # sourceAuthor
    ;

// ---------------------------------------------------------------------------
// Inputs

inputsBlock
    : INPUTS LBRACE inputDecl* RBRACE
    ;

inputDecl
    : ident (COMMA ident)* COLON inputType description=STRING?
    ;

inputType
    : BOOL                                          # boolType
    | NUMBER_KW IN interval unit?                   # numberType
    | ONE OF LBRACE ident (COMMA ident)* COMMA? RBRACE  # enumType
    ;

// ---------------------------------------------------------------------------
// Screening and criteria

redFlagDecl
    : RED_FLAG name=ident COLON expr ARROW urgency=ident action=STRING citeClause?
    ;

includeDecl
    : INCLUDE label=STRING COLON expr citeClause?
    ;

excludeDecl
    : EXCLUDE label=STRING COLON expr ARROW REFER referral=STRING citeClause?
    ;

// ---------------------------------------------------------------------------
// Evidence

diagnosisDecl
    : DIAGNOSIS name=ident title=STRING pretestClause? citeClause?
    ;

pretestClause
    : PRETEST evidenceValue                         # pretestValue
    | PRETEST INPUT ident                           # pretestInput
    ;

examDecl
    : EXAM name=ident title=STRING DETECTS diagnosis=ident
      SENSITIVITY sensitivity=evidenceValue
      SPECIFICITY specificity=evidenceValue
      citeClause?
    ;

// A point (0.88, 88 percent) or a range (0.49..0.86, 49..86 percent); a unit
// written after the range applies to both ends.
evidenceValue
    : low=NUMBER (DOTDOT high=NUMBER)? unit?
    ;

procedureDecl
    : PROCEDURE name=ident title=STRING category=ident procedureAttribute* citeClause?
    ;

procedureAttribute
    : RATING NUMBER                                 # procedureRating
    | RADIATION level=ident                         # procedureRadiation
    ;

// ---------------------------------------------------------------------------
// Workflow

stepDecl
    : START? STEP name=ident title=STRING? LBRACE stepItem* RBRACE
    ;

stepItem
    : ORDER ident (COMMA ident)* justifyClause? citeClause?   # orderItem
    | ASSESS ident (COMMA ident)*                             # assessItem
    | BRANCH LBRACE branchArm* RBRACE                         # branchItem
    | NEXT target=ident                                       # nextItem
    | noteDecl                                                # stepNote
    ;

justifyClause
    : JUSTIFY STRING
    ;

branchArm
    : (expr | OTHERWISE) ARROW target=ident citeClause? noteDecl*
    ;

outcomeDecl
    : OUTCOME name=ident title=STRING LBRACE outcomeItem* RBRACE
    ;

outcomeItem
    : URGENCY level=ident                           # outcomeUrgency
    | RECOMMEND STRING citeClause?                  # outcomeRecommend
    | noteDecl                                      # outcomeNote
    ;

noteDecl
    : kind=(NOTE | PITFALL) STRING citeClause?
    ;

// `cite acr_hip` or, to pin the sentence a number comes from,
// `cite acr_hip "typically >75-80%"`.
citeClause
    : CITE citation (COMMA citation)*
    ;

citation
    : source=ident quote=STRING?
    ;

// ---------------------------------------------------------------------------
// Expressions. Precedence, loosest first: or, and, not, comparison.

expr
    : orExpr
    ;

orExpr
    : andExpr (OR andExpr)*
    ;

andExpr
    : notExpr (AND notExpr)*
    ;

notExpr
    : NOT notExpr                                   # negation
    | atom                                          # notAtom
    ;

atom
    : LPAREN expr RPAREN                            # parenAtom
    | (TRUE | FALSE)                                # boolLiteralAtom
    | lhs=operand (IS NOT? | EQ | NE) value=(TRUE | FALSE)  # boolComparisonAtom
    | lhs=operand op=compareOp rhs=operand          # comparisonAtom
    | operand IN interval unit?                     # intervalAtom
    | operand NOT? IN LBRACE ident (COMMA ident)* COMMA? RBRACE  # setAtom
    | operand                                       # operandAtom
    ;

compareOp
    : LT | LE | GT | GE | EQ | NE | IS NOT?
    ;

operand
    : PROBABILITY LPAREN ident RPAREN               # probabilityOperand
    | signedNumber unit?                            # quantityOperand
    | ident                                         # nameOperand
    ;

interval
    : open=(LBRACK | LPAREN) low=signedNumber COMMA high=signedNumber close=(RBRACK | RPAREN)
    ;

signedNumber
    : MINUS? NUMBER
    ;

unit
    : ident
    | PERCENT_SIGN
    ;

// Words that are keywords in one position but make natural input, source or
// step names elsewhere. Only words that can never start a member or a step
// item are listed, so that allowing them as names never makes a file
// ambiguous.
ident
    : IDENT
    | YEAR | URL | AUTHOR | RATING | RADIATION | URGENCY | PRETEST | INPUT
    | DETECTS | SENSITIVITY | SPECIFICITY | REFER | JUSTIFY | ONE | OF
    | BOOL | NUMBER_KW
    ;

// ---------------------------------------------------------------------------
// Lexer

PATHWAY     : 'pathway';
TITLE       : 'title';
VERSION     : 'version';
POPULATION  : 'population';
SUMMARY     : 'summary';
SOURCE      : 'source';
YEAR        : 'year';
URL         : 'url';
AUTHOR      : 'author';
INPUTS      : 'inputs';
BOOL        : 'bool';
NUMBER_KW   : 'number';
ONE         : 'one';
OF          : 'of';
IN          : 'in';
RED_FLAG    : 'red_flag';
INCLUDE     : 'include';
EXCLUDE     : 'exclude';
REFER       : 'refer';
DIAGNOSIS   : 'diagnosis';
PRETEST     : 'pretest';
INPUT       : 'input';
EXAM        : 'exam';
DETECTS     : 'detects';
SENSITIVITY : 'sensitivity';
SPECIFICITY : 'specificity';
PROCEDURE   : 'procedure';
RATING      : 'rating';
RADIATION   : 'radiation';
START       : 'start';
STEP        : 'step';
ORDER       : 'order';
ASSESS      : 'assess';
BRANCH      : 'branch';
OTHERWISE   : 'otherwise';
NEXT        : 'next';
JUSTIFY     : 'justify';
OUTCOME     : 'outcome';
URGENCY     : 'urgency';
RECOMMEND   : 'recommend';
NOTE        : 'note';
PITFALL     : 'pitfall';
CITE        : 'cite';
AND         : 'and';
OR          : 'or';
NOT         : 'not';
IS          : 'is';
TRUE        : 'true';
FALSE       : 'false';
PROBABILITY : 'probability';

ARROW  : '->';
DOTDOT : '..';
LBRACE : '{';
RBRACE : '}';
LBRACK : '[';
RBRACK : ']';
LPAREN : '(';
RPAREN : ')';
COMMA  : ',';
COLON  : ':';
LE     : '<=';
GE     : '>=';
LT     : '<';
GT     : '>';
EQ     : '==';
NE     : '!=';
MINUS  : '-';
PERCENT_SIGN : '%';

// A decimal number; the fraction part needs a digit so that `3..5` is a range.
NUMBER : [0-9]+ ('.' [0-9]+)?;

IDENT : [a-zA-Z_] [a-zA-Z_0-9]*;

// Strings hold any character but a raw newline; \" \\ \n \t are escapes.
STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"';

// A string that reaches the end of its line without a closing quote. The
// front end reports it instead of letting the lexer resynchronise inside it.
UNTERMINATED_STRING : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )*;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// A block comment that never closes: it cannot contain `*/`, so a closed
// comment always lexes as BLOCK_COMMENT instead.
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;
WS : [ \t\r\n\f]+ -> channel(HIDDEN);

// Any other character becomes a token of its own, so the lexer never fails
// and the front end reports it with its exact location.
UNEXPECTED_CHAR : .;
