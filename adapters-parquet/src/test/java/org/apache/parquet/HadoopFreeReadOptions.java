package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Test-only: read options that never touch Hadoop. Every public way to build
 * {@link ParquetReadOptions} in 1.18.1 creates Hadoop's codec factory first (and fails without
 * Hadoop); only the package-private constructor, reachable from this package, avoids it.
 */
public final class HadoopFreeReadOptions {
  private HadoopFreeReadOptions() {}

  public static ParquetReadOptions with(CompressionCodecFactory codecs) {
    return new ParquetReadOptions(
        false, true, true, true, true, false, true, false, false,
        FilterCompat.NOOP,
        ParquetMetadataConverter.NO_FILTER,
        codecs,
        new HeapByteBufferAllocator(),
        8 << 20,
        new HashMap<>(),
        null,
        null,
        new PlainParquetConfiguration());
  }
}
