package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1Database;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import io.github.d1java.testkit.server.internal.FakeState.Snapshot;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /d1/database/{id}/time_travel/bookmark} (now, or at {@code timestamp}) and {@code POST
 * .../time_travel/restore} (to a {@code bookmark} or {@code timestamp}), on a snapshot kept after
 * every change.
 */
final class TimeTravelEndpoints implements Endpoints {

  private static final Pattern PATH =
      Pattern.compile("/d1/database/([^/]+)/time_travel/(bookmark|restore)");

  private final FakeState state;

  TimeTravelEndpoints(FakeState state) {
    this.state = state;
  }

  @Override
  public Reply handle(ApiRequest req) {
    Matcher m = PATH.matcher(req.path());
    if (!m.matches()) {
      return null;
    }
    Db d = state.byUuid(Json.decode(m.group(1)));
    Map<String, String> q = req.query();
    synchronized (d) {
      switch (m.group(2) + " " + req.method()) {
        case "bookmark GET":
          return Json.ok(
              200,
              Json.MAPPER
                  .createObjectNode()
                  .put(
                      "bookmark",
                      q.containsKey("timestamp")
                          ? at(d, q.get("timestamp")).bookmark()
                          : FakeState.bookmark(d)));
        case "restore POST":
          return restore(d, q);
        default:
          throw ApiError.noRoute();
      }
    }
  }

  private Snapshot at(Db d, String timestamp) {
    requireTimeTravel();
    Instant t;
    try {
      t = OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiError(
          400, 7400, "Invalid property: timestamp => not an ISO 8601 time: " + timestamp);
    }
    Snapshot best = null;
    for (Snapshot s : d.history) {
      if (!s.at().isAfter(t)) {
        best = s;
      }
    }
    if (best == null) {
      throw new ApiError(400, 7400, "No bookmark available at or before " + timestamp);
    }
    return best;
  }

  private void requireTimeTravel() {
    if (!state.config.timeTravel()) {
      throw new ApiError(400, 7400, "Time travel is disabled on this FakeD1Server");
    }
  }

  private Reply restore(Db d, Map<String, String> q) {
    requireTimeTravel();
    Snapshot target;
    if (q.containsKey("bookmark")) {
      target =
          d.history.stream()
              .filter(s -> s.bookmark().equals(q.get("bookmark")))
              .reduce((x, y) -> y)
              .orElseThrow(() -> new ApiError(400, 7400, "Invalid bookmark: " + q.get("bookmark")));
    } else if (q.containsKey("timestamp")) {
      target = at(d, q.get("timestamp"));
    } else {
      throw new ApiError(400, 7400, "Invalid property: bookmark or timestamp => Required");
    }
    String previous = FakeState.bookmark(d);
    D1Database old = d.db;
    d.db = state.config.fromImage().apply(target.image());
    old.close();
    state.changed(d);
    return Json.ok(
        200,
        Json.MAPPER
            .createObjectNode()
            .put("bookmark", target.bookmark())
            .put("previous_bookmark", previous)
            .put("message", "Database restored to bookmark " + target.bookmark()));
  }
}
