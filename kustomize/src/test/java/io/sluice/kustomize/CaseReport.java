package io.sluice.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Developer tool (not a test): prints each failing case folder with the first differing line. */
public final class CaseReport {
    private CaseReport() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/cases");
        int pass = 0;
        int fail = 0;
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(c -> Files.isRegularFile(c.resolve("build_dir.txt"))).sorted().toList();
        }
        for (Path c : cases) {
            Path input = c.resolve("input").resolve(Files.readString(c.resolve("build_dir.txt")).trim());
            Path expected = c.resolve("expected.yaml");
            String problem = null;
            try {
                String got = new Kustomizer().buildYaml(input);
                if (!Files.exists(expected)) {
                    problem = "expected an error, got output";
                } else {
                    String want = Files.readString(expected);
                    if (!want.equals(got)) {
                        String[] w = want.split("\n", -1);
                        String[] g = got.split("\n", -1);
                        int i = 0;
                        while (i < w.length && i < g.length && w[i].equals(g[i])) {
                            i++;
                        }
                        problem = "line " + (i + 1) + ": want [" + (i < w.length ? w[i] : "<eof>") + "] got ["
                                + (i < g.length ? g[i] : "<eof>") + "]";
                    }
                }
            } catch (RuntimeException e) {
                if (Files.exists(expected) || !(e instanceof KustomizeException)) {
                    problem = "error: " + e;
                }
            }
            if (problem == null) {
                pass++;
            } else {
                fail++;
                System.out.println("FAIL " + c.getFileName() + " -- " + problem.replace('\n', ' '));
            }
        }
        System.out.println(pass + " passed, " + fail + " failed");
    }
}
