package io.sluice.alert.provider;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The data of a Provider's {@code secretRef} Secret, decoded: Flux's keys {@code address},
 * {@code token}, {@code username}, {@code password}, {@code proxy}, plus {@code from} and {@code to}
 * for email. Values are credentials: {@link #toString()} lists only the key names, and nothing in
 * this package logs or puts a value into an exception message.
 */
public final class ProviderSecret {

    public static final ProviderSecret NONE = new ProviderSecret(Map.of());

    private final Map<String, String> data;

    public ProviderSecret(Map<String, String> data) {
        this.data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** The value of a key when present and not blank. */
    public Optional<String> get(String key) {
        String value = data.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Equal when the data is equal (so an unchanged Secret need not rebuild its Provider); compares, never prints. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderSecret that && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return "ProviderSecret[keys=" + new TreeSet<>(data.keySet()) + ", values redacted]";
    }
}
