package io.sluice.render.helm;

import io.sluice.render.artifact.ArtifactLimits;
import io.sluice.render.artifact.TarGzUnpacker;
import io.sluice.render.artifact.UnpackedArtifact;
import io.sluice.render.build.RenderException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of a chart for Helm to render, in which hooks do not look like hooks.
 *
 * <p>helm-java's {@code template} returns the release manifest only: Helm sorts every document annotated
 * {@code helm.sh/hook} out of it, and helm-java drops them. To keep the hooks (with their kind, weight and delete
 * policy) the chart is rendered from a copy in which every occurrence of {@code helm.sh/hook} in a text file is
 * written {@link #MASK} instead (templates, helpers, {@code values.yaml}, the values passed in, subcharts alike), so
 * the engine renders hooks as ordinary documents; {@link #unmask} turns the text back, and {@link RenderedChart} then
 * sorts the documents carrying the masked annotation out as hooks, exactly where Helm would have. Text that is
 * neither templates nor values is masked too so that {@code .Files.Get} of a file sees the same text as a template
 * that mentions it; the only visible trace is a digest of such text ({@code sha256sum}) that changes (docs/render-service.md).
 *
 * <p>Subcharts packaged as {@code charts/*.tgz} are unpacked into folders of the copy, which Helm loads the same way.
 * {@link #close()} deletes the copy.
 */
final class ChartWorkspace implements AutoCloseable {

    /** The annotation prefix Helm reads hooks from. */
    static final String HOOK = "helm.sh/hook";
    /** What the copy says instead; never found in a chart, and of the same shape (a domain and a name). */
    static final String MASK = "sluice.invalid/masked-hook";

    private final Path root;
    private final Path chart;

    private ChartWorkspace(Path root, Path chart) {
        this.root = root;
        this.chart = chart;
    }

    /** Copies {@code chartDir} into a new temp folder, masking hooks and unpacking packaged subcharts. */
    static ChartWorkspace of(Path chartDir, ArtifactLimits limits) {
        Path root;
        try {
            root = Files.createTempDirectory("sluice-helm-");
        } catch (IOException e) {
            throw new HelmRenderException(HelmRenderException.Kind.CHART, "cannot create a working folder for the chart: " + e.getMessage(), e);
        }
        Path chart = root.resolve("chart");
        try {
            copy(chartDir, chart, new TarGzUnpacker(limits));
        } catch (IOException | RuntimeException e) {
            UnpackedArtifact.deleteTree(root);
            throw e instanceof HelmRenderException h ? h
                    : new HelmRenderException(HelmRenderException.Kind.ARTIFACT, "cannot copy the chart: " + e.getMessage(), e);
        }
        return new ChartWorkspace(root, chart);
    }

    /** The masked chart folder to render. */
    Path chart() {
        return chart;
    }

    /** A file in the working folder (beside the chart), e.g. for the values to pass. */
    Path file(String name) {
        return root.resolve(name);
    }

    static String mask(String text) {
        return text.replace(HOOK, MASK);
    }

    static String unmask(String text) {
        return text.replace(MASK, HOOK);
    }

    @Override
    public void close() {
        UnpackedArtifact.deleteTree(root);
    }

    private static void copy(Path from, Path to, TarGzUnpacker unpacker) throws IOException {
        Files.createDirectories(to);
        for (Path entry : sortedEntries(from)) {
            String name = entry.getFileName().toString();
            Path target = to.resolve(name);
            if (Files.isSymbolicLink(entry)) {
                continue; // the unpacker never makes links; skip any anyway
            }
            if (Files.isDirectory(entry)) {
                copy(entry, target, unpacker);
            } else if (isPackagedSubchart(from, name)) {
                unpackSubchart(entry, to, unpacker);
            } else {
                Files.write(target, masked(Files.readAllBytes(entry)));
            }
        }
    }

    /** A {@code .tgz} directly in a {@code charts/} folder is a dependency Helm loads from the archive. */
    private static boolean isPackagedSubchart(Path dir, String name) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("charts") && name.endsWith(".tgz");
    }

    private static void unpackSubchart(Path tgz, Path chartsDir, TarGzUnpacker unpacker) throws IOException {
        Path unpacked = Files.createTempDirectory("sluice-subchart-");
        try {
            try {
                unpacker.unpack(Files.readAllBytes(tgz), unpacked, "subchart " + tgz.getFileName());
            } catch (RenderException e) {
                throw new HelmRenderException(HelmRenderException.Kind.ARTIFACT, e.getMessage(), e);
            }
            for (Path top : sortedEntries(unpacked)) {
                if (Files.isDirectory(top)) {
                    copy(top, chartsDir.resolve(top.getFileName().toString()), unpacker);
                }
            }
        } finally {
            UnpackedArtifact.deleteTree(unpacked);
        }
    }

    /** Text files get the mask; anything that is not UTF-8 text is copied as it is. */
    private static byte[] masked(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return bytes;
        }
        return text.contains(HOOK) ? mask(text).getBytes(StandardCharsets.UTF_8) : bytes;
    }

    /** A folder's entries sorted by name, the order Go's filepath.Walk visits them in. */
    static List<Path> sortedEntries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> entries = new ArrayList<>(list.toList());
            entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return entries;
        }
    }
}
