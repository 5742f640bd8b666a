/** One emitter per kind of generated file, each turning part of the intermediate model into a JavaPoet file. */
package dev.ddbstreams.codegen.emit;
