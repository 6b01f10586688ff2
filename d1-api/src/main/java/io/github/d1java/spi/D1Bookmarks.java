package io.github.d1java.spi;

import java.util.regex.Pattern;

/** Session bookmarks in D1's format, and D1's rule that the greater bookmark wins. */
public final class D1Bookmarks {

  private static final Pattern FORMAT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");

  private D1Bookmarks() {}

  /**
   * The local bookmark for a commit sequence number, in D1's {@code 8-8-8-32} hex format: {@code
   * 00000000-0000006a-00000000-00000000000000000000000000000000} for 0x6a.
   *
   * @param sequence the commit sequence; not negative
   * @return the bookmark
   */
  public static String format(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative: " + sequence);
    }
    return String.format(
        "%08x-%08x-00000000-00000000000000000000000000000000",
        sequence >>> 32, sequence & 0xffffffffL);
  }

  /**
   * Whether {@code s} has the shape of a D1 bookmark.
   *
   * @param s a string, or null
   * @return true for {@code xxxxxxxx-xxxxxxxx-xxxxxxxx-<32 hex>}
   */
  public static boolean isBookmark(String s) {
    return s != null && FORMAT.matcher(s).matches();
  }

  /**
   * The bookmark a session keeps when a response brings {@code candidate}: the greater of the two
   * (D1 compares with {@code localeCompare}; bookmarks are ASCII, so this compares them as
   * strings), or {@code candidate} when there is no current bookmark.
   *
   * @param current the session's bookmark, or null
   * @param candidate the bookmark a response brought, or null
   * @return the bookmark to keep
   */
  public static String newer(String current, String candidate) {
    if (candidate == null) {
      return current;
    }
    if (current == null) {
      return candidate;
    }
    return current.compareTo(candidate) < 0 ? candidate : current;
  }
}
