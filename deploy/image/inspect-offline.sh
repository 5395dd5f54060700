#!/usr/bin/env bash
# Builds the Jib image without a registry and prints what it contains: a stand-in base image
# (one small layer, made here with Python's tarfile) replaces eclipse-temurin, jib:buildTar
# writes target/jib-image.tar, and the script prints the entrypoint, user, env, labels and the
# files of the application layers. The result cannot run (the stand-in has no java); it shows the
# layout and metadata a real build puts on top of the real base. Usage: deploy/image/inspect-offline.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/base.tar" <<'PY'
import hashlib, io, json, sys, tarfile
def add(t, name, data):
    info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1
    t.addfile(info, io.BytesIO(data))
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w") as t:
    add(t, "etc/stand-in-base", b"not a real base image\n")
layer = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
config = json.dumps({"architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]}, "history": [{"created_by": "stand-in"}]}).encode()
with tarfile.open(sys.argv[1], "w") as t:
    add(t, "layer.tar", layer)
    add(t, "config.json", config)
    add(t, "manifest.json", json.dumps([{"Config": "config.json", "RepoTags": ["stand-in:latest"],
        "Layers": ["layer.tar"]}]).encode())
PY

cd "$root"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package jib:buildTar \
  -Djib.from.image="tar://$work/base.tar" -Djib.from.platforms=linux/amd64 \
  -Dgit.commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"

python3 - "$root/target/jib-image.tar" "$work/rootfs" <<'PY'
import io, json, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    blob = lambda d: t.extractfile("blobs/sha256/" + d.split(":")[1]).read()
    index = json.load(t.extractfile("index.json"))
    manifest = json.loads(blob(index["manifests"][0]["digest"]))
    config = json.loads(blob(manifest["config"]["digest"]))
    c = config["config"]
    print("created:   ", config.get("created"))
    print("entrypoint:", c.get("Entrypoint"))
    print("cmd:       ", c.get("Cmd"))
    print("user:      ", c.get("User"))
    print("workdir:   ", c.get("WorkingDir"))
    print("env:       ", c.get("Env"))
    print("ports:     ", sorted(c.get("ExposedPorts", {})))
    for k, v in sorted(c.get("Labels", {}).items()):
        print("label:     ", k, "=", v)
    for layer in manifest["layers"][1:]:
        with tarfile.open(fileobj=io.BytesIO(blob(layer["digest"]))) as lt:
            files = [m for m in lt.getmembers() if m.isfile()]
            times = sorted({m.mtime for m in lt.getmembers()})
            lt.extractall(sys.argv[2], filter="data")
        names = [m.name for m in files]
        print(f"layer {layer['digest'][:19]}: {len(files)} files, mtimes {times}, e.g. {names[:2]}")
PY

# Smoke test of the layout: run the entrypoint's class path (every entry must exist in the
# layers) and main class with this machine's java, paths moved under the extracted root.
rootfs="$work/rootfs"
cp="$(sed "s#/app/#$rootfs/app/#g" "$rootfs/app/jib-classpath-file")"
IFS=: read -ra entries <<<"$cp"
for e in "${entries[@]}"; do [[ -e "$e" ]] || { echo "missing on class path: $e" >&2; exit 1; }; done
main="$(cat "$rootfs/app/jib-main-class-file")"
echo "class path: ${#entries[@]} entries, all present; main class $main"
java -cp "$cp" "$main" --version
java -cp "$cp" "$main" --help | head -3
