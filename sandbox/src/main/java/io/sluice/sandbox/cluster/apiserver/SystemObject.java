package io.sluice.sandbox.cluster.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object the cluster makes itself (a controller, the API server at start), with the field manager it writes as. */
record SystemObject(String manager, ResourcePath path, ObjectNode object) {
}
