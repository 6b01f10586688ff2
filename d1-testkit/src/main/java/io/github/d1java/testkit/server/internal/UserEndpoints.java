package io.github.d1java.testkit.server.internal;

import io.github.d1java.testkit.server.RecordedRequest;

/**
 * {@code GET /user/tokens/verify}, which wrangler calls after an authentication error: the token's
 * id and {@code active} status, or HTTP 401 with code 1000 {@code Invalid API Token}.
 */
final class UserEndpoints {

  /** The id the fake gives its one token. */
  static final String TOKEN_ID = "ed17574386854bf78a67040be0a770b0";

  private final FakeState state;

  UserEndpoints(FakeState state) {
    this.state = state;
  }

  /** The reply, or null when the request is not for this family. */
  Reply handle(RecordedRequest req) {
    if (!req.path().endsWith("/user/tokens/verify")) {
      return null;
    }
    if (!req.method().equals("GET")) {
      throw ApiError.noRoute();
    }
    if (!("Bearer " + state.config.apiToken()).equals(req.header("authorization"))) {
      throw new ApiError(401, 1000, "Invalid API Token");
    }
    return Json.ok(
        200,
        Json.MAPPER
            .createObjectNode()
            .put("id", TOKEN_ID)
            .put("status", "active"));
  }
}
