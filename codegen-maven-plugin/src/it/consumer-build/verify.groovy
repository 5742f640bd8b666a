// Checks the three builds of invoker.properties from their shared build.log and from the files they left.

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3 : "expected 3 builds in build.log, found ${runs.size()}"
def (first, second, third) = runs
runs.each { assert it.contains('BUILD SUCCESS') }

// 1: everything generated, compiled, and the MockWebServer test passed.
assert first =~ /Generated \S*service-2\.json \(c2j\) into \S+: [1-9]\d* written, 0 unchanged, 0 removed/
assert first.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

// 2: unchanged model: no file written, so the compiler finds nothing to do, for main or test sources.
assert second =~ /: 0 written, [1-9]\d* unchanged, 0 removed/
assert second.findAll('Nothing to compile - all classes are up to date').size() == 2 : 'main and test sources must not be recompiled'

// 3: the edited model regenerates what it changes, and the new accessor works.
assert third =~ /: [1-9]\d* written, [1-9]\d* unchanged, 0 removed/
assert third =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: \S+ s -- in com\.example\.consumer\.NoteColorTest/
assert third.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')

def generated = new File(basedir, 'target/generated-sources/ddbstreams/com/example/notes')
def note = new File(generated, 'model/Note.java')
assert note.text.contains('public String color()')
// Files the edit did not affect keep the content and timestamp of the first build.
['model/GetNoteRequest.java', 'NotesClient.java', 'model/Body.java'].each {
    def untouched = new File(generated, it)
    assert untouched.lastModified() < note.lastModified() : "$it was rewritten although the model edit did not change it"
}
return true
