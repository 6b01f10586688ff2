package io.github.d1java.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ColumnNotFoundException;
import io.github.d1java.D1MappingException;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1TypeException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shared statement semantics, on a backend that answers with a fixed result. */
class AbstractD1PreparedStatementTest {

  /** Answers every query with the same columns and rows; records how often it ran. */
  static final class Fixed extends AbstractD1PreparedStatement {
    final List<String> columns;
    final List<List<Object>> rows;

    Fixed(List<String> columns, List<List<Object>> rows, List<Object> params, boolean idem) {
      super("SELECT fixed", params, idem);
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    protected D1RawResult query() {
      return new D1RawResult(columns, rows, D1Meta.builder().rowsRead(rows.size()).build());
    }

    @Override
    protected D1PreparedStatement copy(List<Object> params, boolean idempotent) {
      return new Fixed(columns, rows, params, idempotent);
    }
  }

  static Fixed stmt(List<String> columns, List<Object>... rows) {
    return new Fixed(columns, Arrays.asList(rows), List.of(), false);
  }

  static final Fixed DUPS =
      stmt(List.of("a", "c", "c", "b"), Arrays.asList(1L, "first", "second", null));
  static final Fixed EMPTY = stmt(List.of("id", "name"));
  static final Fixed WRITE = stmt(List.of());

  @Nested
  class Objects {

    @Test
    void duplicateColumnsLastWinsAtFirstPosition() {
      Map<String, Object> row = DUPS.all().results().get(0);
      assertThat(row.keySet()).containsExactly("a", "c", "b");
      assertThat(row).containsEntry("c", "second");
    }

    @Test
    void runIsAll() {
      assertThat(DUPS.run()).isEqualTo(DUPS.all());
    }

    @Test
    void writeGivesEmptyResults() {
      assertThat(WRITE.all().results()).isEmpty();
      assertThat(WRITE.all().success()).isTrue();
    }
  }

  @Nested
  class First {

    @Test
    void firstOnNoRowsIsNullEvenForAMissingColumn() {
      assertThat(EMPTY.first()).isNull();
      assertThat((Object) EMPTY.first("missing")).isNull();
    }

    @Test
    void firstColumnLastDuplicateWins() {
      assertThat((String) DUPS.first("c")).isEqualTo("second");
    }

    @Test
    void firstColumnNullValueIsNullNotAnError() {
      assertThat((Object) DUPS.first("b")).isNull();
    }

    @Test
    void firstColumnIsCaseSensitive() {
      assertThatThrownBy(() -> DUPS.first("A"))
          .isInstanceOf(D1ColumnNotFoundException.class)
          .hasMessage("D1_COLUMN_NOTFOUND: Column not found (A)");
    }
  }

  @Nested
  class Raw {

    @Test
    void rawKeepsDuplicates() {
      assertThat(DUPS.raw()).containsExactly(Arrays.asList(1L, "first", "second", null));
      assertThat(DUPS.raw(true).get(0)).containsExactly("a", "c", "c", "b");
    }

    @Test
    void headerOnlyForEmptySelectAndOneEmptyHeaderForWrites() {
      assertThat(EMPTY.raw(true)).containsExactly(List.of("id", "name"));
      assertThat(EMPTY.raw()).isEmpty();
      assertThat(WRITE.raw(true)).containsExactly(List.of());
    }
  }

  @Nested
  class Binding {

    @Test
    void bindReturnsANewStatementAndReplacesParams() {
      D1PreparedStatement s = EMPTY.bind(1);
      assertThat(s).isNotSameAs(EMPTY);
      assertThat(EMPTY.params()).isEmpty();
      assertThat(s.bind(2).params()).containsExactly(2L);
      assertThat(s.statement()).isEqualTo("SELECT fixed");
    }

    @Test
    void bindFailsEagerly() {
      assertThatThrownBy(() -> EMPTY.bind(new Object())).isInstanceOf(D1TypeException.class);
    }

    @Test
    void idempotentMarkIsCarriedThroughBind() {
      D1PreparedStatement s = EMPTY.idempotent();
      assertThat(EMPTY.isIdempotent()).isFalse();
      assertThat(s.isIdempotent()).isTrue();
      assertThat(s.bind(1).isIdempotent()).isTrue();
    }
  }

  record Customer(long customerId, String companyName, Integer age) {}

  public static final class Bean {
    private long customerId;
    String companyName;

    public void setCustomerId(long id) {
      this.customerId = id;
    }

    long customerId() {
      return customerId;
    }
  }

  enum Color {
    RED
  }

  @Nested
  class TypedMapping {

    final Fixed customers =
        stmt(
            List.of("CustomerId", "company_name", "extra"),
            Arrays.asList(11L, "Bs Beverages", 1.5),
            Arrays.asList(12L, "Around", null));

    @Test
    void mapsRecordsByFoldedColumnNames() {
      assertThat(customers.all(Customer.class).results())
          .containsExactly(
              new Customer(11, "Bs Beverages", null), new Customer(12, "Around", null));
    }

    @Test
    void mapsBeansThroughSettersAndFields() {
      Bean b = customers.first(Bean.class);
      assertThat(b.customerId()).isEqualTo(11);
      assertThat(b.companyName).isEqualTo("Bs Beverages");
    }

    @Test
    void mapsSingleValuesFromTheFirstColumn() {
      assertThat(customers.all(Long.class).results()).containsExactly(11L, 12L);
      assertThat(customers.first(int.class)).isEqualTo(11);
      assertThat(customers.first(BigDecimal.class)).isEqualByComparingTo("11");
    }

    @Test
    void mapsToMaps() {
      assertThat(customers.first(Map.class)).containsEntry("CustomerId", 11L);
    }

    @Test
    void firstOfNoRowsIsNull() {
      assertThat(EMPTY.first(Customer.class)).isNull();
    }

    @Test
    void convertsEnumsBooleansAndBlobs() {
      Fixed s = stmt(List.of("v"), Arrays.asList("RED"));
      assertThat(s.first(Color.class)).isEqualTo(Color.RED);
      assertThat(stmt(List.of("v"), Arrays.asList(1L)).first(boolean.class)).isTrue();
      ByteBuffer bb =
          stmt(List.of("v"), Arrays.<Object>asList(new byte[] {1, 2})).first(ByteBuffer.class);
      assertThat(bb.remaining()).isEqualTo(2);
    }

    @Test
    void outOfRangeNamesColumnAndTarget() {
      Fixed big = stmt(List.of("n"), Arrays.asList(Long.MAX_VALUE));
      assertThatThrownBy(() -> big.first(int.class))
          .isInstanceOf(D1MappingException.class)
          .hasMessage(
              "D1_MAPPING_ERROR: Cannot map column 'n' value Long 9223372036854775807 to int: out of"
                  + " range");
    }

    @Test
    void nullIntoPrimitiveFails() {
      Fixed s = stmt(List.of("n"), Arrays.asList((Object) null));
      assertThatThrownBy(() -> s.first(long.class))
          .isInstanceOf(D1MappingException.class)
          .hasMessageContaining("NULL cannot be a primitive");
    }

    @Test
    void textIntoNumberFails() {
      Fixed s = stmt(List.of("n"), Arrays.asList("abc"));
      assertThatThrownBy(() -> s.first(Long.class))
          .isInstanceOf(D1MappingException.class)
          .hasMessageContaining("incompatible types");
      assertThatThrownBy(() -> s.first(Color.class)).hasMessageContaining("no such constant");
    }

    record NeedsPrimitive(int missing) {}

    @Test
    void recordWithPrimitiveComponentWithoutColumnFails() {
      assertThatThrownBy(() -> customers.all(NeedsPrimitive.class))
          .isInstanceOf(D1MappingException.class)
          .hasMessageContaining("No column for record component NeedsPrimitive.missing");
    }

    @Test
    void interfacesCannotBeMapped() {
      assertThatThrownBy(() -> customers.all(Runnable.class))
          .isInstanceOf(D1MappingException.class);
    }

    @Test
    void noColumnsForAValueTypeFails() {
      assertThatThrownBy(() -> stmt(List.of(), List.<Object>of()).all(Long.class))
          .isInstanceOf(D1MappingException.class);
    }

    @Test
    void exactRealsMapToIntegers() {
      assertThat(stmt(List.of("v"), Arrays.asList(3.0)).first(Long.class)).isEqualTo(3L);
      assertThatThrownBy(() -> stmt(List.of("v"), Arrays.asList(3.5)).first(Long.class))
          .hasMessageContaining("not an exact integer");
    }
  }
}
