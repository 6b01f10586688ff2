package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.remote.D1RemoteDatabase;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.testkit.server.FakeD1Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WranglerProjectTest {

  @TempDir Path dir;

  private WranglerProject project(String toml) throws IOException {
    Files.writeString(dir.resolve("wrangler.toml"), toml);
    return WranglerProject.find(dir, null);
  }

  @Nested
  class Local {
    @Test
    void opensTheHashedFileAndCreatesItsFolders() throws IOException {
      WranglerProject p = project("[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"x\"\n");

      try (D1SqliteDatabase db = p.openLocal("x", null)) {
        db.exec("CREATE TABLE t(a)");
        assertThat(db.file()).isEqualTo(p.localFile("DB", null));
      }
      assertThat(
              dir.resolve(
                  ".wrangler/state/v3/d1/miniflare-D1DatabaseObject/"
                      + "e7352547963de7050bd7d94658afc4fe78b61811b7815da12d90be8e863abf4d.sqlite"))
          .exists();
    }

    @Test
    void explicitConfigFileIsResolvedAgainstTheWorkingFolder() throws IOException {
      Files.createDirectories(dir.resolve("cfg"));
      Files.writeString(dir.resolve("cfg/w.jsonc"), "{\"d1_databases\":[{\"binding\":\"B\"}]}");

      WranglerProject p = WranglerProject.of(dir, Path.of("cfg/w.jsonc"), null);

      assertThat(
              p.localFile("B", null)
                  .startsWith(dir.toAbsolutePath().resolve("cfg/.wrangler/state")))
          .isTrue();
      assertThat(p.cwd()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void noConfigAnywhereIsExplained() {
      assertThatThrownBy(
              () -> WranglerProject.find(dir.getRoot().resolve("nonexistent-d1-dir"), null))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("No wrangler config");
    }
  }

  @Nested
  class Remote {
    FakeD1Server server;
    D1Account account;
    String appId;

    @BeforeEach
    void start() {
      server = FakeD1Server.start();
      appId = server.createDatabase("app");
      account =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .buildAccount();
    }

    @AfterEach
    void stop() {
      server.close();
    }

    @Test
    void configIdWinsWithoutAnyLookup() throws IOException {
      WranglerProject p = project("[[d1_databases]]\nbinding = \"DB\"\ndatabase_id = \"abc\"\n");

      assertThat(WranglerProject.remoteDatabaseId(p, account, "DB", false)).isEqualTo("abc");
      assertThat(server.requestCount()).isZero();
    }

    @Test
    void previewUsesThePreviewIdAndRequiresIt() throws IOException {
      WranglerProject p =
          project(
              "[[d1_databases]]\nbinding = \"DB\"\ndatabase_id = \"a\"\n"
                  + "preview_database_id = \"p\"\n[[d1_databases]]\nbinding = \"NOPREVIEW\"\n");

      assertThat(WranglerProject.remoteDatabaseId(p, account, "DB", true)).isEqualTo("p");
      assertThatThrownBy(() -> WranglerProject.remoteDatabaseId(p, account, "NOPREVIEW", true))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("preview_database_id");
    }

    @Test
    void entryWithoutIdIsLookedUpByItsDatabaseName() throws IOException {
      WranglerProject p = project("[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\n");

      try (D1RemoteDatabase db = p.openRemote(account, "DB")) {
        db.exec("CREATE TABLE r(a)");
      }
      assertThat(server.database(appId).prepare("SELECT count(*) AS n FROM r").<Long>first("n"))
          .isZero();
    }

    @Test
    void withoutAConfigTheNameIsLookedUp() {
      assertThat(WranglerProject.remoteDatabaseId(null, account, "app", false)).isEqualTo(appId);
      assertThatThrownBy(() -> WranglerProject.remoteDatabaseId(null, account, "nope", false))
          .isInstanceOf(WranglerException.class)
          .hasMessage("D1_WRANGLER_ERROR: Couldn't find DB with name 'nope'");
    }
  }
}
