package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs against a real D1 database when {@code CLOUDFLARE_ACCOUNT_ID}, {@code CLOUDFLARE_API_TOKEN}
 * and {@code CLOUDFLARE_D1_DATABASE_ID} are set; skipped otherwise. Only reads, so it is safe on
 * any database.
 */
@EnabledIfEnvironmentVariable(named = "CLOUDFLARE_API_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "CLOUDFLARE_ACCOUNT_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "CLOUDFLARE_D1_DATABASE_ID", matches = ".+")
class D1RemoteLiveTest {

  @Test
  void readsFromARealDatabase() {
    try (D1RemoteDatabase db = D1Remote.fromEnv()) {
      assertThat(db.prepare("SELECT 1 AS one, 'a' AS a").raw(true))
          .containsExactly(List.of("one", "a"), List.of(1L, "a"));
      List<D1Result<Map<String, Object>>> batch = db.batch(db.prepare("SELECT 2 AS v"), db.prepare("SELECT 3 AS v"));
      assertThat(batch).extracting(r -> r.results().get(0).get("v")).containsExactly(2L, 3L);
      assertThat(batch.get(0).meta().servedByPrimary()).isNotNull();
    }
  }
}
