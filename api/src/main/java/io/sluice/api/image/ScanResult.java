package io.sluice.api.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.api.meta.KeepsUnknownFields;

import java.util.List;

/**
 * What the last registry scan found.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScanResult extends KeepsUnknownFields {

    private String revision;
    private Integer tagCount;
    private String scanTime;
    /** Up to ten tags, sorted descending. */
    private List<String> latestTags;

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public Integer getTagCount() {
        return tagCount;
    }

    public void setTagCount(Integer tagCount) {
        this.tagCount = tagCount;
    }

    public String getScanTime() {
        return scanTime;
    }

    public void setScanTime(String scanTime) {
        this.scanTime = scanTime;
    }

    public List<String> getLatestTags() {
        return latestTags;
    }

    public void setLatestTags(List<String> latestTags) {
        this.latestTags = latestTags;
    }
}
