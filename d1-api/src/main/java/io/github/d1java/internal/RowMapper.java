package io.github.d1java.internal;

import io.github.d1java.D1MappingException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Maps D1 rows (columns plus values) onto records, beans, maps and single values. One instance is
 * bound to one column list; build it per result.
 *
 * @param <T> the target type
 */
public final class RowMapper<T> {

  private interface Mapping<T> {
    T map(List<Object> row);
  }

  private final Mapping<T> mapping;

  private RowMapper(Mapping<T> mapping) {
    this.mapping = mapping;
  }

  /**
   * A mapper for rows with these columns.
   *
   * @param type the target type
   * @param columns the result's columns
   * @param <T> the target type
   * @return the mapper
   * @throws D1MappingException if the type cannot be mapped at all
   */
  @SuppressWarnings("unchecked")
  public static <T> RowMapper<T> of(Class<T> type, List<String> columns) {
    if (Map.class.isAssignableFrom(type)) {
      if (!type.isAssignableFrom(java.util.LinkedHashMap.class)) {
        throw new D1MappingException(
            "Cannot map rows to " + type.getName() + ": use Map or LinkedHashMap", null);
      }
      RowMap.Columns names = new RowMap.Columns(columns);
      if (type.isAssignableFrom(RowMap.class)) {
        return new RowMapper<>(row -> (T) new RowMap(names, row));
      }
      return new RowMapper<>(row -> (T) new java.util.LinkedHashMap<>(new RowMap(names, row)));
    }
    if (isScalar(type)) {
      if (columns.isEmpty()) {
        throw new D1MappingException(
            "Cannot map to " + type.getName() + ": the result has no columns", null);
      }
      String column = columns.get(0);
      return new RowMapper<>(row -> (T) convert(row.get(0), type, column));
    }
    if (type.isRecord()) {
      return new RowMapper<>(recordMapping(type, columns));
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isArray()) {
      throw new D1MappingException(
          "Cannot map rows to " + type.getName() + ": not a record, bean or value type", null);
    }
    return new RowMapper<>(beanMapping(type, columns));
  }

  /**
   * Maps one row.
   *
   * @param row the values, in column order
   * @return the mapped value
   */
  public T map(List<Object> row) {
    return mapping.map(row);
  }

  private static boolean isScalar(Class<?> t) {
    return t.isPrimitive()
        || t == Object.class
        || Number.class.isAssignableFrom(t)
        || t == String.class
        || t == Boolean.class
        || t == Character.class
        || t == byte[].class
        || t == ByteBuffer.class
        || t == UUID.class
        || t.isEnum();
  }

  /** Column-name matching: exact, then case- and underscore-insensitive. */
  private static int columnFor(String name, List<String> columns) {
    for (int i = columns.size() - 1; i >= 0; i--) {
      if (columns.get(i).equals(name)) {
        return i;
      }
    }
    String folded = fold(name);
    for (int i = columns.size() - 1; i >= 0; i--) {
      if (fold(columns.get(i)).equals(folded)) {
        return i;
      }
    }
    return -1;
  }

  private static String fold(String s) {
    return s.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static <T> Mapping<T> recordMapping(Class<T> type, List<String> columns) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    int[] index = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      index[i] = columnFor(components[i].getName(), columns);
      if (index[i] < 0 && types[i].isPrimitive()) {
        throw new D1MappingException(
            "No column for record component "
                + type.getSimpleName()
                + "."
                + components[i].getName()
                + " (columns: "
                + columns
                + ")",
            null);
      }
    }
    Constructor<T> ctor;
    try {
      ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new D1MappingException("Cannot use the canonical constructor of " + type.getName(), e);
    }
    return row -> {
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        if (index[i] >= 0) {
          args[i] = convert(row.get(index[i]), types[i], columns.get(index[i]));
        }
      }
      return instantiate(ctor, args);
    };
  }

  private static <T> Mapping<T> beanMapping(Class<T> type, List<String> columns) {
    Constructor<T> ctor;
    try {
      ctor = type.getDeclaredConstructor();
      ctor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new D1MappingException(
          "Cannot map rows to " + type.getName() + ": it needs a no-argument constructor", e);
    }
    Map<String, BiConsumer<Object, Object>> setters = new HashMap<>();
    Map<String, Class<?>> targetTypes = new HashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || setters.containsKey(f.getName())) {
          continue;
        }
        try {
          f.setAccessible(true);
        } catch (RuntimeException e) {
          continue;
        }
        setters.put(f.getName(), (bean, v) -> setField(f, bean, v));
        targetTypes.put(f.getName(), f.getType());
      }
    }
    for (Method m : type.getMethods()) {
      if (m.getName().startsWith("set")
          && m.getName().length() > 3
          && m.getParameterCount() == 1
          && !Modifier.isStatic(m.getModifiers())) {
        String prop = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        setters.put(prop, (bean, v) -> invoke(m, bean, v));
        targetTypes.put(prop, m.getParameterTypes()[0]);
      }
    }
    List<Integer> cols = new ArrayList<>();
    List<BiConsumer<Object, Object>> sets = new ArrayList<>();
    List<Class<?>> tts = new ArrayList<>();
    for (Map.Entry<String, BiConsumer<Object, Object>> e : setters.entrySet()) {
      int i = columnFor(e.getKey(), columns);
      if (i >= 0) {
        cols.add(i);
        sets.add(e.getValue());
        tts.add(targetTypes.get(e.getKey()));
      }
    }
    return row -> {
      T bean = instantiate(ctor);
      for (int k = 0; k < cols.size(); k++) {
        int i = cols.get(k);
        sets.get(k).accept(bean, convert(row.get(i), tts.get(k), columns.get(i)));
      }
      return bean;
    };
  }

  private static <T> T instantiate(Constructor<T> ctor, Object... args) {
    try {
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new D1MappingException(
          "Constructor of " + ctor.getDeclaringClass().getName() + " threw: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new D1MappingException("Cannot create " + ctor.getDeclaringClass().getName(), e);
    }
  }

  private static void setField(Field f, Object bean, Object v) {
    try {
      f.set(bean, v);
    } catch (IllegalAccessException e) {
      throw new D1MappingException("Cannot set field " + f, e);
    }
  }

  private static void invoke(Method m, Object bean, Object v) {
    try {
      m.invoke(bean, v);
    } catch (InvocationTargetException e) {
      throw new D1MappingException("Setter " + m + " threw: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new D1MappingException("Cannot call setter " + m, e);
    }
  }

  /**
   * Converts one D1 value (Long, Double, String, byte[] or null) to {@code target}.
   *
   * @param value the value
   * @param target the target type
   * @param column the column, for error messages
   * @return the converted value
   * @throws D1MappingException if it cannot be converted exactly
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object convert(Object value, Class<?> target, String column) {
    if (value == null) {
      if (target.isPrimitive()) {
        throw fail(column, null, target, "NULL cannot be a primitive");
      }
      return null;
    }
    Class<?> boxed = box(target);
    if (boxed == Object.class || (boxed.isInstance(value) && boxed != ByteBuffer.class)) {
      return value;
    }
    if (value instanceof Long) {
      long l = (Long) value;
      if (boxed == Integer.class) {
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
          throw fail(column, value, target, "out of range");
        }
        return (int) l;
      }
      if (boxed == Short.class) {
        if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
          throw fail(column, value, target, "out of range");
        }
        return (short) l;
      }
      if (boxed == Byte.class) {
        if (l < Byte.MIN_VALUE || l > Byte.MAX_VALUE) {
          throw fail(column, value, target, "out of range");
        }
        return (byte) l;
      }
      if (boxed == Double.class) {
        return (double) l;
      }
      if (boxed == Float.class) {
        return (float) l;
      }
      if (boxed == BigInteger.class) {
        return BigInteger.valueOf(l);
      }
      if (boxed == BigDecimal.class) {
        return BigDecimal.valueOf(l);
      }
      if (boxed == Boolean.class) {
        if (l == 0 || l == 1) {
          return l == 1;
        }
        throw fail(column, value, target, "only 0 and 1 are booleans");
      }
      if (boxed == String.class) {
        return Long.toString(l);
      }
    }
    if (value instanceof Double) {
      double d = (Double) value;
      if (boxed == Float.class) {
        return (float) d;
      }
      if (boxed == BigDecimal.class) {
        return BigDecimal.valueOf(d);
      }
      if (boxed == Long.class || boxed == Integer.class) {
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
          throw fail(column, value, target, "not an exact integer");
        }
        return convert((long) d, target, column);
      }
      if (boxed == String.class) {
        return Double.toString(d);
      }
    }
    if (value instanceof String) {
      String s = (String) value;
      if (boxed == Character.class && s.length() == 1) {
        return s.charAt(0);
      }
      if (target.isEnum()) {
        try {
          return Enum.valueOf((Class<? extends Enum>) target, s);
        } catch (IllegalArgumentException e) {
          throw fail(column, value, target, "no such constant");
        }
      }
      if (boxed == UUID.class) {
        try {
          return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
          throw fail(column, value, target, "not a UUID");
        }
      }
      if (boxed == BigDecimal.class) {
        try {
          return new BigDecimal(s);
        } catch (NumberFormatException e) {
          throw fail(column, value, target, "not a number");
        }
      }
    }
    if (value instanceof byte[] && boxed == ByteBuffer.class) {
      return ByteBuffer.wrap(((byte[]) value).clone()).asReadOnlyBuffer();
    }
    throw fail(column, value, target, "incompatible types");
  }

  private static D1MappingException fail(String column, Object value, Class<?> target, String why) {
    String v =
        value == null
            ? "NULL"
            : value instanceof byte[]
                ? "BLOB(" + ((byte[]) value).length + " bytes)"
                : value.getClass().getSimpleName() + " " + value;
    return new D1MappingException(
        "Cannot map column '" + column + "' value " + v + " to " + target.getName() + ": " + why,
        null);
  }

  private static Class<?> box(Class<?> t) {
    if (!t.isPrimitive()) {
      return t;
    }
    if (t == int.class) {
      return Integer.class;
    }
    if (t == long.class) {
      return Long.class;
    }
    if (t == double.class) {
      return Double.class;
    }
    if (t == boolean.class) {
      return Boolean.class;
    }
    if (t == float.class) {
      return Float.class;
    }
    if (t == short.class) {
      return Short.class;
    }
    if (t == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
