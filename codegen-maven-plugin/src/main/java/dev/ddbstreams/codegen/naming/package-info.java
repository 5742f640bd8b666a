/** Model names to Java names, decided in one place so that every emitter agrees. */
package dev.ddbstreams.codegen.naming;
