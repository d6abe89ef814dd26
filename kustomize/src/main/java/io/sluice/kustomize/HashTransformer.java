package io.sluice.kustomize;

import io.sluice.kustomize.yaml.Values;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends kustomize's content hash to generated ConfigMap/Secret names ("name-7b6hd5g8f2"). */
final class HashTransformer {
    private HashTransformer() {
    }

    static void apply(ResMap m) {
        for (Resource r : m.resources()) {
            if (r.needsHash) {
                String hash = hash(r);
                r.storePreviousId();
                r.setName(r.name() + "-" + hash);
                r.needsHash = false;
            }
        }
    }

    static String hash(Resource r) {
        Map<String, Object> enc = new LinkedHashMap<>();
        Map<String, Object> obj = r.map();
        if (r.kind().equals("ConfigMap")) {
            enc.put("kind", "ConfigMap");
            // kustomize looks the name up with a path its lookup never matches, so it always hashes "".
            enc.put("name", "");
            enc.put("data", orEmpty(obj.get("data")));
            if (obj.get("binaryData") instanceof Map) {
                enc.put("binaryData", obj.get("binaryData"));
            }
        } else if (r.kind().equals("Secret")) {
            enc.put("kind", "Secret");
            enc.put("type", orEmpty(obj.get("type")));
            enc.put("name", "");
            enc.put("data", orEmpty(obj.get("data")));
            if (obj.get("stringData") instanceof Map) {
                enc.put("stringData", obj.get("stringData"));
            }
        } else {
            enc = obj;
        }
        return encode(sha256Hex(GoJson.write(stringify(enc))));
    }

    private static Object orEmpty(Object v) {
        return v == null ? "" : (Values.isScalar(v) ? Resource.str(v) : v);
    }

    /** Scalars inside data maps are hashed as their text (kustomize reads them as strings). */
    private static Object stringify(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put((String) e.getKey(), stringify(e.getValue()));
            }
            return out;
        }
        return v;
    }

    private static String sha256Hex(String s) {
        byte[] d = Sha256.digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(64);
        for (byte b : d) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static String encode(String hex) {
        StringBuilder sb = new StringBuilder();
        for (char c : hex.substring(0, 10).toCharArray()) {
            sb.append(switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
            });
        }
        return sb.toString();
    }
}
