package io.qaexport.application.service.files;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.domain.HfRecord;

/**
 * Where mapped records go, in input order. The output file is the last sink; a stage between
 * mapping and writing (a score filter, deduplication, a split) is a sink that passes records on to
 * the next one, and joins the chain with one line in {@code Stages.ALL}.
 */
public interface RecordSink {

  /**
   * @param lineNumber the record's 1-based line in its input file
   */
  void accept(long lineNumber, HfRecord record) throws ExportException;

  /** No more records: a stage that holds some back passes them on now. */
  default void finish() throws ExportException {}
}
