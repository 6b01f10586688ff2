package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.testkit.server.RecordedRequest;

/**
 * The user endpoints wrangler calls after an authentication error to explain it ({@code whoami}):
 * {@code GET /user/tokens/verify} (the token's id and {@code active} status, or HTTP 401 with code
 * 1000 {@code Invalid API Token}), {@code GET /user}, {@code GET /accounts} and {@code GET
 * /memberships} (the one account; HTTP 403 with code 9109 {@code Invalid access token} for another
 * token).
 */
final class UserEndpoints {

  /** The id the fake gives its one token. */
  static final String TOKEN_ID = "ed17574386854bf78a67040be0a770b0";

  /** The name of the fake's one account. */
  static final String ACCOUNT_NAME = "FakeD1Server account";

  private final FakeState state;

  UserEndpoints(FakeState state) {
    this.state = state;
  }

  /** The reply, or null when the request is not for this family. */
  Reply handle(RecordedRequest req) {
    String path = req.path();
    String which;
    if (path.endsWith("/user/tokens/verify")) {
      which = "verify";
    } else if (path.endsWith("/user")) {
      which = "user";
    } else if (path.endsWith("/accounts")) {
      which = "accounts";
    } else if (path.endsWith("/memberships")) {
      which = "memberships";
    } else {
      return null;
    }
    if (!req.method().equals("GET")) {
      throw ApiError.noRoute();
    }
    boolean valid = ("Bearer " + state.config.apiToken()).equals(req.header("authorization"));
    switch (which) {
      case "verify":
        if (!valid) {
          throw new ApiError(401, 1000, "Invalid API Token");
        }
        return Json.ok(
            200, Json.MAPPER.createObjectNode().put("id", TOKEN_ID).put("status", "active"));
      case "user":
        requireValid(valid);
        return Json.ok(
            200,
            Json.MAPPER
                .createObjectNode()
                .put("id", "7c5dae5552338874e5053f2534d2767a")
                .put("email", "d1-fake@example.com"));
      default:
        requireValid(valid);
        ArrayNode items = Json.MAPPER.createArrayNode();
        ObjectNode account =
            Json.MAPPER
                .createObjectNode()
                .put("id", state.config.accountId())
                .put("name", ACCOUNT_NAME);
        if (which.equals("accounts")) {
          items.add(account);
        } else {
          ObjectNode m = items.addObject().put("id", "4536bcfad5faccb111b47003c79917fa");
          m.set("account", account);
          m.put("status", "accepted");
          m.putArray("roles").add("Administrator");
        }
        ObjectNode env = Json.envelope(items);
        env.putObject("result_info")
            .put("page", 1)
            .put("per_page", 50)
            .put("count", 1)
            .put("total_count", 1)
            .put("total_pages", 1);
        return Json.reply(200, env);
    }
  }

  private static void requireValid(boolean valid) {
    if (!valid) {
      throw new ApiError(403, 9109, "Invalid access token");
    }
  }
}
