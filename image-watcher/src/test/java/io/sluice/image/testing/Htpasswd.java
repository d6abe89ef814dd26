package io.sluice.image.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** An htpasswd line with a bcrypt hash (the only kind docker-registry accepts), made by apache2-utils' htpasswd. */
public final class Htpasswd {

    private Htpasswd() {
    }

    public static String bcryptLine(String user, String password) {
        try {
            Process process = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("htpasswd failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("htpasswd is not installed: apt-get install -y apache2-utils (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
