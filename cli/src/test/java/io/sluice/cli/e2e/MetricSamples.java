package io.sluice.cli.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one {@code /q/metrics} scrape (Prometheus text), to diff histograms before and after a run. */
record MetricSamples(List<Sample> samples) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: {@code name{labels} value}. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    static MetricSamples scrape(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build();
        return parse(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    static MetricSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            try {
                samples.add(new Sample(m.group(1), Map.copyOf(labels), number(m.group(4))));
            } catch (NumberFormatException e) {
                // Not a number (an exemplar, a timestamp suffix we do not read): not a sample we use.
            }
        }
        return new MetricSamples(List.copyOf(samples));
    }

    /** A Prometheus number: Go's float syntax plus {@code +Inf}, {@code -Inf}, {@code NaN}. */
    static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Sum of the samples named {@code name} whose labels include {@code label=value} (null label: all). */
    double sum(String name, String label, String value) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> label == null || value.equals(s.labels().get(label)))
                .mapToDouble(Sample::value).sum();
    }

    /** The distinct values of {@code label} among samples named {@code name}. */
    List<String> labelValues(String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label))
                .filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Cumulative histogram buckets ({@code le} → count) of {@code name_bucket} with {@code label=value}. */
    Map<Double, Double> buckets(String name, String label, String value) {
        Map<Double, Double> buckets = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(name + "_bucket"))
                .filter(s -> label == null || value.equals(s.labels().get(label)))
                .forEach(s -> buckets.merge(number(s.labels().get("le")), s.value(), Double::sum));
        return buckets;
    }
}
