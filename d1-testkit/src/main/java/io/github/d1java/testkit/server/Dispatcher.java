package io.github.d1java.testkit.server;

/**
 * Chooses the answer to each request {@link FakeD1Server} receives, as OkHttp MockWebServer's
 * {@code Dispatcher} does. Return {@link FakeResponse#passThrough()} to let the fake D1 API answer,
 * or any scripted, delayed or dropping {@link FakeResponse}. The default is a {@link
 * QueueDispatcher}: responses from {@link FakeD1Server#enqueue}, in order, then the API.
 *
 * <pre>{@code
 * server.setDispatcher(request ->
 *     request.path().endsWith("/raw") ? FakeResponse.internalError() : FakeResponse.passThrough());
 * }</pre>
 *
 * <p>Called on the server's connection threads, possibly concurrently: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface Dispatcher {

  /**
   * The answer to one request (already recorded for {@link FakeD1Server#takeRequest()}).
   *
   * @param request the request; never null
   * @return the answer; null is taken as {@link FakeResponse#passThrough()}
   * @throws InterruptedException if interrupted while waiting; the connection is then dropped
   */
  FakeResponse dispatch(RecordedRequest request) throws InterruptedException;
}
