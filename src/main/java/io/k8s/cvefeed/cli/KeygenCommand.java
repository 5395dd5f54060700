package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.integrity.KeyPairFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvefeed keygen}: writes a signing key pair. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new ECDSA P-256 key pair: cvefeed.key (PKCS#8 PEM, unencrypted, mode 0600) for"
          + " --signing-key, and cvefeed.pub for 'cvefeed verify', cosign and openssl.",
      "Refuses to overwrite either file.",
    })
final class KeygenCommand implements Callable<Integer> {
  private final Cli.Context ctx;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory to write the two files into (default: the current directory).")
  Path out = Path.of(".");

  KeygenCommand(Cli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException {
    List<Path> written;
    try {
      written = KeyPairFiles.generate(out);
    } catch (IOException e) {
      ctx.err().println("cvefeed: " + out + ": cannot write the key pair (" + e + ")");
      return ExitCode.FAILED;
    }
    ctx.out().println("private key: " + written.get(0) + " (keep it secret)");
    ctx.out().println("public key:  " + written.get(1));
    return ExitCode.OK;
  }
}
