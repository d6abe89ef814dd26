package io.sluice.source.git;

import io.sluice.api.meta.ObjectKey;
import io.sluice.api.source.GitRepositoryRef;
import io.sluice.git.GitCredentials;
import io.sluice.sandbox.git.LocalGitServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Benchmark, not a test: incremental fetch of one new commit from a repository with 5,000 commits and 5,000
 * files over the sandbox's smart HTTP server, by {@link GitFetcher} and by the {@code git} command line.
 *
 * <pre>
 * ./mvnw -q -pl source-service test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp source-service/target/test-classes:source-service/target/classes:$(cat source-service/target/cp.txt) \
 *      io.sluice.source.git.GitFetchBenchmark [rounds]
 * </pre>
 *
 * Needs {@code git} on the PATH. Each round pushes one commit (one changed file) and fetches it with every
 * client; the figures are the median and the slowest round.
 */
public final class GitFetchBenchmark {

    private static final int COMMITS = 5_000;
    private static final int FILES = 5_000;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path work = Files.createTempDirectory("sluice-git-bench");
        try (LocalGitServer server = LocalGitServer.start(); GitFetcher fetcher = new GitFetcher(work.resolve("cache"))) {
            server.createBareRepository("big");
            long start = System.nanoTime();
            fastImport(server.repositoryDirectory("big"));
            System.out.printf("repository: %,d commits, %,d files, made in %d ms (%s)%n", COMMITS, FILES, millis(start), server.url("big"));
            String url = server.url("big").toString();

            ObjectKey owner = ObjectKey.of("GitRepository", "bench", "big");
            FetchRequest request = new FetchRequest(url, branch("main"), GitCredentials.none(), Duration.ofMinutes(5));
            Path cliShallow = work.resolve("cli-shallow.git");
            Path cliFull = work.resolve("cli-full.git");
            Path jgitFull = work.resolve("jgit-full.git");

            start = System.nanoTime();
            fetcher.fetch(owner, request);
            System.out.printf("initial fetch, GitFetcher (depth 1):        %6d ms%n", millis(start));
            start = System.nanoTime();
            git(work, "init", "-q", "--bare", cliShallow.toString());
            git(cliShallow, "fetch", "-q", "--depth", "1", url, "+refs/heads/main:refs/heads/main");
            System.out.printf("initial fetch, git CLI --depth 1:           %6d ms%n", millis(start));
            start = System.nanoTime();
            git(work, "init", "-q", "--bare", cliFull.toString());
            git(cliFull, "fetch", "-q", url, "+refs/heads/main:refs/heads/main");
            System.out.printf("initial fetch, git CLI full history:        %6d ms%n", millis(start));
            start = System.nanoTime();
            try (Git git = Git.init().setBare(true).setDirectory(jgitFull.toFile()).call()) {
                jgitFetch(git, url);
            }
            System.out.printf("initial fetch, JGit full history:           %6d ms%n", millis(start));

            List<Long> fetcherTimes = new ArrayList<>();
            List<Long> cliShallowTimes = new ArrayList<>();
            List<Long> cliFullTimes = new ArrayList<>();
            List<Long> jgitFullTimes = new ArrayList<>();
            List<Long> noChangeTimes = new ArrayList<>();
            for (int round = 0; round < rounds + 3; round++) {
                boolean warmUp = round < 3;
                server.commitFiles("big", "main", Map.of(filePath(round * 37 % FILES), "round " + round + "\n"), "round " + round);

                long t = System.nanoTime();
                FetchResult result = fetcher.fetch(owner, request);
                long fetcherMs = millis(t);
                t = System.nanoTime();
                fetcher.fetch(owner, request);
                long noChangeMs = millis(t);
                t = System.nanoTime();
                git(cliShallow, "fetch", "-q", "--depth", "1", url, "+refs/heads/main:refs/heads/main");
                long cliShallowMs = millis(t);
                t = System.nanoTime();
                git(cliFull, "fetch", "-q", url, "+refs/heads/main:refs/heads/main");
                long cliFullMs = millis(t);
                t = System.nanoTime();
                try (Git git = Git.open(jgitFull.toFile())) {
                    jgitFetch(git, url);
                }
                long jgitFullMs = millis(t);
                if (!result.commitSha().equals(server.repository("big").resolve("refs/heads/main").name())) {
                    throw new IllegalStateException("GitFetcher did not see the new commit");
                }
                if (!warmUp) {
                    fetcherTimes.add(fetcherMs);
                    noChangeTimes.add(noChangeMs);
                    cliShallowTimes.add(cliShallowMs);
                    cliFullTimes.add(cliFullMs);
                    jgitFullTimes.add(jgitFullMs);
                }
            }
            System.out.printf("incremental fetch of 1 new commit, %d rounds (median / slowest):%n", rounds);
            report("GitFetcher (depth 1)", fetcherTimes);
            report("git CLI fetch --depth 1", cliShallowTimes);
            report("git CLI fetch, full history", cliFullTimes);
            report("JGit fetch, full history", jgitFullTimes);
            report("GitFetcher, nothing new", noChangeTimes);
            System.out.printf("GitFetcher / git CLI --depth 1 (medians): %.2f%n", (double) median(fetcherTimes) / median(cliShallowTimes));
            System.out.printf("GitFetcher / git CLI full (medians):      %.2f%n", (double) median(fetcherTimes) / median(cliFullTimes));
        } finally {
            LocalClone.wipe(work);
        }
    }

    /** 5,000 files in 50 folders in the first commit, then one changed file per commit, through git fast-import. */
    private static void fastImport(Path bareRepository) throws Exception {
        Process process = new ProcessBuilder("git", "--git-dir=" + bareRepository, "fast-import", "--quiet")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream out = process.getOutputStream()) {
            StringBuilder stream = new StringBuilder();
            long time = 1_700_000_000L;
            for (int commit = 0; commit < COMMITS - 1; commit++) {
                stream.append("commit refs/heads/main\n")
                        .append("committer Bench <bench@example.com> ").append(time + commit).append(" +0000\n");
                String message = "commit " + commit + "\n";
                stream.append("data ").append(message.getBytes(StandardCharsets.UTF_8).length).append('\n').append(message);
                if (commit == 0) {
                    for (int file = 0; file < FILES; file++) {
                        inline(stream, filePath(file), "file " + file + "\n" + "x".repeat(200) + "\n");
                    }
                } else {
                    inline(stream, filePath(commit % FILES), "file " + commit + " changed in commit " + commit + "\n" + "y".repeat(200) + "\n");
                }
                stream.append('\n');
                if (stream.length() > 1 << 20) {
                    out.write(stream.toString().getBytes(StandardCharsets.UTF_8));
                    stream.setLength(0);
                }
            }
            out.write(stream.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git fast-import failed");
        }
    }

    private static void inline(StringBuilder stream, String path, String content) {
        stream.append("M 100644 inline ").append(path).append('\n')
                .append("data ").append(content.getBytes(StandardCharsets.UTF_8).length).append('\n')
                .append(content).append('\n');
    }

    private static String filePath(int file) {
        return String.format("dir%02d/file%04d.txt", file % 50, file);
    }

    private static void jgitFetch(Git git, String url) throws Exception {
        git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/main:refs/heads/main")).setTagOpt(TagOpt.NO_TAGS).call();
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static GitRepositoryRef branch(String name) {
        GitRepositoryRef ref = new GitRepositoryRef();
        ref.setBranch(name);
        return ref;
    }

    private static void report(String what, List<Long> times) {
        System.out.printf("  %-30s %6d ms / %6d ms%n", what, median(times), Collections.max(times));
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
