/** The local D1 engine on SQLite. Exports only the entry point package. */
module io.github.d1java.sqlite {
  requires transitive io.github.d1java;
  requires org.xerial.sqlitejdbc;
  requires com.zaxxer.hikari;
  requires java.sql;
  requires org.slf4j;

  exports io.github.d1java.sqlite;
}
