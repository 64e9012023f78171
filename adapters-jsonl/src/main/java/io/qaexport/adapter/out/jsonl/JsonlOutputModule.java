package io.qaexport.adapter.out.jsonl;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;

/**
 * Contributes the {@code jsonl} output format the JSONL log of skipped lines and that of dropped
 * duplicates.
 */
@Module
public final class JsonlOutputModule {
  private JsonlOutputModule() {}

  @Provides
  @IntoMap
  @StringKey("jsonl")
  public static OutputFormat jsonlFormat() {
    return new JsonlOutputFormat();
  }

  @Provides
  static InvalidLineLog.Factory invalidLineLogs() {
    return JsonlInvalidLineLog::new;
  }

  @Provides
  static LeftOutLog.Factory leftOutLogs() {
    return JsonlLeftOutLog::new;
  }
}
