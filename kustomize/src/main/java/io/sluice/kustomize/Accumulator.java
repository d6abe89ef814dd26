package io.sluice.kustomize;

import java.util.ArrayList;
import java.util.List;

/** What a kustomization (and everything below it) has produced so far. */
final class Accumulator {
    final ResMap resMap = new ResMap();
    TransformerConfig config = TransformerConfig.defaults();
    final List<Vars.Var> vars = new ArrayList<>();

    void merge(Accumulator other) {
        resMap.appendAll(other.resMap);
        config.merge(other.config);
        for (Vars.Var v : other.vars) {
            Vars.addVar(vars, v, "a base");
        }
    }
}
