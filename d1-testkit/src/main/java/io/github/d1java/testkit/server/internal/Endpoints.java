package io.github.d1java.testkit.server.internal;

/**
 * One family of the fake's account endpoints (databases, queries, export, ...). {@link FakeApi}
 * asks each family in turn; the first non-null reply answers. Register a new family with one line
 * in {@link FakeApi#FakeApi}. Implementations are thread-safe.
 */
public interface Endpoints {

  /**
   * Answers the request if it is one of this family's.
   *
   * @param request an authenticated request for the served account
   * @return the reply, or null when the path is not this family's
   * @throws RuntimeException an {@code ApiError} for an answer in D1's failure envelope
   */
  Reply handle(ApiRequest request);
}
