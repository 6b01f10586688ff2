package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import io.github.d1java.testkit.server.internal.FakeState.ImportState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /d1/database/{id}/import}: init (with the file's MD5; a presigned upload URL unless
 * the file is known), ingest, poll. The import runs at ingest, in one transaction; the next poll
 * gives its outcome.
 */
final class ImportEndpoints extends DatabaseActionEndpoints {

  ImportEndpoints(FakeState state) {
    super(state, "import");
  }

  @Override
  Reply post(Db d, String path, JsonNode body) {
    String action = body.path("action").asText("");
    String etag = body.path("etag").asText("");
    switch (action) {
      case "init":
        {
          String filename = d.uuid + "-" + etag + ".sql";
          byte[] f = state.files.get(filename);
          if (f != null && Json.md5(f).equals(etag)) {
            return Json.ok(200, startImport(d, f));
          }
          state.pendingUploads.put(filename, etag);
          return Json.ok(
              200,
              Json.MAPPER
                  .createObjectNode()
                  .put("filename", filename)
                  .put("upload_url", state.root + SignedUrls.UPLOAD + filename));
        }
      case "ingest":
        {
          byte[] f = state.files.get(body.path("filename").asText(""));
          if (f == null || !Json.md5(f).equals(etag)) {
            return Json.ok(
                200,
                Json.MAPPER
                    .createObjectNode()
                    .put("success", false)
                    .put("error", "File not found or its etag does not match"));
          }
          return Json.ok(200, startImport(d, f));
        }
      case "poll":
        {
          ImportState s = d.importState;
          if (s == null || !s.atBookmark().equals(body.path("current_bookmark").asText())) {
            return Json.ok(
                200,
                Json.MAPPER
                    .createObjectNode()
                    .put("success", false)
                    .put("error", "Not currently importing anything."));
          }
          d.importState = null;
          return Json.ok(200, s.outcome());
        }
      default:
        throw new ApiError(400, 7400, "Invalid property: action => must be init, ingest or poll");
    }
  }

  /** Runs the import now; the answer says active, and the next poll gives the outcome. */
  private ObjectNode startImport(Db d, byte[] file) {
    String at = FakeState.bookmark(d);
    List<String> sql = Statements.split(new String(file, StandardCharsets.UTF_8));
    ObjectNode outcome =
        Json.MAPPER
            .createObjectNode()
            .put("success", true)
            .put("type", "import")
            .put("at_bookmark", at);
    try {
      if (sql.isEmpty()) {
        throw new ApiError(400, 7500, "No SQL statements detected.");
      }
      List<D1PreparedStatement> statements = new ArrayList<>();
      sql.forEach(s -> statements.add(d.db.prepare(s)));
      List<D1Result<Map<String, Object>>> results = d.db.batch(statements);
      state.changed(d);
      long changes = 0;
      long read = 0;
      long written = 0;
      double duration = 0;
      D1Meta last = results.get(results.size() - 1).meta();
      for (D1Result<Map<String, Object>> r : results) {
        changes += r.meta().changes();
        read += r.meta().rowsRead();
        written += r.meta().rowsWritten();
        duration += r.meta().duration();
      }
      D1Meta meta =
          D1Meta.builder()
              .changes(changes)
              .rowsRead(read)
              .rowsWritten(written)
              .duration(duration)
              .lastRowId(last.lastRowId())
              .changedDb(true)
              .sizeAfter(last.sizeAfter())
              .build();
      outcome.put("status", "complete");
      outcome.putArray("messages").add("Processed " + sql.size() + " queries.");
      ObjectNode result =
          outcome
              .putObject("result")
              .put("final_bookmark", FakeState.bookmark(d))
              .put("num_queries", sql.size());
      result.set("meta", QueryEndpoints.meta(d, meta));
    } catch (D1Exception | ApiError e) {
      String message =
          e instanceof D1Exception && D1Exception.D1_ERROR.equals(((D1Exception) e).code())
              ? ((D1Exception) e).detail()
              : e.getMessage();
      outcome.put("status", "error");
      outcome.putArray("messages").add("Starting import...");
      outcome.putArray("errors").add(message);
    }
    d.importState = new ImportState(at, outcome);
    ObjectNode active =
        Json.MAPPER
            .createObjectNode()
            .put("success", true)
            .put("type", "import")
            .put("at_bookmark", at)
            .put("status", "active");
    active.putArray("messages").add("Starting import...");
    return active;
  }
}
