package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family that answers {@code POST /d1/database/{id}/<action>} (query, raw, export, import): finds
 * the database (404 in D1's envelope when there is none), refuses other methods, and runs the
 * action with the database locked. Thread-safe.
 */
abstract class DatabaseActionEndpoints implements Endpoints {

  private final Pattern path;

  /** The fake's state, shared with the other families. */
  final FakeState state;

  /**
   * @param state the fake's state
   * @param actions the action path segments this family answers, as a regular expression
   */
  DatabaseActionEndpoints(FakeState state, String actions) {
    this.state = state;
    this.path = Pattern.compile("/d1/database/([^/]+)/(" + actions + ")");
  }

  @Override
  public final Reply handle(ApiRequest req) {
    Matcher m = path.matcher(req.path());
    if (!m.matches()) {
      return null;
    }
    Db d = state.byUuid(Json.decode(m.group(1)));
    if (!req.method().equals("POST")) {
      throw ApiError.noRoute();
    }
    synchronized (d) {
      return post(d, m.group(2), req.json());
    }
  }

  /**
   * Runs the action on the locked database.
   *
   * @param d the database; not null
   * @param action the action segment of the path
   * @param body the request's JSON body; not null
   * @return the reply; not null
   */
  abstract Reply post(Db d, String action, JsonNode body);
}
