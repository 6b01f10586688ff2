package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1Exception;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class D1RemoteAuthAndLoggingTest {

  static final String TOKEN = "tok-3f9a1c7e5b2d4a6c8e0f1a3b5c7d9e1f";

  FakeD1Server server;
  String id;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.builder().apiToken(TOKEN).start();
    id = server.createDatabase("app");
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private D1Remote.Builder client(String token) {
    return D1Remote.builder().baseUrl(server.baseUrl()).accountId(server.accountId()).apiToken(token)
        .databaseId(id).clock(new TestClock());
  }

  private static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Nested
  class Authentication {
    @Test
    void aWrongTokenIsA401AuthenticationErrorWithoutTheToken() {
      String wrong = "tok-wrong-0000000000000000000000000";
      Throwable t = catchThrowable(() -> client(wrong).build().prepare("SELECT 1").all());
      assertThat(t).isInstanceOfSatisfying(D1AuthenticationException.class, e -> {
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.isRetryable()).isFalse();
      });
      assertThat(t).hasMessage("D1_AUTH_ERROR: Authentication error [code: 10000]");
      assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aForbiddenAccountIsA403() {
      D1RemoteDatabase db = D1Remote.builder().baseUrl(server.baseUrl()).accountId("other").apiToken(TOKEN)
          .databaseId(id).build();
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOfSatisfying(D1AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(403))
          .hasMessageContaining("not authorized to access this service [code: 7403]");
    }

    @Test
    void aTokenEchoedByTheServerIsScrubbedFromMessages() {
      server.enqueue(FakeResponse.error(403, 9109, "Invalid access token " + TOKEN));
      Throwable t = catchThrowable(() -> client(TOKEN).build().prepare("SELECT 1").all());
      assertThat(t).isInstanceOf(D1AuthenticationException.class).hasMessageContaining("***");
      assertNoToken(t);
    }

    @Test
    void toStringsNeverShowTheToken() {
      D1RemoteDatabase db = client(TOKEN).build();
      assertThat(db.toString()).doesNotContain(TOKEN);
      assertThat(client(TOKEN).toString()).doesNotContain(TOKEN).contains("***");
      assertThat(db.account().toString()).doesNotContain(TOKEN);
    }

    @Test
    void noFailureMessageContainsTheToken() {
      D1RemoteDatabase db = client(TOKEN).maxAttempts(1).build();
      Consumer<Runnable> check = r -> assertNoToken(catchThrowable(r::run));
      server.enqueue(FakeResponse.internalError());
      check.accept(() -> db.prepare("SELECT 1").all());
      server.enqueue(FakeResponse.malformedJson());
      check.accept(() -> db.prepare("SELECT 1").all());
      server.enqueue(FakeResponse.dropConnection());
      check.accept(() -> db.prepare("SELECT 1").all());
      server.enqueue(FakeResponse.json(502, "<html>bad gateway " + TOKEN + "</html>"));
      check.accept(() -> db.prepare("SELECT 1").all());
      check.accept(() -> db.prepare("SELECT * FROM nope").all());
      check.accept(() -> db.exec("nope"));
    }

    private void assertNoToken(Throwable t) {
      assertThat(t).isInstanceOf(D1Exception.class);
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).doesNotContain(TOKEN);
      }
    }
  }

  @Nested
  class Logging {
    @Test
    void debugLogsShowSqlAndTimingsButNeverTheTokenOrValues() {
      D1RemoteDatabase db = client(TOKEN).build();
      String log = captureStderr(() -> {
        db.prepare("SELECT ? AS secret_value").bind("hunter2").all();
        server.enqueue(FakeResponse.internalError());
        db.prepare("SELECT 1").all();
        db.batch(db.prepare("SELECT 2"));
      });
      assertThat(log).contains("SELECT ? AS secret_value").contains("(1 params)").contains("HTTP 200 in")
          .contains("retrying in");
      assertThat(log).doesNotContain(TOKEN).doesNotContain("hunter2");
    }

    @Test
    void boundValuesAreLoggedOnlyWhenEnabled() {
      D1RemoteDatabase db = client(TOKEN).logBoundValues(true).build();
      String log = captureStderr(() -> db.prepare("SELECT ? AS v, ? AS b").bind("hunter2", new byte[] {1, 2}).all());
      assertThat(log).contains("params=['hunter2', x'0102']").doesNotContain(TOKEN);
    }
  }
}
