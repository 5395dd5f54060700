package io.k8s.cvefeed.cli;

import io.k8s.cvefeed.config.UsageException;
import io.k8s.cvefeed.integrity.PemKeys;
import io.k8s.cvefeed.integrity.ReleaseReader;
import io.k8s.cvefeed.integrity.ReleaseVerifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cvefeed verify}: checks a published release against its signed manifest. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the signature of manifest.json (manifest.json.sig), then the size and sha256 of every"
          + " file it lists.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the signature and every file are good",
      "1:a file failed; the message names the first one",
      "2:usage error",
    })
final class VerifyCommand implements Callable<Integer> {
  private final Cli.Context ctx;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      required = true,
      description = "ECDSA P-256 public key (PEM), e.g. cvefeed.pub from 'cvefeed keygen'.")
  Path publicKey = Path.of("cvefeed.pub");

  @Parameters(paramLabel = "DIR|URL", description = "The published directory, or its http(s) URL.")
  String where = ".";

  VerifyCommand(Cli.Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, InterruptedException {
    ReleaseVerifier verifier = new ReleaseVerifier(PemKeys.readPublicKey(publicKey));
    ReleaseReader reader;
    if (where.startsWith("https://") || where.startsWith("http://")) {
      try {
        reader = ReleaseReader.url(URI.create(where));
      } catch (IllegalArgumentException e) {
        throw new UsageException(where + ": not a URL (" + e.getMessage() + ")");
      }
    } else {
      Path dir = Path.of(where);
      if (!Files.isDirectory(dir)) {
        throw new UsageException(where + ": not a directory or an http(s) URL");
      }
      reader = ReleaseReader.directory(dir);
    }
    ReleaseVerifier.Result result = verifier.verify(reader);
    if (result.ok()) {
      ctx.out().println("verified: " + result.message());
      return ExitCode.OK;
    }
    ctx.err().println("cvefeed: verify failed: " + result.failedFile() + ": " + result.message());
    return ExitCode.FAILED;
  }
}
