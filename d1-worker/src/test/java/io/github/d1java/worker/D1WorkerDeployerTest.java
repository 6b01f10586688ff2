package io.github.d1java.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.remote.D1ApiException;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link D1WorkerDeployer} against the fake Workers API. */
class D1WorkerDeployerTest {

  static final String TOKEN = D1WorkerDeployer.newToken();

  FakeD1Server server;
  D1WorkerDeployer deployer;
  String appId;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.start();
    appId = server.createDatabase("app");
    deployer = D1WorkerDeployer.create(server.baseUrl(), server.accountId(), server.apiToken());
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void deployReturnsTheWorkersDevUrl() {
    URI url = deployer.deploy("edge", appId, TOKEN);
    assertThat(url).isEqualTo(URI.create("https://edge.d1-java-fake.workers.dev"));
    assertThat(server.takeRequest().method()).isEqualTo("PUT");
    assertThat(server.takeRequest().path()).endsWith("/workers/scripts/edge/subdomain");
    assertThat(server.takeRequest().path()).endsWith("/workers/subdomain");
  }

  @Test
  void anUnknownDatabaseIsRefusedByTheApi() {
    assertThatThrownBy(() -> deployer.deploy("edge", "00000000-0000-0000-0000-000000000000", TOKEN))
        .isInstanceOf(D1ApiException.class)
        .hasMessageContaining("binding DB of type d1 must have a valid `id`")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void anAccountWithoutWorkersDevSubdomainIsExplained() {
    server.enqueue(FakeResponse.passThrough());
    server.enqueue(FakeResponse.passThrough());
    server.enqueue(
        FakeResponse.json(200, "{\"success\":true,\"errors\":[],\"result\":{\"subdomain\":null}}"));
    assertThatThrownBy(() -> deployer.deploy("edge", appId, TOKEN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no workers.dev subdomain");
  }

  @Test
  void validatesArguments() {
    assertThatThrownBy(() -> deployer.deploy("-x", appId, TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("script name");
    assertThatThrownBy(() -> deployer.deploy("edge", appId, "x".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 characters");
    assertThatThrownBy(() -> D1WorkerDeployer.create("ftp://x", "a", "t"))
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> D1WorkerDeployer.create(server.baseUrl(), "a/b", "t"))
        .hasMessageContaining("accountId");
    assertThatThrownBy(() -> D1WorkerDeployer.create(server.baseUrl(), "a", " "))
        .hasMessageContaining("apiToken is required");
    assertThat(deployer.toString()).doesNotContain(server.apiToken());
    assertThat(D1WorkerDeployer.newToken()).hasSize(64).isNotEqualTo(TOKEN);
  }

  @Test
  void wranglerProjectHasTheBindingAndThePlaceholderWhenTheIdIsUnknown() {
    Map<String, String> files = D1WorkerDeployer.wranglerProject("edge", "app", null);
    assertThat(files.keySet()).containsExactly("wrangler.json", "src/d1-worker.js");
    assertThat(files.get("wrangler.json"))
        .contains("\"binding\" : \"DB\"")
        .contains("<run: d1 create app>");
  }
}
