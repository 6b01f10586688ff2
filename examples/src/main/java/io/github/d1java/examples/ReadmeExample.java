package io.github.d1java.examples;

// snippet:start quickstart
import io.github.d1java.D1Database;
import io.github.d1java.D1Result;
import io.github.d1java.sqlite.D1Sqlite;
import java.util.List;
import java.util.Map;

public final class ReadmeExample {

  /** A row of {@code Customers}, mapped by column name (CustomerId to customerId, ...). */
  public record Customer(long customerId, String companyName, String contactName) {}

  public static void main(String[] args) {
    try (D1Database db = D1Sqlite.inMemory()) {
      db.exec(
          "CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT, ContactName TEXT)");
      db.batch(
          db.prepare("INSERT INTO Customers VALUES (?, ?, ?)")
              .bind(11, "Bs Beverages", "Victoria Ashworth"),
          db.prepare("INSERT INTO Customers VALUES (?, ?, ?)")
              .bind(13, "Bs Beverages", "Random Name"));

      // snippet:start intro
      D1Result<Map<String, Object>> result =
          db.prepare("SELECT * FROM Customers WHERE CompanyName = ?").bind("Bs Beverages").all();
      // snippet:end intro
      System.out.println(result.results()); // [{CustomerId=11, CompanyName=Bs Beverages, ...}, ...]
      System.out.println(result.meta().rowsRead());

      List<Customer> customers =
          db.prepare("SELECT * FROM Customers ORDER BY CustomerId").all(Customer.class).results();
      Long count = db.prepare("SELECT count(*) AS n FROM Customers").first("n");
      System.out.println(customers + " " + count);
    }
  }
}
// snippet:end quickstart
