package io.sluice.cli.up;

import io.fabric8.kubernetes.client.Config;

/** Prints the API server URL fabric8 picks from the environment ({@code KUBECONFIG}), as a service would. */
public final class KubeconfigProbe {

    public static void main(String[] args) {
        System.out.println(Config.autoConfigure(null).getMasterUrl());
    }
}
