package io.sluice.api.messaging;

/**
 * Kafka header names of the CloudEvents Kafka protocol binding, binary content mode: every attribute but
 * {@code data} is a header named {@code ce_<attribute>} with a UTF-8 string value, and the data's media
 * type is the plain {@code content-type} header (not {@code ce_datacontenttype}). SmallRye Reactive
 * Messaging and the CloudEvents SDKs use the same names.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** The only CloudEvents version Sluice writes and reads. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Event data is always JSON. */
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
