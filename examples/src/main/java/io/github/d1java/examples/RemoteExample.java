package io.github.d1java.examples;

// snippet:start remote
import io.github.d1java.D1Database;
import io.github.d1java.remote.D1Remote;

public final class RemoteExample {

  static void query(String accountId, String databaseId) {
    // or D1Remote.fromEnv(): CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN, CLOUDFLARE_D1_DATABASE_ID
    try (D1Database db =
        D1Remote.builder()
            .accountId(accountId)
            .databaseId(databaseId)
            .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
            .build()) {
      db.prepare("SELECT * FROM Customers WHERE CompanyName = ?").bind("Bs Beverages").all();
    }
  }
}
// snippet:end remote
