package io.github.d1java.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.examples.jdbc.NotesService.Note;
import io.github.d1java.testkit.server.FakeD1Server;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC example, run on a local file and, by configuration alone, on remote D1. */
class NotesServiceTest {

  @TempDir Path dir;

  private static void exercise(NotesService notes) {
    Note note = notes.add("hello");
    assertThat(note.id()).isEqualTo(1L);
    assertThat(note.text()).isEqualTo("hello");
    assertThat(note.createdAt()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    notes.tag(note.id(), List.of("a", "b"));
    assertThat(notes.tagged("b")).containsExactly(note);
    // a failing tag batch leaves no tag behind
    assertThatThrownBy(() -> notes.tag(note.id(), List.of("c", "a")))
        .hasStackTraceContaining("UNIQUE constraint failed"); // remotely it surfaces at commit
    assertThat(notes.tagged("c")).isEmpty();
  }

  @Test
  void runsOnALocalFile() {
    exercise(NotesService.start("jdbc:d1:file:" + dir.resolve("notes.db"), Map.of()));
  }

  @Test
  void runsOnRemoteD1ByConfigurationAlone() {
    try (FakeD1Server server = FakeD1Server.start()) {
      String url = "jdbc:d1:remote:" + server.accountId() + "/" + server.createDatabase("notes");
      exercise(
          NotesService.start(url, Map.of("token", server.apiToken(), "baseUrl", server.baseUrl())));
    }
  }
}
