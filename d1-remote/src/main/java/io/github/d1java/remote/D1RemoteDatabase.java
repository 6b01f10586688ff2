package io.github.d1java.remote;

import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;

/**
 * A {@link D1Database} that runs every call as one request to D1's REST API ({@code POST
 * .../raw}). Results, meta and exceptions are those of the local engine for the same work; the
 * differences are listed on {@link D1Remote}.
 *
 * <ul>
 *   <li>{@code all}, {@code run}, {@code first} and {@code raw} send {@code {sql, params}}; rows
 *       are built from {@code /raw}'s columns so duplicate column names behave as locally.
 *   <li>{@code batch} sends one {@code {batch: [...]}} request, which D1 runs as one transaction.
 *   <li>{@code exec} splits on newlines as D1's binding does and sends the lines as one batch.
 *   <li>{@code dump} always fails with {@link io.github.d1java.D1DumpException}: use {@link
 *       D1Account#export}.
 *   <li>{@code withSession} works but the REST API has no sessions: every query runs on the
 *       primary and {@link D1DatabaseSession#getBookmark()} returns the bookmark the session was
 *       started from, or null, never a newer one.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} is idempotent; afterwards every call throws {@link
 * io.github.d1java.D1SqlException} {@code D1_ERROR: Database is closed.}, as the local engine does.
 */
public interface D1RemoteDatabase extends D1Database {

  /**
   * The database's UUID (resolved from its name at build time if only the name was given).
   *
   * @return the UUID; never null
   */
  String databaseId();

  /**
   * The account client for this database's account, sharing its configuration.
   *
   * @return an account client; never null
   */
  D1Account account();
}
