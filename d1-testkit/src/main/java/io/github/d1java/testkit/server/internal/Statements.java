package io.github.d1java.testkit.server.internal;

import io.github.d1java.sql.SqlSplitException;
import io.github.d1java.sql.SqlSplitter;
import java.util.List;

/** Splits an {@code sql} text or an import file into statements as D1 does. */
final class Statements {

  private Statements() {}

  /**
   * The statements of {@code sql}, by d1-api's SQLite-faithful splitter; a text the splitter cannot
   * close (an unterminated string) is one statement, so the engine reports SQLite's own error.
   */
  static List<String> split(String sql) {
    try {
      return SqlSplitter.split(sql);
    } catch (SqlSplitException e) {
      return sql.isBlank() ? List.of() : List.of(sql);
    }
  }
}
