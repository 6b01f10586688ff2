package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Meta;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys: always on; {@code defer_foreign_keys} lasts for one batch (§13).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ForeignKeysContract extends ContractSupport {

  /**
   * Whether a foreign key violation left at commit (deferred) is reported as the Durable Object
   * reset that workerd's D1 raises ({@code D1_ERROR: Durable Object was reset and rolled back ...:
   * FOREIGN KEY constraint failed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_FOREIGNKEY)})
   * rather than as SQLite's own text. Either way it is a {@link D1ConstraintException} and nothing
   * is committed.
   *
   * @return false by default
   */
  protected boolean reportsDeferredViolationAsObjectReset() {
    return false;
  }

  @BeforeEach
  void tables() {
    sql(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE child (pid INTEGER REFERENCES parent(id) ON DELETE CASCADE)");
  }

  @Test
  void areOnByDefault() {
    assertThat(db.prepare("PRAGMA foreign_keys").all().results())
        .containsExactly(row("foreign_keys", 1L));
  }

  @Test
  void cannotBeTurnedOff() {
    db.prepare("PRAGMA foreign_keys = off").run();
    assertThat((Long) db.prepare("PRAGMA foreign_keys").first("foreign_keys")).isEqualTo(1L);
    assertThatThrownBy(() -> db.prepare("INSERT INTO child VALUES (5)").run())
        .isInstanceOf(D1ConstraintException.class);
  }

  @Test
  void violationIsAConstraintError() {
    D1ConstraintException e =
        assertD1Error(
            D1ConstraintException.class,
            "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_FOREIGNKEY)",
            () -> db.prepare("INSERT INTO child VALUES (5)").run());
    assertThat(e.sqliteCode()).isEqualTo("SQLITE_CONSTRAINT");
    assertThat(e.sqliteExtendedCode()).isEqualTo("SQLITE_CONSTRAINT_FOREIGNKEY");
    assertThat(e.sqliteResultCode()).isEqualTo(787);
  }

  @Test
  void deferredChecksLetABatchInsertChildBeforeParent() {
    db.batch(
        db.prepare("PRAGMA defer_foreign_keys = on"),
        db.prepare("INSERT INTO child VALUES (5)"),
        db.prepare("INSERT INTO parent VALUES (5)"));
    assertThat(count("parent")).isEqualTo(1L);
    assertThat(count("child")).isEqualTo(1L);
  }

  @Test
  void deferralEndsWithTheBatch() {
    db.batch(
        db.prepare("PRAGMA defer_foreign_keys = on"), db.prepare("INSERT INTO parent VALUES (1)"));
    assertThat((Long) db.prepare("PRAGMA defer_foreign_keys").first("defer_foreign_keys")).isZero();
    assertThatThrownBy(() -> db.prepare("INSERT INTO child VALUES (6)").run())
        .isInstanceOf(D1ConstraintException.class)
        .hasMessageStartingWith("D1_ERROR: FOREIGN KEY constraint failed");
  }

  @Test
  void deferredChecksAlsoSpanOneMultiStatementCall() {
    D1Meta m =
        db.prepare(
                "PRAGMA defer_foreign_keys = on; INSERT INTO child VALUES (5);"
                    + " INSERT INTO parent VALUES (5)")
            .run()
            .meta();
    assertThat(m.changes()).isEqualTo(2);
    assertThat(count("child")).isEqualTo(1L);
  }

  @Test
  void unresolvedDeferredViolationFailsTheBatchAndRollsBack() {
    assertThatThrownBy(
            () ->
                db.batch(
                    db.prepare("PRAGMA defer_foreign_keys = on"),
                    db.prepare("INSERT INTO parent VALUES (1)"),
                    db.prepare("INSERT INTO child VALUES (5)")))
        .isInstanceOf(D1ConstraintException.class)
        .hasMessageStartingWith(
            reportsDeferredViolationAsObjectReset()
                ? "D1_ERROR: Durable Object was reset and rolled back to its last known good"
                    + " state because the application left the database in a state where"
                    + " constraints were violated: FOREIGN KEY constraint failed:"
                    + " SQLITE_CONSTRAINT"
                : "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
    assertThat(count("parent")).isZero();
    assertThat(count("child")).isZero();
  }

  @Test
  void cascadeDeletes() {
    sql("INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (1)");
    D1Meta m = db.prepare("DELETE FROM parent").run().meta();
    assertThat(m.changes()).isEqualTo(2);
    assertThat(count("child")).isZero();
  }
}
