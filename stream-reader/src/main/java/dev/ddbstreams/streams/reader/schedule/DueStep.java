package dev.ddbstreams.streams.reader.schedule;

import java.time.Instant;

/**
 * A task's next step waiting in a queue: the one due first runs first, and steps due at the same moment run in the
 * order they were scheduled.
 *
 * @param owner who scheduled it, where that matters (a {@link StepLoop}'s scheduler); else {@code null}
 * @param order a sequence number, rising in the order steps are scheduled
 */
record DueStep<O>(O owner, TaskScheduler.Task task, Instant due, long order) implements Comparable<DueStep<O>> {

    @Override
    public int compareTo(DueStep<O> other) {
        int byDue = due.compareTo(other.due);
        return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
}
