package io.github.d1java.wrangler;

/**
 * Receives progress of a long import or export. Called on the working thread, at most every few
 * thousand statements or rows and once at the end; keep it cheap.
 */
@FunctionalInterface
public interface SqlProgress {

  /** A listener that ignores every update. */
  SqlProgress NONE = (done, total) -> {};

  /**
   * Reports progress.
   *
   * @param done units done so far: bytes of SQL read for an import, rows written for an export
   * @param total units in all, or -1 when unknown
   */
  void update(long done, long total);
}
