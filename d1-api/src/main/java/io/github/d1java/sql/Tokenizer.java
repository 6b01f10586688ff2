package io.github.d1java.sql;

import java.util.Set;

/**
 * The scanner behind {@link SqlLexer}: SQLite 3.47's {@code sqlite3GetToken} (tokenize.c) on UTF-16
 * text, and the statement-end state machine of {@code sqlite3_complete} (complete.c). Stateless;
 * all methods are static and thread-safe.
 *
 * <p>SQLite reads UTF-8 bytes; every byte of a non-ASCII character is an identifier character
 * there, so here every {@code char} at or above U+0080 is one, except U+FEFF (the UTF-8 byte order
 * mark, {@code EF BB BF}), which SQLite reads as whitespace.
 */
final class Tokenizer {

  // character classes of tokenize.c's aiClass[]
  private static final byte CC_X = 0;
  private static final byte CC_KYWD0 = 1;
  private static final byte CC_KYWD = 2;
  private static final byte CC_DIGIT = 3;
  private static final byte CC_DOLLAR = 4;
  private static final byte CC_VARALPHA = 5;
  private static final byte CC_VARNUM = 6;
  private static final byte CC_SPACE = 7;
  private static final byte CC_QUOTE = 8;
  private static final byte CC_QUOTE2 = 9;
  private static final byte CC_PIPE = 10;
  private static final byte CC_MINUS = 11;
  private static final byte CC_LT = 12;
  private static final byte CC_GT = 13;
  private static final byte CC_EQ = 14;
  private static final byte CC_BANG = 15;
  private static final byte CC_SLASH = 16;
  private static final byte CC_LP = 17;
  private static final byte CC_RP = 18;
  private static final byte CC_SEMI = 19;
  private static final byte CC_PLUS = 20;
  private static final byte CC_STAR = 21;
  private static final byte CC_PERCENT = 22;
  private static final byte CC_COMMA = 23;
  private static final byte CC_AND = 24;
  private static final byte CC_TILDA = 25;
  private static final byte CC_DOT = 26;
  private static final byte CC_ID = 27;
  private static final byte CC_ILLEGAL = 28;
  private static final byte CC_NUL = 29;

  /** The ASCII half of aiClass[]. */
  private static final byte[] CLASS = {
    29, 28, 28, 28, 28, 28, 28, 28, 28, 7, 7, 28, 7, 7, 28, 28, // 0x
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, // 1x
    7, 15, 8, 5, 4, 22, 24, 8, 17, 18, 21, 20, 23, 11, 26, 16, // 2x
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 19, 12, 14, 13, 6, // 3x
    5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 4x
    1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 2, 9, 28, 28, 28, 2, // 5x
    8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 6x
    1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 2, 28, 10, 28, 25, 28 // 7x
  };

  private static final SqlTokenType[] TYPES = SqlTokenType.values();

  /** SQLite 3.47's keywords (tool/mkkeywordhash.c, every option enabled): 147 words. */
  static final Set<String> KEYWORDS =
      Set.of(
          "ABORT",
          "ACTION",
          "ADD",
          "AFTER",
          "ALL",
          "ALTER",
          "ALWAYS",
          "ANALYZE",
          "AND",
          "AS",
          "ASC",
          "ATTACH",
          "AUTOINCREMENT",
          "BEFORE",
          "BEGIN",
          "BETWEEN",
          "BY",
          "CASCADE",
          "CASE",
          "CAST",
          "CHECK",
          "COLLATE",
          "COLUMN",
          "COMMIT",
          "CONFLICT",
          "CONSTRAINT",
          "CREATE",
          "CROSS",
          "CURRENT",
          "CURRENT_DATE",
          "CURRENT_TIME",
          "CURRENT_TIMESTAMP",
          "DATABASE",
          "DEFAULT",
          "DEFERRABLE",
          "DEFERRED",
          "DELETE",
          "DESC",
          "DETACH",
          "DISTINCT",
          "DO",
          "DROP",
          "EACH",
          "ELSE",
          "END",
          "ESCAPE",
          "EXCEPT",
          "EXCLUDE",
          "EXCLUSIVE",
          "EXISTS",
          "EXPLAIN",
          "FAIL",
          "FILTER",
          "FIRST",
          "FOLLOWING",
          "FOR",
          "FOREIGN",
          "FROM",
          "FULL",
          "GENERATED",
          "GLOB",
          "GROUP",
          "GROUPS",
          "HAVING",
          "IF",
          "IGNORE",
          "IMMEDIATE",
          "IN",
          "INDEX",
          "INDEXED",
          "INITIALLY",
          "INNER",
          "INSERT",
          "INSTEAD",
          "INTERSECT",
          "INTO",
          "IS",
          "ISNULL",
          "JOIN",
          "KEY",
          "LAST",
          "LEFT",
          "LIKE",
          "LIMIT",
          "MATCH",
          "MATERIALIZED",
          "NATURAL",
          "NO",
          "NOT",
          "NOTHING",
          "NOTNULL",
          "NULL",
          "NULLS",
          "OF",
          "OFFSET",
          "ON",
          "OR",
          "ORDER",
          "OTHERS",
          "OUTER",
          "OVER",
          "PARTITION",
          "PLAN",
          "PRAGMA",
          "PRECEDING",
          "PRIMARY",
          "QUERY",
          "RAISE",
          "RANGE",
          "RECURSIVE",
          "REFERENCES",
          "REGEXP",
          "REINDEX",
          "RELEASE",
          "RENAME",
          "REPLACE",
          "RESTRICT",
          "RETURNING",
          "RIGHT",
          "ROLLBACK",
          "ROW",
          "ROWS",
          "SAVEPOINT",
          "SELECT",
          "SET",
          "TABLE",
          "TEMP",
          "TEMPORARY",
          "THEN",
          "TIES",
          "TO",
          "TRANSACTION",
          "TRIGGER",
          "UNBOUNDED",
          "UNION",
          "UNIQUE",
          "UPDATE",
          "USING",
          "VACUUM",
          "VALUES",
          "VIEW",
          "VIRTUAL",
          "WHEN",
          "WHERE",
          "WINDOW",
          "WITH",
          "WITHOUT");

  private Tokenizer() {}

  /** The character at {@code i}, or 0 past the end (SQLite's NUL terminator). */
  private static char at(CharSequence z, int i, int n) {
    return i < n ? z.charAt(i) : 0;
  }

  private static int charClass(char c) {
    return c < 0x80 ? CLASS[c] : CC_ID;
  }

  /** sqlite3Isspace: space, \t, \n, \v, \f, \r. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isXdigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** tokenize.c's IdChar: letters, digits, {@code _}, {@code $} and all non-ASCII. */
  static boolean isIdChar(char c) {
    if (c >= 0x80) {
      return true;
    }
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$';
  }

  static SqlTokenType type(long packed) {
    return TYPES[(int) (packed >>> 32)];
  }

  static int end(long packed) {
    return (int) packed;
  }

  private static long token(SqlTokenType type, int end) {
    return ((long) type.ordinal() << 32) | end;
  }

  /**
   * Reads the token that starts at {@code p}, as sqlite3GetToken reads it, treating {@code n} as
   * the end of input. A NUL character is an {@link SqlTokenType#ILLEGAL} token of length 1 (where
   * SQLite would stop reading); inside a token it ends the token as the end of input does.
   *
   * @return the type and end of the token, packed; read them with {@link #type} and {@link #end}
   */
  static long next(CharSequence z, int p, int n) {
    char c0 = z.charAt(p);
    int i;
    char c;
    if (c0 == 0xFEFF) {
      return token(SqlTokenType.SPACE, p + 1);
    }
    switch (charClass(c0)) {
      case CC_SPACE:
        for (i = p + 1; isSpace(at(z, i, n)); i++) {}
        return token(SqlTokenType.SPACE, i);
      case CC_MINUS:
        if (at(z, p + 1, n) == '-') {
          for (i = p + 2; (c = at(z, i, n)) != 0 && c != '\n'; i++) {}
          return token(SqlTokenType.COMMENT, i);
        } else if (at(z, p + 1, n) == '>') {
          return token(SqlTokenType.OPERATOR, p + 2 + (at(z, p + 2, n) == '>' ? 1 : 0));
        }
        return token(SqlTokenType.OPERATOR, p + 1);
      case CC_LP:
        return token(SqlTokenType.LEFT_PAREN, p + 1);
      case CC_RP:
        return token(SqlTokenType.RIGHT_PAREN, p + 1);
      case CC_SEMI:
        return token(SqlTokenType.SEMICOLON, p + 1);
      case CC_PLUS:
      case CC_STAR:
      case CC_PERCENT:
      case CC_AND:
      case CC_TILDA:
        return token(SqlTokenType.OPERATOR, p + 1);
      case CC_COMMA:
        return token(SqlTokenType.COMMA, p + 1);
      case CC_SLASH:
        if (at(z, p + 1, n) != '*' || at(z, p + 2, n) == 0) {
          return token(SqlTokenType.OPERATOR, p + 1);
        }
        c = at(z, p + 2, n);
        for (i = p + 3; (c != '*' || at(z, i, n) != '/') && (c = at(z, i, n)) != 0; i++) {}
        if (c != 0) {
          i++;
        }
        return token(SqlTokenType.COMMENT, i);
      case CC_EQ:
        return token(SqlTokenType.OPERATOR, p + 1 + (at(z, p + 1, n) == '=' ? 1 : 0));
      case CC_LT:
        c = at(z, p + 1, n);
        return token(SqlTokenType.OPERATOR, p + (c == '=' || c == '>' || c == '<' ? 2 : 1));
      case CC_GT:
        c = at(z, p + 1, n);
        return token(SqlTokenType.OPERATOR, p + (c == '=' || c == '>' ? 2 : 1));
      case CC_BANG:
        return at(z, p + 1, n) == '='
            ? token(SqlTokenType.OPERATOR, p + 2)
            : token(SqlTokenType.ILLEGAL, p + 1);
      case CC_PIPE:
        return token(SqlTokenType.OPERATOR, p + (at(z, p + 1, n) == '|' ? 2 : 1));
      case CC_QUOTE:
        {
          c = 0;
          for (i = p + 1; (c = at(z, i, n)) != 0; i++) {
            if (c == c0) {
              if (at(z, i + 1, n) == c0) {
                i++;
              } else {
                break;
              }
            }
          }
          if (c == '\'') {
            return token(SqlTokenType.STRING, i + 1);
          } else if (c != 0) {
            return token(SqlTokenType.QUOTED_IDENTIFIER, i + 1);
          }
          return token(SqlTokenType.ILLEGAL, i);
        }
      case CC_DOT:
        if (!isDigit(at(z, p + 1, n))) {
          return token(SqlTokenType.DOT, p + 1);
        }
        return number(z, p, n);
      case CC_DIGIT:
        return number(z, p, n);
      case CC_QUOTE2:
        c = c0;
        for (i = p + 1; c != ']' && (c = at(z, i, n)) != 0; i++) {}
        return token(c == ']' ? SqlTokenType.QUOTED_IDENTIFIER : SqlTokenType.ILLEGAL, i);
      case CC_VARNUM:
        for (i = p + 1; isDigit(at(z, i, n)); i++) {}
        return token(SqlTokenType.VARIABLE, i);
      case CC_DOLLAR:
      case CC_VARALPHA:
        return variable(z, p, n);
      case CC_KYWD0:
        if (charClass(at(z, p + 1, n)) > CC_KYWD) {
          i = p + 1;
          break;
        }
        for (i = p + 2; charClass(at(z, i, n)) <= CC_KYWD; i++) {}
        if (isIdChar(at(z, i, n))) {
          i++;
          break;
        }
        return token(isKeyword(z, p, i) ? SqlTokenType.KEYWORD : SqlTokenType.IDENTIFIER, i);
      case CC_X:
        if (at(z, p + 1, n) == '\'') {
          SqlTokenType type = SqlTokenType.BLOB;
          for (i = p + 2; isXdigit(at(z, i, n)); i++) {}
          if (at(z, i, n) != '\'' || (i - p) % 2 != 0) {
            type = SqlTokenType.ILLEGAL;
            while (at(z, i, n) != 0 && at(z, i, n) != '\'') {
              i++;
            }
          }
          if (at(z, i, n) != 0) {
            i++;
          }
          return token(type, i);
        }
        i = p + 1;
        break;
      case CC_KYWD:
      case CC_ID:
        i = p + 1;
        break;
      case CC_NUL:
        // SQLite stops reading here; the lexer reports it and goes on
        return token(SqlTokenType.ILLEGAL, p + 1);
      default:
        return token(SqlTokenType.ILLEGAL, p + 1);
    }
    while (isIdChar(at(z, i, n))) {
      i++;
    }
    return token(SqlTokenType.IDENTIFIER, i);
  }

  private static long number(CharSequence z, int p, int n) {
    boolean isFloat = false;
    boolean separated = false;
    boolean hex = false;
    int i;
    if (z.charAt(p) == '0'
        && (at(z, p + 1, n) == 'x' || at(z, p + 1, n) == 'X')
        && isXdigit(at(z, p + 2, n))) {
      hex = true;
      for (i = p + 3; ; i++) {
        if (!isXdigit(at(z, i, n))) {
          if (at(z, i, n) == '_') {
            separated = true;
          } else {
            break;
          }
        }
      }
    } else {
      for (i = p; ; i++) {
        if (!isDigit(at(z, i, n))) {
          if (at(z, i, n) == '_') {
            separated = true;
          } else {
            break;
          }
        }
      }
      if (at(z, i, n) == '.') {
        isFloat = true;
        for (i++; ; i++) {
          if (!isDigit(at(z, i, n))) {
            if (at(z, i, n) == '_') {
              separated = true;
            } else {
              break;
            }
          }
        }
      }
      char e = at(z, i, n);
      char e1 = at(z, i + 1, n);
      if ((e == 'e' || e == 'E')
          && (isDigit(e1) || ((e1 == '+' || e1 == '-') && isDigit(at(z, i + 2, n))))) {
        isFloat = true;
        for (i += 2; ; i++) {
          if (!isDigit(at(z, i, n))) {
            if (at(z, i, n) == '_') {
              separated = true;
            } else {
              break;
            }
          }
        }
      }
    }
    boolean illegal = false;
    while (isIdChar(at(z, i, n))) {
      illegal = true;
      i++;
    }
    if (!illegal && separated) {
      // sqlite3DequoteNumber: every '_' must stand between two (hex) digits
      for (int k = p; k < i; k++) {
        if (z.charAt(k) == '_') {
          char before = z.charAt(k - 1);
          char after = at(z, k + 1, n);
          boolean ok =
              hex ? isXdigit(before) && isXdigit(after) : isDigit(before) && isDigit(after);
          if (!ok) {
            illegal = true;
            break;
          }
        }
      }
    }
    if (illegal) {
      return token(SqlTokenType.ILLEGAL, i);
    }
    return token(isFloat ? SqlTokenType.FLOAT : SqlTokenType.INTEGER, i);
  }

  private static long variable(CharSequence z, int p, int n) {
    SqlTokenType type = SqlTokenType.VARIABLE;
    int count = 0;
    int i;
    char c;
    for (i = p + 1; (c = at(z, i, n)) != 0; i++) {
      if (isIdChar(c)) {
        count++;
      } else if (c == '(' && count > 0) {
        // Tcl: $a(anything up to a space or ')')
        do {
          i++;
        } while ((c = at(z, i, n)) != 0 && !isSpace(c) && c != ')');
        if (c == ')') {
          i++;
        } else {
          type = SqlTokenType.ILLEGAL;
        }
        break;
      } else if (c == ':' && at(z, i + 1, n) == ':') {
        i++;
      } else {
        break;
      }
    }
    if (count == 0) {
      type = SqlTokenType.ILLEGAL;
    }
    return token(type, i);
  }

  /**
   * Whether {@code z[start, end)}, ASCII letters and underscores only (the tokenizer's keyword
   * path), is one of {@link #KEYWORDS} in any case: looked up in an open-addressing table by a hash
   * of its upper-cased letters, without building a String.
   */
  private static boolean isKeyword(CharSequence z, int start, int end) {
    int length = end - start;
    if (length < 2 || length > 17) {
      return false;
    }
    int slot = keywordSlot(upperHash(z, start, end), KEYWORD_TABLE.length);
    for (String k = KEYWORD_TABLE[slot]; k != null; k = KEYWORD_TABLE[slot]) {
      if (k.length() == length && matches(z, start, k)) {
        return true;
      }
      slot = (slot + 1) & (KEYWORD_TABLE.length - 1);
    }
    return false;
  }

  private static int upperHash(CharSequence z, int start, int end) {
    int h = 0;
    for (int k = start; k < end; k++) {
      char c = z.charAt(k);
      if (c >= 'a' && c <= 'z') {
        c -= 32;
      }
      h = 31 * h + c;
    }
    return h;
  }

  private static int keywordSlot(int hash, int tableSize) {
    return (hash ^ (hash >>> 16)) & (tableSize - 1);
  }

  /** {@link #KEYWORDS} by {@link #upperHash}, linear probing; at most a quarter full. */
  private static final String[] KEYWORD_TABLE = keywordTable();

  private static String[] keywordTable() {
    int size = Integer.highestOneBit(KEYWORDS.size() * 4 - 1) << 1;
    String[] table = new String[size];
    for (String k : KEYWORDS) {
      int slot = keywordSlot(upperHash(k, 0, k.length()), size);
      while (table[slot] != null) {
        slot = (slot + 1) & (size - 1);
      }
      table[slot] = k;
    }
    return table;
  }

  /**
   * Whether the token at {@code [start, end)} (the last of the input when unterminated) opens a
   * string, quoted identifier, blob or block comment that the input never closes: the cases {@code
   * sqlite3_complete} calls incomplete.
   */
  static boolean unterminated(CharSequence z, SqlTokenType type, int start, int end) {
    char c = z.charAt(start);
    int length = end - start;
    if (type == SqlTokenType.COMMENT) {
      return c == '/' && (length < 4 || z.charAt(end - 1) != '/' || z.charAt(end - 2) != '*');
    }
    if (type != SqlTokenType.ILLEGAL) {
      return false;
    }
    switch (c) {
      case '\'':
      case '"':
      case '`':
      case '[':
        return true;
      case 'x':
      case 'X':
        return length >= 2
            && z.charAt(start + 1) == '\''
            && (length == 2 || z.charAt(end - 1) != '\'');
      default:
        return false;
    }
  }

  // sqlite3_complete's token classes and states (complete.c)
  static final int TK_SEMI = 0;
  static final int TK_WS = 1;
  static final int TK_OTHER = 2;
  static final int TK_EXPLAIN = 3;
  static final int TK_CREATE = 4;
  static final int TK_TEMP = 5;
  static final int TK_TRIGGER = 6;
  static final int TK_END = 7;

  /** The start state: nothing seen yet. */
  static final int INVALID = 0;

  /** After a {@code ;} that ends a statement. */
  static final int START = 1;

  /** States 5 (in a trigger body) and 6 (after a {@code ;} in one): a {@code ;} ends nothing. */
  static final int[][] TRANSITIONS = {
    /* 0 INVALID: */ {1, 0, 2, 3, 4, 2, 2, 2},
    /* 1   START: */ {1, 1, 2, 3, 4, 2, 2, 2},
    /* 2  NORMAL: */ {1, 2, 2, 2, 2, 2, 2, 2},
    /* 3 EXPLAIN: */ {1, 3, 3, 2, 4, 2, 2, 2},
    /* 4  CREATE: */ {1, 4, 2, 2, 2, 4, 5, 2},
    /* 5 TRIGGER: */ {6, 5, 5, 5, 5, 5, 5, 5},
    /* 6    SEMI: */ {6, 6, 5, 5, 5, 5, 5, 7},
    /* 7     END: */ {1, 7, 5, 5, 5, 5, 5, 5},
  };

  /** The sqlite3_complete token class of a token. */
  static int completeClass(CharSequence z, SqlTokenType type, int start, int end) {
    switch (type) {
      case SEMICOLON:
        return TK_SEMI;
      case SPACE:
      case COMMENT:
        return TK_WS;
      case KEYWORD:
        switch (end - start) {
          case 3:
            return matches(z, start, "END") ? TK_END : TK_OTHER;
          case 4:
            return matches(z, start, "TEMP") ? TK_TEMP : TK_OTHER;
          case 6:
            return matches(z, start, "CREATE") ? TK_CREATE : TK_OTHER;
          case 7:
            if (matches(z, start, "TRIGGER")) {
              return TK_TRIGGER;
            }
            return matches(z, start, "EXPLAIN") ? TK_EXPLAIN : TK_OTHER;
          case 9:
            return matches(z, start, "TEMPORARY") ? TK_TEMP : TK_OTHER;
          default:
            return TK_OTHER;
        }
      default:
        return TK_OTHER;
    }
  }

  private static boolean matches(CharSequence z, int start, String upper) {
    for (int k = 0; k < upper.length(); k++) {
      char c = z.charAt(start + k);
      if (c >= 'a' && c <= 'z') {
        c -= 32;
      }
      if (c != upper.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
