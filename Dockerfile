# syntax=docker/dockerfile:1
# cvefeed image for Docker and Buildah users; the Jib build (`./mvnw package jib:build`, see
# docs/deploy.md) makes the same image without a daemon, with finer layers.
#
#   docker build -t cvefeed --build-arg GIT_COMMIT="$(git rev-parse HEAD)" .
#   docker run --rm -e GITHUB_TOKEN -v "$PWD/public:/out" --user "$(id -u):$(id -g)" cvefeed refresh --out /out
#
# Build stage: not shipped. Pinned by tag; pin a digest if you need bit-for-bit rebuilds.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package

# Run stage: the same base as the Jib build (pom.xml, cvefeed.image.base), pinned by digest.
FROM eclipse-temurin:17-jre@sha256:13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b
ARG VERSION=0.1.0-SNAPSHOT
ARG GIT_COMMIT=unknown
LABEL org.opencontainers.image.title="cvefeed" \
      org.opencontainers.image.description="The auto-refreshing official Kubernetes CVE feed" \
      org.opencontainers.image.source="https://github.com/kubernetes-sigs/cvefeed" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${GIT_COMMIT}" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /src/target/cvefeed.jar /app/cvefeed.jar
ENV XDG_CACHE_HOME=/var/cache
WORKDIR /var/lib/cvefeed
USER 65532:65532
EXPOSE 8080
# No shell or launcher script at run time: `IMAGE refresh|serve|check ...`. Keep the JVM flags in
# step with the Jib entrypoint in pom.xml; JAVA_TOOL_OPTIONS adds more.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-jar", "/app/cvefeed.jar"]
