package io.github.d1java.testkit.server.internal;

/** A failure the fake answers with D1's failure envelope ({@code result: null}). */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final int code;

  ApiError(int status, int code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static ApiError noRoute() {
    return new ApiError(404, 7003, "No route for the URI");
  }
}
