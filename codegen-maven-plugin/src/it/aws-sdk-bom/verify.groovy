// Both builds passed their tests (SignerVersionsTest knows what each SDK version must give).

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2 : "expected 2 builds in build.log, found ${runs.size()}"
runs.each {
    assert it.contains('BUILD SUCCESS')
    assert it.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
}
assert runs[1].contains('Refused as expected: This DynamoDB Streams client signs requests with the AWS SDK for Java')
return true
