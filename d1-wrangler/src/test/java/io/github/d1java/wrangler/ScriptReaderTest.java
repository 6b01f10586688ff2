package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.D1SqliteTransaction;
import io.github.d1java.sqlite.internal.ScriptReader;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local engine's reader for bulk loads, which {@link SqlImport} uses on a reading thread. */
class ScriptReaderTest {

  private static final String SQL =
      "BEGIN TRANSACTION;\nCREATE TABLE t(x UNIQUE);\nINSERT INTO t VALUES(1);\n"
          + "INSERT INTO t VALUES(2);\nCOMMIT;\n";

  private static long count(D1SqliteDatabase db) {
    return db.prepare("SELECT count(*) AS n FROM t").<Long>first("n");
  }

  @Test
  void readsChunksWithoutTheTransactionAndRunsThem() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory();
        ScriptReader reader = new ScriptReader(db, new StringReader(SQL))) {
      ScriptReader.Chunk first = reader.next(2, Long.MAX_VALUE);
      ScriptReader.Chunk second = reader.next(2, Long.MAX_VALUE);

      assertThat(first.statements()).extracting(SqlStatement::line).containsExactly(2L, 3L);
      assertThat(first.statements()).allSatisfy(s -> assertThat(s.tokens()).isEmpty());
      assertThat(first.last()).isFalse();
      assertThat(second.statements())
          .extracting(SqlStatement::sql)
          .containsExactly("INSERT INTO t VALUES(2)");
      assertThat(second.last()).isTrue();
      assertThat(reader.next(2, Long.MAX_VALUE)).isNull();

      assertThat(ScriptReader.run(db, first, List.of()).changes()).isOne();
      assertThat(ScriptReader.run(db, second, List.of("INSERT INTO t VALUES(3)")).changes())
          .isEqualTo(2);
      assertThat(count(db)).isEqualTo(3);
    }
  }

  @Test
  void aRefusedStatementFailsItsChunkWhenItRunsNotWhenItIsRead() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory();
        ScriptReader reader =
            new ScriptReader(
                db,
                new StringReader(
                    "CREATE TABLE t(x);\nINSERT INTO t VALUES(1);\nCREATE TABLE _cf_x(a);\n"))) {
      ScriptReader.Chunk chunk = reader.next(10, Long.MAX_VALUE);
      assertThat(chunk.statements()).hasSize(3);

      assertThatThrownBy(() -> ScriptReader.run(db, chunk, List.of()))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'")
                  .<Long>first("n"))
          .isZero();
    }
  }

  @Test
  void skipsStatementsUpToTheEnd() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory();
        ScriptReader reader = new ScriptReader(db, new StringReader(SQL))) {
      assertThat(reader.skip(2)).isEqualTo(2);
      assertThat(reader.skip(5)).isOne();
      assertThat(reader.next(10, Long.MAX_VALUE)).isNull();
    }
  }

  @Test
  void aChunkRunsOnlyOnTheDatabaseItWasReadFor() {
    try (D1SqliteDatabase db = D1Sqlite.inMemory();
        D1SqliteDatabase other = D1Sqlite.inMemory();
        ScriptReader reader = new ScriptReader(db, new StringReader(SQL))) {
      ScriptReader.Chunk chunk = reader.next(10, Long.MAX_VALUE);

      assertThatThrownBy(() -> ScriptReader.run(other, chunk, List.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the chunk was read for another database");
      try (D1SqliteTransaction tx = D1SqliteTransaction.begin(other)) {
        assertThatThrownBy(() -> ScriptReader.run(tx, chunk, List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("not a transaction on the chunk's database");
      }
      try (D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        assertThat(ScriptReader.run(tx, chunk, List.of()).changes()).isEqualTo(2);
        tx.commit();
      }
      assertThat(count(db)).isEqualTo(2);
    }
  }

  @Test
  void onlyDatabasesOfTheLocalEngineAreAccepted() {
    D1SqliteDatabase foreign =
        (D1SqliteDatabase)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {D1SqliteDatabase.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });
    assertThatThrownBy(() -> new ScriptReader(foreign, new StringReader(SQL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a database opened by D1Sqlite");
  }
}
