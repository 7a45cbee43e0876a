# Rekindle in a container: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t rekindle:1.0.0 .     (or: docker compose up -d --build, with compose.yaml)
# Settings come from the environment (see docs/OPERATIONS.md and compose.yaml).
# Tags are pinned to .NET 10.0 on Ubuntu 24.04 (noble): patch releases (security fixes) arrive on a rebuild, a new
# .NET or OS version only when this file changes (docs/OPERATIONS.md, "Containers").
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY Directory.Packages.props Directory.Build.props global.json BannedSymbols.txt .editorconfig ./
COPY src/Rekindle.Web/Rekindle.Web.csproj src/Rekindle.Web/
# ReadyToRun (precompiled) code for the image's architecture: a faster start (docs/PERFORMANCE.md).
ARG TARGETARCH
RUN dotnet restore src/Rekindle.Web/Rekindle.Web.csproj -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/Rekindle.Web/Rekindle.Web.csproj -c Release -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    --self-contained false -p:PublishReadyToRun=true -o /app --no-restore
# The design-time EF tools (migrations) are for developers, never in the image; the content must be beside the app.
RUN test ! -e /app/Microsoft.EntityFrameworkCore.Design.dll \
    && ! grep -q 'Microsoft.EntityFrameworkCore.Design' /app/Rekindle.Web.deps.json \
    && test -f /app/Content/common-passwords.txt

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /app .
# The data folder holds the SQLite database when there is one, development mail and, unless the
# master key comes from REKINDLE_MASTER_KEY, the key file: mount a volume there.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Rekindle__DataPath=/data
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME /data
EXPOSE 8080
# No curl in this image: the app checks itself (`healthcheck` asks http://127.0.0.1:8080/healthz, exit 0 on 200).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "Rekindle.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Rekindle.Web.dll"]
