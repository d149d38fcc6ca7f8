package org.spectraledge.options;

/** Bad command-line arguments: the message names the argument; the command prints it with its usage text. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
