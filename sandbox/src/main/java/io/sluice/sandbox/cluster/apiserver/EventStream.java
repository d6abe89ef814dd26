package io.sluice.sandbox.cluster.apiserver;

/**
 * Where a watch's events go: a chunked HTTP answer of JSON lines (kubectl, client-go) or a WebSocket (fabric8). The
 * HTTP front end implements it for plain HTTP watches ({@link SandboxDispatcher#watchOverHttp}).
 */
public interface EventStream {

    /** Sends the answer's head (200, {@code application/json}) before any event, as a real server does. */
    void open();

    /** Sends one event: a JSON object ({@code {"type":"ADDED","object":{...}}}). */
    void send(byte[] event);

    /** Ends the stream (the watch timed out, or the server gave up on it). */
    void close();

    /** Runs {@code onClosed} once the client has gone. */
    void whenClosed(Runnable onClosed);
}
