package io.github.d1java.wrangler;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.nio.file.Path;

/**
 * The importing JVM of {@link SqlImportOneTransactionTest}'s memory test: {@code <database> <sql
 * file>} imports the file as one transaction through D1's rules and prints {@code done
 * <statements>}.
 */
public final class OneTransactionImportMain {

  private OneTransactionImportMain() {}

  /**
   * @param args the database file and the SQL file
   */
  public static void main(String[] args) {
    try (D1SqliteDatabase db = D1Sqlite.open(Path.of(args[0]))) {
      ImportSummary summary =
          SqlImport.run(db, Path.of(args[1]), ImportOptions.SINGLE_TRANSACTION, SqlProgress.NONE);
      System.out.println("done " + summary.statements() + " " + summary.transactions());
    }
  }
}
