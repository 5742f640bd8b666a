// The quick-start pom built on the expected Maven: generated the client, compiled the code that uses it, made the jar.

def log = new File(basedir, 'build.log').text
assert log.contains("Apache Maven ${expectedMavenVersion}") : "expected a build on Maven ${expectedMavenVersion}"
assert log.contains('BUILD SUCCESS')
assert log =~ /Generated \S*service-2\.json \(c2j\) into \S+: [1-9]\d* written/
['com/example/streams/DynamoDbStreamsClient.class', 'com/example/streams/model/AttributeValue.class',
 'com/example/app/StreamArns.class'].each {
    assert new File(basedir, "target/classes/$it").isFile() : "$it was not compiled"
}
assert new File(basedir, 'target/streams-app-1.0-SNAPSHOT.jar').isFile()
// Compiled for Java 17 (class file major version 61), not for the old compiler plugin's default.
def header = new File(basedir, 'target/classes/com/example/app/StreamArns.class').bytes
assert ((header[6] & 0xff) << 8 | (header[7] & 0xff)) == 61
return true
