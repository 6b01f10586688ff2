/**
 * The {@code d1} command line. Exports only the entry point; picocli reads the command classes
 * reflectively.
 */
module io.github.d1java.cli {
  requires io.github.d1java.wrangler;
  requires io.github.d1java.worker;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires org.xerial.sqlitejdbc;

  exports io.github.d1java.cli;

  opens io.github.d1java.cli to
      info.picocli;
  opens io.github.d1java.cli.internal to
      info.picocli;
}
