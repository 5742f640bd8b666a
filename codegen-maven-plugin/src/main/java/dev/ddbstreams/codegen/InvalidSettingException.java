package dev.ddbstreams.codegen;

/**
 * A setting of the generator (not the model) is unusable, such as a base package that is not a Java package name.
 * A user error, reported as a build failure; any other exception from the generator is a fault of the generator.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
