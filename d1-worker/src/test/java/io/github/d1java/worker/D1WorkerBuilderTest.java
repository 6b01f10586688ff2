package io.github.d1java.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link D1Worker.Builder}: every setter validates at once, and the token never shows. */
class D1WorkerBuilderTest {

  private static final String SECRET = "s3cr3t-token-value";

  @Test
  void settersRefuseNullsNamingTheProperty() {
    D1Worker.Builder b = D1Worker.builder();
    assertThatThrownBy(() -> b.url(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("url");
    assertThatThrownBy(() -> b.token(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("token");
    assertThatThrownBy(() -> b.connectTimeout(null)).hasMessage("connectTimeout");
    assertThatThrownBy(() -> b.requestTimeout(null)).hasMessage("requestTimeout");
    assertThatThrownBy(() -> b.deadline(null)).hasMessage("deadline");
    assertThatThrownBy(() -> b.initialBackoff(null)).hasMessage("initialBackoff");
    assertThatThrownBy(() -> b.maxBackoff(null)).hasMessage("maxBackoff");
    assertThatThrownBy(() -> b.httpVersion(null)).hasMessage("httpVersion");
  }

  @Test
  void settersRefuseInvalidValuesNamingTheProperty() {
    D1Worker.Builder b = D1Worker.builder();
    assertThatThrownBy(() -> b.url(URI.create("ftp://d1.example.workers.dev")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must be an absolute http(s) URL, got 'ftp://d1.example.workers.dev'");
    assertThatThrownBy(() -> b.url(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("url must be an absolute http(s) URL");
    assertThatThrownBy(() -> b.url(URI.create("https://d1.example.workers.dev/?x=1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must have no query");
    assertThatThrownBy(() -> b.token("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be blank");
    assertThatThrownBy(() -> b.token("abc\n" + SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not contain whitespace or control characters")
        .message()
        .doesNotContain(SECRET);
    assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(-1)))
        .hasMessage("requestTimeout must be positive, got PT-1S");
    assertThatThrownBy(() -> b.deadline(Duration.ZERO))
        .hasMessage("deadline must be positive, got PT0S");
    assertThatThrownBy(() -> b.maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(() -> b.initialBackoff(Duration.ofMillis(-1)))
        .hasMessage("initialBackoff must not be negative, got PT-0.001S");
    assertThatThrownBy(() -> b.maxBackoff(Duration.ofMillis(-1)))
        .hasMessage("maxBackoff must not be negative, got PT-0.001S");
  }

  @Test
  void buildNamesWhatIsMissingOrInconsistent() {
    assertThatThrownBy(() -> D1Worker.builder().token(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("url is required");
    assertThatThrownBy(() -> D1Worker.builder().url(URI.create("http://127.0.0.1:1")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("token is required");
    assertThatThrownBy(
            () ->
                D1Worker.builder()
                    .url(URI.create("http://127.0.0.1:1"))
                    .token(SECRET)
                    .initialBackoff(Duration.ofSeconds(2))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxBackoff must not be less than initialBackoff");
  }

  @Test
  void aValidBuilderBuildsWithoutIoAndNeverPrintsTheToken() {
    D1Worker.Builder b =
        D1Worker.builder()
            .url(URI.create("http://127.0.0.1:1/"))
            .token(SECRET)
            .maxAttempts(1)
            .deadline(Duration.ofSeconds(1));
    assertThat(b.build()).isNotNull();
    assertThat(b.toString()).doesNotContain(SECRET).contains("***");
  }

  @Test
  void fromEnvNamesTheVariableThatIsInvalid() {
    assertThatThrownBy(
            () ->
                D1Worker.fromEnv(
                    Map.of("D1_WORKER_URL", "ftp://x", "D1_WORKER_TOKEN", SECRET)::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("D1_WORKER_URL: url must be an absolute http(s) URL, got 'ftp://x'");
    assertThatThrownBy(
            () ->
                D1Worker.fromEnv(
                    Map.of("D1_WORKER_URL", "http://127.0.0.1:1", "D1_WORKER_TOKEN", "a b")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("D1_WORKER_TOKEN: token must not contain whitespace or control characters");
    assertThat(
            D1Worker.fromEnv(
                    Map.of("D1_WORKER_URL", "http://127.0.0.1:1", "D1_WORKER_TOKEN", SECRET)::get)
                .build())
        .isNotNull();
  }
}
