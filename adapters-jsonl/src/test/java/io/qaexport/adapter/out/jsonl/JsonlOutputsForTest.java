package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;

/**
 * Test-only access to the package-private JSONL writers, so the reader's fuzz test can write what
 * it read without making production classes public.
 */
public final class JsonlOutputsForTest {
  private JsonlOutputsForTest() {}

  public static OutputFormat format() {
    return new JsonlOutputFormat();
  }

  public static InvalidLineLog.Factory invalidLineLogs() {
    return JsonlOutputModule.invalidLineLogs();
  }
}
