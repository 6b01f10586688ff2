package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WranglerConfigTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String TOML =
      "name = \"app\"\n"
          + "[[d1_databases]]\n"
          + "binding = \"DB\"\n"
          + "database_name = \"prod-db\"\n"
          + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n"
          + "migrations_dir = \"db/migrations\"\n"
          + "migrations_table = \"schema_history\"\n"
          + "[[d1_databases]]\n"
          + "binding = \"CACHE\"\n"
          + "database_name = \"cache\"\n"
          + "preview_database_id = \"preview-1\"\n"
          + "database_id = \"id-2\"\n"
          + "[env.staging]\n"
          + "[[env.staging.d1_databases]]\n"
          + "binding = \"DB\"\n"
          + "database_name = \"staging-db\"\n";

  private static final String JSONC =
      "// wrangler config\n"
          + "{\n"
          + "  \"name\": \"app\", /* block */\n"
          + "  \"d1_databases\": [\n"
          + "    { \"binding\": \"DB\", \"database_name\": \"prod-db\",\n"
          + "      \"database_id\": \"51e7c314-456e-4167-b6c3-869ad188fc23\", },\n"
          + "  ],\n"
          + "}\n";

  @Nested
  class Load {
    @Test
    void readsEveryD1KeyFromToml() throws IOException {
      WranglerConfig config = WranglerConfig.load(write("wrangler.toml", TOML));

      assertThat(config.d1Databases())
          .containsExactly(
              new D1DatabaseConfig(
                  "DB",
                  "prod-db",
                  "51e7c314-456e-4167-b6c3-869ad188fc23",
                  null,
                  "db/migrations",
                  "schema_history"),
              new D1DatabaseConfig("CACHE", "cache", "id-2", "preview-1", null, null));
      assertThat(config.d1Databases().get(1).migrationsDir()).isEqualTo("migrations");
      assertThat(config.d1Databases().get(1).migrationsTable()).isEqualTo("d1_migrations");
      assertThat(config.migrationsDir(config.d1Databases().get(0)))
          .isEqualTo(dir.toAbsolutePath().resolve("db/migrations").normalize());
    }

    @Test
    void readsJsoncWithCommentsAndTrailingCommas() throws IOException {
      WranglerConfig config = WranglerConfig.load(write("wrangler.jsonc", JSONC));

      assertThat(config.require("prod-db").binding()).isEqualTo("DB");
    }

    @Test
    void readsPlainJson() throws IOException {
      WranglerConfig config =
          WranglerConfig.load(
              write(
                  "wrangler.json",
                  "{\"d1_databases\":[{\"binding\":\"X\",\"database_name\":\"x\"}]}"));

      assertThat(config.d1Databases()).extracting(D1DatabaseConfig::binding).containsExactly("X");
    }

    @Test
    void readsAnEnvironmentsOwnDatabasesOnly() throws IOException {
      WranglerConfig config = WranglerConfig.load(write("wrangler.toml", TOML), "staging");

      assertThat(config.d1Databases())
          .extracting(D1DatabaseConfig::databaseName)
          .containsExactly("staging-db");
      assertThat(config.env()).isEqualTo("staging");
    }

    @Test
    void aConfigWithoutD1DatabasesHasNone() throws IOException {
      assertThat(WranglerConfig.load(write("wrangler.toml", "name = \"x\"\n")).d1Databases())
          .isEmpty();
    }

    @Test
    void unknownEnvironmentIsNamed() throws IOException {
      Path file = write("wrangler.toml", TOML);

      assertThatThrownBy(() -> WranglerConfig.load(file, "prod"))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("No environment \"prod\"")
          .hasMessageContaining(file.toString());
    }

    @Test
    void missingFileIsNamed() {
      Path file = dir.resolve("wrangler.toml");

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessage("D1_WRANGLER_ERROR: Wrangler config file not found: " + file);
    }

    @Test
    void malformedTomlNamesTheFile() throws IOException {
      Path file = write("wrangler.toml", "[[d1_databases]\nbinding = ");

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessageStartingWith("D1_WRANGLER_ERROR: Could not parse " + file);
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
      Path file = write("wrangler.json", "{\"d1_databases\": [");

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessageStartingWith("D1_WRANGLER_ERROR: Could not parse " + file);
    }

    @Test
    void unsupportedExtensionIsRefused() throws IOException {
      Path file = write("wrangler.yaml", "d1_databases: []");

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("expected .json, .jsonc or .toml");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"d1_databases\": {}}|d1_databases must be an array",
          "{\"d1_databases\": [1]}|d1_databases[0] must be an object",
          "{\"d1_databases\": [{\"database_name\": \"x\"}]}|d1_databases[0].binding is required",
          "{\"d1_databases\": [{\"binding\": \"B\", \"database_id\": 7}]}|d1_databases[0].database_id must be a string",
          "[]|the top level is not an object"
        })
    void wrongShapesNameTheKey(String json, String message) throws IOException {
      Path file = write("wrangler.json", json);

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining(message);
    }
  }

  @Nested
  class MigrationsPattern {
    @Test
    void isReadAndMadeRelativeToTheMigrationsDir() throws IOException {
      WranglerConfig config =
          WranglerConfig.load(
              write(
                  "wrangler.json",
                  "{\"d1_databases\":[{\"binding\":\"B\",\"migrations_dir\":\"drizzle\","
                      + "\"migrations_pattern\":\"drizzle/*/migration.sql\"}]}"));

      assertThat(config.require("B").relativeMigrationsPattern()).isEqualTo("*/migration.sql");
    }

    @Test
    void defaultsToSqlFilesInTheDir() {
      assertThat(
              new D1DatabaseConfig("B", null, null, null, null, null).relativeMigrationsPattern())
          .isEqualTo("*.sql");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "\"migrations_pattern\":\"m/*.sql\"|migrations_pattern requires migrations_dir",
          "\"migrations_dir\":\"m\",\"migrations_pattern\":\"other/*.sql\"|must start with \"m/\""
        })
    void isRefusedAsWranglerRefusesIt(String keys, String message) throws IOException {
      Path file = write("wrangler.json", "{\"d1_databases\":[{\"binding\":\"B\"," + keys + "}]}");

      assertThatThrownBy(() -> WranglerConfig.load(file))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining("d1_databases[0]")
          .hasMessageContaining(message);
    }
  }

  @Nested
  class Lookup {
    @Test
    void findsByDatabaseNameOrBinding() throws IOException {
      WranglerConfig config = WranglerConfig.load(write("wrangler.toml", TOML));

      assertThat(config.require("prod-db")).isSameAs(config.require("DB"));
      assertThat(config.find("nope")).isEmpty();
    }

    @Test
    void unknownDatabaseGivesWranglersMessage() throws IOException {
      WranglerConfig config = WranglerConfig.load(write("wrangler.jsonc", JSONC));

      assertThatThrownBy(() -> config.require("nope"))
          .isInstanceOf(WranglerException.class)
          .hasMessage(
              "D1_WRANGLER_ERROR: Couldn't find a D1 DB with the name or binding 'nope' in your"
                  + " wrangler.jsonc file.");
    }

    @Test
    void localKeyPrefersPreviewIdThenIdThenBinding() {
      assertThat(new D1DatabaseConfig("B", "n", "id", "pid", null, null).localKey())
          .isEqualTo("pid");
      assertThat(new D1DatabaseConfig("B", "n", "id", null, null, null).localKey()).isEqualTo("id");
      assertThat(new D1DatabaseConfig("B", "n", null, null, null, null).localKey()).isEqualTo("B");
    }
  }

  @Nested
  class Find {
    @Test
    void prefersJsonOverJsoncOverToml() throws IOException {
      write("wrangler.toml", TOML);
      write("wrangler.jsonc", JSONC);

      assertThat(WranglerConfig.find(dir)).contains(dir.toAbsolutePath().resolve("wrangler.jsonc"));
    }

    @Test
    void searchesParentFolders() throws IOException {
      write("wrangler.toml", TOML);
      Path sub = Files.createDirectories(dir.resolve("src/deep"));

      assertThat(WranglerConfig.find(sub)).contains(dir.toAbsolutePath().resolve("wrangler.toml"));
    }
  }
}
