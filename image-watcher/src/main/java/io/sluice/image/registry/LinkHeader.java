package io.sluice.image.registry;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of an RFC 8288 {@code Link} header, as registries paginate tag lists with it. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private LinkHeader() {
    }

    /** The next page's URL resolved against the page's own URL, or null when there is no next page. */
    static URI next(String header, URI page) throws RegistryException {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL_NEXT.matcher(link.group(2));
            while (rel.find()) {
                for (String value : rel.group(1).trim().split("\\s+")) {
                    if (value.equals("next")) {
                        try {
                            return page.resolve(link.group(1).trim());
                        } catch (IllegalArgumentException e) {
                            throw new RegistryException(RegistryException.Failure.MALFORMED_RESPONSE,
                                    "the registry's Link header names a next page that is not a URL: " + link.group(1));
                        }
                    }
                }
            }
        }
        return null;
    }
}
