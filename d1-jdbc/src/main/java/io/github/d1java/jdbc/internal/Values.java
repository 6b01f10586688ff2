package io.github.d1java.jdbc.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/**
 * The storage convention of Java values in D1 (SQLite has INTEGER, REAL, TEXT, BLOB and NULL):
 *
 * <ul>
 *   <li>{@code Boolean}: INTEGER 1 or 0; integral numbers: INTEGER; {@code Float}, {@code Double}:
 *       REAL.
 *   <li>{@code BigDecimal}: TEXT, {@link BigDecimal#toPlainString()} (exact; a column with NUMERIC,
 *       INTEGER or REAL affinity turns it into a number, as SQLite does); {@code BigInteger}:
 *       INTEGER when it fits 64 bits, else TEXT.
 *   <li>{@code LocalDate}: TEXT {@code YYYY-MM-DD}; {@code LocalTime}: TEXT {@code HH:MM:SS[.f]};
 *       {@code LocalDateTime}: TEXT {@code YYYY-MM-DD HH:MM:SS[.f]}, SQLite's own {@code
 *       datetime()} format; {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}, {@code
 *       java.sql.Timestamp}, {@code java.util.Date}: the instant in UTC in that same format, so it
 *       compares and sorts with {@code datetime('now')} (the offset is not kept).
 *   <li>{@code UUID}: TEXT, lower-case canonical form (36 characters).
 *   <li>{@code byte[]}, {@code ByteBuffer}: BLOB; {@code Character}, enums: TEXT.
 * </ul>
 *
 * Reading converts back from any storage class that holds the value (TEXT timestamps with a space
 * or {@code T} and an optional {@code Z} or offset; INTEGER timestamps as Unix seconds). Stateless.
 */
final class Values {

  private static final DateTimeFormatter LOCAL_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter();

  private static final DateTimeFormatter READ_DATE_TIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .toFormatter();

  private Values() {}

  /** Converts a JDBC parameter to a value D1 binds. */
  static Object toBind(Object v) throws SQLException {
    if (v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Short
        || v instanceof Byte
        || v instanceof Double
        || v instanceof Float
        || v instanceof Boolean
        || v instanceof byte[]) {
      return v;
    }
    if (v instanceof ByteBuffer) {
      ByteBuffer b = ((ByteBuffer) v).duplicate();
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof BigInteger) {
      BigInteger i = (BigInteger) v;
      return i.bitLength() < 64 ? (Object) i.longValue() : i.toString();
    }
    if (v instanceof Character || v instanceof Enum || v instanceof UUID) {
      return v instanceof Enum ? ((Enum<?>) v).name() : v.toString();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().toString();
    }
    if (v instanceof java.sql.Time) {
      return ((java.sql.Time) v).toLocalTime().toString();
    }
    if (v instanceof java.util.Date) {
      return utc(((java.util.Date) v).toInstant());
    }
    if (v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) v);
    }
    if (v instanceof LocalDateTime) {
      return LOCAL_DATE_TIME.format((LocalDateTime) v);
    }
    if (v instanceof Instant) {
      return utc((Instant) v);
    }
    if (v instanceof OffsetDateTime) {
      return utc(((OffsetDateTime) v).toInstant());
    }
    if (v instanceof ZonedDateTime) {
      return utc(((ZonedDateTime) v).toInstant());
    }
    throw new SQLDataException(
        "D1 cannot store a value of type " + v.getClass().getName(), "22023");
  }

  private static String utc(Instant i) {
    return LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
  }

  /** Converts a D1 value (Long, Double, String, byte[] or null) to {@code type}. */
  @SuppressWarnings("unchecked")
  static <T> T convert(Object v, Class<T> type) throws SQLException {
    if (v == null) {
      if (type.isPrimitive()) {
        throw new SQLDataException("NULL cannot be read as " + type.getName(), "22002");
      }
      return null;
    }
    if (type == Object.class || type.isInstance(v) && type != java.util.Date.class) {
      return (T) v;
    }
    try {
      if (type == String.class) {
        return (T) toText(v);
      }
      if (type == Long.class || type == long.class) {
        return (T) Long.valueOf(toLong(v));
      }
      if (type == Integer.class || type == int.class) {
        return (T) Integer.valueOf(Math.toIntExact(toLong(v)));
      }
      if (type == Short.class || type == short.class) {
        long l = toLong(v);
        if (l != (short) l) {
          throw new ArithmeticException("out of range");
        }
        return (T) Short.valueOf((short) l);
      }
      if (type == Byte.class || type == byte.class) {
        long l = toLong(v);
        if (l != (byte) l) {
          throw new ArithmeticException("out of range");
        }
        return (T) Byte.valueOf((byte) l);
      }
      if (type == Double.class || type == double.class) {
        return (T) Double.valueOf(toDouble(v));
      }
      if (type == Float.class || type == float.class) {
        return (T) Float.valueOf((float) toDouble(v));
      }
      if (type == Boolean.class || type == boolean.class) {
        return (T) Boolean.valueOf(toBoolean(v));
      }
      if (type == BigDecimal.class) {
        return (T) toBigDecimal(v);
      }
      if (type == BigInteger.class) {
        return (T) toBigDecimal(v).toBigIntegerExact();
      }
      if (type == byte[].class) {
        return (T)
            (v instanceof String ? ((String) v).getBytes(StandardCharsets.UTF_8) : fail(v, type));
      }
      if (type == UUID.class) {
        if (v instanceof byte[] && ((byte[]) v).length == 16) {
          ByteBuffer b = ByteBuffer.wrap((byte[]) v);
          return (T) new UUID(b.getLong(), b.getLong());
        }
        return (T) UUID.fromString(toText(v));
      }
      if (type == LocalDate.class) {
        return (T) LocalDate.from(dateTime(v));
      }
      if (type == LocalTime.class) {
        return (T)
            (v instanceof String && ((String) v).length() <= 18 && ((String) v).indexOf('-') < 0
                ? LocalTime.parse((String) v)
                : LocalTime.from(dateTime(v)));
      }
      if (type == LocalDateTime.class) {
        return (T) localDateTime(v);
      }
      if (type == Instant.class) {
        return (T) instant(v);
      }
      if (type == OffsetDateTime.class) {
        return (T) instant(v).atOffset(ZoneOffset.UTC);
      }
      if (type == ZonedDateTime.class) {
        return (T) instant(v).atZone(ZoneOffset.UTC);
      }
      if (type == java.sql.Timestamp.class) {
        return (T) java.sql.Timestamp.from(instant(v));
      }
      if (type == java.sql.Date.class) {
        return (T) java.sql.Date.valueOf(LocalDate.from(dateTime(v)));
      }
      if (type == java.sql.Time.class) {
        return (T) java.sql.Time.valueOf(convert(v, LocalTime.class));
      }
      if (type == java.util.Date.class) {
        return (T) java.util.Date.from(instant(v));
      }
      if (type.isEnum()) {
        return (T) enumValue(type, toText(v));
      }
    } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
      SQLDataException failure =
          new SQLDataException(
              "cannot read " + describe(v) + " as " + type.getName() + ": " + e.getMessage(),
              "22018");
      failure.initCause(e);
      throw failure;
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      SQLDataException failure =
          new SQLDataException(
              "cannot read " + describe(v) + " as " + type.getName() + ": " + e.getMessage(),
              "22018");
      failure.initCause(e);
      throw failure;
    }
    return fail(v, type);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class type, String name) {
    return Enum.valueOf(type, name);
  }

  private static <T> T fail(Object v, Class<?> type) throws SQLDataException {
    throw new SQLDataException("cannot read " + describe(v) + " as " + type.getName(), "22018");
  }

  private static String describe(Object v) {
    if (v instanceof byte[]) {
      return "a BLOB";
    }
    if (v instanceof String) {
      return "TEXT '"
          + (((String) v).length() > 40 ? ((String) v).substring(0, 40) + "..." : v)
          + "'";
    }
    return (v instanceof Long ? "INTEGER " : "REAL ") + v;
  }

  static String toText(Object v) {
    if (v instanceof byte[]) {
      return new String((byte[]) v, StandardCharsets.UTF_8);
    }
    if (v instanceof Double) {
      double d = (Double) v;
      // SQLite prints REALs with 15 significant digits and a ".0" for integral values
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? ((long) d) + ".0" : Double.toString(d);
    }
    return v.toString();
  }

  static long toLong(Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
        throw new ArithmeticException("not an integer: " + d);
      }
      return (long) d;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return new BigDecimal(s).longValueExact();
      }
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw new NumberFormatException("not a number");
  }

  static double toDouble(Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      return Double.parseDouble(((String) v).trim());
    }
    throw new NumberFormatException("not a number");
  }

  static boolean toBoolean(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue() != 0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
      return toDouble(s) != 0;
    }
    throw new NumberFormatException("not a boolean");
  }

  static BigDecimal toBigDecimal(Object v) {
    if (v instanceof Long) {
      return BigDecimal.valueOf((Long) v);
    }
    if (v instanceof Double) {
      return BigDecimal.valueOf((Double) v);
    }
    if (v instanceof String) {
      return new BigDecimal(((String) v).trim());
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    throw new NumberFormatException("not a number");
  }

  private static TemporalAccessor dateTime(Object v) {
    if (v instanceof String) {
      return READ_DATE_TIME.parse(((String) v).trim());
    }
    return LocalDateTime.ofInstant(instant(v), ZoneOffset.UTC);
  }

  private static LocalDateTime localDateTime(Object v) {
    if (v instanceof String) {
      TemporalAccessor t = READ_DATE_TIME.parse(((String) v).trim());
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return LocalDateTime.ofInstant(
            OffsetDateTime.of(LocalDate.from(t), time(t), ZoneOffset.from(t)).toInstant(),
            ZoneOffset.UTC);
      }
      return LocalDateTime.of(LocalDate.from(t), time(t));
    }
    return LocalDateTime.ofInstant(instant(v), ZoneOffset.UTC);
  }

  private static LocalTime time(TemporalAccessor t) {
    return t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
  }

  private static Instant instant(Object v) {
    if (v instanceof Long) {
      return Instant.ofEpochSecond((Long) v);
    }
    if (v instanceof Double) {
      // a REAL timestamp is a Julian day number, as SQLite's julianday() returns
      double unixSeconds = ((Double) v - 2440587.5) * 86400.0;
      long millis = Math.round(unixSeconds * 1000);
      return Instant.ofEpochMilli(millis);
    }
    if (v instanceof String) {
      TemporalAccessor t = READ_DATE_TIME.parse(((String) v).trim());
      ZoneOffset offset =
          t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
      return OffsetDateTime.of(LocalDate.from(t), time(t), offset).toInstant();
    }
    throw new IllegalArgumentException("not a timestamp");
  }
}
