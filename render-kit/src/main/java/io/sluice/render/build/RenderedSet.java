package io.sluice.render.build;

import io.sluice.api.events.Digest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The result of rendering one Kustomization: the objects in kustomize's output order, the multi-document YAML
 * stream (documents joined by {@code ---}, exactly as {@code kustomize build} prints them) and its SHA-256.
 *
 * <p>The digest is the identity of a rendering ({@code ManifestsRendered.digest}): the same inputs give the same
 * stream byte for byte, because kustomize's default (legacy) order sorts by kind and id, not by file order, and
 * the printer is deterministic. So "render again, nothing changed" is {@code digest.equals(lastDigest)}.
 */
public record RenderedSet(List<RenderedObject> objects, String yaml, Digest digest) {

    public RenderedSet {
        objects = List.copyOf(objects);
    }

    /** Builds the stream and digest from the objects. */
    public static RenderedSet of(List<RenderedObject> objects) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(objects.get(i).yaml());
        }
        String yaml = sb.toString();
        return new RenderedSet(objects, yaml, Digest.sha256(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    public int size() {
        return objects.size();
    }
}
