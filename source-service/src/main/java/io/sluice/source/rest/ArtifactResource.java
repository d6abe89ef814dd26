package io.sluice.source.rest;

import io.sluice.source.artifact.ArtifactFormat;
import io.sluice.source.artifact.ArtifactStorage;
import io.sluice.source.reconcile.ArtifactUrls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Serves stored artifacts: {@code GET /artifacts/<kind>/<namespace>/<name>/<sha256 hex><extension>}, the URL in
 * {@code status.artifact.url} and {@code ArtifactReady.url}: {@code .tar.gz} and {@code .tgz} (a Helm chart) as
 * {@code application/gzip}, {@code .json} (a Helm repository index) as {@code application/json}. The file name is the
 * artifact's digest, so a URL always gives the same bytes; clients must still check them against the digest they were
 * given.
 *
 * <p>An unknown or garbage-collected artifact is a 404 with a one-line reason. Anything that is not exactly
 * four segments ending in a sha256 file name (e.g. {@code ..}) is a 404 too: nothing outside the artifact folder
 * can be reached.
 */
@Path("/artifacts")
public class ArtifactResource {

    private final ArtifactStorage storage;

    ArtifactResource(ArtifactStorage storage) {
        this.storage = storage;
    }

    @GET
    @Path("{kind}/{namespace}/{name}/{file}")
    @Produces({"application/gzip", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response download(@PathParam("kind") String kind, @PathParam("namespace") String namespace,
                             @PathParam("name") String name, @PathParam("file") String file) {
        String path = kind + "/" + namespace + "/" + name + "/" + file;
        Optional<java.nio.file.Path> stored = storage.find(path);
        if (stored.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("no artifact at " + ArtifactUrls.PREFIX + path + ": it was never stored here or a newer one replaced it;"
                            + " read status.artifact.url of " + kind + " " + namespace + "/" + name + " for the current one\n")
                    .build();
        }
        String mediaType = ArtifactFormat.ofFileName(file).orElseThrow().mediaType();
        return Response.ok(stored.get().toFile(), mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }
}
