package io.github.d1java.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The conformance corpus: every {@code *.json} file of a directory, in file-name order, each an
 * array of cases. A case is {@code {"name", "setup": [sql...], "calls": [...]}}; a call is {@code
 * {"op": "all"|"run"|"first"|"firstCol"|"raw"|"rawCols"|"batch"|"exec"|"session", "sql", "params",
 * "column", "statements", "constraint"}}. The Node runner reads the same files. Immutable and
 * thread-safe.
 *
 * @param cases the cases in order; names are unique
 */
public record Corpus(List<Case> cases) {

  /** The operations a call may use. */
  public static final Set<String> OPS =
      Set.of("all", "run", "first", "firstCol", "raw", "rawCols", "batch", "exec", "session");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^*}]+)\\*(\\d+)\\}\\}");

  /**
   * One case: setup statements run with {@code run()}, then the calls, on a fresh database.
   *
   * @param name unique name, e.g. {@code types/integer-bind}
   * @param setup SQL run before the calls
   * @param calls the calls, as JSON
   */
  public record Case(String name, List<String> setup, List<JsonNode> calls) {}

  /** Validates and copies. */
  public Corpus {
    cases = List.copyOf(cases);
  }

  /**
   * Reads and validates every case file of a directory.
   *
   * @param dir the cases directory
   * @return the corpus
   * @throws IllegalArgumentException naming the file and case for a malformed case or a duplicate
   *     name
   * @throws UncheckedIOException if a file cannot be read
   */
  public static Corpus load(Path dir) {
    ObjectMapper mapper = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    for (Path file : files) {
      JsonNode root;
      try {
        root = mapper.readTree(file.toFile());
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage(), e);
      }
      if (!root.isArray()) {
        throw new IllegalArgumentException(file + ": must hold an array of cases");
      }
      for (JsonNode c : root) {
        Case parsed = parse(file, c);
        if (!names.add(parsed.name())) {
          throw new IllegalArgumentException(file + ": duplicate case name " + parsed.name());
        }
        cases.add(parsed);
      }
    }
    return new Corpus(cases);
  }

  private static Case parse(Path file, JsonNode c) {
    String name = c.path("name").asText("");
    String where = file.getFileName() + " case '" + name + "'";
    if (name.isEmpty()) {
      throw new IllegalArgumentException(file + ": a case has no name");
    }
    List<String> setup = new ArrayList<>();
    for (JsonNode s : c.path("setup")) {
      if (!s.isTextual()) {
        throw new IllegalArgumentException(where + ": setup entries must be strings");
      }
      setup.add(s.asText());
    }
    if (!c.path("calls").isArray() || c.path("calls").isEmpty()) {
      throw new IllegalArgumentException(where + ": needs a non-empty calls array");
    }
    List<JsonNode> calls = new ArrayList<>();
    for (JsonNode call : c.path("calls")) {
      String op = call.path("op").asText("");
      if (!OPS.contains(op)) {
        throw new IllegalArgumentException(where + ": unknown op '" + op + "'");
      }
      if (op.equals("batch") || op.equals("session")) {
        if (!call.path("statements").isArray()) {
          throw new IllegalArgumentException(where + ": " + op + " needs statements");
        }
      } else if (!call.path("sql").isTextual()) {
        throw new IllegalArgumentException(where + ": " + op + " needs sql");
      }
      if (op.equals("firstCol") && !call.path("column").isTextual()) {
        throw new IllegalArgumentException(where + ": firstCol needs column");
      }
      calls.add(call);
    }
    return new Case(name, List.copyOf(setup), List.copyOf(calls));
  }

  /**
   * Expands {@code {{text*N}}} to {@code text} repeated N times, with {@code #} in the text
   * replaced by 1..N; the limit cases use it to build long SQL.
   *
   * @param s a string from the corpus
   * @return the expanded string
   */
  public static String expand(String s) {
    Matcher m = TEMPLATE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String text = m.group(1);
      String repeated =
          IntStream.rangeClosed(1, Integer.parseInt(m.group(2)))
              .mapToObj(i -> text.replace("#", Integer.toString(i)))
              .collect(Collectors.joining());
      m.appendReplacement(out, Matcher.quoteReplacement(repeated));
    }
    m.appendTail(out);
    return out.toString();
  }
}
