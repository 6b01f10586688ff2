package io.github.d1java.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.d1java.wrangler.JsNumber;
import java.io.IOException;
import java.util.StringJoiner;

/** JSON text as JavaScript's {@code JSON.stringify(value, null, 2)} writes it. */
public final class Json {

  private static final ObjectWriter WRITER;

  static {
    SimpleModule numbers = new SimpleModule();
    numbers.addSerializer(Double.class, new JsNumberSerializer());
    numbers.addSerializer(byte[].class, new BlobSerializer());
    ObjectMapper mapper = JsonMapper.builder().addModule(numbers).build();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    WRITER = mapper.writer(printer);
  }

  private Json() {}

  /**
   * @param value maps, lists, strings, numbers, booleans, null, {@code byte[]} (written as D1's
   *     local CLI does, the string {@code "[1, 2, 3]"})
   * @return the JSON text, without a trailing newline
   */
  public static String stringify(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param bytes a BLOB
   * @return {@code [1, 2, 3]}, as JavaScript's {@code String(array)} after wrangler's formatting
   */
  public static String blobText(byte[] bytes) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (byte b : bytes) {
      j.add(Integer.toString(b & 0xff));
    }
    return j.toString();
  }

  private static final class JsNumberSerializer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(JsNumber.toString(value));
      }
    }
  }

  private static final class BlobSerializer extends JsonSerializer<byte[]> {
    @Override
    public void serialize(byte[] value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(blobText(value));
    }
  }
}
