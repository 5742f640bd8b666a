// Checks the two builds of invoker.properties from their shared build.log and the files they left.

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2 : "expected 2 builds in build.log, found ${runs.size()}"
def (skipped, built) = runs
runs.each { assert it.contains('BUILD SUCCESS') }

// 1: skip: both executions ran and did nothing.
assert skipped.findAll('Skipping code generation \\(skip = true\\)').size() == 2
assert !skipped.contains('Generated ')

// 2: each execution generated its own client into its own directory; neither removed the other's files.
def model = new File(basedir, 'src/main/model').canonicalPath
assert built =~ /Generated ${java.util.regex.Pattern.quote(model)}\/notes\/service-2\.json \(c2j\) into \S+\/generated-sources\/notes: [1-9]\d* written, 0 unchanged, 0 removed/
assert built =~ /Generated ${java.util.regex.Pattern.quote(model)}\/shop\/shop\.json \(smithy\) into \S+\/generated-sources\/shop: [1-9]\d* written, 0 unchanged, 0 removed/
def classes = new File(basedir, 'target/classes/com/example')
// From the Smithy model's union, @error, @paginated and @smithy.waiters#waitable:
['notes/NotesClient.class', 'notes/model/Body$Text.class', 'shop/ShopClient.class', 'shop/model/Payment$Card.class',
 'shop/model/OrderNotFoundException.class', 'shop/model/ThrottledException.class', 'shop/paginators/ListOrdersIterable.class',
 'shop/waiters/ShopWaiter.class', 'app/Dashboard.class'].each {
    assert new File(classes, it).isFile() : "$it was not compiled"
}
// The request class is named after the operation, whatever the Smithy model calls the input.
assert new File(basedir, 'target/generated-sources/shop/com/example/shop/model/GetOrderRequest.java').isFile()
return true
