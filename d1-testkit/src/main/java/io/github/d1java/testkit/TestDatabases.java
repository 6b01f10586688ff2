package io.github.d1java.testkit;

import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.migrations.D1Scripts;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Resolves a {@link Setup} to files, builds its template database once, and opens copies of it.
 * Thread-safe.
 */
final class TestDatabases {

  /** How many templates were built in this JVM; lets tests prove that migrations ran once. */
  static final AtomicInteger TEMPLATES_BUILT = new AtomicInteger();

  private TestDatabases() {}

  /** What one template is made of, resolved: equal recipes give equal templates. */
  record Recipe(Path migrations, String table, String pattern, List<URI> schema, List<URI> seed) {}

  /** Where a class or test's database is set up from, as the user wrote it. */
  record Setup(
      String migrationsLocation,
      D1Migrations migrations,
      String table,
      List<String> schema,
      List<String> seed,
      boolean file) {

    Recipe resolve(ClassLoader loader) {
      Path directory = null;
      String pattern = D1Migrations.DEFAULT_PATTERN;
      String migrationsTable = table;
      if (migrations != null) {
        directory = existingDirectory(migrations.directory().toString(), migrations.directory());
        pattern = migrations.pattern();
        migrationsTable = migrations.table();
      } else if (migrationsLocation != null) {
        directory = findDirectory(migrationsLocation, loader);
      }
      return new Recipe(
          directory,
          migrationsTable,
          pattern,
          findAll("schema", schema, loader),
          findAll("seed", seed, loader));
    }
  }

  /** Builds the template: migrations, then schema files, then seed files, in memory. */
  static byte[] buildTemplate(Recipe recipe) {
    TEMPLATES_BUILT.incrementAndGet();
    try (D1SqliteDatabase template = D1Sqlite.inMemory()) {
      if (recipe.migrations() != null) {
        D1Migrations.builder()
            .directory(recipe.migrations())
            .table(recipe.table())
            .pattern(recipe.pattern())
            .build()
            .apply(template);
      }
      for (URI script : recipe.schema()) {
        D1Scripts.run(template, nameOf(script), read(script));
      }
      for (URI script : recipe.seed()) {
        D1Scripts.run(template, nameOf(script), read(script));
      }
      return template.dump();
    }
  }

  /** Opens a copy of the template, in memory or as a file in a new temporary directory. */
  static Handle open(byte[] template, boolean file) {
    if (!file) {
      return new Handle(D1Sqlite.fromImage(template), null);
    }
    Path directory;
    try {
      directory = Files.createTempDirectory("d1-test-");
      Files.write(directory.resolve("test.sqlite"), template);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a test database file: " + e, e);
    }
    try {
      return new Handle(D1Sqlite.open(directory.resolve("test.sqlite")), directory);
    } catch (RuntimeException e) {
      deleteTree(directory, e);
      throw e;
    }
  }

  /** A database and the temporary directory that holds it, if any; closing releases both. */
  static final class Handle implements AutoCloseable {
    final D1SqliteDatabase database;
    private final Path directory;
    private final AtomicBoolean closed = new AtomicBoolean();

    Handle(D1SqliteDatabase database, Path directory) {
      this.database = database;
      this.directory = directory;
    }

    @Override
    public void close() {
      if (closed.getAndSet(true)) {
        return;
      }
      RuntimeException failure = null;
      try {
        database.close();
      } catch (RuntimeException e) {
        failure = e;
      }
      if (directory != null) {
        failure = deleteTree(directory, failure);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static RuntimeException deleteTree(Path directory, RuntimeException failure) {
    try (Stream<Path> paths = Files.walk(directory)) {
      List<Path> all = new ArrayList<>();
      paths.forEach(all::add);
      all.sort(Comparator.reverseOrder());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
      return failure;
    } catch (IOException e) {
      UncheckedIOException deletion =
          new UncheckedIOException("Cannot delete test database directory " + directory, e);
      if (failure == null) {
        return deletion;
      }
      failure.addSuppressed(deletion);
      return failure;
    }
  }

  private static Path findDirectory(String location, ClassLoader loader) {
    Path path = Path.of(location);
    if (Files.isDirectory(path)) {
      return path.toAbsolutePath().normalize();
    }
    URL resource = loader.getResource(stripSlash(location));
    if (resource != null) {
      if (!"file".equals(resource.getProtocol())) {
        throw new ExtensionConfigurationException(
            "migrations folder '"
                + location
                + "' is the classpath resource "
                + resource
                + ", not a directory on disk; point migrations at a directory");
      }
      return existingDirectory(location, Path.of(toUri(resource)));
    }
    return existingDirectory(location, path);
  }

  private static Path existingDirectory(String location, Path path) {
    if (!Files.isDirectory(path)) {
      throw new ExtensionConfigurationException(
          "migrations folder '"
              + location
              + "' not found (neither a directory nor on the "
              + "classpath): No migrations present at "
              + path.toAbsolutePath().normalize()
              + ".");
    }
    return path.toAbsolutePath().normalize();
  }

  private static List<URI> findAll(String kind, List<String> locations, ClassLoader loader) {
    List<URI> found = new ArrayList<>(locations.size());
    for (String location : locations) {
      Path path = Path.of(location);
      if (Files.isRegularFile(path)) {
        found.add(path.toAbsolutePath().normalize().toUri());
        continue;
      }
      URL resource = loader.getResource(stripSlash(location));
      if (resource == null) {
        throw new ExtensionConfigurationException(
            kind
                + " file '"
                + location
                + "' not found: it is neither a file ("
                + path.toAbsolutePath().normalize()
                + ") nor a classpath resource");
      }
      found.add(toUri(resource));
    }
    return List.copyOf(found);
  }

  private static String stripSlash(String location) {
    return location.startsWith("/") ? location.substring(1) : location;
  }

  private static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new ExtensionConfigurationException("Cannot use resource " + url + ": " + e, e);
    }
  }

  private static String nameOf(URI script) {
    String path = script.getSchemeSpecificPart();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String read(URI script) {
    try (InputStream in = script.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + script + ": " + e, e);
    }
  }
}
