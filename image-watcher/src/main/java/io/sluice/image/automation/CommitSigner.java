package io.sluice.image.automation;

/** Signs a commit: gets the commit as Git hashes it (without signature), returns the armored signature. */
@FunctionalInterface
interface CommitSigner {

    byte[] sign(byte[] commit) throws GitPushException;
}
