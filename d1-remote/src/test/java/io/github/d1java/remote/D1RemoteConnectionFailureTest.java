package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Transport failures say what failed and where, never {@code null}, and never the token. */
class D1RemoteConnectionFailureTest {

  @Test
  void connectionRefusedNamesHostAndPortAndNotTheToken() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there now
    }
    String token = "tok-" + port + "-secret";
    try (D1RemoteDatabase db =
        D1Remote.builder()
            .baseUrl("http://127.0.0.1:" + port + "/client/v4")
            .accountId("acc")
            .apiToken(token)
            .databaseId("db")
            .maxAttempts(1)
            .build()) {
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1TransportException.class)
          .hasMessageContaining("connection refused to 127.0.0.1:" + port)
          .hasMessageNotContaining("null")
          .hasMessageNotContaining(token)
          .satisfies(e -> assertThat(((D1TransportException) e).status()).isEqualTo(-1));
    }
  }
}
