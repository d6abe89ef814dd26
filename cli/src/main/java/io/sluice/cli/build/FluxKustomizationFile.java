package io.sluice.cli.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.sluice.api.kustomize.Kustomization;
import io.sluice.cli.CliFailure;
import io.sluice.kustomize.KustomizeException;
import io.sluice.kustomize.yaml.Values;
import io.sluice.kustomize.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Flux Kustomization read from a YAML file ({@code --kustomization-file}), as {@code flux build} reads it: the
 * first object of the file with apiVersion {@code kustomize.toolkit.fluxcd.io/*}, kind Kustomization, the name asked
 * for and the namespace asked for (or none, which then means that namespace). Unknown fields are kept, as the API
 * server would keep them for a Kustomization.
 */
final class FluxKustomizationFile {
    private FluxKustomizationFile() {
    }

    static Kustomization read(Path file, String name, String namespace) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("Cannot read --kustomization-file " + file + ": " + e.getMessage(), e);
        }
        List<Object> docs;
        try {
            docs = YamlReader.readAll(text, file.toString());
        } catch (KustomizeException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        List<String> seen = new ArrayList<>();
        for (Object doc : docs) {
            Map<String, Object> m = Values.asMap(doc);
            if (m == null || !(m.get("apiVersion") instanceof String av) || !"Kustomization".equals(m.get("kind"))) {
                continue;
            }
            String ns = m.get("metadata") instanceof Map<?, ?> meta && meta.get("namespace") instanceof String s ? s : "";
            Object n = Values.get(m, "metadata", "name");
            seen.add((ns.isEmpty() ? "" : ns + "/") + n);
            if (av.startsWith(Kustomization.GROUP + "/") && name.equals(n) && (ns.isEmpty() || ns.equals(namespace))) {
                return toKustomization(m, namespace, file);
            }
        }
        throw new CliFailure("There is no Kustomization " + namespace + "/" + name + " in " + file
                + (seen.isEmpty() ? " (it holds no Kustomization)" : " (it has " + String.join(", ", seen) + ")")
                + "; give its name, and its namespace with -n if it is not flux-system.");
    }

    private static Kustomization toKustomization(Map<String, Object> object, String namespace, Path file) {
        Kustomization ks;
        try {
            ks = new ObjectMapper().convertValue(object, Kustomization.class);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": not a valid Kustomization: " + e.getMessage(), e);
        }
        if (ks.getMetadata() == null) {
            ks.setMetadata(new ObjectMeta());
        }
        if (ks.getMetadata().getNamespace() == null || ks.getMetadata().getNamespace().isEmpty()) {
            ks.getMetadata().setNamespace(namespace);
        }
        return ks;
    }
}
