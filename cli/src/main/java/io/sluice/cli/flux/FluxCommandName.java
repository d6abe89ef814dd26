package io.sluice.cli.flux;

import java.util.List;

/**
 * How Flux's CLI names a kind in its commands ({@code flux suspend source git NAME}, {@code flux export ks NAME},
 * {@code flux resume image update NAME}), so Sluice's commands take the same words.
 *
 * @param path    the words, e.g. {@code [source, git]} or {@code [kustomization]}
 * @param aliases short names of the last word, e.g. {@code ks} for {@code kustomization}
 * @param what    how the kind is named in messages, e.g. {@code GitRepository source}
 */
public record FluxCommandName(List<String> path, List<String> aliases, String what) {

    public FluxCommandName {
        path = List.copyOf(path);
        aliases = List.copyOf(aliases);
    }

    /** Flux's words for {@code kind}. */
    public static FluxCommandName of(FluxKind kind) {
        return switch (kind) {
            case GIT_REPOSITORY -> new FluxCommandName(List.of("source", "git"), List.of(), "GitRepository source");
            case KUSTOMIZATION -> new FluxCommandName(List.of("kustomization"), List.of("ks"), "Kustomization");
            case HELM_RELEASE -> new FluxCommandName(List.of("helmrelease"), List.of("hr"), "HelmRelease");
            case IMAGE_REPOSITORY -> new FluxCommandName(List.of("image", "repository"), List.of(), "ImageRepository");
            case IMAGE_POLICY -> new FluxCommandName(List.of("image", "policy"), List.of(), "ImagePolicy");
            case IMAGE_UPDATE -> new FluxCommandName(List.of("image", "update"), List.of(), "ImageUpdateAutomation");
            case RECEIVER -> new FluxCommandName(List.of("receiver"), List.of(), "Receiver");
            case ALERT -> new FluxCommandName(List.of("alert"), List.of(), "Alert");
            case PROVIDER -> new FluxCommandName(List.of("alert-provider"), List.of(), "Provider");
        };
    }

    /** The words as typed: {@code source git}, {@code kustomization}. */
    public String typed() {
        return String.join(" ", path);
    }
}
