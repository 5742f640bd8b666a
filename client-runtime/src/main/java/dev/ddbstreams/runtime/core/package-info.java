/** Value types shared by generated models and the runtime, such as {@link dev.ddbstreams.runtime.core.Bytes}. */
package dev.ddbstreams.runtime.core;
