package dev.ddbstreams.codegen.naming;

import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The rules that turn model names into Java names, following the AWS SDK for Java v2 where it has a rule, so
 * that code migrating from it reads the same: {@code StreamArn} becomes {@code streamArn()},
 * {@code SSEType} becomes {@code sseType()}, {@code DynamoDB Streams} becomes {@code DynamoDbStreams}.
 *
 * <p>A name that would be a Java keyword is escaped, never fatal: {@code NULL} becomes {@code nul} (the SDK v2
 * name) and any other keyword gets a {@code Value} suffix ({@code default} becomes {@code defaultValue}).
 * Names that clash with the methods every generated shape has get the same suffix.
 */
public final class JavaNames {

    /**
     * Methods every generated structure has (requests also {@code overrideConfiguration} and
     * {@code equalsBySdkFields}, responses {@code responseMetadata} and {@code sdkHttpResponse}); a member of one of
     * these names would hide or break them.
     */
    private static final Set<String> STRUCTURE_METHODS = Set.of(
            "builder", "toBuilder", "build", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll",
            "wait", "clone", "finalize", "overrideConfiguration", "equalsBySdkFields", "responseMetadata", "sdkHttpResponse");

    /**
     * Methods every generated exception has besides those of {@link #STRUCTURE_METHODS}: the runtime's
     * {@code AwsServiceException} and {@code SdkException} accessors, which a member accessor would override, and the
     * builder's setter of the error details.
     */
    private static final Set<String> EXCEPTION_METHODS = Set.of(
            "awsErrorDetails", "errorCode", "errorMessage", "requestId", "statusCode", "numAttempts");

    /** Methods every generated union has besides those of {@link #STRUCTURE_METHODS}. */
    private static final Set<String> UNION_METHODS = Set.of("type", "value", "unknown");

    /**
     * Methods the client interface has besides its operations, and those of {@code Object}: an operation of one of
     * these names would not compile (a no-argument {@code close()} or {@code create()}) or hide them.
     */
    private static final Set<String> CLIENT_METHODS = Set.of(
            "builder", "create", "close", "waiter", "canPaginate", "paginator", "equals", "hashCode", "toString", "getClass",
            "notify", "notifyAll", "wait", "clone", "finalize");

    private JavaNames() {}

    /** The class name for a shape or operation name: upper camel case with the model's own capitals kept. */
    public static String className(String modelName) {
        if (modelName.isEmpty()) {
            return modelName;
        }
        return Character.toUpperCase(modelName.charAt(0)) + modelName.substring(1);
    }

    /** The service's base exception, under which every modeled error sits: {@code DynamoDbStreamsException}. */
    public static String baseExceptionName(String clientBaseName) {
        return clientBaseName + "Exception";
    }

    /** The class name for an error shape: SDK v2 style, always ending in {@code Exception}. */
    public static String exceptionClassName(String modelName) {
        String name = className(modelName);
        return name.endsWith("Exception") ? name : name + "Exception";
    }

    /**
     * The base name of a service's generated types from its service id: words joined, acronyms folded to one
     * capital ({@code DynamoDB Streams} -> {@code DynamoDbStreams}, {@code EC2} -> {@code Ec2}).
     */
    public static String serviceBaseName(String serviceId) {
        StringBuilder out = new StringBuilder();
        for (String word : serviceId.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(foldAcronyms(className(word)));
            }
        }
        return out.toString();
    }

    /** A member's accessor name: lower camel case with a leading acronym folded, keywords escaped. */
    public static String memberName(String wireName) {
        return escape(lowerCamel(wireName), STRUCTURE_METHODS);
    }

    /**
     * A modeled error member's accessor name: as {@link #memberName}, with the exception's own accessors
     * ({@code requestId()}, {@code statusCode()}, ...) also escaped, so that a member cannot override them.
     */
    public static String exceptionMemberName(String wireName) {
        String name = memberName(wireName);
        return EXCEPTION_METHODS.contains(name) ? name + "Value" : name;
    }

    /**
     * A union variant's accessor name; besides the structure methods, {@code type()} is taken, and so is the union's
     * own name: the variant's record is nested in the union's interface and is named after the accessor
     * ({@link #variantClassName}), and Java does not let a nested class share its enclosing class's name.
     *
     * @param unionShapeName the model name of the union the member belongs to
     */
    public static String unionMemberName(String wireName, String unionShapeName) {
        String name = lowerCamel(wireName);
        if (variantClassName(name).equals(className(unionShapeName))) {
            return name + "Value";
        }
        return escape(name, UNION_METHODS.contains(name) ? Set.of(name) : STRUCTURE_METHODS);
    }

    /** An operation's client method name: {@code GetRecords} -> {@code getRecords}; {@code Close} -> {@code closeValue}. */
    public static String methodName(String operationName) {
        return escape(lowerCamel(operationName), CLIENT_METHODS);
    }

    /**
     * An enum constant for a wire value: upper case, every run of other characters one underscore, camel humps
     * split ({@code NEW_AND_OLD_IMAGES} stays, {@code application/json} -> {@code APPLICATION_JSON},
     * {@code t2.micro} -> {@code T2_MICRO}). Returns an empty string when the value has no letter or digit.
     */
    public static String enumConstant(String wireValue) {
        String split = wireValue.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        String constant = split.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (!constant.isEmpty() && Character.isDigit(constant.charAt(0))) {
            constant = "_" + constant;
        }
        return constant;
    }

    /** The record name of a union variant, from its accessor name: {@code ss} -> {@code Ss}. */
    public static String variantClassName(String memberJavaName) {
        return className(memberJavaName);
    }

    /** Whether a generated name is usable as a Java identifier. */
    public static boolean isIdentifier(String name) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
    }

    private static String escape(String name, Set<String> taken) {
        if (name.equals("null")) {
            return "nul";
        }
        if (SourceVersion.isKeyword(name) || taken.contains(name)) {
            return name + "Value";
        }
        return name;
    }

    /**
     * Lower-cases the leading capitals: all of them when the whole name is capitals ({@code SS} -> {@code ss}),
     * otherwise all but the one that starts the next word ({@code SSEType} -> {@code sseType}).
     */
    private static String lowerCamel(String name) {
        int upperRun = 0;
        while (upperRun < name.length() && Character.isUpperCase(name.charAt(upperRun))) {
            upperRun++;
        }
        if (upperRun == 0) {
            return name;
        }
        if (upperRun == name.length()) {
            return name.toLowerCase(Locale.ROOT);
        }
        int lowered = upperRun == 1 ? 1 : (Character.isLowerCase(name.charAt(upperRun)) ? upperRun - 1 : upperRun);
        return name.substring(0, lowered).toLowerCase(Locale.ROOT) + name.substring(lowered);
    }

    /** {@code DynamoDB} -> {@code DynamoDb}: inside a word, a run of capitals keeps only its first. */
    private static String foldAcronyms(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (!Character.isUpperCase(c)) {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < word.length() && Character.isUpperCase(word.charAt(end))) {
                end++;
            }
            // A capital followed by a lower-case letter starts the next word: keep it upper.
            int runEnd = end < word.length() && Character.isLowerCase(word.charAt(end)) && end - i > 1 ? end - 1 : end;
            out.append(word.charAt(i)).append(word.substring(i + 1, runEnd).toLowerCase(Locale.ROOT));
            out.append(word, runEnd, end);
            i = end;
        }
        return out.toString();
    }
}
