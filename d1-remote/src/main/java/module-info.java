/** D1 over Cloudflare's REST API. */
module io.github.d1java.remote {
  requires transitive io.github.d1java;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.github.d1java.remote;
  // the wire (codec, error mapping, retries, HTTP) has one owner, shared with the Worker client
  exports io.github.d1java.remote.internal to
      io.github.d1java.worker;
}
