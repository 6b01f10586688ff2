package io.github.d1java;

/**
 * {@code D1_MAPPING_ERROR}: {@code all(Class)} or {@code first(Class)} could not map a row, for
 * example a TEXT value for an {@code int} component. Not a D1 code: typed mapping is this library's
 * addition.
 */
public class D1MappingException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail what could not be mapped, naming the column and the target; not null
   * @param underlying the underlying exception, or null
   */
  public D1MappingException(String detail, Throwable underlying) {
    super(D1_MAPPING_ERROR, detail, detail, underlying, false);
  }
}
