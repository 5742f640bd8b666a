// Both builds failed (the invoker checked that); here: they failed for the right reason, and said it well.

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 2 : "expected 2 builds in build.log, found ${runs.size()}"
def (c2j, smithy) = runs
def model = new File(basedir, 'src/main/model').canonicalPath

assert c2j.contains('The model has 2 problems:')
assert c2j.contains("${model}/service-2.json:21:29: shape \"GetNoteInput\" member \"NoteId\" refers to shape \"Strng\", which is not defined; did you mean \"String\"?")
assert c2j.contains("${model}/service-2.json:12:16: operation \"GetNote\" refers to shape \"GetNoteOuput\", which is not defined; did you mean \"GetNoteOutput\"?")

assert smithy.contains('The model has a problem:')
assert smithy.contains("${model}/notes.smithy:14:9: example.notes#GetNoteInput\$NoteId: member shape targets an unresolved shape `example.notes#Strng`")

runs.each { run ->
    assert run.contains('[ERROR] Failed to execute goal dev.ddbstreams:codegen-maven-plugin:')
    // The message is the whole report: no stack trace, no exception class names, no generated sources left behind.
    assert !(run =~ /(?m)^\s+at [a-z]/) : 'a stack trace was printed'
    assert !run.contains('Exception:') && !run.contains('Caused by')
}
assert !new File(basedir, 'target/generated-sources/ddbstreams').exists()
return true
