package dev.ddbstreams.runtime.endpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * An endpoint the service's endpoint-discovery operation named ({@code DescribeEndpoints}): its address, a host with
 * an optional port, and how long it may be used.
 *
 * @param address the host, with an optional {@code :port}, such as {@code ingest-cell2.timestream.us-east-1.amazonaws.com}
 * @param cachePeriod how long the address may be used from the moment it was discovered
 */
public record DiscoveredEndpoint(String address, Duration cachePeriod) {

    public DiscoveredEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(cachePeriod, "cachePeriod");
    }

    /**
     * An endpoint as the discovery operation's response gives it ({@code Address}, {@code CachePeriodInMinutes}).
     *
     * @throws IllegalArgumentException when the address is missing or empty, or the period missing or negative
     */
    public static DiscoveredEndpoint of(String address, Number cachePeriodInMinutes) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an endpoint without an Address");
        }
        if (cachePeriodInMinutes == null || cachePeriodInMinutes.longValue() < 0) {
            throw new IllegalArgumentException("the endpoint " + address + " has no valid CachePeriodInMinutes ("
                    + cachePeriodInMinutes + ")");
        }
        return new DiscoveredEndpoint(address, Duration.ofMinutes(cachePeriodInMinutes.longValue()));
    }
}
