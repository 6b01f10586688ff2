package io.github.d1java.cli.internal;

import io.github.d1java.remote.D1DatabaseInfo;
import io.github.d1java.wrangler.WranglerException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers of the remote commands. */
final class Remote {

  private Remote() {}

  /** Prints the prompt wrangler shows, answered as it answers when not interactive. */
  static void confirm(CliContext ctx, String question) {
    ctx.out().println("? " + question);
    ctx.out().println("🤖 Using fallback value in non-interactive context: yes");
  }

  /** A database as the REST API lists it, with snake_case keys; absent fields left out. */
  static Map<String, Object> apiMap(D1DatabaseInfo info) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("uuid", info.uuid());
    m.put("name", info.name());
    putIfPresent(m, "created_at", info.createdAt());
    putIfPresent(m, "version", info.version());
    putIfPresent(m, "num_tables", info.numTables());
    putIfPresent(m, "file_size", info.fileSize());
    putIfPresent(m, "jurisdiction", info.jurisdiction());
    return m;
  }

  static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /** An ISO-8601 instant or a Unix time in seconds. */
  static Instant timestamp(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(text));
      } catch (NumberFormatException n) {
        throw new WranglerException(
            "Invalid --timestamp '"
                + text
                + "': expected an ISO-8601 time (2026-11-01T10:00:00Z)"
                + " or a Unix time in seconds.");
      }
    }
  }
}
