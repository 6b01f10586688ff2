package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.d1java.testkit.server.RecordedRequest;
import java.util.Map;

/**
 * An authenticated request to the account's API, as the endpoint families see it.
 *
 * @param raw the request as received
 * @param method the HTTP method
 * @param path the decoded path after {@code /accounts/{account_id}}, e.g. {@code
 *     /d1/database/<uuid>/query}, without the query string
 * @param query the decoded query parameters
 */
public record ApiRequest(
    RecordedRequest raw, String method, String path, Map<String, String> query) {

  /**
   * @return the body as a JSON object
   * @throws ApiError (7400) if it is not one
   */
  JsonNode json() {
    return Json.body(raw);
  }
}
