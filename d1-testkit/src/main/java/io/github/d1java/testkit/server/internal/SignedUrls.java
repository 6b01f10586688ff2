package io.github.d1java.testkit.server.internal;

import io.github.d1java.testkit.server.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The fake's stand-in for R2's presigned URLs: {@code GET /__fake/export/<file>} downloads an
 * export and {@code PUT /__fake/upload/<file>} uploads an import, both without the API token (as a
 * signed URL needs none), answering S3's XML errors for unknown files.
 */
final class SignedUrls {

  static final String EXPORT = "/__fake/export/";
  static final String UPLOAD = "/__fake/upload/";

  private final FakeState state;

  SignedUrls(FakeState state) {
    this.state = state;
  }

  /** The reply, or null when the request is not for a signed URL. */
  Reply handle(RecordedRequest req) {
    String path = req.path();
    if (path.startsWith(EXPORT) && req.method().equals("GET")) {
      byte[] f = state.files.get(Json.decode(path.substring(EXPORT.length())));
      if (f == null) {
        return accessDenied(
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
      }
      return new Reply(200, Map.of("Content-Type", "application/sql"), f);
    }
    if (path.startsWith(UPLOAD) && req.method().equals("PUT")) {
      String name = Json.decode(path.substring(UPLOAD.length()));
      if (!state.pendingUploads.containsKey(name)) {
        return accessDenied("<Error><Code>AccessDenied</Code></Error>");
      }
      state.files.put(name, req.body());
      return new Reply(200, Map.of("ETag", "\"" + Json.md5(req.body()) + "\""), new byte[0]);
    }
    return null;
  }

  private static Reply accessDenied(String xml) {
    return new Reply(
        403, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }
}
