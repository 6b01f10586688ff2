package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.testkit.server.FakeD1Server;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class D1RemoteBuilderTest {

  static D1Remote.Builder valid() {
    return D1Remote.builder().accountId("acc").apiToken("tok").databaseId("db-1");
  }

  private static Arguments invalid(UnaryOperator<D1Remote.Builder> change, String message) {
    return Arguments.of(change, message);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        invalid(b -> b.accountId("a/b"), "accountId must match [A-Za-z0-9_-]+, got 'a/b'"),
        invalid(b -> b.apiToken(" "), "apiToken must not be blank"),
        invalid(
            b -> b.apiToken("a b"), "apiToken must not contain whitespace or control characters"),
        invalid(b -> b.databaseId("x y"), "databaseId must match [A-Za-z0-9_-]+, got 'x y'"),
        invalid(b -> b.databaseName(" "), "databaseName must not be blank"),
        invalid(
            b -> b.baseUrl("ftp://x"), "baseUrl must be an absolute http(s) URL, got 'ftp://x'"),
        invalid(b -> b.baseUrl("http://bad host"), "baseUrl is not a valid URL: 'http://bad host'"),
        invalid(b -> b.requestTimeout(Duration.ZERO), "requestTimeout must be positive, got PT0S"),
        invalid(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be positive, got PT0S"),
        invalid(b -> b.deadline(Duration.ofSeconds(-1)), "deadline must be positive, got PT-1S"),
        invalid(b -> b.pollTimeout(Duration.ZERO), "pollTimeout must be positive, got PT0S"),
        invalid(b -> b.maxAttempts(0), "maxAttempts must be at least 1, got 0"),
        invalid(
            b -> b.initialBackoff(Duration.ofMillis(-1)),
            "initialBackoff must not be negative, got PT-0.001S"),
        invalid(
            b -> b.maxBackoff(Duration.ofMillis(-1)),
            "maxBackoff must not be negative, got PT-0.001S"),
        invalid(
            b -> b.pollInterval(Duration.ofMillis(-1)),
            "pollInterval must not be negative, got PT-0.001S"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void setterRejectsAnInvalidValueNamingTheProperty(
      UnaryOperator<D1Remote.Builder> change, String message) {
    D1Remote.Builder builder = valid();
    assertThatThrownBy(() -> change.apply(builder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> nullValues() {
    return Stream.of(
        invalid(b -> b.baseUrl(null), "baseUrl"),
        invalid(b -> b.accountId(null), "accountId"),
        invalid(b -> b.apiToken(null), "apiToken"),
        invalid(b -> b.databaseId(null), "databaseId"),
        invalid(b -> b.databaseName(null), "databaseName"),
        invalid(b -> b.connectTimeout(null), "connectTimeout"),
        invalid(b -> b.requestTimeout(null), "requestTimeout"),
        invalid(b -> b.deadline(null), "deadline"),
        invalid(b -> b.initialBackoff(null), "initialBackoff"),
        invalid(b -> b.maxBackoff(null), "maxBackoff"),
        invalid(b -> b.pollInterval(null), "pollInterval"),
        invalid(b -> b.pollTimeout(null), "pollTimeout"),
        invalid(b -> b.httpVersion(null), "httpVersion"));
  }

  @ParameterizedTest
  @MethodSource("nullValues")
  void setterRejectsNullNamingTheProperty(UnaryOperator<D1Remote.Builder> change, String name) {
    D1Remote.Builder builder = valid();
    assertThatThrownBy(() -> change.apply(builder))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(name);
  }

  @Test
  void aRejectedTokenIsNotEchoed() {
    assertThatThrownBy(() -> valid().apiToken("secret token")).hasMessageNotContaining("secret");
  }

  static Stream<Arguments> invalidCombinations() {
    return Stream.of(
        invalid(b -> D1Remote.builder().apiToken("tok").databaseId("db"), "accountId is required"),
        invalid(b -> D1Remote.builder().accountId("acc").databaseId("db"), "apiToken is required"),
        invalid(
            b -> D1Remote.builder().accountId("acc").apiToken("tok"),
            "databaseId or databaseName is required"),
        invalid(b -> b.databaseName("x"), "set databaseId or databaseName, not both"),
        invalid(
            b -> b.initialBackoff(Duration.ofSeconds(99)),
            "maxBackoff must not be less than initialBackoff"));
  }

  @ParameterizedTest
  @MethodSource("invalidCombinations")
  void buildRejectsAnInvalidCombinationNamingTheProperties(
      UnaryOperator<D1Remote.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }

  @Test
  void defaultsAreTheDocumentedConstants() {
    D1RemoteDatabase db = valid().build();
    assertThat(db.toString()).contains(D1Remote.DEFAULT_BASE_URL);
    assertThat(db.databaseId()).isEqualTo("db-1");
  }

  @Nested
  class FromEnv {
    @Test
    void readsTheCloudflareVariables() {
      Map<String, String> env =
          Map.of(
              "CLOUDFLARE_ACCOUNT_ID",
              "acc",
              "CLOUDFLARE_API_TOKEN",
              "tok",
              "CLOUDFLARE_D1_DATABASE_ID",
              "db-2",
              "CLOUDFLARE_API_BASE_URL",
              "http://127.0.0.1:1/client/v4");
      D1RemoteDatabase db = D1Remote.fromEnv(env::get).build();
      assertThat(db.databaseId()).isEqualTo("db-2");
      assertThat(db.toString()).contains("http://127.0.0.1:1/client/v4");
    }

    @Test
    void acceptsD1DatabaseId() {
      Map<String, String> env =
          Map.of(
              "CLOUDFLARE_ACCOUNT_ID",
              "acc",
              "CLOUDFLARE_API_TOKEN",
              "tok",
              "D1_DATABASE_ID",
              "db-3");
      assertThat(D1Remote.fromEnv(env::get).build().databaseId()).isEqualTo("db-3");
    }

    @Test
    void namesTheMissingVariable() {
      assertThatThrownBy(() -> D1Remote.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "acc")::get))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("CLOUDFLARE_API_TOKEN is not set");
      assertThatThrownBy(() -> D1Remote.fromEnv(Map.<String, String>of()::get))
          .hasMessage("CLOUDFLARE_ACCOUNT_ID is not set");
      assertThatThrownBy(
              () ->
                  D1Remote.fromEnv(
                      Map.of("CLOUDFLARE_ACCOUNT_ID", "a", "CLOUDFLARE_API_TOKEN", "t")::get))
          .hasMessage("CLOUDFLARE_D1_DATABASE_ID (or D1_DATABASE_ID) is not set");
    }
  }

  @Nested
  class DatabaseName {
    @Test
    void isResolvedOnceThroughTheListEndpoint() {
      try (FakeD1Server server = FakeD1Server.start()) {
        server.createDatabase("app-staging");
        String id = server.createDatabase("app");
        D1RemoteDatabase db =
            D1Remote.builder()
                .baseUrl(server.baseUrl())
                .accountId(server.accountId())
                .apiToken(server.apiToken())
                .databaseName("app")
                .build();
        assertThat(db.databaseId()).isEqualTo(id);
        assertThat(server.takeRequest().target()).contains("/d1/database?").contains("name=app");
        db.prepare("SELECT 1").all();
        assertThat(server.requestCount()).isEqualTo(2);
      }
    }

    @Test
    void anUnknownNameFailsAtBuild() {
      try (FakeD1Server server = FakeD1Server.start()) {
        assertThatThrownBy(
                () ->
                    D1Remote.builder()
                        .baseUrl(server.baseUrl())
                        .accountId(server.accountId())
                        .apiToken(server.apiToken())
                        .databaseName("ghost")
                        .build())
            .isInstanceOf(D1ApiException.class)
            .hasMessageContaining("no database named 'ghost'");
      }
    }
  }
}
