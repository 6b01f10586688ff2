package io.github.d1java.testkit;

import io.github.d1java.D1TypeException;
import io.github.d1java.spi.D1Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on rows as D1 returns them (ordered maps from column name to value), shared by {@link
 * D1ResultAssert} and {@link D1TableAssert}.
 *
 * <p>Expected values are compared as D1 would store them: {@code 1} (an {@link Integer}) equals the
 * {@code 1L} that D1 returns, {@code true} equals {@code 1L}, a {@code float} equals the same
 * {@code double}, {@code 4L} equals {@code 4.0} (one number in JavaScript), and {@code byte[]}
 * compare by content. Not thread-safe, like every AssertJ assertion object.
 *
 * @param <SELF> the concrete assertion type
 * @param <ACTUAL> what is asserted on
 */
public abstract class AbstractD1RowsAssert<SELF extends AbstractD1RowsAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {

  /** Equal when D1 would store equal values; otherwise ordered by text, for messages only. */
  static final Comparator<Object> D1_VALUES =
      (a, b) -> {
        Object left = normalize(a);
        Object right = normalize(b);
        if (Objects.deepEquals(left, right) || numericallyEqual(left, right)) {
          return 0;
        }
        int byText = String.valueOf(left).compareTo(String.valueOf(right));
        return byText != 0
            ? byText
            : Integer.compare(System.identityHashCode(left), System.identityHashCode(right));
      };

  /**
   * Creates the assertion.
   *
   * @param actual the value under test
   * @param selfType the concrete assertion class
   */
  protected AbstractD1RowsAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * The rows under test.
   *
   * @return the rows as column-to-value maps
   */
  protected abstract List<Map<String, Object>> rows();

  /**
   * Verifies the number of rows.
   *
   * @param expected the expected number of rows
   * @return this assertion
   */
  public SELF hasRowCount(int expected) {
    isNotNull();
    int count = rows().size();
    if (count != expected) {
      failWithMessage("Expecting %s row(s) but found %s:%n  %s", expected, count, rows());
    }
    return myself;
  }

  /**
   * Verifies that there are no rows.
   *
   * @return this assertion
   */
  public SELF hasNoRows() {
    return hasRowCount(0);
  }

  /**
   * Verifies that some row has these values in these columns; its other columns are not checked.
   *
   * @param expected column names and values; not null
   * @return this assertion
   */
  public SELF containsRow(Map<String, ?> expected) {
    isNotNull();
    Objects.requireNonNull(expected, "expected");
    if (!hasMatchingRow(expected)) {
      failWithMessage("Expecting a row with%n  %s%nbut the rows are:%n  %s", expected, rows());
    }
    return myself;
  }

  /**
   * Verifies that some row has these values in these columns, given as alternating names and
   * values: {@code containsRow("id", 1, "name", "tea")}.
   *
   * @param columnsAndValues column name, value, column name, value, ...; not null
   * @return this assertion
   * @throws IllegalArgumentException if the count is odd or a name is not a String
   */
  public SELF containsRow(Object... columnsAndValues) {
    return containsRow(toMap(columnsAndValues));
  }

  /**
   * Verifies that no row has these values in these columns.
   *
   * @param unexpected column names and values; not null
   * @return this assertion
   */
  public SELF doesNotContainRow(Map<String, ?> unexpected) {
    isNotNull();
    Objects.requireNonNull(unexpected, "unexpected");
    if (hasMatchingRow(unexpected)) {
      failWithMessage("Expecting no row with%n  %s%nbut the rows are:%n  %s", unexpected, rows());
    }
    return myself;
  }

  /**
   * Verifies that no row has these values in these columns, given as alternating names and values.
   *
   * @param columnsAndValues column name, value, column name, value, ...; not null
   * @return this assertion
   * @throws IllegalArgumentException if the count is odd or a name is not a String
   */
  public SELF doesNotContainRow(Object... columnsAndValues) {
    return doesNotContainRow(toMap(columnsAndValues));
  }

  /**
   * Starts assertions on one column's values, in row order, compared as D1 values (so {@code
   * containsExactly(1, 2)} matches the longs D1 returns).
   *
   * @param name the exact column name; not null
   * @return a list assertion on the values
   */
  public ListAssert<Object> column(String name) {
    isNotNull();
    Objects.requireNonNull(name, "name");
    List<Object> values = new ArrayList<>();
    for (Map<String, Object> row : rows()) {
      if (!row.containsKey(name)) {
        failWithMessage("Expecting column %s but the columns are %s", name, row.keySet());
      }
      values.add(row.get(name));
    }
    return Assertions.assertThat(values).as("column %s", name).usingElementComparator(D1_VALUES);
  }

  private boolean hasMatchingRow(Map<String, ?> expected) {
    for (Map<String, Object> row : rows()) {
      boolean matches = true;
      for (Map.Entry<String, ?> entry : expected.entrySet()) {
        if (!row.containsKey(entry.getKey())
            || D1_VALUES.compare(row.get(entry.getKey()), entry.getValue()) != 0) {
          matches = false;
          break;
        }
      }
      if (matches) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> toMap(Object... columnsAndValues) {
    Objects.requireNonNull(columnsAndValues, "columnsAndValues");
    if (columnsAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "columnsAndValues must alternate names and values, but has an odd count: "
              + Arrays.toString(columnsAndValues));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      if (!(columnsAndValues[i] instanceof String)) {
        throw new IllegalArgumentException(
            "column name at position " + i + " is not a String: " + columnsAndValues[i]);
      }
      map.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
    }
    return map;
  }

  /** 4L and 4.0 are one JavaScript number, so D1 code cannot tell them apart either. */
  private static boolean numericallyEqual(Object left, Object right) {
    if (left instanceof Long && right instanceof Double) {
      return exactly((Long) left, (Double) right);
    }
    if (left instanceof Double && right instanceof Long) {
      return exactly((Long) right, (Double) left);
    }
    return false;
  }

  private static boolean exactly(long integer, double real) {
    return (double) integer == real && (long) real == integer;
  }

  private static Object normalize(Object value) {
    try {
      return D1Values.toBindValue(value);
    } catch (D1TypeException e) {
      return value;
    }
  }
}
