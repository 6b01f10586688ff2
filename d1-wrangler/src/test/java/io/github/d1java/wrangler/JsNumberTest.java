package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsNumberTest {

  @Test
  void printsAsJavaScriptDoes() {
    assertThat(JsNumber.toString(3.0)).isEqualTo("3");
    assertThat(JsNumber.toString(0.1)).isEqualTo("0.1");
    assertThat(JsNumber.toString(1e21)).isEqualTo("1e+21");
    assertThat(JsNumber.toString(1e-7)).isEqualTo("1e-7");
    assertThat(JsNumber.toString(-2.5)).isEqualTo("-2.5");
  }

  @Test
  void rejectsNaNAndInfinityNamingTheValue() {
    assertThatThrownBy(() -> JsNumber.toString(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, was NaN");
    assertThatThrownBy(() -> JsNumber.toString(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, was -Infinity");
  }
}
