package io.github.d1java.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One result row as D1 builds it with {@code Object.fromEntries}: keys in column order, and with
 * duplicate names the last value at the first one's position. The column names are resolved once
 * per result ({@link Columns}), so a row costs one small object over the values the backend read,
 * not a hash table. The map is mutable: the first change copies it into a {@link LinkedHashMap}.
 * Not thread-safe for changes, like {@code LinkedHashMap}.
 */
public final class RowMap extends AbstractMap<String, Object> {

  /**
   * The distinct column names of one result and where each one's value is; shared by its rows.
   * Immutable and thread-safe once built.
   */
  public static final class Columns {
    private static final int SMALL = 8;

    private final String[] names;
    private final int[] source;
    private volatile Map<String, Integer> positions;

    /**
     * Resolves duplicate names.
     *
     * @param columns the result's column names in order; not null
     */
    public Columns(List<String> columns) {
      int n = columns.size();
      String[] distinct = new String[n];
      int[] from = new int[n];
      int k = 0;
      // few columns: a linear search beats hashing every name of every result
      Map<String, Integer> seen = n > SMALL ? new HashMap<>() : null;
      for (int i = 0; i < n; i++) {
        String name = columns.get(i);
        Integer at;
        if (seen != null) {
          at = seen.putIfAbsent(name, k);
        } else {
          at = null;
          for (int j = 0; j < k; j++) {
            if (distinct[j].equals(name)) {
              at = j;
              break;
            }
          }
        }
        if (at == null) {
          distinct[k] = name;
          from[k] = i;
          k++;
        } else {
          from[at] = i;
        }
      }
      this.names = k == n ? distinct : Arrays.copyOf(distinct, k);
      this.source = k == n ? from : Arrays.copyOf(from, k);
    }

    int size() {
      return names.length;
    }

    /** The position among the distinct names, or -1. */
    int indexOf(Object key) {
      if (names.length <= SMALL) {
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(key)) {
            return i;
          }
        }
        return -1;
      }
      Map<String, Integer> p = positions;
      if (p == null) {
        p = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
          p.put(names[i], i);
        }
        positions = p;
      }
      Integer i = p.get(key);
      return i == null ? -1 : i;
    }
  }

  private final Columns columns;
  private final List<Object> values;
  private LinkedHashMap<String, Object> copy;

  /**
   * A row.
   *
   * @param columns the result's columns; not null
   * @param values the row's values in column order (all columns, duplicates included); not null,
   *     not copied: the caller must not change it
   */
  public RowMap(Columns columns, List<Object> values) {
    this.columns = columns;
    this.values = values;
  }

  private LinkedHashMap<String, Object> copy() {
    if (copy == null) {
      LinkedHashMap<String, Object> m =
          new LinkedHashMap<>(Math.max(4, (int) (columns.size() / 0.75f) + 1));
      for (int i = 0; i < columns.size(); i++) {
        m.put(columns.names[i], values.get(columns.source[i]));
      }
      copy = m;
    }
    return copy;
  }

  @Override
  public int size() {
    return copy != null ? copy.size() : columns.size();
  }

  @Override
  public boolean containsKey(Object key) {
    return copy != null ? copy.containsKey(key) : columns.indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    if (copy != null) {
      return copy.get(key);
    }
    int i = columns.indexOf(key);
    return i < 0 ? null : values.get(columns.source[i]);
  }

  @Override
  public Object put(String key, Object value) {
    return copy().put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return copy().remove(key);
  }

  @Override
  public void clear() {
    copy().clear();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    if (copy != null) {
      return copy.entrySet();
    }
    return new AbstractSet<>() {
      @Override
      public int size() {
        return RowMap.this.size();
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        if (copy != null) {
          return copy.entrySet().iterator();
        }
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < columns.size();
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= columns.size()) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new RowEntry(columns.names[i]);
          }

          @Override
          public void remove() {
            // deleting through the view would need the copy's own iterator
            throw new UnsupportedOperationException("remove a key with Map.remove");
          }
        };
      }
    };
  }

  /** An entry that reads through the row and writes through {@link #put}. */
  private final class RowEntry implements Entry<String, Object> {
    private final String key;

    RowEntry(String key) {
      this.key = key;
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public Object getValue() {
      return get(key);
    }

    @Override
    public Object setValue(Object value) {
      return put(key, value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry
          && key.equals(((Entry<?, ?>) o).getKey())
          && java.util.Objects.equals(getValue(), ((Entry<?, ?>) o).getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ java.util.Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
