package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.flag.Flag;
import io.qaexport.adapter.in.cli.flag.Flags;
import io.qaexport.application.port.in.ExportJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The {@code --help} text and commons-cli's options, both rendered from {@link Flags#ALL}. */
public final class CliSyntax {
  public static final String PASSED_FILE = Flags.PASSED_FILE;
  public static final String REJECTED_FILE = Flags.REJECTED_FILE;
  static final String CARD_FILE = Flags.CARD_FILE;
  static final String DEFAULT_MAX_LINE = Flags.DEFAULT_MAX_LINE;

  static final Options OPTIONS = options(Flags.ALL);

  private CliSyntax() {}

  /** The {@code --help} text. */
  // The deprecated HelpFormatter: commons-cli's new help package lays the options out
  // differently, and the README's usage block is this text byte for byte.
  @SuppressWarnings("deprecation")
  public static String helpText() {
    var text = new StringWriter();
    var writer = new PrintWriter(text);
    HelpFormatter formatter = HelpFormatter.builder().get();
    formatter.setOptionComparator(null);
    formatter.printHelp(
        writer,
        100,
        "qa-export [options]",
        "\nTurns the validation step's "
            + PASSED_FILE
            + " and "
            + REJECTED_FILE
            + " into HuggingFace-ready datasets: "
            + ExportJob.PASSED_OUTPUT
            + ".<ext> and "
            + ExportJob.REJECTED_OUTPUT
            + ".<ext> in the output directory.\n\n",
        OPTIONS,
        2,
        2,
        "\nInput files may be gzip, zstd, bzip2 or xz compressed, told by their first bytes; line"
            + " numbers count decompressed lines, and a corrupt or truncated file is invalid input."
            + "\n\nOutputs are written to temporary files (.NAME.PID.qa-export-tmp) and moved into"
            + " place only when the whole run succeeded, all together: even after kill -9 the output"
            + " directory holds the earlier dataset or the new one, never a mix. One run at a time"
            + " uses an output directory (.qa-export.lock); a second one waits. No output may be an"
            + " input.\n\nExit codes: 0 success; 1 invalid input data; 2 usage error (unknown option"
            + " or format, missing passed file); 3 I/O failure (unreadable input, unwritable output,"
            + " disk full, a failing plugin); 4 internal error (a bug: please report it with"
            + " --verbose output); 130 interrupted (Ctrl-C): nothing written or replaced, unless the message says the"
            + " outputs were already in place.\n");
    writer.flush();
    return text.toString();
  }

  /** commons-cli's options for {@code flags}. */
  static Options options(List<Flag<?>> flags) {
    var options = new Options();
    for (Flag<?> flag : flags) {
      Option.Builder option =
          Option.builder(flag.shortName().orElse(null))
              .longOpt(flag.name())
              .desc(flag.description());
      if (flag.argName() != null) {
        option.hasArg().argName(flag.argName());
      }
      options.addOption(option.get());
    }
    return options;
  }
}
