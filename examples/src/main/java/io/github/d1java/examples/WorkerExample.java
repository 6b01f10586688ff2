package io.github.d1java.examples;

import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.worker.D1Worker;
import java.util.Map;

/** The README's Worker section, kept here so it compiles (and its session code runs in a test). */
public final class WorkerExample {

  private WorkerExample() {}

  /**
   * Opens D1 through the deployed Worker, from {@code D1_WORKER_URL} and {@code D1_WORKER_TOKEN}.
   *
   * @return the database
   */
  public static D1Database open() {
    // snippet:start worker-open
    D1Database db = D1Worker.fromEnv(); // was: D1Remote.fromEnv()
    // snippet:end worker-open
    return db;
  }

  /**
   * Writes in a session and reads the write back from a later session resumed from its bookmark.
   *
   * @param db a database with a {@code Customers} table
   * @return the row read back
   */
  public static Map<String, Object> sessions(D1Database db) {
    // snippet:start worker-sessions
    D1DatabaseSession session = db.withSession("first-primary");
    session.prepare("INSERT INTO Customers (CompanyName) VALUES (?)").bind("Bs Beverages").run();
    String bookmark = session.getBookmark(); // hand it to the user's next request

    D1DatabaseSession next = db.withSession(bookmark); // sees at least that write, on any replica
    Map<String, Object> row =
        next.prepare("SELECT * FROM Customers WHERE CompanyName = ?").bind("Bs Beverages").first();
    // snippet:end worker-sessions
    return row;
  }
}
