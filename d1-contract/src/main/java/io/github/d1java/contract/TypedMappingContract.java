package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1MappingException;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed mapping: {@code all(Class)} and {@code first(Class)}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class TypedMappingContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql(
        "CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT, contact_name"
            + " TEXT, active INTEGER)",
        "INSERT INTO Customers VALUES (1, 'Alfreds Futterkiste', 'Maria Anders', 1),"
            + " (11, 'Bs Beverages', 'Victoria Ashworth', 0)");
  }

  @Test
  void mapsRowsToRecordsByFoldedColumnNames() {
    D1Result<Customer> r =
        db.prepare("SELECT * FROM Customers ORDER BY CustomerId").all(Customer.class);
    assertThat(r.results())
        .containsExactly(
            new Customer(1, "Alfreds Futterkiste", "Maria Anders", true),
            new Customer(11, "Bs Beverages", "Victoria Ashworth", false));
    assertThat(r.meta()).isNotNull();
  }

  @Test
  void mapsRowsToBeans() {
    CustomerBean b =
        db.prepare("SELECT * FROM Customers WHERE CustomerId = ?")
            .bind(11)
            .first(CustomerBean.class);
    assertThat(b.getCustomerId()).isEqualTo(11L);
    assertThat(b.getCompanyName()).isEqualTo("Bs Beverages");
    assertThat(b.getContactName()).isEqualTo("Victoria Ashworth");
  }

  @Test
  void mapsSingleValuesFromTheFirstColumn() {
    assertThat(db.prepare("SELECT CustomerId FROM Customers ORDER BY 1").all(Long.class).results())
        .containsExactly(1L, 11L);
    assertThat(db.prepare("SELECT CompanyName FROM Customers ORDER BY 1").first(String.class))
        .isEqualTo("Alfreds Futterkiste");
    assertThat(db.prepare("SELECT count(*) FROM Customers").first(Integer.class)).isEqualTo(2);
  }

  @Test
  void mapsToOrderedMaps() {
    @SuppressWarnings("rawtypes")
    Map first =
        db.prepare("SELECT CustomerId, CompanyName FROM Customers ORDER BY 1").first(Map.class);
    assertThat(first).isEqualTo(row("CustomerId", 1L, "CompanyName", "Alfreds Futterkiste"));
  }

  @Test
  void firstIsNullWithoutRows() {
    assertThat(db.prepare("SELECT * FROM Customers WHERE CustomerId < 0").first(Customer.class))
        .isNull();
    assertThat(
            db.prepare("SELECT * FROM Customers WHERE CustomerId < 0")
                .all(Customer.class)
                .results())
        .isEmpty();
  }

  @Test
  void unconvertibleValueFailsWithMappingError() {
    assertThatThrownBy(
            () ->
                db.prepare(
                        "SELECT 'abc' AS CustomerId, 'x' AS CompanyName, 'y' AS contact_name,"
                            + " 1 AS active")
                    .first(Customer.class))
        .isInstanceOf(D1MappingException.class)
        .hasMessageStartingWith("D1_MAPPING_ERROR: ");
  }

  @Test
  void nullIntoPrimitiveFailsWithMappingError() {
    assertThatThrownBy(
            () ->
                db.prepare(
                        "SELECT NULL AS CustomerId, 'x' AS CompanyName, 'y' AS contact_name,"
                            + " 1 AS active")
                    .first(Customer.class))
        .isInstanceOf(D1MappingException.class);
  }

  @Test
  void sqlErrorsStillSurfaceAsSqlErrors() {
    assertThatThrownBy(() -> db.prepare("SELECT * FROM nope").all(Customer.class))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
  }

  /** A customer row, mapped by the tests of this class. */
  public record Customer(long customerId, String companyName, String contactName, boolean active) {}

  /** A customer JavaBean, mapped by the tests of this class. Not thread-safe. */
  public static final class CustomerBean {
    private long customerId;
    private String companyName;
    private String contactName;

    /** Creates an empty bean. */
    public CustomerBean() {}

    /**
     * @return the id
     */
    public long getCustomerId() {
      return customerId;
    }

    /**
     * @param customerId the id
     */
    public void setCustomerId(long customerId) {
      this.customerId = customerId;
    }

    /**
     * @return the company name
     */
    public String getCompanyName() {
      return companyName;
    }

    /**
     * @param companyName the company name
     */
    public void setCompanyName(String companyName) {
      this.companyName = companyName;
    }

    /**
     * @return the contact name
     */
    public String getContactName() {
      return contactName;
    }

    /**
     * @param contactName the contact name
     */
    public void setContactName(String contactName) {
      this.contactName = contactName;
    }
  }
}
