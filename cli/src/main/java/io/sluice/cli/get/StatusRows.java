package io.sluice.cli.get;

import io.sluice.cli.flux.FluxKind;
import io.sluice.cli.flux.FluxObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of {@code sluice get}, Flux's: [NAMESPACE] NAME [REVISION] [SUSPENDED] [READY MESSAGE]. REVISION only
 * for kinds that have one (the image kinds call it LAST SCAN, LATEST IMAGE, LAST RUN, as {@code flux get images} does);
 * SUSPENDED for all but ImagePolicy; READY and MESSAGE only for kinds with a status (v1beta3 Alerts and Providers have none).
 */
final class StatusRows {

    /** Git SHAs are shortened as in Flux's examples ({@code main@sha1:44157ecd}); {@code git log} finds them. */
    private static final Pattern SHA = Pattern.compile("(sha1|sha256):([0-9a-f]{8})[0-9a-f]+");

    private StatusRows() {
    }

    static Table table(FluxKind kind, List<FluxObject> objects, boolean withNamespace, boolean kindPrefix) {
        List<String> header = new ArrayList<>();
        if (withNamespace) {
            header.add("NAMESPACE");
        }
        header.add("NAME");
        if (kind.hasRevision()) {
            header.add(kind.revisionHeader());
        }
        if (kind.hasSuspend()) {
            header.add("SUSPENDED");
        }
        if (kind.hasStatus()) {
            header.add("READY");
            header.add("MESSAGE");
        }
        Table table = new Table(header);
        for (FluxObject object : objects) {
            List<String> row = new ArrayList<>();
            if (withNamespace) {
                row.add(object.namespace());
            }
            row.add(kindPrefix ? kind.kind().toLowerCase(Locale.ROOT) + "/" + object.name() : object.name());
            if (kind.hasRevision()) {
                row.add(shorten(object.revision()));
            }
            if (kind.hasSuspend()) {
                row.add(object.suspended() ? "True" : "False");
            }
            if (kind.hasStatus()) {
                FluxObject.Ready ready = object.ready()
                        .orElse(new FluxObject.Ready("Unknown", "", "not reconciled yet", Optional.empty()));
                row.add(ready.status());
                row.add(oneLine(ready.message()));
            }
            table.add(row);
        }
        return table;
    }

    static String shorten(String revision) {
        Matcher m = SHA.matcher(revision);
        return m.find() ? m.replaceAll(r -> r.group(1) + ":" + r.group(2)) : revision;
    }

    /** Messages may hold newlines (a kustomize error with its file); a table row must not. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
