package io.sluice.render.rest;

import io.sluice.api.events.Digest;
import io.sluice.render.config.RenderConfig;
import io.sluice.render.store.FileManifestStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import java.net.URI;

/**
 * Serves the claim-check store: {@code GET /manifests/<algorithm>/<hex>.yaml.gz} returns the gzip-compressed
 * YAML stream a {@code ManifestsRendered} claim check points to. Consumers check the digest themselves.
 */
@Path("/manifests")
public class ManifestsResource {

    private final FileManifestStore store;

    ManifestsResource(RenderConfig settings) {
        this.store = new FileManifestStore(java.nio.file.Path.of(settings.storeDir()), URI.create(settings.storeUrl()));
    }

    @GET
    @Path("/{algorithm}/{file}")
    @Produces("application/gzip")
    public byte[] get(@PathParam("algorithm") String algorithm, @PathParam("file") String file) {
        if (!file.endsWith(".yaml.gz")) {
            throw new NotFoundException("no rendered manifests at " + algorithm + "/" + file);
        }
        Digest digest;
        try {
            digest = new Digest(algorithm, file.substring(0, file.length() - ".yaml.gz".length()));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no rendered manifests at " + algorithm + "/" + file + ": " + e.getMessage());
        }
        return store.get(digest).orElseThrow(() -> new NotFoundException("no rendered manifests with digest " + digest));
    }
}
