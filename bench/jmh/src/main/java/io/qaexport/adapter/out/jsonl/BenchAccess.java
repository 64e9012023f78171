package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.OutputFormat;

/** Bench-only bridge to the package-private JSONL writer (split package). Not part of the product. */
public final class BenchAccess {
  private BenchAccess() {}

  /** The {@code jsonl} output format exactly as the Dagger module contributes it. */
  public static OutputFormat jsonl() {
    return JsonlOutputModule.jsonlFormat();
  }
}
