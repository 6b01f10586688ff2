package io.github.d1java.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class D1BookmarksTest {

  @Test
  void formatsLikeMiniflare() {
    assertThat(D1Bookmarks.format(0x6a))
        .isEqualTo("00000000-0000006a-00000000-00000000000000000000000000000000");
    assertThat(D1Bookmarks.format(0x1_0000_0002L))
        .isEqualTo("00000001-00000002-00000000-00000000000000000000000000000000");
  }

  @Test
  void laterSequencesSortLater() {
    for (long s : new long[] {0, 1, 9, 10, 255, 0xffffffffL}) {
      assertThat(D1Bookmarks.format(s).compareTo(D1Bookmarks.format(s + 1))).isNegative();
    }
  }

  @Test
  void recognisesTheShape() {
    assertThat(D1Bookmarks.isBookmark(D1Bookmarks.format(5))).isTrue();
    assertThat(
            D1Bookmarks.isBookmark("00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683"))
        .isTrue();
    assertThat(D1Bookmarks.isBookmark("garbage-bookmark")).isFalse();
    assertThat(D1Bookmarks.isBookmark(null)).isFalse();
  }

  @Test
  void greaterBookmarkWinsAndNullNeverReplaces() {
    String a = D1Bookmarks.format(1);
    String b = D1Bookmarks.format(2);
    assertThat(D1Bookmarks.newer(a, b)).isEqualTo(b);
    assertThat(D1Bookmarks.newer(b, a)).isEqualTo(b);
    assertThat(D1Bookmarks.newer(null, a)).isEqualTo(a);
    assertThat(D1Bookmarks.newer(a, null)).isEqualTo(a);
    // D1 compares bookmarks as strings, so a bogus one that sorts higher sticks, as in Miniflare.
    assertThat(D1Bookmarks.newer("garbage-bookmark", b)).isEqualTo("garbage-bookmark");
  }

  @Test
  void rejectsNegativeSequence() {
    assertThatThrownBy(() -> D1Bookmarks.format(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
