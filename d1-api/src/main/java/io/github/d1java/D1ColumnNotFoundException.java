package io.github.d1java;

/**
 * {@code D1_COLUMN_NOTFOUND}: {@code first(column)} named a column the row does not have: {@code
 * D1_COLUMN_NOTFOUND: Column not found (x)}. The cause's message is {@code Column not found}.
 */
public class D1ColumnNotFoundException extends D1Exception {

  private static final long serialVersionUID = 1L;

  private final String column;

  /**
   * @param column the missing column's name; not null
   */
  public D1ColumnNotFoundException(String column) {
    super(D1_COLUMN_NOTFOUND, "Column not found (" + column + ")", "Column not found", null, false);
    this.column = column;
  }

  D1ColumnNotFoundException(String detail, boolean fromDetail) {
    super(D1_COLUMN_NOTFOUND, detail, "Column not found", null, false);
    this.column =
        detail.startsWith("Column not found (") && detail.endsWith(")")
            ? detail.substring("Column not found (".length(), detail.length() - 1)
            : null;
  }

  /**
   * @return the column that was asked for, or null if unknown
   */
  public String column() {
    return column;
  }
}
