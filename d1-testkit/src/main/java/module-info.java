/**
 * The JUnit 5 testkit: {@code @D1Test} databases, assertions, the fake D1 REST server and the
 * contract suite's old name. Exports only public packages; the fake server's internals stay hidden.
 */
module io.github.d1java.testkit {
  requires transitive io.github.d1java;
  requires transitive io.github.d1java.sqlite;
  requires transitive io.github.d1java.contract;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires org.junit.platform.commons;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.github.d1java.testkit;
  exports io.github.d1java.testkit.contract;
  exports io.github.d1java.testkit.server;
}
