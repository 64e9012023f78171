package io.qaexport.adapter.out.parquet;

import io.qaexport.domain.Column;
import io.qaexport.domain.RecordShape;
import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a record shape as HuggingFace {@code datasets} writes it: every column
 * optional, text as BYTE_ARRAY with the STRING logical type, the score as DOUBLE; and the {@code
 * huggingface} footer entry from which {@code datasets} restores the exact features.
 */
final class HfParquetSchema {
  static final String HF_METADATA_KEY = "huggingface";

  private HfParquetSchema() {}

  static MessageType messageType(RecordShape shape) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Column column : shape.columns()) {
      switch (column.type()) {
        case STRING ->
            message
                .optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column.name());
        // Type-defined order, as pyarrow writes it: parquet-java 1.18 defaults DOUBLE to
        // IEEE_754_TOTAL_ORDER, whose min/max pyarrow 25 ignores (no row-group skipping).
        case FLOAT64 ->
            message
                .optional(PrimitiveTypeName.DOUBLE)
                .columnOrder(ColumnOrder.typeDefined())
                .named(column.name());
        case INT64 -> message.optional(PrimitiveTypeName.INT64).named(column.name());
        case BOOL -> message.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
        // The three-level LIST of the Parquet spec, named as pyarrow names it (list, element).
        case STRING_LIST ->
            message
                .optionalList()
                .optionalElement(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(column.name());
      }
    }
    return message.named("schema");
  }

  /** The features JSON, spaced as Python's {@code json.dumps} spaces it, like {@code datasets}. */
  static String hfMetadataJson(RecordShape shape) {
    var json = new StringBuilder("{\"info\": {\"features\": {");
    String separator = "";
    for (Column column : shape.columns()) {
      String value = "{\"dtype\": \"" + column.type().hfDtype() + "\", \"_type\": \"Value\"}";
      json.append(separator)
          .append('"')
          .append(column.name())
          .append("\": ")
          .append(
              column.type().isList() ? "{\"feature\": " + value + ", \"_type\": \"List\"}" : value);
      separator = ", ";
    }
    return json.append("}}}").toString();
  }
}
