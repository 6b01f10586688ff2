package io.github.d1java.remote.internal;

import java.time.Duration;

/**
 * The time source and sleeper used by retries and polling. The system one is real; tests pass one
 * that advances on {@link #sleep} so they can assert delays without sleeping.
 */
public interface RetryClock {

  /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
  RetryClock SYSTEM =
      new RetryClock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
          long ms = d.toMillis();
          if (ms > 0) {
            Thread.sleep(ms);
          }
        }
      };

  /**
   * A monotonic time in nanoseconds.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Waits.
   *
   * @param d how long; not negative
   * @throws InterruptedException if interrupted
   */
  void sleep(Duration d) throws InterruptedException;
}
