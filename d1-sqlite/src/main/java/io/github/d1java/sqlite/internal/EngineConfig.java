package io.github.d1java.sqlite.internal;

import java.nio.file.Path;

/**
 * Validated options of one local database, built by {@link io.github.d1java.sqlite.D1Sqlite}.
 *
 * @param file the database file, or null in memory
 * @param image an SQLite file image to start from (in memory only), or null
 * @param readers read-only connections of a file database
 * @param busyTimeoutMillis busy timeout of every connection
 * @param maxValueLength {@code SQLITE_LIMIT_LENGTH}
 * @param statementCacheSize prepared statements cached per connection
 */
public record EngineConfig(
    Path file,
    byte[] image,
    int readers,
    long busyTimeoutMillis,
    int maxValueLength,
    int statementCacheSize) {}
