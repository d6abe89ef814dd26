package io.sluice.image.template;

import java.util.Optional;

/** A value with named fields, as a Go struct is to a template ({@code .Name}); its {@code toString()} is how it prints. */
public interface Fields {

    /** The field's value; empty for a field the value does not have (an error in Go templates, as here). */
    Optional<Object> field(String name);
}
