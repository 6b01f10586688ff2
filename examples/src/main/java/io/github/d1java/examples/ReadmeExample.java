package io.github.d1java.examples;

import io.github.d1java.D1Database;
import io.github.d1java.D1Result;
import io.github.d1java.sqlite.D1Sqlite;
import java.util.List;
import java.util.Map;

/** The README's 30-second example, kept here so it compiles and runs. */
public final class ReadmeExample {

  private ReadmeExample() {}

  /** A row of {@code Customers}, mapped by column name. */
  public record Customer(long customerId, String companyName, String contactName) {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    // README:begin
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec(
          "CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT, ContactName TEXT)");
      db.batch(
          db.prepare("INSERT INTO Customers VALUES (?, ?, ?)").bind(11, "Bs Beverages", "Victoria Ashworth"),
          db.prepare("INSERT INTO Customers VALUES (?, ?, ?)").bind(13, "Bs Beverages", "Random Name"));

      D1Result<Map<String, Object>> result =
          db.prepare("SELECT * FROM Customers WHERE CompanyName = ?").bind("Bs Beverages").all();
      System.out.println(result.results()); // [{CustomerId=11, CompanyName=Bs Beverages, ...}, ...]
      System.out.println(result.meta().rowsRead());

      List<Customer> customers =
          db.prepare("SELECT * FROM Customers ORDER BY CustomerId").all(Customer.class).results();
      Long count = db.prepare("SELECT count(*) AS n FROM Customers").first("n");
      System.out.println(customers + " " + count);
    }
    // README:end
  }
}
