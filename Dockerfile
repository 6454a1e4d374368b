# liqa: Arabic news → entities and meetings, as JSON over HTTP.
#
#   docker build -t liqa .
#   docker run --rm -p 8080:8080 liqa
#
# The build stage runs the same scripts as the README's quick start
# (scripts/setup.sh, scripts/build.sh) and the unit, golden, CLI and HTTP
# tests; the runtime stage holds only the runtime libraries, the binary,
# config/ and the model.

FROM debian:bookworm-slim AS build
WORKDIR /src
COPY . .
RUN bash scripts/setup.sh test \
 && bash scripts/build.sh build-release -Dbuildtype=release -Dwerror=true \
 && meson test -C build-release --print-errorlogs --num-processes 2 \
 && DESTDIR=/out meson install -C build-release --no-rebuild --tags runtime

FROM debian:bookworm-slim AS runtime
COPY scripts/setup.sh /tmp/setup.sh
RUN bash /tmp/setup.sh runtime && rm -rf /var/lib/apt/lists/* /tmp/setup.sh \
 && useradd --system --no-create-home --shell /usr/sbin/nologin liqa
COPY --from=build /out/usr/local/ /usr/local/
USER liqa
ENV LIQA_LISTEN=0.0.0.0 \
    LIQA_PORT=8080 \
    LIQA_CONFIG=/usr/local/share/liqa/config/liqa.conf
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["/usr/local/bin/liqa", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/liqa"]
CMD ["serve"]
