/** Readers of model files. Each turns one published format into the intermediate model, with located errors. */
package dev.ddbstreams.codegen.read;
