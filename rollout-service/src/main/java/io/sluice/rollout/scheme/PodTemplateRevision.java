package io.sluice.rollout.scheme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The revision of a target Deployment as the analysis sees it ({@code status.lastAppliedSpec}): a hash of its pod
 * template, so a change of image, env or anything else in the template is a new revision, and a change of replicas
 * is not. Map keys are sorted first, so the same template always gives the same hash.
 */
public final class PodTemplateRevision {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PodTemplateRevision() {
    }

    public static String of(Deployment deployment) {
        try {
            byte[] json = JSON.writeValueAsString(JSON.convertValue(deployment.getSpec().getTemplate(), java.util.Map.class)).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the pod template of " + deployment.getMetadata().getName(), e);
        }
    }
}
