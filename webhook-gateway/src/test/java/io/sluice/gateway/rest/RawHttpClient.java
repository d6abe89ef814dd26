package io.sluice.gateway.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection over a plain socket, from a chosen loopback address (Linux answers on all of 127/8), so
 * a test can be several clients and can send part of a request and stall, as a slow client does.
 */
final class RawHttpClient implements AutoCloseable {

    private final Socket socket;

    private RawHttpClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects from {@code localAddress} (e.g. {@code 127.0.0.2}) to the gateway on loopback port {@code port}. */
    static RawHttpClient connect(String localAddress, int port) {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return new RawHttpClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect from " + localAddress + " to port " + port, e);
        }
    }

    /** Headers of a POST announcing {@code contentLength} bytes of body, and nothing of the body. */
    static String postHeaders(String path, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n\r\n";
    }

    void send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of the answer, read within {@code timeout}; -1 when the server closed without answering. */
    int readStatus(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        String line = readLine(socket.getInputStream());
        if (line == null) {
            return -1;
        }
        String[] parts = line.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + line);
        }
        return Integer.parseInt(parts[1]);
    }

    /** Whether the server closes the connection within {@code timeout} (whatever else it still sends is skipped). */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        InputStream in = socket.getInputStream();
        try {
            while (in.read() != -1) {
                // skip the rest of the answer
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset by the server
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toString(StandardCharsets.US_ASCII).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
