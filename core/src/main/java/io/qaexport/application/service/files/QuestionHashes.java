package io.qaexport.application.service.files;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.QuestionKey;

/**
 * The {@link QuestionKey} hash of a record's question, computed once per record although
 * deduplication and the split both ask for it.
 */
public final class QuestionHashes {
  private HfRecord last;
  private long lastHash;

  public long of(HfRecord record) {
    if (record != last) {
      lastHash = QuestionKey.of(record.question());
      last = record;
    }
    return lastHash;
  }
}
