package dev.ddbstreams.runtime.endpoint;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An AWS partition: a group of regions sharing DNS suffixes and capabilities, as the {@code aws.partition} function
 * of the endpoint rules sees it.
 *
 * @param name the partition's name, such as {@code aws-cn}
 * @param regionPattern the shape of the partition's region names, for regions not in {@code regions}
 * @param regions the regions known to be in the partition
 * @param dnsSuffix the DNS suffix of its endpoints, such as {@code amazonaws.com.cn}
 * @param dualStackDnsSuffix the DNS suffix of its dual-stack (IPv4 and IPv6) endpoints
 * @param supportsFips whether it has FIPS endpoints
 * @param supportsDualStack whether it has dual-stack endpoints
 */
record Partition(String name, Pattern regionPattern, Set<String> regions, String dnsSuffix, String dualStackDnsSuffix,
                 boolean supportsFips, boolean supportsDualStack) {

    Partition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regionPattern, "regionPattern");
        regions = Set.copyOf(regions);
        Objects.requireNonNull(dnsSuffix, "dnsSuffix");
        Objects.requireNonNull(dualStackDnsSuffix, "dualStackDnsSuffix");
    }
}
