#!/bin/sh
# Uploads the staged, checked bundle to the Maven Central Portal as a deployment that a person publishes by hand.
# Called by the release profile of release-tests/pom.xml: upload-bundle.sh <bundle.zip> <version> <skip>
# The Portal user token comes from CENTRAL_TOKEN_USERNAME and CENTRAL_TOKEN_PASSWORD, never from a file in the
# repository, and reaches curl on its standard input, not on its command line.
set -eu
bundle=$1
version=$2
skip=$3

if [ "$skip" = true ]; then
    echo "Not uploading (central.skipUpload=true). The bundle Central would receive: $bundle"
    exit 0
fi
case "$version" in
    *-SNAPSHOT) echo "Version $version is a SNAPSHOT: Maven Central takes releases only (docs/releasing.md)." >&2; exit 1 ;;
esac
: "${CENTRAL_TOKEN_USERNAME:?is not set: the user name of a Central Portal user token (docs/releasing.md)}"
: "${CENTRAL_TOKEN_PASSWORD:?is not set: the password of a Central Portal user token (docs/releasing.md)}"

token=$(printf '%s:%s' "$CENTRAL_TOKEN_USERNAME" "$CENTRAL_TOKEN_PASSWORD" | base64 | tr -d '\n')
deployment=$(printf 'header = "Authorization: Bearer %s"\n' "$token" | curl --config - --silent --show-error \
    --fail-with-body --form "bundle=@$bundle" \
    "https://central.sonatype.com/api/v1/publisher/upload?name=ddbstreams-$version&publishingType=USER_MANAGED")
echo "Uploaded $bundle as deployment $deployment. Nothing is public yet: check it at"
echo "https://central.sonatype.com/publishing/deployments and press Publish."
