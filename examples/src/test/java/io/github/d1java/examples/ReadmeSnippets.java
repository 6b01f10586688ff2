package io.github.d1java.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README convention: every {@code ```java} block is immediately preceded by {@code <!--
 * snippet: <path> <name> -->} and equals, after removing the common leading indentation, the lines
 * between {@code // snippet:start <name>} and {@code // snippet:end <name>} of that file (marker
 * lines of other snippets inside the region are left out).
 */
final class ReadmeSnippets {

  private static final Pattern MARKER =
      Pattern.compile("^\\s*<!--\\s*snippet:\\s*(\\S+)\\s+(\\S+)\\s*-->\\s*$");
  private static final Pattern SNIPPET_LINE =
      Pattern.compile("^\\s*// snippet:(start|end) \\S+\\s*$");

  private ReadmeSnippets() {}

  /** Every README.md under {@code root}, outside build output, dependencies and VCS folders. */
  static List<Path> readmes(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().equals("README.md"))
          .filter(
              p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return !rel.matches("(.*/)?(target|node_modules|\\.git|\\.wrangler)/.*");
              })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * The convention's violations in one README.
   *
   * @param root the folder snippet paths are relative to
   * @param name how to name the README in messages
   * @param text the README's text
   * @return one message per violation; empty when the README follows the convention
   */
  static List<String> problems(Path root, String name, String text) {
    List<String> problems = new ArrayList<>();
    List<String> lines = text.lines().collect(Collectors.toList());
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      int start = i;
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      List<String> block = lines.subList(start + 1, Math.min(end, lines.size()));
      i = end;
      String where = name + ":" + (start + 1);
      Matcher m = start > 0 ? MARKER.matcher(lines.get(start - 1)) : null;
      if (m == null || !m.matches()) {
        problems.add(where + ": java block without a <!-- snippet: <path> <name> --> line above");
        continue;
      }
      Path source = root.resolve(m.group(1));
      String snippet = m.group(2);
      if (!Files.isRegularFile(source)) {
        problems.add(where + ": snippet source " + m.group(1) + " does not exist");
        continue;
      }
      List<String> region;
      try {
        region = region(Files.readAllLines(source), snippet);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (region == null) {
        problems.add(
            where
                + ": no '// snippet:start "
                + snippet
                + "' ... '// snippet:end "
                + snippet
                + "' in "
                + m.group(1));
        continue;
      }
      List<String> expected = dedent(region);
      List<String> actual = dedent(block);
      if (!expected.equals(actual)) {
        problems.add(
            where
                + ": differs from "
                + m.group(1)
                + " snippet "
                + snippet
                + firstDifference(expected, actual));
      }
    }
    return problems;
  }

  /** The lines of snippet {@code name}, without nested marker lines; null if it is missing. */
  static List<String> region(List<String> source, String name) {
    int start = -1;
    for (int i = 0; i < source.size(); i++) {
      String s = source.get(i).strip();
      if (s.equals("// snippet:start " + name)) {
        start = i;
      } else if (s.equals("// snippet:end " + name) && start >= 0) {
        return source.subList(start + 1, i).stream()
            .filter(l -> !SNIPPET_LINE.matcher(l).matches())
            .collect(Collectors.toList());
      }
    }
    return null;
  }

  /** Lines without trailing blanks and without the indentation common to all non-blank lines. */
  static List<String> dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
        .collect(Collectors.toList());
  }

  private static String firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<end>";
      String a = i < actual.size() ? actual.get(i) : "<end>";
      if (!e.equals(a)) {
        return " at block line " + (i + 1) + ": source has [" + e + "], README has [" + a + "]";
      }
    }
    return "";
  }
}
