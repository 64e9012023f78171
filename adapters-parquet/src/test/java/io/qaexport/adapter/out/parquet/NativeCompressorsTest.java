package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
