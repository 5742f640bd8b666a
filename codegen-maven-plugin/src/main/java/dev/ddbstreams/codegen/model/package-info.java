/**
 * The intermediate model: an immutable, validated description of a service in which every Java name has been
 * decided once. Readers produce it, emitters consume it; nothing here knows about JSON or JavaPoet.
 */
package dev.ddbstreams.codegen.model;
