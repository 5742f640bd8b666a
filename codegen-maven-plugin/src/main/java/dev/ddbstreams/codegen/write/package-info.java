/** Writing generated files: deterministic bytes, untouched when unchanged, stale files removed. */
package dev.ddbstreams.codegen.write;
