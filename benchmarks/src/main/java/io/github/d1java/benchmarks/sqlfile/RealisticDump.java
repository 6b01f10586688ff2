package io.github.d1java.benchmarks.sqlfile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a {@code sqlite3 .dump} of a realistic schema for the end-to-end comparison of {@code d1
 * execute --local --file} with {@code sqlite3 new.db < dump.sql} (benchmarks/sqlfile-cli.sh):
 * {@code customers} (UNIQUE email, an index on name) and {@code orders} (a foreign key to
 * customers, an index on it, a REAL, text with quotes and a BLOB of 16 to 64 bytes), two orders per
 * three rows, as the {@code .dump} of such a database prints them.
 *
 * <p>Arguments: the output file and its size in MB. Prints the number of rows per table.
 */
public final class RealisticDump {

  private RealisticDump() {}

  /**
   * @param args output file, size in MB
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long bytes = Long.parseLong(args[1]) * 1_000_000L;
    SplittableRandom random = new SplittableRandom(42);
    HexFormat hex = HexFormat.of();
    long customers = 0;
    long orders = 0;
    try (Writer w =
        new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      w.write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
      w.write(
          "CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE,"
              + " name TEXT, created_at TEXT);\n");
      w.write(
          "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL"
              + " REFERENCES customers(id), total REAL, note TEXT, receipt BLOB);\n");
      long written = 0;
      StringBuilder sb = new StringBuilder(256);
      while (written < bytes) {
        sb.setLength(0);
        if (orders * 2 >= customers * 3 || customers == 0) {
          customers++;
          sb.append("INSERT INTO customers VALUES(")
              .append(customers)
              .append(",'user")
              .append(customers)
              .append("@example.com','O''Brien ")
              .append(random.nextInt(100_000))
              .append("','2026-")
              .append(
                  String.format(
                      Locale.ROOT, "%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
              .append("');\n");
        } else {
          orders++;
          byte[] blob = new byte[16 + random.nextInt(49)];
          random.nextBytes(blob);
          sb.append("INSERT INTO orders VALUES(")
              .append(orders)
              .append(',')
              .append(1 + random.nextLong(customers))
              .append(',')
              .append(random.nextInt(1_000_000) / 100.0)
              .append(",'note; ")
              .append(random.nextInt())
              .append(" it''s fine',X'")
              .append(hex.formatHex(blob))
              .append("');\n");
        }
        w.append(sb);
        written += sb.length();
      }
      w.write("CREATE INDEX customers_name ON customers(name);\n");
      w.write("CREATE INDEX orders_customer ON orders(customer_id);\n");
      w.write("COMMIT;\n");
    }
    System.out.println(customers + " customers, " + orders + " orders");
  }
}
