package io.k8s.cvefeed.publish.git;

import io.k8s.cvefeed.net.NetworkFailure;
import io.k8s.cvefeed.publish.PublishException;
import io.k8s.cvefeed.render.Artifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/**
 * A local bare repository used to read the remote's branches and build commits without a working
 * tree. Fetches only the branches it needs, one commit deep.
 */
final class Workspace implements AutoCloseable {
  private final Git git;
  private final @Nullable CredentialsProvider credentials;
  private final String subject;

  private Workspace(Git git, @Nullable CredentialsProvider credentials, String subject) {
    this.git = git;
    this.credentials = credentials;
    this.subject = subject;
  }

  /**
   * @param dir the bare clone, kept between calls; created when absent
   * @param subject the target, for messages
   */
  static Workspace open(Path dir, @Nullable CredentialsProvider credentials, String subject)
      throws PublishException {
    try {
      Git git =
          Files.isDirectory(dir.resolve("objects"))
              ? Git.open(dir.toFile())
              : Git.init().setBare(true).setDirectory(dir.toFile()).call();
      StoredConfig config = git.getRepository().getConfig();
      config.setInt("gc", null, "auto", 0); // no background gc racing with the clean-up
      config.save();
      return new Workspace(git, credentials, subject);
    } catch (IOException | GitAPIException e) {
      throw new PublishException(subject + ": cannot create the local repository: " + e, e);
    }
  }

  Repository repo() {
    return git.getRepository();
  }

  /** The tip of {@code branch} at {@code remote}, or {@code null} when it does not exist. */
  @Nullable ObjectId remoteTip(String remote, String branch) throws PublishException {
    try {
      Map<String, Ref> refs =
          git.lsRemote()
              .setRemote(remote)
              .setHeads(true)
              .setCredentialsProvider(credentials)
              .callAsMap();
      Ref ref = refs.get(Constants.R_HEADS + branch);
      return ref == null ? null : ref.getObjectId();
    } catch (GitAPIException e) {
      throw failure(
          "cannot list the branches of " + remote,
          e,
          "check the URL, the network, and that the token may read the repository");
    }
  }

  /**
   * Fetches {@code branch} from {@code remote}, one commit deep, and returns its tip: {@code tip}
   * when that is already here, else whatever the branch points to now.
   */
  RevCommit fetch(String remote, String branch, ObjectId tip) throws PublishException {
    String local = "refs/cvefeed/" + Integer.toHexString(remote.hashCode()) + "/" + branch;
    try (RevWalk walk = new RevWalk(repo())) {
      if (repo().getObjectDatabase().has(tip)) {
        return walk.parseCommit(tip);
      }
      git.fetch()
          .setRemote(remote)
          .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + local))
          .setDepth(1)
          .setCredentialsProvider(credentials)
          .call();
      ObjectId fetched = repo().resolve(local);
      if (fetched == null) {
        throw new PublishException(
            subject + ": " + branch + " vanished from " + remote + "; rerun");
      }
      return walk.parseCommit(fetched);
    } catch (GitAPIException | IOException e) {
      throw failure(
          "cannot fetch " + branch + " from " + remote,
          e,
          "check the URL, the network, and that the token may read the repository");
    }
  }

  /** The bytes at {@code path} in {@code commit}, or {@code null} when there is no such file. */
  byte @Nullable [] read(RevCommit commit, String path) throws PublishException {
    try (TreeWalk walk = TreeWalk.forPath(repo(), path, commit.getTree())) {
      return walk == null ? null : repo().open(walk.getObjectId(0)).getBytes();
    } catch (IOException e) {
      throw failure("cannot read " + path, e, "check the disk space and the temporary directory");
    }
  }

  /**
   * The tree of {@code parent} with {@code artifacts} written under {@code dir} and {@code
   * removals} (paths relative to {@code dir}) deleted.
   */
  ObjectId tree(RevCommit parent, String dir, List<Artifact> artifacts, List<String> removals)
      throws PublishException {
    try (ObjectInserter inserter = repo().newObjectInserter();
        ObjectReader reader = repo().newObjectReader()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Artifact a : artifacts) {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, a.bytes());
        editor.add(
            new DirCacheEditor.PathEdit(join(dir, a.path())) {
              @Override
              public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
              }
            });
      }
      removals.forEach(p -> editor.add(new DirCacheEditor.DeletePath(join(dir, p))));
      editor.finish();
      ObjectId tree = index.writeTree(inserter);
      inserter.flush();
      return tree;
    } catch (IOException e) {
      throw failure(
          "cannot build the commit", e, "check the disk space and the temporary directory");
    }
  }

  ObjectId commit(RevCommit parent, ObjectId tree, PersonIdent who, String message)
      throws PublishException {
    try (ObjectInserter inserter = repo().newObjectInserter()) {
      CommitBuilder commit = new CommitBuilder();
      commit.setParentId(parent);
      commit.setTreeId(tree);
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    } catch (IOException e) {
      throw failure(
          "cannot write the commit", e, "check the disk space and the temporary directory");
    }
  }

  static PersonIdent ident(String name, String email, Instant when) {
    return new PersonIdent(name, email, when, ZoneOffset.UTC);
  }

  /**
   * Pushes {@code commit} to {@code branch}, only if the remote branch is still at {@code expected}
   * ({@code null}: must not exist), the lease that keeps concurrent writers apart.
   */
  RemoteRefUpdate.Status push(
      String remote, String branch, ObjectId commit, @Nullable ObjectId expected)
      throws PublishException {
    try (Transport transport = Transport.open(repo(), new URIish(remote))) {
      transport.setCredentialsProvider(credentials);
      RemoteRefUpdate update =
          new RemoteRefUpdate(
              repo(),
              null,
              commit,
              Constants.R_HEADS + branch,
              true,
              null,
              expected == null ? ObjectId.zeroId() : expected);
      transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      return update.getStatus();
    } catch (IOException | URISyntaxException e) {
      throw failure(
          "cannot push " + branch + " to " + remote,
          e,
          "check that the token may push (fine-grained: Contents: write; classic: public_repo)");
    }
  }

  private PublishException failure(String what, Exception e, String hint) {
    String network = NetworkFailure.summary(e);
    String cause =
        network != null
            ? network
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new PublishException(subject + ": " + what + ": " + cause + "; " + hint, e);
  }

  private static String join(String dir, String path) {
    return dir.isEmpty() ? path : dir + "/" + path;
  }

  @Override
  public void close() {
    git.close();
  }

  /** A temporary directory for the clone, deleted when the JVM exits. */
  static Path temporaryDirectory(String subject) throws PublishException {
    try {
      Path dir = Files.createTempDirectory("cvefeed-git-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new PublishException(subject + ": cannot create a temporary directory: " + e, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(Workspace::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
