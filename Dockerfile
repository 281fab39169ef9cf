# driftcheck in a container: one static binary on a distroless image (no
# shell, no package manager), run as the image's non-root user (65532).
#   docker build -t driftcheck .
#   docker run --rm -v "$PWD:/work:ro" driftcheck check --voted /work/voted.en.pdf /work/final.zh.pdf
# The compiled PDFium module is cached in /cache (DRIFTCHECK_CACHE_DIR), the
# only writable directory: mount a volume there to keep it across runs
# (about 2 s saved on the first PDF of each run), or run with a read-only
# root file system and an emptyDir or tmpfs on /cache.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The build context has no .git (.dockerignore): name the release and commit.
ARG VERSION=""
ARG COMMIT=""
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/driftcheck ./cmd/driftcheck \
 && mkdir -p /out/cache

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/driftcheck /driftcheck
COPY --from=build --chown=65532:65532 /out/cache /cache
ENV DRIFTCHECK_CACHE_DIR=/cache
USER 65532:65532
ENTRYPOINT ["/driftcheck"]
