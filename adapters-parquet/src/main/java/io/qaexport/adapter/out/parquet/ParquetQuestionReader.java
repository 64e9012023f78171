package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.InvalidReferenceException;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads the {@code question} column of any writer's Parquet file (pyarrow and so HuggingFace
 * datasets, parquet-java, DuckDB, qa-export itself), one row group at a time.
 *
 * <p>Why not parquet-java's {@code ParquetFileReader}: it opens only with a {@code
 * ParquetReadOptions}, whose builders both load Hadoop classes (the Hadoop codec factory, the
 * record filter of Hadoop's input format) and whose constructor is package-private; qa-export ships
 * no Hadoop. So parquet-java's converter reads the footer ({@link ParquetFooter}), {@link
 * ColumnChunkPages} reads the question column's pages, and parquet-column's {@link
 * ColumnReaderImpl} decodes them: levels, dictionaries and every encoding stay the library's.
 */
final class ParquetQuestionReader implements ReferenceQuestionReader {
  private static final String COLUMN = "question";

  @Override
  public void read(Path file, Questions questions) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ParquetMetadata footer = ParquetFooter.read(channel);
      ColumnDescriptor column = questionColumn(footer.getFileMetaData().getSchema());
      VersionParser.ParsedVersion writer = writerVersion(footer.getFileMetaData().getCreatedBy());
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      long row = 0;
      List<BlockMetaData> groups = footer.getBlocks();
      for (int group = 0; group < groups.size(); group++) {
        ColumnChunkMetaData chunk = chunk(groups.get(group), group);
        if (chunk.getValueCount() == 0) {
          continue;
        }
        ColumnReader values = decoding(() -> openChunk(channel, chunk, column, writer), group);
        for (long i = 0; i < chunk.getValueCount(); i++) {
          row++;
          String question;
          try {
            question = decoding(() -> next(values, column, utf8), group);
          } catch (CharacterCodingException e) {
            throw new InvalidReferenceException(
                "row " + row + ": the question is not UTF-8 text", e);
          }
          questions.accept(row, question);
        }
      }
    }
  }

  /** The top-level {@code question} column, when it holds strings (optional or required). */
  private static ColumnDescriptor questionColumn(MessageType schema)
      throws InvalidReferenceException {
    if (!schema.containsField(COLUMN)) {
      List<String> names = schema.getFields().stream().map(Type::getName).toList();
      throw new InvalidReferenceException(
          "no question column"
              + (names.isEmpty() ? " (no columns at all)" : "; its columns: " + names));
    }
    Type type = schema.getType(COLUMN);
    if (!type.isPrimitive()
        || type.isRepetition(Type.Repetition.REPEATED)
        || type.asPrimitiveType().getPrimitiveTypeName() != PrimitiveTypeName.BINARY
        || !(type.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)) {
      throw new InvalidReferenceException(
          "the question column holds " + typeName(type) + ", not strings");
    }
    return schema.getColumnDescription(new String[] {COLUMN});
  }

  /** A Parquet type in a word or two: {@code int64}, {@code binary}, {@code list}, ... */
  private static String typeName(Type type) {
    String name;
    if (type.isPrimitive()) {
      PrimitiveType primitive = type.asPrimitiveType();
      name = primitive.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT);
      if (primitive.getLogicalTypeAnnotation() != null) {
        name += " (" + primitive.getLogicalTypeAnnotation() + ")";
      }
    } else if (type.getLogicalTypeAnnotation()
        instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      name = "list";
    } else if (type.getLogicalTypeAnnotation()
        instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      name = "map";
    } else {
      name = "struct";
    }
    return type.isRepetition(Type.Repetition.REPEATED) ? "repeated " + name : name;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, int group)
      throws InvalidReferenceException {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (chunk.getPath().equals(ColumnPath.get(COLUMN))) {
        if (chunk.getValueCount() != block.getRowCount()) {
          throw new InvalidReferenceException(
              "a corrupt Parquet footer: row group "
                  + (group + 1)
                  + " has "
                  + block.getRowCount()
                  + " rows but "
                  + chunk.getValueCount()
                  + " questions");
        }
        return chunk;
      }
    }
    throw new InvalidReferenceException(
        "a corrupt Parquet footer: row group " + (group + 1) + " has no question column");
  }

  private static ColumnReader openChunk(
      FileChannel channel,
      ColumnChunkMetaData chunk,
      ColumnDescriptor column,
      VersionParser.ParsedVersion writer)
      throws IOException {
    if (!AircompressorCodecs.DECOMPRESSED.contains(chunk.getCodec())) {
      throw new InvalidReferenceException(
          "its questions are compressed with "
              + chunk.getCodec()
              + ", which qa-export does not read (it reads "
              + AircompressorCodecs.DECOMPRESSED
              + ")");
    }
    // No converter: values are taken from the reader, dictionary ids resolved by it.
    return new ColumnReaderImpl(
        column, new ColumnChunkPages(channel, chunk), new PrimitiveConverter() {}, writer);
  }

  /** The current row's question, null where the row has none; then on to the next row. */
  private static String next(ColumnReader values, ColumnDescriptor column, CharsetDecoder utf8)
      throws CharacterCodingException {
    String question = null;
    if (values.getCurrentDefinitionLevel() == column.getMaxDefinitionLevel()) {
      // Strict: Binary.toStringUsingUTF8 would replace bytes that are not UTF-8.
      question = utf8.decode(values.getBinary().toByteBuffer()).toString();
    }
    values.consume();
    return question;
  }

  /** The writer, for parquet-column's workaround of old writers' bugs; null when unknown. */
  private static VersionParser.ParsedVersion writerVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (VersionParser.VersionParseException | RuntimeException unknown) {
      return null;
    }
  }

  private interface Decoding<T> {
    T run() throws IOException;
  }

  /**
   * Runs a step of parquet-column's decoding: it reports corrupt bytes with unchecked exceptions of
   * many kinds, and {@link ColumnChunkPages} its own through {@link UncheckedIOException}.
   */
  private static <T> T decoding(Decoding<T> step, int group) throws IOException {
    try {
      return step.run();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (RuntimeException e) {
      // parquet-java's own exceptions say what is wrong; a JDK one (a null page) only where.
      String detail =
          e.getClass().getName().startsWith("org.apache.parquet") && e.getMessage() != null
              ? e.getMessage()
              : "its bytes do not decode (" + e.getClass().getSimpleName() + " in parquet-java)";
      throw new InvalidReferenceException(
          "corrupt Parquet data in row group " + (group + 1) + ": " + detail, e);
    }
  }
}
