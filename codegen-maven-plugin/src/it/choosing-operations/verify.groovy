// Checks the two builds of invoker.properties from their shared build.log and the files they left.

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2 : "expected 2 builds in build.log, found ${runs.size()}"
def (built, misnamed) = runs
def model = new File(basedir, 'src/main/model/feeds/service-2.json').canonicalPath

// 1: one warning, through Maven's log, naming the operation, where it is and why; none for the excluded operation.
assert built.contains('BUILD SUCCESS')
// (Maven may warn about downloads too; the plugin's warnings name the model.)
def warnings = built.readLines().findAll { it.startsWith('[WARNING]') && (it.contains(model) || it.contains('left out')) }
assert warnings == ["[WARNING] ${model}:15:24: operation \"SubscribeToFeed\" is left out: it uses the event stream \"FeedEvents\" " +
        '(member "Events" of shape "SubscribeToFeedOutput"), which this generator does not support; ' +
        'add it to excludeOperations to leave it out without this warning'] : warnings.join('\n')
def generated = new File(basedir, 'target/generated-sources/ddbstreams/com/example/feeds')
assert new File(generated, 'model/GetFeedRequest.java').isFile()
['model/DeleteFeedRequest.java', 'model/FeedInUseException.java', 'model/SubscribeToFeedRequest.java',
 'model/SubscribeToFeedResponse.java', 'model/FeedEvents.java', 'model/FeedGoneException.java'].each {
    assert !new File(generated, it).exists() : "$it was generated"
}
def client = new File(generated, 'FeedsClient.java').text
assert client.contains('GetFeedResponse getFeed(GetFeedRequest request)')
assert !client.contains('deleteFeed') && !client.contains('subscribeToFeed')
assert new File(basedir, 'target/classes/com/example/feeds/FeedsClient.class').isFile()

// 2: the unknown name, the setting and a suggestion; no stack trace.
assert misnamed.contains('[ERROR] Failed to execute goal dev.ddbstreams:codegen-maven-plugin:')
assert misnamed.contains("${model}: includeOperations names \"GetFed\", which is not an operation of the model; did you mean \"GetFeed\"?")
assert !(misnamed =~ /(?m)^\s+at [a-z]/) : 'a stack trace was printed'
return true
