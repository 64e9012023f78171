package io.qaexport.adapter.out.parquet;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link HfRecord}s as rows of {@link HfParquetSchema}, columns in shape order. */
final class HfRecordWriteSupport extends WriteSupport<HfRecord> {
  private final RecordShape shape;
  private RecordConsumer consumer;

  HfRecordWriteSupport(RecordShape shape) {
    this.shape = shape;
  }

  // parquet-java calls this overload; the base version would build a Hadoop Configuration.
  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(HfParquetSchema.messageType(shape),
        Map.of(HfParquetSchema.HF_METADATA_KEY, HfParquetSchema.hfMetadataJson(shape)));
  }

  // Abstract in WriteSupport, so it must exist; never called without Hadoop.
  @Override
  public WriteContext init(Configuration configuration) {
    throw new UnsupportedOperationException("qa-export writes Parquet without Hadoop");
  }

  @Override
  public String getName() {
    return "qa-export";
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(HfRecord record) {
    consumer.startMessage();
    text(0, "question", record.question());
    text(1, "answer", record.answer());
    text(2, "source", record.source());
    text(3, "persona", record.persona());
    consumer.startField("validation_score", 4);
    consumer.addDouble(record.validationScore());
    consumer.endField("validation_score", 4);
    if (shape.hasFailureReason()) {
      text(5, "failure_reason", record.failureReason());
    }
    consumer.endMessage();
  }

  private void text(int index, String name, String value) {
    consumer.startField(name, index);
    consumer.addBinary(Binary.fromString(value));
    consumer.endField(name, index);
  }
}
