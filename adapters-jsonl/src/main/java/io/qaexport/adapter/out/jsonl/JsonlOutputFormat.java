package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;

/** JSON Lines as HuggingFace {@code datasets} loads it with {@code load_dataset("json")}. */
final class JsonlOutputFormat implements OutputFormat {

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public String description() {
    return "JSON Lines, one object per line, UTF-8 (default)";
  }

  @Override
  public String fileExtension() {
    return "jsonl";
  }

  @Override
  public String hfBuilderName() {
    return "json";
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    return new JsonlRecordWriter(file, shape);
  }
}
