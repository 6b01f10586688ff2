package io.github.d1java.wrangler.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders an export's tables so that it imports back: a table comes after the tables its foreign
 * keys reference, and the tables of a cycle form one group (created together, then filled). The
 * order is stable: when the given order already has every referenced table first, it is returned
 * unchanged, one table per group; otherwise a table moves only as far as its references require.
 * Stateless.
 */
public final class TableOrder {

  private TableOrder() {}

  /**
   * @param tables {@code {name, sql}} pairs in creation order; not null
   * @param references the names a table's foreign keys reference (any case, unknown names and the
   *     table itself ignored); not null
   * @return the tables in groups, in the order to write them
   */
  public static List<List<String[]>> groups(
      List<String[]> tables, Function<String, List<String>> references) {
    int n = tables.size();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.putIfAbsent(tables.get(i)[0].toLowerCase(Locale.ROOT), i);
    }
    List<List<Integer>> edges = new ArrayList<>(n);
    for (String[] t : tables) {
      List<Integer> out = new ArrayList<>();
      for (String name : references.apply(t[0])) {
        Integer target = index.get(name.toLowerCase(Locale.ROOT));
        if (target != null && !out.contains(target)) {
          out.add(target);
        }
      }
      out.sort(null);
      edges.add(out);
    }
    int[] component = new Tarjan(edges).components();
    // members of each component, in creation order
    Map<Integer, List<Integer>> members = new HashMap<>();
    for (int i = 0; i < n; i++) {
      members.computeIfAbsent(component[i], k -> new ArrayList<>()).add(i);
    }
    List<List<String[]>> order = new ArrayList<>();
    boolean[] placed = new boolean[n];
    for (int i = 0; i < n; i++) {
      place(component[i], members, edges, component, placed, order, tables);
    }
    return order;
  }

  /** Places a component after the components it references (depth first, creation order). */
  private static void place(
      int c,
      Map<Integer, List<Integer>> members,
      List<List<Integer>> edges,
      int[] component,
      boolean[] placed,
      List<List<String[]>> order,
      List<String[]> tables) {
    List<Integer> group = members.get(c);
    if (placed[group.get(0)]) {
      return;
    }
    for (int m : group) {
      placed[m] = true;
    }
    for (int m : group) {
      for (int target : edges.get(m)) {
        if (component[target] != c) {
          place(component[target], members, edges, component, placed, order, tables);
        }
      }
    }
    List<String[]> out = new ArrayList<>(group.size());
    for (int m : group) {
      out.add(tables.get(m));
    }
    order.add(out);
  }

  /** Strongly connected components, iteratively (schemas can be deep). */
  private static final class Tarjan {
    private final List<List<Integer>> edges;
    private final int[] index;
    private final int[] low;
    private final boolean[] onStack;
    private final int[] component;
    private final Deque<Integer> stack = new ArrayDeque<>();
    private int counter;
    private int components;

    Tarjan(List<List<Integer>> edges) {
      this.edges = edges;
      int n = edges.size();
      index = new int[n];
      low = new int[n];
      onStack = new boolean[n];
      component = new int[n];
      java.util.Arrays.fill(index, -1);
    }

    int[] components() {
      for (int v = 0; v < edges.size(); v++) {
        if (index[v] < 0) {
          visit(v);
        }
      }
      return component;
    }

    private void visit(int root) {
      Deque<int[]> work = new ArrayDeque<>(); // {vertex, next edge}
      work.push(new int[] {root, 0});
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = true;
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        List<Integer> out = edges.get(v);
        if (frame[1] < out.size()) {
          int w = out.get(frame[1]++);
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = true;
            work.push(new int[] {w, 0});
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            component[w] = components;
          } while (w != v);
          components++;
        }
      }
    }
  }
}
