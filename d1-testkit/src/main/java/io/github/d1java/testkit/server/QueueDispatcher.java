package io.github.d1java.testkit.server;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The default {@link Dispatcher}: each request takes the oldest {@link #enqueue enqueued} response;
 * when none is left the fake D1 API answers ({@link FakeResponse#passThrough()}). Thread-safe.
 */
public class QueueDispatcher implements Dispatcher {

  private final ConcurrentLinkedQueue<FakeResponse> queue = new ConcurrentLinkedQueue<>();

  /** Creates an empty queue. */
  public QueueDispatcher() {}

  /**
   * Adds a response for a later request.
   *
   * @param response the response; not null
   */
  public void enqueue(FakeResponse response) {
    queue.add(Objects.requireNonNull(response, "response"));
  }

  /**
   * @return how many enqueued responses are still waiting for a request
   */
  public int pending() {
    return queue.size();
  }

  @Override
  public FakeResponse dispatch(RecordedRequest request) {
    FakeResponse next = queue.poll();
    return next == null ? FakeResponse.passThrough() : next;
  }
}
