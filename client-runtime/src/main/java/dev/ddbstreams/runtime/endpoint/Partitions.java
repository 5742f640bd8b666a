package dev.ddbstreams.runtime.endpoint;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS partitions, and which one a region belongs to.
 *
 * <p>A region belongs to the partition that lists it; else to the first whose region pattern it matches; else to
 * {@code aws}, so a region launched after this release still resolves, to the commercial partition's domain. This
 * is the {@code aws.partition} function of the endpoint rules, over the AWS SDKs' partition data (December 2025).
 */
final class Partitions {

    /** Every partition, the default ({@code aws}) first. */
    static final Partitions AWS = new Partitions(List.of(
            new Partition("aws", Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$"), Set.of(
                    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
                    "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global",
                    "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
                    "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
                    "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2"),
                    "amazonaws.com", "api.aws", true, true),
            new Partition("aws-cn", Pattern.compile("^cn-\\w+-\\d+$"),
                    Set.of("aws-cn-global", "cn-north-1", "cn-northwest-1"),
                    "amazonaws.com.cn", "api.amazonwebservices.com.cn", true, true),
            new Partition("aws-eusc", Pattern.compile("^eusc-(de)-\\w+-\\d+$"), Set.of("eusc-de-east-1"),
                    "amazonaws.eu", "api.amazonwebservices.eu", true, true),
            new Partition("aws-iso", Pattern.compile("^us-iso-\\w+-\\d+$"),
                    Set.of("aws-iso-global", "us-iso-east-1", "us-iso-west-1"),
                    "c2s.ic.gov", "api.aws.ic.gov", true, true),
            new Partition("aws-iso-b", Pattern.compile("^us-isob-\\w+-\\d+$"),
                    Set.of("aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"),
                    "sc2s.sgov.gov", "api.aws.scloud", true, true),
            new Partition("aws-iso-e", Pattern.compile("^eu-isoe-\\w+-\\d+$"),
                    Set.of("aws-iso-e-global", "eu-isoe-west-1"),
                    "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", true, true),
            new Partition("aws-iso-f", Pattern.compile("^us-isof-\\w+-\\d+$"),
                    Set.of("aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"),
                    "csp.hci.ic.gov", "api.aws.hci.ic.gov", true, true),
            new Partition("aws-us-gov", Pattern.compile("^us-gov-\\w+-\\d+$"),
                    Set.of("aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"),
                    "amazonaws.com", "api.aws", true, true)));

    private final List<Partition> partitions;

    /** @param partitions the partitions, the default one first */
    Partitions(List<Partition> partitions) {
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("at least the default partition is needed");
        }
        this.partitions = List.copyOf(partitions);
    }

    /** The partition {@code region} belongs to. */
    Partition of(String region) {
        Objects.requireNonNull(region, "region");
        for (Partition partition : partitions) {
            if (partition.regions().contains(region)) {
                return partition;
            }
        }
        for (Partition partition : partitions) {
            if (partition.regionPattern().matcher(region).matches()) {
                return partition;
            }
        }
        return partitions.get(0);
    }
}
