package io.sluice.sandbox.git;

import io.sluice.sandbox.LoopbackPorts;
import io.sluice.sandbox.PortInUseException;
import io.sluice.sandbox.TempDirectories;
import io.sluice.sandbox.git.RepositoryWriter.FileContent;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.jboss.logging.Logger;

/**
 * A Git server over smart HTTP on 127.0.0.1, serving bare repositories kept in a temporary directory
 * that {@link #close()} deletes, or in a directory of the caller's that outlives it
 * ({@link Builder#persistentDirectory(Path)}). Repositories live at {@code http://127.0.0.1:<port>/git/<name>.git}.
 *
 * <p>Optional HTTP basic auth for one user; wrong or missing credentials get 401. Pushes are accepted
 * when auth is on (the pusher is known) or when {@link Builder#allowAnonymousPush()} was asked for.
 *
 * <pre>{@code
 * try (LocalGitServer git = LocalGitServer.builder().basicAuth("sluice", "s3cret").start()) {
 *     git.createBareRepository("podinfo");
 *     git.commitFiles("podinfo", "main", Map.of("kustomization.yaml", "resources: []\n"), "initial");
 *     URI url = git.url("podinfo");
 * }
 * }</pre>
 */
public final class LocalGitServer implements AutoCloseable {

    /** The servlet path every repository URL starts with. */
    public static final String PATH = "/git";
    public static final String DEFAULT_BRANCH = "main";

    private static final Logger LOG = Logger.getLogger(LocalGitServer.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Server jetty;
    private final int port;
    private final Path root;
    private final boolean persistent;
    private final Optional<BasicAuth> auth;
    private final boolean pushAllowed;
    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private boolean closed;

    private LocalGitServer(Server jetty, int port, Path root, boolean persistent, Optional<BasicAuth> auth, boolean pushAllowed) {
        this.jetty = jetty;
        this.port = port;
        this.root = root;
        this.persistent = persistent;
        this.auth = auth;
        this.pushAllowed = pushAllowed;
    }

    /** Starts a server with no authentication and no pushes, on a free port. */
    public static LocalGitServer start() {
        return builder().start();
    }

    /** Starts a server with no authentication and no pushes, on {@code port}. */
    public static LocalGitServer start(int port) {
        return builder().port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link LocalGitServer}; every option is optional. */
    public static final class Builder {

        private int port;
        private BasicAuth auth;
        private boolean anonymousPush;
        private Path directory;

        private Builder() {
        }

        /** Listen on this port instead of a free one; a busy port fails with {@link PortInUseException}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Require this user and password on every request; also enables pushes. */
        public Builder basicAuth(String user, String password) {
            this.auth = new BasicAuth(user, password);
            return this;
        }

        /** Accept pushes without authentication. */
        public Builder allowAnonymousPush() {
            this.anonymousPush = true;
            return this;
        }

        /**
         * Keep the repositories in {@code directory} (created if missing) instead of a temporary one: they outlive the
         * server, and a server started on the same directory serves them again with their history ({@code sluice up}
         * keeps its quickstart repository this way).
         */
        public Builder persistentDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        public LocalGitServer start() {
            if (port != 0) {
                LoopbackPorts.requireFree(port, "Git server");
            }
            return launch(port, Optional.ofNullable(directory), Optional.ofNullable(auth), auth != null || anonymousPush);
        }
    }

    private static LocalGitServer launch(int requestedPort, Optional<Path> directory, Optional<BasicAuth> auth, boolean pushAllowed) {
        Path root = directory.map(LocalGitServer::createDirectory).orElseGet(() -> TempDirectories.create("sluice-sandbox-git-"));
        // A few threads are plenty for tests and one developer; Jetty's default pool is 200.
        Server jetty = new Server(new QueuedThreadPool(16, 2));
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("git", gitServlet(root, pushAllowed)), PATH + "/*");
        auth.ifPresent(a -> context.addFilter(new FilterHolder(new BasicAuthFilter(a)), "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        jetty.setHandler(context);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            if (directory.isEmpty()) {
                TempDirectories.deleteRecursively(root);
            }
            if (requestedPort != 0 && e instanceof IOException) {
                throw new PortInUseException(requestedPort, "Git server", e);
            }
            throw new IllegalStateException("The sandbox Git server did not start on 127.0.0.1:" + requestedPort
                    + ": " + e.getMessage(), e);
        }
        LocalGitServer server = new LocalGitServer(jetty, connector.getLocalPort(), root, directory.isPresent(), auth, pushAllowed);
        server.openExistingRepositories();
        LOG.infof("SANDBOX Git server (smart HTTP, repositories %s) on http://127.0.0.1:%d%s/"
                + " - basic auth %s, push %s", directory.map(d -> "kept in " + d).orElse("deleted on stop"), server.port, PATH,
                auth.map(a -> "on for user '" + a.user() + "'").orElse("off"), pushAllowed ? "on" : "off");
        return server;
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Git server's directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** A persistent directory's repositories ({@code <name>.git} bare repositories) are served again. */
    private void openExistingRepositories() {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                String file = dir.getFileName().toString();
                String name = file.endsWith(".git") ? file.substring(0, file.length() - 4) : "";
                if (NAME.matcher(name).matches() && Files.isRegularFile(dir.resolve("HEAD"))) {
                    repositories.put(name, new FileRepositoryBuilder().setGitDir(dir.toFile())
                            .setMustExist(true).build());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the repositories in " + root + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code name} exists on this server (created, seeded, or found in its persistent directory). */
    public boolean hasRepository(String name) {
        return repositories.containsKey(checkName(name));
    }

    private static GitServlet gitServlet(Path root, boolean pushAllowed) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(new FileResolver<>(root.toFile(), true));
        servlet.setReceivePackFactory((request, repository) -> {
            if (!pushAllowed) {
                throw new ServiceNotEnabledException();
            }
            ReceivePack receive = new ReceivePack(repository);
            String user = Optional.ofNullable(request.getRemoteUser()).orElse("anonymous");
            receive.setRefLogIdent(new PersonIdent(user, user + "@sluice.invalid"));
            return receive;
        });
        return servlet;
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Sandbox Git server did not stop cleanly after a failed start", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/git/}, the prefix of every repository URL. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port + PATH + "/");
    }

    /** {@code http://127.0.0.1:<port>/git/<name>.git}, what a GitRepository's {@code spec.url} should say. */
    public URI url(String name) {
        return baseUrl().resolve(checkName(name) + ".git");
    }

    /** The user and password the server requires, if any. */
    public Optional<BasicAuth> basicAuth() {
        return auth;
    }

    public boolean pushAllowed() {
        return pushAllowed;
    }

    /** Where the bare repository {@code name} lives on disk ({@code <root>/<name>.git}). */
    public Path repositoryDirectory(String name) {
        return root.resolve(checkName(name) + ".git");
    }

    /**
     * Creates an empty bare repository whose HEAD points at {@code main}. The server owns the returned
     * repository and closes it on {@link #close()}; do not close it yourself.
     */
    public Repository createBareRepository(String name) {
        Path dir = repositoryDirectory(name);
        if (Files.exists(dir)) {
            throw new IllegalArgumentException("Git repository '" + name + "' already exists at " + dir
                    + "; pick another name or use repository(\"" + name + "\")");
        }
        try (Git git = Git.init().setBare(true).setInitialBranch(DEFAULT_BRANCH).setDirectory(dir.toFile()).call()) {
            Repository repository = git.getRepository();
            repository.incrementOpen(); // keep it open after the Git wrapper closes
            repositories.put(name, repository);
            return repository;
        } catch (GitAPIException e) {
            throw new IllegalStateException("Could not create bare Git repository " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The repository created as {@code name}. */
    public Repository repository(String name) {
        Repository repository = repositories.get(checkName(name));
        if (repository == null) {
            throw new IllegalArgumentException("No Git repository named '" + name + "' on the sandbox Git server;"
                    + " create it first with createBareRepository(\"" + name + "\"). Known: " + repositories.keySet());
        }
        return repository;
    }

    /**
     * Commits {@code files} (relative path to UTF-8 text) on {@code branch} of repository {@code name},
     * on top of what the branch already holds; returns the new commit id. Creates the branch if needed.
     */
    public ObjectId commitFiles(String name, String branch, Map<String, String> files, String message) {
        Map<String, FileContent> contents = new LinkedHashMap<>();
        files.forEach((path, text) -> contents.put(path, FileContent.text(text)));
        return write(name, branch, contents, false, message);
    }

    /**
     * Makes {@code branch} of repository {@code name} hold exactly the files under {@code folder}
     * (subfolders included, {@code .git} skipped, executable bits kept) as one new commit, the way
     * {@code sluice up} publishes its quickstart repository. Creates the repository if it does not exist.
     */
    public ObjectId seed(String name, String branch, Path folder, String message) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Cannot seed Git repository '" + name + "' from " + folder
                    + ": not a directory");
        }
        if (!repositories.containsKey(name)) {
            createBareRepository(name);
        }
        Map<String, FileContent> contents = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> regularFiles = paths.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).toString().replace('\\', '/').matches("(.*/)?\\.git(/.*)?"))
                    .sorted().toList();
            for (Path file : regularFiles) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                contents.put(relative, new FileContent(Files.readAllBytes(file), Files.isExecutable(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder + " to seed Git repository '" + name + "'", e);
        }
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("Cannot seed Git repository '" + name + "' from " + folder
                    + ": it holds no files");
        }
        return write(name, branch, contents, true, message);
    }

    private ObjectId write(String name, String branch, Map<String, FileContent> files, boolean replace, String message) {
        Repository repository = repository(name);
        try {
            return RepositoryWriter.commit(repository, branch, files, replace, message);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not commit to branch '" + branch + "' of Git repository '"
                    + name + "' (" + repository.getDirectory() + "): " + e.getMessage(), e);
        }
    }

    private static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith(".git") || name.contains("..")) {
            throw new IllegalArgumentException("Git repository name '" + name + "' is not allowed: use letters,"
                    + " digits, '.', '_' and '-', no '..', without the '.git' suffix (e.g. 'podinfo')");
        }
        return name;
    }

    /**
     * Stops the server, closes the repositories and deletes them (unless they are in a persistent directory).
     * Calling it twice is harmless.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warnf(e, "Sandbox Git server on port %d did not stop cleanly", port);
        } finally {
            repositories.values().forEach(Repository::close);
            repositories.clear();
            if (!persistent) {
                TempDirectories.deleteRecursively(root);
            }
        }
        LOG.infof("SANDBOX Git server on port %d stopped; its repositories are %s", port, persistent ? "kept in " + root : "deleted");
    }
}
