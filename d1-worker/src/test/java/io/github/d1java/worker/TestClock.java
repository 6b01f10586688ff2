package io.github.d1java.worker;

import io.github.d1java.remote.internal.RetryClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when slept on, recording every sleep. */
final class TestClock implements RetryClock {
  private volatile long now = 1_000_000_000L;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration d) {
    sleeps.add(d);
    now += d.toNanos();
  }
}
