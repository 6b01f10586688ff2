/** The D1 binding API. Depends on nothing but the JDK. */
module io.github.d1java {
  exports io.github.d1java;
  exports io.github.d1java.spi;
  exports io.github.d1java.sql;
  exports io.github.d1java.migrations;
}
