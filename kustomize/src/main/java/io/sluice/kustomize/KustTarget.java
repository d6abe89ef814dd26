package io.sluice.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds one kustomization directory, recursing into its bases and components. */
final class KustTarget {
    private final Loader ldr;
    private final KustomizationFile kust;
    private final BuildContext ctx;
    private final boolean top;

    KustTarget(Loader ldr, BuildContext ctx, boolean top) {
        this(ldr, KustomizationFile.load(ldr.root()), ctx, top);
    }

    KustTarget(Loader ldr, KustomizationFile kust, BuildContext ctx, boolean top) {
        this.ldr = ldr;
        this.kust = kust;
        this.ctx = ctx;
        this.top = top;
    }

    KustomizationFile kustomization() {
        return kust;
    }

    Accumulator accumulate(Accumulator ra) {
        ctx.useOpenApi(kust, ldr, top);
        accumulateResources(ra);
        for (String c : kust.strings("configurations")) {
            String text = ldr.readFile(c, "configurations", kust.path());
            ra.config.merge(TransformerConfig.fromYaml(io.sluice.kustomize.yaml.YamlReader.readOne(text, c), c));
        }
        for (String c : kust.strings("crds")) {
            String text = ldr.readFile(c, "crds", kust.path());
            ra.config.merge(CrdConfig.fromCrdFile(text, c));
        }
        Generators.run(kust, ldr, ra, ctx);
        for (String c : kust.strings("components")) {
            Loader sub = ldr.child(c, "components", kust.path());
            KustTarget t = new KustTarget(sub, ctx, false);
            if (!t.kust.isComponent()) {
                throw new KustomizeException(kust.path() + ": components entry '" + c + "': expected kind 'Component' for path '"
                        + sub.root() + "' but got '" + kindOf(t.kust) + "'");
            }
            ctx.enter(c);
            try {
                t.accumulate(ra);
            } finally {
                ctx.leave();
            }
        }
        Transformers.run(kust, ldr, ra, ctx);
        Vars.merge(kust, ra);
        return ra;
    }

    private static String kindOf(KustomizationFile k) {
        String kind = k.string("kind");
        return kind.isEmpty() ? "Kustomization" : kind;
    }

    private void accumulateResources(Accumulator ra) {
        List<String> paths = new java.util.ArrayList<>(kust.strings("resources"));
        paths.addAll(kust.strings("bases"));
        for (String p : paths) {
            if (Loader.isRemote(p)) {
                throw new KustomizeException(kust.path() + ": resources entry '" + p
                        + "' is a remote URL; remote resources are not supported (vendor the files into the repository)");
            }
            Path target = ldr.root().resolve(p).normalize();
            if (Files.isDirectory(target)) {
                Loader sub = ldr.child(p, "resources", kust.path());
                KustTarget t = new KustTarget(sub, ctx, false);
                if (t.kust.isComponent()) {
                    throw new KustomizeException(kust.path() + ": resources entry '" + p + "': expected kind != 'Component' for path '"
                            + sub.root() + "' (list components under 'components')");
                }
                ctx.enter(p);
                try {
                    Accumulator subRa = t.accumulate(new Accumulator());
                    ra.merge(subRa);
                } finally {
                    ctx.leave();
                }
            } else {
                if (!Files.exists(target)) {
                    throw new KustomizeException(kust.path() + ": resources entry '" + p
                            + "': no such file or directory: " + target);
                }
                String text = ldr.readFile(p, "resources", kust.path());
                for (Resource r : ResourceReader.read(text, ldr.root().resolve(p).toString())) {
                    ctx.annotateOrigin(r, p);
                    ra.resMap.append(r);
                }
            }
        }
    }
}
