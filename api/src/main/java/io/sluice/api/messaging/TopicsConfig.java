package io.sluice.api.messaging;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topic names and settings, after configuration. Built from plain key/value pairs so that services can feed
 * it from MicroProfile Config and tests from a {@code Map}. Keys (all optional):
 *
 * <table>
 *   <caption>Topic configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code sluice.topics.prefix}</td><td>{@code sluice.}</td><td>prepended to every topic suffix</td></tr>
 *   <tr><td>{@code sluice.topics.partitions}</td><td>6</td><td>partitions of every topic not set below</td></tr>
 *   <tr><td>{@code sluice.topics.replication-factor}</td><td>-1 (broker default)</td><td>replicas per partition</td></tr>
 *   <tr><td>{@code sluice.topics.<suffix>.partitions}</td><td>the above</td><td>partitions of one topic (and its DLQ)</td></tr>
 *   <tr><td>{@code sluice.topics.<suffix>.retention}</td><td>per topic</td><td>retention of a delete topic</td></tr>
 *   <tr><td>{@code sluice.topics.dlq.retention}</td><td>14d</td><td>retention of every dead-letter topic</td></tr>
 * </table>
 *
 * <p>{@code <suffix>} is a {@link Topic#suffix()} such as {@code git.push}. Durations are ISO-8601
 * ({@code P7D}, {@code PT12H}) or a number with a unit: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 12h},
 * {@code 7d}. Any other key under {@code sluice.topics.} is an error, so a typo does not go unnoticed; keys
 * outside {@code sluice.topics.} are ignored.
 */
public final class TopicsConfig {

    public static final String KEY_ROOT = "sluice.topics.";
    public static final String PREFIX_KEY = KEY_ROOT + "prefix";
    public static final String PARTITIONS_KEY = KEY_ROOT + "partitions";
    public static final String REPLICATION_FACTOR_KEY = KEY_ROOT + "replication-factor";
    public static final String DLQ_RETENTION_KEY = KEY_ROOT + "dlq.retention";
    public static final String DEFAULT_PREFIX = "sluice.";

    private static final Pattern LEGAL_TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final int MAX_PARTITIONS = 10_000;
    /** Kafka's limit is 249; leave room for the longest suffix plus ".dlq". */
    private static final int MAX_PREFIX_LENGTH = 200;

    private final String prefix;
    private final int replicationFactor;
    private final Map<Topic, Integer> partitions;
    private final Map<Topic, Duration> retentions;
    private final Duration dlqRetention;

    private TopicsConfig(String prefix, int replicationFactor, Map<Topic, Integer> partitions,
                         Map<Topic, Duration> retentions, Duration dlqRetention) {
        this.prefix = prefix;
        this.replicationFactor = replicationFactor;
        this.partitions = partitions;
        this.retentions = retentions;
        this.dlqRetention = dlqRetention;
    }

    /**
     * Every key this class reads, for config systems that can look a key up but cannot list every key (a
     * MicroProfile Config source such as environment variables only answers for names it is asked about).
     */
    public static List<String> knownKeys() {
        List<String> keys = new ArrayList<>(List.of(PREFIX_KEY, PARTITIONS_KEY, REPLICATION_FACTOR_KEY, DLQ_RETENTION_KEY));
        for (Topic topic : Topic.values()) {
            keys.add(KEY_ROOT + topic.suffix() + ".partitions");
            if (topic.cleanupPolicy() == CleanupPolicy.DELETE) {
                keys.add(KEY_ROOT + topic.suffix() + ".retention");
            }
        }
        return List.copyOf(keys);
    }

    /** Everything at its default: prefix {@code sluice.}, 6 partitions, the retentions of the topics table. */
    public static TopicsConfig defaults() {
        return from(Map.of());
    }

    /**
     * Reads the {@code sluice.topics.*} keys of {@code properties}; other keys are ignored.
     *
     * @throws IllegalArgumentException naming the key, when a value is invalid or a key is unknown
     */
    public static TopicsConfig from(Map<String, String> properties) {
        Map<String, String> own = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(KEY_ROOT)) {
                own.put(key, value == null ? "" : value.trim());
            }
        });

        String prefix = own.getOrDefault(PREFIX_KEY, DEFAULT_PREFIX);
        if (!LEGAL_TOPIC_CHARS.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw bad(PREFIX_KEY, prefix, "a topic prefix may use only letters, digits, '.', '_' and '-' (at most " + MAX_PREFIX_LENGTH + " characters)");
        }
        int defaultPartitions = own.containsKey(PARTITIONS_KEY) ? partitions(PARTITIONS_KEY, own.get(PARTITIONS_KEY)) : Topic.DEFAULT_PARTITIONS;
        int replicationFactor = own.containsKey(REPLICATION_FACTOR_KEY) ? replicationFactor(own.get(REPLICATION_FACTOR_KEY)) : TopicSettings.BROKER_DEFAULT;
        Duration dlqRetention = own.containsKey(DLQ_RETENTION_KEY) ? duration(DLQ_RETENTION_KEY, own.get(DLQ_RETENTION_KEY)) : Topic.DLQ_RETENTION;

        Map<Topic, Integer> partitions = new EnumMap<>(Topic.class);
        Map<Topic, Duration> retentions = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            partitions.put(topic, defaultPartitions);
            topic.defaultRetention().ifPresent(r -> retentions.put(topic, r));
        }

        for (Map.Entry<String, String> entry : own.entrySet()) {
            String key = entry.getKey();
            if (key.equals(PREFIX_KEY) || key.equals(PARTITIONS_KEY) || key.equals(REPLICATION_FACTOR_KEY) || key.equals(DLQ_RETENTION_KEY)) {
                continue;
            }
            readTopicKey(key, entry.getValue(), partitions, retentions);
        }
        return new TopicsConfig(prefix, replicationFactor, Map.copyOf(partitions), Map.copyOf(retentions), dlqRetention);
    }

    private static void readTopicKey(String key, String value, Map<Topic, Integer> partitions, Map<Topic, Duration> retentions) {
        String rest = key.substring(KEY_ROOT.length());
        int lastDot = rest.lastIndexOf('.');
        String suffix = lastDot < 0 ? rest : rest.substring(0, lastDot);
        String setting = lastDot < 0 ? "" : rest.substring(lastDot + 1);
        Optional<Topic> topic = Topic.fromSuffix(suffix);
        if (topic.isEmpty() || !(setting.equals("partitions") || setting.equals("retention"))) {
            throw new IllegalArgumentException("unknown topic setting '" + key + "'; expected " + PREFIX_KEY + ", " + PARTITIONS_KEY + ", "
                    + REPLICATION_FACTOR_KEY + ", " + DLQ_RETENTION_KEY + ", or " + KEY_ROOT + "<topic>.partitions / .retention where <topic> is one of "
                    + suffixes());
        }
        if (setting.equals("partitions")) {
            partitions.put(topic.get(), partitions(key, value));
            return;
        }
        if (topic.get().cleanupPolicy() == CleanupPolicy.COMPACT) {
            throw bad(key, value, "topic " + suffix + " is compacted (it keeps the latest record per key), so a retention does not apply; remove the key");
        }
        retentions.put(topic.get(), duration(key, value));
    }

    private static int partitions(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_PARTITIONS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "give a whole number of partitions from 1 to " + MAX_PARTITIONS);
    }

    private static int replicationFactor(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n == TopicSettings.BROKER_DEFAULT || (n >= 1 && n <= Short.MAX_VALUE)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(REPLICATION_FACTOR_KEY, value, "give a whole number of replicas of at least 1, or -1 for the broker's default.replication.factor");
    }

    /** Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 90s}, {@code 500ms} or ISO-8601 {@code P7D}; must be positive. */
    static Duration duration(String key, String value) {
        String text = value.toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher simple = SIMPLE_DURATION.matcher(text);
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                duration = switch (simple.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else if (text.startsWith("p")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw bad(key, value, "give a positive duration with a unit, like 7d, 12h, 30m, 90s or 500ms, or ISO-8601 like P7D");
        }
        return duration;
    }

    private static IllegalArgumentException bad(String key, String value, String what) {
        return new IllegalArgumentException(key + " = '" + value + "' is invalid: " + what);
    }

    private static String suffixes() {
        StringBuilder names = new StringBuilder();
        for (Topic topic : Topic.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(topic.suffix());
        }
        return names.toString();
    }

    /** The prefix in front of every topic suffix, {@code sluice.} by default. */
    public String prefix() {
        return prefix;
    }

    /** The full name of a topic, e.g. {@code sluice.git.push}. */
    public String name(Topic topic) {
        return prefix + topic.suffix();
    }

    /** The full name of a topic's dead-letter topic, e.g. {@code sluice.git.push.dlq}. */
    public String dlqName(Topic topic) {
        return name(topic) + Topic.DLQ_SUFFIX;
    }

    /** How a topic is to be created. */
    public TopicSettings settings(Topic topic) {
        return new TopicSettings(name(topic), partitions.get(topic), replicationFactor, topic.cleanupPolicy(), retentions.get(topic));
    }

    /** How a topic's dead-letter topic is to be created: same partitions, delete, {@code dlq.retention}. */
    public TopicSettings dlqSettings(Topic topic) {
        return new TopicSettings(dlqName(topic), partitions.get(topic), replicationFactor, CleanupPolicy.DELETE, dlqRetention);
    }

    /** Which topic a full name belongs to ({@code sluice.git.push} → GIT_PUSH); empty for DLQs and others. */
    public Optional<Topic> topicNamed(String name) {
        if (name == null || !name.startsWith(prefix)) {
            return Optional.empty();
        }
        return Topic.fromSuffix(name.substring(prefix.length()));
    }

    @Override
    public String toString() {
        return "TopicsConfig[prefix=" + prefix + ", replicationFactor=" + replicationFactor + ", partitions=" + partitions
                + ", retentions=" + retentions + ", dlqRetention=" + dlqRetention + "]";
    }
}
