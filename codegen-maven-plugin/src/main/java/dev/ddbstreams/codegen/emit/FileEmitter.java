package dev.ddbstreams.codegen.emit;

import com.palantir.javapoet.JavaFile;

/** Generates one Java file. Adding a kind of output is adding an implementation. */
interface FileEmitter {

    JavaFile emit();
}
