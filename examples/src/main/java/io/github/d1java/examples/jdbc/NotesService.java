package io.github.d1java.examples.jdbc;

import io.github.d1java.jdbc.D1DataSource;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A plain Java service on D1 through JDBC: Flyway migrates the schema, JDBI runs the queries. The
 * database is chosen by configuration alone: {@code jdbc:d1:file:notes.db} locally, {@code
 * jdbc:d1:remote:<accountId>/<databaseId>} (token from {@code CLOUDFLARE_API_TOKEN}) against D1.
 *
 * <p>Run it with {@code D1_JDBC_URL=jdbc:d1:file:notes.db} (the default) or a remote URL.
 */
public final class NotesService {

  /** A note as stored. */
  public record Note(long id, String text, String createdAt) {}

  private final Jdbi jdbi;

  private NotesService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Migrates the database and returns the service.
   *
   * @param url a {@code jdbc:d1:} URL
   * @param properties driver properties (e.g. {@code token}, {@code baseUrl}); may be empty
   * @return the service
   */
  public static NotesService start(String url, Map<String, String> properties) {
    // snippet:start jdbc
    D1DataSource dataSource = new D1DataSource();
    dataSource.setUrl(url); // jdbc:d1:file:notes.db, or jdbc:d1:remote:<accountId>/<databaseId>
    properties.forEach(dataSource::setProperty); // e.g. token; else CLOUDFLARE_API_TOKEN is used

    Flyway.configure().dataSource(dataSource).locations("classpath:db/notes").load().migrate();

    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.registerRowMapper(ConstructorMapper.factory(Note.class));
    // snippet:end jdbc
    return new NotesService(jdbi);
  }

  /**
   * Adds a note (one auto-committed statement, so its generated key is known at once).
   *
   * @param text the text
   * @return the stored note
   */
  public Note add(String text) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("INSERT INTO notes (text) VALUES (:text)")
                .bind("text", text)
                .executeAndReturnGeneratedKeys("id", "text", "created_at")
                .mapTo(Note.class)
                .one());
  }

  /**
   * Tags a note, all tags or none: one transaction (locally a SQLite transaction, remotely one D1
   * batch sent at commit).
   *
   * @param note the note's id
   * @param tags the tags
   */
  public void tag(long note, List<String> tags) {
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch = h.prepareBatch("INSERT INTO tags (note, tag) VALUES (:note, :tag)");
          for (String tag : tags) {
            batch.bind("note", note).bind("tag", tag).add();
          }
          batch.execute();
        });
  }

  /**
   * The notes with a tag.
   *
   * @param tag the tag
   * @return the notes, oldest first
   */
  public List<Note> tagged(String tag) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT n.id, n.text, n.created_at FROM notes n JOIN tags t ON t.note = n.id"
                        + " WHERE t.tag = :tag ORDER BY n.id")
                .bind("tag", tag)
                .mapTo(Note.class)
                .list());
  }

  /**
   * Runs the service once against {@code D1_JDBC_URL} (default {@code jdbc:d1:file:notes.db}).
   *
   * @param args unused
   */
  public static void main(String[] args) {
    String url = System.getenv().getOrDefault("D1_JDBC_URL", "jdbc:d1:file:notes.db");
    NotesService notes = start(url, Map.of());
    Note note = notes.add("Try D1 from plain Java");
    notes.tag(note.id(), List.of("d1", "java"));
    System.out.println(notes.tagged("d1"));
  }
}
