# Rekindle in a container: build with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t rekindle .
# Settings come from the environment (see docs/OPERATIONS.md and compose.yaml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Packages.props Directory.Build.props global.json BannedSymbols.txt .editorconfig ./
COPY src/Rekindle.Web/Rekindle.Web.csproj src/Rekindle.Web/
# ReadyToRun (precompiled) code for the image's architecture: a faster start (docs/PERFORMANCE.md).
ARG TARGETARCH
RUN dotnet restore src/Rekindle.Web/Rekindle.Web.csproj -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/Rekindle.Web/Rekindle.Web.csproj -c Release -r linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The data folder holds the SQLite database when there is one, development mail and, unless the
# master key comes from REKINDLE_MASTER_KEY, the key file: mount a volume there.
ENV ASPNETCORE_URLS=http://+:8080 \
    Rekindle__DataPath=/data
RUN mkdir -p /data && chown app:app /data
USER app
VOLUME /data
EXPOSE 8080
# No curl in this image: the proxy checks GET /healthz (deploy/Caddyfile).
ENTRYPOINT ["dotnet", "Rekindle.Web.dll"]
