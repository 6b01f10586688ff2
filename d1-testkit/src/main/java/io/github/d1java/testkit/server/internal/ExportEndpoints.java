package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /d1/database/{id}/export}: D1's polling protocol (202 active, then complete with a
 * signed URL that {@link SignedUrls} serves without auth).
 */
final class ExportEndpoints extends DatabaseActionEndpoints {

  ExportEndpoints(FakeState state) {
    super(state, "export");
  }

  @Override
  Reply post(Db d, String path, JsonNode body) {
    if (!"polling".equals(body.path("output_format").asText())) {
      throw new ApiError(400, 7400, "Invalid property: output_format => must be \"polling\"");
    }
    ObjectNode r = Json.MAPPER.createObjectNode().put("success", true).put("type", "export");
    String current = body.path("current_bookmark").asText(null);
    if (current == null) {
      JsonNode opts = body.path("dump_options");
      List<String> tables = new ArrayList<>();
      opts.path("tables").forEach(t -> tables.add(t.asText()));
      String sql;
      try {
        sql =
            SqlDump.dump(
                d.db,
                opts.path("no_schema").asBoolean(false),
                opts.path("no_data").asBoolean(false),
                tables);
      } catch (SqlDump.ExportError e) {
        return Json.ok(
            200, Json.MAPPER.createObjectNode().put("success", false).put("error", e.getMessage()));
      }
      d.exportBookmark = FakeState.bookmark(d);
      d.exportFile = d.uuid + "-" + d.exportBookmark + ".sql";
      state.files.put(d.exportFile, sql.getBytes(StandardCharsets.UTF_8));
      r.put("at_bookmark", d.exportBookmark).put("status", "active");
      r.putArray("messages").add("Generating " + d.exportFile);
      return Json.ok(202, r);
    }
    if (!current.equals(d.exportBookmark)) {
      return Json.ok(
          200,
          Json.MAPPER
              .createObjectNode()
              .put("success", false)
              .put("error", "Not currently exporting anything."));
    }
    r.put("at_bookmark", d.exportBookmark).put("status", "complete");
    r.putObject("result")
        .put("filename", d.exportFile)
        .put("signed_url", state.root + SignedUrls.EXPORT + d.exportFile);
    r.putArray("messages")
        .add("Uploaded part 1")
        .add("Finished uploading " + d.exportFile + " in 1 parts.");
    d.exportBookmark = null;
    return Json.ok(200, r);
  }
}
