package io.github.d1java;

/**
 * {@code D1_TYPE_ERROR}: a bind value of an unsupported type, thrown by {@code bind()} itself as D1
 * does: {@code D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'}.
 */
public class D1TypeException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param jsType the JavaScript {@code typeof} name D1 would print ({@code object}, {@code
   *     bigint}, ...); not null
   * @param value the value's text as D1 would print it; not null
   */
  public D1TypeException(String jsType, String value) {
    this("Type '" + jsType + "' not supported for value '" + value + "'");
  }

  /**
   * @param detail the message without {@code D1_TYPE_ERROR: }; not null
   */
  public D1TypeException(String detail) {
    super(D1_TYPE_ERROR, detail, detail, null, false);
  }
}
