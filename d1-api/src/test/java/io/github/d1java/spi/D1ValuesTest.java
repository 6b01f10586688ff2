package io.github.d1java.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1TypeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class D1ValuesTest {

  static Stream<Arguments> supported() {
    return Stream.of(
        Arguments.of(null, null),
        Arguments.of(true, 1L),
        Arguments.of(false, 0L),
        Arguments.of((byte) 7, 7L),
        Arguments.of((short) -3, -3L),
        Arguments.of(42, 42L),
        Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE),
        Arguments.of(1.5, 1.5),
        Arguments.of(1.5f, 1.5),
        Arguments.of(Double.NaN, null),
        Arguments.of(Double.POSITIVE_INFINITY, null),
        Arguments.of(Float.NEGATIVE_INFINITY, null),
        Arguments.of("hi 🙂", "hi 🙂"),
        Arguments.of("", ""));
  }

  @ParameterizedTest
  @MethodSource("supported")
  void convertsSupportedValuesAsD1Does(Object in, Object out) {
    assertThat(D1Values.toBindValue(in)).isEqualTo(out);
  }

  @Test
  void byteArraysAreCopied() {
    byte[] b = {1, 2, 3};
    byte[] bound = (byte[]) D1Values.toBindValue(b);
    b[0] = 9;
    assertThat(bound).containsExactly(1, 2, 3);
  }

  @Test
  void byteBufferRemainingBytesAreCopiedWithoutMovingIt() {
    ByteBuffer buf = ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255});
    buf.position(1);
    assertThat((byte[]) D1Values.toBindValue(buf)).containsExactly(1, 2, (byte) 255);
    assertThat(buf.position()).isEqualTo(1);
  }

  @Test
  void bigIntegerIsRejectedAsD1RejectsBigint() {
    assertThatThrownBy(() -> D1Values.toBindValue(BigInteger.TEN))
        .isInstanceOf(D1TypeException.class)
        .hasMessage("D1_TYPE_ERROR: Type 'bigint' not supported for value '10'");
  }

  @Test
  void mapsAreRejectedAsJsObjects() {
    assertThatThrownBy(() -> D1Values.toBindValue(Map.of("a", 1)))
        .hasMessage("D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'");
  }

  @Test
  void listsAndArraysAreRejectedWithJsArrayText() {
    assertThatThrownBy(() -> D1Values.toBindValue(List.of(1, 256)))
        .hasMessage("D1_TYPE_ERROR: Type 'object' not supported for value '1,256'");
    assertThatThrownBy(() -> D1Values.toBindValue(new int[] {1, 2}))
        .hasMessage("D1_TYPE_ERROR: Type 'object' not supported for value '1,2'");
  }

  @Test
  void otherObjectsAreRejected() {
    assertThatThrownBy(() -> D1Values.toBindValue(LocalDate.of(2024, 1, 2)))
        .hasMessage("D1_TYPE_ERROR: Type 'object' not supported for value '2024-01-02'");
    assertThatThrownBy(() -> D1Values.toBindValue(new BigDecimal("1.5")))
        .isInstanceOf(D1TypeException.class);
    assertThatThrownBy(() -> D1Values.toBindValue('c')).isInstanceOf(D1TypeException.class);
  }

  @Test
  void bindValuesAreUnmodifiableAndNullArrayIsOneNull() {
    List<Object> v = D1Values.toBindValues(1, "a", null);
    assertThat(v).containsExactly(1L, "a", null);
    assertThatThrownBy(() -> v.add(2)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(D1Values.toBindValues((Object[]) null)).containsExactly((Object) null);
    assertThat(D1Values.toBindValues()).isEmpty();
  }

  @Test
  void firstBadValueFailsTheWholeBind() {
    assertThatThrownBy(() -> D1Values.toBindValues(Arrays.asList(1, new Object()).toArray()))
        .isInstanceOf(D1TypeException.class);
  }
}
