package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.ReferenceQuestionReader;
import io.qaexport.application.port.out.ReferenceQuestionReaderContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The Parquet reader keeps the reference reader's contract, on files DuckDB writes. */
class ParquetQuestionReaderContractTest extends ReferenceQuestionReaderContractTest {

  @Override
  protected ReferenceQuestionReader reader() {
    return ParquetReferenceModule.parquetReferences();
  }

  @Override
  protected void write(Path file, List<String> questions) throws IOException {
    DuckDb.writeQuestions(file, questions);
  }
}
