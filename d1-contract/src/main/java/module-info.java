/**
 * The backend contract suite: abstract JUnit 5 tests every {@code D1Database} implementation runs.
 * Opened so JUnit can run the package-private test methods.
 */
open module io.github.d1java.contract {
  requires transitive io.github.d1java;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;

  exports io.github.d1java.contract;
}
