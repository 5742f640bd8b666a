/**
 * What generated code calls to evaluate the JMESPath expressions of waiters and paginators the way JMESPath does,
 * after the generator has compiled them to accessor calls: {@link dev.ddbstreams.runtime.path.PathValues}.
 */
package dev.ddbstreams.runtime.path;
