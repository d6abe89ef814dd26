package io.sluice.alert.provider;

import io.sluice.api.events.Severity;

import java.util.Map;

/**
 * The words every provider uses, so a notification reads the same in Slack, Teams and email:
 * what happened ({@code reason}, {@code message}) to which object at which revision.
 */
public final class MessageFormat {

    private MessageFormat() {
    }

    /**
     * One line saying what happened to which object at which revision, e.g.
     * {@code [info] Kustomization/flux-system/podinfo: applied (ReconciliationSucceeded) at main@sha1:1a2b3c4} or
     * {@code [error] Kustomization/flux-system/podinfo: health check failed (HealthCheckFailed) at main@sha1:1a2b3c4}.
     * Chat messages show it first; it is the email subject.
     */
    public static String title(Notification n) {
        StringBuilder title = new StringBuilder();
        title.append('[').append(n.severity().json()).append("] ")
                .append(n.object().subject()).append(": ").append(happened(n)).append(" (").append(n.reason()).append(')');
        if (n.revision() != null) {
            title.append(" at ").append(shortRevision(n.revision()));
        }
        return title.toString();
    }

    /**
     * The reason in words: {@code ReconciliationSucceeded} of a Kustomization or HelmRelease is
     * "applied" (apply-service sends it after every successful apply); any other reason is split into
     * lower-case words ({@code BuildFailed} → "build failed", {@code Recovered} → "recovered").
     */
    public static String happened(Notification n) {
        String kind = n.object().kind();
        if ("ReconciliationSucceeded".equals(n.reason()) && ("Kustomization".equals(kind) || "HelmRelease".equals(kind))) {
            return "applied";
        }
        return String.join(" ", CommitStatus.words(n.reason())).toLowerCase(java.util.Locale.ROOT);
    }

    /** Plain text: summary, message, revision with the commit link, then metadata, one per line. */
    public static String text(Notification n) {
        StringBuilder text = new StringBuilder();
        if (n.summary() != null) {
            text.append(n.summary()).append("\n\n");
        }
        text.append(n.message()).append('\n');
        text.append("\nobject: ").append(n.object().subject());
        if (n.revision() != null) {
            text.append("\nrevision: ").append(n.revision());
        }
        if (n.commitUrl() != null) {
            text.append("\ncommit: ").append(n.commitUrl());
        }
        for (Map.Entry<String, String> e : n.metadata().entrySet()) {
            text.append('\n').append(e.getKey()).append(": ").append(e.getValue());
        }
        return text.append('\n').toString();
    }

    /** The same as {@link #text} as a small HTML document (for email); every value is escaped. */
    public static String html(Notification n) {
        StringBuilder html = new StringBuilder("<html><body>");
        html.append("<h3 style=\"color:").append(n.severity() == Severity.ERROR ? "#c0392b" : "#2e7d32").append("\">")
                .append(escape(title(n))).append("</h3>");
        if (n.summary() != null) {
            html.append("<p><b>").append(escape(n.summary())).append("</b></p>");
        }
        html.append("<pre>").append(escape(n.message())).append("</pre><table>");
        row(html, "object", escape(n.object().subject()));
        if (n.revision() != null) {
            row(html, "revision", escape(n.revision()));
        }
        if (n.commitUrl() != null) {
            row(html, "commit", "<a href=\"" + escape(n.commitUrl()) + "\">" + escape(n.commitUrl()) + "</a>");
        }
        n.metadata().forEach((k, v) -> row(html, escape(k), escape(v)));
        return html.append("</table></body></html>").toString();
    }

    /** {@code main@sha1:<40 hex>} → {@code main@sha1:<first 7>}; anything else unchanged. */
    public static String shortRevision(String revision) {
        int colon = revision.lastIndexOf(':');
        if (colon < 0 || revision.length() - colon - 1 <= 7) {
            return revision;
        }
        return revision.substring(0, colon + 8);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void row(StringBuilder html, String key, String escapedValue) {
        html.append("<tr><td>").append(key).append("</td><td>").append(escapedValue).append("</td></tr>");
    }
}
