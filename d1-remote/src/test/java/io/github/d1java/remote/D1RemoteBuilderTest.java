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

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.accountId(null), "accountId is required"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.accountId("a/b"), "accountId must match"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.apiToken(" "), "apiToken is required"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.apiToken("a b"), "apiToken must not contain whitespace"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.databaseId(null), "databaseId or databaseName is required"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.databaseName("x"), "not both"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.databaseId("x y"), "databaseId must match"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.baseUrl("ftp://x"), "baseUrl must be an absolute http(s) URL"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.baseUrl("http://bad host"), "baseUrl"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.requestTimeout(Duration.ZERO), "requestTimeout must be positive"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.connectTimeout(null), "connectTimeout is required"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.deadline(Duration.ofSeconds(-1)), "deadline must be positive"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.maxAttempts(0), "maxAttempts must be at least 1"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.initialBackoff(Duration.ofSeconds(9)), "maxBackoff must not be less"),
        Arguments.of((UnaryOperator<D1Remote.Builder>) b -> b.pollInterval(Duration.ofMillis(-1)), "pollInterval must not be negative"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidConfigurationFailsFastNamingTheProperty(UnaryOperator<D1Remote.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(message);
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
      Map<String, String> env = Map.of("CLOUDFLARE_ACCOUNT_ID", "acc", "CLOUDFLARE_API_TOKEN", "tok",
          "CLOUDFLARE_D1_DATABASE_ID", "db-2", "CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:1/client/v4");
      D1RemoteDatabase db = D1Remote.fromEnv(env::get).build();
      assertThat(db.databaseId()).isEqualTo("db-2");
      assertThat(db.toString()).contains("http://127.0.0.1:1/client/v4");
    }

    @Test
    void acceptsD1DatabaseId() {
      Map<String, String> env = Map.of("CLOUDFLARE_ACCOUNT_ID", "acc", "CLOUDFLARE_API_TOKEN", "tok", "D1_DATABASE_ID", "db-3");
      assertThat(D1Remote.fromEnv(env::get).build().databaseId()).isEqualTo("db-3");
    }

    @Test
    void namesTheMissingVariable() {
      assertThatThrownBy(() -> D1Remote.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "acc")::get))
          .isInstanceOf(IllegalStateException.class).hasMessage("CLOUDFLARE_API_TOKEN is not set");
      assertThatThrownBy(() -> D1Remote.fromEnv(Map.<String, String>of()::get))
          .hasMessage("CLOUDFLARE_ACCOUNT_ID is not set");
      assertThatThrownBy(() -> D1Remote.fromEnv(Map.of("CLOUDFLARE_ACCOUNT_ID", "a", "CLOUDFLARE_API_TOKEN", "t")::get))
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
        D1RemoteDatabase db = D1Remote.builder().baseUrl(server.baseUrl()).accountId(server.accountId())
            .apiToken(server.apiToken()).databaseName("app").build();
        assertThat(db.databaseId()).isEqualTo(id);
        assertThat(server.takeRequest().target()).contains("/d1/database?").contains("name=app");
        db.prepare("SELECT 1").all();
        assertThat(server.requestCount()).isEqualTo(2);
      }
    }

    @Test
    void anUnknownNameFailsAtBuild() {
      try (FakeD1Server server = FakeD1Server.start()) {
        assertThatThrownBy(() -> D1Remote.builder().baseUrl(server.baseUrl()).accountId(server.accountId())
                .apiToken(server.apiToken()).databaseName("ghost").build())
            .isInstanceOf(D1ApiException.class)
            .hasMessageContaining("no database named 'ghost'");
      }
    }
  }
}
