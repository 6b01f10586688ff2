package io.github.d1java.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.testkit.TestDatabases.Handle;
import io.github.d1java.testkit.TestDatabases.Recipe;
import io.github.d1java.testkit.TestDatabases.Setup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

class TestDatabasesTest {

  @TempDir Path dir;

  private static Setup migrationsAt(String location) {
    return new Setup(location, null, "d1_migrations", List.of(), List.of(), false);
  }

  @Nested
  class Resolve {

    @Test
    void findsADirectoryOnDisk() throws IOException {
      Path migrations = Files.createDirectories(dir.resolve("testkit/migrations"));
      Recipe recipe = migrationsAt(migrations.toString()).resolve(getClass().getClassLoader());
      assertThat(recipe.migrations()).isEqualTo(migrations.toAbsolutePath());
    }

    @Test
    void findsAClasspathDirectory() {
      Recipe recipe = migrationsAt("/testkit/migrations").resolve(getClass().getClassLoader());
      assertThat(recipe.migrations()).isEqualTo(Resources.path("testkit/migrations"));
    }

    @Test
    void rejectsMigrationsInsideAJar() throws IOException {
      Path jar = dir.resolve("migrations.jar");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream zip = new JarOutputStream(out)) {
        zip.putNextEntry(new JarEntry("jarred/"));
        zip.closeEntry();
        zip.putNextEntry(new JarEntry("jarred/0001_a.sql"));
        zip.write("CREATE TABLE a (x);".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
        assertThatThrownBy(() -> migrationsAt("jarred").resolve(loader))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageStartingWith("migrations folder 'jarred' is the classpath resource jar:")
            .hasMessageEndingWith("not a directory on disk; point migrations at a directory");
      }
    }

    @Test
    void rejectsAMissingMigrationsObjectDirectory() {
      Setup setup =
          new Setup(
              null,
              D1Migrations.of(dir.resolve("gone")),
              "d1_migrations",
              List.of(),
              List.of(),
              false);
      assertThatThrownBy(() -> setup.resolve(getClass().getClassLoader()))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageEndingWith("No migrations present at " + dir.resolve("gone") + ".");
    }

    @Test
    void resolvesSeedFilesOnDiskAndOnTheClasspath() throws IOException {
      Path file = Files.writeString(dir.resolve("local.sql"), "SELECT 1;");
      Setup setup =
          new Setup(
              null,
              null,
              "d1_migrations",
              List.of("testkit/schema.sql"),
              List.of(file.toString()),
              false);
      Recipe recipe = setup.resolve(getClass().getClassLoader());
      assertThat(recipe.schema()).containsExactly(Resources.path("testkit/schema.sql").toUri());
      assertThat(recipe.seed()).containsExactly(file.toUri());
      assertThat(recipe.migrations()).isNull();
    }

    @Test
    void equalSetupsGiveEqualRecipes() {
      ClassLoader loader = getClass().getClassLoader();
      assertThat(migrationsAt("testkit/migrations").resolve(loader))
          .isEqualTo(migrationsAt(Resources.path("testkit/migrations").toString()).resolve(loader));
    }
  }

  @Nested
  class Open {

    @Test
    void copiesTheTemplateIntoAFileAndDeletesItOnClose() {
      byte[] template;
      try (Handle source = TestDatabases.open(emptyTemplate(), false)) {
        source.database.prepare("CREATE TABLE t (a)").run();
        source.database.prepare("INSERT INTO t VALUES (1)").run();
        template = source.database.dump();
      }
      Handle handle = TestDatabases.open(template, true);
      Path file = handle.database.file();
      assertThat(handle.database.prepare("SELECT a FROM t").<Long>first("a")).isEqualTo(1L);
      handle.close();
      handle.close();
      assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void givesIndependentInMemoryCopies() {
      byte[] template = emptyTemplate();
      try (Handle a = TestDatabases.open(template, false);
          Handle b = TestDatabases.open(template, false)) {
        a.database.prepare("CREATE TABLE only_in_a (x)").run();
        assertThat(b.database.prepare("SELECT count(*) AS n FROM sqlite_master").<Long>first("n"))
            .isZero();
        assertThat(a.database.file()).isNull();
      }
    }

    private byte[] emptyTemplate() {
      return TestDatabases.buildTemplate(
          new Recipe(null, "d1_migrations", "*.sql", List.of(), List.of()));
    }
  }
}
