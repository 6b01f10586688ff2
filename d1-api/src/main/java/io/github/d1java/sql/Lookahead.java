package io.github.d1java.sql;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator that computes its next element on demand; {@code null} from compute ends it. */
abstract class Lookahead<T> implements Iterator<T> {

  private T next;
  private boolean done;

  /**
   * Computes the next element.
   *
   * @return the element, or null when there are no more
   */
  abstract T compute();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = compute();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T result = next;
    next = null;
    return result;
  }
}
