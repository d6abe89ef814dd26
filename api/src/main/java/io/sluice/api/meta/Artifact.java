package io.sluice.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * The output of a source reconciliation: a tarball served over HTTP (Flux meta.Artifact).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Artifact extends KeepsUnknownFields {

    /** Path of the artifact relative to the storage root. */
    private String path;
    /** HTTP address the artifact is served at. */
    private String url;
    /** Source revision, e.g. {@code main@sha1:<hex>}; see {@link Revision}. */
    private String revision;
    /** Digest of the file, {@code sha256:<hex>}. */
    private String digest;
    /** RFC 3339 time the artifact was written. */
    private String lastUpdateTime;
    /** Size in bytes. */
    private Long size;
    private Map<String, String> metadata;

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getDigest() {
        return digest;
    }

    public void setDigest(String digest) {
        this.digest = digest;
    }

    public String getLastUpdateTime() {
        return lastUpdateTime;
    }

    public void setLastUpdateTime(String lastUpdateTime) {
        this.lastUpdateTime = lastUpdateTime;
    }

    public Long getSize() {
        return size;
    }

    public void setSize(Long size) {
        this.size = size;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }
}
