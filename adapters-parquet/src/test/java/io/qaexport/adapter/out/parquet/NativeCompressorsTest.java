package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The native codecs load here and write what the pure-Java codecs (any reader) decompress. */
class NativeCompressorsTest {
  private static final byte[] TEXT =
      ("Hur ofta ska jag byta handskar? Mellan varje vårdtagare. 😀 ".repeat(500))
          .getBytes(StandardCharsets.UTF_8);

  @SuppressWarnings("deprecation") // BytesInput.toByteArray: one array to compare is the point
  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"SNAPPY", "ZSTD"})
  void aNativeCodecLoadsOnLinuxAndItsOutputDecompressesWithThePureJavaCodec(
      CompressionCodecName codec) throws IOException {
    BytesInputCompressor compressor =
        NativeCompressors.nativeFor(codec)
            .orElseThrow(() -> new AssertionError("the " + codec + " native library did not load"));

    byte[] compressed = compressor.compress(BytesInput.from(TEXT)).toByteArray();

    assertTrue(compressed.length < TEXT.length / 10, "compressed: " + compressed.length);
    assertEquals(codec, compressor.getCodecName());
    byte[] back =
        new AircompressorCodecs()
            .getDecompressor(codec)
            .decompress(BytesInput.from(compressed), TEXT.length)
            .toByteArray();
    assertArrayEquals(TEXT, back);
  }

  /**
   * A page as parquet-java hands it: in one array at an offset, in pieces, read-only, off-heap; a
   * smaller page after a larger one reuses the compressor's buffers and still gives its own bytes.
   */
  @SuppressWarnings("deprecation") // BytesInput.toByteArray: one array to compare is the point
  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"SNAPPY", "ZSTD"})
  void aPageInAnyShapeCompressesToItsOwnBytes(CompressionCodecName codec) throws IOException {
    BytesInputCompressor compressor = NativeCompressors.nativeFor(codec).orElseThrow();
    byte[] padded = new byte[TEXT.length + 20];
    System.arraycopy(TEXT, 0, padded, 7, TEXT.length);
    ByteBuffer direct = ByteBuffer.allocateDirect(TEXT.length).put(TEXT).flip();
    byte[] small = "Tvätta händerna.".getBytes(StandardCharsets.UTF_8);
    int half = TEXT.length / 2;
    Map<String, BytesInput> pages = new LinkedHashMap<>();
    pages.put("whole", BytesInput.from(TEXT));
    pages.put("at an offset", BytesInput.from(padded, 7, TEXT.length));
    pages.put(
        "in pieces",
        BytesInput.concat(
            BytesInput.from(TEXT, 0, half), BytesInput.from(TEXT, half, TEXT.length - half)));
    pages.put("read-only", BytesInput.from(ByteBuffer.wrap(TEXT).asReadOnlyBuffer()));
    pages.put("off-heap", BytesInput.from(direct));
    pages.put("small after large", BytesInput.from(small));

    for (Map.Entry<String, BytesInput> page : pages.entrySet()) {
      byte[] expected = page.getKey().equals("small after large") ? small : TEXT;
      byte[] compressed = compressor.compress(page.getValue()).toByteArray();
      byte[] back =
          new AircompressorCodecs()
              .getDecompressor(codec)
              .decompress(BytesInput.from(compressed), expected.length)
              .toByteArray();
      assertArrayEquals(expected, back, page.getKey());
    }
  }
}
