package io.sluice.sandbox.git;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Quarkus test resource that starts a {@link LocalGitServer} on a free loopback port for the test class
 * and stops it (deleting its repositories) afterwards.
 *
 * <p>Init args (optional, via {@code @QuarkusTestResource(value = LocalGitServerResource.class,
 * initArgs = {@ResourceArg(name = "user", value = "sluice"), @ResourceArg(name = "password", value = "s3cret")})}):
 * {@code user} and {@code password} turn basic auth (and pushes) on; {@code push=true} allows anonymous pushes.
 *
 * <p>Binds:
 * <ul>
 *   <li>{@code sluice.sandbox.git.base-url} - {@code http://127.0.0.1:<port>/git/}; a repository is
 *       {@code <base-url><name>.git};</li>
 *   <li>{@code sluice.sandbox.git.username} and {@code sluice.sandbox.git.password} - only when auth is on.</li>
 * </ul>
 * Repositories start empty: a test creates and fills them through {@link #server()}, e.g.
 * {@code server().commitFiles("podinfo", "main", files, "initial")}.
 */
public class LocalGitServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalGitServer running;

    private LocalGitServer.Builder builder = LocalGitServer.builder();
    private LocalGitServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        String user = initArgs.get("user");
        String password = initArgs.get("password");
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("LocalGitServerResource needs both 'user' and 'password' init args,"
                    + " or neither; got user=" + user + " and " + (password == null ? "no password" : "a password"));
        }
        if (user != null) {
            builder.basicAuth(user, password);
        }
        if (Boolean.parseBoolean(initArgs.getOrDefault("push", "false"))) {
            builder.allowAnonymousPush();
        }
    }

    @Override
    public Map<String, String> start() {
        server = builder.start();
        running = server;
        Map<String, String> config = new HashMap<>();
        config.put("sluice.sandbox.git.base-url", server.baseUrl().toString());
        server.basicAuth().ifPresent(auth -> {
            config.put("sluice.sandbox.git.username", auth.user());
            config.put("sluice.sandbox.git.password", auth.password());
        });
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            if (running == server) {
                running = null;
            }
            server = null;
        }
    }

    /**
     * The Git server this resource started, while it runs.
     *
     * @throws IllegalStateException when no LocalGitServerResource is running
     */
    public static LocalGitServer server() {
        LocalGitServer current = running;
        if (current == null) {
            throw new IllegalStateException("No LocalGitServerResource is running; annotate the test class with"
                    + " @QuarkusTestResource(LocalGitServerResource.class)");
        }
        return current;
    }
}
