package io.github.d1java.sqlite.internal;

import io.github.d1java.sql.SqlStatement;
import java.sql.SQLException;

/**
 * A statement D1 accepts that sqlite-jdbc's SQLite cannot run as written, and how to run it: {@link
 * UpdateDeleteLimit} ({@code UPDATE}/{@code DELETE ... ORDER BY ... LIMIT}) and {@link
 * MetadataMaintenance} ({@code ANALYZE}/{@code REINDEX} of D1's internal table). The rules are
 * checked on the user's statement; only the text SQLite prepares changes. Immutable.
 */
interface Rewrite {

  /**
   * The statement SQLite runs in place of {@code st} on {@code conn}'s schema.
   *
   * @param conn the connection that will run it
   * @param st the user's statement, whose {@link Statement#rewrite()} is this
   * @return the statement to prepare, its error offsets mapped to {@code st}
   * @throws io.github.d1java.D1SqlException when D1 refuses the statement before running it, or the
   *     local engine cannot run it
   */
  Statement prepare(Conn conn, Statement st) throws SQLException;

  /** The rewrite a statement needs, or null (the common case: a first-keyword test). */
  static Rewrite of(SqlStatement parsed) {
    UpdateDeleteLimit udl = UpdateDeleteLimit.of(parsed);
    return udl != null ? udl : MetadataMaintenance.of(parsed);
  }
}
