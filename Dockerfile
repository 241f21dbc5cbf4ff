# Multi-stage build: cgo is needed for SQLite (mattn/go-sqlite3).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/mnr ./cmd/mnr

FROM debian:bookworm-slim
# chromium renders PDF reports; fonts-noto-core covers Arabic.
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates chromium fonts-noto-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /data mnr \
    && mkdir -p /data && chown mnr /data
COPY --from=build /out/mnr /usr/local/bin/mnr
USER mnr
VOLUME /data
ENV MNR_ADDR=0.0.0.0:8080 MNR_DB=/data/mnr.db MNR_CHROME=/usr/bin/chromium
EXPOSE 8080
# Ready means the database answers and takes a write, migrations are current
# and the disk has room (GET /readyz on MNR_ADDR).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s CMD ["/usr/local/bin/mnr", "health"]
ENTRYPOINT ["/usr/local/bin/mnr"]
CMD ["serve"]
