/**
 * Paginators' support: {@link dev.ddbstreams.runtime.paginate.Pages} (lazy pages for the blocking client) and
 * {@link dev.ddbstreams.runtime.paginate.AsyncPages} (a Reactive Streams publisher of pages for the asynchronous
 * client), both with flattened item views, ending on the token generated code reads and refusing a repeated one.
 */
package dev.ddbstreams.runtime.paginate;
