package io.github.d1java;

/**
 * {@code D1_DUMP_ERROR}: {@code dump()} is not available. D1 itself answers {@code D1_DUMP_ERROR:
 * Status + 404} (sic) for every database created after its alpha.
 */
public class D1DumpException extends D1Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param detail the message without {@code D1_DUMP_ERROR: }; not null
   */
  public D1DumpException(String detail) {
    super(D1_DUMP_ERROR, detail, detail, null, false);
  }
}
