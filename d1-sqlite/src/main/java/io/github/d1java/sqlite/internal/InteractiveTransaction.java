package io.github.d1java.sqlite.internal;

import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.D1SqliteTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * {@link D1SqliteTransaction} on {@link SqliteEngine}: the engine keeps the writer for this
 * transaction between calls (its other callers wait on the write lock's condition). Thread-safe in
 * the sense of the interface.
 */
public final class InteractiveTransaction implements D1SqliteTransaction {

  static final String BUSY = "database is locked: SQLITE_BUSY";
  static final String ENDED = "Transaction has ended.";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final SqliteEngine engine;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private volatile String abortedBy;

  private InteractiveTransaction(SqliteEngine engine) {
    this.engine = engine;
  }

  /**
   * Begins a transaction.
   *
   * @param database a database of the local engine
   * @return the transaction
   */
  public static InteractiveTransaction begin(D1SqliteDatabase database) {
    Objects.requireNonNull(database, "database");
    if (!(database instanceof SqliteEngine)) {
      throw new IllegalArgumentException(
          "not a database opened by D1Sqlite: " + database.getClass().getName());
    }
    InteractiveTransaction tx = new InteractiveTransaction((SqliteEngine) database);
    tx.engine.transactions().beginInteractive(tx);
    return tx;
  }

  /** The engine this transaction runs on. */
  SqliteEngine engine() {
    return engine;
  }

  void abort(String reason) {
    abortedBy = reason == null ? "unknown error" : reason;
  }

  void ensureNotAborted() {
    String reason = abortedBy;
    if (reason != null) {
      throw D1SqlException.of("Transaction was rolled back by SQLite: " + reason, null);
    }
  }

  @Override
  public D1PreparedStatement prepare(String sql) {
    Objects.requireNonNull(sql, "sql");
    return new Statement(sql, List.of(), false);
  }

  @Override
  public List<D1Result<Map<String, Object>>> batch(List<? extends D1PreparedStatement> statements) {
    Objects.requireNonNull(statements, "statements");
    if (statements.isEmpty()) {
      throw D1SqlException.of(SqliteEngine.NO_STATEMENTS, null);
    }
    List<String> sql = new ArrayList<>(statements.size());
    List<List<Object>> params = new ArrayList<>(statements.size());
    for (D1PreparedStatement s : statements) {
      Objects.requireNonNull(s, "statements contains null");
      sql.add(s.statement());
      params.add(s.params());
    }
    List<D1RawResult> raw = engine.runInteractive(this, sql, params);
    List<D1Result<Map<String, Object>>> out = new ArrayList<>(raw.size());
    for (D1RawResult r : raw) {
      out.add(AbstractD1PreparedStatement.toResult(r));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public D1Meta executeScript(List<String> sql) {
    ScriptCheck check = engine.checkScript(sql);
    return engine.transactions().inInteractive(this, true, () -> engine.runScript(List.of(check)));
  }

  @Override
  public void savepoint(String name) {
    control("SAVEPOINT " + checkName(name));
  }

  @Override
  public void rollbackToSavepoint(String name) {
    control("ROLLBACK TO " + checkName(name));
  }

  @Override
  public void releaseSavepoint(String name) {
    control("RELEASE " + checkName(name));
  }

  private void control(String sql) {
    engine
        .transactions()
        .inInteractive(
            this,
            false,
            () -> {
              engine.transactions().writer().control(sql);
              return null;
            });
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("savepoint name must be an identifier: " + name);
    }
    return name;
  }

  @Override
  public void commit() {
    if (!open.getAndSet(false)) {
      throw D1SqlException.of(ENDED, null);
    }
    String reason = abortedBy;
    if (reason != null) {
      engine.transactions().endInteractive(this, false);
      throw D1SqlException.of("Transaction was rolled back by SQLite: " + reason, null);
    }
    engine.transactions().endInteractive(this, true);
  }

  @Override
  public void rollback() {
    if (open.getAndSet(false)) {
      engine.transactions().endInteractive(this, false);
    }
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void close() {
    rollback();
  }

  @Override
  public String toString() {
    return "D1SqliteTransaction[" + engine + (open.get() ? ", open]" : ", ended]");
  }

  /** A statement running inside this transaction. */
  private final class Statement extends AbstractD1PreparedStatement {
    Statement(String sql, List<Object> params, boolean idempotent) {
      super(sql, params, idempotent);
    }

    @Override
    protected D1RawResult query() {
      return engine
          .runInteractive(InteractiveTransaction.this, List.of(statement()), List.of(params()))
          .get(0);
    }

    @Override
    protected D1PreparedStatement copy(List<Object> params, boolean idempotent) {
      return new Statement(statement(), params, idempotent);
    }
  }
}
