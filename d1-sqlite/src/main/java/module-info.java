/**
 * The local D1 engine on SQLite. Exports only the entry point package, and its internals to
 * d1-wrangler (bulk loading).
 */
module io.github.d1java.sqlite {
  requires transitive io.github.d1java;
  requires org.xerial.sqlitejdbc;
  requires com.zaxxer.hikari;
  requires java.sql;
  requires org.slf4j;

  exports io.github.d1java.sqlite;
  exports io.github.d1java.sqlite.internal to
      io.github.d1java.wrangler;
}
