/**
 * Waiters' support: a generated {@link dev.ddbstreams.runtime.waiter.WaiterDefinition} (the model's acceptors,
 * compiled to accessor calls, and its delay and attempts) run by the blocking
 * {@link dev.ddbstreams.runtime.waiter.Waiter} or the non-blocking {@link dev.ddbstreams.runtime.waiter.AsyncWaiter},
 * which agree because they share one set of rules.
 */
package dev.ddbstreams.runtime.waiter;
