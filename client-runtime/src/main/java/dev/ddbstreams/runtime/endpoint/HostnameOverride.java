package dev.ddbstreams.runtime.endpoint;

import java.util.Objects;
import java.util.Set;

/**
 * A host name a service uses instead of the standard pattern, in some partitions, for one combination of FIPS and
 * dual-stack.
 *
 * @param partitions the names of the partitions where it applies
 * @param fips whether it is the FIPS variant
 * @param dualStack whether it is the dual-stack variant
 * @param template the host name, with {@code {region}}, {@code {dnsSuffix}} and {@code {dualStackDnsSuffix}} in it
 */
record HostnameOverride(Set<String> partitions, boolean fips, boolean dualStack, String template) {

    HostnameOverride {
        partitions = Set.copyOf(partitions);
        Objects.requireNonNull(template, "template");
    }

    boolean appliesTo(Partition partition, boolean fips, boolean dualStack) {
        return this.fips == fips && this.dualStack == dualStack && partitions.contains(partition.name());
    }

    String hostname(String region, Partition partition) {
        return template.replace("{region}", region)
                .replace("{dnsSuffix}", partition.dnsSuffix())
                .replace("{dualStackDnsSuffix}", partition.dualStackDnsSuffix());
    }
}
