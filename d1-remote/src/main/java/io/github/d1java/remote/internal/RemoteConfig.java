package io.github.d1java.remote.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Validated configuration shared by the database and account clients. Immutable.
 *
 * @param baseUrl the API base URL without a trailing slash
 * @param accountId the account id
 * @param apiToken the API token; never printed
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout timeout of one HTTP attempt
 * @param deadline overall deadline of one call, retries included
 * @param maxAttempts attempts per call, at least 1
 * @param initialBackoff first retry delay before jitter
 * @param maxBackoff cap of the retry delay
 * @param pollInterval delay between export/import polls
 * @param pollTimeout how long an export or import may poll before giving up
 * @param logBoundValues whether debug logs include bound values
 * @param httpVersion the preferred HTTP version
 * @param clock time source and sleeper
 * @param random jitter source in [0, 1)
 */
public record RemoteConfig(
    String baseUrl,
    String accountId,
    String apiToken,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration deadline,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration pollInterval,
    Duration pollTimeout,
    boolean logBoundValues,
    HttpClient.Version httpVersion,
    RetryClock clock,
    DoubleSupplier random) {

  /** Checks for nulls; the public builder validates values. */
  public RemoteConfig {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(apiToken, "apiToken");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    Objects.requireNonNull(httpVersion, "httpVersion");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
  }

  @Override
  public String toString() {
    return "RemoteConfig[baseUrl=" + baseUrl + ", accountId=" + accountId + ", apiToken=***]";
  }
}
