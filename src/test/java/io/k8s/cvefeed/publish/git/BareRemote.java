package io.k8s.cvefeed.publish.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.jspecify.annotations.Nullable;

/** A bare repository standing in for GitHub's side of a remote, with what "other writers" do. */
final class BareRemote implements AutoCloseable {
  private static final PersonIdent SOMEONE = new PersonIdent("someone", "someone@example.org");
  final Repository repo;
  final String url;

  /** A bare repository at {@code dir} whose {@code main} has one README commit. */
  BareRemote(Path dir) throws Exception {
    repo =
        Git.init()
            .setBare(true)
            .setInitialBranch("main")
            .setDirectory(dir.toFile())
            .call()
            .getRepository();
    url = dir.toUri().toString();
    try (ObjectInserter in = repo.newObjectInserter()) {
      TreeFormatter tree = new TreeFormatter();
      byte[] readme = "the website\n".getBytes(StandardCharsets.UTF_8);
      tree.append("README.md", FileMode.REGULAR_FILE, in.insert(Constants.OBJ_BLOB, readme));
      move("main", commit(in, in.insert(tree), null));
    }
  }

  @Nullable RevCommit tip(String branch) throws Exception {
    ObjectId id = repo.resolve(Constants.R_HEADS + branch);
    if (id == null) {
      return null;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit tip = walk.parseCommit(id);
      for (RevCommit parent : tip.getParents()) {
        walk.parseHeaders(parent);
      }
      return tip;
    }
  }

  /** Another writer adds a commit to {@code branch} that changes nothing; only the tip moves. */
  void pushEmptyCommit(String branch) {
    try (ObjectInserter in = repo.newObjectInserter()) {
      RevCommit tip = tip(branch);
      move(branch, commit(in, tip.getTree(), tip));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Files under {@code dir} on {@code branch}, by path relative to {@code dir}. */
  Map<String, byte[]> files(String branch, String dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    RevCommit tip = tip(branch);
    if (tip == null) {
      return files;
    }
    try (TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(tip.getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        if (tree.getPathString().startsWith(dir + "/")) {
          files.put(
              tree.getPathString().substring(dir.length() + 1),
              repo.open(tree.getObjectId(0)).getBytes());
        }
      }
    }
    return files;
  }

  int commits(String branch) throws Exception {
    RevCommit tip = tip(branch);
    int commits = 0;
    if (tip != null) {
      try (RevWalk walk = new RevWalk(repo)) {
        walk.markStart(walk.parseCommit(tip));
        for (RevCommit c : walk) {
          commits++;
        }
      }
    }
    return commits;
  }

  private ObjectId commit(ObjectInserter in, ObjectId tree, @Nullable ObjectId parent)
      throws Exception {
    CommitBuilder c = new CommitBuilder();
    c.setTreeId(tree);
    if (parent != null) {
      c.setParentId(parent);
    }
    c.setAuthor(SOMEONE);
    c.setCommitter(SOMEONE);
    c.setMessage("another writer\n");
    ObjectId id = in.insert(c);
    in.flush();
    return id;
  }

  private void move(String branch, ObjectId id) throws Exception {
    RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
    update.setNewObjectId(id);
    update.setForceUpdate(true);
    update.update();
  }

  @Override
  public void close() {
    repo.close();
  }
}
