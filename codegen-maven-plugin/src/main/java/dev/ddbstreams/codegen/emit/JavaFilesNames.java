package dev.ddbstreams.codegen.emit;

/** Small name manipulations emitters share. */
final class JavaFilesNames {

    private JavaFilesNames() {}

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
