package io.github.d1java.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares the d1-java results with Miniflare's (the reference) and fails on any difference that is
 * not on the documented divergence list ({@code divergences.json}). Numbers are compared as
 * JavaScript sees them: both sides as doubles, so an exact Java {@code Long.MAX_VALUE} equals
 * Miniflare's rounded {@code 9223372036854776000}, and {@code 1.0} equals {@code 1}. Objects are
 * compared without regard to key order (JS puts integer-like keys first). Immutable and
 * thread-safe.
 */
public final class ResultComparator {

  /**
   * One documented divergence, from {@code divergences.json}: {@code {"case": glob, "path": glob,
   * "when": {field: value}, "reason": text}}. In globs {@code **} matches anything, {@code *}
   * anything but {@code /}, and {@code {a,b}} either alternative. A difference's path is {@code
   * /<call index>/value/...}. With {@code when}, the divergence applies only where the reference's
   * object holding the differing field has those field values (e.g. {@code {"changes": 0}} next to
   * {@code last_row_id}).
   *
   * @param casePattern glob over case names
   * @param pathPattern glob over difference paths
   * @param when conditions on the reference's sibling fields; may be empty
   * @param reason why Java differs; not blank
   */
  public record Divergence(
      String casePattern, String pathPattern, Map<String, JsonNode> when, String reason) {

    /** Validates. */
    public Divergence {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("divergence for " + casePattern + " needs a reason");
      }
      when = Map.copyOf(when);
    }

    boolean matches(String caseName, Difference d) {
      if (!glob(casePattern).matcher(caseName).matches()
          || !glob(pathPattern).matcher(d.path()).matches()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> w : when.entrySet()) {
        if (d.referenceParent() == null
            || !sameValue(d.referenceParent().get(w.getKey()), w.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One difference.
   *
   * @param caseName the case
   * @param path where, {@code /<call>/value/...}
   * @param reference Miniflare's value; null when missing
   * @param actual d1-java's value; null when missing
   * @param referenceParent the reference's object or array holding the value; may be null
   */
  public record Difference(
      String caseName, String path, JsonNode reference, JsonNode actual, JsonNode referenceParent) {

    @Override
    public String toString() {
      return caseName + " " + path + ": miniflare " + reference + " vs d1-java " + actual;
    }
  }

  /**
   * What a comparison found.
   *
   * @param failures differences not on the divergence list
   * @param documented differences covered by a divergence
   * @param unusedDivergences divergences that matched nothing (stale entries)
   * @param cases the number of cases compared
   */
  public record Report(
      List<Difference> failures,
      List<Difference> documented,
      List<Divergence> unusedDivergences,
      int cases) {

    /**
     * @return true when there are no undocumented differences
     */
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** Name prefix of the cases whose usage figures are compared. */
  public static final String USAGE_CASES = "usage/";

  private final List<Divergence> divergences;

  /**
   * @param divergences the documented divergences
   */
  public ResultComparator(List<Divergence> divergences) {
    this.divergences = List.copyOf(divergences);
  }

  /**
   * Reads {@code divergences.json}: an array of divergence objects.
   *
   * @param file the file
   * @return the divergences
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException if an entry has no case or no reason
   */
  public static List<Divergence> readDivergences(Path file) throws IOException {
    List<Divergence> out = new ArrayList<>();
    for (JsonNode d : new ObjectMapper().readTree(file.toFile())) {
      if (!d.path("case").isTextual()) {
        throw new IllegalArgumentException(file + ": a divergence has no \"case\": " + d);
      }
      Map<String, JsonNode> when = new java.util.LinkedHashMap<>();
      d.path("when").fields().forEachRemaining(e -> when.put(e.getKey(), e.getValue()));
      out.add(
          new Divergence(
              d.get("case").asText(),
              d.path("path").asText("**"),
              when,
              d.path("reason").asText()));
    }
    return out;
  }

  /**
   * Compares two result files' {@code cases} objects.
   *
   * @param reference Miniflare's results
   * @param actual d1-java's results
   * @return the report
   */
  public Report compare(JsonNode reference, JsonNode actual) {
    JsonNode refCases = reference.path("cases");
    JsonNode actCases = actual.path("cases");
    Set<String> names = new LinkedHashSet<>();
    refCases.fieldNames().forEachRemaining(names::add);
    actCases.fieldNames().forEachRemaining(names::add);
    List<Difference> failures = new ArrayList<>();
    List<Difference> documented = new ArrayList<>();
    Set<Divergence> used = new java.util.HashSet<>();
    for (String name : names) {
      List<Difference> diffs = new ArrayList<>();
      diff(name, "", refCases.get(name), actCases.get(name), null, diffs);
      for (Difference d : diffs) {
        if (isUsage(d.path()) && !name.startsWith(USAGE_CASES)) {
          // usage figures are compared in the usage cases only; see usageShare for the rest
          continue;
        }
        Divergence match = null;
        for (Divergence v : divergences) {
          if (v.matches(name, d)) {
            match = v;
            break;
          }
        }
        if (match == null) {
          failures.add(d);
        } else {
          used.add(match);
          documented.add(d);
        }
      }
    }
    List<Divergence> unused = new ArrayList<>();
    for (Divergence v : divergences) {
      if (!used.contains(v)) {
        unused.add(v);
      }
    }
    return new Report(failures, documented, unused, names.size());
  }

  /** Whether a path is a usage figure ({@code meta/rows_read} or {@code meta/rows_written}). */
  static boolean isUsage(String path) {
    return path.endsWith("/meta/rows_read") || path.endsWith("/meta/rows_written");
  }

  /**
   * How many usage figures ({@code rows_read}, {@code rows_written}) of all cases equal the
   * reference's, for the README's share.
   *
   * @param reference Miniflare's results
   * @param actual d1-java's results
   * @param usageCasesOnly whether to count only the {@code usage/} cases
   * @return {@code {equal, compared}}
   */
  public static int[] usageShare(JsonNode reference, JsonNode actual, boolean usageCasesOnly) {
    int[] share = new int[2];
    reference
        .path("cases")
        .fields()
        .forEachRemaining(
            e -> {
              if (!usageCasesOnly || e.getKey().startsWith(USAGE_CASES)) {
                countUsage(e.getValue(), actual.path("cases").get(e.getKey()), share);
              }
            });
    return share;
  }

  private static void countUsage(JsonNode ref, JsonNode act, int[] share) {
    if (ref == null || act == null) {
      return;
    }
    if (ref.isObject()) {
      for (String k : List.of("rows_read", "rows_written")) {
        if (ref.has(k) && ref.get(k).isNumber()) {
          share[1]++;
          if (act.has(k) && sameValue(ref.get(k), act.get(k))) {
            share[0]++;
          }
        }
      }
      ref.fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isContainerNode()) {
                  countUsage(e.getValue(), act.get(e.getKey()), share);
                }
              });
    } else if (ref.isArray() && act.isArray()) {
      for (int i = 0; i < ref.size() && i < act.size(); i++) {
        countUsage(ref.get(i), act.get(i), share);
      }
    }
  }

  private static void diff(
      String name,
      String path,
      JsonNode ref,
      JsonNode act,
      JsonNode refParent,
      List<Difference> out) {
    if (ref == null || act == null) {
      if (ref != act) {
        out.add(new Difference(name, path, ref, act, refParent));
      }
      return;
    }
    if (ref.isNumber() && act.isNumber()) {
      if (ref.doubleValue() != act.doubleValue()) {
        out.add(new Difference(name, path, ref, act, refParent));
      }
      return;
    }
    if (ref.isObject() && act.isObject()) {
      Set<String> keys = new TreeSet<>();
      ref.fieldNames().forEachRemaining(keys::add);
      act.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        diff(name, path + "/" + k, ref.get(k), act.get(k), ref, out);
      }
      return;
    }
    if (ref.isArray() && act.isArray()) {
      if (ref.size() != act.size()) {
        out.add(new Difference(name, path, ref, act, refParent));
        return;
      }
      for (int i = 0; i < ref.size(); i++) {
        diff(name, path + "/" + i, ref.get(i), act.get(i), ref, out);
      }
      return;
    }
    if (!ref.equals(act)) {
      out.add(new Difference(name, path, ref, act, refParent));
    }
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.doubleValue() == b.doubleValue();
    }
    return a.equals(b);
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    boolean inBraces = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '{' && !inBraces) {
        re.append("(?:");
        inBraces = true;
      } else if (c == '}' && inBraces) {
        re.append(')');
        inBraces = false;
      } else if (c == ',' && inBraces) {
        re.append('|');
      } else if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          re.append(".*");
          i++;
        } else {
          re.append("[^/]*");
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  /**
   * Compares two result files and prints the report.
   *
   * @param args Miniflare's results, d1-java's results, {@code divergences.json}
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println(
          "usage: ResultComparator <miniflare.json> <d1-java.json> <divergences.json>");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    ResultComparator comparator = new ResultComparator(readDivergences(Path.of(args[2])));
    Report report =
        comparator.compare(
            mapper.readTree(Path.of(args[0]).toFile()), mapper.readTree(Path.of(args[1]).toFile()));
    for (Difference d : report.documented()) {
      System.out.println("documented divergence: " + d);
    }
    for (Divergence v : report.unusedDivergences()) {
      System.out.println(
          "warning: divergence matched nothing (stale?): "
              + v.casePattern()
              + " "
              + v.pathPattern());
    }
    for (Difference d : report.failures()) {
      System.out.println("DIFFERENCE: " + d);
    }
    JsonNode ref = mapper.readTree(Path.of(args[0]).toFile());
    JsonNode act = mapper.readTree(Path.of(args[1]).toFile());
    int[] usage = usageShare(ref, act, true);
    int[] all = usageShare(ref, act, false);
    System.out.println(
        "usage figures equal to Miniflare's: "
            + usage[0]
            + " of "
            + usage[1]
            + " in the usage/ cases, "
            + all[0]
            + " of "
            + all[1]
            + " in the whole corpus");
    System.out.println(
        "conformance: "
            + report.cases()
            + " cases, "
            + report.documented().size()
            + " documented divergences, "
            + report.failures().size()
            + " undocumented differences");
    if (!report.passed()) {
      System.exit(1);
    }
  }
}
