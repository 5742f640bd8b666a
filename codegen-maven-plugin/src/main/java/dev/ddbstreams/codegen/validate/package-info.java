/** Checks over the intermediate model that collect every problem before generation is attempted. */
package dev.ddbstreams.codegen.validate;
