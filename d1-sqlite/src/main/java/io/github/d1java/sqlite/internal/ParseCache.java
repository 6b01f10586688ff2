package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed SQL texts by text, so a statement run again is not tokenized again. Bounded: cleared when
 * full; long texts are not kept. Thread-safe.
 */
final class ParseCache {

  private static final int LIMIT = 2048;
  private static final int MAX_SQL = 4096;

  private final ConcurrentHashMap<String, ParsedSql> cache = new ConcurrentHashMap<>();

  /** The parsed text, from the cache or parsed now (and cached if short). */
  ParsedSql parse(String sql) {
    ParsedSql p = cache.get(sql);
    if (p != null) {
      return p;
    }
    p = ParsedSql.parse(sql);
    if (sql.length() <= MAX_SQL) {
      if (cache.size() >= LIMIT) {
        cache.clear();
      }
      cache.put(sql, p);
    }
    return p;
  }

  /**
   * The parsed text from the cache or parsed now, never caching it (bulk-loaded texts are mostly
   * unique: parsing them must not flush the cache).
   */
  ParsedSql parseUncached(String sql) {
    ParsedSql p = sql.length() <= MAX_SQL ? cache.get(sql) : null;
    return p != null ? p : ParsedSql.parse(sql);
  }

  /**
   * The parsed text of a statement to run.
   *
   * @throws D1SqlException when the text is blank or refused
   */
  ParsedSql parseOrThrow(String sql) {
    ParsedSql p = parse(sql);
    if (p.blank()) {
      throw D1SqlException.of(SqliteEngine.NO_STATEMENTS, null);
    }
    if (p.error() != null) {
      throw D1SqlException.of(p.error().detail(), null);
    }
    return p;
  }

  void clear() {
    cache.clear();
  }
}
