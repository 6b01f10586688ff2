package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecResult;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Miniflare's D1 suite items (spec §14 item 9).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class MiniflareSuiteContract extends ContractSupport {

  @BeforeEach
  void tables() {
    sql(
        "CREATE TABLE colours (id INTEGER PRIMARY KEY, name TEXT NOT NULL, rgb INTEGER NOT NULL)",
        "CREATE TABLE kitchen_sink (id INTEGER PRIMARY KEY, int INTEGER, real REAL, text TEXT,"
            + " blob BLOB)",
        "INSERT INTO colours (id, name, rgb) VALUES (1, 'red', 16711680), (2, 'green', 65280),"
            + " (3, 'blue', 255)");
  }

  @Test
  void batchRollsBackOnABadStatementInTheMiddle() {
    assertThatThrownBy(
            () ->
                db.batch(
                    db.prepare("INSERT INTO colours (id, name, rgb) VALUES (4, 'yellow', 1)"),
                    db.prepare("SELECT * FROM nope"),
                    db.prepare("INSERT INTO colours (id, name, rgb) VALUES (5, 'pink', 2)")))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
    assertThat(count("colours")).isEqualTo(3L);
  }

  @Test
  void execMultiLineCountsTwo() {
    D1ExecResult r =
        db.exec(
            "UPDATE colours SET name = 'Red' WHERE id = 1;\nUPDATE colours SET name = 'Green'"
                + " WHERE id = 2;");
    assertThat(r.count()).isEqualTo(2);
    assertThat(db.prepare("SELECT name FROM colours WHERE id <= 2 ORDER BY id").raw())
        .containsExactly(List.of("Red"), List.of("Green"));
  }

  @Test
  void bindsIntsRealsEmojiBlobsAndNull() {
    D1PreparedStatement insert =
        db.prepare("INSERT INTO kitchen_sink (id, int, real, text, blob) VALUES (?, ?, ?, ?, ?)");
    db.batch(
        insert.bind(1, 42, 3.141, "🙈", new byte[] {(byte) 0xff, 0, (byte) 0xa7}),
        insert.bind(2, null, null, null, null));
    List<Map<String, Object>> rows =
        db.prepare("SELECT * FROM kitchen_sink ORDER BY id").all().results();
    assertThat(rows.get(0))
        .containsEntry("int", 42L)
        .containsEntry("real", 3.141)
        .containsEntry("text", "🙈");
    assertThat((byte[]) rows.get(0).get("blob")).containsExactly(0xff, 0, 0xa7);
    assertThat(rows.get(1))
        .isEqualTo(row("id", 2L, "int", null, "real", null, "text", null, "blob", null));
  }

  @Test
  void bindsOrderedParameters() {
    assertThat(
            db.prepare(
                    "SELECT id, name FROM colours WHERE rgb = ?3 OR name = ?1 OR id = ?2 ORDER BY"
                        + " id")
                .bind("red", 2, 255)
                .raw())
        .containsExactly(List.of(1L, "red"), List.of(2L, "green"), List.of(3L, "blue"));
  }

  @Test
  void firstOnAWriteReturnsNull() {
    assertThat(db.prepare("INSERT INTO colours (id, name, rgb) VALUES (4, 'yellow', 1)").first())
        .isNull();
    assertThat(count("colours")).isEqualTo(4L);
  }

  @Test
  void runOfInsertReturningReportsMeta() {
    D1Result<Map<String, Object>> r =
        db.prepare("INSERT INTO colours (id, name, rgb) VALUES (4, 'purple', 8388736) RETURNING id")
            .run();
    assertThat(r.results()).containsExactly(row("id", 4L));
    assertThat(r.meta().changes()).isEqualTo(1);
    assertThat(r.meta().lastRowId()).isEqualTo(4);
    assertThat(r.meta().changedDb()).isTrue();
    assertThat(r.meta().rowsWritten()).isPositive();
    D1Meta plain =
        db.prepare("INSERT INTO colours (name, rgb) VALUES ('yellow', 16776960)").run().meta();
    assertThat(plain.changes()).isEqualTo(1);
    assertThat(plain.lastRowId()).isEqualTo(5);
  }

  @Test
  void rawWithColumnNamesOnAJoin() {
    sql(
        "CREATE TABLE owners (id INTEGER PRIMARY KEY, colour_id INTEGER REFERENCES colours(id))",
        "INSERT INTO owners VALUES (1, 1), (2, 3)");
    assertThat(
            db.prepare(
                    "SELECT o.id, c.name, c.id FROM owners o JOIN colours c ON c.id = o.colour_id"
                        + " ORDER BY o.id")
                .raw(true))
        .containsExactly(
            List.of("id", "name", "id"), List.of(1L, "red", 1L), List.of(2L, "blue", 3L));
  }
}
