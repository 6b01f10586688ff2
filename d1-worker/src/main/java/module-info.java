/** D1 through a Worker that holds the D1 binding, and the Worker script itself. */
module io.github.d1java.worker {
  requires transitive io.github.d1java;
  requires transitive io.github.d1java.remote;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.github.d1java.worker;
}
