/** Helpers that generated marshallers and unmarshallers call to read and write protocol values with jackson-core. */
package dev.ddbstreams.runtime.json;
