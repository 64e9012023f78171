package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.out.QaPairHandler;
import io.qaexport.application.port.out.RawLine;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.DatasetStatistics;
import io.qaexport.domain.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordMapper;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Maps and writes the pairs of one input file as the reader reports them, keeping count. */
final class FileExport implements QaPairHandler {
  private static final int PROGRESS_EVERY_LINES = 8192;

  private final RecordShape shape;
  private final RecordMapper mapper;
  private final RecordWriter writer;
  private final InvalidLineSink invalidLines;
  private final ExportProgress progress;
  private final DefaultCounts defaults = new DefaultCounts();
  private final DatasetStatistics statistics = new DatasetStatistics();
  private long linesRead;
  private long exported;
  private long skipped;
  private long blankLines;

  FileExport(
      RecordShape shape,
      RecordMapper mapper,
      RecordWriter writer,
      InvalidLineSink invalidLines,
      ExportProgress progress) {
    this.shape = shape;
    this.mapper = mapper;
    this.writer = writer;
    this.invalidLines = invalidLines;
    this.progress = progress;
  }

  @Override
  public void onPair(long lineNumber, QaPair pair, RawLine raw) {
    countLine();
    HfRecord record;
    try {
      record = mapper.map(pair, shape, defaults);
    } catch (InvalidRecordException e) {
      skipped++;
      invalidLines.accept(lineNumber, 0, e.reason(), raw);
      return;
    }
    try {
      writer.write(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    statistics.add(record);
    exported++;
  }

  @Override
  public void onBytesRead(long bytes) {
    progress.bytesRead(bytes);
  }

  @Override
  public void onBlankLine(long lineNumber) {
    countLine();
    blankLines++;
  }

  @Override
  public void onInvalidLine(long lineNumber, int column, String reason, RawLine raw) {
    countLine();
    skipped++;
    invalidLines.accept(lineNumber, column, reason, raw);
  }

  private void countLine() {
    if (++linesRead % PROGRESS_EVERY_LINES == 0) {
      progress.linesRead(linesRead);
    }
  }

  long linesRead() {
    return linesRead;
  }

  long exported() {
    return exported;
  }

  long skipped() {
    return skipped;
  }

  long blankLines() {
    return blankLines;
  }

  DefaultCounts defaults() {
    return defaults;
  }

  DatasetStatistics statistics() {
    return statistics;
  }
}
