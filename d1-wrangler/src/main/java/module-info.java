/**
 * wrangler's D1 commands as a library: project configuration, SQL import and export, migrations and
 * time travel, on local or remote databases. Exports only the public package.
 */
module io.github.d1java.wrangler {
  requires transitive io.github.d1java;
  requires transitive io.github.d1java.sqlite;
  requires transitive io.github.d1java.remote;
  requires java.sql;
  requires org.xerial.sqlitejdbc;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.toml;

  exports io.github.d1java.wrangler;
}
