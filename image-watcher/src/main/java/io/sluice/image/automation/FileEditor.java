package io.sluice.image.automation;

import java.util.Optional;

/** Changes a file of the checked-out tree, or leaves it; the Setters in the automation. */
@FunctionalInterface
interface FileEditor {

    /**
     * @param path the file's path from the repository root
     * @return the new text, or empty when the file stays as it is
     * @throws GitPushException when the file cannot be updated (nothing is committed then)
     */
    Optional<String> edit(String path, String text) throws GitPushException;
}
