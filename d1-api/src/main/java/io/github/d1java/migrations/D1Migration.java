package io.github.d1java.migrations;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One migration file.
 *
 * @param name the file's path relative to the migrations directory, with {@code /} separators and
 *     the {@code .sql} suffix, e.g. {@code 0001_init.sql}: the value recorded in the migrations
 *     table, as wrangler records it; not null
 * @param path the file; not null
 */
public record D1Migration(String name, Path path) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   */
  public D1Migration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Reads the file as UTF-8.
   *
   * @return the SQL text
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public String sql() {
    return D1Scripts.read(path);
  }
}
